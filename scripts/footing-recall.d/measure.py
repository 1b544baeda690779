"""Reads foot's JSON reports (the first of the TAT-QA tables, then any filings) and the TAT-QA CSV tables, and
prints footing's recall of labelled totals and every check that did not pass. See scripts/footing-recall."""
import csv
import json
import os
import re
import sys

AMOUNT = re.compile(r"^\(?-?\s*[$€£¥]?\s*\(?-?\d[\d,]*(\.\d+)?\)?\s*(\(\d\))?\*?$")


def cell_is_amount(text):
    t = text.strip()
    return bool(t) and "%" not in t and AMOUNT.match(t) is not None


def labelled_totals(path):
    """(line, label) of each row whose label holds 'total' and which prints at least one amount."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        line = reader.line_num
        for row in reader:
            line = reader.line_num
            if row and "total" in row[0].lower() and any(cell_is_amount(c) for c in row[1:]):
                out.append((line, row[0]))
    return out


def main():
    args = sys.argv[1:]
    verbose = args and args[0] == "-v"
    if verbose:
        args = args[1:]
    tatqa, reports = args[0], args[1:]
    totals_found = {}   # file -> set of lines a passing check reports as its total
    tables_with_pass = set()
    kinds = {}          # rule id -> kind, for the relations confirmed in the TAT-QA tables
    exact = within = 0  # passing checks in the TAT-QA tables, exactly and within rounding only
    filing_checks = filing_ties = 0
    tie_rules = set()   # ties across tables confirmed in the filings
    not_passing = []
    for i, rep in enumerate(reports):
        doc = json.load(open(rep, encoding="utf-8"))
        for f in doc["filings"]:
            for c in f.get("checks", []):
                if c.get("status") == "pass":
                    totals_found.setdefault(os.path.basename(c["file"]), set()).add(c["line"])
                    tables_with_pass.add(os.path.basename(c["file"]))
                    if i > 0:
                        filing_checks += 1
                        if c.get("kind") == "tie":
                            filing_ties += 1
                            tie_rules.add((f.get("path"), c["rule"]))
                    if i == 0:
                        kinds[c["rule"]] = c["kind"]
                        exact += 1 if c.get("exact") else 0
                        within += 0 if c.get("exact") else 1
                else:
                    where = "tatqa" if i == 0 else f.get("path", rep)
                    not_passing.append((os.path.basename(where), c.get("status"), c.get("table"), c.get("row"),
                                        c.get("column"), c.get("printed"), c.get("computed")))
    tables = sorted(n for n in os.listdir(tatqa) if n.endswith(".csv") and n != "index.csv")
    rows = found = 0
    left = []
    for n in tables:
        for line, label in labelled_totals(os.path.join(tatqa, n)):
            rows += 1
            if line in totals_found.get(n, set()):
                found += 1
            else:
                left.append((n, line, label))
    empty = [n for n in tables if n not in tables_with_pass]
    print(f"TAT-QA tables: {len(tables)}; with at least one confirmed total: {len(tables) - len(empty)}; "
          f"with none: {len(empty)}")
    by_kind = {}
    for k in kinds.values():
        by_kind[k] = by_kind.get(k, 0) + 1
    print(f"relations confirmed: {len(kinds)} (" + ", ".join(f"{n} {k}" for k, n in sorted(by_kind.items())) + ")"
          f"; passing checks: {exact + within}, of which {within} within rounding only")
    print(f"rows labelled 'total' with amounts: {rows}; confirmed as a total: {found} ({100 * found / max(rows, 1):.1f}%)")
    if len(reports) > 1:
        print(f"filings: {len(reports) - 1}; passing checks: {filing_checks}, of which ties across tables: {filing_ties} "
              f"({len(tie_rules)} ties)")
    print(f"checks that did not pass: {len(not_passing)}")
    for m in not_passing:
        print("  " + " | ".join(str(x) for x in m))
    if verbose:
        print("labelled totals not confirmed:")
        for n, line, label in left:
            print(f"  {n}:{line}: {label}")
        print("tables with nothing confirmed:")
        for n in empty:
            print(f"  {n}")


main()
