# SIGKILL at any moment of an import leaves the store whole, with exactly what it had before
# or exactly what the import brings: one import is one transaction. Large imports (the bulk
# path, indexes rebuilt at the end) and --replace, each killed at ten moments.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
sh "$top_srcdir/bench/gen.sh" big 5000 0 >/dev/null
"$JUBO" --db base.db import "$top_srcdir/data/418" >/dev/null 2>&1
counts() { sqlite3 "$1" "SELECT (SELECT count(*) FROM issue) || '/' || (SELECT count(*) FROM deal) || '/' || (SELECT count(*) FROM deal_investor) || '/' || (SELECT count(*) FROM article)"; }
# The two states a killed import may leave, taken from imports that were not killed.
before=$(counts base.db)
start=$(date +%s%N)
cp base.db after.db && "$JUBO" --db after.db import big >/dev/null 2>&1
took=$(( ($(date +%s%N) - start) / 1000000 )) # milliseconds
after=$(counts after.db)
# Ten moments spread over the time an import takes here, and one past its end.
delays=$(awk -v ms="$took" 'BEGIN { for (i = 0; i < 10; i++) printf "%.3f ", ms * (0.05 + 0.1 * i) / 1000; printf "%.3f", ms * 1.3 / 1000 }')
cp after.db replaced.db && "$JUBO" --db replaced.db import --replace big >/dev/null 2>&1
replaced=$(counts replaced.db)

kill_at() { # kill_at DELAY STORE ARGS...: runs jubo on STORE, kills it after DELAY seconds
	delay=$1 store=$2
	shift 2
	"$JUBO" --db "$store" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
good=0 bad=0 seen_before=0 seen_after=0
for delay in $delays; do
	cp base.db k.db
	kill_at "$delay" k.db import big
	state=$(counts k.db)
	if [ "$(sqlite3 k.db "PRAGMA integrity_check")" = ok ] &&
		{ [ "$state" = "$before" ] || [ "$state" = "$after" ]; }; then
		good=$((good + 1))
		[ "$state" = "$before" ] && seen_before=$((seen_before + 1)) || seen_after=$((seen_after + 1))
	else
		bad=$((bad + 1))
		echo "# killed after ${delay}s: $state (before $before, after $after)"
	fi
done
check '[ "$bad" -eq 0 ]' "an import of 5,000 deals (${took} ms) killed 11 times: $good whole ($seen_before as before, $seen_after as after), $bad not"
good=0 bad=0
for delay in $delays; do
	cp after.db k.db
	kill_at "$delay" k.db import --replace big
	state=$(counts k.db)
	if [ "$(sqlite3 k.db "PRAGMA integrity_check")" = ok ] &&
		{ [ "$state" = "$after" ] || [ "$state" = "$replaced" ]; }; then
		good=$((good + 1))
	else
		bad=$((bad + 1))
		echo "# --replace killed after ${delay}s: $state (before $after, after $replaced)"
	fi
done
check '[ "$bad" -eq 0 ]' "--replace killed 11 times: $good whole, $bad not"
check '[ "$(sqlite3 k.db "INSERT INTO deal_text(deal_text) VALUES (\"integrity-check\"); SELECT 1")" = 1 ]' \
	"and the text index agrees with the deals after the last"
finish
