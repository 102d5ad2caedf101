# lib.sh: what the benchmarks share. The caller defines tm (tmux on its own socket) and, for
# key, status (what to print beside each time).

# settle [TRIES]: waits until two captures a tenth of a second apart are the same (the program
# is idle, counts done), at most TRIES tenths (default 100).
settle() {
	local prev="" cur i
	for i in $(seq 1 "${1:-100}"); do
		sleep 0.1
		cur=$(tm capture-pane -p)
		[ "$cur" = "$prev" ] && return
		prev=$cur
	done
}

# Nanoseconds now; the milliseconds from $1 to $2.
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
# Waits until the screen matches an extended regular expression; prints the milliseconds
# since $1.
wait_for() {
	local start=$1 pattern=$2 i
	for i in $(seq 1 6000); do
		if tm capture-pane -p | grep -Eq -- "$pattern"; then
			ms "$start" "$(now)"
			return 0
		fi
		sleep 0.005
	done
	echo "timeout"
}
# key NAME PATTERN KEYS...: sends the keys, prints the time until the pattern shows and what
# the caller's status prints; the name in key_width columns (default 44).
key() {
	local name=$1 pattern=$2 t d
	shift 2
	settle
	t=$(now)
	tm send-keys "$@"
	d=$(wait_for "$t" "$pattern")
	printf '%-*s %6s ms   | %s\n' "${key_width:-44}" "$name" "$d" "$(status)"
}
