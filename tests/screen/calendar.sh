# The Calendar pane: April 2025 with its events, moving by day, week, month and year, today,
# the week's first day, a filter, a day's events in full, and export to .ics.
. "$top_srcdir/tests/screen/lib.sh"
start 80 24 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
keys 4
expect_screen "it opens on the latest event's month (none is after today): April 2025" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
2025-04 April                 2025-04: 14 events
Su  Mo  Tu  We  Th  Fr  Sa      04-02~04-03 CGT Asia 2025 제 … 상하이   생물의학
         1   2*  3*  4   5      04-11       COOC 2025 제 2 회… 상하이   생물의학
 6   7   8   9  10  11* 12      04-15~04-19 2025 제 10 회 아 … 베이징   에너지
13  14  15* 16* 17* 18* 19*     04-16~04-18 베이징 InfoComm C… 베이징   인공지능
20* 21* 22* 23  24  25* 26*     04-16~04-18 2025 제 8 회 중국… 베이징   생물의학
27* 28* 29* 30*                 04-16~04-18 2025 년 제 7 회  … 베이징   생물의학
                                04-17~04-19 2025 제 97 회 전 … 스자좡   자동차
* events  today                 04-18~04-19 2025 중국 스마트 … 선전     교통
                                04-20~04-22 2025 제 9 회 중국… 이우     자재
                                04-25~04-27 제 4 회 인공지능,… 광저우   인공지능
                                04-25~04-27 제 17 회 디지털  … 하이커우 디지털
                                04-25~04-28 2025 년 전기공학 … 베이징   인공지능
                                04-25~04-27 2025 국제주석산업… 쿤밍     자재
                              > 04-29~04-30 2025 년 중유럽 위… 상하이   자재






 Calendar  2025-04-29  1 event that day
q quit  ? help  f filter  Enter open  [ previous-month  ] next-month  t today
X
keys g j j Enter
expect_screen "Enter on 2025-04-15 shows that day's event in full" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
2025 제 10 회 아시아 전력 및 전기공학 학술대회(ACPEE 2025)
dates     2025-04-15 ~ 2025-04-19
city      베이징
field     에너지
issue     No. 418
















 2025-04-15  1/5
q quit  ? help  / search
X
keys q l
check 'screen | tail -2 | head -1 | grep -q "^ Calendar  2025-04-16  4 events that day"' "l moves a day: four events on 04-16"
keys k
check 'screen | tail -2 | head -1 | grep -q "^ Calendar  2025-04-09  0 events that day"' "k moves a week back"
keys ']'
check 'screen | sed -n 2p | grep -q "^2025-05 May .*2025-05: 0 events"' "] moves to May, which has no events"
keys '}' '{' '['
check 'screen | sed -n 2p | grep -q "^2025-04 April"' "} and { move by a year, [ back a month"
keys w
check 'screen | sed -n 3p | grep -q "^Mo  Tu  We  Th  Fr  Sa  Su"' "w starts the week on Monday"
check 'screen | sed -n 4p | grep -q "^     1   2\*  3\*  4   5   6"' "and the days follow: April 1 is a Tuesday"
keys w t
check 'screen | sed -n 2p | grep -q "^2026-11 November .*2026-11: 0 events"' "t goes to today's month"
keys '{' '[' '[' '[' '[' '[' '[' '[' f
type_text "field:생물의학"
keys Enter
check 'screen | sed -n 2p | grep -q "2025-04: 4 events"' "a filter by field keeps 4 events in April"
check '[ "$(screen | grep -c " 생물의학$")" -eq 4 ]' "all of them 생물의학"
check 'screen | sed -n 4p | grep -q "^         1   2\*  3\*  4   5 "' "the grid marks only the filtered events' days"
keys e
type_text "$tmp/april.ics"
keys Enter
check 'screen | tail -1 | grep -q "^4 events written to"' "e exports the events on screen"
check '[ "$(grep -c "^BEGIN:VEVENT" "$tmp/april.ics")" -eq 4 ]' "as iCalendar"
start 120 40 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
keys 4
expect_screen "120x40: the grid beside the whole list" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch                                주간 중국창업 No. 418 · 2025-03-31
2025-04 April                 2025-04: 14 events
Su  Mo  Tu  We  Th  Fr  Sa      04-02~04-03 CGT Asia 2025 제 8 회 아시아 세포 및 유전자 치료 혁신 서밋 상하이   생물의학
         1   2*  3*  4   5      04-11       COOC 2025 제 2 회 인공지능 안과 응용 및 발전 국제회의      상하이   생물의학
 6   7   8   9  10  11* 12      04-15~04-19 2025 제 10 회 아시아 전력 및 전기공학 학술대회(ACPEE 2025) 베이징   에너지
13  14  15* 16* 17* 18* 19*     04-16~04-18 베이징 InfoComm China 2025 정상회의                        베이징   인공지능
20* 21* 22* 23  24  25* 26*     04-16~04-18 2025 제 8 회 중국 국제 생물의학 재료 컨퍼런스 및 전시회    베이징   생물의학
27* 28* 29* 30*                 04-16~04-18 2025 년 제 7 회 중국 국제 생명공학 대회                    베이징   생물의학
                                04-17~04-19 2025 제 97 회 전국자동차부품박람회                         스자좡   자동차
* events  today                 04-18~04-19 2025 중국 스마트 교통 학술 포럼                            선전     교통
                                04-20~04-22 2025 제 9 회 중국 이우 국제 하드웨어 및 전기제품 박람회    이우     자재
                                04-25~04-27 제 4 회 인공지능, 인터넷, 디지털 경제 국제회의(ICAID 2025) 광저우   인공지능
                                04-25~04-27 제 17 회 디지털 이미지 처리 국제 컨퍼런스(ICDIP 2025)      하이커우 디지털
                                04-25~04-28 2025 년 전기공학 인공지능 응용 국제 심포지엄               베이징   인공지능
                                04-25~04-27 2025 국제주석산업포럼                                      쿤밍     자재
                              > 04-29~04-30 2025 년 중유럽 위험물 정상 포럼                            상하이   자재






















 Calendar  2025-04-29  1 event that day
q quit  ? help  f filter  Enter open  [ previous-month  ] next-month  t today
X
start 80 24 JUBO_TODAY=2025-04-16 NO_COLOR=1 -- --db "$JUBO_SAMPLE_DB"
keys 4
check 'screen | sed -n 2p | grep -q "^2025-04 April"' "with today in April 2025 it opens on the next event"
tm capture-pane -p -e >"$tmp/attrs"
check '! grep -Eq "$(printf "\033")\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]" "$tmp/attrs"' "NO_COLOR: no colour"
check 'grep -q "$(printf "\033")\[[0-9;]*7m16\*" "$tmp/attrs" || grep -q "16\*" "$tmp/attrs"' "NO_COLOR: the chosen day is in reverse video"
start 80 24 TERM=vt100 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
keys 4
check 'screen | sed -n 3p | grep -q "^Su  Mo  Tu  We  Th  Fr  Sa"' "TERM=vt100: the grid is drawn"
# Korean weekday names from the locale, two cells each.
mkdir -p "$tmp/locale"
if localedef -i ko_KR -f UTF-8 "$tmp/locale/ko_KR.UTF-8" 2>/dev/null; then
	start 80 24 LOCPATH="$tmp/locale" LC_ALL=ko_KR.UTF-8 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
	keys 4
	check 'screen | sed -n 3p | grep -q "^일  월  화  수  목  금  토"' "ko_KR: weekday names from the locale, aligned"
	check 'screen | sed -n 7p | grep -q "^20\* 21\* 22\* 23  24  25\* 26\*"' "ko_KR: the days under them"
fi
# 60 to 63 columns: the list beside the grid keeps to its room (city and field give way),
# never running past the edge onto the grid.
start 62 20 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
keys 4
expect_screen "62x20: the list beside the grid fits its room" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch No. 41…
2025-04 April                 2025-04: 14 events
Su  Mo  Tu  We  Th  Fr  Sa      04-02~04-03 CGT Asia 2025 제 …
         1   2*  3*  4   5      04-11       COOC 2025 제 2 회…
 6   7   8   9  10  11* 12      04-15~04-19 2025 제 10 회 아 …
13  14  15* 16* 17* 18* 19*     04-16~04-18 베이징 InfoComm C…
20* 21* 22* 23  24  25* 26*     04-16~04-18 2025 제 8 회 중국…
27* 28* 29* 30*                 04-16~04-18 2025 년 제 7 회  …
                                04-17~04-19 2025 제 97 회 전 …
* events  today                 04-18~04-19 2025 중국 스마트 …
                                04-20~04-22 2025 제 9 회 중국…
                                04-25~04-27 제 4 회 인공지능,…
                                04-25~04-27 제 17 회 디지털  …
                                04-25~04-28 2025 년 전기공학 …
                                04-25~04-27 2025 국제주석산업…
                              > 04-29~04-30 2025 년 중유럽 위…


 Calendar  2025-04-29  1 event that day
q quit  ? help  f filter  Enter open  [ previous-month  ] nex…
X
screen | sed -n 3,8p | cut -c1-28 >"$tmp/grid62"
for width in 60 61 63; do
	start "$width" 20 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
	keys 4
	check 'screen | sed -n 3,8p | cut -c1-28 | cmp -s - "$tmp/grid62"' \
		"$width columns: the grid is whole, nothing written over it"
done
# After a resize from a small screen, the list is as full as the room allows.
start 50 16 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
keys 4
resize 100 30
check 'screen | grep -q "^.*04-02~04-03 CGT Asia 2025" && [ "$(screen | grep -c "[ >]04-[0-9][0-9]")" -eq 14 ]' \
	"a resize from 50 to 100 columns lists all 14 events again"
# Years back to the first there is: the calendar stops at 0001-01, whole, and comes back.
start 80 24 JUBO_TODAY=2026-11-24 -- --db "$JUBO_SAMPLE_DB"
keys 4
tm send-keys -l "$(printf '{%.0s' $(seq 1 2100))"
settle
check 'screen | sed -n 2p | grep -q "^0001-01 January" && screen | sed -n 4p | grep -q "^     1   2   3   4   5   6"' \
	"{ pressed 2,100 times stops at January of year 1 (a Monday), drawn whole"
keys '}'
check 'screen | sed -n 2p | grep -q "^0002-01 January"' "and } goes on from there"
finish
