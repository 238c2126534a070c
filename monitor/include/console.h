/* SPDX-License-Identifier: GPL-2.0 */
/* console.h - printf-style output on the secure UART. */
#ifndef MONITOR_CONSOLE_H
#define MONITOR_CONSOLE_H

#include <stdarg.h>

void console_init(void);
/* Serialised between CPUs: one line never interleaves with another. */
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void console_vprintf(const char *fmt, va_list ap);
/* No lock: for the fault path, which may have interrupted a lock holder. */
void console_emergency_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* MONITOR_CONSOLE_H */
