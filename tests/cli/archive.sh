# An archive of many issues: bundles imported together each keep their rows, a deal printed
# in two tables is one deal, regions week against week, totals over distinct deals, CSV for
# spreadsheets. The second issue is made here (make_second_issue), never shipped.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
sample="$top_srcdir/data/418"
make_second_issue b419

# Two bundles in one import: each issue gets its own rows, whatever the order named.
run --db two.db import "$sample" b419
expect_status 0 "two bundles import together"
expect_out "the summary counts the rows printed twice apart" <<'X'
imported: issues 2, articles 11, deals 29 (investors 111), events 14, statistics 91, places 6, rates 4; warnings 0
4 rows were deals printed in another table too: stored once, with both tables as tags
X
expect_err "허페이·안후이 is two places, not an unknown one cut inside 허페이" </dev/null
run --db two.db list issues
check 'printf "%s\n" "$out" | grep -q "^418	2025-03-31	주간 중국창업	KIC China	10	27	14	85$"' \
	"No. 418 keeps its 10 articles, 27 deals, 14 events and 85 statistics"
check 'printf "%s\n" "$out" | grep -q "^419	2025-04-07	주간 중국창업	KIC China	1	2	0	6$"' \
	"No. 419 has its own article, 2 deals and 6 statistics"
run --db rev.db import b419 "$sample"
run --db rev.db list issues
check 'printf "%s\n" "$out" | cut -f1,5-8 | tr "\n" " " | grep -q "^number	articles	deals	events	stats 418	10	27	14	85 419	1	2	0	6 $"' \
	"named the other way round, the same"

run --db two.db list deals --filter issue:419 --format tsv --columns issue,company,kind,tables,amount,valuation,region,city
expect_out "the second issue's deals: one printed in two tables is one, with the valuation" <<'X'
issue	company	kind	tables	amount	valuation	region	city
419	시험전자	investment	big	12 억 위안		장쑤성	
419	가상바이오	unicorn	big+unicorn	30 억 위안	120 억 위안	안후이성	허페이
X

# Week against week: each reported count beside the issue before's, and the change.
run --db two.db list regions --filter "issue:419 level:region" --format tsv
expect_out "장쑤성 130 +12 (No. 418: 118); a place No. 418 does not rank has no change" <<'X'
issue	period	level	name	name_zh	reported	previous	change	computed
419	2025-02	region	장쑤성	江苏	130	118	+12	1
419	2025-02	region	광둥성	广东	90	94	-4	0
419	2025-02	region	베이징	北京	75	70	+5	0
419	2025-02	region	상하이	上海	65	65	+0	0
419	2025-02	region	안후이성	安徽	40			1
X
run --db two.db list regions --sort -change --filter "issue:419" --columns name,change --format tsv
check '[ "$(printf "%s\n" "$out" | sed -n 2p)" = "장쑤성	+12" ]' "sorted by the change, the largest rise first"

# The place is split on the whole middle dot: 허 (U+D5C8) shares the byte 0x88 with ∙.
printf '%s\n' 'kind,company,round,amount,place' '투자,점검하나,A 라운드,1 억 위안,허페이∙안후이' \
	'투자,점검둘,A 라운드,2 억 위안,시안 · 섬서' >dots.csv
run --db two.db import --issue 419 dots.csv
expect_err "places written with ∙ and · resolve without a warning" </dev/null
run --db two.db list deals --filter "issue:419 company:점검" --format tsv --columns company,region,city
expect_out "허페이 and 시안 found whole" <<'X'
company	region	city
점검하나	안후이성	허페이
점검둘	산시성(陕西)	시안
X

# Counts over distinct deals, agreeing with the rows the filter of Enter opens.
run --db "$JUBO_SAMPLE_DB" list regions --filter "issue:418" --format tsv --columns level,name,computed
printf '%s\n' "$out" | tail -n +2 >computed.tsv
check 'grep -q "^city	베이징	1$" computed.tsv && grep -q "^city	상하이	3$" computed.tsv' \
	"the municipalities 베이징 and 상하이 count their deals as cities too (1 and 3)"
agree=0 rows=0
while IFS='	' read -r level name n; do
	[ "$n" -gt 0 ] || continue
	rows=$((rows + 1))
	field=$([ "$level" = city ] && echo city || echo region)
	got=$("$JUBO" --db "$JUBO_SAMPLE_DB" list deals --format tsv --columns id \
		--filter "$field:$name issue:418 kind:investment date:2025-01" | tail -n +2 | wc -l)
	[ "$got" -eq "$n" ] && agree=$((agree + 1)) || echo "# $level $name: computed $n, rows $got"
done <computed.tsv
check '[ "$rows" -ge 8 ] && [ "$agree" -eq "$rows" ]' \
	"every computed count ($rows) equals the rows its filter finds"

# CSV for spreadsheets: --bom writes a UTF-8 byte order mark, and Python reads it as one.
run --db "$JUBO_SAMPLE_DB" list deals --format csv --bom --columns company,amount
printf '%s\n' "$out" >bom.csv
check '[ "$(head -c 3 bom.csv | od -An -tx1 | tr -d " ")" = "efbbbf" ]' "--bom: the file begins with EF BB BF"
check 'python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8-sig\")))
sys.exit(0 if rows[0] == [\"company\", \"amount\"] and rows[1][0] == \"노텔집적\" and len(rows) == 28 else 1)
" bom.csv' "and Python's utf-8-sig reads the header and 27 deals"
run --db "$JUBO_SAMPLE_DB" list deals --format csv --columns company
check '[ "$(printf "%s" "$out" | head -c 7)" = "company" ]' "without --bom there is none"

# Re-importing an older bundle keeps working, and leaves the other issue alone.
run --db two.db import --replace "$sample"
expect_status 0 "No. 418 imports again with --replace"
run --db two.db list issues
check 'printf "%s\n" "$out" | cut -f1,6 | tr "\n" " " | grep -q "^number	deals 418	27 419	4 $"' \
	"27 deals in No. 418 again, 4 in No. 419"
check '[ "$(sqlite3 two.db "PRAGMA integrity_check; INSERT INTO deal_text(deal_text) VALUES (\"integrity-check\"); SELECT count(*) FROM deal_text")" = "ok
31" ]' "SQLite's and FTS5's integrity checks pass, one text row per deal"
finish
