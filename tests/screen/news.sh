# The News pane and the reader: an article with its table, subheadings and bullets; search
# inside it; its links opened with $BROWSER (no shell) and copied with OSC 52; the help screen.
. "$top_srcdir/tests/screen/lib.sh"
cat >"$tmp/browser" <<'Y'
#!/bin/sh
printf '%s\n' "$@" >"$0.args"
Y
chmod +x "$tmp/browser"
start 80 24 "BROWSER=$tmp/browser" -- --db "$JUBO_SAMPLE_DB"
keys j j j j j Enter Space
expect_screen "the BCI article: wrapped Korean, a subheading, the industry chain as a table, bullets" <<'X'
 1 News (9)  2 Deals  3 Regions  4 Calendar  5 Watch       No. 418 · 2025-03-31
크게 늘어날 것으로 예상된다. 중국도 국가의 정책 지원, 기업의 연구개발 투자 확대,
계속 늘어나는 시장 수요에 힘입어 강한 성장세를 보인다.

산업 체인 구조
현재는 업스트림과 미드스트림 기술이 상대적으로 빨리 발전하고 있어, 다운스트림
응용이 넓어질 토대가 되고 있다.

단계       | 구성          | 내용
-----------+---------------+--------------------------------
업스트림   | 핵심 장치     | 뇌파 수집 장비, BCI 칩 등
미드스트림 | 툴 소프트웨어 | 신호처리, 디코딩 알고리즘 등
다운스트림 | 솔루션        | 의료, 재활, 교육 등 분야의 응용

기술 성과 상용화 현황
• 정책: 중국 중앙과 지방 정부는 BCI 분야에 기술 성과 상용화 기금을 세우고, 성과
  평가와 전환 절차를 다듬고, 지식재산권 보호를 강화하는 등 여러 갈래의 정책을
  내놓아 상용화의 기반을 다지고 있다.
• 모델과 채널: 상용화 방식은 기술 이전, 라이선스, 합작 투자에서 출발해 지금은
  지분 투자, 인수합병, 창업 인큐베이팅으로 넓어졌다. BCI 분야에서도 이런 방식이
  기술과 시장 수요의 결합을 앞당기고 상용화의 효율과 성공률을 높이고 있다.
• 성공 사례: 뉴럴링크(Neuralink)의 BCI 제품은 여러 환자에게 이식되어 생각만으로
 2025 년 뇌-컴퓨터 인터페이스 산업 발전 현황  21/81
q quit  ? help  / search  o open-link
X
keys G
expect_screen "its end: source and the numbered link" <<'X'
 1 News (9)  2 Deals  3 Regions  4 Calendar  5 Watch       No. 418 · 2025-03-31
나아가고 있다.

제언
• 기술 혁신과 연구개발 투자 강화: 기업과 연구 기관은 BCI 연구개발 투자를 늘려
  기술 돌파구를 찾아야 한다.
• 응용 분야와 시장 확장: 교육, 엔터테인먼트 등 신흥 분야에 적극 적용해 시장
  잠재력을 넓혀야 한다.
• 산업 체인 협력과 통합 강화: 업스트림과 다운스트림 기업의 협력과 통합으로 더
  완성된 생태계를 만들어야 한다.
• 국제 협력과 교류 촉진: 해외 선진 기술과의 협력을 찾고 관리 노하우를 들여와
  상용화의 효율과 품질을 높여야 한다.

이런 방안을 실천하면 BCI 산업이 지속 가능하고 건강하게 발전해 경제·사회 발전과
인류 문명의 진보에 더 크게 이바지할 수 있을 것이다.

Source: 기술전환연구원(技术转移研究院)

Links (o N opens, y N copies):
[1]  2025년 뇌-컴퓨터 인터페이스 산업 발전 현황 및 과학기술 성과 전환 추세
     분석(2025 年脑机接口产业发展现状和科技成果转化趋势分析)
     https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA
 2025 년 뇌-컴퓨터 인터페이스 산업 발전 현황  61/81
q quit  ? help  / search  o open-link
X
keys o
check '[ "$(cat "$tmp/browser.args" 2>/dev/null)" = "https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA" ]' "o runs \$BROWSER with the URL as its one argument"
check 'screen | tail -1 | grep -q "^opened https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA"' "and says so"
tm set-option -g set-clipboard on
keys y
check '[ "$(tm show-buffer 2>/dev/null)" = "https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA" ]' "y copies the link through OSC 52 (tmux with set-clipboard on)"
keys g /
type_text "BCI 칩"
keys Enter
tm capture-pane -p -e >"$tmp/attrs"
check 'grep -q "BCI 칩" "$tmp/attrs" && grep "BCI 칩" "$tmp/attrs" | grep -q "$(printf "\033")\[[0-9;]*m.*BCI 칩"' "/ finds text in the article and marks it"
keys q
check 'screen | sed -n 2p | grep -q "^    issue   section"' "q leaves the reader, back to the list"
keys /
type_text "로봇"
keys Enter
check 'screen | grep -q " News  10 of 10"' "/ in the list moves to the next row that holds the word"
keys 1 '?'
expect_screen "? shows the help, made from the key table" <<'X'
 1 News (9)  2 Deals  3 Regions  4 Calendar  5 Watch       No. 418 · 2025-03-31
jubo: keys (q or Esc closes this help)

q            Quit jubo (in a reader: back to the list)
?            Show this help
Ctrl-L       Redraw the screen
1            News pane
2            Deals pane
3            Regions pane
4            Calendar pane
5            Watch pane (what you follow)
Tab          Next pane
Shift-Tab    Previous pane
j Down       Move down (Calendar: a week, Regions: a tile)
k Up         Move up (Calendar: a week, Regions: a tile)
PgDn Space   Page down
PgUp b       Page up
Ctrl-D       Half a page down
Ctrl-U       Half a page up
g Home       Go to the first row
G End        Go to the last row
h Left       Column to the left (Calendar: a day back, Regions: a tile)
 Help: keys
q quit  ? help  / search
X
keys Escape
check 'screen | sed -n 2p | grep -q "^    issue   section"' "Esc closes the help"
# 40 columns: the marks and the title stay, the section and the date give way (a second visit:
# the articles not opened are unread, U, no longer new).
start 40 12 -- --db "$JUBO_SAMPLE_DB"
check 'screen | sed -n 2p | grep -q "^    issue  title$"' "40 columns: News keeps its title column"
check 'screen | sed -n 3p | grep -q "^U      418 중관촌포럼"' "with the titles in it"
finish
