# Issues as published, scored against their answer keys (tests/issues/score.py): four test
# issues of jubo's own (421-424, 424 held out: typeset after the reader was written, in
# another face and layout) and No. 418, each as a PDF typeset by LibreOffice Writer
# (tests/issues/make.sh) and as text in the seed's form. Every table of every issue must
# meet the goal: precision 99%, recall 95%, no wrong value without a warning.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
issues="$top_srcdir/tests/issues"
py=/usr/bin/python3

# todo COND DESC WHY: a check known to fail, said as TAP's TODO; passing is a failure to
# see (the TODO is then out of date).
todo() {
	tap_n=$((tap_n + 1))
	if eval "$1"; then
		echo "ok $tap_n - $2 # TODO $3"
	else
		echo "not ok $tap_n - $2 # TODO $3"
	fi
}

score() { # KEY BUNDLE WARNINGS NAME
	"$py" "$issues/score.py" "$1" "$2" "$3" --goal >"$tmp/$4.score"
	status=$?
	grep -v '^  ' "$tmp/$4.score" | sed "s/^/# $4: /"
	grep '^  ' "$tmp/$4.score" | sed "s/^/# $4:/"
	return $status
}

for n in 421 422 423 424; do
	for form in pdf txt; do
		run convert -o "b$n$form" "$issues/$n.$form"
		expect_status 0 "No. $n as $form converts"
		cp "$tmp/stderr" "w$n$form"
		check "score '$issues/$n' b$n$form w$n$form $n.$form" \
			"No. $n as $form: every table at the goal, no wrong value without a warning"
	done
	check 'grep -q "^jubo: .*/$n.pdf: 도표 9: rows read [0-9]*, with a warning [0-9]*, left out 0$" w'$n'pdf' \
		"No. $n's PDF: a line per table after the warnings, rows read, warned, left out"
done

# No. 424 typeset again with narrower spaces (0.17 of a line's height, not 0.22): where a
# space is is judged by the document's own spaces.
run convert -o b424n "$issues/424-narrow.pdf"
expect_status 0 "No. 424 with narrower spaces converts"
cp "$tmp/stderr" w424n
check "score '$issues/424' b424n w424n 424-narrow.pdf" "No. 424 with narrower spaces: at the goal"

# Cells and paragraphs wrapped at any syllable (as Korean word processors wrap them): a full
# line that ends where a word does cannot tell whether a space was there. What the geometry
# and the issue's own words cannot settle is read one way and said; no value is wrong
# without a warning. The goal is not met on every table: the words said are counted.
for n in 421 423 425; do
	run convert -o "b${n}s" "$issues/$n-syllable.pdf"
	expect_status 0 "No. $n wrapped at any syllable converts"
	cp "$tmp/stderr" "w${n}s"
	todo "score '$issues/$n' b${n}s w${n}s $n-syllable.pdf" "No. $n wrapped at any syllable: at the goal" \
		"a word processor's break where a word ends reads two ways: read one way and said"
	check '! grep -q "^  wrong" '"$n-syllable.pdf.score" \
		"No. $n wrapped at any syllable: no wrong value without a warning"
done

# No. 425, held out as 424 was and typeset last (narrow columns in small type, little
# padding, no 소개 overseas, 인수 금액 before 인수자): its PDF at the goal; its text gives the
# 인수자 and 기업 개요 cells side by side on one line, which the text cannot part: the names
# are left out with a warning, never guessed.
run convert -o b425pdf "$issues/425.pdf"
expect_status 0 "No. 425 as pdf converts"
cp "$tmp/stderr" w425pdf
check "score '$issues/425' b425pdf w425pdf 425.pdf" "No. 425 as pdf: every table at the goal"
run convert -o b425txt "$issues/425.txt"
expect_status 0 "No. 425 as txt converts"
cp "$tmp/stderr" w425txt
todo "score '$issues/425' b425txt w425txt 425.txt" "No. 425 as txt: at the goal" \
	"two cells of free text on one line in the text form: the M&A table's 인수자 left out"
check '! grep -q "^  wrong" 425.txt.score && [ "$(grep -c "^  missing	.*	acquirer	" 425.txt.score)" -eq 4 ]' \
	"No. 425 as txt: no wrong value; the four 인수자 left out, nothing guessed"
check '[ "$(grep -c "cannot tell where the names end in" w425txt)" -eq 4 ]' "each said, with its row"

# No. 418, typeset from data/418 as the other issues are.
run convert -o b418txt "$issues/418.txt"
expect_status 0 "No. 418 typeset as text converts"
cp "$tmp/stderr" w418txt
check "score '$top_srcdir/data/418' b418txt w418txt 418.txt" "No. 418 typeset as text: at the goal"
run convert -o b418pdf "$issues/418.pdf"
expect_status 0 "No. 418 typeset as a PDF converts"
cp "$tmp/stderr" w418pdf
todo "score '$top_srcdir/data/418' b418pdf w418pdf 418.pdf" "No. 418's PDF: at the goal" \
	"a line broke at the cell's edge between Box and Group: read as two words, warned"
check '! grep -q "^  wrong" 418.pdf.score' "No. 418's PDF: no wrong value without a warning"
check 'grep -q "^| 업스트림 | 핵심 장치 | 뇌파 수집 장비, BCI 칩 등 |$" b418pdf/articles/06-industry.md' \
	"an article's table of any labels, drawn as a table in the article"
check 'grep -q "^| 번호 | 성과 | 발표기관 | 주요 내용 |$" b418pdf/articles/01-news.md && [ "$(grep -c "^| " b418pdf/articles/01-news.md)" -eq 11 ]' \
	"a news item's table: its header and its ten rows, each whole"
check 'grep -q "(Clay): a full line broke at .Box Group,., which could be read two ways: read as here, check it" w418pdf' \
	"a break that could be read two ways is said, with the words as read"

# The reader's warnings name the page and the line of the PDF, and the row.
check 'grep -q "^jubo: .*/421.pdf: page 2, line [0-9]*: warning: 도표 9, row 7 (진양수소에너지): .산시. names two provinces" w421pdf' \
	"a homonym of two provinces is a warning with the PDF's page and line and the row"
run --db t.db import "$issues/422.pdf"
expect_status 0 "the PDF imports"
check '! echo "$err" | grep -q "\[deals.csv\]"' \
	"no warning of the import names a file of the bundle the user never sees"
check '[ "$(echo "$err" | grep -c "names two provinces")" -eq 2 ] && echo "$out" | grep -q "warnings 3$"' \
	"each homonym said once, at its table's row"
# --quiet: the warnings and the summary are not printed, the count is.
run convert --quiet -o q421 "$issues/421.pdf"
expect_status 0 "convert --quiet"
check '[ ! -s "$tmp/stderr" ]' "--quiet prints nothing on standard error"
check 'echo "$out" | grep -q "warnings [1-9]"' "and still counts the warnings"
# The page layout as read.
run convert --layout "$issues/422.pdf"
expect_status 0 "convert --layout shows the page layout"
check 'echo "$out" | grep -q "^2:[0-9]* table of 8 columns, 6 rows, 1 pages$"' \
	"a table with a 투자 일자 column, its rows"
check 'echo "$out" | grep -q "| 모카로보틱스 摩卡机器人 | 2025.04.03 | A+ 라운드 | 6.8 억 위안 | 광둥 | 로봇 | 가정용 서비스 로봇 개발업체 | 선전창업투자, 메이디 창투, 훙타이 펀드 |"' \
	"each cell whole, in its column"
finish
