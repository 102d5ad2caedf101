# The first run copies the sample into a new store: killed at any moment of the copy, it
# leaves either no store or a whole one, never half of one that every later command rejects.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
# A sample large enough that the copy takes a while.
sh "$top_srcdir/bench/gen.sh" big 20000 0 >/dev/null
"$JUBO" --db sample.db import big >/dev/null 2>&1
size=$(wc -c <sample.db)
whole=0 none=0 broken=0
for delay in 0.01 0.02 0.03 0.05 0.08 0.1 0.15 0.2 0.3 0.5; do
	rm -rf home && mkdir home
	HOME="$tmp/home" JUBO_SAMPLE_DB="$tmp/sample.db" "$JUBO" import --dry-run big/rates.csv >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	store="home/.local/share/jubo/jubo.db"
	if [ ! -e "$store" ]; then
		none=$((none + 1))
	elif [ "$(wc -c <"$store")" -eq "$size" ] && [ "$(sqlite3 "$store" "PRAGMA integrity_check")" = ok ]; then
		whole=$((whole + 1))
	else
		broken=$((broken + 1))
	fi
done
check '[ "$broken" -eq 0 ]' "10 kills during the first run: $whole whole stores, $none none, $broken half"
# A store left from an interrupted copy elsewhere does not stop the next run.
rm -rf home && mkdir -p home/.local/share/jubo
touch home/.local/share/jubo/jubo.db.AbCdEf
HOME="$tmp/home" JUBO_SAMPLE_DB="$tmp/sample.db" run import --dry-run big/rates.csv
expect_status 0 "a temporary file from an interrupted copy is ignored"
finish
