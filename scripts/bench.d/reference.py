#!/usr/bin/env python3
"""An independent reference for scripts/bench (python3, standard library only): evaluates the checks of one
filing with exact interval arithmetic, reading the filing's CSV tables itself.

  reference.py plan JSON PLAN          once, at bench set-up: from crossfoot's `check --format json` output of
                                       ONE filing, write PLAN: each check's kind, severity and cells (table file,
                                       line, column, unit, role, weight) and crossfoot's status. No figure is
                                       copied into PLAN: the reference reads every figure from the CSV files.
  reference.py check PLAN DIR          read DIR/filing.yaml (the tables' files and the markers), read and parse
                                       every figure of every table, evaluate PLAN's checks and print one line:
                                       "N checks: P passed, F failed, W warnings, E could not be evaluated"
  reference.py verify PLAN DIR         the same, then compare each check's status with crossfoot's (from PLAN);
                                       exit 1, naming the first ten that differ, when any does.

Semantics (README, "Tolerance"): a printed figure stands for +/- half a unit of its last printed digit, scaled
by its unit (powers of ten: '000/thousand 3, million 6, billion 9, % -2); a dash is exactly zero; a declared
marker (filing.yaml `markers`, e.g. "*" for 0..1 thousand) stands for its range, "(*)" for the negated range.
Sums, ties, formulas, roll-forwards, carry-forwards and cross-foots add weighted intervals; a ratio divides the
(weighted) numerator's interval by the denominator's, less one for `measure: change` (read from the rules file at
plan time). All in fractions.Fraction: exact. A check passes when the computed
interval and the reported one overlap; otherwise it fails (severity error) or warns (severity warning). A cell
that is empty, or holds an undeclared marker, makes the check "could not be evaluated".
"""
import csv
import json
import os
import re
import sys
from fractions import Fraction

LINEAR = {"sum", "tie", "formula", "roll-forward", "carry-forward", "cross-foot"}
NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
DASHES = {"-", "\u2013", "\u2014"}


def scale(unit):
    u = unit.lower()
    if u == "%":
        return -2
    if "billion" in u:
        return 9
    if "million" in u:
        return 6
    if "'000" in u or "thousand" in u:
        return 3
    return 0


def make_plan(src, dst):
    data = json.load(open(src, encoding="utf-8"))
    filings = data["filings"]
    if len(filings) != 1:
        sys.exit(f"reference.py: {src} holds {len(filings)} filings, expected one")
    measures = {}  # rule id -> ratio measure, from the rules file named as each check's origin
    checks = []
    for c in filings[0]["checks"]:
        origin = c.get("origin", "")
        if c["kind"] == "ratio" and origin not in measures and os.path.isfile(origin):
            measures[origin] = rule_measures(origin)
        cells = [[x["role"], x.get("weight", "1"), os.path.basename(x["file"]), x["line"], x["column"], x["unit"]]
                 for x in c["cells"]]
        check = {"id": c["id"], "kind": c["kind"], "severity": c["severity"], "unit": c["unit"],
                 "status": c["status"], "cells": cells}
        if c["kind"] == "ratio":
            check["measure"] = measures.get(origin, {}).get(c["rule"], "share")
        checks.append(check)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"checks": checks}, f, indent=0)


def rule_measures(path):
    """rule id -> `measure:` of each rule in a rules YAML file that gives one (the default is share)."""
    out, rule = {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^\s*- id:\s*(\S+)", line)
        if m:
            rule = m.group(1).strip("\"'")
            continue
        m = re.match(r"^\s+measure:\s*(\w+)", line)
        if m and rule:
            out[rule] = m.group(1)
    return out


def read_filing_yaml(path):
    """The two things the reference needs from filing.yaml: each table's file, and the markers' ranges."""
    files, markers = [], {}
    marker, in_markers = None, False
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        text = line.strip()
        if indent == 0:
            in_markers = text.startswith("markers:")
            continue
        m = re.match(r"^(?:- )?file:\s*(.+)$", text)
        if m and not in_markers:
            files.append(m.group(1).strip().strip("\"'"))
            continue
        if in_markers:
            m = re.match(r'^("(?:[^"]|"")*"|\'[^\']*\'|[^:]+):\s*(.*)$', text)
            if not m:
                continue
            key, value = m.group(1).strip(), m.group(2).strip().strip("\"'")
            if indent == 2:
                marker = key.strip("\"'")
                markers[marker] = {}
            elif marker is not None and key in ("min", "max", "unit"):
                markers[marker][key] = value
    ranges = {k: (Fraction(v["min"]), Fraction(v["max"]), v["unit"]) for k, v in markers.items()
              if "min" in v and "max" in v and "unit" in v}
    return files, ranges


def parse(text, markers):
    """A printed figure as (low, high, scale of a declared marker's unit or None), or None when not a number."""
    t = text.strip()
    if not t:
        return None
    if t in DASHES:
        return (Fraction(0), Fraction(0), None)
    neg = False
    if t.startswith("(") and t.endswith(")"):
        neg, t = True, t[1:-1].strip()
    elif t[0] in "-\u2212":
        neg, t = True, t[1:].strip()
    if t.endswith("%"):
        t = t[:-1].strip()
    m = NUMBER.match(t)
    if m:
        decimals = m.group(2) or ""
        value = Fraction(m.group(1).replace(",", "") + ("." + decimals if decimals else ""))
        half = Fraction(1, 2 * 10 ** len(decimals))
        lo, hi = value - half, value + half
        return (-hi, -lo, None) if neg else (lo, hi, None)
    if t in markers:
        lo, hi, unit = markers[t]
        return (-hi, -lo, scale(unit)) if neg else (lo, hi, scale(unit))
    return None


def read_tables(directory, files, markers):
    """file -> {line: {column: interval or None}} for every row of every table, every figure parsed."""
    tables = {}
    for name in files:
        with open(os.path.join(directory, name), encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows, last = {}, reader.line_num
            for row in reader:
                cells = {}
                for col, text in zip(header, row):
                    if col not in ("label", "section"):
                        cells[col] = parse(text, markers)
                rows[last + 1] = cells
                last = reader.line_num
            tables[name] = rows
    return tables


def cell(tables, file, line, column, unit, target):
    """The cell's interval in units of 10**target, or None."""
    v = tables[file][line].get(column)
    if v is None:
        return None
    lo, hi, own = v
    f = Fraction(10) ** ((scale(unit) if own is None else own) - target)
    return lo * f, hi * f


def evaluate(check, tables):
    target = scale(check["unit"])
    reported = numerator = denominator = None
    lo = hi = Fraction(0)
    for role, weight, file, line, column, unit in check["cells"]:
        if check["kind"] == "ratio" and role in ("numerator", "denominator"):
            v = cell(tables, file, line, column, unit, 0)
            if v is None:
                return "error"
            w = Fraction(weight)
            v = (min(v[0] * w, v[1] * w), max(v[0] * w, v[1] * w))
            if role == "numerator":
                numerator = v
            else:
                denominator = v
            continue
        v = cell(tables, file, line, column, unit, target)
        if v is None:
            return "error"
        if role == "reported":
            reported = v
            continue
        w = Fraction(weight)
        a, b = v[0] * w, v[1] * w
        lo, hi = lo + min(a, b), hi + max(a, b)
    if check["kind"] == "ratio":
        (n0, n1), (d0, d1) = numerator, denominator
        if d0 <= 0 <= d1:
            return "error"
        q = [n0 / d0, n0 / d1, n1 / d0, n1 / d1]
        lo, hi = min(q), max(q)
        if check["measure"] == "change":
            lo, hi = lo - 1, hi - 1
        elif check["measure"] not in ("share", "quotient"):
            sys.exit(f"reference.py: check {check['id']}: measure {check['measure']} unknown to the reference")
        f = Fraction(10) ** -target
        lo, hi = lo * f, hi * f
    elif check["kind"] not in LINEAR:
        sys.exit(f"reference.py: check {check['id']}: kind {check['kind']} unknown to the reference")
    if reported[0] <= hi and lo <= reported[1]:
        return "pass"
    return "fail" if check["severity"] == "error" else "warn"


def run(plan_path, directory, verify):
    plan = json.load(open(plan_path, encoding="utf-8"))
    files, markers = read_filing_yaml(os.path.join(directory, "filing.yaml"))
    tables = read_tables(directory, files, markers)
    counts = {"pass": 0, "fail": 0, "warn": 0, "error": 0}
    differ = []
    for check in plan["checks"]:
        status = evaluate(check, tables)
        counts[status] += 1
        if status != check["status"]:
            differ.append(f"{check['id']}: reference {status}, crossfoot {check['status']}")
    n = len(plan["checks"])
    print(f"{n} checks: {counts['pass']} passed, {counts['fail']} failed, {counts['warn']} warnings, "
          f"{counts['error']} could not be evaluated")
    if verify and differ:
        print(f"reference.py: {len(differ)} of {n} statuses differ from crossfoot's:", file=sys.stderr)
        for d in differ[:10]:
            print("  " + d, file=sys.stderr)
        sys.exit(1)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("plan", "check", "verify"):
        sys.exit(__doc__)
    cmd, a, b = sys.argv[1:]
    if cmd == "plan":
        make_plan(a, b)
    else:
        run(a, b, cmd == "verify")


if __name__ == "__main__":
    main()
