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
