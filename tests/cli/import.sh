# Importing a bundle: what is stored, warnings with positions, --replace, --dry-run, single files.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
cp -R "$fixtures/bundle" bundle

run --db t.db import bundle
expect_status 0 "the bundle imports"
expect_out "the summary counts every kind" <<'X'
imported: issues 1, articles 2, deals 4 (investors 6), events 3, statistics 3, places 0, rates 2; warnings 1
X
expect_err "an unreadable amount is a warning with its position" <<'X'
jubo: bundle/deals.csv:6:17: warning: cannot read the amount '수억 위안' (expected a number); it is kept as written and sorts last
X

run --db t.db list deals --format tsv --columns "$deal_columns"
expect_out "deals are stored with amounts as written and converted" <<'X'
issue	kind	scope	company	company_zh	round	amount	amount_cny	valuation	acquirer	place	sector	investors
900	investment	china	노텔집적	北电集成	A 라운드	199.9 억 위안	19990000000			베이징	스마트 제조	이좡국가투자기금, 베이징국유자산관리
900	investment	china	잉시스마트	英矽智能	E 라운드	1 억 달러 이상	720000000			홍콩	의료 건강	푸동 벤처 캐피탈, 혜이리기금, 워버그 핀커스
900	investment	overseas	Infinite Reality		B 라운드	30 억 달러	21600000000			미국	문화 및 오락	미공개
900	investment	china	광양홀딩스	光洋控股	지분양도	수억 위안				장쑤	자동차 교통	황산자요터우
X

run --db t.db list events --format tsv
expect_out "events are stored with ISO dates, in date order" <<'X'
start	end	name	city	field
2025-04-11	2025-04-11	COOC 2025 제 2 회 인공지능 안과 응용 및 발전 국제회의	상하이	생물의학
2025-04-18	2025-04-19	2025 중국 스마트 교통 학술 포럼	선전	교통
2025-04-25	2025-04-27	2025 국제주석산업포럼	쿤밍	자재
X

run --db t.db list --format csv --columns issue,section,date,title,sources articles
tr -d '\r' <"$tmp/stdout" >"$tmp/stdout.lf" && mv "$tmp/stdout.lf" "$tmp/stdout"
expect_out "articles list as CSV with CRLF and quoting" <<'X'
issue,section,date,title,sources
900,news,2025-03-28,"中, 자율주행 무인 드론 첫 인증",중화인민공화국중앙인민정부(中华人民共和国中央人民政府)
900,industry,,2025 년 뇌-컴퓨터 인터페이스 산업 발전 현황,
X
check '[ "$("$JUBO" --db t.db list --format csv --columns issue,section,date,title,sources articles | grep -c "$(printf "\r")$")" -eq 3 ]' "CSV lines end in CRLF"

# The same issue again is refused and changes nothing.
cp t.db before.db
run --db t.db import bundle
expect_status 1 "importing an issue twice is refused"
expect_err "with the position of its number" <<'X'
jubo: bundle/issue.txt:2:9: issue 900 is already in the store (use --replace to import it again)
X
check 'cmp -s t.db before.db' "the store is byte-identical after the refusal"

# --replace re-imports in place: the same counts, not doubled.
run --db t.db import --replace bundle
expect_status 0 "--replace re-imports the issue"
run --db t.db list deals --format tsv --columns "$deal_columns"
check '[ "$(printf "%s\n" "$out" | wc -l)" -eq 5 ]' "deals are replaced, not doubled"

# --dry-run checks and counts but writes nothing.
cp t.db before.db
run --db t.db import --dry-run --replace bundle
expect_status 0 "--dry-run succeeds"
check 'printf "%s" "$out" | grep -q "^checked (nothing written): issues 1, articles 2, deals 4"' "--dry-run reports what it would import"
check 'cmp -s t.db before.db' "--dry-run leaves the store byte-identical"

# Single files join an issue named with --issue; with --replace they replace that part only.
cat >more.csv <<'Y'
company,round,amount,place,sector,investors
진톈타이진,B 라운드,7 억 위안,후난,소재,"궈카이금융; 후난 투자 진티엔 테크놀로지 그룹; 선전금융정보"
Y
run --db t.db import more.csv
expect_status 1 "a single file needs an issue"
expect_err "and says how to name one" <<'X'
jubo: more.csv: no issue to add this file to: import it with its issue.txt, or name the issue with --issue N
X
run --db t.db import --issue 901 more.csv
expect_status 1 "an issue that is not in the store is refused"
run --db t.db import --issue 900 more.csv
expect_status 0 "a single deals file joins issue 900"
run --db t.db list deals --format tsv --columns "$deal_columns"
check '[ "$(printf "%s\n" "$out" | wc -l)" -eq 6 ]' "the deal is added to the four"
check 'printf "%s" "$out" | grep -q "진톈타이진.*7 억 위안	700000000"' "with its amount converted"
run --db t.db import --issue 900 --replace more.csv
run --db t.db list deals --format tsv --columns "$deal_columns"
check '[ "$(printf "%s\n" "$out" | wc -l)" -eq 2 ]' "--replace with a single file replaces that part of the issue"
run --db t.db list events --format tsv
check '[ "$(printf "%s\n" "$out" | wc -l)" -eq 4 ]' "and leaves the other parts alone"

# Investors are stored one by one, so that they can be filtered one by one.
check '[ "$(sqlite3 t.db "SELECT count(*) FROM deal_investor WHERE name = '"'"'후난 투자 진티엔 테크놀로지 그룹'"'"'")" = 1 ]' "investors split on semicolons"
check '[ "$(sqlite3 t.db "PRAGMA foreign_key_check" | wc -l)" -eq 0 ]' "no dangling references"
# A table is told by its header, by the most column names it holds: the sample's events
# under another name are events (명칭 is also a word of the deals' 기업 명칭).
run --db guess.db import "$top_srcdir/data/418"
cp "$top_srcdir/data/418/events.csv" 행사목록.csv
run --db guess.db import --issue 418 행사목록.csv
expect_out "events in a file of another name are events" <<'X'
imported: issues 0, articles 0, deals 0 (investors 0), events 14, statistics 0, places 0, rates 0; warnings 0
X
# A row shorter than its header is a warning at its line.
printf 'kind,company,round,amount\n투자,짧은행,A 라운드\n' >short.csv
run --db guess.db import --issue 418 short.csv
expect_err "a short row is named" <<'X'
jubo: short.csv:2:1: warning: this row has 3 of the header's 4 fields; the rest are taken as empty
X
# An issue's import does the same work in an archive four times the size: every statement
# it runs takes as many steps of SQLite's machine (JUBO_TRACE_SQL counts them; unlike a
# time, a count that does not vary). A statement that walked the archive (the articles'
# text put in through "id IN (SELECT id FROM article)" read every article) grows with it.
# steps TRACE: each statement's steps and the start of its text, a line each.
steps() { sed -n 's/^ *[0-9.]* ms *\([0-9]*\) steps  \(.\{0,60\}\).*/\1	\2/p' "$1"; }
sh "$top_srcdir/bench/gen.sh" small 400 400 >/dev/null
sh "$top_srcdir/bench/gen.sh" large 1600 1600 >/dev/null
for size in small large; do
	"$JUBO" --db "$size.db" import "$size" >/dev/null 2>&1
	JUBO_TRACE_SQL="$size.trace" "$JUBO" --db "$size.db" import "$fixtures/issuetext/419" >/dev/null 2>&1
	steps "$size.trace" >"$size.steps"
done
paste small.steps large.steps | awk -F'\t' '$3 > $1 * 1.25 + 50 { print $1 " -> " $3 " steps: " $2 }' >grew
check '[ -s small.steps ] && [ "$(wc -l <small.steps)" -eq "$(wc -l <large.steps)" ] && [ ! -s grew ]' \
	"an issue into 1,600 deals and articles: no statement works harder than into 400 ($(wc -l <small.steps) statements)"
sed 's/^/# /' grew
finish
