// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-side instruments of make bench (bench/bench.sh), for the figures
 * where the kernel is the subject. Works on any kernel with the qcom_scm
 * driver, patched or not: it only uses the driver's exported API.
 *
 * /sys/kernel/debug/scm_bench/ (root only):
 *   cpu          the CPU the SCM caller runs on (default 1)
 *   probe_cpu    the CPU the IPI prober runs on (default 0)
 *   count        calls of a cost run, split into ten batches (default 100000)
 *   duration_ms  length of an ipi run (default 3000)
 *   interval_us  mean time between two IPIs of an ipi run, busy-waited and
 *                drawn at random from [interval_us / 2, 3 * interval_us / 2)
 *                so that probes do not fall into step with the timer tick
 *                or the second VM's period (default 1000)
 *   cost         write "fast" or "yielding": issue count calls back to
 *                back on cpu (fast: qcom_scm_io_readl(), an atomic call;
 *                yielding: qcom_scm_pas_supported()), timed per batch
 *   ipi          write anything: for duration_ms, a caller on cpu issues
 *                yielding calls back to back, the prober on probe_cpu
 *                times smp_call_function_single() to cpu every
 *                interval_us, and a SCHED_IDLE soaker on cpu counts the
 *                CPU time the caller leaves to other work (against a
 *                200 ms run of the soaker alone before)
 *   results      the last runs, "key=value" fields:
 *                  cost call= count= errors= batch_ns=N,N,...
 *                  ipi calls= errors= round_trips= ipi_errors= quiet_loops=
 *                      busy_loops= quiet_ms= busy_ms=
 *   ipi_samples  the last ipi run's round trips, one nanosecond value a line
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/prandom.h>
#include <linux/qcom_scm.h>
#include <linux/sched.h>
#include <uapi/linux/sched/types.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#define BENCH_BATCHES		10
#define BENCH_MAX_SAMPLES	65536
/* The register qcom_scm_io_readl() reads: nothing is mapped there on virt */
#define BENCH_IO_ADDR		0x0c000000
/* A peripheral the mock firmware reports supported */
#define BENCH_PAS_ID		1
#define BENCH_QUIET_MS		200
#define BENCH_MAX_INTERVAL_US	100000

static struct {
	struct mutex lock;		/* one run at a time; guards the results */
	struct dentry *dir;
	u32 cpu;
	u32 probe_cpu;
	u32 count;
	u32 duration_ms;
	u32 interval_us;

	bool have_cost;
	bool cost_fast;
	u32 cost_count;
	u64 cost_errors;
	u64 batch_ns[BENCH_BATCHES];

	bool have_ipi;
	u64 ipi_calls;
	u64 ipi_errors;
	u64 ipi_failed;
	u64 quiet_loops, quiet_ns;
	u64 busy_loops, busy_ns;
	u32 *samples;			/* vmalloc'ed, BENCH_MAX_SAMPLES */
	u32 nr_samples;
} bench = {
	.lock = __MUTEX_INITIALIZER(bench.lock),
	.cpu = 1,
	.count = 100000,
	.duration_ms = 3000,
	.interval_us = 1000,
};

static int bench_call(bool fast)
{
	unsigned int val;

	if (fast)
		return qcom_scm_io_readl(BENCH_IO_ADDR, &val);
	return qcom_scm_pas_supported(BENCH_PAS_ID) ? 0 : -EIO;
}

struct bench_cost {
	bool fast;
	u32 count;
	u64 errors;
	u64 batch_ns[BENCH_BATCHES];
	struct completion done;
};

static int bench_cost_fn(void *data)
{
	struct bench_cost *c = data;
	u32 per = c->count / BENCH_BATCHES, b, i;
	u64 start;

	for (b = 0; b < BENCH_BATCHES; b++) {
		start = ktime_get_ns();
		for (i = 0; i < per; i++)
			if (bench_call(c->fast))
				c->errors++;
		c->batch_ns[b] = ktime_get_ns() - start;
		cond_resched();
	}
	complete(&c->done);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ);
	return 0;
}

/* Start fn(data) on a kthread bound to cpu. */
static struct task_struct *bench_start(int (*fn)(void *), void *data,
				       unsigned int cpu, const char *what)
{
	struct task_struct *t;

	t = kthread_create_on_cpu(fn, data, cpu, what);
	if (!IS_ERR(t))
		wake_up_process(t);
	return t;
}

static int bench_cost(bool fast)
{
	struct bench_cost *c;
	struct task_struct *t;
	int ret = 0;

	if (bench.count < BENCH_BATCHES || bench.cpu >= nr_cpu_ids ||
	    !cpu_online(bench.cpu))
		return -EINVAL;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->fast = fast;
	c->count = bench.count;
	init_completion(&c->done);

	t = bench_start(bench_cost_fn, c, bench.cpu, "scm_bench_cost/%u");
	if (IS_ERR(t)) {
		ret = PTR_ERR(t);
		goto out;
	}
	wait_for_completion(&c->done);
	kthread_stop(t);

	bench.have_cost = true;
	bench.cost_fast = fast;
	bench.cost_count = c->count / BENCH_BATCHES * BENCH_BATCHES;
	bench.cost_errors = c->errors;
	memcpy(bench.batch_ns, c->batch_ns, sizeof(bench.batch_ns));
out:
	kfree(c);
	return ret;
}

struct bench_ipi {
	u64 deadline;			/* ktime_get_ns() */
	u64 calls, errors;
	u64 loops;
	u64 failed;			/* smp_call_function_single() errors */
	u32 nr;
	u32 *samples;
	u32 target;
	u32 interval_us;
	atomic_t running;		/* threads that have not finished */
	struct completion done;
};

static void bench_finish(struct bench_ipi *r)
{
	if (atomic_dec_and_test(&r->running))
		complete(&r->done);
}

static int bench_caller_fn(void *data)
{
	struct bench_ipi *r = data;

	while (ktime_get_ns() < r->deadline) {
		if (bench_call(false))
			r->errors++;
		r->calls++;
		cond_resched();
	}
	bench_finish(r);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ);
	return 0;
}

static int bench_soaker_fn(void *data)
{
	struct bench_ipi *r = data;
	u64 loops = 0;

	while (ktime_get_ns() < r->deadline) {
		loops++;
		cpu_relax();
		cond_resched();
	}
	r->loops = loops;
	bench_finish(r);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ);
	return 0;
}

static void bench_nop(void *unused)
{
}

static int bench_prober_fn(void *data)
{
	struct bench_ipi *r = data;
	u64 start, ns, until;

	while (ktime_get_ns() < r->deadline && r->nr < BENCH_MAX_SAMPLES) {
		start = ktime_get_ns();
		if (smp_call_function_single(r->target, bench_nop, NULL, 1)) {
			r->failed++;
			break;
		}
		ns = ktime_get_ns() - start;
		r->samples[r->nr++] = min_t(u64, ns, U32_MAX);
		/*
		 * Busy-wait: a sleep would end on a timer tick (no high
		 * resolution timers in a minimal kernel), yielding at every
		 * step, so that a woken thread on this CPU (the SCM wake
		 * interrupt's, say) runs at once even without kernel
		 * preemption.
		 */
		until = ktime_get_ns() + NSEC_PER_USEC *
			(r->interval_us / 2 + prandom_u32_max(r->interval_us + 1));
		while (ktime_get_ns() < until) {
			cpu_relax();
			cond_resched();
		}
	}
	bench_finish(r);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ);
	return 0;
}

/*
 * Soak the caller's CPU for ms with, when with_caller, the caller and the
 * prober running too. The soaker runs SCHED_IDLE (weight 3 against a
 * normal task's 1024), so it gets what the caller leaves.
 */
static int bench_soak(struct bench_ipi *r, u32 ms, bool with_caller)
{
	struct sched_attr idle = { .sched_policy = SCHED_IDLE };
	struct task_struct *t[3];
	int n = 0, ret = 0, i;

	atomic_set(&r->running, with_caller ? 3 : 1);
	init_completion(&r->done);
	r->deadline = ktime_get_ns() + (u64)ms * NSEC_PER_MSEC;

	t[n] = kthread_create_on_cpu(bench_soaker_fn, r, bench.cpu, "scm_bench_soak/%u");
	if (IS_ERR(t[n]))
		return PTR_ERR(t[n]);
	ret = sched_setattr_nocheck(t[n], &idle);
	if (ret) {
		kthread_stop(t[n]);
		return ret;
	}
	wake_up_process(t[n++]);
	if (with_caller) {
		t[n] = bench_start(bench_caller_fn, r, bench.cpu, "scm_bench_call/%u");
		if (IS_ERR(t[n])) {
			ret = PTR_ERR(t[n]);
			goto stop;
		}
		n++;
		t[n] = bench_start(bench_prober_fn, r, bench.probe_cpu, "scm_bench_ipi/%u");
		if (IS_ERR(t[n])) {
			ret = PTR_ERR(t[n]);
			goto stop;
		}
		n++;
	}
	wait_for_completion(&r->done);
stop:
	/* A thread that did not start never finishes: let the others run out. */
	for (i = n; ret && i < 3; i++)
		bench_finish(r);
	if (ret)
		wait_for_completion(&r->done);
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
	return ret;
}

static int bench_ipi(void)
{
	struct bench_ipi *r;
	u64 start;
	int ret;

	if (bench.cpu == bench.probe_cpu || bench.cpu >= nr_cpu_ids ||
	    bench.probe_cpu >= nr_cpu_ids || !cpu_online(bench.cpu) ||
	    !cpu_online(bench.probe_cpu) || !bench.duration_ms ||
	    bench.interval_us > BENCH_MAX_INTERVAL_US)
		return -EINVAL;
	/* The samples are overwritten from here on. */
	bench.have_ipi = false;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->samples = bench.samples;
	r->target = bench.cpu;
	r->interval_us = bench.interval_us;

	start = ktime_get_ns();
	ret = bench_soak(r, BENCH_QUIET_MS, false);
	if (ret)
		goto out;
	bench.quiet_ns = ktime_get_ns() - start;
	bench.quiet_loops = r->loops;

	start = ktime_get_ns();
	ret = bench_soak(r, bench.duration_ms, true);
	if (ret)
		goto out;
	bench.busy_ns = ktime_get_ns() - start;
	bench.busy_loops = r->loops;
	bench.ipi_calls = r->calls;
	bench.ipi_errors = r->errors;
	bench.ipi_failed = r->failed;
	bench.nr_samples = r->nr;
	bench.have_ipi = true;
out:
	kfree(r);
	return ret;
}

static ssize_t bench_cost_write(struct file *file, const char __user *ubuf,
				size_t len, loff_t *ppos)
{
	bool fast;
	char *buf;
	int ret;

	buf = memdup_user_nul(ubuf, min_t(size_t, len, 16));
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	fast = sysfs_streq(buf, "fast");
	ret = fast || sysfs_streq(buf, "yielding") ? 0 : -EINVAL;
	kfree(buf);
	if (ret)
		return ret;

	if (!mutex_trylock(&bench.lock))
		return -EBUSY;
	ret = bench_cost(fast);
	mutex_unlock(&bench.lock);
	return ret ? ret : len;
}

static ssize_t bench_ipi_write(struct file *file, const char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	int ret;

	if (!mutex_trylock(&bench.lock))
		return -EBUSY;
	ret = bench_ipi();
	mutex_unlock(&bench.lock);
	return ret ? ret : len;
}

static int bench_results_show(struct seq_file *s, void *unused)
{
	int i;

	mutex_lock(&bench.lock);
	if (bench.have_cost) {
		seq_printf(s, "cost call=%s count=%u errors=%llu batch_ns=",
			   bench.cost_fast ? "fast" : "yielding",
			   bench.cost_count, bench.cost_errors);
		for (i = 0; i < BENCH_BATCHES; i++)
			seq_printf(s, "%s%llu", i ? "," : "", bench.batch_ns[i]);
		seq_putc(s, '\n');
	}
	if (bench.have_ipi)
		seq_printf(s, "ipi calls=%llu errors=%llu round_trips=%u ipi_errors=%llu quiet_loops=%llu busy_loops=%llu quiet_ms=%llu busy_ms=%llu\n",
			   bench.ipi_calls, bench.ipi_errors, bench.nr_samples,
			   bench.ipi_failed,
			   bench.quiet_loops, bench.busy_loops,
			   div_u64(bench.quiet_ns, NSEC_PER_MSEC),
			   div_u64(bench.busy_ns, NSEC_PER_MSEC));
	mutex_unlock(&bench.lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(bench_results);

static int bench_samples_show(struct seq_file *s, void *unused)
{
	u32 i;

	mutex_lock(&bench.lock);
	for (i = 0; bench.have_ipi && i < bench.nr_samples; i++)
		seq_printf(s, "%u\n", bench.samples[i]);
	mutex_unlock(&bench.lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(bench_samples);

static const struct file_operations bench_cost_fops = {
	.owner = THIS_MODULE,
	.write = bench_cost_write,
	.llseek = noop_llseek,
};

static const struct file_operations bench_ipi_fops = {
	.owner = THIS_MODULE,
	.write = bench_ipi_write,
	.llseek = noop_llseek,
};

static int __init scm_bench_init(void)
{
	if (!qcom_scm_is_available())
		return -ENODEV;
	bench.samples = vmalloc(array_size(BENCH_MAX_SAMPLES, sizeof(u32)));
	if (!bench.samples)
		return -ENOMEM;

	bench.dir = debugfs_create_dir("scm_bench", NULL);
	debugfs_create_u32("cpu", 0600, bench.dir, &bench.cpu);
	debugfs_create_u32("probe_cpu", 0600, bench.dir, &bench.probe_cpu);
	debugfs_create_u32("count", 0600, bench.dir, &bench.count);
	debugfs_create_u32("duration_ms", 0600, bench.dir, &bench.duration_ms);
	debugfs_create_u32("interval_us", 0600, bench.dir, &bench.interval_us);
	debugfs_create_file("cost", 0200, bench.dir, NULL, &bench_cost_fops);
	debugfs_create_file("ipi", 0200, bench.dir, NULL, &bench_ipi_fops);
	debugfs_create_file("results", 0400, bench.dir, NULL, &bench_results_fops);
	debugfs_create_file("ipi_samples", 0400, bench.dir, NULL, &bench_samples_fops);
	return 0;
}
module_init(scm_bench_init);

static void __exit scm_bench_exit(void)
{
	debugfs_remove_recursive(bench.dir);
	vfree(bench.samples);
}
module_exit(scm_bench_exit);

MODULE_DESCRIPTION("Kernel-side instruments of the SCM wait-queue benchmark");
MODULE_LICENSE("GPL");
