# Every pane at 40, 60, 61, 62, 63, 80, 120 and 200 columns, in C.UTF-8 and ko_KR.UTF-8:
# Deals shows every amount whole, News keeps its titles, the calendar's grid is never
# written over, the Regions charts show their values whole.
. "$top_srcdir/tests/screen/lib.sh"
"$JUBO" --db "$JUBO_SAMPLE_DB" list deals --columns amount --format tsv | tail -n +2 | sort -u >"$tmp/amounts"
mkdir -p "$tmp/locale" "$tmp/share/ko/LC_MESSAGES" "$tmp/share/zh_CN/LC_MESSAGES"
locales="C.UTF-8"
for l in ko_KR zh_CN; do
	lang=$([ "$l" = ko_KR ] && echo ko || echo zh_CN)
	if localedef -i "$l" -f UTF-8 "$tmp/locale/$l.UTF-8" 2>/dev/null &&
		msgfmt -o "$tmp/share/$lang/LC_MESSAGES/jubo.mo" "$top_srcdir/po/$lang.po"; then
		locales="$locales $l.UTF-8"
	else
		echo "# localedef cannot make $l.UTF-8 here: its screens are not checked"
	fi
done
# Data rows of a Deals screen whose amount is not one of the sample's, whole.
cut_amounts() {
	screen | sed -n "3,$(($1 - 2))p" | awk -v list="$tmp/amounts" '
		BEGIN { while ((getline a < list) > 0) amounts[a] = 1 }
		$0 != "" { found = 0; for (a in amounts) if (index($0, a)) found = 1; if (!found) print }'
}
for loc in $locales; do
	for width in 40 60 61 62 63 80 120 200; do
		height=$([ "$width" -ge 120 ] && echo 40 || echo 24)
		start "$width" "$height" LOCPATH="$tmp/locale" LC_ALL="$loc" JUBO_LOCALEDIR="$tmp/share" \
			JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
		check 'screen | sed -n 3p | grep -q "중관촌포럼"' "$loc $width: News shows the titles"
		keys 2
		check '[ -z "$(cut_amounts "$height")" ]' "$loc $width: Deals shows every amount whole"
		keys 4
		# April 2025 begins on a Tuesday: the week starts on Sunday, or Monday in zh_CN.
		first=$([ "$loc" = zh_CN.UTF-8 ] && echo "     1   2*  3*  4   5   6" || echo "         1   2*  3*  4   5")
		check '[ "$(screen | sed -n 4p | cut -c1-28 | sed "s/ *$//")" = "$first" ]' \
			"$loc $width: the calendar's grid is whole"
		keys 3 v
		check 'screen | grep -q "530.86 억 위안"' "$loc $width: the month's amount whole in Regions"
		keys j j j j j j j j j j j j j j j j j j j j j j j j j j j j
		check 'screen | grep -q "468.05 억 위안"' "$loc $width: and the industries' amount"
		stop
	done
done
finish
