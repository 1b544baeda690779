"""Reads one tab-separated line per document (name, pages, extract and foot exit codes, milliseconds, filing
directory, foot's JSON, stderr) and prints the markdown table of scripts/realdata. Reads crossfoot's own
filing.yaml with a few patterns (it is written by crossfoot extract, always in the same form)."""
import collections
import csv
import json
import os
import re
import sys

ROLES = ["income-statement", "comprehensive-income", "balance-sheet", "cash-flows", "changes-in-equity",
         "note", "mdna", "other"]
SHORT = {"income-statement": "IS", "comprehensive-income": "CI", "balance-sheet": "BS", "cash-flows": "CF",
         "changes-in-equity": "SoCE", "note": "note", "mdna": "mdna", "other": "other"}


def filing(path):
    text = open(os.path.join(path, "filing.yaml"), encoding="utf-8").read()
    periods = re.findall(r'"([^"]*)"', re.search(r"^periods: \[(.*)\]$", text, re.M).group(1))
    tables = re.findall(r'^  - id: "([^"]*)"\n    title: .*\n    role: "([^"]*)"\n    file: "([^"]*)"', text, re.M)
    texts = set(m for m in re.findall(r'^  "((?:[^"\\]|\\.)*)":\n    meaning: "printed as text, not a figure"', text, re.M))
    return periods, tables, {t.encode().decode("unicode_escape") if "\\" in t else t for t in texts}


def main():
    print("| document | pages | tables | by role | periods | cells not figures | foot checks | warnings | extract, foot exit | time |")
    print("|---|---:|---:|---|---|---:|---:|---:|---|---:|")
    for line in sys.stdin.read().splitlines():
        name, pages, ex, fx, ms, out, js, err = line.split("\t")
        if ex != "0":
            reason = open(err, encoding="utf-8", errors="replace").read().strip().splitlines()
            print(f"| {name} | {pages} | - | - | - | - | - | - | {ex}, - | {int(ms) / 1000:.1f} s |")
            print(f"|   | {reason[-1] if reason else ''} | | | | | | | | |")
            continue
        periods, tables, texts = filing(out)
        roles = collections.Counter(role for _, role, _ in tables)
        by_role = ", ".join(f"{SHORT[r]} {roles[r]}" for r in ROLES if roles[r])
        not_figures = 0
        for _, _, f in tables:
            with open(os.path.join(out, f), encoding="utf-8", newline="") as fh:
                for row in list(csv.reader(fh))[1:]:
                    not_figures += sum(1 for c in row if c.strip() in texts)
        checks = warnings = "-"
        if os.path.exists(js) and os.path.getsize(js) > 0:
            summary = json.load(open(js, encoding="utf-8"))["summary"]
            checks, warnings = summary["checks"], summary["warned"]
        print(f"| {name} | {pages} | {len(tables)} | {by_role} | {', '.join(periods)} | {not_figures} | {checks} | "
              f"{warnings} | {ex}, {fx} | {int(ms) / 1000:.1f} s |")


main()
