#!/usr/bin/env python3
"""The worst inputs crossfoot accepts, one of each kind, for scripts/bench --limits (standard library only).

The limits are those of src/main/java/dev/crossfoot/model/Limits.java; each input is at (just under) them.
--scale F (default 1) makes the same input F times as large along the limit it tests (rows, columns, titles, lines),
so that time at the limit can be set beside time at half of it.

  limits.py tall --out DIR      one table of 124,997 rows (label and one figure; labels padded so the file is just
                                under 16 MiB), 249,999 cells with the header, a Total and the empty last line; a sum
                                over every row that fails by 100,000, so every row is a term and a candidate cause.
  limits.py wide --out DIR      one table of 1,000 columns (label, c1 ... c998, Total) and 247 rows (249,001 cells);
                                a sum down every column and a cross-foot along every row, one wrong cell on the
                                diagonal, so 247 rows and 247 columns fail and the matrix diagnosis pairs them.
  limits.py digits --out DIR    the tall shape with 25-digit figures, whose total has 30 (the most a figure may have).
  limits.py yaml --fixture DIR --out DIR
                                a copy of the fixture whose rules.yaml has 80 rules titled with 100,000 characters on
                                one line each (the longest line and the longest value of YAML), 8.1 MB in all.
  limits.py text --announcement FILE --out FILE
                                the announcement, then a table of 999 tab-separated columns and 50 rows, then lines of
                                100,000 characters up to 15 MiB (the longest lines, short of the 16 MiB file limit).
"""
import argparse
import os
import shutil

MAX_TABLE_BYTES = 16 * 1024 * 1024
MAX_CELLS = 250_000
MAX_COLUMNS = 1_000
MAX_DIGITS = 30
MAX_LINE = 100_000


def filing_yaml(out, issuer, period):
    with open(os.path.join(out, "filing.yaml"), "w", encoding="utf-8") as f:
        f.write(f'issuer: {issuer}\ndocument: worst accepted input (scripts/bench --limits)\nperiods: ["{period}"]\n'
                "tables:\n  - id: t\n    file: t.csv\n    unit: RMB'000\n")


def tall(out, scale, digits=False):
    os.makedirs(out, exist_ok=True)
    full = MAX_CELLS // 2 - 3
    n = int(full * scale)
    width = MAX_DIGITS - 5 if digits else 3  # 124,997 figures of 25 digits make a total of 30
    line_budget = (MAX_TABLE_BYTES - 64) // (full + 2)
    figure_chars = width + (width - 1) // 3 + 2  # grouped, quoted
    pad = " " + "x" * max(0, line_budget - len(str(n)) - 6 - figure_chars - 2)
    total = 0
    with open(os.path.join(out, "t.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("label,2023\n")
        for i in range(1, n + 1):
            v = (i * 7919) % 1000 + (10 ** (width - 1) if digits else 0)
            total += v
            f.write(f'Row {i}{pad},"{v:,}"\n')
        f.write(f'Total,"{total + 100_000:,}"\n')
    filing_yaml(out, "Tall Co", "2023")
    with open(os.path.join(out, "rules.yaml"), "w", encoding="utf-8") as f:
        f.write("rules:\n  - id: SUM\n    title: every row adds up to the total\n    kind: sum\n    table: t\n"
                f"    items: {{from: Row 1{pad}, to: Row {n}{pad}}}\n    total: Total\n")
    size = os.path.getsize(os.path.join(out, "t.csv"))
    assert size <= MAX_TABLE_BYTES, size
    print(f"{out}: {n:,} rows of {width}-digit figures, {size / 1048576:.1f} MiB")


def wide(out, scale):
    os.makedirs(out, exist_ok=True)
    columns = int((MAX_COLUMNS - 2) * scale)
    rows = MAX_CELLS // MAX_COLUMNS - 3
    down = [0] * (columns + 1)
    with open(os.path.join(out, "t.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("label," + ",".join(f"c{c}" for c in range(1, columns + 1)) + ",Total\n")
        for r in range(1, rows + 1):
            cells = []
            across = 0
            for c in range(1, columns + 1):
                v = (r * 31 + c * 17) % 900 + 100
                across += v
                down[c - 1] += v
                cells.append(str(v + 1000 if c == r else v))
            down[columns] += across
            f.write(f"Row {r}," + ",".join(cells) + f",{across}\n")
        f.write("Total," + ",".join(str(d) for d in down) + "\n")
    filing_yaml(out, "Wide Co", "c1")
    with open(os.path.join(out, "rules.yaml"), "w", encoding="utf-8") as f:
        f.write("rules:\n  - id: DOWN\n    title: every column adds up\n    kind: sum\n    table: t\n"
                f"    items: {{from: Row 1, to: Row {rows}}}\n    total: Total\n"
                "  - id: ACROSS\n    title: every row adds up\n    kind: cross-foot\n    table: t\n"
                "    items: [" + ", ".join(f"c{c}" for c in range(1, columns + 1)) + "]\n    total: Total\n")
    print(f"{out}: {rows} rows x {columns + 2} columns")


def yaml(fixture, out, scale):
    shutil.copytree(fixture, out)
    path = os.path.join(out, "rules.yaml")
    lines = open(path, encoding="utf-8").read().split("\n")
    done = 0
    for i, line in enumerate(lines):
        if done < int(80 * scale) and line.startswith("    title: "):
            lines[i] = '    title: "' + "x" * (MAX_LINE - 13) + '"'
            done += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"{out}: {done} titles of {MAX_LINE - 13:,} characters, rules.yaml {os.path.getsize(path) / 1e6:.1f} MB")


def text(announcement, out, scale):
    base = open(announcement, encoding="utf-8").read()
    columns = MAX_COLUMNS - 1
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(base)
        f.write("\nWIDE TABLE\n\n" + "\t".join(["RMB'000"] + [str(1000 + i) for i in range(columns - 1)]) + "\n")
        for r in range(int(50 * scale)):
            f.write("\t".join([f"Item {r}"] + [f"{(r * 31 + c * 17) % 900 + 100:,}" for c in range(columns - 1)]) + "\n")
        f.write("\n")
        line = ("word " * (MAX_LINE // 5))[:MAX_LINE] + "\n"
        for _ in range(int((15 * 1024 * 1024 - len(base.encode()) - 600_000) // (MAX_LINE + 1) * scale)):
            f.write(line)
    print(f"{out}: {os.path.getsize(out) / 1e6:.1f} MB")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("tall", "wide", "digits", "yaml", "text"):
        c = sub.add_parser(name)
        c.add_argument("--out", required=True)
        c.add_argument("--scale", type=float, default=1.0)
        if name == "yaml":
            c.add_argument("--fixture", required=True)
        if name == "text":
            c.add_argument("--announcement", required=True)
    a = p.parse_args()
    if a.cmd == "tall":
        tall(a.out, a.scale)
    elif a.cmd == "digits":
        tall(a.out, a.scale, digits=True)
    elif a.cmd == "wide":
        wide(a.out, a.scale)
    elif a.cmd == "yaml":
        yaml(a.fixture, a.out, a.scale)
    else:
        text(a.announcement, a.out, a.scale)


if __name__ == "__main__":
    main()
