#!/bin/bash
# run.sh [SMALL.db LARGE.db] [JUBO]: every key of the browser that reads rows, measured by
# keys.sh on a store of 1,000 deals and on one of 1,000,000 deals (100,000 articles), side by
# side with the ratio of the two. Without stores, makes them with gen.sh and `jubo import`
# in $BENCH_DIR (default /tmp/jubo-bench; the large one takes a few minutes and 2 GB), timing
# the import against sqlite3's own .import of the same deals.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 2 ]; then
	small=$1 large=$2
	jubo=${3:-$here/../src/jubo}
else
	jubo=${1:-$here/../src/jubo}
	dir=${BENCH_DIR:-/tmp/jubo-bench}
	mkdir -p "$dir"
	small=$dir/small.db large=$dir/large.db
	for size in small large; do
		db=$dir/$size.db
		[ -f "$db" ] && continue
		if [ $size = small ]; then n=1000 m=100; else n=1000000 m=100000; fi
		sh "$here/gen.sh" "$dir/$size" $n $m
		start=$(date +%s%N)
		"$jubo" --db "$db" import "$dir/$size" >/dev/null || exit 1
		end=$(date +%s%N)
		echo "import of $n deals and $m articles: $(( (end - start) / 1000000 )) ms"
	done
	# The import against sqlite3 .import of the same 100,000 deals (deals only).
	if command -v sqlite3 >/dev/null; then
		sh "$here/gen.sh" "$dir/100k" 100000 0
		rm -f "$dir/100k.db" "$dir/plain.db"
		s=$(date +%s%N); "$jubo" --db "$dir/100k.db" import "$dir/100k" >/dev/null; e=$(date +%s%N)
		j=$(( (e - s) / 1000000 ))
		s=$(date +%s%N); sqlite3 "$dir/plain.db" ".import --csv $dir/100k/deals.csv deals"; e=$(date +%s%N)
		q=$(( (e - s) / 1000000 ))
		echo "import of 100,000 deals: jubo $j ms, sqlite3 .import $q ms ($(awk -v a=$j -v b=$q 'BEGIN { printf "%.1f", a / b }')x)"
	fi
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$here/keys.sh" "$small" "$jubo" >"$out/small"
"$here/keys.sh" "$large" "$jubo" >"$out/large"
printf '%-44s %10s %10s %7s\n' "key" "1k deals" "1M deals" "ratio"
paste -d'\t' <(sed 's/ *|.*//' "$out/small") <(sed 's/ *|.*//' "$out/large") | awk -F'\t' '
{
	name = substr($1, 1, 44); sub(/ +$/, "", name)
	a = substr($1, 45); b = substr($2, 45)
	if (a ~ /ms/) {
		sub(/ *ms/, "", a); sub(/ *ms/, "", b); gsub(/ /, "", a); gsub(/ /, "", b)
		r = (a + 0 > 0 && b ~ /^[0-9]+$/) ? sprintf("%.1f", b / a) : "-"
		printf "%-44s %7s ms %7s ms %7s\n", name, a, b, r
	} else {
		printf "%-44s %10s %10s\n", name, a, b
	}
}'
