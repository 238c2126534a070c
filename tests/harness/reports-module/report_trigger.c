// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only module (not part of the series) for the runner's self-tests,
 * tests/harness/runner-reports.sh: loading it makes the kernel print one
 * kind of report, so that each kind scripts/run-qemu.sh scans the console
 * for can be shown to fail a run.
 *
 *   insmod report_trigger.ko trigger=KIND [hold_s=N]
 *
 * KIND is one of the names in report_triggers[] below. The fatal kinds
 * (panic, oops, bug) never return; every other kind reports and the load
 * succeeds, so that only the runner's console scan can see it.
 */
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

static char *trigger = "";
module_param(trigger, charp, 0444);
MODULE_PARM_DESC(trigger, "the kind of report to cause at load");

static unsigned int hold_s = 6;
module_param(hold_s, uint, 0444);
MODULE_PARM_DESC(hold_s, "seconds a stall, lockup or hung-task trigger lasts");

static noinline void report_trigger_panic(void)
{
	panic("report_trigger: panic on request");
}

static noinline void report_trigger_oops(void)
{
	int *p = NULL;

	/* The compiler must not see that p is NULL and drop the store. */
	OPTIMIZER_HIDE_VAR(p);
	WRITE_ONCE(*p, 1);
}

static noinline void report_trigger_bug(void)
{
	BUG();
}

static noinline void report_trigger_warn(void)
{
	WARN(1, "report_trigger: warning on request\n");
}

/* A second warning site, for a run that allows this one and not the other. */
static noinline void report_trigger_allowed_warn(void)
{
	WARN(1, "report_trigger: allowed warning on request\n");
}

static DEFINE_MUTEX(report_lock_a);
static DEFINE_MUTEX(report_lock_b);

/*
 * A then B, later B then A: lockdep reports the circular dependency at the
 * second acquisition although nothing deadlocks (one thread only).
 */
static noinline void report_trigger_lockdep(void)
{
	mutex_lock(&report_lock_a);
	mutex_lock(&report_lock_b);
	mutex_unlock(&report_lock_b);
	mutex_unlock(&report_lock_a);

	mutex_lock(&report_lock_b);
	mutex_lock(&report_lock_a);
	mutex_unlock(&report_lock_a);
	mutex_unlock(&report_lock_b);
}

static noinline void report_trigger_kasan(void)
{
	size_t size = 13;
	char *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return;
	OPTIMIZER_HIDE_VAR(p);
	/* One byte past the object: in generic KASAN's kmalloc redzone. */
	pr_info("report_trigger: read past a %zu-byte object: %d\n", size, READ_ONCE(p[size]));
	kfree(p);
}

static noinline void report_trigger_ubsan(void)
{
	int shift = 37;

	OPTIMIZER_HIDE_VAR(shift);
	pr_info("report_trigger: 1 << %d = %d\n", shift, 1 << shift);
}

/*
 * Keep this CPU busy in the kernel with preemption off for hold_s seconds:
 * no quiescent state for RCU, no run of the soft-lockup watchdog's stopper
 * thread. Interrupts stay on, so the tick sees (and reports) it.
 */
static void report_spin(void)
{
	unsigned int ms;

	preempt_disable();
	for (ms = 0; ms < hold_s * 1000; ms++)
		mdelay(1);
	preempt_enable();
}

static void report_rcu_cb(struct rcu_head *head)
{
}

static noinline void report_trigger_rcu_stall(void)
{
	static struct rcu_head head;

	/* A callback makes sure a grace period is waiting on the spin. */
	call_rcu(&head, report_rcu_cb);
	report_spin();
	rcu_barrier();
}

static DECLARE_COMPLETION(report_spin_started);
static DECLARE_COMPLETION(report_spin_done);
static DECLARE_COMPLETION(report_exp_done);

static int report_spinner(void *unused)
{
	preempt_disable();
	complete(&report_spin_started);
	report_spin();
	preempt_enable();
	complete(&report_spin_done);
	return 0;
}

static int report_exp_gp(void *unused)
{
	wait_for_completion(&report_spin_started);
	synchronize_rcu_expedited();
	complete(&report_exp_done);
	return 0;
}

/*
 * An expedited grace period asked for on one CPU while another spins: the
 * expedited IPI finds preemption off there and cannot report a quiescent
 * state for it. Both are kthreads bound to their CPU, so that the two can
 * never end up on the same one.
 */
static noinline void report_trigger_rcu_exp_stall(void)
{
	unsigned int spin_cpu = cpumask_first(cpu_online_mask);
	unsigned int gp_cpu = cpumask_next(spin_cpu, cpu_online_mask);
	struct task_struct *spinner, *gp;

	if (gp_cpu >= nr_cpu_ids) {
		pr_err("report_trigger: needs a second CPU\n");
		return;
	}
	spinner = kthread_create(report_spinner, NULL, "report_spinner");
	if (IS_ERR(spinner))
		return;
	gp = kthread_create(report_exp_gp, NULL, "report_exp_gp");
	if (IS_ERR(gp)) {
		kthread_stop(spinner);
		return;
	}
	kthread_bind(spinner, spin_cpu);
	kthread_bind(gp, gp_cpu);
	wake_up_process(spinner);
	wake_up_process(gp);
	wait_for_completion(&report_spin_done);
	wait_for_completion(&report_exp_done);
}

static noinline void report_trigger_soft_lockup(void)
{
	report_spin();
}

/* Uninterruptible sleep: the hung-task detector's "blocked" state. */
static noinline void report_trigger_hung_task(void)
{
	msleep(hold_s * 1000);
}

/*
 * An allocation whose pointer is dropped at once. Only a scrambled copy
 * leaves this function: kmemleak takes any word of scanned memory equal
 * to an object's address for a reference, and stale copies on a stack
 * (even an exited task's, which stays allocated in the stack cache) would
 * hide the leak.
 */
static noinline unsigned long report_leak_one(size_t size)
{
	return (unsigned long)kmalloc(size, GFP_KERNEL) ^ 0x5a5a5a5a5a5a5a5aUL;
}

/*
 * Leaks that the scan at the end of the run finds. kmemleak reports an
 * object only once it is older than 5 s, so the load waits that out.
 */
static noinline void report_trigger_kmemleak(void)
{
	int i;

	for (i = 0; i < 8; i++)
		report_leak_one(256 + 64 * i);
	pr_info("report_trigger: leaked 8 objects\n");
	msleep(6000);
}

static const struct {
	const char *name;
	void (*fn)(void);
} report_triggers[] = {
	{ "panic", report_trigger_panic },
	{ "oops", report_trigger_oops },
	{ "bug", report_trigger_bug },
	{ "warn", report_trigger_warn },
	{ "allowed_warn", report_trigger_allowed_warn },
	{ "lockdep", report_trigger_lockdep },
	{ "kasan", report_trigger_kasan },
	{ "ubsan", report_trigger_ubsan },
	{ "rcu_stall", report_trigger_rcu_stall },
	{ "rcu_exp_stall", report_trigger_rcu_exp_stall },
	{ "soft_lockup", report_trigger_soft_lockup },
	{ "hung_task", report_trigger_hung_task },
	{ "kmemleak", report_trigger_kmemleak },
};

static int __init report_trigger_init(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(report_triggers); i++) {
		if (strcmp(trigger, report_triggers[i].name))
			continue;
		pr_info("report_trigger: %s\n", trigger);
		report_triggers[i].fn();
		pr_info("report_trigger: %s done\n", trigger);
		return 0;
	}
	pr_err("report_trigger: unknown trigger '%s'\n", trigger);
	return -EINVAL;
}
module_init(report_trigger_init);

static void __exit report_trigger_exit(void)
{
}
module_exit(report_trigger_exit);

MODULE_DESCRIPTION("Test-only triggers for each kind of kernel report the QEMU runner scans for");
MODULE_LICENSE("GPL");
