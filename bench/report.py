#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn make bench's boot lines into report.md, results.json and report.png.

Input: the "bench rep=R kernel=KERNEL k=K ..." lines bench/bench.sh
collected from every boot (bench/payload/run prints them). Each figure is
a ratio of two things measured the same way in the same run; each is
reported with the median over repetitions, the spread (lowest, highest)
and its target. Exits 1 when a step failed or a run was not right (a
wrong answer, an error where none may be, a protocol rule broken), or
when a figure could not be computed; a missed target is reported, not a
failure.
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys

# Other work on the host, in CPUs, above which the real-time figures are
# not judged: QEMU's two vCPU threads then share the host's CPUs with it.
OTHER_CPU_LIMIT = 0.25

# Two-sided 95 % Student t quantiles by degrees of freedom.
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447,
       7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228}


def parse(path):
    """The boots' lines as dicts: rep, kernel, k, step, fields / values."""
    recs = []
    with open(path) as f:
        for line in f:
            words = line.split()
            if len(words) < 6 or words[0] != "bench":
                continue
            rec = dict(w.split("=", 1) for w in words[1:5])
            rec["rep"] = int(rec["rep"])
            rec["k"] = int(rec["k"])
            rest = words[5:]
            if rest[0] == "samples":
                rec.update(step=rest[1], source=rest[2], kind=rest[3],
                           values=[int(v) for v in rest[4].split(",")]
                           if len(rest) > 4 else [])
                rec["what"] = "samples"
            else:
                rec["step"] = rest[0]
                rec["what"] = rest[0].split("-")[0]
                fields = {}
                for w in rest[1:]:
                    if "=" in w:
                        key, val = w.split("=", 1)
                        fields[key] = val
                rec["fields"] = fields
            recs.append(rec)
    return recs


def num(fields, key):
    val = fields.get(key, "")
    return int(val) if val.lstrip("-").isdigit() else None


def pct(values, p):
    """The p-th percentile (nearest rank) of values."""
    if not values:
        return None
    s = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(s)))
    return s[rank - 1]


def summary(values):
    """Median, lowest, highest and the 95 % interval of the mean."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    out = {"median": statistics.median(values), "min": min(values),
           "max": max(values), "n": len(values), "values": values}
    if len(values) >= 2:
        mean = statistics.mean(values)
        half = T95.get(len(values) - 1, 1.96) * statistics.stdev(values) / \
            math.sqrt(len(values))
        out["ci95"] = [mean - half, mean + half]
    return out


def us(ns):
    if ns is None:
        return "-"
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    return "%.1f us" % (ns / 1e3)


def spread(s, fmt):
    if s is None:
        return "-"
    if s["n"] == 1:
        return "one run"
    return "%s .. %s (n = %d)" % (fmt(s["min"]), fmt(s["max"]), s["n"])


class Bench:
    def __init__(self, recs, args):
        self.recs = recs
        self.args = args
        self.reps = sorted({r["rep"] for r in recs})
        self.problems = []

    def steps(self, what, kernel=None, k=None, mode=None):
        for r in self.recs:
            if r["what"] != what or (kernel and r["kernel"] != kernel) or \
               (k and r["k"] != k):
                continue
            if mode and r["fields"].get("mode") != mode:
                continue
            yield r

    def samples(self, rep, kernel, step, source, kind):
        for r in self.recs:
            if r["what"] == "samples" and r["rep"] == rep and \
               r["kernel"] == kernel and r["step"] == step and \
               r["source"] == source and r["kind"] == kind:
                yield from r["values"]

    def check_failures(self):
        for r in self.recs:
            if r["what"] != "samples" and r["fields"].get("status") == "error":
                self.problems.append("rep %d, %s kernel, K=%d: step %s failed"
                                     % (r["rep"], r["kernel"], r["k"], r["step"]))

    # Per-call cost: ns per call, patched / unpatched, per repetition.
    def cost(self, patched_k=1):
        """Per call, the patched kernel on firmware with patched_k contexts."""
        res = {}
        for call in ("fast", "yielding"):
            per = {}
            for kernel in ("unpatched", "patched"):
                per[kernel] = {}
                for r in self.steps("cost", kernel=kernel,
                                    k=patched_k if kernel == "patched" else 1):
                    f = r["fields"]
                    if f.get("call") != call:
                        continue
                    if num(f, "errors"):
                        self.problems.append("rep %d, %s kernel: %s calls failed"
                                             % (r["rep"], kernel, f["errors"]))
                    batches = [int(b) for b in f.get("batch_ns", "").split(",") if b]
                    count = num(f, "count") or 0
                    # IS_CALL_AVAIL comes with every PAS_IS_SUPPORTED.
                    smcs = count * (1 if call == "fast" else 2)
                    if num(f, "sleeps") or num(f, "busy") or num(f, "calls") != smcs:
                        self.problems.append(
                            "rep %d, %s kernel, %s cost: firmware saw %s calls for %d, %s sleeps, %s busy"
                            % (r["rep"], kernel, call, f.get("calls"), smcs,
                               f.get("sleeps"), f.get("busy")))
                    if not count or not batches:
                        continue
                    acc = per[kernel].setdefault(r["rep"], [0, 0, []])
                    acc[0] += sum(batches)
                    acc[1] += count
                    acc[2] += [b / (count / len(batches)) for b in batches]
            ns = {kernel: {rep: v[0] / v[1] for rep, v in per[kernel].items() if v[1]}
                  for kernel in per}
            ratios = [ns["patched"][rep] / ns["unpatched"][rep]
                      for rep in self.reps
                      if rep in ns["patched"] and rep in ns["unpatched"]]
            res[call] = {
                "ns_per_call": {k: summary(list(v.values())) for k, v in ns.items()},
                "batch_ns_per_call": {k: {str(rep): v[2] for rep, v in per[k].items()}
                                      for k in per},
                "ratio": summary(ratios),
            }
        return res

    def ipi_step(self, rep, kernel, mode):
        for r in self.steps("ipi", kernel=kernel, mode=mode):
            if r["rep"] == rep:
                return r
        return None

    # Wake-to-resume: the firmware's samples of each kind, by repetition.
    def wake(self):
        cases = {"waitq": ("patched", "waitq"), "busy": ("unpatched", "busy"),
                 "spin": ("unpatched", "spin")}
        res = {"cases": {}}
        for name, (kernel, mode) in cases.items():
            p50, p99, raw = [], [], {}
            for rep in self.reps:
                r = self.ipi_step(rep, kernel, mode)
                if not r:
                    continue
                vals = list(self.samples(rep, kernel, r["step"], "firmware", name))
                raw[str(rep)] = vals
                if vals:
                    p50.append(pct(vals, 50))
                    p99.append(pct(vals, 99))
            pooled = [v for vals in raw.values() for v in vals]
            res["cases"][name] = {"kernel": kernel, "firmware": mode,
                                  "p50": summary(p50), "p99": summary(p99),
                                  "samples": len(pooled), "raw": raw}
        for p in ("p50", "p99"):
            ratios = []
            for rep in self.reps:
                w = res["cases"]["waitq"]["raw"].get(str(rep))
                b = res["cases"]["busy"]["raw"].get(str(rep))
                if w and b:
                    ratios.append(pct(b, int(p[1:])) / max(pct(w, int(p[1:])), 1))
            res["ratio_" + p] = summary(ratios)
        return res

    # Throughput: calls/s by K and N; K = 4 / K = 1; against min(N, K) / T.
    def tput(self):
        res = {"by_k": {}}
        per = {}
        for r in self.steps("tput", kernel="patched"):
            f = r["fields"]
            n, issued, ok = num(f, "threads"), num(f, "issued"), num(f, "ok")
            ms = num(f, "elapsed_ms")
            if None in (n, issued, ok, ms) or not ms:
                continue
            if ok != issued or num(f, "wrong") or num(f, "errors"):
                self.problems.append("rep %d, K=%d, N=%d: %d of %d calls right (wrong %s, errors %s)"
                                     % (r["rep"], r["k"], n, ok, issued, f.get("wrong"), f.get("errors")))
            for c in ("premature", "unfetched", "abandoned", "busy", "no_ctx"):
                if num(f, c):
                    self.problems.append("rep %d, K=%d, N=%d: firmware counted %s=%s"
                                         % (r["rep"], r["k"], n, c, f[c]))
            per.setdefault(r["k"], {}).setdefault(n, {})[r["rep"]] = issued * 1000 / ms
        # T: every call meets one hold of tput_hold_us, so a resource
        # completes at most one call per hold.
        t_s = self.args.tput_hold_us / 1e6
        for k, byn in per.items():
            res["by_k"][str(k)] = {}
            for n, byrep in sorted(byn.items()):
                ideal = min(n, k) / t_s
                res["by_k"][str(k)][str(n)] = {
                    "calls_per_s": summary(list(byrep.values())),
                    "ideal": summary([ideal]),
                    "of_ideal": summary([v / ideal for v in byrep.values()])}
        res["ratio"] = {}
        for n in sorted(per.get(4, {})):
            ratios = [per[4][n][rep] / per[1][n][rep] for rep in per[4][n]
                      if rep in per.get(1, {}).get(n, {})]
            res["ratio"][str(n)] = summary(ratios)
        return res

    # IPI round trips to the caller's CPU, CPU time left, masked spinning.
    def ipi(self):
        res = {}
        for name, (kernel, mode) in {"patched-waitq": ("patched", "waitq"),
                                     "unpatched-spin": ("unpatched", "spin"),
                                     "unpatched-busy": ("unpatched", "busy")}.items():
            p50, p99, mx, left, masked, masked_max, raw = [], [], [], [], [], [], {}
            for rep in self.reps:
                r = self.ipi_step(rep, kernel, mode)
                if not r:
                    continue
                f = r["fields"]
                vals = list(self.samples(rep, kernel, r["step"], "kernel", "ipi"))
                raw[str(rep)] = vals
                if vals:
                    p50.append(pct(vals, 50))
                    p99.append(pct(vals, 99))
                    mx.append(max(vals))
                q, b = num(f, "quiet_loops"), num(f, "busy_loops")
                qms, bms = num(f, "quiet_ms"), num(f, "busy_ms")
                if q and qms and bms and b is not None:
                    left.append((b / bms) / (q / qms))
                if num(f, "spin_us") is not None and bms:
                    masked.append(num(f, "spin_us") / (bms * 1000))
                    masked_max.append(num(f, "spin_max_us"))
                if kernel == "patched":
                    if num(f, "errors"):
                        self.problems.append("rep %d: patched caller got %s errors"
                                             % (rep, f["errors"]))
                    for c in ("premature", "unfetched", "abandoned"):
                        if num(f, c):
                            self.problems.append("rep %d, patched on wait-queue firmware: %s=%s"
                                                 % (rep, c, f[c]))
            res[name] = {"p50": summary(p50), "p99": summary(p99), "max": summary(mx),
                         "cpu_left": summary(left), "masked_share": summary(masked),
                         "masked_longest_us": summary(masked_max), "raw": raw}
        return res


def verdict(ok):
    if ok is None:
        return "not judged"
    return "met" if ok else "missed"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    for opt in ("reps", "hold-us", "tput-hold-us", "period-us", "jitter-us", "ipi-ms", "tput-s", "count"):
        ap.add_argument("--" + opt, type=int, required=True)
    for opt in ("base", "qemu", "host", "size"):
        ap.add_argument("--" + opt, default="unknown")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("lines")
    a = ap.parse_args()

    b = Bench(parse(a.lines), a)
    b.check_failures()
    cost, wake, tput, ipi = b.cost(), b.wake(), b.tput(), b.ipi()
    cost_k4 = b.cost(patched_k=4)

    # The four figures, each with its verdict.
    rows = []
    for call in ("fast", "yielding"):
        s = cost[call]["ratio"]
        ok = None
        if s and "ci95" in s:
            ok = s["ci95"][1] <= 1.02
        rows.append(("per-call cost, %s calls" % call, "patched / unpatched, firmware never sleeping",
                     s and "%.4f" % s["median"],
                     s and ("%s; 95%% CI of the mean %.4f .. %.4f" % (spread(s, lambda v: "%.4f" % v), *s["ci95"])
                            if "ci95" in s else spread(s, lambda v: "%.4f" % v)),
                     "<= 1.02 (upper end of the CI)", verdict(ok)))
    s = cost_k4["yielding"]["ratio"]
    rows.append(("per-call cost, yielding calls, K = 4 (semaphore)",
                 "patched on firmware with 4 contexts / unpatched", s and "%.4f" % s["median"],
                 spread(s, lambda v: "%.4f" % v), "none (reported)", "-"))
    for p in ("p50", "p99"):
        s = wake["ratio_" + p]
        rows.append(("wake-to-resume %s" % p,
                     "unpatched on busy firmware / patched on wait-queue firmware",
                     s and "%.0fx (%s vs %s)" % (s["median"], us(wake["cases"]["busy"][p]["median"]),
                                                 us(wake["cases"]["waitq"][p]["median"])),
                     spread(s, lambda v: "%.0fx" % v), ">= 50x lower",
                     verdict(s and s["median"] >= 50)))
    r4 = tput["ratio"].get("4")
    e4 = tput["by_k"].get("4", {}).get("4", {}).get("of_ideal")
    rows.append(("throughput, N = 4", "K = 4 / K = 1 firmware, same contention per resource",
                 r4 and "%.2fx, %.0f%% of ideal" % (r4["median"], 100 * e4["median"]) if r4 and e4 else None,
                 r4 and e4 and "%s; of ideal %s" % (spread(r4, lambda v: "%.2fx" % v),
                                                    spread(e4, lambda v: "%.0f%%" % (100 * v))),
                 ">= 3x and >= 80% of min(N, K) / T (T: the hold every call meets)",
                 verdict(r4["median"] >= 3 and e4["median"] >= 0.8) if r4 and e4 else "not judged"))
    w, sp = ipi["patched-waitq"]["p99"], ipi["unpatched-spin"]["p99"]
    ctl = ipi["unpatched-busy"]["p99"]
    masked = ipi["unpatched-spin"]["masked_longest_us"]
    ipi_ok = None
    if w and sp and ctl and masked:
        # Spin: the IPI waited for holds the firmware saw it spin through
        # masked, and the same kernel's CPU asleep (busy firmware) answered
        # quicker; wait-queue: answered within 1 ms.
        ipi_ok = (sp["median"] >= a.hold_us * 500 and masked["median"] >= a.hold_us / 2 and
                  sp["median"] > 2 * ctl["median"] and w["median"] < 1e6)
    rows.append(("IPI round trip to a CPU in an SCM call, p99",
                 "unpatched on spin firmware / patched on wait-queue firmware",
                 w and sp and "%s vs %s" % (us(sp["median"]), us(w["median"])),
                 w and sp and "spin %s; wait-queue %s" % (spread(sp, us), spread(w, us)),
                 "spin: waits for the hold (p99 >= hold / 2, a masked spin >= hold / 2, "
                 "> 2x the busy-firmware p99); wait-queue: < 1 ms",
                 verdict(ipi_ok)))
    # Other work on the host while the real-time boots ran, in CPUs.
    other = [num(r["fields"], "other_cpu_ms") / num(r["fields"], "wall_ms")
             for r in b.recs if r["what"] == "host" and r.get("clock") == "real"
             and num(r["fields"], "wall_ms")]
    busy_host = bool(other) and max(other) > OTHER_CPU_LIMIT
    if a.smoke:
        rows = [r[:5] + ("not judged (smoke run)",) for r in rows]
    elif busy_host:
        # The per-call cost (rows 0..2) is counted in instructions; the
        # others are real time, measured with other work on the host.
        rows = rows[:3] + [r[:5] + ("%s (host busy)" % r[5],) for r in rows[3:]]
    for r in rows:
        if r[2] is None:
            b.problems.append("figure not computed: %s" % r[0])
    have = {"cost fast": cost["fast"]["ratio"], "cost yielding": cost["yielding"]["ratio"],
            "cost yielding K = 4": cost_k4["yielding"]["ratio"],
            "wake-to-resume p50": wake["ratio_p50"], "wake-to-resume p99": wake["ratio_p99"],
            "throughput N = 4": tput["ratio"].get("4"),
            "IPI p99 (wait-queue)": ipi["patched-waitq"]["p99"],
            "IPI p99 (spin)": ipi["unpatched-spin"]["p99"]}
    for name, s_ in have.items():
        if s_ and s_["n"] != a.reps:
            b.problems.append("%s: %d of %d repetitions" % (name, s_["n"], a.reps))

    clock = ("per-call cost in virtual time: QEMU -icount shift=0,sleep=off (one "
             "guest instruction, one nanosecond), so it counts instructions and "
             "does not depend on the host; every other figure in real time: the "
             "firmware's samples from the architected counter (CNTPCT, 62.5 MHz "
             "on QEMU virt) read at EL3, the kernel's from ktime_get_ns() (the same "
             "counter). Without -icount that counter follows the host's clock, so "
             "host load shows in those figures (-icount is not used there: it runs "
             "the guest's CPUs one at a time and skews waits on real time). "
             "Compare the two sides of a ratio, not the values with hardware.")
    conf = ("Each repetition: six boots of 2 guest CPUs (unpatched K = 1, patched "
            "K = 1 and K = 4 under -icount; unpatched K = 1, patched K = 1, patched K = 4 in "
            "real time), seed 10 + repetition. Per-call cost: %d calls "
            "per run on CPU 1, two runs of each call per boot, quiet wait-queue "
            "firmware (fast: IO read, an atomic call; yielding: PAS_IS_SUPPORTED, "
            "with the IS_CALL_AVAIL the API issues first). Wake-to-resume, IPI, CPU "
            "left: one caller on CPU 1 issuing PAS_IS_SUPPORTED for %d ms, the second "
            "VM holding every resource %d us each %d us (+- %d us), an IPI to CPU 1 "
            "from CPU 0 every ms on average (busy-waited, randomised), a SCHED_IDLE soaker "
            "(weight 3) on CPU 1. Throughput: N test "
            "module threads of HDCP requests for %d s each, every call meeting a "
            "%d us hold (contend=each), thread t on resource t %% K (hdcp_res=session). "
            "Kernels: the project's minimal configuration (allnoconfig-based: no jump "
            "labels, so a static branch is a load and a test; HZ=250; no preemption); "
            "patched and unpatched differ by the series and its KUnit suite.") % (
                a.count, a.ipi_ms, a.hold_us, a.period_us, a.jitter_us, a.tput_s, a.tput_hold_us)

    md = ["# SCM wait-queue benchmark%s" % (" (smoke run: values not judged)" if a.smoke else ""), "",
          "- Base: %s; QEMU: %s; host: %s" % (a.base, a.qemu, a.host),
          "- Repetitions: %d" % len(b.reps),
          "- Other work on the host during the real-time boots: %s%s" % (
              ("median %.2f CPUs, at most %.2f" % (statistics.median(other), max(other)))
              if other else "not measured",
              (" (above %.2f: the real-time figures' verdicts say \"host busy\"; "
               "rerun on an idle host to confirm them)" % OTHER_CPU_LIMIT) if busy_host else ""),
          "- Clock: " + clock, "- Configuration: " + conf, "",
          "## Figures", "",
          "| figure | comparison | measured (median) | spread | target | verdict |",
          "|---|---|---|---|---|---|"]
    md += ["| %s |" % " | ".join(x if x else "-" for x in r) for r in rows]
    md += ["", "## Per-call cost (ns per call, median over repetitions)", "",
           "| call | unpatched | patched | ratio |", "|---|---|---|---|"]
    for call in ("fast", "yielding"):
        c = cost[call]
        u, p = c["ns_per_call"].get("unpatched"), c["ns_per_call"].get("patched")
        md.append("| %s | %s | %s | %s |" % (call, u and "%.1f" % u["median"], p and "%.1f" % p["median"],
                                             c["ratio"] and "%.4f" % c["ratio"]["median"]))
    md += ["", "## Wake-to-resume (firmware-timed)", "",
           "| kernel / firmware | samples | p50 | p50 spread | p99 | p99 spread |", "|---|---|---|---|---|---|"]
    for name, c in wake["cases"].items():
        md.append("| %s / %s | %d | %s | %s | %s | %s |" % (
            c["kernel"], c["firmware"], c["samples"], us(c["p50"] and c["p50"]["median"]),
            spread(c["p50"], us), us(c["p99"] and c["p99"]["median"]), spread(c["p99"], us)))
    md += ["", "## Throughput (calls/s, median; ideal = min(N, K) / T, T = one hold of %d us)" % a.tput_hold_us, "",
           "| K | N | calls/s | spread | ideal | of ideal |", "|---|---|---|---|---|---|"]
    for k, byn in sorted(tput["by_k"].items()):
        for n, t in sorted(byn.items(), key=lambda x: int(x[0])):
            cps = t["calls_per_s"]
            md.append("| %s | %s | %.0f | %s | %s | %s |" % (
                k, n, cps["median"], spread(cps, lambda v: "%.0f" % v),
                t["ideal"] and "%.0f" % t["ideal"]["median"],
                t["of_ideal"] and "%.0f%%" % (100 * t["of_ideal"]["median"])))
    one = [tput["by_k"].get(k, {}).get("1") for k in ("1", "4")]
    if all(one):
        r1, r4_ = one[0]["calls_per_s"]["median"], one[1]["calls_per_s"]["median"]
        md += ["", "One caller: K = 1 %.0f calls/s, K = 4 %.0f calls/s (%+.0f %%). The "
               "workload is the same: a difference is the host's noise or the kernel's "
               "path for the number of contexts." % (r1, r4_, 100 * (r4_ / r1 - 1))]
    md += ["", "K = 4 / K = 1 by N: " + ", ".join(
        "N = %s: %.2fx" % (n, s["median"]) for n, s in sorted(tput["ratio"].items(), key=lambda x: int(x[0])) if s)]
    md += ["", "## A CPU inside an SCM call while the second VM holds the resource", "",
           "| kernel / firmware | IPI p50 | IPI p99 | IPI max | CPU time left to other work | masked spinning (share of the run) | longest masked spin |",
           "|---|---|---|---|---|---|---|"]
    for name, c in ipi.items():
        md.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            name.replace("-", " / "), us(c["p50"] and c["p50"]["median"]), us(c["p99"] and c["p99"]["median"]),
            us(c["max"] and c["max"]["median"]),
            c["cpu_left"] and "%.0f%%" % (100 * c["cpu_left"]["median"]) or "-",
            c["masked_share"] and "%.1f%%" % (100 * c["masked_share"]["median"]) or "-",
            c["masked_longest_us"] and us(1000 * c["masked_longest_us"]["median"]) or "-"))
    if a.size:
        md += ["", "## Static size", "",
               "qcom_scm.o + qcom_scm-smc.o (text + data + bss), both built with the "
               "unpatched kernel's configuration: %s." % a.size]
    if b.problems:
        md += ["", "## Problems (the run is not valid)", ""] + ["- " + p for p in b.problems]

    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "report.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    results = {"config": vars(a), "figures": [dict(zip(("figure", "comparison", "measured", "spread",
                                                          "target", "verdict"), r)) for r in rows],
               "cost": cost, "cost_k4": cost_k4, "wake_to_resume": wake, "throughput": tput, "ipi": ipi,
               "problems": b.problems}
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    plot(a.out, wake, ipi, tput)

    print("\n".join(md[md.index("## Figures"):md.index("## Figures") + 4 + len(rows)]))
    print("\n" + next(line for line in md if line.startswith("- Other work")))
    print("\nreport: %s/report.md, results.json, report.png" % os.path.relpath(a.out))
    for p in b.problems:
        print("bench: " + p, file=sys.stderr)
    return 1 if b.problems else 0


def plot(out, wake, ipi, tput):
    """report.png: latency distributions (log scale) and throughput vs N."""
    data = os.path.join(out, "plot")
    os.makedirs(data, exist_ok=True)

    def cdf(name, values):
        path = os.path.join(data, name + ".dat")
        s = sorted(values)
        with open(path, "w") as f:
            for i, v in enumerate(s):
                f.write("%g %g\n" % (max(v, 1) / 1000, (i + 1) / len(s)))
        return path, bool(s)

    curves = []
    for name, c in wake["cases"].items():
        vals = [v for vs in c["raw"].values() for v in vs]
        path, any_ = cdf("wake-" + name, vals)
        if any_:
            curves.append("'%s' using 1:2 with lines lw 2 title '%s on %s firmware'"
                          % (path, c["kernel"], c["firmware"]))
    ipi_curves = []
    for name, c in ipi.items():
        vals = [v for vs in c["raw"].values() for v in vs]
        path, any_ = cdf("ipi-" + name, vals)
        if any_:
            ipi_curves.append("'%s' using 1:2 with lines lw 2 title '%s'" % (path, name))
    tp = os.path.join(data, "throughput.dat")
    with open(tp, "w") as f:
        ns = sorted({int(n) for byn in tput["by_k"].values() for n in byn})
        for n in ns:
            row = [str(n)]
            for k in ("1", "4"):
                t = tput["by_k"].get(k, {}).get(str(n))
                row.append("%g" % t["calls_per_s"]["median"] if t else "NaN")
                row.append("%g" % t["ideal"]["median"] if t and t["ideal"] else "NaN")
            f.write(" ".join(row) + "\n")
    script = ["set terminal pngcairo size 1500,500 font ',10'",
              "set output '%s'" % os.path.join(out, "report.png"),
              "set multiplot layout 1,3",
              "set logscale x", "set grid", "set key bottom right",
              "set xlabel 'microseconds (log scale)'", "set ylabel 'fraction of samples'",
              "set title 'Wake-to-resume (firmware-timed)'",
              "plot " + (", ".join(curves) if curves else "NaN notitle"),
              "set title 'IPI round trip to the caller CPU'",
              "plot " + (", ".join(ipi_curves) if ipi_curves else "NaN notitle"),
              "unset logscale x", "set key top left",
              "set xlabel 'callers N'", "set ylabel 'calls/s'",
              "set yrange [0:*]", "set offsets 0, 0, graph 0.25, 0",
              "set title 'Throughput, every call meeting a hold'",
              "plot '%s' using 1:2 with linespoints lw 2 title 'K = 1', "
              "'' using 1:4 with linespoints lw 2 title 'K = 4', "
              "'' using 1:5 with lines dt 2 title 'ideal K = 4: min(N, 4) / T', "
              "'' using 1:3 with lines dt 3 title 'ideal K = 1'" % tp,
              "unset multiplot"]
    with open(os.path.join(data, "report.gp"), "w") as f:
        f.write("\n".join(script) + "\n")
    subprocess.run(["gnuplot", os.path.join(data, "report.gp")], check=True)


if __name__ == "__main__":
    sys.exit(main())
