#!/usr/bin/env python3
"""Times commands in interleaved rounds (standard library only), for ratios that a busy machine does not skew:
each round runs every command once, one after the other, so a burst of load from elsewhere falls on both sides
of a ratio instead of on one command's whole series (as when each command is timed in a series of its own).

  interleave.py [--warmup W] [--runs N] [--prepare CMD] [--json OUT] NAME CMD [NAME CMD ...]

Every command runs W rounds untimed, then N timed rounds; CMD and the optional PREPARE (run before each command,
untimed) are shell commands. Prints, per command, the median, min and max wall time of its timed runs, then for
every command after the first the median of the per-round ratios (first / that command) and the ratio of the
medians. A command that exits non-zero is reported and ends the measurement (exit 2).
"""
import json
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
    for r in range(warmup + runs):
        for name, cmd in cmds:
            if prepare:
                subprocess.run(prepare, shell=True, check=True)
            t = time.perf_counter()
            p = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t
            if p.returncode != 0:
                sys.stderr.write(p.stderr.decode(errors="replace"))
                print(f"interleave.py: '{name}' exited {p.returncode}", file=sys.stderr)
                return 2
            if r >= warmup:
                times[name].append(dt)
    first = cmds[0][0]
    result = {"runs": runs, "warmup": warmup, "commands": {}}
    for name, _ in cmds:
        ts = times[name]
        entry = {"median": statistics.median(ts), "min": min(ts), "max": max(ts), "times": ts}
        print(f"  {name}: median {entry['median']:.2f} s (min {entry['min']:.2f}, max {entry['max']:.2f}, {runs} runs)")
        if name != first:
            per_round = [a / b for a, b in zip(times[first], ts)]
            entry["ratio_per_round"] = statistics.median(per_round)
            entry["ratio_of_medians"] = statistics.median(times[first]) / entry["median"]
            print(f"  {first} / {name}: {entry['ratio_per_round']:.2f}x (median of the rounds' ratios; "
                  f"ratio of the medians {entry['ratio_of_medians']:.2f}x)")
        result["commands"][name] = entry
    if out:
        with open(out, "w") as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
