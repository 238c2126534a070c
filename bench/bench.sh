#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: the unpatched kernel (base plus the series' test module) and
# the patched kernel, side by side, on the same mock firmware scenarios.
# Each kernel boots twice (K = 1 and K = 4 wait queues) with
# bench/payload, which runs every case for a few seconds: 4 threads of
# the test module over the yielding calls, with the firmware counting
# sleeps, busy answers, and the time CPUs spent spinning at EL3 with
# interrupts masked (the seed's stalled cores).
#
# Prints a table and writes it to build/bench/report.md; each boot's
# console is in build/runs/bench-*/. Timing comes from QEMU's TCG on this
# host: compare the two kernels with each other, not with hardware.
#   SECONDS_PER_CASE=N   run each case N s (default 2)
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

out=$BUILD/bench
secs=${SECONDS_PER_CASE:-2}
[[ $secs =~ ^[1-9][0-9]*$ ]] || die "SECONDS_PER_CASE must be a whole number of seconds"
mkdir -p "$out"

# The payload, with this run's case length.
rm -rf "$out/payload"
cp -r "$TOP/bench/payload" "$out/payload"
sed -i "s/^SECONDS_PER_CASE=.*/SECONDS_PER_CASE=$secs/" "$out/payload/run"

# boot KERNEL K CASES...: one boot; its "bench" lines into $out/KERNEL-kK.txt.
boot() {
	local kernel=$1 k=$2 name=bench-$1-k$2 flag=
	shift 2
	[ "$kernel" = patched ] || flag=--unpatched
	printf '%s\n' "$@" > "$out/payload/cases"
	msg "bench: $kernel kernel, K=$k: $*"
	if ! "$TOP/scripts/run-qemu.sh" --quiet $flag --name "$name" \
		--timeout $((60 + 4 * secs * $#)) --scenario "k=$k seed=11" "$out/payload"; then
		echo "bench: the $kernel kernel's run failed: build/runs/$name/console.log" >&2
		bad=1
	fi
	grep -a '^bench case=' "$BUILD/runs/$name/console.log" |
		sed "s/^bench /bench kernel=$kernel /" > "$out/$kernel-k$k.txt" || true
}

bad=0
all="quiet-spin quiet-waitq load-spin load-busy load-waitq long-spin long-waitq"
for kernel in unpatched patched; do
	boot $kernel 1 $all
	boot $kernel 4 load-waitq long-waitq
done

# Static cost of the series: the SCM driver's objects of both trees built
# with the same configuration, the unpatched kernel's (no KUnit suite, no
# tracing), the patched ones in an output directory of their own.
msg "bench: building the patched drivers/firmware/ with the unpatched configuration"
size_out=$out/size-patched
mkdir -p "$size_out"
cp "$BUILD/unpatched/kernel/.config" "$size_out/.config"
kmake "$KSRC" "$size_out" olddefconfig
kmake "$KSRC" "$size_out" -j"$(nproc)" drivers/firmware/ > "$out/size-build.log" 2>&1 ||
	{ tail "$out/size-build.log"; die "patched drivers/firmware/ does not build"; }

sizes() {
	local dir=$1 f total=0 t d b
	for f in "$dir"/drivers/firmware/qcom_scm.o "$dir"/drivers/firmware/qcom_scm-smc.o; do
		[ -f "$f" ] || continue
		read -r t d b _ < <(size "$f" | sed -n 2p)
		total=$((total + t + d + b))
	done
	echo "$total"
}

{
	echo "# SCM benchmark: unpatched vs patched kernel"
	echo
	echo "Each case: ${secs} s of 4 threads calling HDCP, PAS_IS_SUPPORTED and"
	echo "SET_REMOTE_STATE through the test module. Firmware: spin and busy are"
	echo "legacy (not wait-queue aware), waitq is wait-queue aware. Second VM:"
	echo "quiet = none, load = 1.5 ms holds every 3 ms, long = 20 ms holds every"
	echo "40 ms. Latencies are the test module's histogram buckets (upper"
	echo "bounds). Masked: time CPUs spent spinning at EL3 with interrupts"
	echo "masked (firmware counters), in total and the longest single spin."
	echo "Left parked: calls the firmware still holds for a RESUME that will"
	echo "never come (the unpatched kernel takes WAITQ_SLEEP for an error)."
	echo
	echo "| case | K | kernel | calls/s | PAS median | PAS p99 | PAS max | wrong | errors | sleeps | left parked | spins | busy | masked total | masked longest |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	cat "$out"/unpatched-k1.txt "$out"/patched-k1.txt \
	    "$out"/unpatched-k4.txt "$out"/patched-k4.txt 2>/dev/null |
	awk -v secs="$secs" -v order="$all" '
	function v(key,   i, f) {
		for (i = 1; i <= NF; i++) {
			split($i, f, "=")
			if (f[1] == key)
				return f[2]
		}
		return ""
	}
	function t(ns) {
		if (ns == "") return "-"
		if (ns >= 1000000) return sprintf("%.1f ms", ns / 1000000)
		return sprintf("%.1f us", ns / 1000)
	}
	BEGIN { n = split(order, o, " "); for (i = 1; i <= n; i++) rank[o[i]] = i }
	{
		key = sprintf("%d %02d %s", v("k"), rank[v("case")], v("kernel") == "patched")
		if (v("status") != "done") {
			row[key] = sprintf("| %s | %s | %s | did not run ||||||||||||", v("case"), v("k"), v("kernel"))
			next
		}
		row[key] = sprintf("| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
			v("case"), v("k"), v("kernel"), v("issued") / secs,
			t(v("pas_median_ns")), t(v("pas_p99_ns")), t(v("pas_max_ns")),
			v("wrong"), v("errors"), v("sleeps"), v("parked"), v("spins"), v("busy"),
			t(v("spin_us") * 1000), t(v("spin_max_us") * 1000))
	}
	END {
		m = 0
		for (k in row) keys[++m] = k
		# insertion sort: K, then case order, then unpatched before patched
		for (i = 2; i <= m; i++) {
			x = keys[i]
			for (j = i - 1; j >= 1 && keys[j] > x; j--) keys[j + 1] = keys[j]
			keys[j + 1] = x
		}
		for (i = 1; i <= m; i++) print row[keys[i]]
	}'
	echo
	before=$(sizes "$BUILD/unpatched/kernel") after=$(sizes "$size_out")
	echo "Static size of qcom_scm.o + qcom_scm-smc.o (text + data + bss), same"
	echo "configuration: unpatched $before bytes, patched $after bytes" \
	     "($((after - before)) more)."
} > "$out/report.md"

cat "$out/report.md"
echo
echo "report: ${out#$TOP/}/report.md"
exit "$bad"
