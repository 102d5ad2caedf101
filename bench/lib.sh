# lib.sh: what the benchmarks share. The caller defines tm (tmux on its own socket).

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
