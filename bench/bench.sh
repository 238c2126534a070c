#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: the figures the series exists for, each a ratio of two
# things measured the same way in this run (the README's "Benchmarks"
# has the method). Every repetition boots six times on 2 guest CPUs,
# each boot running bench/payload with a plan of steps:
#   unpatched K = 1, patched K = 1 and K = 4, -icount: per-call cost
#                     (fast, yielding) in virtual time (one instruction,
#                     one nanosecond)
#   unpatched, K = 1: wake-to-resume, IPI and CPU time left on busy, then
#                     on spin firmware
#   patched, K = 1:   the same on wait-queue firmware; throughput for
#                     N = 1, 2, 4, 8 callers
#   patched, K = 4:   throughput for N = 1, 2, 4, 8 callers
# bench/report.py turns the boots' "bench" lines into
# build/bench/report.md, results.json (every raw sample) and report.png.
#
#   bench.sh [--smoke]
#     --smoke   one repetition of small steps, into build/bench/smoke/
#               (make check: the benchmark must run and every figure be
#               computed; its values decide nothing)
#   REPS=N      repetitions (default 5)
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

smoke=0
case "${1:-}" in
--smoke) smoke=1 ;;
"") ;;
*) die "usage: bench.sh [--smoke]" ;;
esac

if [ "$smoke" = 1 ]; then
	out=$BUILD/bench/smoke reps=1 count=20000 ipi_ms=1000 tput_s=1 ns="1 4"
else
	out=$BUILD/bench reps=${REPS:-5} count=200000 ipi_ms=5000 tput_s=2 ns="1 2 4 8"
fi
[[ $reps =~ ^[1-9][0-9]*$ ]] || die "REPS must be a positive number"
# The unpatched kernel of line 6.12 is upstream's own wait-queue support,
# which hangs on some of these steps (make compare): 6.1 only.
[ "$LINE" = 6.1 ] || die "make bench compares the 6.1 series with its base: LINE=6.1"
# The second VM: holds of 2 ms every 4 ms (+- 1 ms) for the latency and
# IPI steps; a 5 ms hold before every call for the throughput steps (long
# enough that a caller's next call always finds it).
hold_us=2000 period_us=4000 jitter_us=1000 tput_hold_us=5000
mkdir -p "$out"
rm -f "$out"/boot-*.txt

# The bench module, built for each kernel.
for kernel in patched unpatched; do
	kout=$KOUT
	[ "$kernel" = patched ] || kout=$UNPATCHED/kernel
	mod=$out/module-$kernel
	mkdir -p "$mod"
	for f in "$TOP"/bench/module/Kbuild "$TOP"/bench/module/scm_bench.c; do
		cmp -s "$f" "$mod/$(basename "$f")" || cp "$f" "$mod/"
	done
	kmake_module "$kout" "$mod"
done

# boot REP KERNEL K CLOCK STEP...: one boot (CLOCK icount: QEMU's
# -icount, else real time); its "bench" lines into
# $out/boot-REP-KERNEL-kK-CLOCK.txt.
bad=0
boot() {
	local rep=$1 kernel=$2 k=$3 clock=$4 name=bench-$2-k$3-$4 payload=$out/payload
	local flags=()
	shift 4
	[ "$kernel" = patched ] || flags+=(--unpatched)
	[ "$clock" = real ] || flags+=(--icount)
	rm -rf "$payload"
	cp -r "$TOP/bench/payload" "$payload"
	cp "$out/module-$kernel/scm_bench.ko" "$payload/"
	printf '%s\n' "$@" > "$payload/plan"
	msg "bench: repetition $rep/$reps, $kernel kernel, K=$k, $clock time"
	local busy0 busy1 own0 own1 t0 t1
	times > "$out/times"
	busy0=$(host_busy) own0=$(own_cpu "$out/times") t0=$(date +%s%N)
	# A woken call is reclaimed after 10 s, not 1 s: a host too busy to
	# run the guest for a second must not turn into an error.
	if ! "$TOP/scripts/run-qemu.sh" --quiet --smp 2 "${flags[@]}" --name "$name" \
		--timeout 600 --scenario "k=$k seed=$((10 + rep)) abandon_us=10000000" "$payload"; then
		echo "bench: the $kernel kernel's run failed: build/runs/$name/console.log" >&2
		bad=1
	fi
	times > "$out/times"
	busy1=$(host_busy) own1=$(own_cpu "$out/times") t1=$(date +%s%N)
	{
		grep -a '^bench ' "$BUILD/runs/$name/console.log" || true
		# What else the host ran meanwhile, in CPU seconds.
		echo "bench host other_cpu_ms=$(( (busy1 - busy0) * 10 - (own1 - own0) ))" \
			"wall_ms=$(( (t1 - t0) / 1000000 ))"
	} | sed "s/^bench /bench rep=$rep kernel=$kernel k=$k clock=$clock /" \
		> "$out/boot-$rep-$kernel-k$k-$clock.txt"
}

# host_busy: CPU time all CPUs spent busy so far, in USER_HZ ticks (10 ms).
host_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8; exit }' /proc/stat; }
# own_cpu FILE: from the output of the times builtin, the CPU time this
# script's finished children used, in ms.
own_cpu() {
	sed -n 2p "$1" | awk '{
		t = 0
		for (i = 1; i <= 2; i++) {
			split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2]
		}
		printf "%d\n", t * 1000 }'
}

cost="cost fast $count|cost yielding $count|cost fast $count|cost yielding $count"
contended="$hold_us $period_us $jitter_us $ipi_ms"
tput=
for n in $ns; do
	tput+="${tput:+|}tput $n $tput_hold_us $tput_s"
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq 1 "$reps"); do
	IFS='|' read -ra steps <<< "$cost"
	boot "$rep" unpatched 1 icount "${steps[@]}"
	boot "$rep" patched 1 icount "${steps[@]}"
	boot "$rep" patched 4 icount "${steps[@]}"
	IFS='|' read -ra steps <<< "ipi busy $contended|ipi spin $contended"
	boot "$rep" unpatched 1 real "${steps[@]}"
	IFS='|' read -ra steps <<< "ipi waitq $contended|$tput"
	boot "$rep" patched 1 real "${steps[@]}"
	IFS='|' read -ra steps <<< "$tput"
	boot "$rep" patched 4 real "${steps[@]}"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Static cost of the series (not in a smoke run): the SCM driver's objects
# of both trees built with the same configuration, the unpatched kernel's
# (no KUnit suite, no tracing), the patched ones in a directory of their own.
size=
sizes() {
	local dir=$1 f total=0 t d b
	for f in "$dir"/drivers/firmware/qcom_scm.o "$dir"/drivers/firmware/qcom_scm-smc.o; do
		[ -f "$f" ] || continue
		read -r t d b _ < <(size "$f" | sed -n 2p)
		total=$((total + t + d + b))
	done
	echo "$total"
}
if [ "$smoke" = 0 ]; then
	msg "bench: building the patched drivers/firmware/ with the unpatched configuration"
	size_out=$out/size-patched
	mkdir -p "$size_out"
	cp "$UNPATCHED/kernel/.config" "$size_out/.config"
	kmake "$KSRC" "$size_out" olddefconfig
	if kmake "$KSRC" "$size_out" -j"$(nproc)" drivers/firmware/ > "$out/size-build.log" 2>&1; then
		before=$(sizes "$UNPATCHED/kernel") after=$(sizes "$size_out")
		size="unpatched $before bytes, patched $after bytes ($((after - before)) more)"
	else
		echo "bench: the patched drivers/firmware/ does not build: ${out#$TOP/}/size-build.log" >&2
		bad=1
	fi
fi

cat "$out"/boot-*.txt > "$out/lines.txt"
PYTHONDONTWRITEBYTECODE=1 python3 "$TOP/bench/report.py" --out "$out" --reps "$reps" \
	--hold-us "$hold_us" --tput-hold-us "$tput_hold_us" --period-us "$period_us" --jitter-us "$jitter_us" \
	--ipi-ms "$ipi_ms" --tput-s "$tput_s" --count "$count" \
	--base "$(git -C "$KSRC" describe --tags --match 'v*' "$BASE_TAG" 2>/dev/null || echo unknown)" \
	--qemu "$(qemu-system-aarch64 --version | sed -n 1p)" \
	--host "$(nproc) CPUs, load average $load_before before, $load_after after" \
	--size "$size" \
	$([ "$smoke" = 0 ] || echo --smoke) "$out/lines.txt" || bad=1
exit "$bad"
