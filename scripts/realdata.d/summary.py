"""Reads one tab-separated line per document (name, pages, extract and foot exit codes, milliseconds, filing
directory, foot's JSON, stderr) and prints the markdown table of scripts/realdata, then every check of foot's
that did not pass, with its figures. Reads the filing.yaml that crossfoot extract writes as YAML (PyYAML)."""
import collections
import csv
import json
import os
import sys

import yaml

ROLES = ["income-statement", "comprehensive-income", "balance-sheet", "cash-flows", "changes-in-equity",
         "note", "mdna", "other"]
SHORT = {"income-statement": "IS", "comprehensive-income": "CI", "balance-sheet": "BS", "cash-flows": "CF",
         "changes-in-equity": "SoCE", "note": "note", "mdna": "mdna", "other": "other"}


def filing(path):
    with open(os.path.join(path, "filing.yaml"), encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    periods = [str(p) for p in doc.get("periods") or []]
    tables = [(t["id"], t.get("role", "other"), t["file"]) for t in doc.get("tables") or []]
    texts = {str(name) for name, m in (doc.get("markers") or {}).items()
             if isinstance(m, dict) and m.get("meaning") == "printed as text, not a figure"}
    return periods, tables, texts


def not_passing(js):
    """Each check of foot's JSON report that did not pass: (status, table, row, column, printed, computed, difference)."""
    out = []
    for f in json.load(open(js, encoding="utf-8"))["filings"]:
        for c in f.get("checks", []):
            if c.get("status") != "pass":
                out.append((c.get("status", ""), c.get("table", ""), c.get("row", ""), c.get("column", ""),
                            c.get("printed", ""), c.get("computed", ""), c.get("difference", ""),
                            c.get("rule", "")))
    return out


def main():
    print("| document | pages | tables | by role | periods | cells not figures | foot checks | warnings | extract, foot exit | time |")
    print("|---|---:|---:|---|---|---:|---:|---:|---|---:|")
    misses = []
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
            misses += [(name,) + m for m in not_passing(js)]
        print(f"| {name} | {pages} | {len(tables)} | {by_role} | {', '.join(periods)} | {not_figures} | {checks} | "
              f"{warnings} | {ex}, {fx} | {int(ms) / 1000:.1f} s |")

    print()
    if not misses:
        print("Every check of foot's passed.")
        return
    print("Checks of foot's that did not pass:")
    print()
    print("| document | status | table | row | column | printed | computed | difference | rule |")
    print("|---|---|---|---|---|---:|---:|---:|---|")
    for m in misses:
        print("| " + " | ".join(str(x).replace("|", "\\|") for x in m) + " |")


main()
