#!/bin/bash
# run.sh DB [JUBO]: measures the browser on a store (made with gen.sh and `jubo import`):
# the time to the first full screen, to the Deals pane, to re-sort by amount, to filter by a
# region, the peak memory, and the bytes sent to the terminal for one row down, one page down
# and a re-sort (counted with tmux pipe-pane). Times are from the key to the screen showing
# the result, polled every 10 ms, so they are upper bounds with 10 ms resolution.
set -u
db=${1:?usage: run.sh DB [JUBO]}
jubo=${2:-$(dirname "$0")/../src/jubo}
sock="jubo-bench-$$"
tm() { tmux -u -L "$sock" -f /dev/null "$@"; }
out=$(mktemp -d)
trap 'tm kill-server 2>/dev/null; rm -rf "$out"' EXIT

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
# Waits until the screen matches a pattern; prints the milliseconds since $1.
wait_for() {
	local start=$1 pattern=$2 i
	for i in $(seq 1 3000); do
		if tm capture-pane -p | grep -q -- "$pattern"; then
			ms "$start" "$(now)"
			return 0
		fi
		sleep 0.01
	done
	echo "timeout"
}
settle() {
	local prev="" cur i
	for i in $(seq 1 50); do
		sleep 0.1
		cur=$(tm capture-pane -p)
		[ "$cur" = "$prev" ] && return
		prev=$cur
	done
}
bytes() { stat -c %s "$out/tty" 2>/dev/null || echo 0; }

start=$(now)
tm new-session -d -x 120 -y 40 "env LANG=C.UTF-8 TERM=xterm-256color $jubo --db $db; sleep 60"
tm set-option -g status off
tm pipe-pane -o "cat >> $out/tty"
first=$(wait_for "$start" ' of ')
echo "first full screen (News, 120x40):        ${first} ms"
counted=$(wait_for "$start" ' of [0-9]')
echo "row count shown (N of M):                ${counted} ms"
settle
t=$(now); tm send-keys 2; d=$(wait_for "$t" 'Deals  1 of')
echo "switch to Deals (first screen):          ${d} ms"
settle
t=$(now); tm send-keys l l S; d=$(wait_for "$t" 'sort: amount desc')
echo "re-sort by amount (descending):          ${d} ms"
settle
tm send-keys u
settle
t=$(now); tm send-keys f; tm send-keys -l 'region:장쑤'; tm send-keys Enter
d=$(wait_for "$t" 'filter: region:장쑤')
echo "filter by a region (region:장쑤), shown:  ${d} ms"
d=$(wait_for "$t" 'of [0-9].*filter: region')
echo "filter by a region, counted:             ${d} ms"
settle
t=$(now); tm send-keys S; d=$(wait_for "$t" 'sort: amount desc  filter')
echo "the filtered rows re-sorted by amount:   ${d} ms"
settle
b0=$(bytes); tm send-keys j; settle; b1=$(bytes)
echo "bytes for one row down:                  $((b1 - b0))"
tm send-keys Space; settle; b2=$(bytes)
echo "bytes for one page down:                 $((b2 - b1))"
tm send-keys S; settle; b3=$(bytes)
echo "bytes for a re-sort (amount ascending):  $((b3 - b2))"
pid=$(pgrep -f -n "$jubo --db $db" || true)
if [ -n "$pid" ]; then
	echo "peak memory (VmHWM):                     $(awk '/VmHWM/ { print $2, $3 }' /proc/"$pid"/status)"
fi
tm capture-pane -p | head -5 | sed 's/^/  | /'
