# The first screen a new user sees: no store of their own, the sample issue.
. "$top_srcdir/tests/screen/lib.sh"
start 80 24 "JUBO_SAMPLE_DB=$JUBO_SAMPLE_DB" --
expect_screen "80x24: the News pane on the sample, with the tab bar, status and hints" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
    issue   section    date       title
N       418 news       2025-03-27 중관촌포럼, 중국의 10 대 과학기술 성과 발표  …
N       418 news       2025-03-26 BMW-알리바바 협력 확대…"AI 엔진 공동개발"
N       418 news       2025-03-28 中, 자율주행 무인 드론 첫 인증
N       418 news                  2025 년 지능형 운전 전쟁의 승자는 누가 될까?
N       418 news       2025-03-27 中, 세계 최초로 유전자편집 돼지 간 인체 이식 …
N       418 industry   2025-03-26 2025 년 뇌-컴퓨터 인터페이스 산업 발전 현황
N       418 investment 2025-03-29 2025 년 1 월 중국 투융자 현황
N       418 policy     2025-03-24 中 광시, '인공지능+제조' 행동 방안 발표
N       418 region     2025-03-27 Manus, 세상을 놀라게 하다: 우한의 'DeepSeek' …
N       418 kic        2025-03-28 한중 인공지능 로봇 협력 강화… 2025 중관촌 포 …










 News  1 of 10
q quit  ? help  s sort  f filter  / search  Enter open  i issues
X
check '[ ! -e "$tmp/home/.local/share/jubo/jubo.db" ]' "browsing creates no store"
keys 3
check 'screen | grep -q ">장쑤"' "3 shows the Regions pane"
check '[ "$(screen | tail -1)" = "q quit  ? help  Enter open  v view  c counts  i issues" ]' "with the keys that work there"
keys q
sleep 0.3
check '! tm list-panes -F "#{pane_current_command}" | grep -q jubo' "q quits"
finish
