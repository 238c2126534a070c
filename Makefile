# SPDX-License-Identifier: GPL-2.0
#
#   make          set up the host, prepare the base tree, apply the series,
#                 build kernel, monitor and initramfs, boot QEMU and run the
#                 guest tests, with a summary
#   make check    the whole test suite, KTAP; ends with "N passed, N failed"
#   make check-all    the same plus the long guest runs on the debug kernel,
#                 and every line-dependent row again on line 6.12
#                 (NAME-6.12: its series' checks, guest and debug boots)
#   make build    only the builds (the test kernel, the unpatched kernel,
#                 the monitor, the test tools)
#   make debug-kernel  the debug kernel (KASAN, kmemleak, UBSAN, ...) and
#                 its test tools, in build/debug (make check builds it)
#   make series   re-apply patches/6.1/ onto the base (build/linux)
#   make export   write build/linux's commits back into patches/6.1/
#                 Both take the kernel line: LINE=6.12 works on
#                 patches/6.12/ and build/linux-6.12 (LINE=6.12 also
#                 selects that line for build, kernel and unpatched)
#   make peer     upstream's own implementation: unpatched Linux 6.12 with
#                 the test module, in build/6.12/unpatched
#   make compare  upstream 6.12, our 6.12 series and our 6.1 series side
#                 by side on the peer scenarios (tests/peer/compare.sh)
#   make fuzz [SEEDS=N]  long fuzzing: the mock's random answers with N
#                 seeds (default 100; tests/fuzz.sh)
#   make bench [REPS=N]  the series' four figures (per-call cost,
#                 wake-to-resume, throughput by K, IPI responsiveness),
#                 N repetitions, report in build/bench (bench/bench.sh)
#   make run PAYLOAD=dir [APPEND=...]   boot once with your own payload
#   make clean    remove everything in build/ but the base trees
#                 (build/linux, build/linux-6.12) and the downloaded
#                 packages (build/debs)

SHELL := /bin/bash
BUILD := $(CURDIR)/build
# The kernel line (kernel/lines/LINE.conf) the scripts work on.
LINE ?= 6.1
export LINE

.PHONY: all check check-all line-6.12 fuzz bench compare peer build setup base series export kernel debug-kernel unpatched monitor test-tools run clean

all: build
	tests/check.sh guest

check: build debug-kernel
	tests/check.sh

check-all: build debug-kernel line-6.12
	LINES="6.1 6.12" tests/check.sh host guest debug debug-long harness

# Line 6.12's builds for check-all: its tree, series, kernels (the test
# kernel, upstream's as the unpatched one, the debug kernel), test tools.
line-6.12:
	$(MAKE) --no-print-directory build debug-kernel LINE=6.12

fuzz: build
	tests/fuzz.sh $(or $(SEEDS),100)

bench: build
	bench/bench.sh

compare: build peer
	tests/peer/compare.sh

peer: setup
	$(MAKE) --no-print-directory unpatched LINE=6.12

build: setup base series kernel unpatched monitor test-tools

setup:
	scripts/setup-host.sh

base: setup
	scripts/prepare-base.sh

series: base
	scripts/series.sh apply

export:
	scripts/series.sh export

kernel: series
	scripts/build-kernel.sh

monitor: setup
	$(MAKE) -s -C monitor O=$(BUILD)/monitor

debug-kernel: series
	scripts/build-kernel.sh debug
	scripts/build-test-tools.sh debug

unpatched: series
	scripts/build-unpatched.sh

test-tools: kernel
	scripts/build-test-tools.sh

run: build
	scripts/run-qemu.sh $(if $(APPEND),--append "$(APPEND)") $(PAYLOAD)

clean:
	find $(BUILD) -mindepth 1 -maxdepth 1 ! -name 'linux*' ! -name debs \
		-exec rm -rf {} + 2>/dev/null || true
	for t in $(BUILD)/linux*; do \
		! [ -d $$t/.git ] || git -C $$t worktree prune; \
	done
