#!/bin/bash
# import.sh [DEALS] [JUBO]: the bulk import against a fair floor. jubo imports a generated
# bundle of DEALS deals (default 100,000; bench/gen.sh, no articles) into an empty store;
# then the sqlite3 command-line shell builds the same store from the same rows, as fast as
# SQLite itself can: the same tables, the deals and their investors read from CSV with
# .import (the values jubo read from the bundle: amounts, places and dates already parsed,
# which the shell cannot do), then the same indexes, the same trigram text index, the same
# kept totals and the same triggers, in one transaction in WAL mode. Also the plain .import
# of the bundle's deals.csv into a table of text without an index. Five runs of each, jubo
# and the floor in turns, with /usr/bin/time; the ratios are of the medians.
set -u
here=$(cd "$(dirname "$0")" && pwd)
deals=${1:-100000}
jubo=${2:-$here/../src/jubo}
dir=$(mktemp -d "${BENCH_DIR:-/tmp}/jubo-import.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (apt-get install sqlite3)"; exit 1; }
sh "$here/gen.sh" "$dir/bundle" "$deals" 0 >/dev/null

# time_it FILE COMMAND...: appends the elapsed seconds of COMMAND to FILE.
time_it() {
	local file=$1
	shift
	sync
	/usr/bin/time -f "%e" -o "$dir/t" "$@" >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
	cat "$dir/t" >>"$file"
}
median() { sort -g "$1" | sed -n 3p; }

rm -f "$dir"/j.db*
"$jubo" --db "$dir/j.db" import "$dir/bundle" >/dev/null 2>&1 || exit 1

# What the floor starts from: jubo's store, its rows as CSV and its schema in parts.
sqlite3 "$dir/j.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
sqlite3 -csv "$dir/j.db" "SELECT * FROM deal ORDER BY id" >"$dir/deal.csv"
sqlite3 -csv "$dir/j.db" "SELECT * FROM deal_investor ORDER BY deal_id, seq" >"$dir/investor.csv"
columns=$(sqlite3 "$dir/j.db" "SELECT group_concat(name, ',') FROM pragma_table_info('deal')")
# Every column as .import gives it (text, '' for NULL) back to its value.
values=$(sqlite3 "$dir/j.db" "SELECT group_concat(CASE WHEN type IN ('INTEGER', 'REAL')
	THEN 'CAST(nullif(' || name || ', '''') AS ' || type || ')' ELSE 'nullif(' || name || ', '''')' END, ',')
	FROM pragma_table_info('deal')")
schema() { sqlite3 "$dir/j.db" "SELECT sql || ';' FROM sqlite_schema WHERE $1 AND sql IS NOT NULL
	AND name NOT LIKE 'sqlite_%' ORDER BY rowid"; }
{
	echo "PRAGMA journal_mode = WAL;"
	echo "BEGIN;"
	# Tables and views (the text index's shadow tables come with its CREATE VIRTUAL TABLE).
	# (FTS5 names its shadow tables in quotes: CREATE TABLE 'deal_text_data'.)
	schema "type IN ('table', 'view') AND sql NOT GLOB 'CREATE TABLE ''*'
		AND name <> 'deal_text_terms'"
	# The rows that are not deals: the issue, the places, the rates, the sections.
	for t in issue section place place_alias rate; do
		sqlite3 "$dir/j.db" ".dump $t" | grep '^INSERT'
	done
	echo "CREATE TEMP TABLE d AS SELECT * FROM deal WHERE 0;"
	echo ".import --csv --schema temp $dir/deal.csv d"
	echo "INSERT INTO deal ($columns) SELECT $values FROM temp.d;"
	echo ".import --csv $dir/investor.csv deal_investor"
	# The values of every column counted, for every deal and by province (store version 11):
	# the deals' values through the view, grouped once by province, then summed.
	echo "CREATE TEMP TABLE m AS SELECT col, province_id, coalesce(value, x'') AS value,
		count(*) AS n, total(amount) AS amount, count(amount) AS amount_n
		FROM deal_tally_source GROUP BY 1, 2, 3;
		INSERT INTO deal_tally SELECT col, 0, value, sum(n), sum(amount), sum(amount_n)
		FROM m GROUP BY 1, 3;
		INSERT INTO deal_tally SELECT * FROM m WHERE province_id IS NOT NULL;"
	schema "type = 'index'"
	echo "CREATE VIRTUAL TABLE deal_text_terms USING fts5vocab(deal_text, 'row');"
	echo "INSERT INTO deal_text(deal_text) VALUES ('rebuild');"
	echo "DELETE FROM deal_totals; INSERT INTO deal_totals SELECT coalesce(province_id, 0),
		CASE WHEN province_id IS NULL THEN coalesce(place, '') ELSE '' END, count(*),
		coalesce(sum(amount_cny), 0), count(amount_cny) FROM deal GROUP BY 1, 2;"
	sqlite3 "$dir/j.db" ".dump issue_counts" | grep '^INSERT'
	schema "type = 'trigger'"
	echo "COMMIT;"
} >"$dir/floor.sql"
# Taken in turns, so that what the machine does meanwhile weighs on both alike.
for run in 1 2 3 4 5; do
	rm -f "$dir"/f.db* "$dir"/k.db*
	time_it "$dir/jubo.times" "$jubo" --db "$dir/k.db" import "$dir/bundle"
	time_it "$dir/floor.times" sqlite3 "$dir/f.db" ".read $dir/floor.sql"
done
# The floor built what jubo built.
state=$(for db in j f; do
	sqlite3 "$dir/$db.db" "SELECT count(*), total(amount_cny), count(DISTINCT province_id) FROM deal;
		SELECT count(*) FROM deal_investor; SELECT count(*) FROM sqlite_schema;
		SELECT count(*) FROM deal_text('장쑤'); SELECT count(*), sum(n), printf('%.12g', total(amount))
		FROM deal_tally; PRAGMA integrity_check;" | tr '\n' ' '
	echo
done)
[ "$(printf '%s\n' "$state" | uniq | wc -l)" -eq 1 ] ||
	{ printf "the floor's store differs from jubo's:\n%s\n" "$state"; exit 1; }

for run in 1 2 3 4 5; do
	rm -f "$dir"/p.db*
	time_it "$dir/plain.times" sqlite3 "$dir/p.db" ".import --csv $dir/bundle/deals.csv deals"
done

j=$(median "$dir/jubo.times") f=$(median "$dir/floor.times") p=$(median "$dir/plain.times")
printf 'import of %s deals (%s investor rows), five runs each, in turns, seconds\n\n' "$deals" \
	"$(wc -l <"$dir/investor.csv")"
printf '| | runs | median | jubo / this |\n|---|---|---:|---:|\n'
printf '| jubo import | %s | %s | 1 |\n' "$(tr '\n' ' ' <"$dir/jubo.times")" "$j"
printf '| sqlite3: the same store from the same rows (floor) | %s | %s | %s |\n' \
	"$(tr '\n' ' ' <"$dir/floor.times")" "$f" "$(awk -v a="$j" -v b="$f" 'BEGIN { printf "%.2f", a / b }')"
printf '| sqlite3 .import of deals.csv alone (no index) | %s | %s | %s |\n' \
	"$(tr '\n' ' ' <"$dir/plain.times")" "$p" "$(awk -v a="$j" -v b="$p" 'BEGIN { printf "%.1f", a / b }')"
