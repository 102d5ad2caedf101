# The browser on an archive of two issues (the second made here, never shipped): News newest
# first, an issue column in Deals, the list of issues to choose from, Regions week against
# week with a place's history, the title bar saying which issues are in view.
. "$top_srcdir/tests/screen/lib.sh"
make_second_issue "$tmp/b419"
"$JUBO" --db "$tmp/a.db" import "$top_srcdir/data/418" "$tmp/b419" >/dev/null 2>&1
start 100 30 -- --db "$tmp/a.db"
check 'screen | head -1 | grep -q "^ 1 News (11)  2 Deals  3 Regions  4 Calendar  5 Watch  .*  주간 중국창업 · all 2 issues, No. 418–419$"' \
	"the title bar says every issue is in view"
check 'screen | sed -n 3p | grep -q "^N       419 news       2025-04-05 \[시험용\] 가상의 새 호 기사$"' \
	"News lists the newest issue first"
check 'screen | sed -n 4p | grep -q "^N       418 news "' "then the issue before"
keys 2
check 'screen | sed -n 2p | grep -q "^    issue   company "' "Deals shows which issue each deal is from"
check 'screen | tail -2 | head -1 | grep -q "^ Deals  1 of 29 deals · 891.48 억 위안 (5 approx.)$"' \
	"29 deals in two issues, with their total"
keys i
expect_screen "i lists the issues to choose from, newest first, with their counts" <<'X'
 1 News (11)  2 Deals  3 Regions  4 Calendar  5 Watch     주간 중국창업 · all 2 issues, No. 418–419
Issues: Enter shows one; Space marks the start of a range, Enter its end
     No.  date        articles  unread   deals  events
  All issues
     419  2025-04-07         1       1       2       0
     418  2025-03-31        10      10      27      14






















 Issues  1/3
Enter show  Space mark a range  Esc back
X
keys j j Enter
check 'screen | head -1 | grep -q "  주간 중국창업 No. 418 · 2025-03-31$"' "Enter on No. 418: the title bar says so"
check 'screen | sed -n 2p | grep -q "^    company "' "one issue: no issue column"
check 'screen | tail -2 | head -1 | grep -q "^ Deals  1 of 27 deals · 849.48 억 위안 (5 approx.)$"' "and its 27 deals"
keys 1
check 'screen | tail -2 | head -1 | grep -q "^ News  1 of 10$"' "News shows its 10 articles"
keys i g j Space j Enter
check 'screen | head -1 | grep -q "  주간 중국창업 · No. 418–419, 2 issues$"' "Space and Enter choose a range"
keys i Escape
check 'screen | head -1 | grep -q "  주간 중국창업 · No. 418–419, 2 issues$"' "Esc leaves the choice as it was"
keys 3
check 'screen | tail -2 | head -1 | grep -q "^ Regions  장쑤성 130  (reported)  +12 from No. 418 (118)  No. 419 2025-02$"' \
	"Regions shows the latest issue in view, 장쑤성 130 beside No. 418's 118"
check 'screen | grep -q "reported by No. 419, 2025-02"' "the legend names the issue and its period"
keys v
check 'screen | grep -q "^장쑤성         130 건            +12 █"' "the charts show the change beside each count"
check 'screen | grep -q "^광둥성          90 건             -4 █"' "down as well as up"
keys H
expect_screen "H: the place's history over the issues in view" <<'X'
 1 News (11)  2 Deals  3 Regions  4 Calendar  5 Watch         주간 중국창업 · No. 418–419, 2 issues
장쑤성 across the issues (H or Esc: back)
issue    period     reported  change   in store
No. 418  2025-01         118                  2 ███████████████████████████████████████████████
No. 419  2025-02         130     +12          1 ████████████████████████████████████████████████████























 Regions  history: 장쑤성  No. 419 2025-02
q quit  ? help  / search  Enter open  v view  c counts  i issues
X
keys Enter
check 'screen | tail -2 | head -1 | grep -q "^ Deals  1 of 2 deals · 21.57 억 위안 (1 approx.)  filter: region:장쑤성 issue:418 kind:investment$"' \
	"Enter on a line of the history opens that issue's deals there"
keys 3 Escape
check 'screen | sed -n 2p | grep -q "^No. 419 at a glance (2025-02)$"' "Esc leaves the history for the charts"
keys i g Enter 3
check 'screen | head -1 | grep -q "  주간 중국창업 · all 2 issues, No. 418–419$"' "All issues again"
finish
