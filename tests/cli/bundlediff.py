#!/usr/bin/python3
"""bundlediff.py EXPECTED GOT [--ignore FILE]: compares two issue bundles field by field.

Deals are matched by (kind, scope, company), statistics by (metric, dimension, key), events
and articles by their order. Every non-empty field counts: precision is the share of the
values GOT holds that equal EXPECTED's, recall the share of EXPECTED's values that GOT holds
equal. An M&A deal's description is compared up to its first ". " (the overview after it is
prose). --ignore names a file of "table<TAB>row key<TAB>field<TAB>expected<TAB>got" lines:
known differences, counted apart and each checked to be still what it says.
Prints one line per table and each difference; exits 0."""
import csv, os, sys


def rows(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(l for l in f if not l.startswith("#"))]


def articles(d):
    out = []
    adir = os.path.join(d, "articles")
    for name in sorted(os.listdir(adir)) if os.path.isdir(adir) else []:
        head = {}
        refs = []
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


def keyed(table, rs):
    out = {}
    for i, r in enumerate(rs):
        if table == "deals":
            k = "%s/%s/%s" % (r["kind"], r["scope"], r["company"])
        elif table == "stats":
            k = "%s/%s/%s" % (r["metric"], r["dimension"], r["key"])
        else:
            k = "%d" % (i + 1)
        out[k] = r
    return out


def norm(table, field, row):
    v = (row.get(field) or "").strip()
    if table == "deals" and field == "description" and row.get("kind") == "ma":
        v = v.split(". ", 1)[0]
    return v


def main():
    exp, got = sys.argv[1], sys.argv[2]
    ignore = set()
    if "--ignore" in sys.argv:
        with open(sys.argv[sys.argv.index("--ignore") + 1], encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    ignore.add(tuple(line.rstrip("\n").split("\t")))
    tables = {
        "deals": (rows(os.path.join(exp, "deals.csv")), rows(os.path.join(got, "deals.csv"))),
        "events": (rows(os.path.join(exp, "events.csv")), rows(os.path.join(got, "events.csv"))),
        "stats": (rows(os.path.join(exp, "stats.csv")), rows(os.path.join(got, "stats.csv"))),
        "articles": (articles(exp), articles(got)),
    }
    seen_ignored = set()
    for table, (e_rows, g_rows) in tables.items():
        e, g = keyed(table, e_rows), keyed(table, g_rows)
        fields = sorted({f for r in e_rows + g_rows for f in r if f is not None})
        if table == "articles":
            fields = [f for f in fields if f in ("title", "section", "date", "source", "urls")]
        right = got_n = exp_n = known = 0
        diffs = []
        for k in sorted(set(e) | set(g)):
            for f in fields:
                ev = norm(table, f, e[k]) if k in e else ""
                gv = norm(table, f, g[k]) if k in g else ""
                if (table, k, f, ev, gv) in ignore:
                    seen_ignored.add((table, k, f, ev, gv))
                    known += 1
                    continue
                exp_n += bool(ev)
                got_n += bool(gv)
                if ev and ev == gv:
                    right += 1
                elif ev or gv:
                    diffs.append("%s\t%s\t%s\t%s\t%s" % (table, k, f, ev, gv))
        p = 100.0 * right / got_n if got_n else 100.0
        r = 100.0 * right / exp_n if exp_n else 100.0
        print("%s: rows %d of %d, values %d right of %d read, %d expected: precision %.1f%%, "
              "recall %.1f%%; known differences %d" % (table, len(set(e) & set(g)), len(e),
                                                       right, got_n, exp_n, p, r, known))
        for d in diffs:
            print("  diff\t" + d)
    for i in sorted(ignore - seen_ignored):
        print("  stale\t" + "\t".join(i))


main()
