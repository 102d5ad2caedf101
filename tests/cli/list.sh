# `jubo list` on the sample: alignment at several widths, sorting across currencies, filters,
# search for short Korean and Chinese words, formats and mistakes.
. "$top_srcdir/tests/cli/lib.sh"
db="$JUBO_SAMPLE_DB"
columns="perl $top_srcdir/tests/cli/columns.pl"

# Alignment: every column on the same cell on every row, measured by a second implementation.
for what in deals articles events regions; do
	for width in 40 80 120 200; do
		"$JUBO" --db "$db" list "$what" --width "$width" >"$tmp/table" 2>"$tmp/err"
		$columns "$width" narrow <"$tmp/table" >"$tmp/check"
		pass_or_fail $? "$what at width $width: $(tail -1 "$tmp/check")"
		grep -v "columns, .* lines checked" "$tmp/check" | head -5 | sed 's/^/# /'
	done
	"$JUBO" --db "$db" --ambiguous=wide list "$what" --width 100 --columns "$(
		case $what in
		deals) echo company,company_zh,amount,region,investors,description ;;
		articles) echo issue,section,title,sources ;;
		events) echo start,name,city,field ;;
		regions) echo name,name_zh,reported,computed ;;
		esac)" >"$tmp/table"
	$columns 100 wide <"$tmp/table" >"$tmp/check"
	pass_or_fail $? "$what with --ambiguous=wide: $(tail -1 "$tmp/check")"
	grep -v "lines checked" "$tmp/check" | head -5 | sed 's/^/# /'
done
# The wide policy makes the ambiguous '…' of a cut cell two cells: the same table, measured
# narrow, must then be misaligned or wider; measured wide it is right (above).
"$JUBO" --db "$db" list deals --width 80 | head -3 >"$tmp/narrow"
"$JUBO" --db "$db" --ambiguous=wide list deals --width 80 | head -3 >"$tmp/wide"
check '! cmp -s "$tmp/narrow" "$tmp/wide"' "--ambiguous=wide changes the layout of cut cells"

# A locale that is not UTF-8: characters it cannot show become '?' of the same width, so the
# columns still line up; in EUC-KR, Korean arrives through iconv and ambiguous is wide.
LC_ALL=C "$JUBO" --db "$db" list deals --width 100 >"$tmp/c.txt"
$columns 100 narrow <"$tmp/c.txt" >"$tmp/check"
pass_or_fail $? "LC_ALL=C: placeholders keep the columns aligned: $(tail -1 "$tmp/check")"
check 'grep -q "^????????     ????????     199.9 ??  ?  unicorn     A ??????" "$tmp/c.txt"' "LC_ALL=C: each syllable and ideograph is two question marks"
check '! grep -q "$(printf "\342")" "$tmp/c.txt"' "LC_ALL=C: nothing but ASCII is written"
mkdir -p "$tmp/locale"
if localedef -i ko_KR -f EUC-KR "$tmp/locale/ko_KR.EUC-KR" 2>/dev/null; then
	LOCPATH="$tmp/locale" LC_ALL=ko_KR.EUC-KR "$JUBO" --db "$db" list deals --width 100 >"$tmp/euc.txt"
	check 'iconv -f EUC-KR -t UTF-8 "$tmp/euc.txt" >"$tmp/euc-utf8.txt"' "EUC-KR: the output is valid EUC-KR"
	check 'grep -q "노텔집적" "$tmp/euc-utf8.txt"' "EUC-KR: Korean is shown in the locale's charset"
	check 'grep -q "노텔집적     北??集成" "$tmp/euc-utf8.txt"' "EUC-KR: a simplified character KS X 1001 lacks (电) becomes ??"
	$columns 100 wide <"$tmp/euc-utf8.txt" >"$tmp/check"
	pass_or_fail $? "EUC-KR: aligned, with ambiguous characters wide: $(tail -1 "$tmp/check")"
else
	echo "# localedef cannot make ko_KR.EUC-KR here: EUC-KR checks skipped"
fi

# Sorting by amount converts across currencies; rows without an amount come last.
run --db "$db" list deals --sort amount --reverse --format tsv --columns company,amount,amount_cny
expect_status 0 "sort by amount, reversed"
check 'printf "%s\n" "$out" | sed -n 2p | grep -q "^Infinite Reality	30 억 달러	21570000000$"' "30 억 달러 comes first, above 199.9 억 위안"
printf '%s\n' "$out" | tail -n +2 | cut -f3 >"$tmp/amounts"
check 'sort -s -n -r "$tmp/amounts" | cmp -s - "$tmp/amounts"' "converted amounts descend on every row"
run --db "$db" list deals --sort amount --format tsv --columns company,amount_cny
check '[ "$(printf "%s\n" "$out" | sed -n 2p)" = "싱징신에너지	95698100" ]' "ascending: 9569.81 만 위안 first"
run --db "$db" list deals --sort kind,-amount --format tsv --columns kind,company
check '[ "$(printf "%s\n" "$out" | sed -n 2p)" = "investment	Infinite Reality" ]' "two keys: by kind, then amount descending"
check '[ "$(printf "%s\n" "$out" | tail -1)" = "ma	싱징신에너지" ]' "the kinds in the order of their tables, M&A last: the smallest M&A is last"
cat >"$tmp/unread.csv" <<'X'
company,amount
미지수,수억 위안
X
"$JUBO" --db "$tmp/u.db" import --issue 418 "$tmp/unread.csv" >/dev/null 2>&1 ||
	{ cp "$db" "$tmp/u.db" && chmod u+w "$tmp/u.db" && "$JUBO" --db "$tmp/u.db" import --issue 418 "$tmp/unread.csv" >/dev/null 2>&1; }
for dir in "" --reverse; do
	run --db "$tmp/u.db" list deals --sort amount $dir --format tsv --columns company
	check '[ "$(printf "%s\n" "$out" | tail -1)" = "미지수" ]' "an unreadable amount sorts last ${dir:-ascending}"
done

# Filters.
run --db "$db" list deals --filter "region:장쑤" --format tsv --columns company,region
expect_out "region:장쑤 finds the deals in 장쑤성" <<'X'
company	region
광양홀딩스	장쑤성
나리신소재	장쑤성
X
run --db "$db" list deals --filter "amount>=10억 -scope:china" --sort -amount --format tsv --columns company
check '[ "$(printf "%s\n" "$out" | tail -n +2 | tr "\n" " ")" = "Infinite Reality Anthropic Verdiva Bio Truveta Kardigan Innovaccer Whatnot Stoke Space Aviceda Therapeutics Tenvie Therapeutics Hippocratic AI " ]' "amount>=10억 -scope:china: the overseas deals of at least 10억 위안"
run --db "$db" list events --filter "date:2025-04-16" --format tsv --columns name
check '[ "$(printf "%s\n" "$out" | wc -l)" -eq 5 ]' "four events run on 2025-04-16"

# Every search for a two-character word finds exactly the articles that contain it.
for word in 로봇 투자 중국 산업 기술 인공 칩셋 베이징 우한 北京 中关 广西 反应 협력 센터 매너 알리 통이 드론 돼지; do
	want=$(sqlite3 "$db" "SELECT a.title FROM article a JOIN issue i ON i.id = a.issue_id WHERE instr(a.title, '$word') OR instr(a.body, '$word') ORDER BY i.number, a.seq")
	got=$("$JUBO" --db "$db" list articles --filter "$word" --format tsv --columns title | tail -n +2)
	[ "$got" = "$want" ]
	pass_or_fail $? "'$word' finds the $(printf '%s' "$want" | grep -c .) articles that contain it"
done
for word in 칩 中 돈; do
	want=$(sqlite3 "$db" "SELECT count(*) FROM article WHERE instr(title, '$word') OR instr(body, '$word')")
	got=$("$JUBO" --db "$db" list articles --filter "$word" --format tsv --columns title | tail -n +2 | grep -c .)
	check '[ "$got" = "$want" ]' "one-character '$word' finds the $want articles that contain it"
done

# Formats.
run --db "$db" list events --format csv --columns name,city
check 'printf "%s\n" "$out" | grep -q "^\"제 4 회 인공지능, 인터넷, 디지털 경제 국제회의(ICAID 2025)\",광저우"' "CSV quotes a name with commas"
run --db "$db" list regions --format tsv --filter "level:region"
check 'printf "%s\n" "$out" | grep -q "^418	2025-01	region	장쑤성	江苏	118			2$"' "regions: 장쑤성 reported 118, no issue before to compare with, two computed from the big deals"
check 'printf "%s\n" "$out" | grep -q "^418	2025-01	region	안후이성	安徽				1$"' "regions: 안후이성 computed from deals, not reported"

# Mistakes: exit status 2, the position, and a caret under it.
run --db "$db" list deals --filter "로봇 regoin:장쑤"
expect_status 2 "an unknown field is a usage error"
expect_err "the error shows the filter with a caret at the mistake" <<'X'
jubo: --filter: 4: unknown field 'regoin' (fields: company kind scope round amount valuation region city country sector investor acquirer issue date is has about)
  로봇 regoin:장쑤
       ^
X
run --db "$db" list deals --filter "amount>=열억"
expect_status 2 "an unreadable amount is refused"
check 'printf "%s" "$err" | grep -q "^jubo: --filter: 9: expected an amount"' "at the amount's first character"
run --db "$db" list deals --sort amount,colour
expect_status 2 "an unknown sort key is refused"
run --db "$db" list deals --columns company,bogus
expect_status 2 "an unknown column is refused"
check 'printf "%s" "$err" | grep -q "unknown column .bogus."' "naming it"
run --db "$db" list deals --width 5
expect_status 2 "a width below 10 is refused"
# Escape sequences in data are shown, never sent (a hostile store made by hand).
cp "$db" "$tmp/evil.db" && chmod u+w "$tmp/evil.db"
sqlite3 "$tmp/evil.db" "UPDATE deal SET name_ko = 'Evil' || char(27) || ']52;c;aGk=' || char(7) || 'Co' WHERE id = 1"
run --db "$tmp/evil.db" list deals --width 200
check '! printf "%s" "$out" | grep -q "$(printf "\033")"' "no ESC reaches the terminal"
run --db "$tmp/evil.db" list deals --format tsv --columns company
check 'printf "%s" "$out" | grep -q "Evil␛\]52;c;aGk=␇Co"' "the sequence is shown with visible placeholders"
# Cells a spreadsheet would run as formulas are written as text (a leading apostrophe);
# numbers with a sign stay numbers.
cp "$JUBO_SAMPLE_DB" "$tmp/f.db" && chmod u+w "$tmp/f.db"
sqlite3 "$tmp/f.db" "UPDATE deal SET name_ko = '=HYPERLINK(\"http://x\",\"y\")' WHERE seq = 1;
UPDATE deal SET name_ko = char(9) || '=1+1' WHERE seq = 2; UPDATE deal SET name_ko = '@SUM(A1)' WHERE seq = 3;
UPDATE deal SET name_ko = '-2+3' WHERE seq = 4; UPDATE deal SET name_ko = '+82 10' WHERE seq = 5;
UPDATE deal SET name_ko = '-33%' WHERE seq = 6; UPDATE deal SET name_ko = '+12' WHERE seq = 7"
run --db "$tmp/f.db" list deals --format csv --columns company
printf '%s\n' "$out" | tr -d '\r' | sed -n 2,8p >"$tmp/stdout"
expect_out "CSV: =, +, -, @ and a tab before them are text, signed numbers are numbers" <<'X'
"'=HYPERLINK(""http://x"",""y"")"
' =1+1
'@SUM(A1)
'-2+3
'+82 10
-33%
+12
X
run --db "$tmp/f.db" list deals --format tsv --columns company
check '[ "$(printf "%s\n" "$out" | sed -n 2p)" = "'"'"'=HYPERLINK(\"http://x\",\"y\")" ]' "TSV: the same"
finish
