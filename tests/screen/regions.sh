# The Regions pane: the tile map of the provinces shaded by count with a legend, the bar
# charts of every reported breakdown, reported and computed counts, Enter to the Deals pane.
. "$top_srcdir/tests/screen/lib.sh"
start 80 24 -- --db "$JUBO_SAMPLE_DB"
keys 3
expect_screen "80x24: the map, 장쑤 chosen with its 118 deals, and the legend" <<'X'
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




 Regions  장쑤성 118  (reported)
q quit  ? help  Enter open  v view  c counts
X
keys l
check 'screen | tail -2 | head -1 | grep -q "^ Regions  상하이 65  (reported)"' "l moves to the tile on the right"
keys h k
check 'screen | tail -2 | head -1 | grep -q "^ Regions  산둥성 -  (reported)"' "h and k move left and up: 산둥 is above 장쑤"
keys j c
check 'screen | tail -2 | head -1 | grep -q "^ Regions  장쑤성 2  (computed from deals)"' "c shows the counts computed from the deals in the store"
check 'screen | grep -q "deals in the store, No. 418 2025-01"' "and the legend says so"
keys c Enter
check 'screen | tail -2 | head -1 | grep -q "Deals  1 of 2  filter: region:장쑤성"' "Enter on 장쑤 opens the Deals pane filtered to it"
keys 3 v
expect_screen "v shows the charts: bars aligned whatever the names' widths" <<'X'
 1 News  2 Deals  3 Regions  4 Calendar      주간 중국창업 No. 418 · 2025-03-31
Deals by region (reported)
장쑤성       118 건         ████████████████████████████████████████████████████
광둥성        94 건         █████████████████████████████████████████
베이징        70 건         ███████████████████████████████
상하이        65 건         █████████████████████████████
저장성        60 건         ██████████████████████████

Deals by city (reported)
베이징        70 건         ████████████████████████████████████████████████████
상하이        65 건         ████████████████████████████████████████████████
쑤저우        51 건         ██████████████████████████████████████
선전          51 건         ██████████████████████████████████████
난징          35 건         ██████████████████████████

Industries by deals
스마트 제조                      138 건         ████████████
인공지능                             #2
의료 건강                            #3
소재                                 #4
기업 서비스                          #5
상위 5 개 산업 (건수 기준)       383 건     68% ████████████████████████████████
 Regions  charts
q quit  ? help  Enter open  v view  c counts
X
keys j j Enter
check 'screen | tail -2 | head -1 | grep -q "filter: region:베이징"' "Enter on a chart's region line filters the deals to it"
start 120 40 -- --db "$JUBO_SAMPLE_DB"
keys 3
expect_screen "120x40: the map, centred" <<'X'
 1 News  2 Deals  3 Regions  4 Calendar                                              주간 중국창업 No. 418 · 2025-03-31
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




















 Regions  장쑤성 118  (reported)
q quit  ? help  Enter open  v view  c counts
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




 Regions  장쑤성 118  (reported)
q quit  ? help  Enter open  v view  c counts
Y
)" ]' "NO_COLOR: the same map"
start 80 24 TERM=vt100 -- --db "$JUBO_SAMPLE_DB"
keys 3
check 'screen | grep -q ">장쑤 "' "TERM=vt100: the map is drawn"
start 40 12 -- --db "$JUBO_SAMPLE_DB"
keys 3
check 'screen | sed -n 2p | grep -q "^Deals by region (reported)"' "40x12: too small for the map, the charts instead"
finish
