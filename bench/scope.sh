#!/bin/bash
# scope.sh [ISSUES] [DEALS] [JUBO]: an archive of ISSUES issues of DEALS deals each (default
# 200 x 500), one issue in view (i, then the newest): each key that reads rows, with the
# slowest statement it ran (JUBO_TRACE_SQL). A few issues of many are what a reader of the
# newsletter looks at; SQLite, knowing nothing of how many rows an issue holds, may walk an
# index of the whole archive for them.
set -u
here=$(cd "$(dirname "$0")" && pwd)
issues=${1:-200} deals=${2:-500}
jubo=${3:-$here/../src/jubo}
dir=${BENCH_DIR:-/tmp/jubo-bench}/scope-$issues-$deals
if [ ! -f "$dir/m.db" ]; then
	rm -rf "$dir" && mkdir -p "$dir"
	sh "$here/gen.sh" "$dir/one" "$deals" 0 >/dev/null
	for n in $(seq 1 "$issues"); do
		cp -r "$dir/one" "$dir/b$n"
		sed -i "s/^number: .*/number: $((1000 + n))/" "$dir/b$n/issue.txt"
	done
	"$jubo" --db "$dir/m.db" import "$dir"/b* >/dev/null || exit 1
fi
trace=$dir/trace
rm -f "$trace"
sock=jubo-scope-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
. "$here/lib.sh"
trap 'tm kill-server 2>/dev/null' EXIT
tm new-session -d -x 120 -y 40 \
	"env LANG=C.UTF-8 TERM=xterm-256color JUBO_TRACE_SQL=$trace $jubo --db $dir/m.db; sleep 600"
tm set-option -g status off
sleep 1
# key NAME KEYS...: sends the keys, waits for the screen to settle, prints the slowest
# statement they ran.
key() {
	local name=$1 from
	shift
	from=$(($(wc -l <"$trace") + 1))
	tm send-keys "$@"
	settle 50
	printf '%-44s %s\n' "$name" "$(tail -n +"$from" "$trace" | sort -rn | head -1 | cut -c1-60)"
}
key "i j Enter: the newest issue in view" i j Enter
key "2: its deals" 2
key "l l S: by amount, descending" l l S
key "G: the last (no amount)" G
key "s: ascending" s
key "G" G
key "u l l l s: by region" u l l l s
key "G: the last (no region)" G
key "f region:장쑤, counted" f 'region:장쑤' Enter
key "u g h h h S: region:장쑤 by amount" u g h h h S
key "G" G
key "F: the filter cleared" F
key "1: News in the issue" 1
key "G" G
