# lib.sh: helpers for command-line tests that speak TAP.
#   run ARGS...          runs jubo; stdout in $out, stderr in $err, exit status in $status
#   expect_status N DESC
#   expect_out DESC      compares stdout with the expected text on standard input
#   expect_err DESC      the same for standard error
#   check COND DESC      passes when the shell command COND succeeds
#   skip DESC WHY        a check that cannot run here, counted as skipped
#   finish               prints the plan and exits with the right status
set -u
: "${JUBO:?JUBO must name the jubo binary}"
: "${top_srcdir:?top_srcdir must be set}"
fixtures="$top_srcdir/tests/fixtures"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jubo-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Keep the user's own store and environment out of the tests.
HOME="$tmp/home"; export HOME
mkdir -p "$HOME"
unset XDG_DATA_HOME JUBO_DB
# The deal columns the import tests compare.
deal_columns=issue,kind,scope,company,company_zh,round,amount,amount_cny,valuation,acquirer,place,sector,investors
tap_n=0
tap_failed=0

pass_or_fail() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

run() {
	"$JUBO" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	status=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

expect_status() {
	[ "$status" -eq "$1" ]
	pass_or_fail $? "$2 (exit status $status, expected $1)"
	if [ "$status" -ne "$1" ]; then sed 's/^/# stderr: /' "$tmp/stderr"; fi
}

compare() {
	cat >"$tmp/expected"
	if diff -u "$tmp/expected" "$1" >"$tmp/diff"; then
		pass_or_fail 0 "$2"
	else
		pass_or_fail 1 "$2"
		sed 's/^/# /' "$tmp/diff"
	fi
}

expect_out() { compare "$tmp/stdout" "$1"; }
expect_err() { compare "$tmp/stderr" "$1"; }

check() {
	eval "$1"
	pass_or_fail $? "$2"
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

finish() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# make_second_issue DIR: a second issue, clearly synthetic, made here from the sample's
# format (never shipped as data): No. 419 of 2025-04-07 for 2025-02, in which 장쑤성 reports
# 130 deals (No. 418: 118) and 베이징 75 (70); two deals of its own, one of them printed in
# both the big-deals and the new-unicorn tables; one article.
make_second_issue() {
	mkdir -p "$1/articles"
	cat >"$1/issue.txt" <<'ISSUE'
number: 419
title: 주간 중국창업
publisher: KIC China
date: 2025-04-07
note: 시험용으로 만든 가상의 호
ISSUE
	cat >"$1/deals.csv" <<'DEALS'
kind,scope,period,company,company_zh,round,amount,valuation,acquirer,place,sector,description,investors
investment,china,2025-02,시험전자,试验电子,B 라운드,12 억 위안,,,장쑤,스마트 제조,시험용 가상 기업,가상투자
investment,china,2025-02,가상바이오,虚拟生物,C 라운드,30 억 위안,,,허페이·안후이,의료 건강,시험용 가상 기업,가상기금
unicorn,china,2025-02,가상바이오,虚拟生物,C 라운드,30 억 위안,120 억 위안,,허페이·안후이,의료 건강,시험용 가상 기업,가상기금
DEALS
	cat >"$1/stats.csv" <<'STATS'
period,metric,dimension,key,value,unit,share,rank
2025-02,deal_count,total,전체,600,건,,
2025-02,deal_count,region,장쑤성,130,건,,1
2025-02,deal_count,region,광둥성,90,건,,2
2025-02,deal_count,region,베이징,75,건,,3
2025-02,deal_count,region,상하이,65,건,,4
2025-02,deal_count,region,안후이성,40,건,,5
STATS
	cat >"$1/articles/01-test.md" <<'ARTICLE'
Title: [시험용] 가상의 새 호 기사
Section: news
Date: 2025-04-05

시험을 위해 만든 가상의 기사다. 실제 소식이 아니다.
ARTICLE
}

# tally_off DB: the values of the deal columns the store keeps counted (deal_tally, for every
# deal and by province) that disagree with the deals themselves, counted here afresh from the
# tables with the Deals listing's expressions: 0 in a store whose tally is right. Amounts are
# compared in whole yuan.
tally_off() {
	sqlite3 "$1" "
	WITH v(col, value, province_id, amount) AS (
	 SELECT 'issue', d.issue_id, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'scope', d.scope, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'company', d.name_ko, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'company_zh', d.name_zh, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'amount', d.amount_text, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'kind', CASE WHEN d.tags & 2 THEN 'unicorn' ELSE d.kind END,
		d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'tables', nullif(trim((CASE WHEN d.tags & 1 THEN 'big ' ELSE '' END) ||
		(CASE WHEN d.tags & 2 THEN 'unicorn ' ELSE '' END) || (CASE WHEN d.tags & 4 THEN 'ma'
		ELSE '' END)), ''), d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'round', d.round, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'amount_cny', printf('%.0f', d.amount_cny), d.province_id, d.amount_cny
		FROM deal d WHERE d.amount_cny IS NOT NULL
	 UNION ALL SELECT 'amount_cny', NULL, d.province_id, NULL FROM deal d
		WHERE d.amount_cny IS NULL
	 UNION ALL SELECT 'valuation', d.valuation_text, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'acquirer', d.acquirer, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'region', coalesce(pr.name_ko, CASE WHEN d.province_id IS NULL
		THEN d.place END), d.province_id, d.amount_cny FROM deal d LEFT JOIN place pr
		ON pr.id = d.province_id
	 UNION ALL SELECT 'city', ct.name_ko, d.province_id, d.amount_cny FROM deal d
		LEFT JOIN place ct ON ct.id = d.city_id
	 UNION ALL SELECT 'country', d.country, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'place', d.place, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'sector', d.sector, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'period', d.period, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'date', d.date, d.province_id, d.amount_cny FROM deal d
	 UNION ALL SELECT 'investors', x.name, d.province_id, d.amount_cny FROM deal_investor x
		JOIN deal d ON d.id = x.deal_id),
	fresh AS (
	 SELECT col, 0 AS region, coalesce(CAST(value AS TEXT), '(none)') AS value, count(*) AS n,
		round(coalesce(sum(amount), 0)) AS amount, count(amount) AS amount_n FROM v GROUP BY 1, 3
	 UNION ALL SELECT col, province_id, coalesce(CAST(value AS TEXT), '(none)'), count(*),
		round(coalesce(sum(amount), 0)), count(amount) FROM v WHERE province_id IS NOT NULL
		GROUP BY 1, 2, 3),
	kept AS (
	 SELECT col, region, CASE WHEN typeof(value) = 'blob' THEN '(none)'
		WHEN col = 'tables' THEN replace(value, '+', ' ') ELSE CAST(value AS TEXT) END AS value, n,
		round(amount),
		amount_n FROM deal_tally)
	SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept))
		+ (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh))"
}
