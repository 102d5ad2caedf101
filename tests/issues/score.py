#!/usr/bin/python3
"""score.py KEY GOT WARNINGS [--goal]: what jubo read of a test issue, scored against its key.

KEY is the issue's bundle (tests/issues/NNN, the answer key), GOT the bundle `jubo convert`
wrote from its PDF or text, WARNINGS the standard error of that conversion. Each table is
scored apart: the deal tables by kind and scope (investment/china, investment/overseas,
unicorn/china, unicorn/overseas, ma/china), the events, the statistics and the articles'
titles, sections, dates, sources and addresses.

A deal is matched to the key's by its company (Korean or Chinese name), then by its place
among the rows left; an event by its name, then its place; a statistic by (metric, dimension,
key). Every non-empty field counts: precision is the share of the values read that equal the
key's, recall the share of the key's values read right. A value read wrong (or a row read
that the key does not have) is "wrong without a warning" when no warning names its row: a
deal's warnings name its company, an event's its name, a statistic's its key or metric.

Prints one line per table and each difference; with --goal exits 1 when a table is below the
goal (precision 99%, recall 95%) or a wrong value has no warning."""
import csv
import os
import sys

GOAL_P, GOAL_R = 99.0, 95.0


def rows(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(l for l in f if not l.startswith("#"))]


def articles(d):
    out = []
    adir = os.path.join(d, "articles")
    for name in sorted(os.listdir(adir)) if os.path.isdir(adir) else []:
        head, refs = {}, []
        with open(os.path.join(adir, name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    break
                k, _, v = line.partition(": ")
                if k == "Ref":
                    refs.append(v.rsplit(" <", 1)[-1].rstrip(">"))
                else:
                    head[k.lower()] = v
        head["urls"] = " ".join(refs)
        out.append(head)
    return out


def norm(field, row):
    v = (row.get(field) or "").strip()
    if field == "description" and row.get("kind") == "ma":
        v = v.split(". ", 1)[0]
    return v


def match(e_rows, g_rows, keys):
    """Pairs (expected, got) by each key function in turn, then by order; None where a row
    has no partner."""
    pairs, e_left, g_left = [], list(e_rows), list(g_rows)
    for key in keys:
        for e in list(e_left):
            k = key(e)
            if not k:
                continue
            for g in g_left:
                if key(g) == k:
                    pairs.append((e, g))
                    e_left.remove(e)
                    g_left.remove(g)
                    break
    while e_left and g_left:
        pairs.append((e_left.pop(0), g_left.pop(0)))
    pairs += [(e, None) for e in e_left] + [(None, g) for g in g_left]
    return pairs


def warned(warnings, names):
    return any(n and any(n in w for w in warnings) for n in names)


def score(name, pairs, fields, warnings, names, out):
    right = got_n = exp_n = silent = 0
    diffs = []
    for e, g in pairs:
        for f in fields:
            ev = norm(f, e) if e else ""
            gv = norm(f, g) if g else ""
            exp_n += bool(ev)
            got_n += bool(gv)
            if ev and ev == gv:
                right += 1
                continue
            if not ev and not gv:
                continue
            told = warned(warnings, names(e) + names(g))
            if gv and not told:
                silent += 1
            diffs.append("%s\t%s\t%s\t%s\t%s" % (
                "wrong" if gv and not told else "warned" if gv else "missing",
                (names(e) or names(g))[0], f, ev, gv))
    p = 100.0 * right / got_n if got_n else 100.0
    r = 100.0 * right / exp_n if exp_n else 100.0
    out.append((name, p, r, silent, exp_n))
    print("%s: rows %d of %d; values %d right of %d read, %d expected: precision %.1f%%, "
          "recall %.1f%%, wrong without a warning %d" % (
              name, sum(1 for e, g in pairs if e and g), sum(1 for e, g in pairs if e), right,
              got_n, exp_n, p, r, silent))
    for d in diffs:
        print("  " + d)


def main():
    key, got, wfile = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(wfile, encoding="utf-8", errors="replace") as f:
        warnings = [l for l in f if "warning" in l]
    out = []
    e_deals, g_deals = rows(os.path.join(key, "deals.csv")), rows(os.path.join(got, "deals.csv"))
    fields = ["company", "company_zh", "round", "amount", "valuation", "acquirer", "place",
              "sector", "description", "investors"]
    tables = sorted({(d["kind"], d["scope"]) for d in e_deals + g_deals})
    for kind, scope in tables:
        e = [d for d in e_deals if (d["kind"], d["scope"]) == (kind, scope)]
        g = [d for d in g_deals if (d["kind"], d["scope"]) == (kind, scope)]
        pairs = match(e, g, [lambda d: d["company"], lambda d: d["company_zh"]])
        score("deals %s/%s" % (kind, scope), pairs, fields, warnings,
              lambda d: [d["company"], d["company_zh"]] if d else [], out)
    e_ev, g_ev = rows(os.path.join(key, "events.csv")), rows(os.path.join(got, "events.csv"))
    score("events", match(e_ev, g_ev, [lambda d: d["명칭"]]), ["명칭", "기간", "장소", "분야"],
          warnings, lambda d: [d["명칭"]] if d else [], out)
    e_st, g_st = rows(os.path.join(key, "stats.csv")), rows(os.path.join(got, "stats.csv"))
    sk = lambda d: "%s/%s/%s" % (d["metric"], d["dimension"], d["key"])  # noqa: E731
    pairs = match(e_st, g_st, [sk])
    pairs = [(e, g) if e and g and sk(e) == sk(g) else p for p in pairs for e, g in [p]]
    # A statistic matched only by order is two: one missing, one read that the key lacks.
    split = []
    for e, g in pairs:
        if e and g and sk(e) != sk(g):
            split += [(e, None), (None, g)]
        else:
            split.append((e, g))
    score("stats", split, ["value", "unit", "share", "rank"], warnings,
          lambda d: [d["key"], d["metric"]] if d else [], out)
    e_ar, g_ar = articles(key), articles(got)
    score("articles", match(e_ar, g_ar, [lambda d: d.get("title")]),
          ["title", "section", "date", "source", "urls"], warnings,
          lambda d: [d.get("title", "")] if d else [], out)
    if "--goal" in sys.argv:
        bad = [n for n, p, r, s, x in out if x and (p < GOAL_P or r < GOAL_R or s)]
        if bad:
            print("below the goal (precision %g%%, recall %g%%, no wrong value without a warning): %s"
                  % (GOAL_P, GOAL_R, ", ".join(bad)))
            sys.exit(1)


main()
