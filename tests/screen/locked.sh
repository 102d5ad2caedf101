# Another program locks the store while the browser runs: a read waits for it with a
# countdown on the hint line, not a screen that stands still; Ctrl-C gives up the wait (and
# the rest of that key's reads) at once, and the next key after the lock is gone works.
. "$top_srcdir/tests/screen/lib.sh"
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }

cp "$JUBO_SAMPLE_DB" "$tmp/lk.db"
start 140 20 -- --db "$tmp/lk.db"
screen | trim_end >"$tmp/news"

# A writer in exclusive locking mode keeps every reader out until it ends.
(printf 'PRAGMA locking_mode = EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT 1;\n'; sleep 8) |
	sqlite3 "$tmp/lk.db" >/dev/null &
holder=$! # the last of the pipeline: sqlite3 itself
for i in $(seq 1 50); do
	sqlite3 "$tmp/lk.db" "SELECT 1" >/dev/null 2>&1 || break
	sleep 0.05
done
pid=$holder
check '[ "$(ps -o comm= -p "$pid")" = sqlite3 ]' "the lock is held by sqlite3, process $pid"

tm send-keys 2
for i in $(seq 1 200); do
	screen | grep -q "waiting 3 s more" && break
	sleep 0.02
done
# The screen as it was, the hint line telling who holds the store and for how long more.
{ sed '$d' "$tmp/news"; echo "$tmp/lk.db is locked by sqlite3 (process $pid): waiting 3 s more (Ctrl-C gives up)"; } >"$tmp/want"
screen | trim_end >"$tmp/screen"
compare "$tmp/screen" "while a read waits, the screen stays whole and the hint line counts down" <"$tmp/want"

t0=$(date +%s%N)
tm send-keys C-c
told=""
for i in $(seq 1 100); do
	if screen | grep -q "^cannot read the store: the store $tmp/lk.db is locked by sqlite3 (process $pid); jubo waited [23] s: try"; then
		told=$(( ($(date +%s%N) - t0) / 1000000 ))
		break
	fi
	sleep 0.02
done
check '[ -n "$told" ] && [ "$told" -lt 1500 ]' \
	"Ctrl-C gives up at once (${told:-never} ms), saying who held the store and how long jubo waited"
check 'kill -0 "$holder" 2>/dev/null' "while the other program still holds it"
check '! screen | grep -q "waiting"' "no wait goes on after it for the other reads of that key"

wait "$holder"
keys 2
check 'screen | grep -q "^ Deals  1 of 27 deals"' "once the lock is gone the next key reads the deals"
stop

# A store in a directory this user cannot write, with a log of changes a killed writer left
# and nobody folded in: the browser opens it as it stands and says so on the hint line.
if [ "$(id -u)" -eq 0 ] && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	chmod 711 "$tmp"
	mkdir "$tmp/walro"
	cp "$JUBO_SAMPLE_DB" "$tmp/walro/t.db"
	"$JUBO" --db "$tmp/walro/t.db" import --replace "$top_srcdir/data/418" >/dev/null 2>&1
	mkfifo "$tmp/feed"
	sqlite3 "$tmp/walro/t.db" <"$tmp/feed" >"$tmp/writer.out" &
	writer=$!
	exec 3>"$tmp/feed"
	printf "PRAGMA wal_autocheckpoint = 0;\nUPDATE article SET title = 'Changed';\nSELECT 'done';\n" >&3
	for i in $(seq 1 100); do
		grep -q done "$tmp/writer.out" 2>/dev/null && break
		sleep 0.05
	done
	kill -9 "$writer"
	wait "$writer" 2>/dev/null
	exec 3>&-
	rm -f "$tmp/walro/t.db-shm"
	chmod 755 "$tmp/walro"
	JUBO="setpriv --reuid=65534 --regid=65534 --clear-groups $JUBO" start 140 20 -- --db "$tmp/walro/t.db"
	check 'screen | tail -1 | grep -q "^$tmp/walro/t.db-wal holds changes not yet folded into the store, and this user cannot fold them in"' \
		"the hint line says the log's changes are not shown"
	check 'screen | grep -q "^ News  1 of 10" && ! screen | grep -q Changed' \
		"and they are not: the ten articles are as the store holds them"
	stop
else
	for i in 1 2; do
		tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP not root: cannot run jubo as another user"
	done
fi
finish
