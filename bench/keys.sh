#!/bin/bash
# keys.sh DB [JUBO]: measures every key of the action table that reads rows, on a store made
# with gen.sh and `jubo import`, in tmux at 120x40: the time from the key to the screen
# showing its result (polled every 5 ms, so an upper bound with that resolution), the peak
# memory, and the bytes sent to the terminal for one row down and one page down (counted with
# tmux pipe-pane). Where a key's result is counted after the screen is up (N of M, a
# breakdown), the time is to the counted screen. run.sh runs it on a small and a large store
# and compares them.
set -u
db=${1:?usage: keys.sh DB [JUBO]}
jubo=${2:-$(dirname "$0")/../src/jubo}
sock="jubo-bench-$$"
tm() { tmux -u -L "$sock" -f /dev/null "$@"; }
out=$(mktemp -d)
trap 'tm kill-server 2>/dev/null; rm -rf "$out"' EXIT

. "$(dirname "$0")/lib.sh"
bytes() { stat -c %s "$out/tty" 2>/dev/null || echo 0; }
status() { tm capture-pane -p | sed -n 39p | sed 's/   */  /g'; }

# The floor: tmux starting a program that prints at once, measured the same way.
start=$(now)
tm new-session -d -x 120 -y 40 "printf ' of 1\n'; sleep 60"
printf '%-44s %6s ms\n' "tmux alone (a program that prints at once)" "$(wait_for "$start" ' of ')"
tm kill-server
start=$(now)
tm new-session -d -x 120 -y 40 "env LANG=C.UTF-8 TERM=xterm-256color $jubo --db $db; sleep 60"
tm set-option -g status off
tm pipe-pane -o "cat >> $out/tty"
printf '%-44s %6s ms\n' "first screen (News, 120x40)" "$(wait_for "$start" ' of ')"
printf '%-44s %6s ms\n' "News counted (N of M)" "$(wait_for "$start" ' of [0-9]')"
key "G in News (last article)" 'News  ([0-9]+) of \1' G
key "g in News (first article)" 'News  1 of' g
key "2: the Deals pane" 'Deals  1 of' 2
key "j (one row down)" 'Deals  2 of' j
key "Space (page down)" 'Deals  38 of' Space
key "b (page up)" 'Deals  2 of' b
key "Ctrl-D (half page down)" 'Deals  20 of' C-d
key "Ctrl-U (half page up)" 'Deals  2 of' C-u
settle
total=$(status | grep -oE 'of [0-9]+' | head -1 | cut -d' ' -f2)
key "G (the last deal)" "Deals  $total of $total( |\$)" G
key "k at the bottom" "Deals  $((total - 1)) of $total( |\$)" k
key "g (back to the top)" 'Deals  1 of' g
key "l l S: sort by amount, descending" 'sort: amount desc' l l S
key "G on the amount sort" 'Deals  ([0-9]+) of \1( [^:]*)?  sort: amount desc' G
key "s: amount ascending (from the bottom)" 'sort: amount *$' s
key "G on the ascending amount sort" 'Deals  ([0-9]+) of \1( [^:]*)?  sort: amount *$' G
key "Space at the bottom" 'Deals  ([0-9]+) of \1( [^:]*)?  sort: amount *$' Space
key "u: natural order" 'Deals  1 of [0-9]+[^:]*$' u
key "/ that finds nothing" 'not found: zzzz' / z z z z Enter
key "/ that finds a row" 'Deals  [0-9…]+ of' / 'Sequoia' Enter
key "n (next match)" 'Deals  [0-9…]+ of' n
key "N (previous match)" 'Deals  [0-9…]+ of' N
key "g" 'Deals  1 of' g
key "f region:장쑤 (filter), counted" 'Deals  1 of [0-9]+[^:]*  filter: region:장쑤' f 'region:장쑤' Enter
key "S: filter + sort by amount" 'sort: amount desc  filter' S
key "G: filter + sort, the last row" 'Deals  ([0-9]+) of \1( [^:]*)?  sort: amount desc  filter' G
key "u g" 'Deals  1 of [0-9]+[^:]*  filter' u g
key "B: breakdown of the amount column, counted" 'Breakdown  1/' B

key "q: back to the table" 'Deals  1 of' q
key "h B: breakdown by company, counted" 'Breakdown  1/' h B

key "q" 'Deals  1 of' q
key "F: filter cleared" 'Deals  1 of [0-9]+[^:]*$' F
key "l l l l B: by region, every deal, counted" 'Breakdown  1/' l l l l B

key "q" 'Deals  1 of' q
key "s: sort by region (a joined table's name)" 'sort: region *$' s
key "Space in the region sort" 'Deals  37 of [0-9]+[^:]*  sort: region *$' Space
key "G on the region sort (deals without one)" 'Deals  ([0-9]+) of \1( [^:]*)?  sort: region *$' G
key "S: region descending" 'sort: region desc' S
key "u g" 'Deals  1 of [0-9]+[^:]*$' u g
key "a word (filter Hillhouse), counted" 'Deals  1 of [0-9]+[^:]*  filter: Hillhouse' f 'Hillhouse' Enter
key "Space in the word's rows" 'Deals  37 of [0-9]+[^:]*  filter' Space
key "G in the word's rows" 'Deals  ([0-9]+) of \1( [^:]*)?  filter' G
key "F" 'Deals  1 of [0-9]+[^:]*$' F
key "a two-letter word (집적), counted" 'Deals  1 of [0-9]+[^:]*  filter: 집적' f '집적' Enter
key "G in the short word's rows" 'Deals  ([0-9]+) of \1( [^:]*)?  filter' G

key "F" 'Deals  1 of [0-9]+[^:]*$' F
key "i: the list of issues, with their counts" '^ +All issues' i
tm send-keys q
key "3: the Regions pane" 'Regions' 3
key "4: the Calendar pane" 'Calendar|events' 4
key "2: back to Deals" 'Deals  1 of' 2
key "Enter (a deal in full)" 'investors$' Enter
key "q (back)" 'Deals  1 of' q
settle
b0=$(bytes); tm send-keys j; settle; b1=$(bytes)
echo "bytes for one row down:                      $((b1 - b0))"
tm send-keys Space; settle; b2=$(bytes)
echo "bytes for one page down:                     $((b2 - b1))"
pid=$(pgrep -f -n "$jubo --db $db" || true)
if [ -n "$pid" ]; then
	echo "peak memory (VmHWM):                         $(awk '/VmHWM/ { print $2, $3 }' /proc/"$pid"/status)"
fi
