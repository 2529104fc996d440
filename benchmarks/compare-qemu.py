#!/usr/bin/env python3
"""Compare rvtrace (./rv) with qemu-riscv64 on the guest programs in
benchmarks/programs/.

First each program's size is calibrated so that qemu-riscv64 takes about
--qemu-seconds (default 5) on this machine today; then, for every program,
the two emulators are run alternately, R rounds each.
The wall time of each whole process is recorded (for ./rv that includes
JVM start-up and warm-up, on purpose), the stdout of every run must equal
qemu's, and a markdown table of median times is printed on stdout.

With --warm-jvm each round also runs `rv bench repeat --times=2 PROGRAM`: the
program twice in one JVM, each time with a new engine (no compiled guest
code carried over). The second run's time (from its stderr line) is a run
in a warm JVM: the difference to the whole-process time is what the cold
JVM costs (Graal's own code and rvtrace's still in the bytecode interpreter
and C1, JVM start), not rvtrace's own warm-up. Extra columns, not the target.
Progress and diagnostics go to stderr, so `> results.md` captures only the
report.

Standard library only (Python >= 3.8).
"""

import argparse
import datetime
import math
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys

from benchlib import BENCH_DIR, REPO_ROOT, Fatal, cpu_model, log, run, tail

SRC_DIR = os.path.join(BENCH_DIR, "programs")
TARGET_DIR = os.path.join(BENCH_DIR, "target")

# How a program's run time grows with its argument (the problem size), for calibrating the
# argument so that qemu-riscv64 takes --qemu-seconds: "doubling" for a size where each step
# of 1 doubles the work (bintrees' tree depth), else the exponent p of time ~ argument^p
# (mandelbrot's argument is the side of a square image). Not listed: 1.
SIZE_GROWTH = {
    "bintrees": "doubling",
    "mandelbrot": 2,
}

# Small arguments for --quick (a correctness smoke test, not a benchmark).
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


def find_programs():
    if not os.path.isdir(SRC_DIR):
        raise Fatal("no program sources in %s" % SRC_DIR)
    return sorted(f[:-2] for f in os.listdir(SRC_DIR) if f.endswith(".c"))


def default_size(name):
    """The program's built-in size: the value of its DEFAULT_* #define."""
    with open(os.path.join(SRC_DIR, name + ".c")) as f:
        m = re.search(r"^#define DEFAULT_\w+ (\d+)\s*$", f.read(), re.M)
    if m is None:
        raise Fatal("%s.c has no '#define DEFAULT_... N' to calibrate from" % name)
    return int(m.group(1))


def scaled_size(name, size, seconds, target):
    """The size that should take `target` seconds, if `size` took `seconds`."""
    growth = SIZE_GROWTH.get(name, 1)
    if growth == "doubling":
        return max(1, size + round(math.log2(target / seconds)))
    scaled = size * (target / seconds) ** (1.0 / growth)
    digits = max(0, len(str(int(scaled))) - 3)  # three significant digits
    return max(1, int(round(scaled, -digits)))


def calibrate(name, prog, qemu, target, timeout):
    """The argument with which qemu takes about `target` seconds on this machine today: a run
    at the program's built-in size, the size scaled by the program's growth law, and once
    more if that run missed by more than 10% (and a step of the size can get closer). The
    calibration's runs are not reported."""
    size = default_size(name)
    for _ in range(3):
        dt, rc, _, err = run(qemu + [prog, str(size)], timeout)
        if rc != 0:
            raise Fatal("qemu failed on %s %d while calibrating (exit status %d)\n%s"
                        % (name, size, rc, tail(err)))
        log("  %-12s calibrating: qemu %s %d: %.2f s" % (name, name, size, dt))
        scaled = scaled_size(name, size, dt, target)
        if abs(dt - target) <= 0.1 * target or scaled == size:
            break
        size = scaled
    return size


def check_command(cmd, what, hint):
    """Fail cleanly if the executable of `cmd` (a list) cannot be found."""
    exe = cmd[0]
    if os.sep in exe:
        path = exe if os.path.isabs(exe) else os.path.join(REPO_ROOT, exe)
        if not os.path.exists(path):
            raise Fatal("%s not found: %s (%s)" % (what, exe, hint))
        if not os.access(path, os.X_OK):
            raise Fatal("%s is not executable: %s" % (what, exe))
    elif shutil.which(exe) is None:
        raise Fatal("%s not found on PATH: %s (%s)" % (what, exe, hint))


def build(names):
    """Build (or bring up to date) the selected programs with make."""
    if shutil.which("make") is None:
        missing = [n for n in names if not os.path.exists(os.path.join(TARGET_DIR, n))]
        if missing:
            raise Fatal("`make` is not installed and these programs are not built: %s"
                        % ", ".join(missing))
        log("warning: `make` not found; using existing binaries in %s" % TARGET_DIR)
        return
    targets = ["target/" + n for n in names]
    log("make: bringing %d program(s) in %s up to date" % (len(names), os.path.relpath(TARGET_DIR)))
    r = subprocess.run(["make", "-s", "-C", BENCH_DIR, "--no-print-directory"] + targets,
                       stdout=sys.stderr, stderr=sys.stderr)
    if r.returncode != 0:
        cc = os.environ.get("CC", "riscv64-linux-gnu-gcc")
        extra = ""
        if shutil.which(cc) is None:
            extra = " (cross compiler %s not found; on Debian/Ubuntu: apt-get install gcc-riscv64-linux-gnu)" % cc
        raise Fatal("building the benchmark programs failed%s" % extra)


def describe_mismatch(name, ref, out, who):
    import difflib
    a = ref.decode("utf-8", "replace").splitlines()
    b = out.decode("utf-8", "replace").splitlines()
    diff = list(difflib.unified_diff(a, b, "qemu", who, lineterm="", n=1))
    if len(diff) > 40:
        diff = diff[:40] + ["... (%d more diff lines)" % (len(diff) - 40)]
    return ("OUTPUT MISMATCH on %s: %s stdout differs from qemu-riscv64's\n%s"
            % (name, who, "\n".join("  " + d for d in diff)))


def first_line(cmd, timeout=120):
    try:
        r = subprocess.run(cmd, cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, start_new_session=True)
    except (OSError, subprocess.TimeoutExpired) as e:
        return "(%s failed: %s)" % (shlex.join(cmd), e.__class__.__name__)
    text = r.stdout.decode("utf-8", "replace").strip()
    if r.returncode != 0:
        return "(%s exited %d%s)" % (shlex.join(cmd), r.returncode,
                                     ": " + text.splitlines()[-1] if text else "")
    return text.splitlines()[0] if text else "(no output)"


def version_text(cmd, timeout=120):
    """Non-empty stdout lines of `cmd --version` (stderr only as a fallback, so
    e.g. a launcher's "building..." notice does not end up in the report),
    joined with ' / '."""
    try:
        r = subprocess.run(cmd + ["--version"], cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, start_new_session=True)
    except (OSError, subprocess.TimeoutExpired) as e:
        return "(--version failed: %s)" % e.__class__.__name__

    def lines(b):
        return [l.strip() for l in b.decode("utf-8", "replace").splitlines() if l.strip()]

    out, err = lines(r.stdout), lines(r.stderr)
    if r.returncode != 0:
        last = (err or out or [""])[-1]
        return "(--version exited %d%s)" % (r.returncode, ": " + last if last else "")
    out = out or err
    return " / ".join(out[:3]) if out else "(no output)"


REPEAT_LINE = re.compile(rb"^repeat: run 2 of 2: ([0-9.]+) s \(exit (\d+)\)$", re.M)


def warm_jvm_run(rv, pargs, name, ref, timeout):
    """The program's second run in one JVM (rv bench repeat --times=2): its seconds, from rv's stderr."""
    cmd = rv[:1] + ["bench", "repeat", "--times=2"] + rv[1:] + pargs
    _, rc, out, err = run(cmd, 2 * timeout)
    m = REPEAT_LINE.search(err)
    if rc != 0 or m is None or m.group(2) != b"0":
        raise Fatal("rv bench repeat failed on %s (exit status %d): %s\nstderr (last lines):\n%s"
                    % (name, rc, shlex.join(cmd), tail(err, 20)))
    if out != ref + ref:
        raise Fatal(describe_mismatch(name, ref + ref, out, "rv bench repeat"))
    return float(m.group(1))


def fmt_s(x):
    return "%.2f" % x


def main(argv):
    ap = argparse.ArgumentParser(
        description="Benchmark ./rv against qemu-riscv64 (whole-process wall time, "
                    "median of R alternating rounds).")
    ap.add_argument("--rounds", "-r", type=int, default=3, metavar="N",
                    help="runs per emulator per program (default 3)")
    ap.add_argument("--only", metavar="NAME[,NAME]",
                    help="run only these programs (comma separated)")
    ap.add_argument("--rv", metavar="CMD", default="./rv",
                    help="rv command line, split like a shell would; the program path "
                         "and its arguments are appended (default: ./rv)")
    ap.add_argument("--qemu", metavar="CMD", default="qemu-riscv64",
                    help="reference emulator command (default: qemu-riscv64)")
    ap.add_argument("--timeout", type=float, default=600, metavar="SECONDS",
                    help="kill and abort if a single run takes longer (default 600)")
    ap.add_argument("--qemu-seconds", type=float, default=5.0, metavar="S",
                    help="first choose each program's size so that qemu-riscv64 takes about S "
                         "seconds on this machine (default 5; 0: the programs' built-in sizes)")
    ap.add_argument("--size", action="append", default=[], metavar="NAME=N",
                    help="run program NAME with size N, without calibrating it (repeatable)")
    ap.add_argument("--quick", action="store_true",
                    help="tiny inputs, 1 round: checks outputs match, times are meaningless")
    ap.add_argument("--no-build", action="store_true", help="do not run make first")
    ap.add_argument("--warm-jvm", action="store_true",
                    help="also time each program's second run in one JVM (rv bench repeat)")
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
            raise Fatal("unknown program(s): %s (available: %s)"
                        % (", ".join(unknown), ", ".join(programs)))
        programs = wanted
    if args.quick:
        args.rounds = 1
    if args.rounds < 1:
        raise Fatal("--rounds must be >= 1")
    if args.qemu_seconds < 0:
        raise Fatal("--qemu-seconds must be >= 0")
    fixed_sizes = {}
    for spec in args.size:
        m = re.fullmatch(r"(\w+)=(\d+)", spec)
        if m is None or m.group(1) not in programs:
            raise Fatal("--size wants NAME=N with NAME one of %s, got %r" % (", ".join(programs), spec))
        fixed_sizes[m.group(1)] = int(m.group(2))

    qemu = shlex.split(args.qemu)
    rv = shlex.split(args.rv)
    if not qemu or not rv:
        raise Fatal("empty --qemu or --rv command")
    check_command(qemu, "qemu-riscv64",
                  "on Debian/Ubuntu: apt-get install qemu-user, or pass --qemu CMD")
    check_command(rv, "rv launcher",
                  "build rvtrace first (see the top-level README), or pass --rv CMD")

    if not args.no_build:
        build(programs)
    for n in programs:
        if not os.path.exists(os.path.join(TARGET_DIR, n)):
            raise Fatal("program not built: %s" % os.path.join(TARGET_DIR, n))

    date = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    qemu_ver = first_line(qemu + ["--version"])
    # This also gives ./rv the chance to (re)build itself before any timing.
    log("asking rv for its version (./rv may build itself first)...")
    rv_ver = version_text(rv, timeout=max(args.timeout, 900))
    log("qemu: %s" % qemu_ver)
    log("rv:   %s" % rv_ver)

    results = []  # (name, size argument as run, [qemu times], [rv times], [rv warm-JVM times])
    for name in programs:
        prog = os.path.relpath(os.path.join(TARGET_DIR, name), REPO_ROOT)
        if args.quick:
            size_args = QUICK_ARGS.get(name, [])
        elif name in fixed_sizes:
            size_args = [str(fixed_sizes[name])]
        elif args.qemu_seconds > 0:
            size_args = [str(calibrate(name, prog, qemu, args.qemu_seconds, args.timeout))]
        else:
            size_args = []
        pargs = [prog] + size_args
        tq, tr, tw = [], [], []
        ref = None
        for rnd in range(args.rounds):
            # Alternate which emulator goes first, so neither always gets the
            # "cold" slot right after the other one.
            order = [("qemu", qemu), ("rv", rv)]
            if rnd % 2:
                order.reverse()
            for who, cmd in order:
                full = cmd + pargs
                dt, rc, out, err = run(full, args.timeout)
                if rc != 0:
                    raise Fatal("%s failed on %s (exit status %d): %s\n"
                                "stdout (last lines):\n%s\nstderr (last lines):\n%s"
                                % (who, name, rc, shlex.join(full),
                                   tail(out, 10, "stdout"), tail(err, 20)))
                if ref is None:
                    ref = out
                if out != ref:
                    raise Fatal(describe_mismatch(name, ref, out,
                                                  "%s (round %d)" % (who, rnd + 1)))
                (tq if who == "qemu" else tr).append(dt)
                log("  %-12s round %d/%d  %-4s %7.2f s" % (name, rnd + 1, args.rounds, who, dt))
            if args.warm_jvm:
                dt = warm_jvm_run(rv, pargs, name, ref, args.timeout)
                tw.append(dt)
                log("  %-12s round %d/%d  rv, second run in one JVM %7.2f s" % (name, rnd + 1, args.rounds, dt))
        results.append((name, size_args[0] if size_args else str(default_size(name)), tq, tr, tw))

    # ---- report (stdout) ----
    rows = []
    logs, warm_logs = [], []
    for name, size, tq, tr, tw in results:
        mq, mr = statistics.median(tq), statistics.median(tr)
        sp = mq / mr if mr > 0 else float("inf")
        mw = statistics.median(tw) if tw else None
        spw = mq / mw if mw else None
        rows.append(("%s %s" % (name, size), mq, mr, sp, mw, spw))
        if sp > 0 and math.isfinite(sp):
            logs.append(math.log(sp))
        if spw and math.isfinite(spw):
            warm_logs.append(math.log(spw))
    geo = math.exp(sum(logs) / len(logs)) if logs else float("nan")
    warm_geo = math.exp(sum(warm_logs) / len(warm_logs)) if warm_logs else float("nan")

    if args.quick:
        sizing = "QUICK MODE (tiny inputs, not a benchmark)"
    elif args.qemu_seconds > 0:
        sizing = "sizes calibrated to about %g s of qemu-riscv64" % args.qemu_seconds
    else:
        sizing = "the programs' built-in sizes"
    if fixed_sizes and not args.quick:
        sizing += " (given with --size: %s)" % ", ".join(sorted(fixed_sizes))
    print("**%s** · CPU: %s · %s · rv: %s · rv command: `%s` · %d round%s, whole-process "
          "wall time · %s" % (date, cpu_model(), qemu_ver, rv_ver, shlex.join(rv), args.rounds,
                              "" if args.rounds == 1 else "s", sizing))
    print()
    if args.warm_jvm:
        print("| program | qemu s (median) | rv s (median) | speedup qemu/rv | rv s, warm JVM | qemu/rv, warm JVM |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, mq, mr, sp, mw, spw in rows:
            print("| %s | %s | %s | %.2fx | %s | %.2fx |" % (name, fmt_s(mq), fmt_s(mr), sp, fmt_s(mw), spw))
        print("| **geometric mean** | | | **%.2fx** | | %.2fx |" % (geo, warm_geo))
    else:
        print("| program | qemu s (median) | rv s (median) | speedup qemu/rv |")
        print("|---|---:|---:|---:|")
        for name, mq, mr, sp, _, _ in rows:
            print("| %s | %s | %s | %.2fx |" % (name, fmt_s(mq), fmt_s(mr), sp))
        print("| **geometric mean** | | | **%.2fx** |" % geo)
    print()
    print("program: name and size argument (`--size NAME=N` runs that size again). "
          "speedup > 1 means rv is faster than qemu-riscv64.")
    if args.warm_jvm:
        print("warm JVM: the second of two runs in one JVM (rv bench repeat --times=2), each with a new "
              "engine: rvtrace's own warm-up is in it, the cold JVM's is not; not the issue's target.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Fatal as e:
        log("compare-qemu: error: %s" % e)
        sys.exit(2)
    except KeyboardInterrupt:
        log("compare-qemu: interrupted")
        sys.exit(130)
