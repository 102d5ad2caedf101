# The browser in a locale that is not UTF-8. Under LANG=C it runs and shows '?' of the width
# of what it cannot show, so the columns still line up. Under a generated ko_KR.EUC-KR locale
# it writes EUC-KR: luit (Debian: luit) translates for the UTF-8 terminal, and Korean shows.
# And the whole UI in Korean at 80x24, where the labels are wider.
. "$top_srcdir/tests/screen/lib.sh"
start 80 24 LC_ALL=C LANG=C -- --db "$JUBO_SAMPLE_DB"
keys 2
screen >"$tmp/c"
check 'head -1 "$tmp/c" | grep -q "^ 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch .*No. 418 ? 2025-03-31$"' "LANG=C: the browser runs; the middle dot of the title is a question mark"
check 'sed -n 3p "$tmp/c" | grep -q "^N   ???????? ???????? 199.9 ?? ????   unicorn"' "LANG=C: two question marks for each syllable and ideograph"
check '! grep -q "[^ -~]" "$tmp/c"' "LANG=C: only ASCII on the screen"
perl "$top_srcdir/tests/cli/columns.pl" --screen 80 narrow <"$tmp/c" >"$tmp/check"
pass_or_fail $? "LANG=C: the columns line up: $(tail -1 "$tmp/check")"
keys 1 j j j j j Enter Space
check 'screen | grep -q "^-----------+---------------+------"' "LANG=C: the reader's table keeps its shape"
check 'screen | grep -q "^????????   | ???? ????     | "' "LANG=C: its cells are padded by the placeholders' width"

mkdir -p "$tmp/locale" "$tmp/share/ko/LC_MESSAGES"
msgfmt -o "$tmp/share/ko/LC_MESSAGES/jubo.mo" "$top_srcdir/po/ko.po"
if localedef -i ko_KR -f EUC-KR "$tmp/locale/ko_KR.EUC-KR" 2>/dev/null; then
	# The terminal here speaks UTF-8, so read what jubo writes (pipe-pane) and convert it.
	start 80 24 LOCPATH="$tmp/locale" LC_ALL=ko_KR.EUC-KR JUBO_LOCALEDIR="$tmp/share" -- --db "$JUBO_SAMPLE_DB"
	tm pipe-pane -o "cat >> $tmp/euc"
	keys 2 C-l
	sleep 0.3
	check 'iconv -f EUC-KR -t UTF-8 "$tmp/euc" >"$tmp/euc.utf8"' "EUC-KR: what jubo writes is valid EUC-KR"
	check 'grep -q "노텔집적" "$tmp/euc.utf8" && grep -q "주간 중국창업" "$tmp/euc.utf8"' "EUC-KR: Korean is written in the locale's charset"
	check 'grep -q "北??集成" "$tmp/euc.utf8"' "EUC-KR: 电, not in KS X 1001, becomes ??"
	check 'grep -q " 2 거래 " "$tmp/euc.utf8" && grep -q "정렬" "$tmp/euc.utf8"' \
		"EUC-KR: the interface's own words are Korean too, converted once"
else
	echo "# localedef cannot make ko_KR.EUC-KR here: EUC-KR checks skipped"
fi

if localedef -i ko_KR -f UTF-8 "$tmp/locale/ko_KR.UTF-8" 2>/dev/null &&
	msgfmt -o "$tmp/share/ko/LC_MESSAGES/jubo.mo" "$top_srcdir/po/ko.po"; then
	start 80 24 LOCPATH="$tmp/locale" LC_ALL=ko_KR.UTF-8 JUBO_LOCALEDIR="$tmp/share" JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
	keys 2
	screen >"$tmp/ko"
	check 'head -1 "$tmp/ko" | grep -q "^ 1 뉴스 (9)  2 거래  3 지역  4 일정  5 관심 .*주간 중국창업 418호 · 2025-03-31$"' "Korean: the tab bar, with the articles not read yet"
	check 'tail -2 "$tmp/ko" | head -1 | grep -q "^ 거래  1 / 27 건 · 849.48 억 위안 (근사 5건)$"' "Korean: the status line, with the total"
	check 'tail -1 "$tmp/ko" | grep -q "^q 끝내기  ? 도움말  s 정렬  f 필터  / 검색  Enter 열기  B 분포  i 호 선택$"' "Korean: the hints"
	perl "$top_srcdir/tests/cli/columns.pl" --screen 80 narrow <"$tmp/ko" >"$tmp/check"
	pass_or_fail $? "Korean: the columns line up: $(tail -1 "$tmp/check")"
	keys '?'
	check 'screen | sed -n 2p | grep -q "^jubo: 키 (q 또는 Esc로 닫기)"' "Korean: the help screen"
	check 'screen | grep -q "^h Left       왼쪽 열 (달력: 하루 전, 지역: 한 칸)"' "Korean: the help from the action table"
	keys q 3
	check 'tail -2 "$(screen >"$tmp/r"; echo "$tmp/r")" | head -1 | grep -q "^ 지역  장쑤성 118  (보도)"' "Korean: the Regions pane"
	keys 4
	check 'screen | sed -n 3p | grep -q "^일  월  화  수  목  금  토"' "Korean: the calendar's weekdays"
	check 'screen | tail -2 | head -1 | grep -q "^ 일정  2025-04-29  그날 행사 1건"' "Korean: the calendar's status, with its plural form"
	keys f
	type_text "regoin:x"
	keys Enter
	check 'screen | tail -2 | head -1 | grep -q "^필터: 1번째 문자: 알 수 없는 필드 .regoin."' "Korean: a filter mistake"
fi
# The calendar's week starts on the locale's first weekday: Monday in zh_CN.
if localedef -i zh_CN -f UTF-8 "$tmp/locale/zh_CN.UTF-8" 2>/dev/null; then
	start 80 24 LOCPATH="$tmp/locale" LC_ALL=zh_CN.UTF-8 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
	keys 4
	check 'screen | sed -n 3p | grep -q "^一  二  三  四  五  六  日"' \
		"zh_CN.UTF-8: the week starts on Monday, the locale's first weekday"
else
	tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP localedef cannot make zh_CN.UTF-8 here"
fi
finish
