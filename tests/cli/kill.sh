# SIGKILL at any moment leaves the store whole, with exactly what it had before or exactly
# what the command brings: an import of 5,000 generated deals (row by row), the same issue
# again with --replace (one deal fewer), and the first run's copy of the sample. The moments
# are random over each command's length (and a little past it).
#   JUBO_KILLS=N       kills in all (default 20; 2/5 imports, 2/5 --replace, 1/5 first runs)
#   JUBO_KILL_SEED=S   the moments of an earlier run again (each run prints its seed)
#   JUBO_KILL_DEALS=N  deals in the bundle (default 5000; 30000 or more takes the bulk path,
#                      the indexes dropped and built again at the end)
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
kills=${JUBO_KILLS:-20}
seed=${JUBO_KILL_SEED:-$(date +%s)}
echo "# seed $seed: JUBO_KILL_SEED=$seed repeats these moments"
sh "$top_srcdir/bench/gen.sh" big "${JUBO_KILL_DEALS:-5000}" 0 >/dev/null
"$JUBO" --db base.db import "$top_srcdir/data/418" >/dev/null 2>&1
counts() { sqlite3 "$1" "SELECT (SELECT count(*) FROM issue) || '/' || (SELECT count(*) FROM deal) || '/' || (SELECT count(*) FROM deal_investor) || '/' || (SELECT count(*) FROM article)"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# The states a killed command may leave, taken from runs that were not killed.
before=$(counts base.db)
start=$(ms)
cp base.db after.db && "$JUBO" --db after.db import big >/dev/null 2>&1
took=$(( $(ms) - start ))
after=$(counts after.db)
# --replace brings the bundle without its last deal, so that its state tells from the one
# before.
cp -r big less && sed -i '$d' less/deals.csv
cp after.db replaced.db
start=$(ms)
"$JUBO" --db replaced.db import --replace less >/dev/null 2>&1
replace_took=$(( $(ms) - start ))
replaced=$(counts replaced.db)
# The first run copies the store $JUBO_SAMPLE_DB names: the one with those deals more.
sqlite3 after.db "PRAGMA journal_mode = DELETE" >/dev/null
size=$(wc -c <after.db)
# env, not a shell function: a function run in the background is a subshell, and killing it
# would leave jubo running on. The file is named in full so that a jubo left running is found.
first_run() { env HOME="$tmp/home" JUBO_SAMPLE_DB="$tmp/after.db" "$JUBO" import --dry-run "$tmp/big/rates.csv"; }
rm -rf home && mkdir home
start=$(ms)
first_run >/dev/null 2>&1
first_took=$(( $(ms) - start ))

# moments STREAM N MS: N delays in seconds, uniform over 1.2 times MS milliseconds; each
# STREAM its own sequence of the seed.
moments() {
	awk -v k="$1" -v n="$2" -v ms="$3" -v seed="$seed" \
		'BEGIN { srand(seed + k); for (i = 0; i < n; i++) printf "%.3f ", rand() * ms * 1.2 / 1000 }'
}
kill_after() { # kill_after DELAY COMMAND...: runs the command, kills it after DELAY seconds
	delay=$1
	shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
# whole STORE BEFORE AFTER: 0 when the store passes SQLite's check and holds one of the two.
whole() {
	state=$(counts "$1")
	[ "$(sqlite3 "$1" "PRAGMA integrity_check")" = ok ] && { [ "$state" = "$2" ] || [ "$state" = "$3" ]; }
}

n_import=$((kills * 2 / 5)) n_replace=$((kills * 2 / 5))
n_first=$((kills - n_import - n_replace))
# kill_runs STREAM WHAT N MS FROM BEFORE AFTER ARGS...: N times, a copy of the store FROM,
# jubo ARGS on it killed at a random moment of MS; each must hold BEFORE or AFTER. One TAP line.
kill_runs() {
	stream=$1 what=$2 runs=$3 length=$4 from=$5 state_before=$6 state_after=$7
	shift 7
	good=0 bad=0 as_before=0
	for delay in $(moments "$stream" "$runs" "$length"); do
		cp "$from" k.db
		kill_after "$delay" "$JUBO" --db k.db "$@"
		if whole k.db "$state_before" "$state_after"; then
			good=$((good + 1))
			[ "$state" = "$state_before" ] && as_before=$((as_before + 1))
		else
			bad=$((bad + 1))
			echo "# $what killed after ${delay}s: $state (before $state_before, after $state_after)"
		fi
	done
	check '[ "$bad" -eq 0 ]' "$what (${length} ms) killed $runs times: $good whole ($as_before as before, $((good - as_before)) as after), $bad corrupt or partial"
}
kill_runs 1 "an import of ${JUBO_KILL_DEALS:-5000} deals" "$n_import" "$took" base.db "$before" "$after" import big
kill_runs 2 "--replace" "$n_replace" "$replace_took" after.db "$after" "$replaced" \
	import --replace less
check '[ "$(sqlite3 k.db "INSERT INTO deal_text(deal_text) VALUES (\"integrity-check\"); SELECT 1")" = 1 ]' \
	"and the text index agrees with the deals after the last"

good=0 none=0 bad=0 litter=0
for delay in $(moments 3 "$n_first" "$first_took"); do
	rm -rf home && mkdir home
	kill_after "$delay" env HOME="$tmp/home" JUBO_SAMPLE_DB="$tmp/after.db" \
		"$JUBO" import --dry-run "$tmp/big/rates.csv"
	store="home/.local/share/jubo/jubo.db"
	# What a kill may leave beside the store: its log and shared memory, nothing else.
	for f in home/.local/share/jubo/*; do
		[ -e "$f" ] || continue
		case $f in "$store" | "$store"-wal | "$store"-shm | "$store"-journal) ;;
		*) litter=$((litter + 1)); echo "# first run killed after ${delay}s left $f" ;;
		esac
	done
	if [ ! -e "$store" ]; then
		none=$((none + 1))
	elif [ "$(wc -c <"$store")" -eq "$size" ] && whole "$store" "$after" "$after"; then
		good=$((good + 1))
	else
		bad=$((bad + 1))
		echo "# first run killed after ${delay}s: $(wc -c <"$store") bytes of $size"
	fi
done
check '[ "$bad" -eq 0 ]' "the first run's copy (${first_took} ms) killed $n_first times: $good whole stores, $none none, $bad half"
check '[ -z "$(pgrep -f -- "$tmp/big/rates.csv")" ]' "every first run killed is gone, none running on"
# A file system without unnamed files (O_TMPFILE) keeps the named temporary a kill leaves.
if /usr/bin/python3 -c 'import os, sys; os.close(os.open(sys.argv[1], os.O_TMPFILE | os.O_WRONLY))' "$tmp" 2>/dev/null; then
	check '[ "$litter" -eq 0 ]' "and no kill left a temporary file beside the store"
else
	skip "and no kill left a temporary file beside the store" "$tmp's file system has no O_TMPFILE"
fi
finish
