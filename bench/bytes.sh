#!/bin/bash
# bytes.sh [DEALS] [JUBO]: the bytes each key sends to the terminal, jubo beside newsboat, in
# one run, on the same text. A bundle of DEALS generated deals (default 400, bench/gen.sh) is
# imported into a store, and the same deals are written as the items of an RSS file whose
# titles are the deals' rows as jubo shows them (company, Chinese name, amount, kind, round,
# region, sector, investors), so that both programs show a list of the same Korean and
# Chinese text. Each program runs in tmux at 120x40 (TERM=xterm-256color, UTF-8) with
# pipe-pane counting the bytes it writes; every key is measured after the screen is idle.
# newsboat is Debian's package; without it the jubo column is printed alone.
set -u
here=$(cd "$(dirname "$0")" && pwd)
deals=${1:-400}
jubo=${2:-$here/../src/jubo}
dir=$(mktemp -d)
sock="jubo-bytes-$$"
tm() { tmux -u -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$dir"' EXIT
. "$here/lib.sh"

sh "$here/gen.sh" "$dir/bundle" "$deals" 50 >/dev/null
"$jubo" --db "$dir/b.db" import "$dir/bundle" >/dev/null 2>&1 || { echo "import failed"; exit 1; }

# The RSS items: the rows jubo lists, in its order (a tab between the columns becomes spaces).
"$jubo" --db "$dir/b.db" list deals --format tsv \
	--columns company,company_zh,amount,kind,round,region,sector,investors | tail -n +2 |
	awk -F'\t' 'function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); return s }
	BEGIN { print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<rss version=\"2.0\"><channel><title>deals</title><link>http://localhost/</link>"
		print "<description>deals</description>" }
	{ line = $1; for (i = 2; i <= NF; i++) line = line "  " $i
	  printf "<item><title>%s</title><link>http://localhost/%d</link><guid>d%d</guid>", esc(line), NR, NR
	  printf "<description>%s</description></item>\n", esc(line) }
	END { print "</channel></rss>" }' >"$dir/deals.rss"

tty_bytes() { stat -c %s "$dir/tty" 2>/dev/null || echo 0; }
# measure KEY...: the bytes written for the keys, once the screen is idle again.
measure() {
	local before
	settle
	before=$(tty_bytes)
	tm send-keys "$@"
	settle
	sleep 0.2
	echo $(($(tty_bytes) - before))
}
# run_program NAME COMMAND: starts COMMAND in a fresh tmux at 120x40 with pipe-pane on.
run_program() {
	tm kill-server 2>/dev/null
	rm -f "$dir/tty"
	tm new-session -d -x 120 -y 40 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color HOME=$dir/home $2; sleep 600"
	tm set-option -g status off
	settle
	tm pipe-pane -o "cat >> $dir/tty"
}

mkdir -p "$dir/home"
declare -A j n
# jubo: the Deals pane; a row, a page, a sort, a pane away and back, an article.
run_program jubo "$jubo --db $dir/b.db"
measure 2 >/dev/null
j[full]=$(measure C-l)
j[down]=$(measure Down)
j[up]=$(measure Up)
measure NPage >/dev/null # the first page key may only move to the page's last row
j[page]=$(measure NPage)
measure PPage >/dev/null
j[pageup]=$(measure PPage)
for _ in $(seq 1 40); do tm send-keys Down; done
j[edge]=$(measure Down)
j[sort]=$(measure l l S)
j[away]=$(measure 1)
j[back]=$(measure 2)
measure 1 g >/dev/null
j[open]=$(measure Enter)
j[close]=$(measure q)

if command -v newsboat >/dev/null; then
	printf 'file://%s\n' "$dir/deals.rss" >"$dir/urls"
	printf 'show-read-feeds yes\nshow-keymap-hint yes\nconfirm-exit no\n' >"$dir/config"
	nb="newsboat -u $dir/urls -c $dir/cache.db -C $dir/config"
	env HOME="$dir/home" $nb -x reload >/dev/null 2>&1
	run_program newsboat "$nb"
	# The feed's articles: a list of the same rows.
	measure Enter >/dev/null
	n[full]=$(measure C-l)
	n[down]=$(measure Down)
	n[up]=$(measure Up)
	measure NPage >/dev/null # newsboat's first goes to the page's last row
	n[page]=$(measure NPage)
	measure PPage >/dev/null # newsboat's first goes to the page's first row
	n[pageup]=$(measure PPage)
	for _ in $(seq 1 40); do tm send-keys Down; done
	n[edge]=$(measure Down)
	# Sort by title (newsboat asks which key).
	n[sort]=$(measure g t)
	# Back to the feed list and into the feed again.
	n[away]=$(measure q)
	n[back]=$(measure Enter)
	n[open]=$(measure Enter)
	n[close]=$(measure q)
	have_newsboat=1
else
	have_newsboat=0
fi

printf '%s deals at 120x40; bytes written to the terminal\n\n' "$deals"
printf '| key | jubo | newsboat %s | jubo / newsboat |\n|---|---:|---:|---:|\n' \
	"$( [ $have_newsboat = 1 ] && newsboat -v 2>/dev/null | head -1 | awk '{print $2}')"
row() { # row LABEL KEY
	local a=${j[$2]} b=${n[$2]:-}
	if [ -n "$b" ] && [ "$b" -gt 0 ]; then
		printf '| %s | %d | %d | %s |\n' "$1" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
	else
		printf '| %s | %d | %s | |\n' "$1" "$a" "${b:--}"
	fi
}
row "whole screen (Ctrl-L)" full
row "row down" down
row "row up" up
row "page down (the second PgDn)" page
row "page up (the second PgUp)" pageup
row "row down past the page's last row (the list scrolls)" edge
row "sort (jubo: amount, descending; newsboat: by title)" sort
row "pane away (jubo: 1 News; newsboat: q to the feed list)" away
row "pane back (jubo: 2 Deals; newsboat: Enter on the feed)" back
row "open an article (Enter)" open
row "close it (q)" close
