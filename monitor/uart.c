// SPDX-License-Identifier: GPL-2.0
/*
 * uart.c - the secure PL011 (PLAT_UART_BASE), transmit only, polled.
 */
#include "arch.h"
#include "platform.h"
#include "uart.h"

#define UART_DR		0x00
#define UART_FR		0x18
#define UART_IBRD	0x24
#define UART_FBRD	0x28
#define UART_LCR_H	0x2c
#define UART_CR		0x30
#define UART_IMSC	0x38
#define UART_ICR	0x44

#define FR_TXFF		(1U << 5)	/* transmit FIFO full */
#define LCR_H_FEN	(1U << 4)	/* FIFOs on */
#define LCR_H_WLEN_8	(3U << 5)	/* 8 data bits, no parity, 1 stop */
#define CR_UARTEN	(1U << 0)
#define CR_TXE		(1U << 8)

/* Give up on a full FIFO after this many polls rather than hang. */
#define UART_TX_SPIN	100000

void uart_init(void)
{
	/* Divisor = clk / (16 * baud), fraction in 1/64ths, rounded. */
	uint32_t div64 = (4 * PLAT_UART_CLK_HZ + PLAT_UART_BAUD / 2) / PLAT_UART_BAUD;

	mmio_write32(PLAT_UART_BASE + UART_CR, 0);
	mmio_write32(PLAT_UART_BASE + UART_IBRD, div64 >> 6);
	mmio_write32(PLAT_UART_BASE + UART_FBRD, div64 & 0x3f);
	mmio_write32(PLAT_UART_BASE + UART_LCR_H, LCR_H_WLEN_8 | LCR_H_FEN);
	mmio_write32(PLAT_UART_BASE + UART_IMSC, 0);
	mmio_write32(PLAT_UART_BASE + UART_ICR, 0x7ff);
	mmio_write32(PLAT_UART_BASE + UART_CR, CR_UARTEN | CR_TXE);
}

void uart_putc(char c)
{
	unsigned int spin = UART_TX_SPIN;

	while ((mmio_read32(PLAT_UART_BASE + UART_FR) & FR_TXFF) && --spin)
		;
	mmio_write32(PLAT_UART_BASE + UART_DR, (uint8_t)c);
}
