# The reader's own state in the browser, a key at a time: what is new and unread (N, U and
# the News tab's count), opening a row reads it, m, J and K, A, a star (*), a note (a), the
# filters on them, following from Deals (w), the Watch pane (5, Enter, r, d), an event's star
# and note in the Calendar, and all of it again in the next visit. The archive is the sample, read-only: the state is the reader's
# own file under $HOME, never the store.
. "$top_srcdir/tests/screen/lib.sh"
state="$HOME/.local/state/jubo/state.db"
sum_before=$(cksum <"$JUBO_SAMPLE_DB")
start 80 24 -- --db "$JUBO_SAMPLE_DB"
check '[ -f "$state" ]' "the first visit makes the reader's state file under \$HOME"
check 'screen | tail -2 | head -1 | grep -q "^ News  1 of 10$"' "the first visit: News on its first row"
check '[ "$(screen | sed -n 3,12p | cut -c1-4 | sort -u)" = "N   " ]' \
	"every article of an issue first seen is new (N)"

# Opening an article reads it; the tab's count goes down.
keys Enter q
expect_screen "Enter and q: the article opened is read, News (9)" <<'X'
 1 News (9)  2 Deals  3 Regions  4 Calendar  5 Watch       No. 418 · 2025-03-31
    issue   section    date       title
        418 news       2025-03-27 중관촌포럼, 중국의 10 대 과학기술 성과 발표  …
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
keys m
check 'screen | sed -n 3p | grep -q "^N       418 news"' "m: unread again (and still new, this visit)"
check 'screen | head -1 | grep -q "^ 1 News (10)  2 Deals"' "the tab counts it again"
keys m
check 'screen | sed -n 3p | grep -q "^        418 news"' "m again: read"

# J and K go to the next and the previous unread row, over the read ones, round the list
# as / and n do.
keys j Enter q k
check 'screen | tail -2 | head -1 | grep -q "^ News  1 of 10$"' "rows 1 and 2 read, back on the first"
keys J
check 'screen | tail -2 | head -1 | grep -q "^ News  3 of 10$"' "J: the next unread row is the third"
keys K
check 'screen | tail -2 | head -1 | grep -q "^ News  10 of 10$"' "K from there: none before it, so round to the last"
keys J
check 'screen | tail -2 | head -1 | grep -q "^ News  3 of 10$"' "J from the last: round to the third"
keys K

# A star and a note on the last article.
keys '*' a
check 'screen | tail -1 | grep -q "^Note:"' "a asks for the note"
type_text "후속 확인, 투자 일정"
keys Enter
expect_screen "* and a: the row starred and noted (N*+)" <<'X'
 1 News (8)  2 Deals  3 Regions  4 Calendar  5 Watch       No. 418 · 2025-03-31
    issue   section    date       title
N       418 news                  2025 년 지능형 운전 전쟁의 승자는 누가 될까?
N       418 news       2025-03-27 中, 세계 최초로 유전자편집 돼지 간 인체 이식 …
N       418 industry   2025-03-26 2025 년 뇌-컴퓨터 인터페이스 산업 발전 현황
N       418 investment 2025-03-29 2025 년 1 월 중국 투융자 현황
N       418 policy     2025-03-24 中 광시, '인공지능+제조' 행동 방안 발표
N       418 region     2025-03-27 Manus, 세상을 놀라게 하다: 우한의 'DeepSeek' …
N*+     418 kic        2025-03-28 한중 인공지능 로봇 협력 강화… 2025 중관촌 포 …













 News  10 of 10
note kept
X
keys Enter G
check 'screen | grep -A1 "^Your note$" | tail -1 | grep -q "^후속 확인, 투자 일정$"' "the reader shows the note at the end of the article"
check 'screen | tail -2 | head -1 | grep -q "^ 한중 인공지능 로봇 협력 강화"' "of the article opened"
keys J
check 'screen | tail -2 | head -1 | grep -q "^ 中, 자율주행 무인 드론 첫 인증  1/"' "J in the reader opens the next unread article"
check 'screen | head -1 | grep -q "^ 1 News (6)  2 Deals"' "and reads it"
keys q f
type_text "is:starred"
keys Enter
check 'screen | tail -2 | head -1 | grep -q "^ News  1 of 1  filter: is:starred$"' "is:starred: the one article"
keys F f
type_text "has:note"
keys Enter
check 'screen | tail -2 | head -1 | grep -q "^ News  1 of 1  filter: has:note$"' "has:note: the same one"
keys F f
type_text "is:unread"
keys Enter
check 'screen | tail -2 | head -1 | grep -q "^ News  1 of 6  filter: is:unread$"' "is:unread: the 6 not opened"

# A under a filter reads the rows in view only.
keys f C-u
type_text "로봇"
keys Enter A
check 'screen | tail -1 | grep -q "^4 rows marked read$"' "A under a filter: the 4 rows in view read"
keys F
check 'screen | head -1 | grep -q "^ 1 News (4)  2 Deals"' "the others not"
keys A
check 'screen | head -1 | grep -q "^ 1 News  2 Deals"' "A: every article read, no count left"
check '[ "$(screen | sed -n 3,12p | cut -c1-4 | sort -u | tr "\n" "|")" = "    |*+  |" ]' \
	"no row unread, but the star and the note stay"
keys J
check 'screen | tail -1 | grep -q "^no unread row$"' "J with nothing unread says so"

# The Watch pane before anything is followed says how to follow, wrapped to the window.
keys 5
expect_screen "5 with nothing followed: how to follow" <<'X'
 1 News  2 Deals  3 Regions  4 Calendar  5 Watch           No. 418 · 2025-03-31
Following nothing yet.

In Deals, w on a row follows its company (on the investors, sector or region
column: that investor, sector or place).
Or: jubo follow company 노텔집적
















 Watch  0 followed
r articles  d unfollow  q quit  ? help  Enter open
X

# Deals: a star there too, and w follows the company under the cursor by its Chinese name.
keys 2 l w
check 'screen | tail -1 | grep -q "^Follow (company:, investor:, sector:, place:): company:北电集成$"' \
	"w proposes the company, by the name in the column chosen"
keys Enter
check 'screen | tail -1 | grep -q "^following 北电集成 (5 shows the Watch pane)$"' "Enter follows it"
keys j '*'
check 'screen | sed -n 4p | grep -q "^N\*  완신집적"' "* in Deals stars the deal"
keys h h h h h h h h l l l l l l l
keys w C-u
type_text "place:江苏"
keys Enter
check 'screen | tail -1 | grep -q "^following 江苏 (5 shows the Watch pane)$"' "a place followed by its Chinese name"
keys 5
expect_screen "5: the Watch pane, each entity by every name, per issue, new this visit" <<'X'
 1 News  2 Deals  3 Regions  4 Calendar  5 Watch           No. 418 · 2025-03-31
followed   deals · amount · articles
company: 北电集成 · 노텔집적  1 deal · 199.9 억 위안 · 0 articles  new: 1 deal …
  N No. 418  2025-03-31  1 deal · 199.9 억 위안 · 0 articles
place: 江苏 · 장쑤성 · Jiangsu · 장쑤 · 강소 · 강소성 · 江苏省  2 deals · 21.57…
  N No. 418  2025-03-31  2 deals · 21.57 억 위안 · 2 articles
















 Watch  2 followed
r articles  d unfollow  q quit  ? help  Enter open
X
keys Enter
expect_screen "Enter on the company: its deals under either name" <<'X'
 1 News  2 Deals  3 Regions  4 Calendar  5 Watch           No. 418 · 2025-03-31
    company  company… amount        kind    round    region   sector   investors
N   노텔집적 北电集成 199.9 억 위안 unicorn A 라운드 베이징   스마트 … 이좡국가…



















 Deals  1 of 1 deal · 199.9 억 위안  filter: about:"company:北电集成"
q quit  ? help  s sort  f filter  / search  Enter open  B breakdown  i issues
X
keys 5 j j r
check 'screen | tail -2 | head -1 | grep -q "^ News  1 of 2  filter: about:\"place:江苏\"$"' \
	"r on the place: its articles in News"
keys 5 d
check 'screen | tail -1 | grep -q "^no longer following 江苏$"' "d stops following the place under the cursor"
check 'screen | tail -2 | head -1 | grep -q "^ Watch  1 followed$"' "one entity left"
# The Calendar: * and a act on the chosen day's events, marked in the month's list and shown
# with each event in full.
keys 4 '*'
check 'screen | tail -1 | grep -q "^1 event starred$"' "* in the Calendar stars the chosen day's event"
check 'screen | grep -q "^ *>\*04-29~04-30 2025 년 중유럽 위… 상하이   자재$"' "marked * in the month's list"
keys a
type_text "참가 신청 마감 확인"
keys Enter
check 'screen | tail -1 | grep -q "^note kept$"' "a writes a note on it"
keys Enter
expect_screen "Enter: the day's event in full, with its star and note" <<'X'
 1 News  2 Deals  3 Regions  4 Calendar  5 Watch           No. 418 · 2025-03-31
2025 년 중유럽 위험물 정상 포럼
dates     2025-04-29 ~ 2025-04-30
city      상하이
field     자재
issue     No. 418
star      *
note      참가 신청 마감 확인














 2025-04-29  1/7
q quit  ? help  / search
X
keys q
keys q q
check '[ "$(cksum <"$JUBO_SAMPLE_DB")" = "$sum_before" ]' "the archive is not written"

# The next visit: nothing is new any more; what was not opened is unread (U); every mark,
# star, note and follow is there.
start 80 24 -- --db "$JUBO_SAMPLE_DB"
check 'screen | head -1 | grep -q "^ 1 News  2 Deals  3 Regions  4 Calendar  5 Watch"' \
	"the next visit: no article unread"
check 'screen | sed -n 12p | grep -q "^\*+      418 kic        2025-03-28 한중 인공지능"' "the star and the note kept"
keys 2
check 'screen | sed -n 3p | grep -q "^U   노텔집적"' "a deal not opened is unread, no longer new (U)"
check 'screen | sed -n 4p | grep -q "^U\*  완신집적"' "the deal's star kept"
keys 5
check 'screen | sed -n 3p | grep -q "^company: 北电集成 · 노텔집적  1 deal · 199.9 억 위안 · 0 articles$"' "the follow kept"
check '! screen | grep -q "new:"' "nothing new for it"
stop
run --db "$JUBO_SAMPLE_DB" list starred
expect_out "jubo list starred: the starred and noted rows, with the note" <<'X'
target	issue	row	marks	note
deal	418	완신집적 A 라운드	*	
article	418	한중 인공지능 로봇 협력 강화… 2025 중관촌 포럼 성황리 개최	*+	후속 확인, 투자 일정
event	418	2025 년 중유럽 위험물 정상 포럼 2025-04-29	*+	참가 신청 마감 확인
X
finish
