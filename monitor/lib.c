// SPDX-License-Identifier: GPL-2.0
/*
 * lib.c - the two functions the compiler may call on its own in a
 * freestanding build. Byte loops: with the MMU off every access must be
 * naturally aligned, and none of this is hot.
 */
#include <stddef.h>
#include <stdint.h>
#include "lib.h"


void *memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;

	while (n--)
		*d++ = (uint8_t)c;
	return dst;
}
