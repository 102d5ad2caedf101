# An issue as published: its text (and its PDF) read into the store by `jubo import ISSUE.txt`
# and written as a bundle by `jubo convert`. Compared field by field (bundlediff.py) with
# bundles jubo did not compute: data/418 (made by hand from the seed's text, when the seed is
# here) and two test issues (tests/fixtures/issuetext/419 and 420) typeset in the
# newsletter's layout by typeset.py, as text and, with reportlab, as PDF read by pdftotext.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
it="$fixtures/issuetext"
py=/usr/bin/python3
seed="${JUBO_SEEDS:-$top_srcdir/../shared/seeds}"
[ -n "$seed" ] || seed="$top_srcdir/../shared/seeds"
seed="$seed/000_b7496394f7ea3c50.txt"

# diff_clean NAME: bundlediff's output in $tmp/NAME.diff has no difference left.
diff_clean() {
	! grep -q '^  \(diff\|stale\)' "$tmp/$1.diff"
}
show_diff() {
	sed 's/^/# /' "$tmp/$1.diff"
}

# ---- No. 418 as printed ---------------------------------------------------------------------
if [ -f "$seed" ]; then
	cp "$seed" 418.txt
	run convert -o b418 418.txt
	expect_status 0 "the seed's text converts"
	check 'echo "$out" | grep -q "^wrote b418: issue 418 of 2025-03-31, 14 files; warnings 11$"' \
		"convert says what it wrote: issue 418, dated the Monday after its latest source"
	check 'echo "$err" | grep -q "^jubo: 418.txt: warning: the issue prints no date: dated 2025-03-31, the Monday after its latest dated item (2025-03-29); --date sets it$"' \
		"the estimated date is said"
	check 'echo "$err" | grep -q "^jubo: 418.txt:1015:1: warning: read .Al. as .AI."' \
		"a repaired letter is a warning with its line (Hippocratic Al)"
	check 'echo "$err" | grep -q "^jubo: 418.txt:1846:1: warning: an address with spaces in it"' \
		"an address with a space is a warning with its line"
	"$py" "$top_srcdir/tests/cli/bundlediff.py" "$top_srcdir/data/418" b418 \
		--ignore "$it/418-printed.tsv" >"$tmp/418.diff"
	check "diff_clean 418" "every deal, event, statistic and article title of data/418, field by field (but the printer's typos data/418 mends)"
	show_diff 418
	"$py" "$top_srcdir/tests/cli/bundlediff.py" "$top_srcdir/data/418" b418 | grep -v '^  ' | sed 's/^/# as printed: /'

	run --db t.db import 418.txt
	expect_status 0 "the seed's text imports into an empty store"
	check 'echo "$out" | grep -q "^imported: issues 1, articles 10, deals 27 (investors 109), events 14, statistics 85, places 0, rates 0; warnings 11$"' \
		"27 deals, 14 events, 85 statistics and 10 articles, as data/418"
	run --db t.db list regions --format tsv
	cp "$tmp/stdout" regions.got
	run --db "$JUBO_SAMPLE_DB" list regions --format tsv
	check 'cmp -s regions.got "$tmp/stdout"' "the reported region and city counts are the sample's"
	run --db t.db list events --format tsv
	cp "$tmp/stdout" events.got
	run --db "$JUBO_SAMPLE_DB" list events --format tsv
	check 'cmp -s events.got "$tmp/stdout"' "the events list as the sample's"
	run --db t.db list articles --format tsv --columns section,date,title
	cp "$tmp/stdout" articles.got
	run --db "$JUBO_SAMPLE_DB" list articles --format tsv --columns section,date,title
	check 'cmp -s articles.got "$tmp/stdout"' "the articles' sections, dates and titles are the sample's"
	run --db t.db list issues
	check 'echo "$out" | grep -q "^418	2025-03-31	"' "the issue is No. 418 of 2025-03-31"

	run --db t.db import 418.txt
	expect_status 1 "the same issue again is refused"
	run --db t.db import --replace --date 2025-04-01 418.txt
	expect_status 0 "--replace imports it again in place, --date dates it"
	run --db t.db list issues
	check 'echo "$out" | grep -q "^418	2025-04-01	"' "--date sets the issue's date"
	check '! grep -q "prints no date" "$tmp/stderr"' "with --date nothing is estimated"
else
	skip "the seed's text converts, field by field as data/418, imports as the sample" \
		"../shared/seeds is not here"
fi

# ---- test issues typeset in the layout -------------------------------------------------------
for n in 419 420; do
	for wrap in char word; do
		"$py" "$it/typeset.py" "$it/$n" "$n-$wrap.txt" --wrap "$wrap"
		run convert -o "b$n-$wrap" "$n-$wrap.txt"
		expect_status 0 "No. $n typeset as text ($wrap wrap) converts"
		"$py" "$top_srcdir/tests/cli/bundlediff.py" "$it/$n" "b$n-$wrap" >"$tmp/$n-$wrap.diff"
		check "diff_clean $n-$wrap" "No. $n ($wrap wrap): every deal, event, statistic and article as expected"
		show_diff "$n-$wrap"
	done
done
run --db t2.db import 419-char.txt 420-word.txt
expect_status 0 "two issues' texts import in one command"
check 'echo "$out" | grep -q "^imported: issues 2, articles 13, deals 21 (investors 40), events 11, statistics 170, "' \
	"each issue keeps its own rows; a round in two tables is one deal"

# ---- PDF --------------------------------------------------------------------------------------
if ! command -v pdftotext >/dev/null; then
	skip "a typeset PDF imports through pdftotext" "pdftotext (poppler-utils) is not installed"
elif ! "$py" -c 'import reportlab' 2>/dev/null || [ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; then
	skip "a typeset PDF imports through pdftotext" "python3-reportlab or fonts-wqy-zenhei is not installed"
else
	for n in 419 420; do
		"$py" "$it/typeset.py" "$it/$n" "$n.pdf" --wrap word
		run convert -o "p$n" "$n.pdf"
		expect_status 0 "No. $n typeset as a PDF by reportlab converts"
		check '! echo "$err" | grep -q "warning: no line of this text ends in a space"' \
			"a PDF is read by its geometry, not as pdftotext's text"
		check 'echo "$err" | grep -q "^jubo: $n.pdf: 도표 9: rows read [0-9]*, with a warning 0, left out 0$"' \
			"each table's rows are summed up after the warnings"
		"$py" "$top_srcdir/tests/cli/bundlediff.py" "$it/$n" "p$n" >"$tmp/p$n.diff"
		check "diff_clean p$n" "No. $n from its PDF: every deal, event, statistic and article as expected"
		show_diff "p$n"
	done
	run --db p.db import 419.pdf
	expect_status 0 "jubo import reads a PDF"
	check 'echo "$out" | grep -q "^imported: issues 1, articles 7, deals 10 "' "the PDF's deals are in the store"
	run --db p.db list deals --format tsv --columns company,round,amount,place --filter 'issue:419 round:B' --sort company
	expect_out "and found by the filter language" <<'X'
company	round	amount	place
Northwind Robotics	B 라운드	4.5 억 달러	미국
톈궁로보틱스	B 라운드	12.3 억 위안	베이징
X
	mkdir nopdf
	env PATH="$tmp/nopdf" "$JUBO" --db p.db import 420.pdf >"$tmp/stdout" 2>"$tmp/stderr"
	status=$?
	expect_status 1 "without pdftotext a PDF is refused"
	expect_err "the message names the package to install" <<'X'
jubo: 420.pdf: reading a PDF needs pdftotext: install Debian's poppler-utils (apt-get install poppler-utils), or give the text
X
	printf 'not a pdf' >bad.pdf
	run --db p.db import bad.pdf
	expect_status 1 "a file that is not a PDF is an error"
	check 'echo "$err" | grep -q "^jubo: bad.pdf: pdftotext cannot read this PDF"' "from pdftotext, named"
fi

# ---- what is not an issue, and options ------------------------------------------------------
printf '메모\n그냥 텍스트 파일\n' >notes.txt
run --db t3.db import notes.txt
expect_status 1 "a text that is not an issue is refused"
expect_err "with the kinds of file import reads" <<'X'
jubo: notes.txt: cannot tell what this file holds: expected issue.txt, an article (.md), a table (.csv), or an issue's text (.txt, .pdf) with its page footers and sections
X
"$py" "$it/typeset.py" "$it/419" nofooter.txt --wrap char
grep -v '주간 중국창업 419 호' nofooter.txt >nofooter2.txt
run convert -o nf nofooter2.txt
expect_status 1 "an issue without footers needs its number"
expect_err "the message says how to give it" <<'X'
jubo: nofooter2.txt: no page footer names the issue (such as '주간 중국창업 418 호 【11】'): give its number with --issue N
X
run convert -o nf --issue 519 nofooter2.txt
expect_status 0 "--issue gives it"
check 'grep -q "^number: 519$" nf/issue.txt' "the bundle is issue 519"
run convert -o nf 419-char.txt
expect_status 1 "convert writes into no directory that holds files"
check 'echo "$err" | grep -q "^jubo: nf: this directory holds files already"' "and says so"
run convert --date 2025-02-30 -o x 419-char.txt
expect_status 2 "--date takes a day that exists"
run convert 419-char.txt
expect_status 2 "convert needs -o"
run --db t4.db import --dry-run 419-char.txt
expect_status 0 "--dry-run reads an issue's text"
check 'echo "$out" | grep -q "^checked (nothing written): issues 1, articles 7, deals 10 "' "and counts it"

# An import that fails leaves the store as it was.
run --db t5.db import 420-char.txt
sqlite3 t5.db .dump >before.sql
printf 'kind,company\n"investment,x\n' >broken.csv
run --db t5.db import 419-char.txt broken.csv
expect_status 1 "an import with a bad file fails"
sqlite3 t5.db .dump >after.sql
check 'cmp -s before.sql after.sql' "and the issue's text it read is not written either"
finish
