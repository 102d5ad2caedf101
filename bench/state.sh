#!/bin/bash
# state.sh DB [JUBO]: the reader's state at the size of DB (a store made with gen.sh and
# `jubo import`), in tmux at 120x40, measured as keys.sh measures keys: the first visit (every
# issue new), each key that reads or writes the marks (m, *, a note, J, is:starred,
# is:unread, A with and without a filter, J with nothing unread), following a place and a
# company (w), the Watch pane and its Enter, and a second visit. Then `jubo list watch`
# and `jubo state export` from the command line. The state is a fresh file of its own
# (JUBO_STATE), so each run starts as a first visit. Run it on a small and a large store and
# compare (RESULTS.md).
set -u
db=${1:?usage: state.sh DB [JUBO]}
jubo=${2:-$(dirname "$0")/../src/jubo}
sock="jubo-bench-state-$$"
tm() { tmux -u -L "$sock" -f /dev/null "$@"; }
out=$(mktemp -d)
trap 'tm kill-server 2>/dev/null; rm -rf "$out"' EXIT
export JUBO_STATE="$out/state.db"

. "$(dirname "$0")/lib.sh"
status() { tm capture-pane -p | sed -n 39,40p | tr '\n' '|' | sed 's/   */  /g'; }
key_width=48
visit() {
	tm kill-server 2>/dev/null
	local start
	start=$(now)
	tm new-session -d -x 120 -y 40 "env LANG=C.UTF-8 TERM=xterm-256color JUBO_STATE=$JUBO_STATE $jubo --db $db; sleep 600"
	tm set-option -g status off
	printf '%-48s %6s ms\n' "$1: first screen" "$(wait_for "$start" ' of ')"
}

visit "first visit (every issue new)"
key "2: Deals, with the marks column" 'Deals  1 of' 2
key "m: the first deal read" 'marked read' m
key "*: starred" '^starred' '*'
key "a, a note, Enter" 'note kept' a 'bench note' Enter
key "J: the next unread deal" 'Deals  2 of' J
key "f is:starred, counted" 'Deals  1 of 1 deal.*filter: is:starred' f 'is:starred' Enter
key "F f is:unread" 'Deals  1 of.*filter: is:unread' F f 'is:unread' Enter
key "G in is:unread" 'Deals  ([0-9]+) of \1( [^:]*)?  filter: is:unread' G
key "F f region:장쑤, counted" 'Deals  1 of [0-9]+[^:]*  filter: region:장쑤' F f 'region:장쑤' Enter
key "A: the province's deals read" 'rows? marked read' A
key "F A: every deal read (by issue)" 'rows? marked read' F A
key "J with nothing unread (searches every deal)" 'no unread row' J
key "G m: the last deal unread again" 'marked unread' G m
key "g J: to it, from the top" 'Deals  ([0-9]+) of \1' g J
key "g l w Enter: follow the company" 'following' g l w Enter
key "l l l l w C-u place:장쑤 Enter: follow 장쑤" 'following 장쑤' l l l l w C-u 'place:장쑤' Enter
key "5: the Watch pane" 'Watch  2 followed' 5
key "j j Enter: 장쑤's deals in Deals" 'Deals  1 of [0-9]+.*filter: about' j j Enter
key "5 r: 장쑤's articles in News" 'News  [0-9]+ of.*filter: about' 5 r
key "1 f is:unread (articles), counted" 'News  1 of.*filter: is:unread' 1 F f 'is:unread' Enter
pid=$(pgrep -f -n "$jubo --db $db" || true)
if [ -n "$pid" ]; then
	echo "peak memory (VmHWM):                             $(awk '/VmHWM/ { print $2, $3 }' /proc/"$pid"/status)"
fi
visit "second visit"
key "2: Deals (U for unread)" 'Deals  1 of' 2
key "5: the Watch pane (the company and 장쑤)" 'Watch  2 followed' 5
# The generator's companies pair each name with many others, so the company followed above
# is known by some 150 names that every article holds: a worst case. Without it, 장쑤 and an
# investor of a tenth of the deals:
key "d: the company no longer followed" 'no longer following' d
tm kill-server
"$jubo" --db "$db" follow investor Hillhouse >/dev/null
visit "third visit"
key "5: the Watch pane (장쑤 and Hillhouse)" 'Watch  2 followed' 5
key "2 f is:followed, counted" 'Deals  1 of [0-9]+.*filter: is:followed' 2 f 'is:followed' Enter
tm kill-server

t=$(now)
"$jubo" --db "$db" list watch >/dev/null
printf '%-48s %6s ms\n' "jubo list watch" "$(ms "$t" "$(now)")"
t=$(now)
"$jubo" --db "$db" state export -o "$out/export.csv"
printf '%-48s %6s ms   (%s records)\n' "jubo state export" "$(ms "$t" "$(now)")" "$(($(wc -l <"$out/export.csv") - 1))"
t=$(now)
"$jubo" --db "$db" list deals --filter is:starred --format tsv >/dev/null
printf '%-48s %6s ms\n' "jubo list deals --filter is:starred" "$(ms "$t" "$(now)")"
