# The sample store built from data/418: counts of every kind, and spot checks of every table.
. "$top_srcdir/tests/cli/lib.sh"
db="$JUBO_SAMPLE_DB"
q() { sqlite3 -separator '|' "$db" "$1"; }
# sql_is SQL WANT DESC: the query's result is exactly WANT.
sql_is() {
	got=$(q "$1")
	[ "$got" = "$2" ]
	pass_or_fail $? "$3"
	[ "$got" = "$2" ] || printf '#   got:  %s\n#   want: %s\n' "$got" "$2"
}
sql_at_least() {
	got=$(q "$1")
	[ "$got" -ge "$2" ] 2>/dev/null
	pass_or_fail $? "$3 ($got)"
}

run --db "$db" list issues
expect_status 0 "the sample store lists its issues"
check 'printf "%s\n" "$out" | grep -q "^418	2025-03-31	주간 중국창업	KIC China	10	27	14	85$"' "issue 418, 2025-03-31, KIC China: 10 articles, 27 deals (30 rows, three printed twice), 14 events, 85 statistics"

# Every bundle file is listed in Makefile.am, so the sample is built from (and ships) all of it.
for f in $(cd "$top_srcdir" && find data/418 -type f | sort); do
	check 'grep -q "	$f" "$top_srcdir/Makefile.am"' "Makefile.am lists $f"
done

# Articles: one per section as the issue has them, with sources and links.
sql_is "SELECT group_concat(section || ':' || n, ' ') FROM (SELECT section, count(*) n FROM article GROUP BY section ORDER BY section)" \
	"industry:1 investment:1 kic:1 news:5 policy:1 region:1" "five news items and one article in every other section"
sql_is "SELECT count(*) FROM article_ref" \
	"9" "nine reference links"
sql_is "SELECT url FROM article_ref r JOIN article a ON a.id = r.article_id WHERE a.section = 'region'" \
	"https://baijiahao.baidu.com/s?id=1826399062783348569&wfr=spider&for=pc" "the region item's link, without the PDF's space"
sql_is "SELECT count(*) FROM article WHERE body LIKE '%| 1 | EAST 1,066 초 고온 플라즈마 |%'" \
	"1" "the forum's ten achievements are a table"
sql_is "SELECT count(*) FROM article WHERE body LIKE '%| 치루이(奇瑞) | 3 월 18 일 |%'" \
	"1" "the intelligent-driving table has its rows"
sql_is "SELECT count(*) FROM article WHERE body LIKE '%| 자원 요소 보장 행동 | 데이터 기반 강화; 재정 지원 확대; 지적 자원 지원 강화 |%'" \
	"1" "the Guangxi action plan is a table"
sql_is "SELECT count(*) FROM article WHERE body LIKE '%| 업스트림 | 핵심 장치 | 뇌파 수집 장비, BCI 칩 등 |%'" \
	"1" "the BCI industry chain is a table"
sql_is "SELECT count(*) FROM article WHERE section = 'kic' AND body LIKE '%헬퍼로보틱스, 오이스터에이블, 로지체인, 뉴빌리티, 테솔로, 택트레이서%'" \
	1 "the KIC item names the six Korean companies apart"

# Deals: 9 + 10 China and overseas big deals, 2 + 4 new unicorns, 5 M&A; 노텔집적, 완신집적
# and Truveta are in both tables, one deal each: 27 deals, 22 of them financing rounds.
sql_is "SELECT group_concat(kind || '/' || scope || ':' || n, ' ') FROM (SELECT kind, scope, count(*) n FROM deal GROUP BY kind, scope ORDER BY kind, scope)" \
	"investment/china:9 investment/overseas:13 ma/china:5" "deal counts by kind and scope"
sql_is "SELECT group_concat(tags || ':' || n, ' ') FROM (SELECT tags, count(*) n FROM deal GROUP BY tags ORDER BY tags)" \
	"1:16 2:3 3:3 4:5" "by the tables they were printed in: 16 big deals only, 3 new unicorns only, 3 both, 5 M&A"
sql_is "SELECT group_concat(name_ko, ' ') FROM (SELECT name_ko FROM deal WHERE tags = 3 ORDER BY seq)" \
	"노텔집적 완신집적 Truveta" "the three rounds printed among the big deals and the new unicorns"
sql_is "SELECT round || '|' || amount_text || '|' || amount_value || '|' || amount_currency FROM deal WHERE kind = 'investment' AND name_zh = '北电集成'" \
	"A 라운드|199.9 억 위안|19990000000.0|CNY" "北电集成: A 라운드, 199.9 억 위안"
sql_is "SELECT count(*) FROM deal_investor i JOIN deal d ON d.id = i.deal_id WHERE d.kind = 'investment' AND d.name_zh = '北电集成'" \
	"7" "北电集成 has its seven investors"
sql_is "SELECT amount_qualifier || '|' || amount_currency FROM deal WHERE name_zh = '英矽智能'" \
	"at_least|USD" "英矽智能: 1 억 달러 이상 is at least, in dollars"
sql_is "SELECT valuation_text || '|' || valuation_value FROM deal WHERE tags & 2 AND name_zh = '皖芯集成'" \
	"96.0006억 위안|9600060000.0" "皖芯集成's valuation 96.0006억 위안"
sql_is "SELECT count(*) FROM deal_investor WHERE name = 'Illumina'" \
	"1" "Illumina (not llumina) in Truveta's one row"
sql_is "SELECT count(*) FROM deal_investor WHERE name = 'Generation Investment Management'" \
	"1" "B Capital Group and Generation Investment Management are apart"
sql_is "SELECT name_ko || '|' || country FROM deal WHERE tags & 2 AND scope = 'overseas' AND valuation_text = '16.4 억 달러'" \
	"Hippocratic AI|미국" "Hippocratic AI, corrected, valued at 16.4 억 달러"
sql_is "SELECT acquirer || '|' || amount_text || '|' || p.name_ko FROM deal d JOIN place p ON p.id = d.province_id WHERE d.name_zh = '杭锦能源'" \
	"중궈선화|8.53 억 위안|네이멍구자치구" "杭锦能源: bought by 중궈선화 for 8.53 억 위안, in 네이멍구"
sql_is "SELECT amount_value FROM deal WHERE name_zh = '兴荆新能源'" \
	"95698100.0" "9569.81 만 위안 read in yuan"
sql_is "SELECT count(*) FROM deal WHERE amount_cny IS NULL AND amount_text IS NOT NULL" \
	"0" "every amount the issue writes is read and converted"
sql_is "SELECT name_ko FROM deal WHERE kind = 'investment' ORDER BY amount_cny DESC LIMIT 1" \
	"Infinite Reality" "dollars and yuan sort together: Infinite Reality's 30 억 달러 is the largest"

# Statistics: the month, regions, cities, stages, rankings, M&A.
sql_is "SELECT value || '|' || rank FROM stat s JOIN place p ON p.id = s.place_id WHERE dimension = 'region' AND p.name_zh = '江苏'" \
	"118.0|1" "장쑤성 118 deals, first"
sql_is "SELECT group_concat(key || ':' || value, ' ') FROM (SELECT key, value FROM stat WHERE dimension = 'city' ORDER BY rank)" \
	"베이징:70.0 상하이:65.0 쑤저우:51.0 선전:51.0 난징:35.0" "the top five cities"
sql_is "SELECT count(*) FROM stat WHERE dimension IN ('region', 'city', 'ma_region') AND place_id IS NULL" \
	"0" "every region and city is in the gazetteer"
sql_is "SELECT value || '|' || share FROM stat WHERE dimension = 'stage' AND metric = 'deal_count' AND rank = 1" \
	"421.0|74.51" "early stage: 421 deals, 74.51%"
sql_is "SELECT value FROM stat WHERE dimension = 'total' AND metric = 'deal_amount_yoy'" \
	"-3.0" "the month's amount fell 3% year on year"
sql_is "SELECT value FROM stat WHERE dimension = 'vcpe' AND key LIKE '%Legend Capital%'" \
	"7.0" "Legend Capital (not Capita) in the VC/PE ranking"
sql_is "SELECT value || '|' || share FROM stat WHERE dimension = 'unicorn' AND metric = 'total_count' AND key = '중국'" \
	"511.0|27.0" "China's 511 unicorns, 27%"
sql_is "SELECT value FROM stat WHERE dimension = 'ma_industry' AND metric = 'deal_amount' AND rank = 1" \
	"9.69" "M&A by amount: 에너지 전력 9.69 억 위안 first"

# Events: all fourteen, with dates, cities and fields.
sql_is "SELECT count(*) FROM event" \
	"14" "fourteen events"
sql_is "SELECT start_date || '|' || end_date || '|' || city || '|' || field FROM event ORDER BY start_date DESC, id DESC LIMIT 1" \
	"2025-04-29|2025-04-30|상하이|자재" "the last event: 2025-04-29 to 2025-04-30 in 상하이"
sql_is "SELECT count(*) FROM event WHERE place_id IS NULL" \
	"0" "every event city is in the gazetteer"
sql_is "SELECT count(*) FROM event WHERE start_date = end_date" \
	"1" "one event lasts a single day (COOC 2025)"

# Places and rates the issue needs.
for name in 네이멍구 내몽고 선전 심천 리우저우 위린 베이하이 어얼도스 징먼 신샹 스자좡 이우 하이커우 쿤밍; do
	sql_is "SELECT count(*) FROM place_alias WHERE alias = '$name'" 1 "the gazetteer knows $name"
done
sql_is "SELECT count(*) FROM rate WHERE source <> ''" \
	"4" "four rates, each with its source"

# Search finds short Korean and Chinese words in the sample.
sql_at_least "SELECT count(*) FROM article_fts WHERE article_fts MATCH '{title_uni body_uni} : \"칩\"'" \
	"2" "one-character 칩 is found in articles"

# The installed sample is read by users who cannot write beside it: no WAL there.
sql_is "PRAGMA journal_mode" delete "the sample store is in rollback-journal mode"
if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
	mkdir -p "$tmp/ro" && cp "$db" "$tmp/ro/sample.db" && chmod 755 "$tmp" "$tmp/ro" &&
		chmod 444 "$tmp/ro/sample.db"
	runuser -u nobody -- env HOME=/nonexistent "$JUBO" --db "$tmp/ro/sample.db" list issues \
		>"$tmp/ro.out" 2>&1
	check '[ $? -eq 0 ] && grep -q "^418	" "$tmp/ro.out"' "a user without write access reads the sample"
	sed 's/^/# /' "$tmp/ro.out" | head -3
fi
finish
