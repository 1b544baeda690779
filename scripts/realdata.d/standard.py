"""Reads one tab-separated line per document (name, extract and check exit codes, check's JSON report, filing
directory) and prints
the markdown table of scripts/standard-realdata: the standard rules applied, passed (every period), failed and not
applicable, the standard checks and how many passed, the inferred checks, and check's exit code; then every check
that did not pass, and which standard rules applied where."""
import csv
import json
import os
import re
import sys

import yaml

PRIMARY = {"income-statement", "comprehensive-income", "balance-sheet", "cash-flows"}


def coverage(out, checks, missed=None):
    """(covered, total): the figure cells of the primary statements (income statement, comprehensive income, balance
    sheet, cash flows) that at least one check uses, by table, row as reports name it, and column. Each cell no check
    uses is appended to missed (table, row, column, printed figure) when a list is given."""
    used = {(c["table"], c["row"], c["column"]) for x in checks for c in x.get("cells", [])}
    doc = yaml.safe_load(open(os.path.join(out, "filing.yaml"), encoding="utf-8"))
    covered = total = 0
    for t in doc.get("tables") or []:
        if t.get("role") not in PRIMARY:
            continue
        text = {c for c, u in (t.get("columns") or {}).items() if u == "text"}
        with open(os.path.join(out, t["file"]), encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        header = rows[0]
        li = header.index("label")
        si = header.index("section") if "section" in header else None
        for r in rows[1:]:
            label = r[li] if r[li] else "(unlabelled)"
            name = f"{r[si]} > {label}" if si is not None and r[si] else label
            for i, col in enumerate(header):
                if col in ("label", "section") or col in text or not r[i].strip():
                    continue
                total += 1
                if (t["id"], name, col) in used:
                    covered += 1
                elif missed is not None:
                    missed.append((t["id"], name, col, r[i].strip()))
    return covered, total


def base(rule):
    """A standard rule checked year by year (STD-CF-CARRY-2021, -2020), or year and matrix column by column
    (STD-CE-BS-2021-share-capital), is one rule."""
    return re.sub(r"-(19|20)[0-9]{2}(-[a-z0-9-]+)?$", "", rule)


def main():
    verbose = "-v" in sys.argv[1:]
    uncovered = []
    print("| document | standard rules applied | passed | failed | not applicable | standard checks (passed) | inferred checks | warnings | primary cells covered | exit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    misses = []
    applied_by_doc = []
    for line in sys.stdin.read().splitlines():
        name, ex, cx, js, out = line.split("\t")
        if ex != "0":
            print(f"| {name} | - | - | - | - | - | - | - | - | extract {ex} |")
            continue
        f = json.load(open(js, encoding="utf-8"))["filings"][0]
        missed = []
        std = [c for c in f.get("checks", []) if c.get("origin") == "standard"]
        inferred = [c for c in f.get("checks", []) if c.get("origin") == "inferred"]
        rules = sorted({base(c["rule"]) for c in std})
        failed = sorted({base(c["rule"]) for c in std if c["status"] != "pass"})
        passed = [r for r in rules if r not in failed]
        na = [n["rule"] for n in f.get("notApplicable", [])]
        warned = sum(1 for c in f.get("checks", []) if c["status"] == "warn")
        print(f"| {name} | {len(rules)} | {len(passed)} | {len(failed)} | {len(na)} | "
              f"{len(std)} ({sum(1 for c in std if c['status'] == 'pass')}) | {len(inferred)} | {warned} | "
              f"{'%d of %d' % coverage(out, f.get('checks', []), missed)} | {cx} |")
        uncovered += [(name,) + m for m in missed]
        misses += [(name, c["origin"], c["status"], c["rule"], c["table"], c["row"], c["column"], c["printed"], c.get("computed", ""))
                   for c in f.get("checks", []) if c["status"] != "pass"]
        applied_by_doc.append((name, rules))
    print()
    for name, rules in applied_by_doc:
        print(f"- {name}: {', '.join(r.replace('STD-', '') for r in rules)}")
    print()
    if verbose:
        print("Primary-statement cells no check uses:" if uncovered else "Every primary-statement cell is covered.")
        print()
        if uncovered:
            print("| document | table | row | column | printed |")
            print("|---|---|---|---|---:|")
            for u in uncovered:
                print("| " + " | ".join(str(x).replace("|", "\\|") for x in u) + " |")
            print()
    if not misses:
        print("Every check passed.")
        return
    print("Checks that did not pass:")
    print()
    print("| document | origin | status | rule | table | row | column | printed | computed |")
    print("|---|---|---|---|---|---|---|---:|---:|")
    for m in misses:
        print("| " + " | ".join(str(x).replace("|", "\\|") for x in m) + " |")


main()
