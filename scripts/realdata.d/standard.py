"""Reads one tab-separated line per document (name, extract and check exit codes, check's JSON report) and prints
the markdown table of scripts/standard-realdata: the standard rules applied, passed (every period), failed and not
applicable, the standard checks and how many passed, the inferred checks, and check's exit code; then every check
that did not pass, and which standard rules applied where."""
import json
import re
import sys


def base(rule):
    """A standard rule checked year by year (STD-CF-CARRY-2021, -2020) is one rule."""
    return re.sub(r"-(19|20)[0-9]{2}$", "", rule)


def main():
    print("| document | standard rules applied | passed | failed | not applicable | standard checks (passed) | inferred checks | warnings | exit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    misses = []
    applied_by_doc = []
    for line in sys.stdin.read().splitlines():
        name, ex, cx, js = line.split("\t")
        if ex != "0":
            print(f"| {name} | - | - | - | - | - | - | - | extract {ex} |")
            continue
        f = json.load(open(js, encoding="utf-8"))["filings"][0]
        std = [c for c in f.get("checks", []) if c.get("origin") == "standard"]
        inferred = [c for c in f.get("checks", []) if c.get("origin") == "inferred"]
        rules = sorted({base(c["rule"]) for c in std})
        failed = sorted({base(c["rule"]) for c in std if c["status"] != "pass"})
        passed = [r for r in rules if r not in failed]
        na = [n["rule"] for n in f.get("notApplicable", [])]
        warned = sum(1 for c in f.get("checks", []) if c["status"] == "warn")
        print(f"| {name} | {len(rules)} | {len(passed)} | {len(failed)} | {len(na)} | "
              f"{len(std)} ({sum(1 for c in std if c['status'] == 'pass')}) | {len(inferred)} | {warned} | {cx} |")
        misses += [(name, c["origin"], c["status"], c["rule"], c["table"], c["row"], c["column"], c["printed"], c.get("computed", ""))
                   for c in f.get("checks", []) if c["status"] != "pass"]
        applied_by_doc.append((name, rules))
    print()
    for name, rules in applied_by_doc:
        print(f"- {name}: {', '.join(r.replace('STD-', '') for r in rules)}")
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
