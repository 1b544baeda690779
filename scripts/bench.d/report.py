#!/usr/bin/env python3
"""Numbers for scripts/bench (standard library only): reads hyperfine's JSON, /usr/bin/time -v logs,
crossfoot's text output and JMH's JSON; prints lines and the markdown summary.

  report.py hf JSON                      one line per command: median mean stddev min max (seconds) exit-codes
  report.py rss LOG SKIP                 median "Maximum resident set size" (kB) of LOG's entries after the first SKIP
  report.py validate OUT ERR N CHECKS    checks crossfoot's -q text output of an N-filing batch (CHECKS checks each)
  report.py line KIND RESULTS            the figure, its reference and the ratio, from the results file
                                         (single: medians of crossfoot, java -version, python3 reference.py,
                                         then the medians of the interleaved rounds' ratios against the last two;
                                         resident: the resident mode's median and its rounds' ratios to those two)
  report.py summary RESULTS              the markdown summary table
  report.py jmh JSON                     the JMH results table and the table-loading ratio

RESULTS is a TSV file that scripts/bench appends to: KIND, then the raw numbers of that measurement.
"""
import json
import re
import statistics
import sys

TARGETS = {  # kind: (comparison, bound)
    "single": ("<=", 6.0),
    "python": ("<=", 2.0),
    "batch": ("<=", 3.0),
    "rss": ("<=", 1.5),
    "big": ("<=", 2.2),
    "jmh-load": (">=", 0.5),
}


def secs(s):
    if s >= 10:
        return f"{s:.1f} s"
    if s >= 1:
        return f"{s:.2f} s"
    return f"{s * 1000:.0f} ms" if s >= 0.01 else f"{s * 1000:.1f} ms"


def mib(kb):
    return f"{kb / 1024:,.0f} MiB"


def met(kind, ratio):
    op, bound = TARGETS[kind]
    ok = ratio <= bound if op == "<=" else ratio >= bound
    return f"{op} {bound:g}×", "met" if ok else "**not met**"


def hf(path):
    data = json.load(open(path))
    for r in data["results"]:
        times = r.get("times") or [r["mean"]]
        median = r.get("median", statistics.median(times))
        codes = r.get("exit_codes")
        codes = ",".join(sorted({str(c) for c in codes})) if codes else "?"
        print(f'{median:.6f} {r["mean"]:.6f} {r.get("stddev") or 0:.6f} {r["min"]:.6f} {r["max"]:.6f} {codes}')


def rss(path, skip):
    values = [int(m.group(1)) for m in re.finditer(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())]
    values = values[int(skip):] or values
    if not values:
        sys.exit(f"report.py: no 'Maximum resident set size' in {path}")
    print(int(statistics.median(values)), " ".join(str(v) for v in values))


FILING = re.compile(r"^(\S+): (\d+) checks?: (\d+) passed, (\d+) failed, (\d+) warnings?, (\d+) could not be evaluated")
TOTAL = re.compile(r"^Total: (\d+) filings?, (\d+) checks?: (\d+) passed, (\d+) failed, (\d+) warnings?, (\d+) could not be evaluated")


def validate(out, err, n, checks):
    n, checks = int(n), int(checks)
    filings = failing = 0
    total = None
    problems = []
    with open(out, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith("Total:"):  # output is COLUMNS (100) wide: a long total wraps onto indented lines
            for more in lines[i + 1:]:
                if not more.startswith(" "):
                    break
                line += " " + more.strip()
        m = FILING.match(line)
        if m:
            filings += 1
            if int(m.group(2)) != checks:
                problems.append(f"{m.group(1)} has {m.group(2)} checks, expected {checks}")
            if int(m.group(4)) or int(m.group(6)):
                failing += 1
            continue
        m = TOTAL.match(line)
        if m:
            total = m
    errors = [l.rstrip() for l in open(err, encoding="utf-8", errors="replace") if l.strip()]
    if filings != n:
        problems.append(f"{filings} filing summaries in the output, expected {n}")
    if total is None:
        problems.append("no 'Total:' line in the output")
    elif int(total.group(1)) != n or int(total.group(2)) != n * checks:
        problems.append(f"the total says {total.group(1)} filings and {total.group(2)} checks, expected {n} and {n * checks}")
    if errors:
        problems.append(f"{len(errors)} lines on stderr, the first: {errors[0]}")
    summary = (f"{filings} filing summaries, {total.group(2) if total else '?'} checks, {failing} of the filings with failures, "
               f"{total.group(4) if total else '?'} failed checks") if filings else "no filing summaries"
    print(("ok: " if not problems else "NOT OK: ") + summary + ("; " + "; ".join(problems[:3]) if problems else ""))
    sys.exit(1 if problems else 0)


def results(path):
    out = {"note": []}
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if f[0] == "note":
            out["note"].append(f[1])
        else:
            out[f[0]] = f[1:]
    return out


def rows(path):
    """(figure, value, reference, ratio, target, met) for each measurement made."""
    r = results(path)
    table = []
    if "single" in r:  # medians, then the medians of the interleaved rounds' ratios
        cf, jv, py, rjv, rpy = map(float, r["single"][:5])
        t, ok = met("single", rjv)
        table.append(("1. one filing end to end (`check -q fixtures/sensetime-2023`), median wall",
                      secs(cf), f"`java -version` {secs(jv)}", f"{rjv:.1f}×", t, ok))
        t, ok = met("python", rpy)
        table.append(("1. the same filing vs the Python reference (scripts/bench.d/reference.py, same checks and statuses)",
                      secs(cf), f"`python3 reference.py` {secs(py)}", f"{rpy:.1f}×", t, ok))
    if "resident" in r:  # the resident mode's median, then the medians of its rounds' ratios
        rs, rjv, rpy = map(float, r["resident"][:3])
        jv, py = (secs(float(x)) for x in r["single"][1:3]) if "single" in r else ("", "")
        t, ok = met("single", rjv)
        table.append(("1. the same filing in the resident mode (`CROSSFOOT_RESIDENT=1`, server warmed), median wall",
                      secs(rs), f"`java -version` {jv} (same rounds)", f"{rjv:.1f}×", t, ok))
        t, ok = met("python", rpy)
        table.append(("1. the resident mode vs the Python reference", secs(rs), f"`python3 reference.py` {py} (same rounds)",
                      f"{rpy:.1f}×", t, ok))
    if "batch" in r:
        b, c, n = float(r["batch"][0]), float(r["batch"][1]), int(r["batch"][2])
        t, ok = met("batch", b / c)
        table.append((f"2. batch of {n:,} filings in one run, median wall", secs(b),
                      f"`cat` of the same files {secs(c)}", f"{b / c:.1f}×", t, ok))
        table.append((f"2. batch throughput", f"{n / b:,.1f} filings/s", f"`cat` {n / c:,.0f} filings/s",
                      "", "", ""))
    if "rss" in r:
        big, small, n, m = (int(x) for x in r["rss"][:4])
        t, ok = met("rss", big / small)
        table.append((f"3. peak RSS, batch of {n:,} (`-q`), median", mib(big), f"batch of {m:,}: {mib(small)}",
                      f"{big / small:.2f}×", t, ok))
    if "big" in r:
        a, b, n1, n2 = float(r["big"][0]), float(r["big"][1]), int(r["big"][2]), int(r["big"][3])
        t, ok = met("big", b / a)
        table.append((f"4. one table of {n2:,} rows with a sum rule, median wall", secs(b),
                      f"{n1:,} rows: {secs(a)}", f"{b / a:.2f}×", t, ok))
    return table


def line(kind, path):
    for row in rows(path):
        if kind == "resident" and "resident mode" not in row[0] or kind == "single" and "resident mode" in row[0]:
            continue
        if row[0].startswith({"single": "1.", "resident": "1.", "batch": "2.", "rss": "3.", "big": "4."}[kind]):
            print(f"   {row[0]}: {row[1]}  vs  {row[2]}" + (f"  ratio {row[3]} (target {row[4]}: {row[5]})" if row[3] else ""))


def summary(path):
    print("| figure | value | reference | ratio | target | |")
    print("|---|---:|---|---:|---|---|")
    for row in rows(path):
        print("| " + " | ".join(row) + " |")
    notes = results(path)["note"]
    if notes:
        print()
        for n in notes:
            print(f"- {n}")


def jmh(path):
    data = json.load(open(path))
    print("| benchmark | mode | score | error (99.9%) | units | per second |")
    print("|---|---|---:|---:|---|---|")
    load = {}
    for b in data:
        name = b["benchmark"].rsplit(".", 2)
        short = name[-2] + "." + name[-1]
        pm = b["primaryMetric"]
        err = pm.get("scoreError")
        err = f"± {err:,.3g}" if isinstance(err, (int, float)) and err == err else ""
        unit = pm["scoreUnit"]
        per = ""
        if short == "FigureParseBenchmark.parse":
            per = f"{pm['score'] / 1e6:,.2f} M figures/s"
        elif short == "CheckBenchmark.check":
            per = f"{pm['score']:,.1f} filings checked/s ({1000 / pm['score']:,.1f} ms per filing, 806 checks)"
        elif short.startswith("TableLoadBenchmark."):
            sec = b.get("secondaryMetrics", {})
            mb = sec.get("bytes", {}).get("score", 0) / 1e6
            rws = sec.get("rows", {}).get("score", 0)
            per = f"{mb:,.1f} MB/s, {rws:,.0f} rows/s"
            load[name[-1]] = pm["score"]
        print(f"| {short} | {b['mode']} | {pm['score']:,.3f} | {err} | {unit} | {per} |")
    if "crossfootLoader" in load and "commonsCsvRaw" in load:
        ratio = load["crossfootLoader"] / load["commonsCsvRaw"]
        t, ok = met("jmh-load", ratio)
        print()
        print(f"table loading: crossfoot's loader runs at {ratio:.0%} of raw Commons CSV "
              f"(ratio {ratio:.2f}, target {t.replace('×', '')}: {ok.strip('*')})")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"hf": hf, "rss": rss, "validate": validate, "line": line, "summary": summary, "jmh": jmh}[cmd](*args)


if __name__ == "__main__":
    main()
