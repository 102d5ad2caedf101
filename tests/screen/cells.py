#!/usr/bin/env python3
"""cells.py RAW COLS ROWS AMBIGUOUS: plays what jubo wrote to the terminal (RAW, bytes) in
pyte, a terminal emulator jubo has nothing to do with, whose widths are those of the wcwidth
package (East Asian Ambiguous characters 1 cell, or 2 with AMBIGUOUS=2, as such terminals
draw them), and checks that in the Deals table every column starts on the same cell in
every row: the header's column starts are where each row's values start. Prints the rows
that do not, and exits 1 for any."""
import sys, unicodedata
import pyte, pyte.screens

raw, cols, rows, ambiguous = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
base = pyte.screens.wcwidth
if ambiguous == 2:
    pyte.screens.wcwidth = lambda c: 2 if len(c) == 1 and unicodedata.east_asian_width(c) == "A" else base(c)

screen = pyte.Screen(cols, rows)
stream = pyte.ByteStream(screen)
stream.feed(open(raw, "rb").read())

def cells(y):
    return [screen.buffer[y][x].data for x in range(cols)]

# The header row: the first that starts with "company" (after the reader's marks, a column
# without a label); its columns start after runs of spaces.
header = next(y for y in range(rows) if "".join(cells(y)).lstrip().startswith("company"))
line = cells(header)
starts = [x for x in range(cols) if line[x] not in (" ", "") and (x == 0 or line[x - 1] == " ")]
bad = 0
checked = 0
for y in range(header + 1, rows - 2):
    row = cells(y)
    if not "".join(row).strip():
        continue
    checked += 1
    for x in starts[1:]:
        # A column starts here: the cell before it is the gap (a space), unless the value
        # before it is cut or padded right up to it; either way not the middle of a wide
        # character (pyte marks the second cell of one with "").
        if row[x] == "" or (row[x - 1] != " " and row[x] == " "):
            print(f"# row {y}: column at {x} is off: {''.join(row)!r}")
            bad += 1
            break
print(f"{checked} rows checked, {len(starts)} columns, {bad} off")
sys.exit(1 if bad or checked < 5 else 0)
