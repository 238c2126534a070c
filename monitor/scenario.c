// SPDX-License-Identifier: GPL-2.0
/*
 * scenario.c - what kind of firmware to be for this boot.
 *
 *  1. Defaults and per-key validation (shared by the string and MOCK_CTL_SET)
 *  2. The live configuration
 *  3. The scenario string: "mode=waitq k=4 wake=all faults=drop-wake,..."
 *  4. A read-only FDT walker: /chosen/qemu,scm-mock-scenario and /memory
 *
 * Plain C, unit-tested on the host. Keys and values: MODES.md.
 */
#include "scenario.h"

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
	case MOCK_KEY_WQ_MODEL:
		if (value > MOCK_WQ_MODEL_RESOURCE)
			return -1;
		cfg->wq_model = (uint32_t)value;
		return 0;
	case MOCK_KEY_AVAIL_WAITQ:
		if (!flag)
			return -1;
		cfg->avail_waitq = (uint32_t)value;
		return 0;
	case MOCK_KEY_UNKNOWN_ANSWER:
		if (value > MOCK_UNKNOWN_SCM)
			return -1;
		cfg->unknown_answer = (uint32_t)value;
		return 0;
	case MOCK_KEY_MOCK_CTL:
		if (!flag)
			return -1;
		cfg->mock_ctl = (uint32_t)value;
		return 0;
	case MOCK_KEY_CONTEND:
		if (value > MOCK_CONTEND_EACH)
			return -1;
		cfg->contend = (uint32_t)value;
		return 0;
	case MOCK_KEY_HDCP_RES:
		if (value > MOCK_HDCP_RES_SESSION)
			return -1;
		cfg->hdcp_res = (uint32_t)value;
		return 0;
	case MOCK_KEY_ABANDON_US:
		if (value > SCM_TIME_MAX_US)
			return -1;
		cfg->abandon_us = (uint32_t)value;
		return 0;
	case MOCK_KEY_HOLD_US:
	case MOCK_KEY_PERIOD_US:
	case MOCK_KEY_JITTER_US:
		if (value > SCM_TIME_MAX_US)
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
		if (value & ~(uint64_t)MOCK_FAULT_ALL)
			return -1;
		cfg->faults = (uint32_t)value;
		return 0;
	case MOCK_KEY_FAULT_EVERY:
		if (value < 1 || value > SCM_FAULT_EVERY_MAX)
			return -1;
		cfg->fault_every = (uint32_t)value;
		return 0;
	case MOCK_KEY_WAKE_INTID:
		if (value < SCM_WAKE_INTID_MIN || value > SCM_WAKE_INTID_MAX)
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
	case MOCK_KEY_WQ_MODEL:		*value = cfg->wq_model; return 0;
	case MOCK_KEY_ABANDON_US:	*value = cfg->abandon_us; return 0;
	case MOCK_KEY_AVAIL_WAITQ:	*value = cfg->avail_waitq; return 0;
	case MOCK_KEY_UNKNOWN_ANSWER:	*value = cfg->unknown_answer; return 0;
	case MOCK_KEY_MOCK_CTL:		*value = cfg->mock_ctl; return 0;
	case MOCK_KEY_CONTEND:		*value = cfg->contend; return 0;
	case MOCK_KEY_HDCP_RES:		*value = cfg->hdcp_res; return 0;
	default:			return -1;
	}
}

/* ---- 2. The live configuration ----------------------------------------- */

/* Usable before the boot loads a scenario: the default firmware. */
static struct scm_cfg live = SCM_CFG_DEFAULT;

const struct scm_cfg *scenario(void)
{
	return &live;
}

void scenario_load(const struct scm_cfg *cfg)
{
	live = *cfg;
}

/* Return: 0, or -1 (unknown key, bad value: nothing changed). */
int scenario_set(uint32_t key, uint64_t value)
{
	return scm_cfg_set(&live, key, value);
}

uint32_t scenario_mode(void)
{
	if (live.mode == MOCK_MODE_WAITQ && !live.smc64)
		return MOCK_MODE_BUSY;
	return live.mode;
}

/* ---- 3. The scenario string ------------------------------------------ */

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
	{ "wq_model", MOCK_KEY_WQ_MODEL }, { "abandon_us", MOCK_KEY_ABANDON_US },
	{ "avail_waitq", MOCK_KEY_AVAIL_WAITQ }, { "unknown_answer", MOCK_KEY_UNKNOWN_ANSWER },
	{ "mock_ctl", MOCK_KEY_MOCK_CTL }, { "contend", MOCK_KEY_CONTEND },
	{ "hdcp_res", MOCK_KEY_HDCP_RES },
};

static const struct scm_name scm_words[] = {
	{ "waitq", MOCK_MODE_WAITQ }, { "spin", MOCK_MODE_SPIN }, { "busy", MOCK_MODE_BUSY },
	{ "one", 0 }, { "all", 1 }, { "on", 1 }, { "off", 0 },
	{ "call", MOCK_WQ_MODEL_CALL }, { "resource", MOCK_WQ_MODEL_RESOURCE },
	{ "smccc", MOCK_UNKNOWN_SMCCC }, { "scm", MOCK_UNKNOWN_SCM },
	{ "periodic", MOCK_CONTEND_PERIODIC }, { "each", MOCK_CONTEND_EACH },
	{ "svc", MOCK_HDCP_RES_SVC }, { "session", MOCK_HDCP_RES_SESSION },
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

/* Append [w, w + n) to the NUL-terminated list @out of @room bytes, after a space. */
static void note_word(char *out, size_t room, const char *w, size_t n)
{
	size_t len = 0, i;

	if (!out || !room)
		return;
	while (out[len])
		len++;
	if (len && len + 1 < room)
		out[len++] = ' ';
	for (i = 0; i < n && len + 1 < room; i++)
		out[len++] = w[i];
	out[len] = '\0';
}

/**
 * scm_cfg_parse() - apply "key=value key=value ..." to @cfg.
 * @ignored: if not NULL, receives the words not applied, separated by
 *	spaces (cut to @room bytes with its NUL).
 *
 * Words are separated by spaces or tabs. Every word is applied that can
 * be; a bad one is skipped.
 *
 * Return: the number of words that could not be applied (0 = all good).
 */
int scm_cfg_parse(struct scm_cfg *cfg, const char *s, char *ignored, size_t room)
{
	int bad = 0;

	if (ignored && room)
		ignored[0] = '\0';
	while (*s) {
		const char *w = s, *eq = NULL;
		size_t wn, kn;
		uint32_t key, word;
		uint64_t value;
		int ok;

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
		ok = eq && !lookup(scm_keys, NAMES(scm_keys), w, (size_t)(eq - w), &key);
		if (ok) {
			kn = (size_t)(eq - w) + 1;
			if (key == MOCK_KEY_FAULTS)
				ok = !parse_faults(eq + 1, wn - kn, &value);
			else if (!lookup(scm_words, NAMES(scm_words), eq + 1, wn - kn, &word))
				value = word;
			else
				ok = !parse_number(eq + 1, wn - kn, &value);
		}
		if (!ok || scm_cfg_set(cfg, key, value)) {
			bad++;
			note_word(ignored, room, w, wn);
		}
	}
	return bad;
}

/* ---- 4. FDT ------------------------------------------------------------ */

#define FDT_MAGIC	0xd00dfeedU
#define FDT_HEADER_SIZE	40
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9
#define FDT_CELL	4
#define FDT_ADDR_CELLS_DEFAULT	2	/* devicetree spec: #address-cells */
#define FDT_SIZE_CELLS_DEFAULT	1	/* devicetree spec: #size-cells */

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

/*
 * A walk over the structure block, one token at a time, every offset
 * checked against the blob's size. Byte-wise reads only: the blob may be
 * unaligned.
 */
struct fdt_walk {
	const uint8_t *fdt;
	uint32_t total, off, off_strings, size_strings;
	int depth;
	/* The token fdt_next() returned: */
	const uint8_t *name;	/* node name, or property name */
	uint32_t name_room;	/* bytes name may be compared over */
	const uint8_t *val;	/* property value */
	uint32_t len;		/* its length */
};

static int fdt_open(struct fdt_walk *w, const uint8_t *fdt, size_t max)
{
	uint32_t off_struct;

	if (max < FDT_HEADER_SIZE || be32(fdt) != FDT_MAGIC)
		return -1;
	w->fdt = fdt;
	w->total = be32(fdt + 4);
	off_struct = be32(fdt + 8);
	w->off_strings = be32(fdt + 12);
	w->size_strings = be32(fdt + 32);
	if (w->total > max || off_struct >= w->total || w->off_strings > w->total ||
	    w->size_strings > w->total - w->off_strings)
		return -1;
	w->off = off_struct;
	w->depth = 0;
	return 0;
}

/* Return: FDT_BEGIN_NODE (depth already counts it), FDT_PROP, FDT_END_NODE, or -1. */
static int fdt_next(struct fdt_walk *w)
{
	const uint8_t *fdt = w->fdt;

	while (w->off + FDT_CELL <= w->total) {
		uint32_t tok = be32(fdt + w->off);

		w->off += FDT_CELL;
		switch (tok) {
		case FDT_BEGIN_NODE: {
			uint32_t n = 0;

			while (w->off + n < w->total && fdt[w->off + n])
				n++;
			if (w->off + n >= w->total)
				return -1;
			w->name = fdt + w->off;
			w->name_room = n + 1;
			w->depth++;
			w->off = (w->off + n + 1 + FDT_CELL - 1) & ~(uint32_t)(FDT_CELL - 1);
			return FDT_BEGIN_NODE;
		}
		case FDT_END_NODE:
			w->depth--;
			return FDT_END_NODE;
		case FDT_PROP: {
			uint32_t nameoff;

			if (w->off + 2 * FDT_CELL > w->total)
				return -1;
			w->len = be32(fdt + w->off);
			nameoff = be32(fdt + w->off + FDT_CELL);
			w->off += 2 * FDT_CELL;
			if (w->len > w->total - w->off || nameoff >= w->size_strings)
				return -1;
			w->name = fdt + w->off_strings + nameoff;
			w->name_room = w->size_strings - nameoff;
			w->val = fdt + w->off;
			w->off = (w->off + w->len + FDT_CELL - 1) & ~(uint32_t)(FDT_CELL - 1);
			return FDT_PROP;
		}
		case FDT_NOP:
			break;
		default:	/* FDT_END or garbage */
			return -1;
		}
	}
	return -1;
}

/**
 * fdt_chosen_prop() - property @name of /chosen in the blob at @fdt.
 * @max: bytes of @fdt that may be read at most (the blob is untrusted).
 * @len: the property's length.
 *
 * Return: the value, or NULL if there is no valid blob, no /chosen or no
 * such property.
 */
const char *fdt_chosen_prop(const uint8_t *fdt, size_t max, const char *name, uint32_t *len)
{
	struct fdt_walk w;
	int in_chosen = 0, tok;

	if (fdt_open(&w, fdt, max))
		return NULL;
	while ((tok = fdt_next(&w)) > 0) {
		if (tok == FDT_BEGIN_NODE && w.depth == 2)
			in_chosen = str_eq(w.name, w.name_room, "chosen");
		else if (tok == FDT_END_NODE && w.depth == 1 && in_chosen)
			return NULL;	/* /chosen ended without it */
		else if (tok == FDT_PROP && in_chosen && w.depth == 2 &&
			 str_eq(w.name, w.name_room, name)) {
			*len = w.len;
			return (const char *)w.val;
		}
	}
	return NULL;
}

/* Is the node name "memory" or "memory@..."? */
static int is_memory_node(const uint8_t *name, uint32_t room)
{
	static const char m[] = "memory";
	uint32_t i;

	for (i = 0; i < sizeof(m) - 1; i++)
		if (i >= room || name[i] != (uint8_t)m[i])
			return 0;
	return i < room && (name[i] == '\0' || name[i] == '@');
}

static uint64_t be_cells(const uint8_t *p, uint32_t cells)
{
	uint64_t v = 0;

	while (cells--) {
		v = (v << 32) | be32(p);
		p += FDT_CELL;
	}
	return v;
}

/**
 * fdt_memory() - the RAM ranges of the /memory nodes (children of the root
 * named "memory" or "memory@..."), their reg decoded with the root's
 * #address-cells and #size-cells (at most 2 each).
 * @out: room for @n ranges.
 *
 * Return: ranges found (0: no valid blob or no /memory). Ranges of size 0
 * are skipped.
 */
unsigned int fdt_memory(const uint8_t *fdt, size_t max, struct ns_range *out, unsigned int n)
{
	uint32_t acells = FDT_ADDR_CELLS_DEFAULT, scells = FDT_SIZE_CELLS_DEFAULT;
	struct fdt_walk w;
	unsigned int found = 0;
	int in_memory = 0, tok;

	if (fdt_open(&w, fdt, max))
		return 0;
	while ((tok = fdt_next(&w)) > 0) {
		if (tok == FDT_BEGIN_NODE) {
			in_memory = w.depth == 2 && is_memory_node(w.name, w.name_room);
			continue;
		}
		if (tok == FDT_END_NODE) {
			in_memory = 0;
			continue;
		}
		if (w.depth == 1 && w.len == FDT_CELL) {
			if (str_eq(w.name, w.name_room, "#address-cells"))
				acells = be32(w.val);
			else if (str_eq(w.name, w.name_room, "#size-cells"))
				scells = be32(w.val);
			continue;
		}
		if (in_memory && w.depth == 2 && str_eq(w.name, w.name_room, "reg")) {
			uint32_t entry = (acells + scells) * FDT_CELL, off;

			if (acells < 1 || acells > 2 || scells < 1 || scells > 2)
				return found;
			for (off = 0; off + entry <= w.len && found < n; off += entry) {
				out[found].base = be_cells(w.val + off, acells);
				out[found].size = be_cells(w.val + off + acells * FDT_CELL, scells);
				if (out[found].size)
					found++;
			}
		}
	}
	return found;
}
