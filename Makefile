# SPDX-License-Identifier: GPL-2.0
#
#   make          set up the host, prepare the base tree, apply the series,
#                 build kernel, monitor and initramfs, boot QEMU and run the
#                 guest tests, with a summary
#   make check    the whole test suite; ends with "N passed, N failed"
#   make build    only the builds (the test kernel, the unpatched kernel,
#                 the monitor, the test tools)
#   make series   re-apply patches/ onto the base (build/linux)
#   make export   write build/linux's commits back into patches/
#   make bench    the unpatched and the patched kernel side by side on the
#                 mock firmware's scenarios (bench/bench.sh)
#   make run PAYLOAD=dir [APPEND=...]   boot once with your own payload
#   make clean    remove build/ except the base tree and downloads

SHELL := /bin/bash
BUILD := $(CURDIR)/build

.PHONY: all check bench build setup base series export kernel unpatched monitor test-tools run clean

all: build
	tests/check.sh guest

check: build
	tests/check.sh

bench: build
	bench/bench.sh

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

unpatched: series
	scripts/build-unpatched.sh

test-tools: kernel
	scripts/build-test-tools.sh

run: build
	scripts/run-qemu.sh $(if $(APPEND),--append "$(APPEND)") $(PAYLOAD)

clean:
	rm -rf $(BUILD)/kernel $(BUILD)/monitor $(BUILD)/runs $(BUILD)/logs \
		$(BUILD)/dtcheck $(BUILD)/busybox $(BUILD)/mockctl $(BUILD)/kselftest \
		$(BUILD)/unpatched/kernel $(BUILD)/bench $(BUILD)/check-cache
