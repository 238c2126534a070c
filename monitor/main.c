// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - boot flow.
 *
 * CPU 0:  .data/.bss, secure UART, GIC, PSCI state, release the
 *         secondaries, enter Linux at PLAT_NS_IMAGE_ADDR.
 * Others: wait for CPU 0, then wait OFF in cpu_park() until PSCI CPU_ON.
 */
#include <stddef.h>
#include <stdint.h>
#include "arch.h"
#include "console.h"
#include "gic.h"
#include "lib.h"
#include "platform.h"
#include "plat.h"
#include "model.h"
#include "nsmem.h"
#include "psci.h"
#include "scenario.h"
#include "scm.h"

/* Linker script symbols. */
extern uint8_t __data_load[], __data_start[], __data_end[];
extern uint8_t __bss_start[], __bss_end[];


/*
 * Written once by CPU 0 when the shared state is ready. It lives in
 * .noinit, not .bss: the secondaries read it while CPU 0 clears .bss. A
 * 64-bit magic rather than a flag so that stale RAM cannot look "ready".
 */
#define BOOT_DONE_MAGIC	0x6d6f6e69746f7221ULL	/* "monitor!" */
static uint64_t boot_done __attribute__((section(".noinit")));

/* Bytes of the DTB at PLAT_NS_DTB_ADDR we may read: it ends before the Image. */
#define BOOT_DTB_MAX	(PLAT_NS_IMAGE_ADDR - PLAT_NS_DTB_ADDR)
#define SCENARIO_PROP	"qemu,scm-mock-scenario"
#define SCENARIO_IGNORED_MAX	256	/* bytes of ignored words the log names */

/* The SCM model: defaults, then /chosen/qemu,scm-mock-scenario if present. */
static void boot_scm_scenario(void)
{
	struct scm_cfg cfg;
	const char *s;
	uint32_t len = 0;
	char ignored[SCENARIO_IGNORED_MAX];

	scm_cfg_defaults(&cfg);
	s = fdt_chosen_prop((const uint8_t *)(uintptr_t)PLAT_NS_DTB_ADDR, BOOT_DTB_MAX,
			    SCENARIO_PROP, &len);
	if (s && len && s[len - 1] == '\0') {
		/* The harness fails a boot whose log names ignored words. */
		if (scm_cfg_parse(&cfg, s, ignored, sizeof(ignored)))
			console_printf("monitor: scm scenario \"%s\" (ignored words: %s)\n",
				       s, ignored);
		else
			console_printf("monitor: scm scenario \"%s\"\n", s);
	} else {
		console_printf("monitor: scm scenario: defaults (no /chosen/" SCENARIO_PROP ")\n");
	}
	scm_model_init(&cfg);
	scm_lock();
	plat_timer_set(scm_tick(plat_now_us()));
	scm_unlock();
}

/*
 * Normal RAM, where SCM buffers may lie: the DTB's /memory nodes, so that
 * -m 512 refuses a buffer past 0x60000000 (instead of an EL3 abort on
 * unbacked memory) and -m 2048 accepts one above 0x80000000.
 */
static void boot_ns_memory(void)
{
	struct ns_range r[NS_MEM_MAX_RANGES];
	unsigned int i, n;

	n = fdt_memory((const uint8_t *)(uintptr_t)PLAT_NS_DTB_ADDR, BOOT_DTB_MAX, r,
		       NS_MEM_MAX_RANGES);
	ns_mem_reset();
	for (i = 0; i < n; i++) {
		ns_mem_add(r[i].base, r[i].size);
		console_printf("monitor: normal RAM 0x%llx..0x%llx\n",
			       (unsigned long long)r[i].base,
			       (unsigned long long)(r[i].base + r[i].size));
	}
	if (!n)
		console_printf("monitor: no /memory in the DTB: every SCM buffer is refused\n");
}

static void boot_check_image(void)
{
	uint32_t magic = mmio_read32(PLAT_NS_IMAGE_ADDR + PLAT_NS_IMAGE_MAGIC_OFF);

	if (magic != PLAT_NS_IMAGE_MAGIC)
		console_printf("monitor: note: no arm64 Image magic at 0x%x, entering anyway\n",
			       PLAT_NS_IMAGE_ADDR);
}

void __noreturn boot_main(unsigned int idx)
{
	unsigned int cpus;

	memcpy(__data_start, __data_load, (size_t)(__data_end - __data_start));
	memset(__bss_start, 0, (size_t)(__bss_end - __bss_start));

	console_init();
	console_printf("\nmonitor: QEMU virt EL3 mock secure monitor, cpu%u, CNTFRQ %llu Hz\n",
		       idx, (unsigned long long)read_sysreg(cntfrq_el0));

	cpus = gic_init();
	if (cpus > PLAT_MAX_CPUS) {
		console_printf("monitor: %u CPUs, only %u served\n", cpus, PLAT_MAX_CPUS);
		cpus = PLAT_MAX_CPUS;
	}
	psci_init(cpus, idx);
	boot_scm_scenario();
	boot_ns_memory();

	__atomic_store_n(&boot_done, BOOT_DONE_MAGIC, __ATOMIC_RELEASE);
	dsb_sy();
	sev();

	boot_check_image();
	console_printf("monitor: %u CPUs; entering EL1 at 0x%x, DTB 0x%x\n",
		       cpus, PLAT_NS_IMAGE_ADDR, PLAT_NS_DTB_ADDR);
	el3_enter_el1(PLAT_NS_IMAGE_ADDR, PLAT_NS_DTB_ADDR, idx);
}

void __noreturn secondary_main(unsigned int idx)
{
	while (__atomic_load_n(&boot_done, __ATOMIC_ACQUIRE) != BOOT_DONE_MAGIC)
		wfe();
	cpu_park(idx);
}
