#!/bin/sh
# gen.sh DIR [DEALS] [ARTICLES]: writes a deterministic issue bundle for benchmarks: DEALS
# deals (default 1,000,000) and ARTICLES Korean articles with Chinese names (default
# 100,000), spread over 100 issues' worth of dates, all in one bundle of issue 9000.
# The same arguments always give the same bytes (a linear congruential generator in awk).
set -eu
dir=${1:?usage: gen.sh DIR [DEALS] [ARTICLES]}
deals=${2:-1000000}
articles=${3:-100000}
mkdir -p "$dir/articles"
cat >"$dir/issue.txt" <<X
number: 9000
title: 벤치마크 합성 호
publisher: jubo bench
date: 2025-03-31
X
cat >"$dir/rates.csv" <<X
currency,period,cny_per_unit,source
USD,2024-01,7.19,bench
HKD,2024-01,0.92,bench
X
awk -v n="$deals" -v m="$articles" -v dir="$dir" 'BEGIN {
	seed = 20250331
	split("가 나 다 라 마 바 사 아 자 차 카 타 파 하 진 신 텐 롄 훙 샤 오 잉 푸 리 예 톈 완 노 텔 집 적 광 양 허 젠 궁 롼 나 잔 전 자", ko, " ")
	split("北 电 集 成 皖 芯 光 洋 控 股 合 见 工 软 纳 力 新 材 料 瞻 英 矽 智 能 傅 利 叶 金 天 钛 华 中 科 技 创 投 资 本 云 数 据", zh, " ")
	split("베이징 상하이 장쑤 광둥 저장 안후이 후난 후베이 쓰촨 산둥 푸젠 허난 홍콩 선전 쑤저우 항저우 난징 우한 청두 미국 영국 싱가포르", place, " ")
	split("스마트 제조|인공지능|의료 건강|소재|기업 서비스|자동차 교통|에너지 전력|문화 및 오락|블록체인|전자상거래", sector, "|")
	split("엔젤 라운드|A 라운드|B 라운드|C 라운드|D 라운드|E 라운드|전략 투자|지분양도", round, "|")
	split("억 위안|만 위안|억 달러|만 달러|억 홍콩달러", unit, "|")
	split("이좡국가투자기금|베이징국유자산관리|ICBC 캐피탈|푸동 벤처 캐피탈|Sequoia Capital|Temasek|선전창업투자|쥔롄자본|Hillhouse|IDG Capital|미공개", inv, "|")
	split("investment investment investment investment unicorn ma", kind, " ")
	file = dir "/deals.csv"
	print "kind,period,company,company_zh,round,amount,valuation,acquirer,place,sector,description,investors" > file
	for (i = 1; i <= n; i++) {
		k = kind[r(6) + 1]
		name = ""; cn = ""
		len = 2 + r(4)
		for (j = 0; j < len; j++) { name = name ko[r(42) + 1]; cn = cn zh[r(40) + 1] }
		u = unit[r(5) + 1]
		amount = (r(5) == 0 ? "미공개" : ((r(3) == 0 ? "거의 " : "") (1 + r(999)) "." r(10) " " u))
		val = k == "unicorn" ? (10 + r(90)) " 억 달러" : ""
		acq = k == "ma" ? ko[r(42) + 1] ko[r(42) + 1] "그룹" : ""
		rnd = k == "ma" ? "" : round[r(8) + 1]
		invs = ""
		for (j = 0; j < 1 + r(4); j++) invs = invs (j ? "; " : "") inv[r(11) + 1]
		printf "%s,%04d-%02d,%s,%s,%s,%s,%s,%s,%s,%s,%s 개발업체,%s\n", k, 2017 + r(8), 1 + r(12), name, cn, rnd, amount, val, acq, place[r(22) + 1], sector[r(10) + 1], sector[r(10) + 1], invs > file
	}
	close(file)
	for (a = 1; a <= m; a++) {
		f = sprintf("%s/articles/%06d.md", dir, a)
		t = ""
		for (j = 0; j < 3; j++) t = t ko[r(42) + 1] ko[r(42) + 1] " "
		printf "Title: %s%s%s 소식 %d\nSection: %s\nDate: %04d-%02d-%02d\nSource: 합성 출처\n\n", t, zh[r(40) + 1], zh[r(40) + 1], a, (r(2) ? "news" : "industry"), 2017 + r(8), 1 + r(12), 1 + r(28) > f
		for (p = 0; p < 3; p++) {
			line = ""
			for (j = 0; j < 25; j++) line = line ko[r(42) + 1] ko[r(42) + 1] (r(4) == 0 ? zh[r(40) + 1] zh[r(40) + 1] : "") " "
			print line "로봇 칩 반도체 北京." > f
			print "" > f
		}
		close(f)
	}
}
# Park-Miller: products stay below 2^53, so the doubles keep every bit.
function r(k) { seed = (seed * 16807) % 2147483647; return int(seed / 7) % k }'
