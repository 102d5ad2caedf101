# SIGKILL at any moment leaves the store whole, with exactly what it had before or exactly
# what the command brings: an import of 1,000 generated deals (row by row), one of 5,000 (the
# bulk path: the indexes dropped and built again at the end), the first issue again with
# --replace (one deal fewer), and the first run's copy of the sample. The moments are random
# over each command's length (and a little past it). Whole means SQLite's check and FTS5's
# pass, and the counts the store keeps agree with its rows.
#   JUBO_KILLS=N       kills in all (default 20: 3/10 each import, 1/4 --replace, the rest
#                      first runs)
#   JUBO_KILL_SEED=S   the moments of an earlier run again (each run prints its seed)
#   JUBO_KILL_DEALS=N  deals in the row-by-row bundle (default 1000)
#   JUBO_KILL_BULK=N   deals in the bulk bundle (default 5000)
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
kills=${JUBO_KILLS:-20}
seed=${JUBO_KILL_SEED:-$(date +%s)}
echo "# seed $seed: JUBO_KILL_SEED=$seed repeats these moments"
deals=${JUBO_KILL_DEALS:-1000} bulk_deals=${JUBO_KILL_BULK:-5000}
sh "$top_srcdir/bench/gen.sh" big "$deals" 0 >/dev/null
sh "$top_srcdir/bench/gen.sh" bulk "$bulk_deals" 0 >/dev/null
sed -i 's/^number: .*/number: 9001/' bulk/issue.txt
"$JUBO" --db base.db import "$top_srcdir/data/418" >/dev/null 2>&1
counts() { sqlite3 "$1" "SELECT (SELECT count(*) FROM issue) || '/' || (SELECT count(*) FROM deal) || '/' || (SELECT count(*) FROM deal_investor) || '/' || (SELECT count(*) FROM article)"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# The states a killed command may leave, taken from runs that were not killed.
before=$(counts base.db)
start=$(ms)
cp base.db after.db && "$JUBO" --db after.db import big >/dev/null 2>&1
took=$(( $(ms) - start ))
after=$(counts after.db)
cp base.db bulk.db
start=$(ms)
JUBO_TRACE_SQL="$tmp/bulk.trace" "$JUBO" --db bulk.db import bulk >/dev/null 2>&1
bulk_took=$(( $(ms) - start ))
bulk_after=$(counts bulk.db)
cp base.db row.db
JUBO_TRACE_SQL="$tmp/row.trace" "$JUBO" --db row.db import big >/dev/null 2>&1
check 'grep -q "DROP INDEX" bulk.trace && ! grep -q "DROP INDEX" row.trace' \
	"$bulk_deals deals take the bulk path, $deals the row-by-row one"
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
# The counts the store keeps (each issue's rows, the totals by place) that disagree with the
# rows themselves: 0 in a whole store.
kept_counts_off() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM issue_counts c WHERE
		c.articles != (SELECT count(*) FROM article x WHERE x.issue_id = c.issue_id) OR
		c.deals != (SELECT count(*) FROM deal x WHERE x.issue_id = c.issue_id) OR
		c.events != (SELECT count(*) FROM event x WHERE x.issue_id = c.issue_id) OR
		c.stats != (SELECT count(*) FROM stat x WHERE x.issue_id = c.issue_id))
		+ (SELECT count(*) FROM issue i WHERE NOT EXISTS (SELECT 1 FROM issue_counts c
		WHERE c.issue_id = i.id))
		+ (SELECT count(*) FROM deal_totals t WHERE t.n != (SELECT count(*) FROM deal d
		WHERE coalesce(d.province_id, 0) = t.province_id AND CASE WHEN d.province_id IS NULL
		THEN coalesce(d.place, '') ELSE '' END = t.place))
		+ $(tally_off "$1")"
}
# text_whole STORE: FTS5's own check of each text index passes, one text row per deal and
# per article.
text_whole() {
	[ "$(sqlite3 "$1" "INSERT INTO deal_text(deal_text) VALUES ('integrity-check');
		INSERT INTO article_fts(article_fts) VALUES ('integrity-check');
		SELECT (SELECT count(*) FROM deal_text_docsize) = (SELECT count(*) FROM deal) AND
		(SELECT count(*) FROM article_fts) = (SELECT count(*) FROM article)" 2>&1)" = 1 ]
}
# whole STORE BEFORE AFTER: 0 when the store passes SQLite's check, holds one of the two,
# its kept counts agree with its rows and its text indexes with its deals and articles.
whole() {
	state=$(counts "$1")
	[ "$(sqlite3 "$1" "PRAGMA integrity_check")" = ok ] && { [ "$state" = "$2" ] || [ "$state" = "$3" ]; } &&
		[ "$(kept_counts_off "$1")" = 0 ] && text_whole "$1"
}

n_import=$((kills * 3 / 10)) n_bulk=$((kills * 3 / 10)) n_replace=$((kills / 4))
n_first=$((kills - n_import - n_bulk - n_replace))
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
kill_runs 1 "an import of $deals deals, row by row" "$n_import" "$took" base.db "$before" "$after" \
	import big
kill_runs 4 "an import of $bulk_deals deals, the bulk path" "$n_bulk" "$bulk_took" base.db "$before" \
	"$bulk_after" import bulk
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
