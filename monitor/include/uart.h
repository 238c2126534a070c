/* SPDX-License-Identifier: GPL-2.0 */
/* uart.h - PL011 at PLAT_UART_BASE, transmit only. */
#ifndef MONITOR_UART_H
#define MONITOR_UART_H

void uart_init(void);
void uart_putc(char c);

#endif /* MONITOR_UART_H */
