// SPDX-License-Identifier: GPL-2.0
/*
 * Control of the project's mock SCM firmware (monitor/) from Linux.
 *
 * The mock answers a test-only fast SMC64 call under the OEM owner
 * (monitor/include/mock_ctl.h) that changes its scenario at run time and
 * reads its counters. This module exposes that call in debugfs, so tests
 * can run many scenarios in one boot and check that firmware and kernel
 * agree. It refuses to load where that call is not answered (any real
 * firmware), which is how tests know to skip.
 *
 * /sys/kernel/debug/scm_mock/ (root only):
 *   counters  read: one "name value" line per firmware counter
 *   scenario  read: one "key value" line per scenario key;
 *             write: "key value", key as in the scenario string
 *             (mode, k, wake, faults, ...); mode takes waitq|spin|busy,
 *             wake takes one|all, wq_model call|resource, unknown_answer
 *             smccc|scm, contend periodic|each, hdcp_res svc|session,
 *             faults a comma-separated list of fault names or a number;
 *             "mock_ctl 0" turns the control calls off for the rest of
 *             the boot (every file then fails with -EIO)
 *   samples   read: the firmware's kept wake-to-resume samples, one
 *             "<kind> <ns>" line each in the order taken, kind waitq,
 *             busy or spin (cleared by reset)
 *   reset     write: zero the counters
 *   hold      write N: the contender takes resource N now
 *   release   write N: the contender lets resource N go (firmware wakes)
 *   release_all  write: stop the contender, free every resource
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm-smccc.h>
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "mock_ctl.h"

struct mock_name {
	const char *name;
	unsigned long id;
};

static const struct mock_name mock_keys[] = {
	{ "mode", MOCK_KEY_MODE },
	{ "k", MOCK_KEY_K },
	{ "wake", MOCK_KEY_WAKE_ALL },
	{ "get_info", MOCK_KEY_GET_INFO },
	{ "smc64", MOCK_KEY_SMC64 },
	{ "hold_us", MOCK_KEY_HOLD_US },
	{ "period_us", MOCK_KEY_PERIOD_US },
	{ "jitter_us", MOCK_KEY_JITTER_US },
	{ "seed", MOCK_KEY_SEED },
	{ "faults", MOCK_KEY_FAULTS },
	{ "trace", MOCK_KEY_TRACE },
	{ "interrupt_random", MOCK_KEY_IRQ_RANDOM },
	{ "fault_every", MOCK_KEY_FAULT_EVERY },
	{ "wake_intid", MOCK_KEY_WAKE_INTID },
	{ "wq_model", MOCK_KEY_WQ_MODEL },
	{ "abandon_us", MOCK_KEY_ABANDON_US },
	{ "avail_waitq", MOCK_KEY_AVAIL_WAITQ },
	{ "unknown_answer", MOCK_KEY_UNKNOWN_ANSWER },
	{ "mock_ctl", MOCK_KEY_MOCK_CTL },
	{ "contend", MOCK_KEY_CONTEND },
	{ "hdcp_res", MOCK_KEY_HDCP_RES },
};

static const struct mock_name mock_counters[] = {
	{ "calls", MOCK_CNT_CALLS },
	{ "sleeps", MOCK_CNT_SLEEPS },
	{ "resumes", MOCK_CNT_RESUMES },
	{ "wakes", MOCK_CNT_WAKES },
	{ "get_wq_ctx", MOCK_CNT_GET_WQ_CTX },
	{ "faults", MOCK_CNT_FAULTS },
	{ "parked", MOCK_CNT_PARKED },
	{ "busy", MOCK_CNT_BUSY },
	{ "interrupted", MOCK_CNT_INTERRUPTED },
	{ "spins", MOCK_CNT_SPINS },
	{ "takes", MOCK_CNT_TAKES },
	{ "resume_bad", MOCK_CNT_RESUME_BAD },
	{ "spin_us", MOCK_CNT_SPIN_US },
	{ "spin_max_us", MOCK_CNT_SPIN_MAX_US },
	{ "premature", MOCK_CNT_PREMATURE },
	{ "unfetched", MOCK_CNT_UNFETCHED },
	{ "buffer_changed", MOCK_CNT_BUFFER_CHANGED },
	{ "abandoned", MOCK_CNT_ABANDONED },
	{ "no_ctx", MOCK_CNT_NO_CTX },
	{ "overtaken", MOCK_CNT_OVERTAKEN },
	{ "parked_peak", MOCK_CNT_PARKED_PEAK },
	{ "vm2_parks", MOCK_CNT_VM2_PARKS },
	{ "vm2_busy", MOCK_CNT_VM2_BUSY },
	{ "held", MOCK_CNT_HELD },
	{ "bad_arginfo", MOCK_CNT_BAD_ARGINFO },
	{ "samples", MOCK_CNT_SAMPLES },
	{ "svc_boot", MOCK_CNT_SVC(0x01) },
	{ "svc_pil", MOCK_CNT_SVC(0x02) },
	{ "svc_io", MOCK_CNT_SVC(0x05) },
	{ "svc_info", MOCK_CNT_SVC(0x06) },
	{ "svc_mp", MOCK_CNT_SVC(0x0c) },
	{ "svc_hdcp", MOCK_CNT_SVC(0x11) },
	{ "svc_waitq", MOCK_CNT_SVC(0x24) },
};

static const struct mock_name mock_modes[] = {
	{ "waitq", MOCK_MODE_WAITQ },
	{ "spin", MOCK_MODE_SPIN },
	{ "busy", MOCK_MODE_BUSY },
};

static const struct mock_name mock_wq_models[] = {
	{ "call", MOCK_WQ_MODEL_CALL },
	{ "resource", MOCK_WQ_MODEL_RESOURCE },
};

static const struct mock_name mock_unknown_answers[] = {
	{ "smccc", MOCK_UNKNOWN_SMCCC },
	{ "scm", MOCK_UNKNOWN_SCM },
};

static const struct mock_name mock_contends[] = {
	{ "periodic", MOCK_CONTEND_PERIODIC },
	{ "each", MOCK_CONTEND_EACH },
};

static const struct mock_name mock_hdcp_res[] = {
	{ "svc", MOCK_HDCP_RES_SVC },
	{ "session", MOCK_HDCP_RES_SESSION },
};

/* GET_SAMPLE's kind, by MOCK_SAMPLE_* value. */
static const char *const mock_sample_kinds[] = {
	[MOCK_SAMPLE_WAITQ] = "waitq",
	[MOCK_SAMPLE_SPIN] = "spin",
	[MOCK_SAMPLE_BUSY] = "busy",
};

static const struct mock_name mock_faults[] = {
	{ "drop-wake", MOCK_FAULT_DROP_WAKE },
	{ "double-wake", MOCK_FAULT_DOUBLE_WAKE },
	{ "spurious-wake", MOCK_FAULT_SPURIOUS_WAKE },
	{ "wq-unknown", MOCK_FAULT_WQ_UNKNOWN },
	{ "wq-badflags", MOCK_FAULT_WQ_BADFLAGS },
	{ "wq-error", MOCK_FAULT_WQ_ERROR },
	{ "resume-busy", MOCK_FAULT_RESUME_BUSY },
	{ "resume-sleep", MOCK_FAULT_RESUME_SLEEP },
	{ "fast-sleep", MOCK_FAULT_FAST_SLEEP },
	{ "bad-token", MOCK_FAULT_BAD_TOKEN },
	{ "sticky-more", MOCK_FAULT_STICKY_MORE },
	{ "interrupt", MOCK_FAULT_INTERRUPT },
	{ "random", MOCK_FAULT_RANDOM },
};

static struct dentry *mock_dir;

/* One control call: 0 or the mock's negative status, *val = x1, *val2 = x2. */
static long mock_ctl2(unsigned long fn, unsigned long a1, unsigned long a2,
		      unsigned long *val, unsigned long *val2)
{
	struct arm_smccc_res res;

	arm_smccc_smc(MOCK_CTL_FID(fn), a1, a2, 0, 0, 0, 0, 0, &res);
	if (val)
		*val = res.a1;
	if (val2)
		*val2 = res.a2;
	return (long)res.a0;
}

static long mock_ctl(unsigned long fn, unsigned long a1, unsigned long a2,
		     unsigned long *val)
{
	return mock_ctl2(fn, a1, a2, val, NULL);
}

static const struct mock_name *mock_find(const struct mock_name *tbl,
					 size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(tbl[i].name, name))
			return &tbl[i];
	return NULL;
}

static int mock_counters_show(struct seq_file *s, void *unused)
{
	unsigned long val;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mock_counters); i++) {
		if (mock_ctl(MOCK_CTL_GET_COUNTER, mock_counters[i].id, 0, &val))
			return -EIO;
		seq_printf(s, "%s %lu\n", mock_counters[i].name, val);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mock_counters);

static int mock_scenario_show(struct seq_file *s, void *unused)
{
	unsigned long val;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mock_keys); i++) {
		if (mock_ctl(MOCK_CTL_GET, mock_keys[i].id, 0, &val))
			return -EIO;
		seq_printf(s, "%s %lu\n", mock_keys[i].name, val);
	}
	return 0;
}

static int mock_scenario_open(struct inode *inode, struct file *file)
{
	return single_open(file, mock_scenario_show, NULL);
}

/* Parse the value of @key: a number, or the names the scenario accepts. */
static int mock_parse_value(const struct mock_name *key, char *val,
			    unsigned long *out)
{
	const struct mock_name *n;
	char *name;

	if (!kstrtoul(val, 0, out))
		return 0;

	switch (key->id) {
	case MOCK_KEY_MODE:
		n = mock_find(mock_modes, ARRAY_SIZE(mock_modes), val);
		break;
	case MOCK_KEY_WQ_MODEL:
		n = mock_find(mock_wq_models, ARRAY_SIZE(mock_wq_models), val);
		break;
	case MOCK_KEY_UNKNOWN_ANSWER:
		n = mock_find(mock_unknown_answers,
			      ARRAY_SIZE(mock_unknown_answers), val);
		break;
	case MOCK_KEY_CONTEND:
		n = mock_find(mock_contends, ARRAY_SIZE(mock_contends), val);
		break;
	case MOCK_KEY_HDCP_RES:
		n = mock_find(mock_hdcp_res, ARRAY_SIZE(mock_hdcp_res), val);
		break;
	case MOCK_KEY_WAKE_ALL:
		if (!strcmp(val, "one") || !strcmp(val, "all")) {
			*out = !strcmp(val, "all");
			return 0;
		}
		return -EINVAL;
	case MOCK_KEY_FAULTS:
		*out = 0;
		while ((name = strsep(&val, ","))) {
			n = mock_find(mock_faults, ARRAY_SIZE(mock_faults), name);
			if (!n)
				return -EINVAL;
			*out |= n->id;
		}
		return 0;
	default:
		return -EINVAL;
	}
	if (!n)
		return -EINVAL;
	*out = n->id;
	return 0;
}

static ssize_t mock_scenario_write(struct file *file, const char __user *ubuf,
				   size_t len, loff_t *ppos)
{
	const struct mock_name *key;
	unsigned long value;
	char buf[128], *val;
	long status;
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	val = strim(buf);
	key = mock_find(mock_keys, ARRAY_SIZE(mock_keys), strsep(&val, " "));
	if (!key || !val)
		return -EINVAL;
	ret = mock_parse_value(key, strim(val), &value);
	if (ret)
		return ret;

	status = mock_ctl(MOCK_CTL_SET, key->id, value, NULL);
	if (status == -12)
		return -EBUSY;
	if (status)
		return -EINVAL;
	return len;
}

static const struct file_operations mock_scenario_fops = {
	.owner = THIS_MODULE,
	.open = mock_scenario_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = mock_scenario_write,
};

/*
 * samples: GET_SAMPLE from index 0 until the firmware says -2 (no more
 * kept). The seq_file position is the index, so a reader that stops and
 * goes on (a small read buffer) resumes where it was.
 */
struct mock_sample {
	unsigned long ns;
	unsigned long kind;
};

static void *mock_samples_fetch(struct seq_file *s, loff_t pos)
{
	struct mock_sample *smp = s->private;
	long status;

	if (pos < 0 || pos >= MOCK_SAMPLES_KEPT)
		return NULL;
	status = mock_ctl2(MOCK_CTL_GET_SAMPLE, (unsigned long)pos, 0,
			   &smp->ns, &smp->kind);
	if (status == -2)	/* past the last one kept */
		return NULL;
	if (status)
		return ERR_PTR(-EIO);
	return smp;
}

static void *mock_samples_start(struct seq_file *s, loff_t *pos)
{
	return mock_samples_fetch(s, *pos);
}

static void *mock_samples_next(struct seq_file *s, void *v, loff_t *pos)
{
	++*pos;
	return mock_samples_fetch(s, *pos);
}

static void mock_samples_stop(struct seq_file *s, void *v)
{
}

static int mock_samples_show(struct seq_file *s, void *v)
{
	const struct mock_sample *smp = v;
	const char *kind = NULL;

	if (smp->kind < ARRAY_SIZE(mock_sample_kinds))
		kind = mock_sample_kinds[smp->kind];
	if (kind)
		seq_printf(s, "%s %lu\n", kind, smp->ns);
	else
		seq_printf(s, "%lu %lu\n", smp->kind, smp->ns);
	return 0;
}

static const struct seq_operations mock_samples_sops = {
	.start = mock_samples_start,
	.next = mock_samples_next,
	.stop = mock_samples_stop,
	.show = mock_samples_show,
};

static int mock_samples_open(struct inode *inode, struct file *file)
{
	return seq_open_private(file, &mock_samples_sops,
				sizeof(struct mock_sample));
}

static const struct file_operations mock_samples_fops = {
	.owner = THIS_MODULE,
	.open = mock_samples_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

/* Files taking one number (or nothing) and issuing one control call. */
static ssize_t mock_action_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	unsigned long fn = (unsigned long)file_inode(file)->i_private;
	unsigned long arg = 0;
	int ret;

	if (fn == MOCK_CTL_HOLD || fn == MOCK_CTL_RELEASE) {
		ret = kstrtoul_from_user(ubuf, len, 0, &arg);
		if (ret)
			return ret;
	}
	return mock_ctl(fn, arg, 0, NULL) ? -EINVAL : len;
}

static const struct file_operations mock_action_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = mock_action_write,
};

static int __init scm_mock_ctl_init(void)
{
	unsigned long k;

	/* Only the mock answers this; anything else is not our firmware. */
	if (mock_ctl(MOCK_CTL_GET, MOCK_KEY_K, 0, &k) || !k) {
		pr_info("no mock SCM firmware control call here\n");
		return -ENODEV;
	}

	mock_dir = debugfs_create_dir("scm_mock", NULL);
	debugfs_create_file("counters", 0400, mock_dir, NULL,
			    &mock_counters_fops);
	debugfs_create_file("scenario", 0600, mock_dir, NULL,
			    &mock_scenario_fops);
	debugfs_create_file("samples", 0400, mock_dir, NULL,
			    &mock_samples_fops);
	debugfs_create_file("reset", 0200, mock_dir,
			    (void *)MOCK_CTL_RESET_COUNTERS, &mock_action_fops);
	debugfs_create_file("hold", 0200, mock_dir, (void *)MOCK_CTL_HOLD,
			    &mock_action_fops);
	debugfs_create_file("release", 0200, mock_dir,
			    (void *)MOCK_CTL_RELEASE, &mock_action_fops);
	debugfs_create_file("release_all", 0200, mock_dir,
			    (void *)MOCK_CTL_RELEASE_ALL, &mock_action_fops);
	return 0;
}
module_init(scm_mock_ctl_init);

static void __exit scm_mock_ctl_exit(void)
{
	debugfs_remove_recursive(mock_dir);
}
module_exit(scm_mock_ctl_exit);

MODULE_DESCRIPTION("Control of the project's mock SCM firmware");
MODULE_LICENSE("GPL");
