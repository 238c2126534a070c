// SPDX-License-Identifier: GPL-2.0
/*
 * scm_svc.c - the SCM services of the mock firmware: what a call does once
 * it may run.
 *
 *  1. BOOT/SET_REMOTE_STATE, PIL/PAS_IS_SUPPORTED
 *  2. IO/READ, IO/WRITE: a small register file
 *  3. HDCP/INVOKE: a hash of the ten arguments
 *  4. MP/ASSIGN: the three lists qcom_scm_assign_mem() passes, validated
 *  5. Dispatch
 *
 * The calling convention (scm.c) has checked the function ID, the exact
 * arginfo and the argument buffer before anything here runs. State private
 * to this file; normal-world memory through plat.h, inside the RAM that
 * nsmem.h knows. Plain C, unit-tested on the host. MODES.md: every answer.
 */
#include "le.h"
#include "nsmem.h"
#include "plat.h"
#include "scm.h"
#include "scm_svc.h"

#define REMOTE_STATE_IDS	16
#define IO_REGS			32
#define IO_ALIGN		4

static struct {
	uint32_t remote_state[REMOTE_STATE_IDS];
	uint32_t io_addr[IO_REGS];
	uint32_t io_val[IO_REGS];
	uint32_t io_used;
	uint64_t assign_mask;	/* last good ASSIGN's destination vmids */
} svc;

void svc_reset(void)
{
	unsigned int i;

	for (i = 0; i < REMOTE_STATE_IDS; i++)
		svc.remote_state[i] = 0;
	svc.io_used = 0;
	svc.assign_mask = 0;
}

uint32_t svc_remote_state(unsigned int id)
{
	return id < REMOTE_STATE_IDS ? svc.remote_state[id] : 0;
}

uint64_t svc_assign_mask(void)
{
	return svc.assign_mask;
}

/* ---- 1. BOOT, PIL ---------------------------------------------------- */

/* BOOT/SET_REMOTE_STATE(state, id): remembered per id; x1 = 0 (success). */
static void svc_set_remote_state(const struct scm_call *call, struct scm_result *res)
{
	uint64_t id = call->args[1];

	if (id >= REMOTE_STATE_IDS) {
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	svc.remote_state[id] = (uint32_t)call->args[0];
	scm_result_set(res, SCM_SUCCESS, 0, 0, 0);
}

/* PAS ids the mock "supports" (ADSP 1, MPSS 4, venus 9, SLPI 12, CDSP 18). */
static int svc_pas_supported(uint64_t id)
{
	return id == 1 || id == 4 || id == 9 || id == 12 || id == 18;
}

/* ---- 2. IO ----------------------------------------------------------- */

/*
 * IO/READ(addr) and IO/WRITE(addr, val): a register file of IO_REGS words
 * keyed by address. A never-written address reads as ~addr (low 32 bits),
 * so a test can tell "never written" from "wrote 0". Unaligned -> -3,
 * full -> -5.
 */
static int svc_io_find(uint32_t addr)
{
	unsigned int i;

	for (i = 0; i < svc.io_used; i++)
		if (svc.io_addr[i] == addr)
			return (int)i;
	return -1;
}

static void svc_io(const struct scm_call *call, struct scm_result *res)
{
	uint32_t addr = (uint32_t)call->args[0];
	int i;

	if (addr & (IO_ALIGN - 1)) {
		scm_result_set(res, SCM_EINVAL_ADDR, 0, 0, 0);
		return;
	}
	i = svc_io_find(addr);
	if (call->cmd == SCM_IO_READ) {
		scm_result_set(res, SCM_SUCCESS, i < 0 ? (uint32_t)~addr : svc.io_val[i], 0, 0);
		return;
	}
	if (i < 0) {
		if (svc.io_used == IO_REGS) {
			scm_result_set(res, SCM_ENOMEM, 0, 0, 0);
			return;
		}
		i = (int)svc.io_used++;
		svc.io_addr[i] = addr;
	}
	svc.io_val[i] = (uint32_t)call->args[1];
	scm_result_set(res, SCM_SUCCESS, 0, 0, 0);
}

/* ---- 3. HDCP --------------------------------------------------------- */

#define HDCP_ARGS		10
#define HDCP_HASH_BASIS		0xcbf29ce484222325ULL
#define HDCP_HASH_PRIME		0x100000001b3ULL
#define HDCP_HASH_SHIFT		29

/**
 * scm_hdcp_hash() - the documented answer of HDCP/INVOKE.
 *
 * FNV-1a-like over the ten arguments (as the caller's width passed them),
 * folded to 32 bits: x1 = fold(h), h = 0xcbf29ce484222325, per argument
 * h = (h ^ arg) * 0x100000001b3, h ^= h >> 29. Any change in any argument
 * changes the answer, so concurrent callers can tell theirs apart.
 */
uint32_t scm_hdcp_hash(const uint64_t *args, unsigned int n)
{
	uint64_t h = HDCP_HASH_BASIS;
	unsigned int i;

	for (i = 0; i < n; i++) {
		h = (h ^ args[i]) * HDCP_HASH_PRIME;
		h ^= h >> HDCP_HASH_SHIFT;
	}
	return (uint32_t)(h ^ (h >> 32));
}

/* ---- 4. MP/ASSIGN ---------------------------------------------------- */

/*
 * As Linux 6.1's qcom_scm_assign_mem() issues it: 7 arguments,
 *   0 mem list pa (RO)  1 mem list size  2 src vmid list pa (RO)
 *   3 src size          4 dest list pa (RO)  5 dest size  6 flag (0)
 * mem entry {le64 addr, le64 size}; src entry le32 vmid; dest entry
 * {le32 vmid, le32 perm, le64 ctx, le32 ctx_size, le32 unused}.
 */
#define ASSIGN_MEM_ENTRY	16
#define ASSIGN_SRC_ENTRY	4
#define ASSIGN_DEST_ENTRY	24
#define ASSIGN_MAX_MEM		4
#define ASSIGN_MAX_SRC		16
#define ASSIGN_MAX_DEST		8
#define ASSIGN_MEM_ALIGN	8
#define ASSIGN_SRC_ALIGN	4
#define ASSIGN_DEST_ALIGN	8
#define ASSIGN_PERM_MASK	0x7	/* READ 4 | WRITE 2 | EXEC 1 */
#define ASSIGN_MAX_VMID		63	/* vmids are bits of a 64-bit mask */
#define ASSIGN_MAX_FLAG		1
#define ASSIGN_PAGE		0x1000

/* Read one ASSIGN list: -3 if outside RAM or misaligned, -2 bad size. */
static int64_t svc_assign_list(uint64_t pa, uint64_t size, unsigned int entry,
			       unsigned int max, unsigned int align, uint8_t *buf)
{
	if (size == 0 || size % entry || size / entry > max)
		return SCM_EINVAL_ARG;
	if (pa & (align - 1) || !ns_mem_ok(pa, size))
		return SCM_EINVAL_ADDR;
	plat_ns_read(pa, buf, (size_t)size);
	return 0;
}

static int64_t svc_assign_check(const struct scm_call *call, uint64_t *dest_mask)
{
	uint8_t mem[ASSIGN_MAX_MEM * ASSIGN_MEM_ENTRY];
	uint8_t src[ASSIGN_MAX_SRC * ASSIGN_SRC_ENTRY];
	uint8_t dest[ASSIGN_MAX_DEST * ASSIGN_DEST_ENTRY];
	const uint64_t *a = call->args;
	uint64_t seen = 0;
	unsigned int i;
	int64_t ret;

	if (a[6] > ASSIGN_MAX_FLAG)
		return SCM_EINVAL_ARG;
	ret = svc_assign_list(a[0], a[1], ASSIGN_MEM_ENTRY, ASSIGN_MAX_MEM, ASSIGN_MEM_ALIGN, mem);
	if (!ret)
		ret = svc_assign_list(a[2], a[3], ASSIGN_SRC_ENTRY, ASSIGN_MAX_SRC,
				      ASSIGN_SRC_ALIGN, src);
	if (!ret)
		ret = svc_assign_list(a[4], a[5], ASSIGN_DEST_ENTRY, ASSIGN_MAX_DEST,
				      ASSIGN_DEST_ALIGN, dest);
	if (ret)
		return ret;

	for (i = 0; i < a[1] / ASSIGN_MEM_ENTRY; i++) {
		uint64_t addr = le_get(mem + i * ASSIGN_MEM_ENTRY, 8);
		uint64_t size = le_get(mem + i * ASSIGN_MEM_ENTRY + 8, 8);

		if (size == 0 || (addr | size) & (ASSIGN_PAGE - 1) || addr + size < addr)
			return SCM_EINVAL_ARG;
	}
	for (i = 0; i < a[3] / ASSIGN_SRC_ENTRY; i++) {
		uint64_t vmid = le_get(src + i * ASSIGN_SRC_ENTRY, 4);

		if (vmid > ASSIGN_MAX_VMID || seen & (1ULL << vmid))
			return SCM_EINVAL_ARG;
		seen |= 1ULL << vmid;
	}
	*dest_mask = 0;
	for (i = 0; i < a[5] / ASSIGN_DEST_ENTRY; i++) {
		const uint8_t *e = dest + i * ASSIGN_DEST_ENTRY;
		uint64_t vmid = le_get(e, 4), perm = le_get(e + 4, 4);
		uint64_t ctx = le_get(e + 8, 8), ctx_size = le_get(e + 16, 4);

		if (vmid > ASSIGN_MAX_VMID || *dest_mask & (1ULL << vmid))
			return SCM_EINVAL_ARG;
		if (perm == 0 || perm & ~(uint64_t)ASSIGN_PERM_MASK)
			return SCM_EINVAL_ARG;
		if (!ctx != !ctx_size)
			return SCM_EINVAL_ARG;
		*dest_mask |= 1ULL << vmid;
	}
	return 0;
}

static void svc_assign(const struct scm_call *call, struct scm_result *res)
{
	uint64_t mask = 0;
	int64_t ret = svc_assign_check(call, &mask);

	if (!ret)
		svc.assign_mask = mask;
	scm_result_set(res, ret, 0, 0, 0);
}

/* ---- 5. Dispatch ----------------------------------------------------- */

int svc_needs_resource(const struct scm_call *call)
{
	switch (call->svc) {
	case SCM_SVC_BOOT:
	case SCM_SVC_PIL:
	case SCM_SVC_MP:
	case SCM_SVC_HDCP:
		return 1;
	default:
		return 0;
	}
}

void svc_execute(const struct scm_call *call, struct scm_result *res)
{
	switch (SCM_FN(call->svc, call->cmd)) {
	case SCM_FN(SCM_SVC_BOOT, SCM_BOOT_SET_REMOTE_STATE):
		svc_set_remote_state(call, res);
		break;
	case SCM_FN(SCM_SVC_PIL, SCM_PIL_PAS_IS_SUPPORTED):
		scm_result_set(res, SCM_SUCCESS, (uint64_t)svc_pas_supported(call->args[0]), 0, 0);
		break;
	case SCM_FN(SCM_SVC_IO, SCM_IO_READ):
	case SCM_FN(SCM_SVC_IO, SCM_IO_WRITE):
		svc_io(call, res);
		break;
	case SCM_FN(SCM_SVC_MP, SCM_MP_ASSIGN):
		svc_assign(call, res);
		break;
	case SCM_FN(SCM_SVC_HDCP, SCM_HDCP_INVOKE):
		scm_result_set(res, SCM_SUCCESS, scm_hdcp_hash(call->args, HDCP_ARGS), 0, 0);
		break;
	default:
		scm_result_set(res, SCM_EOPNOTSUPP, 0, 0, 0);
		break;
	}
}
