#!/usr/bin/env python3
"""Synthetic corpora for scripts/bench (standard library only).

  gen.py corpus --fixture DIR --out DIR --filings N [--perturb-every 10] [--scale-every 100]
                [--scale-rows 10000] [--seed 1]
      N copies of the fixture as OUT/filings/f00001 ... Unchanged copies are hard links to OUT/template
      (a private copy of the fixture's filing.yaml, rules.yaml and CSVs, so nothing links into the
      fixture itself); every copy that is changed is a real copy, written file by file.
        - every --perturb-every'th copy (offset 5) gets one amount moved by 997 units of its last
          printed digit, the change MutationCoverageTest uses, so that some checks fail;
        - every --scale-every'th copy gets --scale-rows rows with new unique labels appended to
          note-5-expenses-by-nature.csv (after its unlabelled total: no rule's range or item list reaches
          them, and no cross-foot rule covers that table), so its checks do not change.
      Writes OUT/manifest.tsv (one line per changed copy) and prints one summary line.

  gen.py big --out DIR --rows N [--seed 1]
      One filing with one table of N rows (`Row 1` ... `Row N`, one column 2023, figures as printed:
      grouped, some in parentheses, some dashes) and a correct `Total` row, and the rule
      `items: {from: Row 1, to: Row N}, total: Total`.
"""
import argparse
import csv
import io
import os
import random
import re
import shutil
import sys

AMOUNT = re.compile(r'^(\()?([0-9]{1,3}(?:,[0-9]{3})+)(\.[0-9]+)?(\))?$')
SCALED_TABLE = "note-5-expenses-by-nature.csv"


def grouped(n):
    return f"{n:,}"


def printed_amount(units):
    """An integer amount as a statement prints it: grouped, negatives in parentheses, zero as a dash."""
    if units == 0:
        return "–"
    s = grouped(abs(units))
    return f"({s})" if units < 0 else s


def csv_line(cells):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    return buf.getvalue()


def bump(text):
    """Moves a printed amount by 997 units of its last printed digit, keeping its form; None if not an amount."""
    m = AMOUNT.match(text.strip())
    if not m or bool(m.group(1)) != bool(m.group(4)):
        return None
    decimals = len(m.group(3)) - 1 if m.group(3) else 0
    units = int(m.group(2).replace(",", "") + (m.group(3) or "")[1:])
    units += 997
    whole, frac = divmod(units, 10 ** decimals)
    body = grouped(whole) + ("." + str(frac).zfill(decimals) if decimals else "")
    return f"({body})" if m.group(1) else body


def template_files(fixture):
    names = sorted(n for n in os.listdir(fixture) if n.endswith(".csv"))
    return ["filing.yaml", "rules.yaml"] + names


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def amount_cells(template, names):
    """Every (file, row index, column index) holding a grouped amount (>= 1,000: never a note number)."""
    out = []
    for name in names:
        if not name.endswith(".csv"):
            continue
        rows = read_rows(os.path.join(template, name))
        for r, row in enumerate(rows[1:], start=1):
            for c, cell in enumerate(row):
                if bump(cell) is not None:
                    out.append((name, r, c))
    return out


def corpus(a):
    rnd = random.Random(a.seed)
    out = os.path.abspath(a.out)
    template = os.path.join(out, "template")
    filings = os.path.join(out, "filings")
    if os.path.exists(filings):
        sys.exit(f"gen.py: {filings} exists; give an empty --out")
    os.makedirs(template, exist_ok=True)
    names = template_files(a.fixture)
    for n in names:
        shutil.copyfile(os.path.join(a.fixture, n), os.path.join(template, n))
    cells = amount_cells(template, names)
    extra = None
    if a.scale_every:
        rows = read_rows(os.path.join(template, SCALED_TABLE))
        width = len(rows[0])
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        for i in range(1, a.scale_rows + 1):
            figures = [printed_amount(rnd.randrange(-999_999, 9_999_999)) for _ in range(width - 2)]
            w.writerow(["Synthetic detail", f"Synthetic line {i:06d}"] + figures)
        extra = buf.getvalue()
    os.makedirs(filings)
    manifest = []
    link = True
    digits = max(5, len(str(a.filings)))
    for i in range(1, a.filings + 1):
        d = os.path.join(filings, f"f{i:0{digits}d}")
        os.mkdir(d)
        perturb = a.perturb_every and i % a.perturb_every == a.perturb_every // 2
        scale = a.scale_every and i % a.scale_every == 0
        changed = {}
        if perturb:
            name, r, c = cells[rnd.randrange(len(cells))]
            rows = read_rows(os.path.join(template, name))
            old = rows[r][c]
            rows[r][c] = bump(old)
            changed[name] = "".join(csv_line(row) for row in rows)
            manifest.append(f"{os.path.basename(d)}\tperturbed\t{name}:{r + 1}:{c + 1}\t{old}\t{rows[r][c]}")
        if scale:
            base = changed.get(SCALED_TABLE)
            if base is None:
                with open(os.path.join(template, SCALED_TABLE), encoding="utf-8") as f:
                    base = f.read()
            if not base.endswith("\n"):
                base += "\n"
            changed[SCALED_TABLE] = base + extra
            manifest.append(f"{os.path.basename(d)}\tscaled\t{SCALED_TABLE}\t+{a.scale_rows} rows\t")
        for n in names:
            src, dst = os.path.join(template, n), os.path.join(d, n)
            if n in changed:
                with open(dst, "w", encoding="utf-8", newline="") as f:
                    f.write(changed[n])
            elif changed:
                shutil.copyfile(src, dst)  # a changed copy is a real copy throughout
            else:
                if link:
                    try:
                        os.link(src, dst)
                        continue
                    except OSError:
                        link = False
                shutil.copyfile(src, dst)
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("filing\tchange\twhere\tfrom\tto\n")
        f.write("".join(m + "\n" for m in manifest))
    perturbed = sum(1 for m in manifest if "\tperturbed\t" in m)
    scaled = sum(1 for m in manifest if "\tscaled\t" in m)
    print(f"{a.filings} filings in {filings}: {perturbed} with one amount changed, {scaled} with "
          f"{a.scale_rows} extra rows in {SCALED_TABLE}, the rest hard links to {template}"
          + ("" if link else " (copies: hard links failed)"))


def big(a):
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    total = 0
    chunks = []
    buf = []
    for i in range(1, a.rows + 1):
        k = rnd.random()
        if k < 0.02:
            v = 0
        else:
            v = rnd.randrange(1, 10_000_000)
            if k < 0.12:
                v = -v
        total += v
        buf.append(f"Row {i},{printed_amount(v) if abs(v) < 1000 else chr(34) + printed_amount(v) + chr(34)}\n")
        if len(buf) >= 100_000:
            chunks.append("".join(buf))
            buf = []
    tot = printed_amount(total)
    chunks.append("".join(buf) + "Total," + (f'"{tot}"' if "," in tot else tot) + "\n")
    with open(os.path.join(a.out, "big.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("label,2023\n")
        for c in chunks:
            f.write(c)
    with open(os.path.join(a.out, "filing.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""issuer: Synthetic Ltd.
document: One table of {a.rows:,} rows (scripts/bench)
periods: ["2023"]
tables:
  - id: big
    title: A long ledger
    file: big.csv
    unit: RMB'000
""")
    with open(os.path.join(a.out, "rules.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""rules:
  - id: BIG-TOTAL
    title: The {a.rows:,} rows add up to the total
    kind: sum
    table: big
    items: {{from: Row 1, to: Row {a.rows}}}
    total: Total
""")
    size = os.path.getsize(os.path.join(a.out, "big.csv"))
    print(f"{a.out}: {a.rows:,} rows, {size / 1048576:.1f} MiB, total {tot}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--fixture", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--filings", type=int, required=True)
    c.add_argument("--perturb-every", type=int, default=10)
    c.add_argument("--scale-every", type=int, default=100)
    c.add_argument("--scale-rows", type=int, default=10_000)
    c.add_argument("--seed", type=int, default=1)
    b = sub.add_parser("big")
    b.add_argument("--out", required=True)
    b.add_argument("--rows", type=int, required=True)
    b.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    corpus(a) if a.cmd == "corpus" else big(a)


if __name__ == "__main__":
    main()
