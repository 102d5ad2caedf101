# The Deals and News panes on a generated store of 3,000 deals, walked the way keyset paging
# reads them: G, page up and down, search forward and backward, sorted both ways. Every screen
# of rows is compared with what `jubo list` prints for the same order (rows.py).
. "$top_srcdir/tests/screen/lib.sh"
command -v python3 >/dev/null || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
sh "$top_srcdir/bench/gen.sh" "$tmp/b" 3000 60
"$JUBO" --db "$tmp/k.db" import "$tmp/b" >/dev/null
list() { "$JUBO" --db "$tmp/k.db" list deals --columns company --format tsv "$@" | tail -n +2; }
list >"$tmp/natural"
"$JUBO" --db "$tmp/k.db" list deals --format tsv \
	--columns company,company_zh,amount,kind,round,region,sector,investors | tail -n +2 >"$tmp/shown"
list --sort -amount >"$tmp/amount_desc"
list --sort amount >"$tmp/amount_asc"
# rows_are DESC FILE FROM: the 26 rows on screen are FILE's rows from line FROM.
rows_are() {
	screen >"$tmp/cap"
	sed -n "$3,$(($3 + 25))p" "$2" >"$tmp/want"
	python3 "$top_srcdir/tests/screen/rows.py" "$tmp/cap" "$tmp/want" >"$tmp/why"
	pass_or_fail $? "$1"
	sed 's/^/# /' "$tmp/why"
}
status_is() {
	want_status=$1
	check 'screen | sed -n 29p | grep -q -- "$want_status"' "the status line says '$1'"
}

start 100 30 -- --db "$tmp/k.db"
keys 2
rows_are "the first screen of deals, in the issue's order" "$tmp/natural" 1
keys C-c
check 'screen | grep -q "Ctrl-C stops a long search or count; q quits"' \
	"Ctrl-C with nothing to stop says how to quit, and jubo stays"
status_is "Deals  1 of 3000"
keys G
rows_are "G: the last 26 deals" "$tmp/natural" 2975
# The total in the status line, against SQLite's own sum formatted by Python.
want_sum=$(sqlite3 "$tmp/k.db" "SELECT sum(amount_cny) / 1e8 FROM deal" |
	python3 -c "import sys; print(f'{float(sys.stdin.read()):,.2f}'.rstrip('0').rstrip('.'))")
status_is "Deals  3000 of 3000 deals · $want_sum 억 위안 ("
keys b
rows_are "b from the end: the page before" "$tmp/natural" 2949
keys Space Space
rows_are "Space twice: back at the end" "$tmp/natural" 2975
keys g
rows_are "g: the top again" "$tmp/natural" 1
keys l l S
rows_are "S on amount: largest first, undisclosed amounts last" "$tmp/amount_desc" 1
keys G
rows_are "G on the amount sort: the smallest and the undisclosed" "$tmp/amount_desc" 2975
status_is "Deals  3000 of 3000 deals · $want_sum 억 위안 (.*)  sort: amount desc$"
keys s
rows_are "s: ascending" "$tmp/amount_asc" 1
keys G
rows_are "G ascending: the largest, then the undisclosed" "$tmp/amount_asc" 2975
keys u g
# A company name from the middle of the list: / finds the first row that shows it anywhere.
target=$(sed -n 1500p "$tmp/natural")
first=$(grep -n -i -F -- "$target" "$tmp/shown" | head -1 | cut -d: -f1)
keys /
type_text "$target"
keys Enter
check 'screen | grep -q "Deals  $first of 3000"' "/ finds '$target' at row $first of the natural order"
keys N
last=$(grep -n -i -F -- "$target" "$tmp/shown" | tail -1 | cut -d: -f1)
check 'screen | grep -q "Deals  $last of 3000"' "N wraps back to its last row, $last"
keys /
type_text "없는 회사 이름"
keys Enter
check 'screen | grep -q "not found: 없는 회사 이름"' "a search that finds nothing says so"
check 'screen | grep -q "Deals  $last of 3000"' "and leaves the cursor where it was"
keys 1 G
status_is "News  60 of 60"

# B on the region column: counted by province after the screen is up, the same counts as a
# GROUP BY of SQLite's own over the place each deal names.
keys 2 g h h h h h h h h l l l l l B
sqlite3 "$tmp/k.db" "SELECT coalesce(p.name_ko, d.place), count(*) FROM deal d
	LEFT JOIN place p ON p.id = d.province_id GROUP BY 1 ORDER BY 2 DESC, 1" |
	tr '|' ' ' >"$tmp/want_bd"
screen | sed -n '3,28p' | awk 'NF >= 2 { print $1, $2 }' >"$tmp/got_bd"
check 'diff -u "$tmp/want_bd" "$tmp/got_bd" >"$tmp/bd.diff"' "B by region: every place with its count, largest first"
sed 's/^/# /' "$tmp/bd.diff"
keys q
keys q

# Drawing reads nothing: with every statement logged, a redraw (Ctrl-L) of each pane and a
# move within the rows already read run none.
start 100 30 JUBO_TRACE_SQL="$tmp/trace" -- --db "$tmp/k.db"
for pane in 1 2 3 4; do
	keys "$pane"
	before=$(wc -l <"$tmp/trace")
	keys C-l
	check '[ "$(wc -l <"$tmp/trace")" -eq "$before" ]' "pane $pane: a redraw runs no statement"
done
keys 2 j j k
before=$(wc -l <"$tmp/trace")
keys j j k
check '[ "$(wc -l <"$tmp/trace")" -eq "$before" ]' "moving within the rows read runs no statement"
keys G
check '[ "$(tail -n +$((before + 1)) "$tmp/trace" | grep -c "OFFSET")" -eq 0 ]' "and G reads no OFFSET"
keys q

# A breakdown of one province's deals (region:장쑤 alone) reads the counts the store keeps:
# by kind, round, region and sector its statement takes fewer of SQLite's steps than two for
# each deal of the province (a value read takes some 30; grouping the deals took about 20 a
# deal, 8,353-10,409 for these 426), and lists what SQLite's own GROUP BY of those deals gives.
in_js=$("$JUBO" --db "$tmp/k.db" list deals --filter region:장쑤 --columns id --format tsv | tail -n +2 | wc -l)
start 100 30 JUBO_TRACE_SQL="$tmp/btrace" -- --db "$tmp/k.db"
keys 2 f
type_text "region:장쑤"
keys Enter l l l
for col in kind round region sector; do
	before=$(wc -l <"$tmp/btrace")
	keys B
	settle
	steps=$(tail -n +$((before + 1)) "$tmp/btrace" | grep -E "GROUP BY|deal_tally" | tail -1 |
		awk '{ print $3 }')
	check '[ -n "$steps" ] && [ "$steps" -lt $((2 * in_js)) ]' \
		"B by $col under region:장쑤: ${steps:-no} steps for its $in_js deals"
	screen | sed -n '3,28p' | awk 'NF >= 2 { print $(NF - 1) }' >"$tmp/got_counts"
	expr=$(case $col in kind) echo "CASE WHEN tags & 2 THEN 'unicorn' ELSE kind END" ;;
		region) echo "province_id" ;; *) echo "$col" ;; esac)
	sqlite3 "$tmp/k.db" "SELECT count(*) FROM deal WHERE province_id = (SELECT id FROM place
		WHERE name_ko = '장쑤성') GROUP BY $expr ORDER BY 1 DESC" >"$tmp/want_counts"
	check 'diff -u "$tmp/want_counts" "$tmp/got_counts" >"$tmp/counts.diff"' \
		"and the counts of its values are SQLite's own, largest first"
	sed 's/^/# /' "$tmp/counts.diff"
	keys q l
done
keys q

# An archive of 24 issues, one of them in view, sorted by amount: G reaches the deals without
# an amount through that issue's rows, not through the amount index, which holds those of
# every issue (SQLite, knowing nothing of how many, would walk them all). With every issue
# in view the index serves them.
sh "$top_srcdir/bench/gen.sh" "$tmp/one" 150 0 >/dev/null
for n in $(seq 1 24); do
	cp -r "$tmp/one" "$tmp/m$n"
	sed -i "s/^number: .*/number: $((500 + n))/" "$tmp/m$n/issue.txt"
done
"$JUBO" --db "$tmp/m.db" import "$tmp"/m* >/dev/null
# plan_of SQL: SQLite's plan of a statement jubo ran, with the reader's state (whose marks
# every listing shows) attached as jubo attaches it.
plan_of() {
	sqlite3 "$tmp/m.db" "ATTACH '$HOME/.local/state/jubo/state.db' AS state; EXPLAIN QUERY PLAN $1" | tail -n +2
}
# empty_part_plans TRACE-FROM: the query plans of the reads of rows without an amount since.
empty_part_plans() {
	tail -n +"$1" "$tmp/mtrace" | sed -n 's/^ *[0-9.]* ms *[0-9]* steps  //p' | grep -E "amount_cny\)? IS NULL AND" |
		while IFS= read -r sql; do plan_of "$sql"; done
}
# The issue in view's deals, as jubo list orders them: what every screen is compared with.
listm() { "$JUBO" --db "$tmp/m.db" list deals --columns company --format tsv --filter issue:524 "$@" | tail -n +2; }
listm --sort -amount >"$tmp/m_amount_desc"
listm --sort region >"$tmp/m_region"
listm --sort -region >"$tmp/m_region_desc"
start 120 30 JUBO_TRACE_SQL="$tmp/mtrace" -- --db "$tmp/m.db"
keys i j Enter 2 l l S
rows_are "one issue in view, sorted by amount: its largest first" "$tmp/m_amount_desc" 1
before=$(($(wc -l <"$tmp/mtrace") + 1))
keys G
check 'screen | grep -q "^ Deals  150 of 150 deals.*sort: amount desc"' "one issue in view, sorted by amount: G reaches its last deal"
rows_are "and shows its last 26, the undisclosed last" "$tmp/m_amount_desc" 125
empty_part_plans "$before" >"$tmp/plans"
check '[ -s "$tmp/plans" ] && ! grep -q "deal_amount" "$tmp/plans" && grep -q "sqlite_autoindex_deal_1 (issue_id=?)" "$tmp/plans"' \
	"the deals without an amount are read through the issue's rows, not the amount index"
sed 's/^/# /' "$tmp/plans"
# By region, both ways: read through the issue's rows, not by walking every province's deals.
before=$(($(wc -l <"$tmp/mtrace") + 1))
keys u g l l l s
rows_are "one issue by region: the first screen" "$tmp/m_region" 1
keys G
rows_are "G: its last deals, those without a region last" "$tmp/m_region" 125
keys S
rows_are "S: by region descending" "$tmp/m_region_desc" 1
keys G
rows_are "and G on it" "$tmp/m_region_desc" 125
check '! tail -n +"$before" "$tmp/mtrace" | grep -q "FROM place pr CROSS JOIN deal"' \
	"no read walks the provinces' deals by name"
# A filter by region in the issue: its rows found through (province, issue), sorted by
# amount, not by walking the province's deals of every issue in amount order.
"$JUBO" --db "$tmp/m.db" list deals --columns company --format tsv --sort -amount \
	--filter "issue:524 region:장쑤" | tail -n +2 >"$tmp/m_js_amount"
before=$(($(wc -l <"$tmp/mtrace") + 1))
keys f
type_text "region:장쑤"
keys Enter u g h h h S
rows_are "region:장쑤 in the issue by amount: the first screen" "$tmp/m_js_amount" 1
keys G
tail -n +"$before" "$tmp/mtrace" | sed -n 's/^ *[0-9.]* ms *[0-9]* steps  //p' | grep "^SELECT" |
	while IFS= read -r sql; do plan_of "$sql"; done >"$tmp/plans"
check 'grep -q "deal_province_issue (province_id=? AND issue_id=?)" "$tmp/plans" && ! grep -Eq "deal_province_place|deal_province \(|deal_amount" "$tmp/plans"' \
	"every read goes through (province, issue), none walks the province's or the amount's index"
keys F i k Enter 2 u g S
before=$(($(wc -l <"$tmp/mtrace") + 1))
keys G
check 'screen | grep -q "^ Deals  3600 of 3600 deals.*sort: amount desc"' "every issue in view: G reaches the last of 3,600"
empty_part_plans "$before" >"$tmp/plans"
check 'grep -q "deal_amount (amount_cny=?)" "$tmp/plans"' \
	"and the deals without an amount are read through the amount index"
sed 's/^/# /' "$tmp/plans"
stop
finish
