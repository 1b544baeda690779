#!/usr/bin/env python3
"""Times commands in interleaved rounds (standard library only), for ratios that a busy machine does not skew:
each round runs every command once, one after the other, so a burst of load from elsewhere falls on both sides
of a ratio instead of on one command's whole series (as when each command is timed in a series of its own).

  interleave.py [--warmup W] [--runs N] [--prepare CMD] [--json OUT] NAME CMD [NAME CMD ...]

Every command runs W rounds untimed, then N timed rounds; CMD and the optional PREPARE (run before each command,
untimed) are shell commands. Prints, per command, the median, min and max wall time of its timed runs, then for
every command after the first the median of the per-round ratios (first / that command) and the ratio of the
medians. The CPU time (user plus system, of the command and everything it waited for) is printed and kept beside
the wall time, with the same ratios: on a machine that other work keeps busy, wall time says more about the load
than about the command. A command that exits non-zero is reported and ends the measurement (exit 2).
"""
import json
import resource
import statistics
import subprocess
import sys
import time


def main(argv):
    warmup, runs, prepare, out = 1, 5, None, None
    while argv and argv[0].startswith("--"):
        opt, val = argv[0], argv[1]
        argv = argv[2:]
        if opt == "--warmup":
            warmup = int(val)
        elif opt == "--runs":
            runs = int(val)
        elif opt == "--prepare":
            prepare = val
        elif opt == "--json":
            out = val
        else:
            sys.exit(f"interleave.py: unknown option {opt}")
    if len(argv) < 2 or len(argv) % 2:
        sys.exit("interleave.py: give NAME CMD pairs")
    cmds = list(zip(argv[0::2], argv[1::2]))
    times = {name: [] for name, _ in cmds}
    cpus = {name: [] for name, _ in cmds}
    for r in range(warmup + runs):
        for name, cmd in cmds:
            if prepare:
                subprocess.run(prepare, shell=True, check=True)
            c = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            p = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t
            d = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (d.ru_utime - c.ru_utime) + (d.ru_stime - c.ru_stime)
            if p.returncode != 0:
                sys.stderr.write(p.stderr.decode(errors="replace"))
                print(f"interleave.py: '{name}' exited {p.returncode}", file=sys.stderr)
                return 2
            if r >= warmup:
                times[name].append(dt)
                cpus[name].append(cpu)
    first = cmds[0][0]
    result = {"runs": runs, "warmup": warmup, "commands": {}}
    for name, _ in cmds:
        ts = times[name]
        cs = cpus[name]
        entry = {"median": statistics.median(ts), "min": min(ts), "max": max(ts), "times": ts,
                 "cpu_median": statistics.median(cs), "cpu_times": cs}
        print(f"  {name}: median {entry['median']:.2f} s (min {entry['min']:.2f}, max {entry['max']:.2f}, {runs} runs); "
              f"CPU median {entry['cpu_median']:.3f} s (min {min(cs):.3f}, max {max(cs):.3f})")
        if name != first:
            per_round = [a / b for a, b in zip(times[first], ts)]
            entry["ratio_per_round"] = statistics.median(per_round)
            entry["ratio_of_medians"] = statistics.median(times[first]) / entry["median"]
            cpu_rounds = [a / b for a, b in zip(cpus[first], cs) if b > 0]
            entry["cpu_ratio_per_round"] = statistics.median(cpu_rounds) if cpu_rounds else None
            print(f"  {first} / {name}: {entry['ratio_per_round']:.2f}x (median of the rounds' ratios; "
                  f"ratio of the medians {entry['ratio_of_medians']:.2f}x)"
                  + (f"; CPU {entry['cpu_ratio_per_round']:.2f}x" if cpu_rounds else ""))
        result["commands"][name] = entry
    if out:
        with open(out, "w") as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
