#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-startup.py MINIMAL PRICEBOOK PRELOAD SCENARIO [BENCH-LIFECYCLE]: issue 7, targets 1
# and 6.  Runs the minimal GTK 4 window and Pricebook (empty, then with the
# documented example SCENARIO open) side by side, in turns, on the X display
# of the caller (run it under `xvfb-run -a`), with GDK_DEBUG=gl-disable and
# GTK_A11Y=none.  PRELOAD (pb-bench-first-frame.so) reports each program's
# first painted frame, counted from just before the program is started, and
# its resident memory one second later; the fastest of ROUNDS runs of each
# are compared.  A 10,000-code account (10 years, 30,210 events, seeded),
# written to a temporary file by bench-lifecycle --write-account, is opened
# the same way, once: its resident memory at rest less that of the window
# with the documented example open is what such an account adds.  Where
# valgrind is installed, each start-up is also counted in instructions to its
# first frame (callgrind, once each): wall time on a shared machine moves with
# its load, instruction counts do not.
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROUNDS = 5
BIG_TIMEOUT = 60


def run(argv, preload, env, timeout=120):
    env = dict(env)
    env["LD_PRELOAD"] = preload
    env["PB_BENCH_REST_MS"] = "1000"
    env["PB_BENCH_T0"] = str(time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000)
    try:
        proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    frame = rss = None
    for line in proc.stderr.splitlines():
        if line.startswith("first-frame-us: "):
            frame = int(line.split()[1])
        elif line.startswith("rss-kib: "):
            rss = int(line.split()[1])
    if frame is None or rss is None:
        sys.stderr.write("bench-startup: %s reported no frame:\n%s\n" % (argv[0], proc.stderr))
        sys.exit(1)
    return frame, rss


def instructions(argv, preload, env, scratch):
    """Instructions from the start of the process to its first painted frame,
    counted by callgrind: (all threads, main thread), or None.  Repeatable
    where wall time is not; the threads' work is summed, as if one core."""
    env = dict(env)
    env["LD_PRELOAD"] = preload
    env["PB_BENCH_REST_MS"] = "0"
    env["PB_BENCH_T0"] = "0"
    out = os.path.join(scratch, "callgrind.%p")
    try:
        proc = subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                               "--callgrind-out-file=" + out] + argv,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return None
    started = re.search(r"==(\d+)== Command:", proc.stderr)
    if started is None:
        return None
    counts = {}
    for path in glob.glob(os.path.join(scratch, "callgrind.%s-*" % started.group(1))):
        with open(path) as f:
            for line in f:
                if line.startswith("totals:") or line.startswith("summary:"):
                    counts[path] = int(line.split()[1])
                    break
        os.unlink(path)
    main = [n for p, n in counts.items() if p.endswith("-01")]
    return (sum(counts.values()), main[0]) if main else None


def report(figure, value, unit, comparison, target):
    ok = value <= target if comparison == "<=" else value < target
    print("%s: %.4g %s (target: %s %.4g %s) %s" % (figure, value, unit, comparison, target, unit,
                                                  "PASS" if ok else "MISS"), flush=True)


def main():
    if len(sys.argv) not in (5, 6):
        sys.stderr.write("usage: bench-startup.py MINIMAL PRICEBOOK PRELOAD SCENARIO [BENCH-LIFECYCLE]\n")
        return 2
    minimal, pricebook, preload, scenario = sys.argv[1:5]
    writer = sys.argv[5] if len(sys.argv) == 6 else None
    if not os.environ.get("DISPLAY"):
        print("# no X display: run under xvfb-run -a", flush=True)
        return 77

    with tempfile.TemporaryDirectory() as home:
        big = None
        if writer:
            big = os.path.join(home, "big.pbscenario")
            subprocess.run([writer, "--write-account", big], check=True)
        env = dict(os.environ)
        env.update({
            "GDK_BACKEND": "x11",
            "GDK_DEBUG": "gl-disable",
            "GTK_A11Y": "none",
            "NO_AT_BRIDGE": "1",
            "GSETTINGS_BACKEND": "memory",
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
        })
        programs = [("minimal", [minimal]), ("minimal-headerbar", [minimal, "--headerbar"]),
                    ("pricebook", [pricebook]), ("example", [pricebook, scenario])]
        best = {}
        # One run of each first, not counted: the page cache and font caches.
        for name, argv in programs:
            run(argv, preload, env)
        for _ in range(ROUNDS):
            for name, argv in programs:
                result = run(argv, preload, env)
                if result is None:
                    sys.stderr.write("bench-startup: %s showed no frame in 120 s\n" % name)
                    return 1
                frame, rss = result
                old = best.get(name, (frame, rss))
                best[name] = (min(old[0], frame), min(old[1], rss))
        # The big account once: it may take long to show.
        if big:
            best["big"] = run([pricebook, big], preload, env, timeout=BIG_TIMEOUT)
        # The same start-ups in instructions, where valgrind is installed.
        counted = {}
        if shutil.which("valgrind"):
            for name, argv in programs:
                counted[name] = instructions(argv, preload, env, home)

    for name, result in best.items():
        if result is None:
            print("# %s: no frame within %d s" % (name, BIG_TIMEOUT), flush=True)
            continue
        frame, rss = result
        print("# %s: first frame %.1f ms, resident %.1f MiB" % (name, frame / 1000, rss / 1024), flush=True)
    base_frame, base_rss = best["minimal"]
    report("start-up to first frame, pricebook / minimal GTK window",
           best["pricebook"][0] / base_frame, "x", "<=", 1.15)
    report("start-up to first frame, documented example open / minimal",
           best["example"][0] / base_frame, "x", "<=", 1.25)
    if counted and all(counted.values()):
        for name, (total, main) in counted.items():
            print("# %s: %.1f M instructions to the first frame, %.1f M of them on the main thread"
                  % (name, total / 1e6, main / 1e6), flush=True)
        report("instructions to first frame (callgrind), pricebook / minimal",
               counted["pricebook"][0] / counted["minimal"][0], "x", "<=", 1.15)
        report("instructions to first frame (callgrind), documented example open / minimal",
               counted["example"][0] / counted["minimal"][0], "x", "<=", 1.25)
    elif counted:
        print("# callgrind counted no first frame", flush=True)
    # Not a target: the same ratios beside a minimal window with a header
    # bar, as every GTK window has on a GNOME desktop (under Xvfb a plain
    # window has no title bar, so no window controls and no icon theme).
    bar = best["minimal-headerbar"][0]
    print("# beside a minimal window with a header bar: pricebook %.3g x, example %.3g x" %
          (best["pricebook"][0] / bar, best["example"][0] / bar), flush=True)
    if counted and all(counted.values()):
        bar_total = counted["minimal-headerbar"][0]
        print("# ... in instructions: pricebook %.3g x, example %.3g x" %
              (counted["pricebook"][0] / bar_total, counted["example"][0] / bar_total), flush=True)
    limit = 1.2 * base_rss / 1024 + 15
    report("resident memory at rest, documented example open",
           best["example"][1] / 1024, "MiB", "<=", limit)
    if best.get("big"):
        print("# 10,000-code account: %.1f MiB more than the empty window" %
              ((best["big"][1] - best["pricebook"][1]) / 1024), flush=True)
        report("resident memory a 10,000-code account adds",
               (best["big"][1] - best["example"][1]) / 1024, "MiB", "<=", 20)
    elif "big" in best:
        print("resident memory a 10,000-code account adds: not measured, the window showed "
              "no frame within %d s (target: <= 20 MiB) MISS" % BIG_TIMEOUT, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
