#!/usr/bin/python3
"""typeset.py BUNDLE OUT: a test issue typeset in the newsletter's layout.

OUT ending in .fodt: an OpenDocument text for LibreOffice Writer (A4, Noto Sans CJK KR,
bordered tables whose cells wrap where the word processor breaks them and are centred
vertically, a header row repeated after a page break, the page footer
"주간 중국창업 N 호 【p】"). make.sh turns it into a PDF with `soffice --headless
--convert-to pdf`. OUT ending in .txt: the same issue as the seed's text form (lines drawn
in order, a space at a line's end where the line broke between words, a footer wherever a
page ends, inside a table too), with cells broken at any character as Korean word
processors do.

The issues vary on purpose, as the newsletter's editors do: tables with other sets and
orders of columns, tables that are absent, other numbers of rows, the month's statistics in
other words (LAYOUTS below). The answer key is the bundle itself: tests/issues/score.py
compares what jubo reads with it field by field."""
import csv
import os
import sys
import unicodedata
from xml.sax.saxutils import escape

BUNDLE, OUT = sys.argv[1], sys.argv[2]
# --narrow: the Asian text in LibreOffice's Chinese setting, whose spaces are narrower (0.17 of
# a line's height against Korean's 0.22): the same issue, spaced another way.
NARROW = "--narrow" in sys.argv
# --syllable: cells and paragraphs that wrap at any syllable, as Korean word processors wrap
# (a zero-width space between Hangul syllables lets Writer break there; the PDF draws none).
SYLLABLE = "--syllable" in sys.argv


def breakable(text):
    if not SYLLABLE:
        return text
    out = []
    for i, c in enumerate(text):
        out.append(c)
        if i + 1 < len(text) and "\uac00" <= c <= "\ud7a3" and "\uac00" <= text[i + 1] <= "\ud7a3":
            out.append("\u200b")
    return "".join(out)

STD_INV = ["기업 명칭", "라운드", "투자 금액", "소재지", "분야", "소개", "투자자"]
STD_UNI = ["기업 명칭", "기업 가치", "소재지", "분야", "소개", "라운드", "투자 금액", "투자자"]
STD_MA = ["기업 명칭", "소재지", "분야", "소개", "인수자", "인수 금액", "기업 개요"]
# Column widths in points (the page's text is 510 points wide).
WIDTH = {"기업 명칭": 62, "라운드": 40, "투자 금액": 46, "소재지": 36, "분야": 42, "소개": 78,
         "투자자": 150, "기업 가치": 44, "인수자": 62, "인수 금액": 46, "기업 개요": 130,
         "투자 일자": 44}

LAYOUTS = {
    421: dict(wording=1, china=STD_INV, overseas=STD_INV, unicorn=STD_UNI, ma=STD_MA),
    422: dict(wording=2,
              china=["기업 명칭", "투자 일자", "라운드", "투자 금액", "소재지", "분야", "소개", "투자자"],
              overseas=["기업 명칭", "라운드", "투자 금액", "소재지", "분야", "투자자"],
              unicorn=STD_UNI,
              ma=["기업 명칭", "인수자", "인수 금액", "소재지", "분야", "소개", "기업 개요"]),
    423: dict(wording=3, china=STD_INV, overseas=STD_INV, unicorn=STD_UNI, ma=STD_MA,
              widths={"기업 명칭": 48, "투자 금액": 40, "라운드": 34, "소개": 70}),
    # Held out: typeset after the reader was written, in another face, with centred headers,
    # wider padding, justified paragraphs and the M&A columns in another order.
    424: dict(wording=2, china=STD_INV, overseas=STD_INV, unicorn=STD_UNI,
              ma=["기업 명칭", "소재지", "분야", "인수자", "인수 금액", "소개", "기업 개요"],
              font="Noto Serif CJK KR", center_head=True, padding="3.5pt", justify=True,
              widths={"기업 명칭": 56, "소개": 84, "투자자": 140}),
    # Held out too, typeset last: narrow investor columns in 8-point type, little padding, the
    # overseas table without 소개, the M&A table's 인수 금액 before 인수자.
    425: dict(wording=3, china=STD_INV, overseas=["기업 명칭", "라운드", "투자 금액", "소재지", "분야", "투자자"],
              unicorn=STD_UNI, ma=["기업 명칭", "소재지", "분야", "소개", "인수 금액", "인수자", "기업 개요"],
              padding="1.2pt", widths={"투자자": 104, "소개": 70, "기업 명칭": 58, "기업 개요": 150}),
    # No. 418 (data/418) typeset the same way.
    418: dict(wording=1, china=STD_INV, overseas=STD_INV, unicorn=STD_UNI, ma=STD_MA),
}


def read_csv(name):
    path = os.path.join(BUNDLE, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(l for l in f if not l.startswith("#")))


def read_article(path):
    head, refs = {}, []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and lines[i]:
        k, _, v = lines[i].partition(": ")
        if k == "Ref":
            label, _, url = v.rpartition(" <")
            refs.append((label, url.rstrip(">")))
        else:
            head[k] = v
        i += 1
    head["refs"] = refs
    head["body"] = [p.strip() for p in "\n".join(lines[i:]).split("\n\n") if p.strip()]
    return head


issue = {}
with open(os.path.join(BUNDLE, "issue.txt"), encoding="utf-8") as f:
    for line in f:
        if ":" in line and not line.startswith("#"):
            k, _, v = line.partition(":")
            issue[k.strip()] = v.strip()
NUMBER = int(issue["number"])
L = LAYOUTS[NUMBER]
adir = os.path.join(BUNDLE, "articles")
arts = [read_article(os.path.join(adir, n)) for n in sorted(os.listdir(adir))]
deals = read_csv("deals.csv")
stats = read_csv("stats.csv")
events = read_csv("events.csv")
KINDS = {"industry": "산업분석", "investment": "투자분석", "policy": "정책소개", "region": "지역소개"}

# ---- the document: paragraphs and tables ------------------------------------------------------
DOC = []


def para(text, size=10, indent=0):
    DOC.append(("p", text, size, indent))


def table(header, rows, size=7.5):
    w = dict(WIDTH, **L.get("widths", {}))
    DOC.append(("t", header, rows, [w.get(h, 60) for h in header], size))


def stat(metric, dim, key=None):
    return [s for s in stats if s["metric"] == metric and s["dimension"] == dim and
            (key is None or s["key"] == key)]


def val(metric, dim, key):
    s = stat(metric, dim, key)
    return s[0] if s else None


def change(metric, dim, key, w):
    m, y = val(metric + "_mom", dim, key), val(metric + "_yoy", dim, key)

    def up(v):
        return not v["value"].startswith("-")
    mv, yv = m["value"].lstrip("-"), y["value"].lstrip("-")
    if w == 1:
        word = {True: "증가", False: "감소"}
        if up(m) == up(y):
            return "전월 대비 %s%%, 작년 동기 대비 %s%% %s" % (mv, yv, word[up(y)])
        return "전월 대비 %s%% %s, 작년 동기 대비 %s%% %s" % (mv, word[up(m)], yv, word[up(y)])
    word = {True: "늘었", False: "줄었"}
    return "전월보다 %s%% %s고, 1 년 전보다는 %s%% %s" % (mv, word[up(m)], yv, word[up(y)])


ZH = {"장쑤성": "江苏", "광둥성": "广东", "베이징": "北京", "상하이": "上海", "저장성": "浙江",
      "쓰촨성": "四川", "선전": "深圳", "항저우": "杭州", "쑤저우": "苏州", "안후이성": "安徽",
      "후베이성": "湖北", "산둥성": "山东", "청두": "成都", "허페이": "合肥", "우한": "武汉",
      "난징": "南京", "푸젠성": "福建", "광저우": "广州"}


def ranked(metric, dim, zh=True):
    items = sorted(stat(metric, dim), key=lambda s: int(s["rank"] or 0))
    parts = []
    for s in items:
        if not s["rank"]:
            continue
        k = s["key"]
        if "(" in k and zh:
            name, _, z = k.partition("(")
            parts.append("%s(%s, %s %s)" % (name, z.rstrip(")"), s["value"], s["unit"]))
        elif dim in ("region", "city", "ma_region"):
            parts.append("%s(%s, %s %s)" % (k, ZH.get(k, k), s["value"], s["unit"]))
        else:
            parts.append("%s(%s %s)" % (k, s["value"], s["unit"]))
    return ", ".join(parts)


def investment_text(a):
    w = L["wording"]
    period = stats[0]["period"]
    y, m = int(period[:4]), int(period[5:])
    when = "%d 년 %d 월" % (y, m)
    para("중국 1 급 시장 투자 분석", 11)
    t, ta = val("deal_count", "total", "전체"), val("deal_amount", "total", "전체")
    if w == 1:
        para("루이서우(睿兽) 분석에 따르면, %s 중국 1 급 시장에서는 총 %s 건의 투자 건수가 발생했으며, 이는 %s한 "
             "수치이다. 공개된 총 투자 금액은 %s 억 위안으로, %s했다." %
             (when, t["value"], change("deal_count", "total", "전체", 1), ta["value"],
              change("deal_amount", "total", "전체", 1)))
    elif w == 2:
        para("루이서우(睿兽) 데이터를 보면 %s 중국 1 급 시장의 투자는 모두 %s 건으로 %s으며, 공개된 투자 금액은 "
             "%s 억 위안으로 %s다." %
             (when, t["value"], change("deal_count", "total", "전체", 2), ta["value"],
              change("deal_amount", "total", "전체", 2)))
    else:
        para("%s 중국 1 급 시장에서 공개된 투자 금액은 %s 억 위안이었고(%s), 투자 건수는 모두 %s 건이었다(%s)." %
             (when, ta["value"], change("deal_amount", "total", "전체", 1).replace(" 증가", " 증가").strip(),
              t["value"], change("deal_count", "total", "전체", 1)))
    para("◼ 산업별 분포")
    ic = sorted([s for s in stat("deal_count", "industry") if s["rank"]], key=lambda s: int(s["rank"]))
    top = [s for s in stat("deal_count", "industry") if not s["rank"]][0]
    topa = [s for s in stat("deal_amount", "industry") if not s["rank"] and "건수" in s["key"]][0]
    topb = [s for s in stat("deal_amount", "industry") if not s["rank"] and "금액" in s["key"]][0]
    ia = sorted([s for s in stat("deal_amount", "industry") if s["rank"]], key=lambda s: int(s["rank"]))
    n = len(ic)
    if w == 1:
        para("투자가 발생한 산업을 보면, 상위 %d 개 산업에서 발생한 투자 건수는 %s 건(전체 산업의 %s%%)이며, 이들 "
             "산업은 각각 %s이다. 상위 %d 개 산업에서 공개된 총 금액은 %s 억 위안(전체 산업의 %s%%)에 달한다." %
             (n, top["value"], top["share"], ", ".join(s["key"] for s in ic), n, topa["value"], topa["share"]))
    else:
        para("산업별로는 %s 순으로 투자가 많았다. 이 상위 %d 개 산업의 투자 건수는 %s 건으로 전체의 %s%%를 차지했고, "
             "공개된 금액은 %s 억 위안(전체의 %s%%)이었다." %
             (", ".join(s["key"] for s in ic), n, top["value"], top["share"], topa["value"], topa["share"]))
    para("또한, 공개된 거래 금액이 가장 많은 상위 %d 개 산업은 %s 순으로, 공개된 총 금액은 %s 억 위안(전체 산업의 "
         "%s%%)이다." % (len(ia), ", ".join(s["key"] for s in ia), topb["value"], topb["share"]))
    sub = [s for s in stats if s["dimension"] in ("smart_manufacturing", "subsector")]
    whole = [s for s in sub if s["key"].endswith(" 전체")][0]
    part = [s for s in sub if s["rank"]][0]
    para("◼ 세분화 트렌드 분석")
    para("%s, %s는 가장 인기 있는 산업으로, 총 %s 건의 투자 건수가 발생했다. 그 중 %s 분야는 %s 건으로, 투자가 "
         "가장 활발한 분야로 떠올랐다." % (when, whole["key"][:-3], whole["value"], part["key"], part["value"]))
    para("◼ 지역별 분포")
    if w == 1:
        para("투자 건수가 발생한 지역을 보면, %d 월 투자 건수가 가장 많은 상위 5 개 지역은 %s이다." %
             (m, ranked("deal_count", "region")))
    elif w == 2:
        para("지역별 투자 건수는 %s 순이었다." % ranked("deal_count", "region"))
    else:
        para("%d 월 투자가 가장 활발했던 지역은 %s의 다섯 곳이다." % (m, ranked("deal_count", "region")))
    para("◼ 인기 도시 분포")
    if w == 1:
        para("투자 건수가 발생한 도시를 보면, 이번 달 투자 건수가 가장 많은 상위 5 개 도시는 %s이다." %
             ranked("deal_count", "city"))
    else:
        para("도시별로는 %s 순으로 투자가 많았다." % ranked("deal_count", "city"))
    para("◼ 단계별 분포")
    sc = {s["key"]: s for s in stat("deal_count", "stage")}
    sa = {s["key"]: s for s in stat("deal_amount", "stage")}
    para("%d 월 1 급 시장 투자 건수를 단계별로 살펴보면, 가장 많은 투자 건수가 초기 단계에서 발생했으며, 총 %s 건으로 "
         "%s%%를 차지한다. 그 다음은 성장 단계로 %s 건이 발생했으며, 비중은 %s%%이다. 후기 단계는 %s 건으로, 비중은 "
         "%s%%에 달한다. 공개된 투자 금액을 보면, 초기 단계가 %s 억 위안으로 %s%%를 차지하며, 성장 단계는 %s 억 "
         "위안으로 %s%%, 후속 단계는 %s 억 위안으로 %s%%를 차지한다." %
         (m, sc["초기 단계"]["value"], sc["초기 단계"]["share"], sc["성장 단계"]["value"],
          sc["성장 단계"]["share"], sc["후기 단계"]["value"], sc["후기 단계"]["share"],
          sa["초기 단계"]["value"], sa["초기 단계"]["share"], sa["성장 단계"]["value"],
          sa["성장 단계"]["share"], sa["후기 단계"]["value"], sa["후기 단계"]["share"]))
    para("글로벌 대형 투자 및 유니콘 분석", 11)
    para("◼ 대형 투자 사건")
    g, ga = val("deal_count", "big_deal", "전 세계"), val("deal_amount", "big_deal", "전 세계")
    c, ca = val("deal_count", "big_deal", "중국"), val("deal_amount", "big_deal", "중국")
    para("%s 전 세계에서 %s 건의 대형 투자 건수가 신규 발생했으며, 공개된 총 투자 금액만 %s 억 위안에 달한다. 그 중 이번 "
         "달 중국에서 발생한 대형 투자 건수는 %s 건으로, 전 세계 대형 투자 건수의 %s%%를 차지하며, 투자 금액은 %s 억 "
         "위안으로, 전 세계 신규 투자 금액의 %s%%를 차지한다." %
         (when, g["value"], ga["value"], c["value"], c["share"], ca["value"], ca["share"]))
    deal_tables(when)
    para("투자 기관 분석", 11)
    v, cv = val("institution_count", "investor", "VC/PE 기관"), val("institution_count", "investor", "CVC 기관")
    if w == 1:
        para("루이서우(睿兽) 데이터 분석에 따르면, %s 중국 1 급 시장에서 투자에 참여한 VC/PE 기관은 %s 개로, 이는 "
             "%s한 수치이다. 투자에 참여한 CVC 기관은 %s 개로, %s했다." %
             (when, v["value"], change("institution_count", "investor", "VC/PE 기관", 1), cv["value"],
              change("institution_count", "investor", "CVC 기관", 1)))
    else:
        para("%s 투자에 참여한 VC/PE 기관은 %s 개로 %s으며, CVC 기관은 %s 개로 %s다." %
             (when, v["value"], change("institution_count", "investor", "VC/PE 기관", 2), cv["value"],
              change("institution_count", "investor", "CVC 기관", 2)))
    para("◼ VC/PE 기관 순위")
    if w == 1:
        para("투자 건수를 기준으로, 상위 5 개 VC/PE 기관은 %s이다." % ranked("deal_count", "vcpe"))
    else:
        para("투자 건수로 본 VC/PE 기관 순위는 %s 순이었다." % ranked("deal_count", "vcpe"))
    para("◼ CVC 기관 순위")
    if w == 1:
        para("투자 건수를 기준으로, 상위 5 개 CVC 기관은 %s이다." % ranked("deal_count", "cvc"))
    else:
        para("CVC 기관 가운데서는 %s 순으로 투자가 많았다." % ranked("deal_count", "cvc"))
    para("중국 인수합병 시장 분석", 11)
    mt, ma = val("deal_count", "ma", "전체"), val("deal_amount", "ma", "전체")
    dom, abroad = val("deal_count", "ma", "중국 국내"), val("deal_count", "ma", "해외")
    ind = val("industry_count", "ma", "전체")
    para("루이서우(睿兽) 분석에 따르면, %s 중국 기업의 인수합병 건수는 총 %s 건이 발생했으며, 이는 %s한 수치이다. 이 "
         "중 중국 국내 인수합병 건수는 %s 건, 해외 인수합병 건수는 %s 건이었다. 공개된 총 거래 금액은 %s 억 위안으로, "
         "%s했다." % (when, mt["value"], change("deal_count", "ma", "전체", 1), dom["value"], abroad["value"],
                    ma["value"], change("deal_amount", "ma", "전체", 1)))
    para("◼ 인수합병 산업 분포")
    para("인수합병이 발생한 산업을 살펴보면, 이번 달 인수합병 건수는 총 %s 개 산업에 집중되었으며, 발생 건수 기준으로 "
         "상위 5 개 산업은 %s 산업이었다. 거래 금액 기준으로 상위 5 개 산업은 %s 산업이었다." %
         (ind["value"], ranked("deal_count", "ma_industry"), ranked("deal_amount", "ma_industry")))
    para("◼ 인수합병 지역 분포")
    para("중국 국내 인수합병 건수는 총 %s 건으로, 전체 인수합병 건수의 %s%%를 차지했다. 상위 5 개 지역은 %s이었다." %
         (dom["value"], dom["share"], ranked("deal_count", "ma_region")))
    ma_table(when)


def cell(d, h, i):
    """The text of column h for deal d ("\n" between lines the editor put in the cell)."""
    if h == "기업 명칭":
        return d["company"] + ("\n" + d["company_zh"] if d["company_zh"] else "")
    if h == "투자 일자":
        return "%s.%02d" % (d["period"].replace("-", "."), 3 + 4 * i % 25)
    if h in ("투자자", "인수자"):
        return ", ".join((d["investors"] if h == "투자자" else d["acquirer"]).split("; "))
    if h == "소개":
        return d["description"].partition(". ")[0]
    if h == "기업 개요":
        return d["description"].partition(". ")[2]
    return d[{"라운드": "round", "투자 금액": "amount", "인수 금액": "amount", "소재지": "place",
              "분야": "sector", "기업 가치": "valuation"}[h]]


def deal_table(cols, rows):
    table(cols, [[cell(d, h, i) for h in cols] for i, d in enumerate(rows)])


def deal_tables(when):
    n = 9
    for scope, title in (("china", "중국 신규 대형 투자 사건(일부분)"), ("overseas", "해외 신규 대형 투자 사건(일부분)")):
        rows = [d for d in deals if d["kind"] == "investment" and d["scope"] == scope]
        if rows:
            para("도표 %d. %s" % (n, title), 9)
            n += 1
            deal_table(L[scope], rows)
    uni = [d for d in deals if d["kind"] == "unicorn"]
    para("◼ 신규 등장한 유니콘 기업의 통계")
    nw, nc = val("new_count", "unicorn", "전 세계"), val("new_count", "unicorn", "중국")
    tw, tc = val("total_count", "unicorn", "전 세계"), val("total_count", "unicorn", "중국")
    para("%s 전 세계에서 %s 개의 유니콘 기업이 새롭게 등장했으며, 그 중 중국에서는 %s 개의 유니콘 기업이 신규 등장했다. "
         "현재 전 세계에는 총 %s 개의 유니콘 기업이 있으며, 그 중 중국에는 %s 개의 유니콘 기업이 있고, 그 비율은 %s%%에 "
         "달한다." % (when, nw["value"], nc["value"], tw["value"], tc["value"], tc["share"]))
    for scope, title in (("china", "중국 신규 유니콘 기업(일부분)"), ("overseas", "해외 신규 유니콘 기업(일부분)")):
        rows = [d for d in uni if d["scope"] == scope]
        if rows:
            para("도표 %d. %s" % (n, title), 9)
            n += 1
            deal_table(L["unicorn"], rows)


def ma_table(when):
    rows = [d for d in deals if d["kind"] == "ma"]
    if rows:
        para("◼ %s 주요 인수합병 건수 (거래 금액 상위 %d 개)" % (when, len(rows)))
        deal_table(L["ma"], rows)


def ref_lines(refs, source, date):
    for label, url in refs:
        when = " (%s)" % (date[2:].replace("-", ".")) if date else ""
        para("%s. %s.%s" % (source, label, when) if when else "%s. %s" % (source, label), 9)
        para(url, 9)


def body(a):
    for p in a["body"]:
        if p.startswith("## "):
            # "◼" marks a news item: a news article's own headings are plain lines.
            para(("" if a["Section"] == "news" else "◼ ") + p[3:], 10)
        elif p.startswith("- "):
            for b in p.split("\n"):
                para("⚫ " + b[2:], 9, 10)
        elif p.startswith("|"):
            # An article's table: a bordered table, its columns shared out by their text.
            rows = [[c.strip() for c in l.strip().strip("|").split("|")]
                    for l in p.split("\n") if l.strip() and not set(l.strip()) <= set("|-: ")]
            n = len(rows[0])
            longest = [max(len(r[c]) if c < len(r) else 0 for r in rows) for c in range(n)]
            total = float(sum(min(x, 60) + 4 for x in longest))
            widths = [max(36, 500 * (min(x, 60) + 4) / total) for x in longest]
            DOC.append(("t", rows[0], [r + [""] * (n - len(r)) for r in rows[1:]], widths, 8))
        else:
            para(p.replace("\n", " "), 10)


news = [a for a in arts if a["Section"] == "news"]
for a in news:
    para("◼ " + a["Title"], 11)
    body(a)
    src = a.get("Source", "").split("(")[0]
    if src:
        para("(출처: %s)" % src, 9)
for a in news:
    ref_lines(a["refs"], a.get("Source", ""), "")
para("참고자료", 9)
k = 0
for a in arts:
    if a["Section"] in KINDS:
        k += 1
        para("%d. [%s] %s" % (k, KINDS[a["Section"]], a["Title"]), 12)
        body(a)
        if a["Section"] == "investment":
            investment_text(a)
        ref_lines(a["refs"], a.get("Source", ""), a.get("Date", ""))
        para("참고자료", 9)
for a in arts:
    if a["Section"] == "kic":
        para(a["Title"], 12)
        body(a)
        para("KIC 중국 뉴스", 9)
if events:
    DOC.append(("t", ["명칭", "기간", "장소", "분야"],
                [[e["명칭"], e["기간"], e["장소"], e["분야"]] for e in events], [250, 70, 50, 60], 8))
    para("행사 정보", 9)


# ---- OpenDocument ----------------------------------------------------------------------------
def fodt():
    sizes = sorted({b[2] for b in DOC if b[0] == "p"} | {b[4] for b in DOC if b[0] == "t"})
    auto = []
    for s in sizes:
        name = ("P%g" % s).replace(".", "_")
        auto.append('<style:style style:name="%s" style:family="paragraph"><style:paragraph-properties '
                    'fo:margin-bottom="%gpt"%s/><style:text-properties fo:font-size="%gpt" '
                    'style:font-size-asian="%gpt" style:font-size-complex="%gpt"/></style:style>' %
                    (name, 4, ' fo:text-align="justify"' if L.get("justify") else "", s, s, s))
        auto.append('<style:style style:name="I%s" style:family="paragraph"><style:paragraph-properties '
                    'fo:margin-left="10pt" fo:margin-bottom="2pt"/><style:text-properties fo:font-size="%gpt" '
                    'style:font-size-asian="%gpt"/></style:style>' % (name, s, s))
        auto.append('<style:style style:name="C%s" style:family="paragraph"><style:text-properties '
                    'fo:font-size="%gpt" style:font-size-asian="%gpt"/></style:style>' % (name, s, s))
        auto.append('<style:style style:name="C%sH" style:family="paragraph"><style:paragraph-properties '
                    'fo:text-align="center"/><style:text-properties '
                    'fo:font-size="%gpt" style:font-size-asian="%gpt"/></style:style>' % (name, s, s))
    auto.append('<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
                'style:vertical-align="middle" fo:padding="%s" fo:border="0.5pt solid #000000"/></style:style>'
                % L.get("padding", "2pt"))
    auto.append('<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties '
                'fo:text-align="center"/></style:style>')
    body_x = []
    for t, b in enumerate(DOC):
        if b[0] == "p":
            _, text, size, indent = b
            name = ("P%g" % size).replace(".", "_")
            body_x.append('<text:p text:style-name="%s%s">%s</text:p>' % ("I" if indent else "", name,
                                                                        escape(breakable(text))))
            continue
        _, header, rows, widths, size = b
        tn = "T%d" % t
        auto.append('<style:style style:name="%s" style:family="table"><style:table-properties '
                    'style:width="%gpt" table:align="left" fo:margin-bottom="6pt"/></style:style>' % (tn, sum(widths)))
        cols = []
        for c, w in enumerate(widths):
            auto.append('<style:style style:name="%s.%d" style:family="table-column">'
                        '<style:table-column-properties style:column-width="%gpt"/></style:style>' % (tn, c, w))
            cols.append('<table:table-column table:style-name="%s.%d"/>' % (tn, c))
        cname = ("CP%g" % size).replace(".", "_")

        def row(cells, head=False):
            out = ["<table:table-row>"]
            for v in cells:
                out.append('<table:table-cell table:style-name="Cell" office:value-type="string">')
                for line in (v.split("\n") if v else [""]):
                    style = cname + ("H" if head and L.get("center_head") else "")
                    out.append('<text:p text:style-name="%s">%s</text:p>' % (style, escape(breakable(line))))
                out.append("</table:table-cell>")
            out.append("</table:table-row>")
            return "".join(out)
        body_x.append('<table:table table:name="%s" table:style-name="%s">%s<table:table-header-rows>%s'
                      '</table:table-header-rows>%s</table:table>' %
                      (tn, tn, "".join(cols), row(header, True), "".join(row(r) for r in rows)))
    font = L.get("font", "Noto Sans CJK KR")
    return """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="%(f)s" svg:font-family="'%(f)s'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt"/>
<style:text-properties style:font-name="%(f)s" style:font-name-asian="%(f)s" style:font-name-complex="%(f)s"
 fo:font-size="10pt" style:font-size-asian="10pt" fo:language="ko" fo:country="KR" style:language-asian="%(al)s"
 style:country-asian="%(ac)s"/></style:default-style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties>
<style:tab-stops><style:tab-stop style:position="17.4cm" style:type="right"/></style:tab-stops></style:paragraph-properties>
<style:text-properties fo:font-size="8pt" style:font-size-asian="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="1.5cm" fo:margin-bottom="1cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/>
<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.4cm"/></style:footer-style>
</style:page-layout>
%(auto)s
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer>
<text:p text:style-name="Footer">주간 중국창업 %(n)d 호<text:tab/>【<text:page-number text:select-page="current"/>】</text:p>
</style:footer></style:master-page></office:master-styles>
<office:body><office:text>
%(body)s
</office:text></office:body></office:document>
""" % {"f": font, "auto": "\n".join(auto), "n": NUMBER, "body": "\n".join(body_x),
       "al": "zh" if NARROW else "ko", "ac": "CN" if NARROW else "KR"}


# ---- the seed's text form ------------------------------------------------------------------
def width(s, size):
    return sum((1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55) * size for c in s)


def wrap(text, w, size):
    """Lines of text in w points, broken at any character: [(line, broke_at_space)]."""
    out, cur, i = [], "", 0
    while i < len(text):
        c = text[i]
        if width(cur + c, size) > w and cur:
            if c == " ":
                out.append((cur.rstrip(" "), True))
                cur = ""
                i += 1
                continue
            sp = cur.endswith(" ")
            out.append((cur.rstrip(" "), sp))
            cur = ""
            continue
        cur += c
        i += 1
    out.append((cur, True))
    return out


class Text:
    def __init__(self):
        self.page, self.y, self.lines = 1, 780, []

    def footer(self):
        self.lines += ["주간 중국창업 %d 호                                        【%d】 " % (NUMBER, self.page), "", "\f"]
        self.page += 1
        self.y = 780

    def emit(self, text, space):
        self.lines += [text + (" " if space else ""), ""]

    def para(self, text, size, indent):
        for line, space in wrap(text, 510 - indent, size):
            if self.y - size - 4 < 40:
                self.footer()
            self.emit(line, space)
            self.y -= size + 4

    def table(self, header, rows, widths, size):
        def cells(row):
            out = []
            for v, w in zip(row, widths):
                lines = []
                for part in (v.split("\n") if v else []):
                    lines += wrap(part, w - 4, size)
                out.append(lines)
            return out
        head = cells(header)
        hh = max(len(c) for c in head) * (size + 3) + 4
        for r, row in enumerate([header] + rows):
            cs = head if r == 0 else cells(row)
            h = max(len(c) or 1 for c in cs) * (size + 3) + 4
            if self.y - h < 40:
                self.footer()
                if r:
                    self.draw_row(head)
                    self.y -= hh
            self.draw_row(cs)
            self.y -= h

    def draw_row(self, cs):
        """The cells drawn one after the other, each centred in the row; as pdftotext -raw
        gives them, a draw on the baseline of the one before continues its line."""
        tall = max(len(c) for c in cs)
        last_y = None
        for c in cs:
            top = (tall - len(c)) / 2.0
            for k, (line, space) in enumerate(c):
                y = top + k
                if not line:
                    continue
                if last_y is not None and y == last_y and self.lines[-1] == "":
                    self.lines.pop()
                    prev = self.lines.pop()
                    self.lines.append(prev + ("" if prev.endswith(" ") else " ") + line +
                                      (" " if space else ""))
                    self.lines.append("")
                else:
                    self.emit(line, space)
                last_y = y


if OUT.endswith(".fodt"):
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(fodt())
else:
    T = Text()
    for b in DOC:
        if b[0] == "p":
            T.para(b[1], b[2], b[3])
        else:
            T.table(b[1], b[2], b[3], b[4])
    T.footer()
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(T.lines) + "\n")
