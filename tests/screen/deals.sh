# The Deals pane: sorting across currencies both ways, a filter typed in Korean, a deal in
# full, the breakdown and its Enter, export, and aligned columns on the screen.
. "$top_srcdir/tests/screen/lib.sh"
columns="perl $top_srcdir/tests/cli/columns.pl --screen"
# jubo runs in the home directory: export proposes its files there, as ~/...
mkdir -p "$tmp/home" && cd "$tmp/home" || exit 1
start 80 24 -- --db "$JUBO_SAMPLE_DB"
keys 2 l l S
expect_screen "S on the amount column sorts by converted amount, largest first, ties newest first" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
    company  company… amount v        kind       round    region   sector
N   Infinit…          30 억 달러      investment B 라운드 미국     문화 및 오락
N   노텔집적 北电集成 199.9 억 위안   unicorn    A 라운드 베이징   스마트 제조
N   완신집적 皖芯集成 95.5 억 위안    unicorn    A 라운드 안후이성 스마트 제조
N   Anthrop…          10 억 달러      investment E 라운드 미국     인공지능
N   Verdiva…          4.11 억 달러    investment A 라운드 영국     의료 건강
N   Truveta           3.2 억 달러     unicorn    C 라운드 미국     의료 건강
N   Kardigan          3 억 달러       investment A 라운드 미국     의료 건강
N   Innovac…          2.75 억 달러    investment F 라운드 미국     의료 건강
N   Whatnot           2.65 억 달러    investment E 라운드 미국     전자상거래
N   Stoke S…          2.6 억 달러     investment C 라운드 미국     스마트 제조
N   Aviceda…          2.075 억 달러   investment C 라운드 미국     의료 건강
N   Tenvie …          2 억 달러       investment A 라운드 미국     의료 건강
N   광양홀 … 光洋控股 11.57 억 위안   investment 지분양도 장쑤성   자동차 교통
N   Hippocr…          1.41 억 달러    unicorn    B 라운드 미국     인공지능
N   잔신전자 瞻芯电子 거의 10 억 위안 investment C 라운드 상하이   스마트 제조
N   나리신 … 纳力新 … 거의 10 억 위안 investment A 라운드 장쑤성   소재
N   허젠궁롼 合见工软 거의 10 억 위안 investment A 라운드 상하이   기업 서비스
N   항진에 … 杭锦能源 8.53 억 위안    ma                  네이멍 … 에너지 전력
N   웨이밍 … 未名海 … 8.08 억 위안    ma                  광둥성   의료 건강
N   푸리예 … 傅利叶 … 거의 8 억 위안  investment E 라운드 상하이   인공지능
 Deals  1 of 27 deals · 849.48 억 위안 (5 approx.)  sort: amount desc
q quit  ? help  s sort  f filter  / search  Enter open  B breakdown  i issues
X
screen | $columns 80 narrow >"$tmp/check"
pass_or_fail $? "every column starts on the same screen column on every row: $(tail -1 "$tmp/check")"
keys G
keys s
keys G
expect_screen "s sorts ascending; G shows the largest last, 30 억 달러 above 199.9 억 위안" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
    company  company… amount ^        kind       round    region   sector
N   푸리예 … 傅利叶 … 거의 8 억 위안  investment E 라운드 상하이   인공지능
N   웨이밍 … 未名海 … 8.08 억 위안    ma                  광둥성   의료 건강
N   항진에 … 杭锦能源 8.53 억 위안    ma                  네이멍 … 에너지 전력
N   허젠궁롼 合见工软 거의 10 억 위안 investment A 라운드 상하이   기업 서비스
N   나리신 … 纳力新 … 거의 10 억 위안 investment A 라운드 장쑤성   소재
N   잔신전자 瞻芯电子 거의 10 억 위안 investment C 라운드 상하이   스마트 제조
N   Hippocr…          1.41 억 달러    unicorn    B 라운드 미국     인공지능
N   광양홀 … 光洋控股 11.57 억 위안   investment 지분양도 장쑤성   자동차 교통
N   Tenvie …          2 억 달러       investment A 라운드 미국     의료 건강
N   Aviceda…          2.075 억 달러   investment C 라운드 미국     의료 건강
N   Stoke S…          2.6 억 달러     investment C 라운드 미국     스마트 제조
N   Whatnot           2.65 억 달러    investment E 라운드 미국     전자상거래
N   Innovac…          2.75 억 달러    investment F 라운드 미국     의료 건강
N   Kardigan          3 억 달러       investment A 라운드 미국     의료 건강
N   Truveta           3.2 억 달러     unicorn    C 라운드 미국     의료 건강
N   Verdiva…          4.11 억 달러    investment A 라운드 영국     의료 건강
N   Anthrop…          10 억 달러      investment E 라운드 미국     인공지능
N   완신집적 皖芯集成 95.5 억 위안    unicorn    A 라운드 안후이성 스마트 제조
N   노텔집적 北电集成 199.9 억 위안   unicorn    A 라운드 베이징   스마트 제조
N   Infinit…          30 억 달러      investment B 라운드 미국     문화 및 오락
 Deals  27 of 27 deals · 849.48 억 위안 (5 approx.)  sort: amount
q quit  ? help  s sort  f filter  / search  Enter open  B breakdown  i issues
X
check 'screen | grep -q " Deals  27 of 27 deals · 849.48 억 위안 (5 approx.)  sort: amount$"' "the status line says where the cursor is, what the rows in view add up to and how they are sorted"
keys u g h h f C-u
type_text 'region:장쑤 sector:소재'
expect_screen "f opens the prompt; Korean typed into it shows as typed" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
    company  company… amount          kind       round    region   sector
N   노텔집적 北电集成 199.9 억 위안   unicorn    A 라운드 베이징   스마트 제조
N   완신집적 皖芯集成 95.5 억 위안    unicorn    A 라운드 안후이성 스마트 제조
N   광양홀 … 光洋控股 11.57 억 위안   investment 지분양도 장쑤성   자동차 교통
N   허젠궁롼 合见工软 거의 10 억 위안 investment A 라운드 상하이   기업 서비스
N   나리신 … 纳力新 … 거의 10 억 위안 investment A 라운드 장쑤성   소재
N   잔신전자 瞻芯电子 거의 10 억 위안 investment C 라운드 상하이   스마트 제조
N   잉시스 … 英矽智能 1 억 달러 이상  investment E 라운드 홍콩     의료 건강
N   푸리예 … 傅利叶 … 거의 8 억 위안  investment E 라운드 상하이   인공지능
N   진톈타 … 金天钛金 7 억 위안       investment B 라운드 후난성   소재
N   Infinit…          30 억 달러      investment B 라운드 미국     문화 및 오락
N   Anthrop…          10 억 달러      investment E 라운드 미국     인공지능
N   Verdiva…          4.11 억 달러    investment A 라운드 영국     의료 건강
N   Truveta           3.2 억 달러     unicorn    C 라운드 미국     의료 건강
N   Kardigan          3 억 달러       investment A 라운드 미국     의료 건강
N   Innovac…          2.75 억 달러    investment F 라운드 미국     의료 건강
N   Whatnot           2.65 억 달러    investment E 라운드 미국     전자상거래
N   Stoke S…          2.6 억 달러     investment C 라운드 미국     스마트 제조
N   Aviceda…          2.075 억 달러   investment C 라운드 미국     의료 건강
N   Tenvie …          2 억 달러       investment A 라운드 미국     의료 건강
N   Hippocr…          1.41 억 달러    unicorn    B 라운드 미국     인공지능
 Deals  1 of 27 deals · 849.48 억 위안 (5 approx.)
Filter: region:장쑤 sector:소재
X
keys Enter
expect_screen "Enter applies the filter: one deal in 장쑤 in 소재" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
    company  company… amount          kind       round    region   sector
N   나리신 … 纳力新 … 거의 10 억 위안 investment A 라운드 장쑤성   소재



















 Deals  1 of 1 deal · 10 억 위안 (1 approx.)  filter: region:장쑤 sector:소재
q quit  ? help  s sort  f filter  / search  Enter open  B breakdown  i issues
X
keys Enter
expect_screen "Enter opens the deal in full, every investor on its own line" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
issue         418
scope         china
company       나리신소재
company_zh    纳力新材料
amount        거의 10 억 위안
kind          investment
tables        big
round         A 라운드
amount_cny    1000000000
region        장쑤성
country       중국
place         장쑤
sector        소재
description   리튬 배터리용 복합 집전체 신소재 개발업체
period        2025-01

investors
                테마섹 홀딩스
                중진회사차오베이캐피탈
                야오투 캐피탈
                Oppenheimer Funds
 나리신소재  1/23
q quit  ? help  / search
X
keys q F l l l l l B
expect_screen "B breaks the region column down by count, with the amount in 억 위안" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
region                                                    count amount (억 위안)
미국                                                         11           432.01
상하이                                                        3               28
장쑤성                                                        2            21.57
광둥성                                                        1             8.08
네이멍구자치구                                                1             8.53
베이징                                                        1            199.9
스위스                                                        1             4.17
안후이성                                                      1             95.5
영국                                                          1            29.55
장시성                                                        1                5
허난성                                                        1             2.02
홍콩                                                          1             7.19
후난성                                                        1                7
후베이성                                                      1            0.957






 Breakdown  1/14
Enter filter  q quit  ? help  / search
X
keys j j Enter
expect_screen "Enter on 장쑤성 filters the table to it, with the total in the status line" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch      No. 418 · 2025-03-31
    company  company… amount          kind       round    region   sector
N   광양홀 … 光洋控股 11.57 억 위안   investment 지분양도 장쑤성   자동차 교통
    나리신 … 纳力新 … 거의 10 억 위안 investment A 라운드 장쑤성   소재


















 Deals  1 of 2 deals · 21.57 억 위안 (1 approx.)  filter: region:장쑤성
q quit  ? help  s sort  f filter  / search  Enter open  B breakdown  i issues
X
# Export writes the rows on screen, in their order and filter, for Excel: a BOM first.
keys e
check '[ "$(screen | tail -1)" = "Export to file: ~/jubo-deals-418.csv" ]' "e proposes a file name with the issue in view, in the directory jubo runs in (here the home)"
keys C-u
type_text "$tmp/out.csv"
keys Enter
check 'screen | grep -q "2 rows written to"' "e exports the two rows"
check '[ "$(head -c 3 "$tmp/out.csv" | od -An -tx1 | tr -d " ")" = "efbbbf" ]' "the file begins with a UTF-8 byte order mark"
check '[ "$(wc -l <"$tmp/out.csv")" -eq 3 ] && [ "$(head -1 "$tmp/out.csv" | tail -c +4 | tr -d "\r")" = "company,company_zh,amount,kind,round,region,sector,investors" ]' "the CSV has the header and the two rows, without the reader's marks"
check 'sed -n 2p "$tmp/out.csv" | grep -q "^광양홀딩스,光洋控股,11.57 억 위안,investment,지분양도,장쑤성"' "in the order shown"
cp "$tmp/out.csv" "$tmp/first.csv"
keys e C-u
type_text "$tmp/out.csv"
keys Enter
check '[ "$(screen | tail -1)" = "The file exists. Overwrite it? (y/n)" ]' "an existing file: jubo asks before overwriting it"
type_text n
keys Enter
check 'screen | grep -q "not written: .*out.csv is kept as it was"' "n keeps it"
check 'cmp -s "$tmp/out.csv" "$tmp/first.csv"' "as it was"
keys e Enter
check '[ -s "$tmp/home/jubo-deals-418.csv" ] && screen | grep -q "2 rows written to $tmp/home/jubo-deals-418.csv"' "Enter takes the proposal: ~ is the home directory"
keys e
check '[ "$(screen | tail -1)" = "Export to file: ~/jubo-deals-418-2.csv" ]' "the next proposal is numbered past the file that is there"
keys C-u
type_text "~/jubo-deals-418.csv"
keys Enter
type_text y
keys Enter
check 'screen | grep -q "2 rows written to $tmp/home/jubo-deals-418.csv"' "y overwrites"
# A mistake in a filter: the prompt comes back with the cursor at the mistake.
keys f C-u
type_text 'region:장쑤 regoin:x'
keys Enter
check 'screen | tail -2 | head -1 | grep -q "^filter: at 11: unknown field .regoin."' "a bad filter says where it went wrong"
check '[ "$(screen | tail -1)" = "Filter: region:장쑤 regoin:x" ]' "and the prompt opens again on it"
keys Escape
check 'screen | tail -2 | head -1 | grep -q "filter: region:장쑤성$"' "Esc leaves the filter as it was"
# 120x40: wider columns, still aligned.
start 120 40 -- --db "$JUBO_SAMPLE_DB"
keys 2
screen | $columns 120 narrow >"$tmp/check"
pass_or_fail $? "120x40: aligned: $(tail -1 "$tmp/check")"
check 'screen | sed -n 3p | grep -q "^U   노텔집적 .*北电集成 .*199.9 억 위안 .*unicorn .*A 라운드 .*베이징 .*스마트 제조 .*이좡국가투자기금;"' "120x40: the first deal shows in full, a new unicorn"
finish
