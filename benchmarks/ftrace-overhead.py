#!/usr/bin/env python3
"""What ftrace costs whole programs on rvtrace: the benchmark programs of
benchmarks/programs/ built plainly and with a patch site in every function, run
untraced, with the sites prepared, and with the function profiler on every function.

Five ways to run each program (whole-process wall time, JVM start and JIT warm-up
included, as compare-qemu.py measures):

    a  plain ELF (-O2 -march=rv64gc), untraced            ./rv target/P
    b  pfe ELF (+ -fpatchable-function-entry=8,4), untraced ./rv target/pfe/P
    c  pfe ELF, sites prepared, none enabled               ./rv --ftrace=nop target/pfe/P
    d  pfe ELF, every function's hits counted              ./rv --ftrace=profile --ftrace-clock=counter ...
    e  pfe ELF, every function's hits and time             ./rv --ftrace=profile ...   (the return is hooked)

and the ratios b/a (what the compiler's NOPs cost; target: within 2%), c/b, d/b and e/b
(target: under 1.5x), their geometric means, and how many calls were traced (the sum of
the profile's hits), as a markdown table on stdout. Every round runs every mode once, in
an order that rotates from round to round; a program's figure is the median of its rounds.
Every run's stdout must be identical to the others' (the programs print checksums).

    benchmarks/ftrace-overhead.py                       # 8 programs x 5 modes x 3 rounds (~20 min)
    benchmarks/ftrace-overhead.py --rounds 5 --only fib,nbody
    benchmarks/ftrace-overhead.py --modes a,b,d         # some of the modes
    benchmarks/ftrace-overhead.py --quick               # tiny inputs, 1 round: a smoke test
    benchmarks/ftrace-overhead.py --markdown table.md   # the report also into a file

Progress goes to stderr, the report to stdout. Standard library only (Python >= 3.8).
"""

import argparse
import datetime
import json
import math
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time

from benchlib import BENCH_DIR, REPO_ROOT, Fatal, cpu_model, log, run_watched, tail, wait_idle, rv_version as version_text

SRC_DIR = os.path.join(BENCH_DIR, "programs")
TARGET_DIR = os.path.join(BENCH_DIR, "target")
PFE_DIR = os.path.join(TARGET_DIR, "pfe")
WORK_DIR = os.path.join(TARGET_DIR, "ftrace-overhead")
DEFAULT_JSON = os.path.join(TARGET_DIR, "ftrace-overhead.json")

# Small arguments for --quick (a smoke test, not a benchmark): as compare-qemu.py's.
QUICK_ARGS = {
    "bintrees": ["10"],
    "fib": ["1"],
    "interp": ["100000"],
    "mandelbrot": ["200"],
    "matmul": ["3"],
    "nbody": ["1000"],
    "sha256": ["2"],
    "strsort": ["10000"],
}

# mode -> (short description, pfe ELF?, rv options before the program; PROFILE is replaced
# by --ftrace-output=FILE)
MODES = {
    "a": ("plain ELF, untraced", False, []),
    "b": ("pfe ELF, untraced", True, []),
    "c": ("pfe, --ftrace=nop", True, ["--ftrace=nop"]),
    "d": ("pfe, profile (hits)", True, ["--ftrace=profile", "--ftrace-clock=counter", "PROFILE"]),
    "e": ("pfe, profile (hits + time)", True, ["--ftrace=profile", "PROFILE"]),
}
RATIOS = [("b", "a", "b/a", 1.02), ("c", "b", "c/b", None), ("d", "b", "d/b", 1.5), ("e", "b", "e/b", 1.5)]


# ---------------------------------------------------------------- building and running

def find_programs():
    if not os.path.isdir(SRC_DIR):
        raise Fatal("no program sources in %s" % SRC_DIR)
    return sorted(f[:-2] for f in os.listdir(SRC_DIR) if f.endswith(".c"))


def build(names, modes):
    targets = []
    if any(not MODES[m][1] for m in modes):
        targets += ["target/" + n for n in names]
    if any(MODES[m][1] for m in modes):
        targets += ["target/pfe/" + n for n in names]
    if shutil.which("make") is None:
        missing = [t for t in targets if not os.path.exists(os.path.join(BENCH_DIR, t))]
        if missing:
            raise Fatal("`make` is not installed and these programs are not built: %s" % ", ".join(missing))
        log("warning: `make` not found; using the existing binaries")
        return
    log("make: bringing %d program(s) up to date" % len(targets))
    r = subprocess.run(["make", "-s", "-C", BENCH_DIR, "--no-print-directory"] + targets,
                       stdout=sys.stderr, stderr=sys.stderr)
    if r.returncode != 0:
        cc = os.environ.get("CC", "riscv64-linux-gnu-gcc")
        extra = ""
        if shutil.which(cc) is None:
            extra = " (cross compiler %s not found; on Debian/Ubuntu: apt-get install gcc-riscv64-linux-gnu)" % cc
        raise Fatal("building the benchmark programs failed%s" % extra)


def profile_hits(path):
    """Sum of the Hit column of a profile table (hits-only or timed) and the number of functions."""
    total = functions = 0
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise Fatal("cannot read the profile %s: %s" % (path, e))
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or parts[0] in ("Function", "--------"):
            continue
        try:
            total += int(parts[1])
            functions += 1
        except ValueError:
            raise Fatal("unexpected line in the profile %s: %r" % (path, line))
    return total, functions


def command(rv, name, mode, args, profile_path):
    _, pfe, opts = MODES[mode]
    prog = os.path.relpath(os.path.join(PFE_DIR if pfe else TARGET_DIR, name), REPO_ROOT)
    opts = ["--ftrace-output=" + profile_path if o == "PROFILE" else o for o in opts]
    return rv + opts + [prog] + (QUICK_ARGS.get(name, []) if args.quick else [])


def measure(rv, name, mode, args):
    """One run; returns a dict: wall, others, hits, functions (profile modes), stdout."""
    profile = os.path.join(WORK_DIR, "%s-%s.profile" % (name, mode))
    if os.path.exists(profile):
        os.remove(profile)
    cmd = command(rv, name, mode, args, os.path.relpath(profile, REPO_ROOT))
    wall, rc, out, err, others = run_watched(cmd, args.timeout)
    if rc != 0:
        raise Fatal("%s exited with status %d\nstdout:\n%s\nstderr:\n%s"
                    % (shlex.join(cmd), rc, tail(out, 10, "stdout"), tail(err)))
    r = {"wall": wall, "others": others, "stdout": out, "cmd": shlex.join(cmd)}
    if "PROFILE" in MODES[mode][2]:
        if not os.path.exists(profile):
            raise Fatal("%s wrote no profile (nothing traced?)\nstderr:\n%s" % (shlex.join(cmd), tail(err)))
        r["hits"], r["functions"] = profile_hits(profile)
        if r["functions"] == 0:
            raise Fatal("%s traced no call (empty profile %s)" % (shlex.join(cmd), profile))
    return r


# ---------------------------------------------------------------- the report

def geomean(xs):
    xs = [x for x in xs if x and x > 0 and math.isfinite(x)]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def fmt_calls(n):
    if n is None:
        return "-"
    for div, unit in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if n >= div:
            return "%.1f%s" % (n / div, unit)
    return str(n)


def report(results, programs, modes, header):
    """results: {program: {mode: [run dicts]}} -> markdown text."""
    med = {p: {m: statistics.median(r["wall"] for r in results[p][m]) for m in modes if results[p].get(m)}
           for p in programs}
    ratios = [(num, den, label, target) for num, den, label, target in RATIOS if num in modes and den in modes]
    lines = [header, ""]
    cols = ["program", "calls traced"] + ["%s: %s, s" % (m, MODES[m][0]) for m in modes] + [r[2] for r in ratios]
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|---|" + "---:|" * (len(cols) - 1))
    per_ratio = {r[2]: [] for r in ratios}
    for p in programs:
        hits = None
        for m in ("d", "e"):
            if results[p].get(m):
                hits = statistics.median(r["hits"] for r in results[p][m])
                break
        row = [p, fmt_calls(hits)] + ["%.2f" % med[p][m] for m in modes]
        for num, den, label, _ in ratios:
            q = med[p][num] / med[p][den]
            per_ratio[label].append(q)
            row.append("%.3f" % q if label == "b/a" else "%.2fx" % q)
        lines.append("| " + " | ".join(row) + " |")
    if ratios:
        row = ["**geometric mean**", ""] + [""] * len(modes)
        for num, den, label, _ in ratios:
            g = geomean(per_ratio[label])
            row.append("**%s**" % ("-" if g is None else ("%.3f" % g if label == "b/a" else "%.2fx" % g)))
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    lines.append("Seconds: median whole-process wall time (JVM start and JIT warm-up included) of the rounds. "
                 "calls traced: the sum of the profile's hits (every call of a function of the program; glibc's "
                 "functions have no patch site). a: `-O2 -march=rv64gc` ELF; b-e: the same with "
                 "`-fpatchable-function-entry=8,4 -falign-functions=8` (pfe); c: sites prepared (`auipc` + `nop`, "
                 "literal = ftrace_nop_ops) but none enabled; d: `--ftrace=profile --ftrace-clock=counter` "
                 "(hits only: the callback counts, nothing on return); e: `--ftrace=profile` (also times every "
                 "call: the return address is swapped for return_to_handler).")
    obs = []
    for num, den, label, target in ratios:
        if target is None:
            continue
        vals = per_ratio[label]
        g = geomean(vals)
        if label == "b/a":
            ok = [p for p, v in zip(programs, vals) if abs(v - 1) <= target - 1]
            obs.append("b/a (target: within 2%%): geometric mean %.3f; %d of %d programs within 2%%%s."
                       % (g, len(ok), len(vals),
                          "" if len(ok) == len(vals) else " (not: %s)" % ", ".join(
                              "%s %.3f" % (p, v) for p, v in zip(programs, vals) if p not in ok)))
        else:
            ok = [p for p, v in zip(programs, vals) if v < target]
            obs.append("%s (target: under %gx): geometric mean %.2fx; %d of %d programs under %gx%s."
                       % (label, target, g, len(ok), len(vals), target,
                          "" if len(ok) == len(vals) else " (not: %s)" % ", ".join(
                              "%s %.2fx" % (p, v) for p, v in zip(programs, vals) if p not in ok)))
    noisy = sorted({"%s/%s" % (p, m) for p in programs for m in modes
                    for r in results[p].get(m, []) if r["others"] >= 0.3})
    if noisy:
        obs.append("Other processes kept more than 0.3 cores busy during some runs (still, after retries): %s."
                   % ", ".join(noisy))
    if obs:
        lines.append("")
        lines += ["- " + o for o in obs]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def main(argv):
    ap = argparse.ArgumentParser(description="Whole-program cost of ftrace on rvtrace: plain vs patchable "
                                             "ELF, untraced, sites prepared, profiler on every function.")
    ap.add_argument("--rounds", "-r", type=int, default=3, metavar="N", help="runs per program and mode (default 3)")
    ap.add_argument("--only", metavar="NAME[,NAME]", help="run only these programs (comma separated)")
    ap.add_argument("--modes", default="a,b,c,d,e", metavar="M[,M]",
                    help="which of the modes a,b,c,d,e to run (default all)")
    ap.add_argument("--rv", metavar="CMD", default="./rv", help="rv command line (default ./rv)")
    ap.add_argument("--quick", action="store_true", help="tiny inputs, 1 round: a smoke test, times are meaningless")
    ap.add_argument("--wait-idle", type=float, default=120, metavar="S",
                    help="before each run, wait up to S seconds for other processes to go quiet (default 120; 0: don't)")
    ap.add_argument("--busy", type=float, default=0.3, metavar="CORES",
                    help="other processes using more than this many cores count as busy (default 0.3)")
    ap.add_argument("--retries", type=int, default=2, metavar="N",
                    help="run again (at most N times) when others were busy during a run; the quietest run "
                         "counts (default 2)")
    ap.add_argument("--timeout", type=float, default=900, metavar="S", help="per run (default 900 s)")
    ap.add_argument("--markdown", metavar="FILE", help="also write the markdown report to FILE")
    ap.add_argument("--json", metavar="FILE",
                    help="every run's figures (default benchmarks/target/ftrace-overhead.json; '' for none)")
    ap.add_argument("--no-build", action="store_true", help="do not run make first")
    ap.add_argument("--list", action="store_true", help="list the programs and exit")
    args = ap.parse_args(argv)

    programs = find_programs()
    if args.list:
        print("\n".join(programs))
        return 0
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in programs]
        if unknown:
            raise Fatal("unknown program(s): %s (available: %s)" % (", ".join(unknown), ", ".join(programs)))
        programs = wanted
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in MODES]
    if bad or not modes:
        raise Fatal("unknown mode(s): %s (available: %s)" % (", ".join(bad) or "none", ",".join(MODES)))
    modes = [m for m in MODES if m in modes]
    if args.quick:
        args.rounds = 1
    if args.rounds < 1:
        raise Fatal("--rounds must be >= 1")
    rv = shlex.split(args.rv)
    if not rv:
        raise Fatal("empty --rv")

    if not args.no_build:
        build(programs, modes)
    for p in programs:
        for m in modes:
            path = os.path.join(PFE_DIR if MODES[m][1] else TARGET_DIR, p)
            if not os.path.exists(path):
                raise Fatal("program not built: %s" % path)
    os.makedirs(WORK_DIR, exist_ok=True)

    log("asking rv for its version (./rv may build itself first)...")
    rv_ver = version_text(rv, timeout=max(args.timeout, 900))
    log("rv: %s" % rv_ver)
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    results = {p: {m: [] for m in modes} for p in programs}
    total = len(programs) * len(modes) * args.rounds
    n = 0
    t_start = time.time()
    for p in programs:
        ref = None
        for rnd in range(args.rounds):
            k = rnd % len(modes)
            for m in modes[k:] + modes[:k]:  # every mode gets every slot in turn
                n += 1
                best = None
                for attempt in range(1 + args.retries):
                    wait_idle(args.wait_idle, args.busy)
                    r = measure(rv, p, m, args)
                    log("[%3d/%d] %-10s round %d/%d  %s %-27s %7.2f s  others %.2f cores%s"
                        % (n, total, p, rnd + 1, args.rounds, m, MODES[m][0], r["wall"], r["others"],
                           "  %s calls traced" % fmt_calls(r["hits"]) if "hits" in r else ""))
                    if best is None or r["others"] < best["others"]:
                        best = r
                    if r["others"] < args.busy:
                        break
                    if attempt < args.retries:
                        log("  other processes were busy during the run: running it again")
                if ref is None:
                    ref = best["stdout"]
                elif best["stdout"] != ref:
                    raise Fatal("OUTPUT MISMATCH on %s: `%s` printed\n%s\nwhere the first run printed\n%s"
                                % (p, best["cmd"], tail(best["stdout"], 10, "stdout"), tail(ref, 10, "stdout")))
                results[p][m].append(best)
        # A single-threaded program makes the same calls every run: d and e must count alike.
        hits = sorted({r["hits"] for m in ("d", "e") if m in modes for r in results[p][m]})
        if len(hits) > 1:
            log("warning: %s: the profile's hit counts differ between runs: %s" % (p, hits))
    log("done in %.0f s" % (time.time() - t_start))

    header = ("**%s** · CPU: %s · rv: %s · rv command: `%s` · %d round%s per program and mode, "
              "whole-process wall time, median%s"
              % (date, cpu_model(), rv_ver, shlex.join(rv), args.rounds, "" if args.rounds == 1 else "s",
                 " · QUICK MODE (tiny inputs, not a benchmark)" if args.quick else ""))
    text = report(results, programs, modes, header)
    if args.json is None:
        args.json = DEFAULT_JSON.replace(".json", "-quick.json") if args.quick else DEFAULT_JSON
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"header": header, "modes": modes, "programs": programs,
                       "runs": {p: {m: [{k: v for k, v in r.items() if k != "stdout"} for r in results[p][m]]
                                    for m in modes} for p in programs}}, f, indent=1)
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
        log("ftrace-overhead: error: %s" % e)
        sys.exit(2)
    except KeyboardInterrupt:
        log("ftrace-overhead: interrupted")
        sys.exit(130)
