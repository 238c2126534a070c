/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nsmem.h - the normal-world RAM that SCM buffers may lie in, as the
 * device tree's /memory nodes describe it (nsmem.c). Anything else -
 * secure RAM, devices, holes, addresses past the end of RAM - is refused
 * with -3 before the monitor reads a byte: a load from unbacked memory
 * would take an external abort at EL3.
 */
#ifndef MONITOR_NSMEM_H
#define MONITOR_NSMEM_H

#include <stdint.h>

#define NS_MEM_MAX_RANGES	8

struct ns_range {
	uint64_t base, size;
};

/* Forget every range. */
void ns_mem_reset(void);
/* Add [base, base + size); 0, or -1 when full, empty or wrapping. */
int ns_mem_add(uint64_t base, uint64_t size);
/* Does [pa, pa + len) lie inside one range? len 0 counts as one byte. */
int ns_mem_ok(uint64_t pa, uint64_t len);
/* Ranges known, for the boot log. */
unsigned int ns_mem_count(void);
const struct ns_range *ns_mem_range(unsigned int i);

#endif /* MONITOR_NSMEM_H */
