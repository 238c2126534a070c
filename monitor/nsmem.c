// SPDX-License-Identifier: GPL-2.0
/*
 * nsmem.c - the normal-world RAM SCM buffers may lie in. The boot fills
 * it from the device tree's /memory nodes (main.c); the host tests from
 * their own layout. Plain C.
 */
#include "nsmem.h"

static struct {
	unsigned int count;
	struct ns_range r[NS_MEM_MAX_RANGES];
} ns_mem;

void ns_mem_reset(void)
{
	ns_mem.count = 0;
}

int ns_mem_add(uint64_t base, uint64_t size)
{
	if (ns_mem.count == NS_MEM_MAX_RANGES || size == 0 || base + size < base)
		return -1;
	ns_mem.r[ns_mem.count].base = base;
	ns_mem.r[ns_mem.count].size = size;
	ns_mem.count++;
	return 0;
}

int ns_mem_ok(uint64_t pa, uint64_t len)
{
	unsigned int i;

	if (len == 0)
		len = 1;
	for (i = 0; i < ns_mem.count; i++) {
		const struct ns_range *r = &ns_mem.r[i];

		if (pa >= r->base && pa - r->base < r->size && len <= r->size - (pa - r->base))
			return 1;
	}
	return 0;
}

unsigned int ns_mem_count(void)
{
	return ns_mem.count;
}

const struct ns_range *ns_mem_range(unsigned int i)
{
	return i < ns_mem.count ? &ns_mem.r[i] : 0;
}
