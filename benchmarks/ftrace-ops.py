#!/usr/bin/env python3
"""Linux's samples/ftrace/ftrace-ops benchmark on rvtrace, as a table.

Every cell (scheme x relevant ops x irrelevant ops) is one `./rv bench ftrace-ops`
process: the ftrace-ops sample registers the ops, the guest program
benchmarks/ftrace-ops/ftrace_ops.c calls tracee_relevant 100000 times per round
and reports the median round after the JIT has warmed up. The script prints a
markdown table with the kernel's published figures beside ours
(../shared/FTRACE-DESIGN.md section 6), the overhead of a traced call over the
untraced one, a few observations on the shape, and writes an SVG plot.

    benchmarks/ftrace-ops.py                       # the full table (32 cells, a few minutes)
    benchmarks/ftrace-ops.py --quick               # a small subset, short runs: a smoke test
    benchmarks/ftrace-ops.py --markdown table.md   # also write the report to a file

Progress goes to stderr, the report to stdout. Standard library only (Python >= 3.8).
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shlex
import statistics
import sys
import time

from benchlib import BENCH_DIR, Fatal, cpu_model, log, run_watched, tail, wait_idle, rv_version as version_text

DEFAULT_SVG = os.path.join(BENCH_DIR, "ftrace-ops.svg")
DEFAULT_JSON = os.path.join(BENCH_DIR, "target", "ftrace-ops.json")

SCHEMES = ["call-ops", "list"]
RELEVANT = [0, 1, 2, 10]
IRRELEVANT = [0, 1, 10, 100]
QUICK_RELEVANT = [0, 1, 2]
QUICK_IRRELEVANT = [0, 10]

# The kernel's published figures (FTRACE-DESIGN.md section 6), keyed by
# (relevant, irrelevant): (before CALL_OPS = the list scheme, after = CALL_OPS).
# arm64 (Apple M1, Mark Rutland's CALL_OPS series): OVERHEAD per call, i.e. the
# traced call minus the untraced one. "About 64/186 either way" for several
# relevant ops: both schemes go through the list function then.
KERNEL_M1 = {
    (1, 0): (13.4, 1.9),
    (1, 1): (64, 1.9),
    (1, 10): (237, 1.9),
    (1, 100): (1063, 1.9),
    (2, 0): (64, 64),
    (10, 0): (186, 186),
}
# RISC-V (Spacemit K1, the riscv CALL_OPS patch): ns per call of the traced
# function as the sample prints it (untraced: 13 ns); after CALL_OPS "38-40 ns
# flat" for one relevant ops whatever the irrelevant ones; "unchanged" (no
# figures) for several relevant ops.
KERNEL_K1 = {
    (0, 0): (13, 13),
    (1, 0): (122, (38, 40)),
    (1, 1): (172, (38, 40)),
    (1, 10): (575, (38, 40)),
    (1, 100): (5038, (38, 40)),
}

NATIVE = re.compile(r"^native x86-64: untraced ([0-9.]+) ns/call; traced ([0-9.]+) ns/call, overhead (-?[0-9.]+) ns; "
                    r"callback inlined ([0-9.]+) ns/call, overhead (-?[0-9.]+) ns", re.M)
ATTEMPTED = re.compile(r"^Attempted (\d+) calls to tracee_relevant in (\d+) ?ns \((\d+) ?ns / call\)$", re.M)
COUNTS = re.compile(r"^ftrace_ops: counted (\d+) calls by each of (\d+) relevant ops, (\d+) by the irrelevant ops, (\d+) stray$", re.M)
PRECISE = re.compile(r"^ns/call: ([0-9.]+) median, ([0-9.]+) min, ([0-9.]+) max \((\d+) rounds; warm-up (\d+) rounds, (\d+) ms\)$", re.M)


# ---------------------------------------------------------------- running

class Cell:
    """One (scheme, relevant, irrelevant) measurement: ns/call of each process run."""

    def __init__(self, scheme, relevant, irrelevant):
        self.scheme, self.relevant, self.irrelevant = scheme, relevant, irrelevant
        self.runs = []  # dicts: median, min, max, warm_rounds, warm_ms, wall

    @property
    def ns(self):
        return statistics.median(r["median"] for r in self.runs) if self.runs else None


def measure(rv, cell, args):
    cmd = rv + ["bench", "ftrace-ops", "--scheme=" + cell.scheme, "--relevant=%d" % cell.relevant,
                "--irrelevant=%d" % cell.irrelevant, "--calls=%d" % args.calls,
                "--warmup=%d" % args.warmup, "--rounds=%d" % args.guest_rounds]
    if args.save_regs:
        cmd.append("--save-regs")
    cmd += args.rv_option
    wall, rc, out, err, others = run_watched(cmd, args.timeout, text=True)
    if rc != 0:
        raise Fatal("%s exited with status %d\nstdout:\n%s\nstderr:\n%s" % (shlex.join(cmd), rc, tail(out), tail(err)))
    a = ATTEMPTED.search(out)
    p = PRECISE.search(out)
    if not a:
        raise Fatal("no 'Attempted ... calls' line from %s\nstdout:\n%s" % (shlex.join(cmd), tail(out)))
    calls = int(a.group(1))
    if p:
        r = {"median": float(p.group(1)), "min": float(p.group(2)), "max": float(p.group(3)),
             "warm_rounds": int(p.group(5)), "warm_ms": int(p.group(6))}
        # The module's check_count: every relevant ops saw every call the guest made.
        made = (int(p.group(4)) + int(p.group(5))) * calls
        c = COUNTS.search(err)
        if not c or int(c.group(2)) != cell.relevant or (cell.relevant and int(c.group(1)) != made) \
                or int(c.group(3)) != 0 or int(c.group(4)) != 0:
            raise Fatal("%s: the callbacks did not count the %d calls made (%d per relevant ops expected):\n%s"
                        % (shlex.join(cmd), made, made, c.group(0) if c else tail(err)))
    else:  # only the kernel's line: integer-ns precision from the period
        v = int(a.group(2)) / calls
        r = {"median": v, "min": v, "max": v, "warm_rounds": None, "warm_ms": None}
    r["wall"] = wall
    r["others"] = others
    return r, cmd


def measure_native(args):
    """The same trampoline as native x86-64 code (ftrace-ops/native_x86.c): the machine's own cost.

    Returns a dict of medians over args.native_runs processes, or None on other hosts."""
    if platform.machine() not in ("x86_64", "AMD64"):
        log("not an x86-64 host: no native reference line")
        return None
    binary = os.path.join(BENCH_DIR, "target", "native_x86")
    wall, rc, out, err, _ = run_watched(["make", "-s", "-C", BENCH_DIR, "target/native_x86"], 300, text=True)
    if rc != 0:
        raise Fatal("building %s failed (HOST_CC=cc; --no-native skips it)\n%s" % (binary, tail(err)))
    runs = []
    for k in range(args.native_runs):
        wait_idle(args.wait_idle, args.busy)
        wall, rc, out, err, _ = run_watched([binary], 300, text=True)
        m = NATIVE.search(out)
        if rc != 0 or not m:
            raise Fatal("%s exited with status %d\nstdout:\n%s\nstderr:\n%s" % (binary, rc, tail(out), tail(err)))
        runs.append([float(x) for x in m.groups()])
        log("native x86-64 [%d/%d]: untraced %s, traced %s (overhead %s), callback inlined %s (overhead %s) ns/call"
            % ((k + 1, args.native_runs) + tuple(fmt(v) for v in runs[-1])))
    med = [statistics.median(r[i] for r in runs) for i in range(5)]
    return {"untraced": med[0], "traced": med[1], "overhead": med[2], "inlined": med[3], "inlined_overhead": med[4],
            "runs": len(runs)}


# ---------------------------------------------------------------- the report

def fmt_kernel(x):
    """A published figure, with the precision it was published with."""
    if isinstance(x, tuple):
        return "%s–%s" % (fmt_kernel(x[0]), fmt_kernel(x[1]))
    return "%g" % x


def fmt(x):
    if x is None:
        return "-"
    if x < 10:
        return "%.2f" % x
    if x < 100:
        return "%.1f" % x
    return "%.0f" % x


def kernel_pair(table, key):
    v = table.get(key)
    if v is None:
        return "-"
    before, after = v
    if before == after:
        return ("≈" if key[0] > 1 else "") + fmt_kernel(before) + " both"
    return "%s → %s" % (fmt_kernel(before), fmt_kernel(after))


def report(cells, schemes, relevant, irrelevant, header, native=None):
    """The markdown report: table, overhead, observations."""
    get = {(c.scheme, c.relevant, c.irrelevant): c.ns for c in cells}
    lines = [header, ""]
    cols = ["relevant", "irrelevant"]
    cols += ["%s ns/call" % s for s in schemes]
    cols += ["%s overhead" % s for s in schemes]
    cols += ["arm64 M1 overhead, list → CALL_OPS", "RISC-V K1 ns/call, list → CALL_OPS"]
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|" + "---:|" * 2 + "---:|" * (2 * len(schemes)) + "---|---|")
    for r in relevant:
        for i in irrelevant:
            row = [str(r), str(i)]
            row += [fmt(get.get((s, r, i))) for s in schemes]
            for s in schemes:
                t, u = get.get((s, r, i)), get.get((s, 0, i))
                row.append("-" if r == 0 or t is None or u is None else fmt(t - u))
            row += [kernel_pair(KERNEL_M1, (r, i)), kernel_pair(KERNEL_K1, (r, i))]
            lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    lines.append("ns/call: median round (of the guest's rounds after warm-up; the median over processes when "
                 "there are several). overhead = ns/call − ns/call with 0 relevant ops (the untraced call "
                 "through a prepared site, same scheme and irrelevant ops). arm64 M1: overhead as published; "
                 "RISC-V K1: the sample's ns/call (untraced 13 ns). '-': not measured or not published; "
                 "'≈N both': about N ns before and after CALL_OPS (several relevant ops go through the list "
                 "function in both).")
    floor = {(c.scheme, c.relevant, c.irrelevant): min(r["min"] for r in c.runs) for c in cells if c.runs}
    obs = observations(get, floor, schemes, irrelevant)
    if native:
        t, u = get.get(("call-ops", 1, 0)), get.get(("call-ops", 0, 0))
        obs.append("The same trampoline as native x86-64 code on this machine (benchmarks/ftrace-ops/native_x86.c, "
                   "median of %d processes): overhead %s ns with ops->func called (untraced call %s ns), %s ns with "
                   "the callback's work in the trampoline instead, as rvtrace's compiled code has it (the native "
                   "code still stores and reloads the frame, which rvtrace's defers and drops)%s."
                   % (native["runs"], fmt(native["overhead"]), fmt(native["untraced"]), fmt(native["inlined_overhead"]),
                      "; rvtrace's CALL_OPS overhead is %.2fx the latter" % ((t - u) / native["inlined_overhead"])
                      if t is not None and u is not None and native["inlined_overhead"] > 0 else ""))
    if obs:
        lines.append("")
        lines += ["- " + o for o in obs]
    return "\n".join(lines) + "\n"


def observations(get, floor, schemes, irrelevant):
    out = []

    def g(s, r, i):
        return get.get((s, r, i))

    if "call-ops" in schemes:
        t, u = g("call-ops", 1, 0), g("call-ops", 0, 0)
        if t is not None and u is not None:
            out.append("CALL_OPS, one relevant ops, no other: %s ns/call, overhead %s ns over the untraced "
                       "call (%s ns); the issue's target is 2 ns (arm64 M1: 1.9 ns)." % (fmt(t), fmt(t - u), fmt(u)))
        vals = [g("call-ops", 1, i) for i in irrelevant if g("call-ops", 1, i) is not None]
        lows = [floor.get(("call-ops", 1, i)) for i in irrelevant if floor.get(("call-ops", 1, i)) is not None]
        if len(vals) > 1:
            ratio = max(vals) / min(vals)
            low_ratio = max(lows) / min(lows) if len(lows) == len(vals) else ratio
            flat = ratio < 1.25 or low_ratio < 1.25
            out.append("CALL_OPS, one relevant ops, %s irrelevant: %s ns/call (max/min %.2f; fastest rounds %s, "
                       "max/min %.2f): %s."
                       % ("/".join(str(i) for i in irrelevant), "/".join(fmt(v) for v in vals), ratio,
                          "/".join(fmt(v) for v in lows), low_ratio,
                          ("flat, as with CALL_OPS in the kernel" if ratio < 1.25 else
                           "flat within this machine's run-to-run noise (the fastest rounds agree), as with "
                           "CALL_OPS in the kernel") if flat else
                          "NOT flat: a lone tracer's cost should not depend on other functions' ops"))
    if "list" in schemes:
        vals = [(i, g("list", 1, i)) for i in irrelevant if g("list", 1, i) is not None]
        if len(vals) > 1:
            (i0, v0), (i1, v1) = vals[0], vals[-1]
            grows = v1 > 1.5 * v0
            per = (v1 - vals[1][1]) / (i1 - vals[1][0]) if len(vals) > 2 and i1 > vals[1][0] else None
            out.append("list, one relevant ops, %s irrelevant: %s ns/call: %s%s." % (
                "/".join(str(i) for i, _ in vals), "/".join(fmt(v) for _, v in vals),
                "grows %.0fx from %d to %d irrelevant ops, as before CALL_OPS in the kernel" % (v1 / v0, i0, i1)
                if grows else "does NOT grow with the irrelevant ops (the list function should walk them all)",
                ", about %s ns per registered ops" % fmt(per) if per is not None and grows else ""))
    if "call-ops" in schemes and "list" in schemes:
        for r in (2, 10):
            a, b = g("call-ops", r, 0), g("list", r, 0)
            if a is not None and b is not None:
                out.append("%d relevant ops: call-ops %s vs list %s ns/call (both use the list function: "
                           "expected about equal)." % (r, fmt(a), fmt(b)))
    return out


# ---------------------------------------------------------------- the plot

COLORS = {"call-ops": "#1f77b4", "list": "#d62728", "call-ops-2023": "#2ca02c"}
DASHES = {0: "1,4", 1: None, 2: "8,4", 10: "5,2,1,2"}
WIDTHS = {0: 1.2, 1: 2.4, 2: 1.6, 10: 1.6}


def svg_plot(cells, schemes, relevant, irrelevant, subtitle):
    get = {(c.scheme, c.relevant, c.irrelevant): c.ns for c in cells}
    W, H = 980, 540
    left, right, top, bottom = 78, 330, 64, 64
    pw, ph = W - left - right, H - top - bottom

    # x: log scale of the irrelevant ops, 0 placed one decade left of 1 (after an axis break).
    xs = sorted(irrelevant)
    def xval(i):
        return 0.1 if i == 0 else i
    xmin, xmax = math.log10(xval(xs[0])) - 0.15, math.log10(xval(xs[-1])) + 0.15
    def X(i):
        return left + (math.log10(xval(i)) - xmin) / (xmax - xmin) * pw

    ys = [v for v in get.values() if v]
    ys += [b for (r, i), (b, a) in KERNEL_K1.items() if i in xs]
    ys += [b for (r, i), (b, a) in KERNEL_M1.items() if r == 1 and i in xs]
    ys += [1.9]
    lo, hi = nice_below(min(ys) / 1.15), nice_above(max(ys) * 1.15)
    def Y(v):
        return top + ph - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * ph

    e = []
    e.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
             'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">' % (W, H, W, H))
    e.append('<rect width="100%" height="100%" fill="white"/>')
    e.append('<text x="%d" y="24" font-size="15" font-weight="bold">ftrace-ops on rvtrace: cost of a call to '
             'tracee_relevant</text>' % left)
    e.append('<text x="%d" y="42" font-size="11" fill="#555">%s</text>' % (left, esc(subtitle)))
    # grid and y axis (log: 1, 2, 5 of every decade)
    for v in steps125(lo, hi):
        major = round(v / 10 ** math.floor(math.log10(v) + 1e-9)) == 1
        y = Y(v)
        e.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-width="1"/>'
                 % (left, y, left + pw, y, "#ccc" if major else "#eee"))
        e.append('<text x="%d" y="%.1f" text-anchor="end" fill="%s" font-size="%d">%s</text>'
                 % (left - 6, y + 4, "#333" if major else "#888", 11 if major else 9, num(v)))
    e.append('<text transform="translate(20,%d) rotate(-90)" text-anchor="middle">ns per call (log)</text>'
             % (top + ph / 2))
    # x axis
    for i in xs:
        x = X(i)
        e.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eee"/>' % (x, top, x, top + ph))
        e.append('<text x="%.1f" y="%d" text-anchor="middle">%d</text>' % (x, top + ph + 18, i))
    if xs[0] == 0 and len(xs) > 1:  # axis break between 0 and 1
        xb = (X(0) + X(xs[1])) / 2
        e.append('<path d="M%.1f %d l-4 8 M%.1f %d l-4 8" stroke="#333"/>' % (xb - 2, top + ph - 4, xb + 3, top + ph - 4))
    e.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333"/>' % (left, top, pw, ph))
    e.append('<text x="%d" y="%d" text-anchor="middle">irrelevant ops (ops tracing another function; log scale, '
             '0 left of the break)</text>' % (left + pw / 2, top + ph + 42))

    legend = []
    # kernel references, one relevant ops: K1 ns/call, M1 overhead
    def polyline(points, color, dash, width, marker, hollow, title):
        pts = [(X(i), Y(v)) for i, v in points if v and v > 0]
        if len(pts) > 1:
            e.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="%.1f"%s><title>%s</title></polyline>'
                     % (" ".join("%.1f,%.1f" % p for p in pts), color, width,
                        ' stroke-dasharray="%s"' % dash if dash else "", esc(title)))
        for x, y in pts:
            e.append(marker_svg(marker, x, y, color, hollow))

    grey_k1, grey_m1 = "#8c6d31", "#7f7f7f"
    for which, idx, label in ((0, "before", "list"), (1, "after", "CALL_OPS")):
        k1 = [(i, mid(KERNEL_K1[(1, i)][which])) for i in xs if (1, i) in KERNEL_K1]
        polyline(k1, grey_k1, "5,3" if which == 0 else None, 1.2, "square", True, "K1 " + label)
        legend.append((grey_k1, "5,3" if which == 0 else None, 1.2, "square", True,
                       "Linux, RISC-V K1, %s (ns/call)" % label))
        m1 = [(i, KERNEL_M1[(1, i)][which]) for i in xs if (1, i) in KERNEL_M1]
        polyline(m1, grey_m1, "5,3" if which == 0 else None, 1.2, "triangle", True, "M1 " + label)
        legend.append((grey_m1, "5,3" if which == 0 else None, 1.2, "triangle", True,
                       "Linux, arm64 M1, %s (overhead)" % label))
    # ours
    for s in schemes:
        for r in relevant:
            pts = [(i, get.get((s, r, i))) for i in xs]
            if not any(v for _, v in pts):
                continue
            name = "rvtrace %s, %s" % (s, "untraced (0 relevant)" if r == 0 else "%d relevant" % r)
            polyline(pts, COLORS.get(s, "#000"), DASHES.get(r), WIDTHS.get(r, 1.6), "circle", r == 0, name)
            legend.append((COLORS.get(s, "#000"), DASHES.get(r), WIDTHS.get(r, 1.6), "circle", r == 0, name))

    lx, ly = left + pw + 16, top + 6
    for color, dash, width, marker, hollow, text in legend:
        e.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="%.1f"%s/>'
                 % (lx, ly, lx + 28, ly, color, width, ' stroke-dasharray="%s"' % dash if dash else ""))
        e.append(marker_svg(marker, lx + 14, ly, color, hollow))
        e.append('<text x="%d" y="%d" font-size="11">%s</text>' % (lx + 34, ly + 4, esc(text)))
        ly += 18
    ly += 8
    for t in ("Kernel: 1 relevant ops only;", "arm64 figures are overhead", "(traced − untraced), the others", "ns per call."):
        e.append('<text x="%d" y="%d" font-size="10" fill="#555">%s</text>' % (lx, ly, esc(t)))
        ly += 13
    e.append("</svg>")
    return "\n".join(e) + "\n"


def steps125(lo, hi):
    """1, 2, 5 x 10^k from lo to hi (both such values)."""
    out = []
    k = math.floor(math.log10(lo) + 1e-9)
    while True:
        for m in (1, 2, 5):
            v = m * 10.0 ** k
            if v > hi * 1.0001:
                return out
            if v >= lo * 0.9999:
                out.append(v)
        k += 1


def nice_below(x):
    k = math.floor(math.log10(x))
    return max(m * 10.0 ** k for m in (1, 2, 5) if m * 10.0 ** k <= x)


def nice_above(x):
    k = math.floor(math.log10(x))
    return min(m * 10.0 ** j for j in (k, k + 1) for m in (1, 2, 5) if m * 10.0 ** j >= x)


def mid(v):
    return (v[0] + v[1]) / 2 if isinstance(v, tuple) else v


def marker_svg(kind, x, y, color, hollow):
    fill = "white" if hollow else color
    if kind == "square":
        return '<rect x="%.1f" y="%.1f" width="7" height="7" fill="%s" stroke="%s"/>' % (x - 3.5, y - 3.5, fill, color)
    if kind == "triangle":
        return '<path d="M%.1f %.1f l4 7 h-8 z" fill="%s" stroke="%s"/>' % (x, y - 4.5, fill, color)
    return '<circle cx="%.1f" cy="%.1f" r="3.2" fill="%s" stroke="%s"/>' % (x, y, fill, color)


def num(v):
    return ("%g" % v) if v < 1e5 else "1e%d" % round(math.log10(v))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- main

def measure_all(rv, schemes, relevant, irrelevant, args):
    """Runs every cell (args.rounds passes over the table); returns (cells, report header, plot subtitle)."""
    log("asking rv for its version (./rv may build itself first)...")
    rv_ver = version_text(rv, timeout=max(args.timeout, 900))
    log("rv: %s" % rv_ver)
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cells = [Cell(s, r, i) for i in irrelevant for r in relevant for s in schemes]
    total = len(cells) * args.rounds
    n = 0
    t_start = time.time()
    for _ in range(args.rounds):
        for c in cells:
            n += 1
            best = None
            for attempt in range(1 + args.retries):
                wait_idle(args.wait_idle, args.busy)
                r, cmd = measure(rv, c, args)
                log("[%2d/%d] %-13s relevant %3d irrelevant %3d  %9s ns/call (min %s, max %s; warm-up %s rounds) "
                    "%5.1f s, others %.2f cores"
                    % (n, total, c.scheme, c.relevant, c.irrelevant, fmt(r["median"]), fmt(r["min"]), fmt(r["max"]),
                       r["warm_rounds"], r["wall"], r["others"]))
                if best is None or r["others"] < best["others"]:
                    best = r
                if r["others"] < args.busy:
                    break
                if attempt < args.retries:
                    log("  other processes were busy during the run: measuring again")
            c.runs.append(best)
    log("done in %.0f s" % (time.time() - t_start))
    header = ("**%s** · CPU: %s · rv: %s · each cell one `%s bench ftrace-ops --scheme=S --relevant=R "
              "--irrelevant=I` process%s: %d calls per round, warm-up %d ms, median of %d rounds%s%s"
              % (date, cpu_model(), rv_ver, args.rv, " (median of %d)" % args.rounds if args.rounds > 1 else "",
                 args.calls, args.warmup, args.guest_rounds, " · SAVE_REGS" if args.save_regs else "",
                 " · QUICK MODE (smoke test, not a benchmark)" if args.quick else ""))
    subtitle = "%s · %s · %d calls/round, median of %d rounds after warm-up%s%s" % (
        date, cpu_model(), args.calls, args.guest_rounds,
        ", median of %d processes" % args.rounds if args.rounds > 1 else "", " · SAVE_REGS" if args.save_regs else "")
    return cells, header, subtitle


def int_list(text):
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("expected comma-separated integers, not %r" % text)


def main(argv):
    ap = argparse.ArgumentParser(description="Linux's samples/ftrace/ftrace-ops benchmark on rvtrace: "
                                             "ns per call of a traced function, per scheme and number of ops.")
    ap.add_argument("--rv", metavar="CMD", default="./rv", help="rv command line (default ./rv)")
    ap.add_argument("--schemes", default=",".join(SCHEMES),
                    help="comma-separated schemes (default call-ops,list; call-ops-2023 also exists)")
    ap.add_argument("--relevant", type=int_list, metavar="R,...", help="relevant ops counts (default 0,1,2,10)")
    ap.add_argument("--irrelevant", type=int_list, metavar="I,...", help="irrelevant ops counts (default 0,1,10,100)")
    ap.add_argument("--rounds", "-r", type=int, default=1, metavar="N",
                    help="processes per cell; the cell is their median (default 1)")
    ap.add_argument("--guest-rounds", type=int, default=21, metavar="K",
                    help="measured rounds inside each process (rv bench --rounds; default 21)")
    ap.add_argument("--warmup", type=int, default=2000, metavar="MS", help="warm-up per process (default 2000 ms)")
    ap.add_argument("--calls", type=int, default=100000, metavar="N", help="calls per round (default 100000)")
    ap.add_argument("--save-regs", action="store_true", help="register the ops with SAVE_REGS")
    ap.add_argument("--rv-option", action="append", default=[], metavar="--X.Y=Z",
                    help="extra option for rv bench (repeatable), e.g. --rv-option=--engine.TraceCompilation")
    ap.add_argument("--quick", action="store_true",
                    help="relevant 0,1,2 x irrelevant 0,10, 10000 calls, 300 ms warm-up, 5 rounds: a smoke test")
    ap.add_argument("--wait-idle", type=float, default=120, metavar="S",
                    help="before each run, wait up to S seconds for other processes to go quiet (default 120; 0: don't)")
    ap.add_argument("--busy", type=float, default=0.3, metavar="CORES",
                    help="other processes using more than this many cores count as busy (default 0.3)")
    ap.add_argument("--retries", type=int, default=2, metavar="N",
                    help="measure a cell again (at most N times) when others were busy during it; "
                         "the quietest run counts (default 2)")
    ap.add_argument("--timeout", type=float, default=600, metavar="S", help="per process (default 600 s)")
    ap.add_argument("--no-native", dest="native", action="store_false",
                    help="skip the native x86-64 reference line (ftrace-ops/native_x86.c, built with the host's cc)")
    ap.add_argument("--native-runs", type=int, default=3, metavar="N", help="native reference processes (default 3)")
    ap.add_argument("--markdown", metavar="FILE", help="also write the markdown report to FILE")
    ap.add_argument("--json", metavar="FILE",
                    help="where to keep every run's figures (default benchmarks/target/ftrace-ops.json; '' for none)")
    ap.add_argument("--replot", metavar="FILE",
                    help="measure nothing: print the report and draw the plot from a --json file of an earlier run")
    ap.add_argument("--svg", metavar="FILE",
                    help="where to write the plot (default benchmarks/ftrace-ops.svg, none with --quick; '' for none)")
    args = ap.parse_args(argv)

    schemes = [s.strip() for s in args.schemes.split(",") if s.strip()]
    for s in schemes:
        if s not in ("call-ops", "call-ops-2023", "list"):
            raise Fatal("unknown scheme %r (call-ops, call-ops-2023, list)" % s)
    relevant = args.relevant or (QUICK_RELEVANT if args.quick else RELEVANT)
    irrelevant = args.irrelevant or (QUICK_IRRELEVANT if args.quick else IRRELEVANT)
    if args.quick:
        args.calls, args.warmup, args.guest_rounds = 10000, 300, 5
    if 0 not in relevant:
        relevant = [0] + relevant  # the untraced baseline is needed for the overhead
        log("note: adding relevant=0, the untraced baseline the overhead column needs")
    if args.rounds < 1 or args.guest_rounds < 1 or args.calls < 1 or args.warmup < 0 or args.native_runs < 1:
        raise Fatal("--rounds, --guest-rounds, --calls and --native-runs must be >= 1, --warmup >= 0")
    if args.svg is None:
        args.svg = "" if args.quick else DEFAULT_SVG
    rv = shlex.split(args.rv)
    if not rv:
        raise Fatal("empty --rv")

    if args.replot:
        with open(args.replot) as f:
            saved = json.load(f)
        schemes, relevant, irrelevant = saved["schemes"], saved["relevant"], saved["irrelevant"]
        header, subtitle = saved["header"], saved["subtitle"]
        native = saved.get("native")
        cells = []
        for c in saved["cells"]:
            cell = Cell(c["scheme"], c["relevant"], c["irrelevant"])
            cell.runs = c["runs"]
            cells.append(cell)
        args.json = ""
    else:
        cells, header, subtitle = measure_all(rv, schemes, relevant, irrelevant, args)
        native = measure_native(args) if args.native and not args.quick else None
    if args.json is None:
        args.json = DEFAULT_JSON.replace(".json", "-quick.json") if args.quick else DEFAULT_JSON
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"header": header, "subtitle": subtitle, "schemes": schemes, "relevant": relevant,
                       "irrelevant": irrelevant, "native": native,
                       "cells": [{"scheme": c.scheme, "relevant": c.relevant, "irrelevant": c.irrelevant,
                                  "runs": c.runs} for c in cells]}, f, indent=1)
        log("wrote %s" % args.json)
    text = report(cells, schemes, relevant, irrelevant, header, native)
    print(text, end="")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
        log("wrote %s" % args.markdown)
    if args.svg:
        with open(args.svg, "w") as f:
            f.write(svg_plot(cells, schemes, relevant, irrelevant, subtitle))
        log("wrote %s" % args.svg)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Fatal as e:
        log("ftrace-ops: error: %s" % e)
        sys.exit(2)
    except KeyboardInterrupt:
        log("ftrace-ops: interrupted")
        sys.exit(130)
