#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/NAME from the sample bundle (data/418), the
test fixtures and the unit tests' filters, dates and amounts, in each harness's input format
(tests/fuzz/fuzz_NAME.c says it). Files are named by the SHA-1 of their content, as libFuzzer
names what it finds, so running this again adds nothing twice.

Usage: tools/fuzz-seeds.py [TOP_SRCDIR]"""
import csv
import glob
import hashlib
import io
import os
import re
import sys

top = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(top, "tests", "fuzz", "corpus")


def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


bundles = [os.path.join(top, "data", "418"), os.path.join(top, "tests", "fixtures", "bundle")]
csvs = [p for b in bundles for p in sorted(glob.glob(os.path.join(b, "*.csv")))]

# CSV: byte 0 is the encoding (0 UTF-8, 1 CP949, 2 GB18030, 3 BIG5, 4 UTF-16LE).
for p in csvs:
    text = read(p)
    lines = text.splitlines(keepends=True)
    head = "".join(lines[:6])  # small seeds mutate faster than whole files
    put("csv", b"\x00" + head.encode("utf-8"))
    put("csv", b"\x00\xef\xbb\xbf" + head.replace("\n", "\r\n").encode("utf-8"))
    put("csv", b"\x04" + head.encode("utf-16-le"))
    put("csv", b"\x01" + head.encode("cp949", "replace"))
    put("csv", b"\x02" + head.encode("gb18030"))
put("csv", b'\x00a,"b ""quoted""",c\n"multi\nline",2,=HYPERLINK("x")\n,,\n-4,+12,@SUM(A1)\n')

# Import: byte 0 is the file's name (0 deals.csv, 1 events.csv, 2 stats.csv, 3 places.csv,
# 4 rates.csv, 5 a CSV of another name, 6 an article) and bit 3 CP949; the rest the file.
names = {"deals.csv": 0, "events.csv": 1, "stats.csv": 2, "places.csv": 3, "rates.csv": 4}
for p in csvs:
    n = names.get(os.path.basename(p))
    if n is None:
        continue
    lines = read(p).splitlines(keepends=True)
    put("import", bytes([n]) + "".join(lines[:8]).encode("utf-8"))
    if n == 1:
        put("import", bytes([5]) + "".join(lines[:4]).encode("utf-8"))
    if n == 0:
        put("import", bytes([8]) + "".join(lines[:4]).encode("cp949", "replace"))
for p in sorted(glob.glob(os.path.join(top, "data", "418", "articles", "*.md")))[:4]:
    put("import", bytes([6]) + read(p).encode("utf-8"))

# Amounts and dates from the deals, events and statistics.
amounts, dates = set(), set()
for p in csvs:
    with open(p, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for k, v in row.items():
                if not v:
                    continue
                if k in ("amount", "valuation", "금액", "기업가치"):
                    amounts.add(v)
                if re.match(r"^\d{4}[.\-/년]", v):
                    dates.add(v)
amounts |= {"거의 10 억 위안", "1 억 달러 이상", "9569.81 만 위안", "425 억 홍콩달러",
            "US$ 30 million", "1,200万元", "미공개", "약 3억달러", "5 亿元以上", "未披露",
            "10억 이하", "1.5 billion USD", "0.5조 원", "￥１００亿"}
for a in sorted(amounts):
    put("amount", a)
dates |= {"2025-04-02", "2025.04.02", "2025/04/02", "2025. 4. 2.", "2025년 4월 2일",
          "2025.04.02-04.03", "2025.04.02-03", "2025-04-02~2025-04-05", "2024-02-29",
          "2025-04", "0001-01-01", "9999-12-31", "2025.12.31—2026.01.02"}
for d in sorted(dates):
    # four bytes of days and months to move by, then the text
    put("date", b"\x05\x00\x01\x00" + d.encode("utf-8"))

# Filters: byte 0 is the listing (bits 0-1), the direction (bit 2) and a column (bits 3-7);
# then the filter, a newline, a sort, a newline, a search.
targets = {"DEALS": 0, "ARTICLES": 1, "EVENTS": 2, "REGIONS": 3}
filters = set()
for p in glob.glob(os.path.join(top, "tests", "unit", "test_*.c")):
    for m in re.finditer(r'TARGET_([A-Z]+), "((?:[^"\\]|\\.)*)"', read(p)):
        filters.add((targets[m.group(1)], m.group(2).encode().decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")))
for p in glob.glob(os.path.join(top, "tests", "cli", "*.sh")):
    for m in re.finditer(r"--filter[ =](?:'([^']*)'|\"([^\"$]*)\")", read(p)):
        filters.add((0, m.group(1) or m.group(2) or ""))
sorts = ["", "amount", "-amount,company", "date:desc", "region", "issue,-date"]
for i, (t, f) in enumerate(sorted(filters)):
    head = bytes([t | (i % 2) << 2 | (i % 8) << 3])
    put("filter", head + (f + "\n" + sorts[i % len(sorts)] + "\n" + ("반도체" if i % 3 == 0 else "")).encode("utf-8"))

# Articles: byte 0 is the width; then title, section, link and the body.
for p in sorted(glob.glob(os.path.join(top, "data", "418", "articles", "*.md")) +
                glob.glob(os.path.join(top, "tests", "fixtures", "bundle", "articles", "*.md"))):
    text = read(p)
    head, _, body = text.partition("\n\n")  # "Title: ..." lines, a blank line, the body
    title = next((l.split(":", 1)[1].strip() for l in head.splitlines() if l.startswith("Title:")), "제목")
    for width in (20, 57, 80):
        put("article", bytes([width]) + f"{title}\n뉴스\nhttps://example.com/a\n{body}".encode("utf-8"))
put("article", bytes([30]) + "표\n뉴스\n\n|\n||\n| |\n|---|\n| 항목 | 값 |\n|---|---|\n| 가 | 1 |\n".encode("utf-8"))

# Text: byte 0 is the width (bits 0-6) and the ambiguous policy (bit 7); the rest the text.
cases = [l.replace("|", "") for l in read(os.path.join(top, "tests", "unit", "keepall.txt")).splitlines()
         if l and not l.startswith("#")]
for i, c in enumerate(cases[::6]):
    put("text", bytes([(6 + i * 7) % 90 | (0x80 if i % 4 == 0 else 0)]) + c.encode("utf-8"))
for s in ["가나다라마", "\x1b[31m빨강\x1b[0m", "e\u0301\u0301 한\u1100\u1161\u11a8 👩‍👩‍👧 🇰🇷",
          "\u202e거꾸로\u202c", "ＡＢＣ２０２５　테스트", "https://www.example.com/아주/긴/주소?q=1",
          "985.54 억 위안이다 (전체의 68%)이었고", "中关村论坛·北京"]:
    for w in (1, 2, 3, 8, 40):
        put("text", bytes([w]) + s.encode("utf-8"))
