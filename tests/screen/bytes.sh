# What reaches the terminal: the bytes jubo writes (tmux pipe-pane) for one row down, one
# page down, a re-sort and a pane switch at 120x40, on a store of 400 generated deals. The
# bounds are the measured sizes with headroom, far below a whole-screen repaint, so a change
# that repaints everything on every key fails here.
. "$top_srcdir/tests/screen/lib.sh"
"$top_srcdir/bench/gen.sh" "$tmp/bundle" 400 50 >/dev/null
"$JUBO" --db "$tmp/b.db" import "$tmp/bundle" >/dev/null 2>&1
start 120 40 -- --db "$tmp/b.db"
tm pipe-pane -o "cat >> $tmp/tty"
keys 2
sleep 0.3
bytes() { stat -c %s "$tmp/tty" 2>/dev/null || echo 0; }
measure() { # measure KEY...: bytes written for the keys
	local before after
	settle
	before=$(bytes)
	keys "$@"
	sleep 0.2
	after=$(bytes)
	echo $((after - before))
}
full=$(measure C-l)
down=$(measure j)
page=$(measure Space)
sort=$(measure l l S)
switch=$(measure 1)
echo "# bytes: whole screen (Ctrl-L) $full, row down $down, page down $page, re-sort $sort, pane switch $switch"
check '[ "$full" -gt 4000 ]' "a whole repaint of 120x40 costs $full bytes"
check '[ "$down" -gt 0 ] && [ "$down" -le 700 ]' "one row down sends $down bytes (at most 700)"
check '[ "$page" -le 6500 ] && [ "$page" -lt "$full" ]' "one page down sends $page bytes (at most 6500, less than a repaint)"
check '[ "$sort" -le 6500 ] && [ "$sort" -lt "$full" ]' "a re-sort sends $sort bytes (at most 6500, less than a repaint)"
check '[ "$switch" -le 4500 ]' "a pane switch sends $switch bytes (at most 4500)"
keys j
up=$(measure k)
check '[ "$up" -gt 0 ] && [ "$up" -le 700 ]' "one row up in News sends $up bytes (at most 700)"
finish
