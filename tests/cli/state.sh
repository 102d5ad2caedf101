# The reader's state from the command line: follows and the watch list, marks read back from
# a file, kept through `import --replace` (the same rows, and the rows in another order), one
# read-only archive read by two readers each with a state of their own, bad input.
. "$top_srcdir/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
db="$tmp/archive.db"
run --db "$db" import "$top_srcdir/data/418"
expect_status 0 "No. 418 imported"

# A company followed by its Chinese name finds its deals under either name.
run --db "$db" follow company 北电集成
expect_out "follow says so" <<'X'
following company 北电集成
X
run --db "$db" follow place Jiangsu
run --db "$db" list watch
expect_out "the watch list: each entity by every name, its deals, amount and articles per issue" <<'X'
kind	name	names	issue	date	deals	amount_cny	articles	new
company	北电集成	北电集成 · 노텔집적	418	2025-03-31	1	19990000000	0	N
place	Jiangsu	Jiangsu · 장쑤성 · 江苏 · 장쑤 · 강소 · 강소성 · 江苏省	418	2025-03-31	2	2157000000	2	N
X
# The deals of 장쑤 counted by sqlite3 itself, through the gazetteer's province.
n=$(sqlite3 "$db" "SELECT count(*) FROM deal d JOIN place p ON p.id = d.province_id WHERE p.name_zh = '江苏'")
check '[ "$n" = 2 ]' "sqlite3 counts the same 2 deals in 장쑤 ($n)"
run --db "$db" list deals --filter 'is:followed' --columns company,company_zh,region
expect_out "is:followed: the deals of both" <<'X'
company     company_zh  region
------------------------------
노텔집적    北电集成    베이징
광양홀딩스  光洋控股    장쑤성
나리신소재  纳力新材料  장쑤성
X

# Marks written as the export writes them: the key from sqlite3, not from jubo.
key=$(sqlite3 "$db" "SELECT d.seq || ',' || d.kind || '|' || d.name_ko || '|' || coalesce(d.name_zh, '') || '|' || coalesce(d.round, '') FROM deal d WHERE d.name_zh = '纳力新材料'")
title=$(sqlite3 "$db" "SELECT seq || ',' || title FROM article WHERE section = 'policy'")
cat >"$tmp/marks.csv" <<X
record,target,issue,seq,key,read,starred,note
mark,deal,418,${key%%,*},"${key#*,}",,1,"분리막 소재, 후속 확인"
mark,article,418,${title%%,*},"${title#*,}",1,1,
issue_read,event,418,,,,,
X
run --db "$db" state import "$tmp/marks.csv"
expect_out "state import reads the records" <<'X'
read 3 records of the reader's state
X
run --db "$db" list starred
expect_out "list starred: the starred and noted rows" <<'X'
target	issue	row	marks	note
deal	418	나리신소재 A 라운드	*+	분리막 소재, 후속 확인
article	418	中 광시, '인공지능+제조' 행동 방안 발표	*	
X
run --db "$db" list deals --filter 'is:starred has:note' --columns state,company
expect_out "is:starred has:note" <<'X'
state  company
-----------------
N*+    나리신소재
X
run --db "$db" list articles --filter 'is:read' --columns state,section
expect_out "is:read: the article read" <<'X'
state  section
--------------
*      policy
X
run --db "$db" list events --filter 'is:unread'
check '[ -z "$(sed 1,2d "$tmp/stdout")" ]' "the events of an issue read as a whole are not unread"
run --db "$db" state export -o "$tmp/before.csv"
expect_status 0 "exported"

# The same issue imported again: new ids, the same marks.
run --db "$db" import --replace "$top_srcdir/data/418"
expect_status 0 "No. 418 imported again (--replace)"
run --db "$db" list starred
expect_out "every star and note is kept" <<'X'
target	issue	row	marks	note
deal	418	나리신소재 A 라운드	*+	분리막 소재, 후속 확인
article	418	中 광시, '인공지능+제조' 행동 방안 발표	*	
X
run --db "$db" state export -o "$tmp/after.csv"
check 'cmp -s "$tmp/before.csv" "$tmp/after.csv"' "the state is as it was, record for record"

# Imported again with its deals in the other order: the marks follow their rows.
cp -r "$top_srcdir/data/418" "$tmp/418r"
chmod -R u+w "$tmp/418r"
python3 - "$top_srcdir/data/418/deals.csv" "$tmp/418r/deals.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""))
w.writerow(rows[0])
w.writerows(reversed(rows[1:]))
PY
run --db "$db" import --replace "$tmp/418r"
expect_status 0 "No. 418 imported again, its deals in the other order"
run --db "$db" list starred
expect_out "the star and note found their deal at its new place" <<'X'
target	issue	row	marks	note
deal	418	나리신소재 A 라운드	*+	분리막 소재, 후속 확인
article	418	中 광시, '인공지능+제조' 행동 방안 발표	*	
X
newseq=$(sqlite3 "$db" "SELECT seq FROM deal WHERE name_zh = '纳力新材料'")
run --db "$db" state export
check 'printf "%s\n" "$out" | grep -q "^mark,deal,418,$newseq,"' "the mark names the deal's new place ($newseq, was ${key%%,*})"

# One archive, read-only, shared by two readers: each keeps a state of their own.
chmod 0444 "$db"
mkdir -p "$tmp/home1" "$tmp/home2"
HOME="$tmp/home1" run --db "$db" follow sector "스마트 제조"
expect_status 0 "reader 1 follows a sector in the read-only archive"
HOME="$tmp/home2" run --db "$db" follow investor "워버그 핀커스"
expect_status 0 "reader 2 follows an investor"
HOME="$tmp/home1" run --db "$db" list watch --format csv
check 'printf "%s\n" "$out" | grep -q "^sector,스마트 제조," && ! printf "%s\n" "$out" | grep -q "워버그"' "reader 1 sees only their own follow"
HOME="$tmp/home2" run --db "$db" list watch --format csv
check 'printf "%s\n" "$out" | grep -q "^investor,워버그 핀커스," && ! printf "%s\n" "$out" | grep -q "스마트"' "reader 2 sees only theirs"
check '[ -f "$tmp/home1/.local/state/jubo/state.db" ] && [ -f "$tmp/home2/.local/state/jubo/state.db" ]' "each in their own ~/.local/state/jubo/state.db"
check '[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]' "the archive is whole (PRAGMA integrity_check)"
chmod 0644 "$db"

# The same as two accounts of the host (root runs them with setpriv): a shared archive owned
# by another, in a directory neither can write; each reader's state in their own home.
if [ "$(id -u)" -eq 0 ] && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	mkdir -p "$tmp/shared"
	cp "$db" "$tmp/shared/archive.db"
	sqlite3 "$tmp/shared/archive.db" "PRAGMA journal_mode = DELETE" >/dev/null
	chmod 755 "$tmp" "$tmp/shared"
	chmod 644 "$tmp/shared/archive.db"
	sum=$(cksum <"$tmp/shared/archive.db")
	for u in 65534 65533; do
		mkdir -p "$tmp/u$u"
		chown "$u:$u" "$tmp/u$u"
	done
	as() {
		local u=$1
		shift
		HOME="$tmp/u$u" setpriv --reuid="$u" --regid="$u" --clear-groups "$JUBO" --db "$tmp/shared/archive.db" "$@" \
			>"$tmp/stdout" 2>"$tmp/stderr"
		status=$?
		out=$(cat "$tmp/stdout")
	}
	as 65534 follow place 江苏
	expect_status 0 "user 65534 follows 江苏 in an archive they cannot write"
	as 65533 follow company 노텔집적
	expect_status 0 "user 65533 follows 노텔집적"
	as 65534 list watch --format csv
	check 'printf "%s\n" "$out" | grep -q "^place,江苏," && ! printf "%s\n" "$out" | grep -q "노텔집적"' \
		"65534's watch list: 江苏 alone"
	as 65533 list watch --format csv
	check 'printf "%s\n" "$out" | grep -q "^company,노텔집적," && ! printf "%s\n" "$out" | grep -q "江苏"' \
		"65533's: 노텔집적 alone"
	check '[ "$(stat -c %u "$tmp/u65534/.local/state/jubo/state.db")" = 65534 ] && [ "$(stat -c %u "$tmp/u65533/.local/state/jubo/state.db")" = 65533 ]' \
		"each state file is its reader's own"
	check '[ "$(cksum <"$tmp/shared/archive.db")" = "$sum" ] && [ "$(ls "$tmp/shared")" = archive.db ]' \
		"the archive is not written, and nothing is made beside it"
	chmod 700 "$tmp"
else
	skip "two accounts read one archive" "not root: cannot run jubo as other users"
fi

# Bad input: where it went wrong, and nothing changed.
cat >"$tmp/bad.csv" <<'X'
record,target,issue,seq,key,read,starred,note
follow,company,,,새기업,,,
mark,deal,418,x,k,,1,
X
run --db "$db" state import "$tmp/bad.csv"
expect_status 1 "a bad record is refused"
expect_err "with FILE:LINE:COLUMN" <<X
jubo: $tmp/bad.csv:3:15: expected a row number (seq): 'x'
X
run --db "$db" list watch --format csv
check '! printf "%s\n" "$out" | grep -q "새기업"' "and nothing of the file was kept"
run --db "$db" list deals --filter 'is:bogus'
expect_status 2 "an unknown state is a filter mistake"
check 'printf "%s\n" "$err" | grep -q "^jubo: --filter: 4: expected is:starred, is:unread, is:read, is:new or is:followed"' "at the value's place"
run --db "$db" follow person 홍길동
expect_status 2 "an unknown kind to follow is a usage error"
finish
