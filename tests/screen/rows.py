#!/usr/bin/env python3
"""rows.py SCREEN EXPECTED: the first column of every table row on a captured screen (lines 3
up to the status line) against the names jubo list printed for those rows, one per line. A
cell cut to its width with a marker must be the start of its name. Widths are measured with
Python's own East Asian Width table, not jubo's."""
import sys
import unicodedata


def cells(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def first_cell(line, width):
    out, used = "", 0
    for ch in line:
        w = cells(ch)
        if used + w > width:
            break
        out += ch
        used += w
    return out.rstrip()


screen = open(sys.argv[1], encoding="utf-8").read().split("\n")
expected = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
header = screen[1]
rows = [l for l in screen[2:-3]]
rows = [r for r in rows if r.strip()]
# The reader's marks come first (N, U, * and + in three cells and a space, no label): the
# names are the column after them.
if header.startswith("    ") and all(set(r[:4]) <= set("NU*+ ") for r in rows):
    header = header[4:]
    rows = [r[4:] for r in rows]
# The first column ends where the second header starts (two or more spaces before it).
width = len(header.split(" ")[0])
while width < len(header) and header[width] == " ":
    width += 1
bad = []
if len(rows) != len(expected):
    bad.append(f"{len(rows)} rows on screen, {len(expected)} expected")
for got, want in zip(rows, expected):
    cell = first_cell(got, width)
    name = cell[:-1] if cell.endswith("…") else cell
    if not want.startswith(name) or (not cell.endswith("…") and name != want):
        bad.append(f"{cell!r} is not {want!r}")
for b in bad[:5]:
    print("# " + b)
sys.exit(1 if bad else 0)
