// SPDX-License-Identifier: GPL-2.0
/*
 * console.c - a small printf for the secure UART.
 *
 * Understands %%, %c, %s, %d, %u, %x, %p with an optional '0' flag, a width
 * and the l/ll/z length modifiers; enough for traces and fault dumps.
 */
#include <stdarg.h>
#include <stdint.h>
#include "arch.h"
#include "console.h"
#include "uart.h"

static uint32_t console_lock;

static void console_acquire(void)
{
	while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE))
		;
}

static void console_release(void)
{
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
}

static void put_char(char c)
{
	if (c == '\n')
		uart_putc('\r');
	uart_putc(c);
}

static void put_uint(uint64_t v, unsigned int base, unsigned int width, char pad)
{
	char buf[24];
	unsigned int n = 0;

	do {
		unsigned int d = (unsigned int)(v % base);

		buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v);
	while (width > n) {
		put_char(pad);
		width--;
	}
	while (n)
		put_char(buf[--n]);
}

static void format(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		unsigned int width = 0, longs = 0;
		char pad = ' ';
		uint64_t u;
		int64_t s;

		if (*fmt != '%') {
			put_char(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (unsigned int)(*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			longs++;
			fmt++;
		}

		switch (*fmt) {
		case '%':
			put_char('%');
			break;
		case 'c':
			put_char((char)va_arg(ap, int));
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);

			for (str = str ? str : "(null)"; *str; str++)
				put_char(*str);
			break;
		}
		case 'd':
			s = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
			if (s < 0) {
				put_char('-');
				u = (uint64_t)0 - (uint64_t)s;
			} else {
				u = (uint64_t)s;
			}
			put_uint(u, 10, width, pad);
			break;
		case 'u':
		case 'x':
			u = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_uint(u, *fmt == 'u' ? 10 : 16, width, pad);
			break;
		case 'p':
			put_char('0');
			put_char('x');
			put_uint((uint64_t)(uintptr_t)va_arg(ap, void *), 16, width, pad);
			break;
		case '\0':
			return;
		default:
			put_char('%');
			put_char(*fmt);
			break;
		}
	}
}

void console_init(void)
{
	uart_init();
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
}

void console_vprintf(const char *fmt, va_list ap)
{
	console_acquire();
	format(fmt, ap);
	console_release();
}

void console_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	console_vprintf(fmt, ap);
	va_end(ap);
}

void console_emergency_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format(fmt, ap);
	va_end(ap);
}
