#!/usr/bin/env python3
"""How long rvtrace takes to switch tracing on and off for every function of a program with
5000 functions, and how long the program then needs to be back at full speed.

Runs the generated guest program benchmarks/target/patch_latency (patch-latency/gen.py;
its comment says what it measures and how) a few times per patching scheme:

    ./rv --ftrace=nop --ftrace-clock=counter --ftrace-scheme=S --ftrace-output=FILE \\
         benchmarks/target/patch_latency toggle --warmup=MS --traced=MS --after=MS --series

(the program writes `profile`, then `nop`, to /sys/kernel/tracing/current_tracer; the
counter clock makes the profiler count hits only), checks from the profile that every
function was traced in every round of the traced phase, and prints a markdown table.

    benchmarks/patch-latency.py                      # call-ops and list, 3 runs each (~50 min)
    benchmarks/patch-latency.py --runs 1 --schemes call-ops
    benchmarks/patch-latency.py --quick              # 500 functions, short phases: a smoke test
    benchmarks/patch-latency.py --markdown table.md  # the report also into a file

Progress goes to stderr, the report to stdout. Standard library only (Python >= 3.8).
"""

import argparse
import datetime
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

from benchlib import BENCH_DIR, REPO_ROOT, Fatal, cpu_model, log, run_watched, tail, wait_idle, rv_version as version_text

TARGET_DIR = os.path.join(BENCH_DIR, "target")
WORK_DIR = os.path.join(TARGET_DIR, "patch-latency")
DEFAULT_JSON = os.path.join(TARGET_DIR, "patch-latency.json")

SUMMARY = re.compile(r"^patch-latency: (.*)$", re.M)
SERIES = re.compile(r"^series (\w+) ([0-9.]+) (\d+) (-?[0-9.]+)$", re.M)
CHECKPOINTS = [10, 60]  # seconds after the write: round time then (the median of 5 windows from there)
FIELD = re.compile(r"(\w+)=(\S+)")


# ---------------------------------------------------------------- running

def build(functions):
    target = "target/patch_latency" if functions == 5000 else "target/patch_latency_%d" % functions
    if shutil.which("make") is None:
        if not os.path.exists(os.path.join(BENCH_DIR, target)):
            raise Fatal("`make` is not installed and %s is not built" % target)
        return os.path.join(BENCH_DIR, target)
    r = subprocess.run(["make", "-s", "-C", BENCH_DIR, "--no-print-directory", target],
                       stdout=sys.stderr, stderr=sys.stderr)
    if r.returncode != 0:
        cc = os.environ.get("CC", "riscv64-linux-gnu-gcc")
        extra = ""
        if shutil.which(cc) is None:
            extra = " (cross compiler %s not found; on Debian/Ubuntu: apt-get install gcc-riscv64-linux-gnu)" % cc
        raise Fatal("building %s failed%s" % (target, extra))
    return os.path.join(BENCH_DIR, target)


def check_profile(path, functions, traced_rounds):
    """Every traced function (f*, chunk*, call_all) was hit once per traced round, and no other."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise Fatal("no profile from the run (%s): %s" % (path, e))
    hits = {}
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[0] not in ("Function", "--------"):
            hits[parts[0]] = int(parts[1])
    missing = [f"f{i}" for i in range(functions) if hits.get(f"f{i}") is None]
    wrong = {name: n for name, n in hits.items() if n != traced_rounds}
    if missing or wrong or "call_all" not in hits:
        raise Fatal("profile %s: every function should have %d hits (one per traced round); "
                    "missing: %s; other counts: %s"
                    % (path, traced_rounds, ", ".join(missing[:10]) or "none",
                       ", ".join("%s=%d" % kv for kv in list(wrong.items())[:10]) or "none"))
    return len(hits)


def at(series, t, span):
    """The median round (us) of the windows starting in [t, t + span) s (a window in which no
    round ended counts as infinitely slow); None when the phase was shorter."""
    vals = [us if us >= 0 else float("inf") for start, _, us in series if t <= start < t + span]
    if not vals:
        return None
    return statistics.median(vals)


def measure(rv, program, scheme, index, args):
    profile = os.path.join(WORK_DIR, "%s-%d.profile" % (scheme, index))
    if os.path.exists(profile):
        os.remove(profile)
    cmd = rv + ["--ftrace=nop", "--ftrace-clock=counter", "--ftrace-scheme=" + scheme,
                "--ftrace-output=" + os.path.relpath(profile, REPO_ROOT)] + args.rv_option
    cmd += [os.path.relpath(program, REPO_ROOT), "toggle", "--warmup=%d" % args.warmup, "--traced=%d" % args.traced,
            "--after=%d" % args.after, "--window=%d" % args.window, "--series"]
    wall, rc, out, err, others = run_watched(cmd, args.timeout, text=True)
    if rc != 0:
        raise Fatal("%s exited with status %d\nstdout:\n%s\nstderr:\n%s" % (shlex.join(cmd), rc, tail(out), tail(err)))
    m = SUMMARY.search(out)
    if not m:
        raise Fatal("no 'patch-latency:' line from %s\nstdout:\n%s" % (shlex.join(cmd), tail(out)))
    r = dict(FIELD.findall(m.group(1)))
    r["functions"] = int(r["functions"])
    r["traced_rounds"] = int(r["traced_rounds"])
    r["traced_functions"] = check_profile(profile, r["functions"], r["traced_rounds"])
    for key in ("enable_ms", "disable_ms", "back_to_speed_after_enable_ms", "back_to_speed_after_disable_ms",
                "within2x_after_enable_ms", "within2x_after_disable_ms", "untraced", "traced", "after"):
        r[key] = None if r[key] == "never" else float(r[key])
    r["series"] = {}
    for phase, start, rounds, us in SERIES.findall(out):
        r["series"].setdefault(phase, []).append((float(start), int(rounds), float(us)))
    for phase in ("traced", "after"):
        for t in CHECKPOINTS:
            r["%s_at_%d" % (phase, t)] = at(r["series"].get(phase, []), t, 5 * args.window / 1000)
    r["details"] = [l for l in out.splitlines() if not l.startswith(("patch-latency:", "series "))]
    r["unsettled"] = [l.split()[0] for l in r["details"] if l.endswith("NOT SETTLED")]
    for phase in ("traced", "after"):
        first = re.search(r"^%s .*first +([0-9.]+) us" % phase, out, re.M)
        r[phase + "_first"] = float(first.group(1)) if first else None
    r["wall"], r["others"], r["cmd"] = wall, others, shlex.join(cmd)
    return r


# ---------------------------------------------------------------- the report

def cell(values, scale=1.0, digits=1, missing=None):
    """Median (min-max) of the runs' values. None is "never" (larger than any number), or with
    missing= given, a value that does not exist (left out; `missing` when all are)."""
    if missing is not None:
        values = [v for v in values if v is not None]
        if not values:
            return missing
    if not values:
        return "-"
    fmt = "%%.%df" % digits
    never = [v for v in values if v is None]
    nums = sorted(v * scale for v in values if v is not None)
    if len(never) * 2 >= len(values):  # the median is "never"
        med = "never"
    else:
        med = fmt % statistics.median(nums + [float("inf")] * len(never))
    if len(values) == 1:
        return med
    lo = fmt % nums[0] if nums else "never"
    hi = "never" if never else fmt % nums[-1]
    return "%s (%s–%s)" % (med, lo, hi)


def report(runs, schemes, header, window_s):
    lines = [header, ""]
    cols = ["scheme", "runs", "enable ms", "disable ms", "back to speed after enable, s",
            "back to speed after disable, s", "within 2x after enable, s", "within 2x after disable, s"]
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|---|" + "---:|" * (len(cols) - 1))
    for s in schemes:
        rs = runs.get(s, [])
        if rs:
            col = lambda k: [r[k] for r in rs]  # noqa: E731
            lines.append("| " + " | ".join([
                s, str(len(rs)), cell(col("enable_ms")), cell(col("disable_ms")),
                cell(col("back_to_speed_after_enable_ms"), 1e-3), cell(col("back_to_speed_after_disable_ms"), 1e-3),
                cell(col("within2x_after_enable_ms"), 1e-3), cell(col("within2x_after_disable_ms"), 1e-3)]) + " |")
    lines.append("")
    cols = ["scheme", "untraced (baseline)", "first round after enable"]
    cols += ["%d s after enable" % t for t in CHECKPOINTS]
    cols += ["traced, last quarter", "first round after disable"]
    cols += ["%d s after disable" % t for t in CHECKPOINTS] + ["after disable, last quarter"]
    lines.append("| round µs: " + " | ".join(cols) + " |")
    lines.append("|---|" + "---:|" * (len(cols) - 1))
    for s in schemes:
        rs = runs.get(s, [])
        if rs:
            col = lambda k: [r[k] for r in rs]  # noqa: E731
            row = [s, cell(col("untraced"), digits=0), cell(col("traced_first"), digits=0, missing="-")]
            row += [cell(col("traced_at_%d" % t), digits=0, missing="-") for t in CHECKPOINTS]
            row += [cell(col("traced"), digits=0), cell(col("after_first"), digits=0, missing="-")]
            row += [cell(col("after_at_%d" % t), digits=0, missing="-") for t in CHECKPOINTS]
            row += [cell(col("after"), digits=0)]
            lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    any_run = next(r for s in schemes for r in runs.get(s, []))
    lines.append("Per cell: median of the runs (min–max). enable/disable ms: the guest's `write()` of `profile` / "
                 "`nop` to current_tracer, during which every site is patched / unpatched (%d functions with a "
                 "site: %d leaf functions, the 'chunk' functions calling them, and call_all). A round calls every "
                 "function once. Back to speed: from the end of that write to the start of the first 5 consecutive "
                 "%g-s windows whose median round is within 10%% of the traced steady state (after enable) or of the "
                 "untraced baseline (after disable); within 2x: the same with 2x; steady state and baseline: the "
                 "median round of the phase's last quarter; \"never\": not before the phase ended. Round times at "
                 "N s: the median of the 5 windows from N s on. Every run's profile had every function hit exactly "
                 "once per round of the traced phase."
                 % (any_run["traced_functions"], any_run["functions"], window_s))
    unsettled = ["%s run %d (%s)" % (s, i + 1, ", ".join(r["unsettled"])) for s in schemes
                 for i, r in enumerate(runs.get(s, [])) if r["unsettled"]]
    noisy = ["%s run %d (%.2f cores)" % (s, i + 1, r["others"]) for s in schemes
             for i, r in enumerate(runs.get(s, [])) if r["others"] >= 0.3]
    notes = []
    if unsettled:
        notes.append("Not settled (the medians of the phase's last two quarters differ by more than 5%%: the JIT "
                     "was still at work; back to speed is then judged against a moving target): %s."
                     % "; ".join(unsettled))
    if noisy:
        notes.append("Other processes were busy during: %s." % ", ".join(noisy))
    if notes:
        lines.append("")
        lines += ["- " + n for n in notes]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def main(argv):
    ap = argparse.ArgumentParser(description="Time to enable and disable ftrace on every function of a "
                                             "5000-function guest program, and back to full speed.")
    ap.add_argument("--rv", metavar="CMD", default="./rv", help="rv command line (default ./rv)")
    ap.add_argument("--schemes", default="call-ops,list",
                    help="comma-separated schemes (default call-ops,list; call-ops-2023 also exists)")
    ap.add_argument("--runs", "-r", type=int, default=3, metavar="N", help="processes per scheme (default 3)")
    ap.add_argument("--functions", type=int, default=5000, metavar="N",
                    help="leaf functions of the generated program (default 5000)")
    ap.add_argument("--warmup", type=int, default=120000, metavar="MS",
                    help="untraced phase before enabling (default 120000 ms)")
    ap.add_argument("--traced", type=int, default=240000, metavar="MS",
                    help="traced phase, from enabling to disabling (default 240000 ms)")
    ap.add_argument("--after", type=int, default=120000, metavar="MS",
                    help="phase after disabling (default 120000 ms)")
    ap.add_argument("--window", type=int, default=1000, metavar="MS",
                    help="the guest's window for judging the speed (default 1000 ms)")
    ap.add_argument("--rv-option", action="append", default=[], metavar="--X.Y=Z",
                    help="extra rv option (repeatable), e.g. --rv-option=--engine.TraceCompilation")
    ap.add_argument("--quick", action="store_true",
                    help="500 functions, 1 run, 5 s phases, 250 ms windows: a smoke test, not a benchmark")
    ap.add_argument("--wait-idle", type=float, default=120, metavar="S",
                    help="before each run, wait up to S seconds for other processes to go quiet (default 120; 0: don't)")
    ap.add_argument("--busy", type=float, default=0.3, metavar="CORES",
                    help="other processes using more than this many cores count as busy (default 0.3)")
    ap.add_argument("--retries", type=int, default=1, metavar="N",
                    help="run again (at most N times) when others were busy during a run; the quietest run "
                         "counts (default 1)")
    ap.add_argument("--timeout", type=float, default=1800, metavar="S", help="per process (default 1800 s)")
    ap.add_argument("--markdown", metavar="FILE", help="also write the markdown report to FILE")
    ap.add_argument("--json", metavar="FILE",
                    help="every run's figures (default benchmarks/target/patch-latency.json; '' for none)")
    args = ap.parse_args(argv)

    schemes = [s.strip() for s in args.schemes.split(",") if s.strip()]
    for s in schemes:
        if s not in ("call-ops", "call-ops-2023", "list"):
            raise Fatal("unknown scheme %r (call-ops, call-ops-2023, list)" % s)
    if args.quick:
        args.functions, args.runs, args.warmup, args.traced, args.after, args.window = 500, 1, 5000, 5000, 5000, 250
    if args.runs < 1 or args.functions < 1 or min(args.warmup, args.traced, args.after, args.window) < 1:
        raise Fatal("--runs, --functions, --warmup, --traced, --after and --window must be >= 1")
    rv = shlex.split(args.rv)
    if not rv:
        raise Fatal("empty --rv")

    program = build(args.functions)
    os.makedirs(WORK_DIR, exist_ok=True)
    log("asking rv for its version (./rv may build itself first)...")
    rv_ver = version_text(rv, timeout=max(args.timeout, 900))
    log("rv: %s" % rv_ver)
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    runs = {s: [] for s in schemes}
    total = args.runs * len(schemes)
    n = 0
    t_start = time.time()
    for i in range(args.runs):
        for s in (schemes if i % 2 == 0 else schemes[::-1]):
            n += 1
            best = None
            for attempt in range(1 + args.retries):
                wait_idle(args.wait_idle, args.busy)
                log("[%d/%d] %s: %s ..." % (n, total, s, "run %d" % (i + 1)))
                r = measure(rv, program, s, n, args)
                for line in r["details"]:
                    log("    " + line)
                log("  enable %.1f ms, disable %.1f ms, back to speed after %s / %s ms, %.0f s, others %.2f cores"
                    % (r["enable_ms"], r["disable_ms"], r["back_to_speed_after_enable_ms"],
                       r["back_to_speed_after_disable_ms"], r["wall"], r["others"]))
                if best is None or r["others"] < best["others"]:
                    best = r
                if r["others"] < args.busy:
                    break
                if attempt < args.retries:
                    log("  other processes were busy during the run: running it again")
            runs[s].append(best)
    log("done in %.0f s" % (time.time() - t_start))

    header = ("**%s** · CPU: %s · rv: %s · `%s --ftrace=nop --ftrace-clock=counter --ftrace-scheme=S "
              "benchmarks/target/patch_latency toggle`: %d functions, untraced %g s, traced %g s, after disable "
              "%g s%s"
              % (date, cpu_model(), rv_ver, shlex.join(rv), args.functions, args.warmup / 1000, args.traced / 1000,
                 args.after / 1000, " · QUICK MODE (smoke test, not a benchmark)" if args.quick else ""))
    if args.rv_option:
        header += " · rv options: `%s`" % shlex.join(args.rv_option)
    text = report(runs, schemes, header, args.window / 1000)
    if args.json is None:
        args.json = DEFAULT_JSON.replace(".json", "-quick.json") if args.quick else DEFAULT_JSON
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"header": header, "schemes": schemes, "runs": runs}, f, indent=1)
        log("wrote %s" % args.json)
    print(text, end="")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
        log("wrote %s" % args.markdown)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Fatal as e:
        log("patch-latency: error: %s" % e)
        sys.exit(2)
    except KeyboardInterrupt:
        log("patch-latency: interrupted")
        sys.exit(130)
