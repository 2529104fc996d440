"""What the benchmark scripts share: running a command as its own process group with a
timeout, waiting for a quiet machine, telling how busy other processes kept it, and the
machine and rv descriptions that head every report. Standard library only."""

import os
import platform
import shlex
import signal
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)


class Fatal(Exception):
    pass


def log(msg=""):
    print(msg, file=sys.stderr, flush=True)


def kill_group(p):
    # The child leads its own session (start_new_session): this reaches e.g. the java
    # process the ./rv script execs, and nothing else.
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def tail(b, n=15, what="stderr"):
    """The last n lines of a process's output (bytes or text), indented for a message."""
    text = b.decode("utf-8", "replace") if isinstance(b, bytes) else b
    lines = text.rstrip("\n").splitlines()
    if not lines:
        return "  (nothing on %s)" % what
    if len(lines) > n:
        lines = ["  ..."] + lines[-n:]
    return "\n".join("  | " + l for l in lines)


def run(cmd, timeout, text=False):
    """Runs cmd from the repository root; returns (seconds, status, stdout, stderr), the
    outputs as bytes, or decoded with text=True. A timeout kills the process group."""
    t0 = time.perf_counter()
    try:
        p = subprocess.Popen(cmd, cwd=REPO_ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        raise Fatal("cannot start %s: %s" % (shlex.join(cmd), e))
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(p)
        out, err = p.communicate()
        raise Fatal("timed out after %g s: %s\n%s" % (timeout, shlex.join(cmd), tail(err)))
    except BaseException:
        kill_group(p)
        p.wait()
        raise
    wall = time.perf_counter() - t0
    if text:
        out, err = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    return wall, p.returncode, out, err


def cpu_busy_seconds():
    """CPU seconds all cores spent busy since boot (/proc/stat), or None where there is no /proc."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    t = os.times()
    return t.children_user + t.children_system


def run_watched(cmd, timeout, text=False):
    """run(), plus how many cores other processes kept busy meanwhile (start-up included):
    returns (seconds, status, stdout, stderr, other cores)."""
    b0, c0 = cpu_busy_seconds(), children_cpu_seconds()
    wall, rc, out, err = run(cmd, timeout, text)
    b1, c1 = cpu_busy_seconds(), children_cpu_seconds()
    others = max(0.0, ((b1 - b0) - (c1 - c0)) / wall) if b0 is not None else 0.0
    return wall, rc, out, err, others


def wait_idle(limit, threshold):
    """Waits (at most limit seconds) until other processes keep less than `threshold` cores busy."""
    if limit <= 0 or cpu_busy_seconds() is None:
        return
    t_end = time.time() + limit
    said = False
    while True:
        b0 = cpu_busy_seconds()
        time.sleep(1.0)
        busy = cpu_busy_seconds() - b0
        if busy < threshold or time.time() >= t_end:
            if said:
                log("  ... %s (other processes: %.2f cores)"
                    % ("idle enough" if busy < threshold else "waited long enough", busy))
            return
        if not said:
            log("  the machine is busy (other processes: %.2f cores); waiting up to %g s" % (busy, limit))
            said = True


def rv_version(rv, timeout):
    """The first lines of `rv --version` joined with ' / '; a failure (or a timeout) is fatal."""
    _, status, out, err = run(rv + ["--version"], timeout, text=True)
    if status != 0:
        raise Fatal("%s --version failed:\n%s" % (shlex.join(rv), tail(err)))
    lines = [l.strip() for l in out.splitlines() if l.strip()]
    return " / ".join(lines[:3]) if lines else "(no output)"


def cpu_model():
    model = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, val = line.partition(":")
                if key.strip() in ("model name", "Model", "uarch", "cpu model") and val.strip():
                    model = val.strip()
                    break
    except OSError:
        pass
    model = model or platform.processor() or platform.machine() or "unknown CPU"
    return "%s (%d cores)" % (model, os.cpu_count() or 0)
