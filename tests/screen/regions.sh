# The Regions pane: the tile map of the provinces shaded by count with a legend, the bar
# charts of every reported breakdown, reported and computed counts, Enter to the Deals pane.
. "$top_srcdir/tests/screen/lib.sh"
start 80 24 -- --db "$JUBO_SAMPLE_DB"
keys 3
expect_screen "80x24: the map, 장쑤 chosen with its 118 deals, and the legend" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
                                                                   헤이룽장
                                                                          -
    신장                                네이멍구                   지린
           -                                   -                          -
                      간쑤     닝샤     산서     베이징   톈진     랴오닝
                             -        -        -       70        -        -
             칭하이   섬서     허난     허베이   산둥
                    -        -        -        -        -
    시짱     쓰촨     충칭     후베이   안후이   >장쑤    상하이
           -        -        -        -        -      118       65
             윈난     구이저우 후난     장시     저장
                    -        -        -        -       60
                      광시     광둥     푸젠     타이완
                             -       94        -        -
                      하이난   마카오   홍콩
                             -        -        -
     59+   24+   1+   none  reported by No. 418, 2025-01
    565 건 (-33% MoM, -53% YoY) · 530.86 억 위안 (-36% MoM, -3% YoY)



 Regions  장쑤성 118  (reported)  No. 418 2025-01
q quit  ? help  Enter open  v view  c counts  i issues
X
keys l
check 'screen | tail -2 | head -1 | grep -q "^ Regions  상하이 65  (reported)"' "l moves to the tile on the right"
keys h k
check 'screen | tail -2 | head -1 | grep -q "^ Regions  산둥성 -  (reported)"' "h and k move left and up: 산둥 is above 장쑤"
keys j c
check 'screen | tail -2 | head -1 | grep -q "^ Regions  장쑤성 2  (computed from deals)"' "c shows the counts computed from the deals in the store"
check 'screen | grep -q "deals in the store, No. 418 2025-01"' "and the legend says so"
keys c Enter
check 'screen | tail -2 | head -1 | grep -q "Deals  1 of 2 deals · 21.57 억 위안 (1 approx.)  filter: region:장쑤성 i"' "Enter on 장쑤 opens the Deals pane filtered to the deals it counts"
check '[ "$("$JUBO" --db "$JUBO_SAMPLE_DB" list deals --filter "region:장쑤성 issue:418 kind:investment date:2025-01" --format tsv --columns company | tail -n +2 | tr "\n" " ")" = "광양홀딩스 나리신소재 " ]' "the filter it uses finds the same two deals"
keys 3 v
expect_screen "v shows the charts: bars aligned whatever the names' widths" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
No. 418 at a glance (2025-01)
Deals                  565 건  -33% MoM, -53% YoY
Amount         530.86 억 위안  -36% MoM, -3% YoY
VC/PE 기관             532 개  -34% MoM, -52% YoY
CVC 기관                51 개  -33% MoM, -65% YoY
M&A deals               25 건  -31% MoM, -66% YoY
M&A amount      26.21 억 위안  -34% MoM, -85% YoY
Top industry 스마트 제조 (138 건)
Top stage    초기 단계 (421 건)
Top VC/PE    선전창업투자(深创投) (11 건)
Top CVC      자오상국창업투자(招商局创投) (4 건)

Deals by region (reported)
장쑤성       118 건         ████████████████████████████████████████████████████
광둥성        94 건         █████████████████████████████████████████
베이징        70 건         ███████████████████████████████
상하이        65 건         █████████████████████████████
저장성        60 건         ██████████████████████████

Deals by city (reported)
베이징        70 건         ████████████████████████████████████████████████████
 Regions  charts  No. 418 2025-01
q quit  ? help  Enter open  v view  c counts  i issues
X
keys j j Enter
check 'screen | tail -2 | head -1 | grep -q "1 of 1 deal · 199.9 억 위안  filter: region:베이징 issue:418"' "Enter on a chart's region line filters the deals to it: one deal in 베이징, not two"
start 120 40 -- --db "$JUBO_SAMPLE_DB"
keys 3
expect_screen "120x40: the map, centred" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch                                주간 중국창업 No. 418 · 2025-03-31
                                                                                       헤이룽장
                                                                                              -
                        신장                                네이멍구                   지린
                               -                                   -                          -
                                          간쑤     닝샤     산서     베이징   톈진     랴오닝
                                                 -        -        -       70        -        -
                                 칭하이   섬서     허난     허베이   산둥
                                        -        -        -        -        -
                        시짱     쓰촨     충칭     후베이   안후이   >장쑤    상하이
                               -        -        -        -        -      118       65
                                 윈난     구이저우 후난     장시     저장
                                        -        -        -        -       60
                                          광시     광둥     푸젠     타이완
                                                 -       94        -        -
                                          하이난   마카오   홍콩
                                                 -        -        -
                         59+   24+   1+   none  reported by No. 418, 2025-01
                        565 건 (-33% MoM, -53% YoY) · 530.86 억 위안 (-36% MoM, -3% YoY)



















 Regions  장쑤성 118  (reported)  No. 418 2025-01
q quit  ? help  Enter open  v view  c counts  i issues
X
start 80 24 NO_COLOR=1 -- --db "$JUBO_SAMPLE_DB"
keys 3
tm capture-pane -p -e >"$tmp/attrs"
check '! grep -Eq "$(printf "\033")\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]" "$tmp/attrs"' "NO_COLOR: no colour"
check 'grep "118" "$tmp/attrs" | grep -q "$(printf "\033")\[[0-9;]*m"' "NO_COLOR: the shades are attributes"
check '[ "$(screen | sed -n 10p)" = "$(sed -n 10p <<'"'"'Y'"'"'
 1 News  2 Deals  3 Regions  4 Calendar      주간 중국창업 No. 418 · 2025-03-31
                                                                   헤이룽장
                                                                          -
    신장                                네이멍구                   지린
           -                                   -                          -
                      간쑤     닝샤     산서     베이징   톈진     랴오닝
                             -        -        -       70        -        -
             칭하이   섬서     허난     허베이   산둥
                    -        -        -        -        -
    시짱     쓰촨     충칭     후베이   안후이   >장쑤    상하이
           -        -        -        -        -      118       65
             윈난     구이저우 후난     장시     저장
                    -        -        -        -       60
                      광시     광둥     푸젠     타이완
                             -       94        -        -
                      하이난   마카오   홍콩
                             -        -        -
     59+   24+   1+   none  reported by No. 418, 2025-01
    565 건 (-33% MoM, -53% YoY) · 530.86 억 위안 (-36% MoM, -3% YoY)



 Regions  장쑤성 118  (reported)  No. 418 2025-01
q quit  ? help  Enter open  v view  c counts  i issues
Y
)" ]' "NO_COLOR: the same map"
start 80 24 TERM=vt100 -- --db "$JUBO_SAMPLE_DB"
keys 3
check 'screen | grep -q ">장쑤 "' "TERM=vt100: the map is drawn"
start 40 12 -- --db "$JUBO_SAMPLE_DB"
keys 3
check 'screen | grep -q "^Deals by region (reported)" && screen | grep -q "^장쑤성       118 건"' "40x12: too small for the map, the charts instead, the first region in view"
# Narrow: values and shares are never cut, the names give way.
for width in 40 50 60; do
	start "$width" 40 -- --db "$JUBO_SAMPLE_DB"
	keys 3 v
	check 'screen | grep -q " 468.05 억 위안     88% " && screen | grep -q " 383 건     68% "' \
		"$width columns: 468.05 억 위안 and 68% whole in the charts"
done
finish
