// SPDX-License-Identifier: GPL-2.0
/*
 * scenario.c - what kind of firmware to be for this boot.
 *
 *  1. Defaults and per-key validation (shared by the string and MOCK_CTL_SET)
 *  2. The scenario string: "mode=waitq k=4 wake=all faults=drop-wake,..."
 *  3. A read-only FDT walker: /chosen/qemu,scm-mock-scenario
 *
 * Plain C, unit-tested on the host. Keys and values: MODES.md.
 */
#include "scm_model.h"

/* ---- 1. Defaults and keys -------------------------------------------- */

/* Defaults: SCM_CFG_DEFAULT (the seed's firmware). */
void scm_cfg_defaults(struct scm_cfg *cfg)
{
	static const struct scm_cfg def = SCM_CFG_DEFAULT;

	*cfg = def;
}

/**
 * scm_cfg_set() - set scenario key @key (MOCK_KEY_*) to @value.
 * Return: 0, or -1 for an unknown key or out-of-range value (@cfg unchanged).
 */
int scm_cfg_set(struct scm_cfg *cfg, uint32_t key, uint64_t value)
{
	int flag = value <= 1;

	switch (key) {
	case MOCK_KEY_MODE:
		if (value > MOCK_MODE_BUSY)
			return -1;
		cfg->mode = (uint32_t)value;
		return 0;
	case MOCK_KEY_K:
		if (value < 1 || value > SCM_MAX_K)
			return -1;
		cfg->k = (uint32_t)value;
		return 0;
	case MOCK_KEY_WAKE_ALL:
		if (!flag)
			return -1;
		cfg->wake_all = (uint32_t)value;
		return 0;
	case MOCK_KEY_GET_INFO:
		if (!flag)
			return -1;
		cfg->get_info = (uint32_t)value;
		return 0;
	case MOCK_KEY_SMC64:
		if (!flag)
			return -1;
		cfg->smc64 = (uint32_t)value;
		return 0;
	case MOCK_KEY_TRACE:
		if (!flag)
			return -1;
		cfg->trace = (uint32_t)value;
		return 0;
	case MOCK_KEY_IRQ_RANDOM:
		if (!flag)
			return -1;
		cfg->irq_random = (uint32_t)value;
		return 0;
	case MOCK_KEY_HOLD_US:
	case MOCK_KEY_PERIOD_US:
	case MOCK_KEY_JITTER_US:
		if (value > 60000000)	/* a minute: anything longer is a typo */
			return -1;
		if (key == MOCK_KEY_HOLD_US)
			cfg->hold_us = (uint32_t)value;
		else if (key == MOCK_KEY_PERIOD_US)
			cfg->period_us = (uint32_t)value;
		else
			cfg->jitter_us = (uint32_t)value;
		return 0;
	case MOCK_KEY_SEED:
		cfg->seed = value;
		return 0;
	case MOCK_KEY_FAULTS:
		if (value >> 13)
			return -1;
		cfg->faults = (uint32_t)value;
		return 0;
	case MOCK_KEY_FAULT_EVERY:
		if (value < 1 || value > 1000000)
			return -1;
		cfg->fault_every = (uint32_t)value;
		return 0;
	case MOCK_KEY_WAKE_INTID:
		if (value < 32 || value > 1019)
			return -1;
		cfg->wake_intid = (uint32_t)value;
		return 0;
	default:
		return -1;
	}
}

int scm_cfg_get(const struct scm_cfg *cfg, uint32_t key, uint64_t *value)
{
	switch (key) {
	case MOCK_KEY_MODE:		*value = cfg->mode; return 0;
	case MOCK_KEY_K:		*value = cfg->k; return 0;
	case MOCK_KEY_WAKE_ALL:		*value = cfg->wake_all; return 0;
	case MOCK_KEY_GET_INFO:		*value = cfg->get_info; return 0;
	case MOCK_KEY_SMC64:		*value = cfg->smc64; return 0;
	case MOCK_KEY_HOLD_US:		*value = cfg->hold_us; return 0;
	case MOCK_KEY_PERIOD_US:	*value = cfg->period_us; return 0;
	case MOCK_KEY_JITTER_US:	*value = cfg->jitter_us; return 0;
	case MOCK_KEY_SEED:		*value = cfg->seed; return 0;
	case MOCK_KEY_FAULTS:		*value = cfg->faults; return 0;
	case MOCK_KEY_TRACE:		*value = cfg->trace; return 0;
	case MOCK_KEY_IRQ_RANDOM:	*value = cfg->irq_random; return 0;
	case MOCK_KEY_FAULT_EVERY:	*value = cfg->fault_every; return 0;
	case MOCK_KEY_WAKE_INTID:	*value = cfg->wake_intid; return 0;
	default:			return -1;
	}
}

/* ---- 2. The scenario string ------------------------------------------ */

struct scm_name {
	const char *name;
	uint32_t value;
};

static const struct scm_name scm_keys[] = {
	{ "mode", MOCK_KEY_MODE }, { "k", MOCK_KEY_K }, { "wake", MOCK_KEY_WAKE_ALL },
	{ "get_info", MOCK_KEY_GET_INFO }, { "smc64", MOCK_KEY_SMC64 },
	{ "hold_us", MOCK_KEY_HOLD_US }, { "period_us", MOCK_KEY_PERIOD_US },
	{ "jitter_us", MOCK_KEY_JITTER_US }, { "seed", MOCK_KEY_SEED },
	{ "faults", MOCK_KEY_FAULTS }, { "trace", MOCK_KEY_TRACE },
	{ "interrupt_random", MOCK_KEY_IRQ_RANDOM },
	{ "interrupt-random", MOCK_KEY_IRQ_RANDOM },
	{ "fault_every", MOCK_KEY_FAULT_EVERY }, { "wake_intid", MOCK_KEY_WAKE_INTID },
};

static const struct scm_name scm_words[] = {
	{ "waitq", MOCK_MODE_WAITQ }, { "spin", MOCK_MODE_SPIN }, { "busy", MOCK_MODE_BUSY },
	{ "one", 0 }, { "all", 1 }, { "on", 1 }, { "off", 0 },
};

static const struct scm_name scm_fault_names[] = {
	{ "drop-wake", MOCK_FAULT_DROP_WAKE }, { "double-wake", MOCK_FAULT_DOUBLE_WAKE },
	{ "spurious-wake", MOCK_FAULT_SPURIOUS_WAKE }, { "wq-unknown", MOCK_FAULT_WQ_UNKNOWN },
	{ "wq-badflags", MOCK_FAULT_WQ_BADFLAGS }, { "wq-error", MOCK_FAULT_WQ_ERROR },
	{ "resume-busy", MOCK_FAULT_RESUME_BUSY }, { "resume-sleep", MOCK_FAULT_RESUME_SLEEP },
	{ "fast-sleep", MOCK_FAULT_FAST_SLEEP }, { "bad-token", MOCK_FAULT_BAD_TOKEN },
	{ "sticky-more", MOCK_FAULT_STICKY_MORE }, { "interrupt", MOCK_FAULT_INTERRUPT },
	{ "random", MOCK_FAULT_RANDOM },
};

#define NAMES(a)	(sizeof(a) / sizeof((a)[0]))

/* Does [s, s + n) spell @name exactly? */
static int word_is(const char *s, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (name[i] != s[i])
			return 0;
	return name[n] == '\0';
}

static int lookup(const struct scm_name *t, size_t count, const char *s, size_t n, uint32_t *v)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (word_is(s, n, t[i].name)) {
			*v = t[i].value;
			return 0;
		}
	return -1;
}

/* Decimal or 0x-hex number filling all of [s, s + n). */
static int parse_number(const char *s, size_t n, uint64_t *v)
{
	unsigned int base = 10;
	size_t i = 0;

	if (n == 0)
		return -1;
	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	}
	for (*v = 0; i < n; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned int)(c - 'A' + 10);
		else
			return -1;
		*v = *v * base + d;
	}
	return 0;
}

/* "a,b,c" or "none" or a number -> MOCK_FAULT_* mask. */
static int parse_faults(const char *s, size_t n, uint64_t *mask)
{
	size_t start = 0, i;

	*mask = 0;
	if (word_is(s, n, "none") || !parse_number(s, n, mask))
		return 0;
	for (i = 0; i <= n; i++) {
		uint32_t bit;

		if (i < n && s[i] != ',')
			continue;
		if (lookup(scm_fault_names, NAMES(scm_fault_names), s + start, i - start, &bit))
			return -1;
		*mask |= bit;
		start = i + 1;
	}
	return 0;
}

/**
 * scm_cfg_parse() - apply "key=value key=value ..." to @cfg.
 *
 * Words are separated by spaces or tabs. Every word is applied that can
 * be; a bad one is skipped.
 *
 * Return: the number of words that could not be applied (0 = all good).
 */
int scm_cfg_parse(struct scm_cfg *cfg, const char *s)
{
	int bad = 0;

	while (*s) {
		const char *w = s, *eq = NULL;
		size_t wn, kn;
		uint32_t key, word;
		uint64_t value;

		if (*s == ' ' || *s == '\t' || *s == '\n') {
			s++;
			continue;
		}
		while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
			if (*s == '=' && !eq)
				eq = s;
			s++;
		}
		wn = (size_t)(s - w);
		if (!eq || lookup(scm_keys, NAMES(scm_keys), w, (size_t)(eq - w), &key)) {
			bad++;
			continue;
		}
		kn = (size_t)(eq - w) + 1;
		if (key == MOCK_KEY_FAULTS) {
			if (parse_faults(eq + 1, wn - kn, &value)) {
				bad++;
				continue;
			}
		} else if (!lookup(scm_words, NAMES(scm_words), eq + 1, wn - kn, &word)) {
			value = word;
		} else if (parse_number(eq + 1, wn - kn, &value)) {
			bad++;
			continue;
		}
		if (scm_cfg_set(cfg, key, value))
			bad++;
	}
	return bad;
}

/* ---- 3. FDT ------------------------------------------------------------ */

#define FDT_MAGIC	0xd00dfeedU
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int str_eq(const uint8_t *a, size_t room, const char *b)
{
	size_t i;

	for (i = 0; i < room; i++) {
		if (a[i] != (uint8_t)b[i])
			return 0;
		if (!b[i])
			return 1;
	}
	return 0;
}

/**
 * fdt_chosen_prop() - property @name of /chosen in the blob at @fdt.
 * @max: bytes of @fdt that may be read at most (the blob is untrusted).
 * @len: the property's length.
 *
 * Return: the value, or NULL if there is no valid blob, no /chosen or no
 * such property. Byte-wise reads only: the blob may be unaligned.
 */
const char *fdt_chosen_prop(const uint8_t *fdt, size_t max, const char *name, uint32_t *len)
{
	uint32_t total, off_struct, off_strings, size_strings, off;
	int depth = 0, in_chosen = 0;

	if (max < 40 || be32(fdt) != FDT_MAGIC)
		return NULL;
	total = be32(fdt + 4);
	off_struct = be32(fdt + 8);
	off_strings = be32(fdt + 12);
	size_strings = be32(fdt + 32);
	if (total > max || off_struct >= total || off_strings > total ||
	    size_strings > total - off_strings)
		return NULL;

	for (off = off_struct; off + 4 <= total; ) {
		uint32_t tok = be32(fdt + off);

		off += 4;
		switch (tok) {
		case FDT_BEGIN_NODE: {
			uint32_t n = 0;

			while (off + n < total && fdt[off + n])
				n++;
			if (off + n >= total)
				return NULL;
			depth++;
			if (depth == 2)
				in_chosen = str_eq(fdt + off, n + 1, "chosen");
			off = (off + n + 1 + 3) & ~3U;
			break;
		}
		case FDT_END_NODE:
			if (depth-- == 2 && in_chosen)
				return NULL;	/* /chosen ended without it */
			break;
		case FDT_PROP: {
			uint32_t plen, nameoff;

			if (off + 8 > total)
				return NULL;
			plen = be32(fdt + off);
			nameoff = be32(fdt + off + 4);
			off += 8;
			if (plen > total - off || nameoff >= size_strings)
				return NULL;
			if (in_chosen && depth == 2 &&
			    str_eq(fdt + off_strings + nameoff, size_strings - nameoff, name)) {
				*len = plen;
				return (const char *)(fdt + off);
			}
			off = (off + plen + 3) & ~3U;
			break;
		}
		case FDT_NOP:
			break;
		default:	/* FDT_END or garbage */
			return NULL;
		}
	}
	return NULL;
}
