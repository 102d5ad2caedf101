# Bad input: every error names FILE:LINE:COLUMN, exits 1, and leaves the store byte-identical.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
cp -R "$fixtures/bundle" good
sed -i '/수억/d' good/deals.csv # no warnings: only the error under test is printed
run --db t.db import good
sum_before=$(cksum t.db)

# refuse NAME SETUP EXPECTED: copies the bundle, applies SETUP in it, imports it with --replace
# and expects exactly the error EXPECTED, status 1 and an unchanged store.
refuse() {
	rm -rf bad && cp -R good bad
	(cd bad && eval "$2")
	run --db t.db import --replace bad
	expect_status 1 "$1 is refused"
	expect_err "$1: the error names its position" <<X
$3
X
	check '[ "$(cksum t.db)" = "$sum_before" ]' "$1: the store is byte-identical"
}

refuse "a bad event date" \
	'printf "%s\n" "명칭,기간,장소,분야" "포럼,2025.04.02-2025.04.03,상하이,생물의학" "박람회,2025.04.31,베이징,에너지" >events.csv' \
	'jubo: bad/events.csv:3:5: expected a date or a range such as 2025.04.02-2025.04.03'
refuse "a range that ends before it starts" \
	'printf "%s\n" "명칭,기간" "포럼,2025.04.19-2025.04.18" >events.csv' \
	'jubo: bad/events.csv:2:15: expected a date or a range such as 2025.04.02-2025.04.03'
refuse "a missing required column" \
	'printf "%s\n" "라운드,투자 금액" "A 라운드,7 억 위안" >deals.csv' \
	'jubo: bad/deals.csv:1:1: expected a column company_zh (name_zh) in the header'
refuse "an events table without dates" \
	'printf "%s\n" "명칭,장소" "포럼,상하이" >events.csv' \
	'jubo: bad/events.csv:1:1: expected a column start (start_date) in the header'
refuse "an unknown section" \
	'sed -i "s/^Section: industry/Section: gossip/" articles/02-bci.md' \
	"jubo: bad/articles/02-bci.md:2:10: unknown section 'gossip': expected news, industry, investment, policy, region or kic (or 뉴스, 산업분석, 투자분석, 정책소개, 지역소개, KIC 소식)"
refuse "a reference that is not an http(s) URL" \
	'sed -i "s|^Ref: .*|Ref: 참고 <javascript:alert(1)>|" articles/01-drone.md' \
	"jubo: bad/articles/01-drone.md:5:6: expected a reference as 'label <http(s)://...>'"
refuse "a URL with a space in it" \
	'sed -i "s|^Ref: .*|Ref: 참고 <https:// baijiahao.baidu.com/s?id=1>|" articles/01-drone.md' \
	"jubo: bad/articles/01-drone.md:5:6: expected a reference as 'label <http(s)://...>'"
refuse "an unknown article header" \
	'sed -i "s/^Date:/Author:/" articles/01-drone.md' \
	"jubo: bad/articles/01-drone.md:3:1: unknown header 'Author': expected Title, Section, Date, Source or Ref"
refuse "an unclosed quote" \
	'printf "%s\n" "기업 명칭,투자 금액" "노텔집적,\"199.9 억 위안" >deals.csv' \
	"jubo: bad/deals.csv:2:6: a quoted field is never closed: expected a closing '\"'"
refuse "invalid UTF-8 in an article" \
	'printf "Title: x\nSection: news\n\nab\377\n" >articles/03-bad.md' \
	"jubo: bad/articles/03-bad.md:4:3: byte 0xFF is not valid UTF-8 (name the file's encoding with --encoding, e.g. CP949 or GB18030)"
refuse "a bad issue date" \
	'sed -i "s/^date: .*/date: 2025.02.30/" issue.txt' \
	'jubo: bad/issue.txt:5:7: expected a date such as 2025-03-31 or 2025.03.31'
refuse "an issue without a number" \
	'sed -i "/^number:/d" issue.txt' \
	"jubo: bad/issue.txt:4:1: expected a 'number:' line"
refuse "an unknown deal kind" \
	'printf "%s\n" "kind,company" "loan,노텔집적" >deals.csv' \
	"jubo: bad/deals.csv:2:1: unknown kind 'loan': expected investment, unicorn or ma (투자, 유니콘, 인수합병)"
refuse "a statistic that is not a number" \
	'printf "%s\n" "metric,dimension,key,value" "deal_count,region,장쑤성,백십팔" >stats.csv' \
	'jubo: bad/stats.csv:2:23: expected a number such as 118 or 530.86'
refuse "a rate without a source" \
	'printf "%s\n" "currency,period,cny_per_unit,source" "USD,2025-01,7.2," >rates.csv' \
	'jubo: bad/rates.csv:2:1: expected the source of the rate'
# A late error still undoes everything before it in the same import.
refuse "an error in the last file after good ones" \
	'printf "%s\n" "metric,dimension,key,value,share" "deal_count,stage,초기,421,많음" >stats.csv' \
	'jubo: bad/stats.csv:2:25: expected a share such as 74.51 or 74.51%'

run --db t.db import no-such-dir
expect_status 1 "a missing path is an error"
expect_err "naming the path" <<'X'
jubo: no-such-dir: No such file or directory
X
mkdir empty
run --db t.db import empty
expect_status 1 "a directory without issue.txt is not a bundle"
run --db t.db import good/issue.txt good/notes.txt
expect_status 1 "a file of unknown kind is refused before anything is written"
check '[ "$(cksum t.db)" = "$sum_before" ]' "the store is still byte-identical"

# A file that is not a SQLite store is refused, not overwritten.
printf 'not a database at all, but long enough to have a header of sorts....\n' >junk.db
cp junk.db junk.before
run --db junk.db import good
expect_status 1 "a file that is not a store is refused"
check 'printf "%s" "$err" | grep -q "is not a jubo store"' "with a clear message"
check 'cmp -s junk.db junk.before' "and left as it was"

# A store held by another writer: jubo waits, then says so instead of corrupting it.
if command -v sqlite3 >/dev/null; then
	(printf 'BEGIN EXCLUSIVE;\nSELECT 1;\n'; sleep 7) | sqlite3 t.db >/dev/null &
	holder=$!
	sleep 1
	run --db t.db import --replace good
	expect_status 1 "a locked store is an error after waiting"
	check 'printf "%s" "$err" | grep -q "locked"' "the message says the store is locked"
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
fi
# A NUL byte in a table or an article is an error at its place, not the end of the text.
cp t.db nul.before
printf 'kind,company,round,amount,place\n투자,가나다,A\000 라운드,1 억 위안,장쑤\n' >nul.csv
run --db t.db import --issue 900 nul.csv
expect_status 1 "a NUL in a CSV field is an error"
expect_err "at its line and column" <<'X'
jubo: nul.csv:2:9: a NUL character (byte 0) in the text; it would cut what follows
X
printf 'Title: 제목\nSection: news\n\n본문 앞\000 뒤 문장\n' >nul.md
run --db t.db import --issue 900 nul.md
expect_status 1 "a NUL in an article is an error"
check 'printf "%s" "$err" | grep -q "^jubo: nul.md:4:5: a NUL character"' "at its place"
check 'cmp -s t.db nul.before' "and the store is as it was"
# Names and values from the command line are shown in messages, never obeyed: an OSC 0 in a
# file name does not set the terminal's title, an ESC in a sort key does not clear it.
evil=$(printf 'x\033]0;pwned\007.txt')
run --db t.db import "$evil"
check '! printf "%s" "$err" | grep -q "$(printf "\033")" && ! printf "%s" "$err" | grep -q "$(printf "\007")"' \
	"a file name's escape sequence is not written to the terminal"
check 'printf "%s" "$err" | grep -qF "x\x1B]0;pwned\x07.txt"' "but shown, as \\x1B and \\x07"
run --db t.db list deals --sort "$(printf 'a\033[2J')"
check '[ "$status" -eq 2 ] && ! printf "%s" "$err" | grep -q "$(printf "\033")" && printf "%s" "$err" | grep -qF "a\x1B[2J"' \
	"--sort: the same"
run --db t.db list deals --columns "$(printf 'company,\302\233x')"
check '[ "$status" -eq 2 ] && printf "%s" "$err" | grep -qF "\u009Bx"' "--columns: a C1 control (CSI) too"
# A HOME that is not there is not made, and no store goes to the current directory.
mkdir -p cwd && (cd cwd && env -u XDG_DATA_HOME -u JUBO_DB HOME="$tmp/nothere" "$JUBO" import ../good >"$tmp/stdout" 2>"$tmp/stderr"; echo $? >"$tmp/status")
check '[ "$(cat "$tmp/status")" -eq 1 ] && grep -q "the home directory .*nothere is not there" "$tmp/stderr"' \
	"HOME not there: an error that says so"
check '[ ! -e "$tmp/nothere" ] && [ -z "$(ls -A cwd)" ]' "HOME is not made, nothing is written in the current directory"
# Special files: a link to /dev/zero in a bundle is not read without end, a FIFO with no
# writer does not hold the store's lock for ever; each is an error that names it.
rm -rf zero && cp -R good zero && rm zero/deals.csv && ln -s /dev/zero zero/deals.csv
cp t.db special.before
timeout 20 "$JUBO" --db t.db import --replace zero >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
check '[ "$status" -eq 1 ] && grep -q "zero/deals.csv: not a regular file" "$tmp/stderr"' \
	"a bundle's deals.csv linked to /dev/zero: an error at once (status $status)"
mkfifo fifo.csv
timeout 20 "$JUBO" --db t.db import --issue 900 fifo.csv >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
check '[ "$status" -eq 1 ] && grep -q "fifo.csv: not a regular file" "$tmp/stderr"' \
	"a FIFO with no writer: an error at once, not a wait (status $status)"
check 'cmp -s t.db special.before' "and the store is as it was"
# Stores that are not what they should be: each message says what is wrong with it.
: >empty.db
run --db empty.db list deals
check '[ "$status" -eq 1 ] && printf "%s" "$err" | grep -q "empty.db is an empty file"' "an empty file is called empty, not version 0"
cp t.db negative.db
sqlite3 negative.db "PRAGMA user_version = -1"
run --db negative.db list deals
check '[ "$status" -eq 1 ] && printf "%s" "$err" | grep -q "not a jubo store: its schema version is -1"' \
	"a negative version is named, not \"not an error\""
cp t.db newer.db
sqlite3 newer.db "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99" >/dev/null
cp newer.db newer.before
run --db newer.db import --replace good
check '[ "$status" -eq 1 ] && printf "%s" "$err" | grep -q "newer than this jubo understands"' "a newer store is refused"
check 'cmp -s newer.db newer.before && [ "$(sqlite3 newer.db "PRAGMA journal_mode")" = delete ]' \
	"and left byte for byte as it was (its journal mode too)"
finish
