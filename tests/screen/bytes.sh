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
# text_bytes FIRST LAST: the bytes of the text on those screen rows (1-based), trailing
# blanks left out: what the terminal must be sent at least to show them.
text_bytes() { tm capture-pane -p | sed -n "$1,$2p" | sed 's/ *$//' | tr -d '\n' | wc -c; }
settle
tm pipe-pane
tm pipe-pane -o "cat >> $tmp/tty"
full=$(measure C-l)
# A row down on rows 3 and 4 (the first two deals): those two rows are sent again, the
# cursor's highlight moved, and the status's row number; nothing else.
rows_text=$(text_bytes 3 4)
before=$(bytes)
down=$(measure j)
tail -c +"$((before + 1))" "$tmp/tty" >"$tmp/down.bytes"
page=$(measure Space)
page_text=$(text_bytes 3 38)
sort=$(measure l l S)
sort_text=$(text_bytes 3 38)
switch=$(measure 1)
switch_text=$(text_bytes 2 38)
echo "# bytes: whole screen (Ctrl-L) $full, row down $down, page down $page, re-sort $sort, pane switch $switch"
check '[ "$full" -gt 4000 ]' "a whole repaint of 120x40 costs $full bytes"
check '[ "$down" -gt 0 ] && [ "$down" -le $((rows_text + 64)) ]' \
	"one row down sends $down bytes: the two rows' $rows_text bytes of text and at most 64 more"
# The cursor is hidden: an update does not end by moving it to the bottom right (ESC [40;120H).
check '! grep -q "$(printf "\033")\[40;120H" "$tmp/down.bytes"' "and no move to park the hidden cursor"
# A page, a sort, a pane: the rows' new text, with at most 12 bytes a row to reach each row
# and set its colours (ESC [5d, ESC [30m ESC [46m, ESC [K), and 100 for the status.
check '[ "$page" -le $((page_text + 36 * 12 + 100)) ] && [ "$page" -lt "$full" ]' \
	"one page down sends $page bytes: its 36 rows' $page_text bytes of text and little more"
check '[ "$sort" -le $((sort_text + 36 * 12 + 100)) ] && [ "$sort" -lt "$full" ]' \
	"a re-sort sends $sort bytes: the rows' $sort_text bytes of text and little more"
check '[ "$switch" -le $((switch_text + 37 * 12 + 100)) ]' \
	"a pane switch sends $switch bytes: the News rows' $switch_text bytes of text and little more"
keys j
up=$(measure k)
check '[ "$up" -gt 0 ] && [ "$up" -le 700 ]' "one row up in News sends $up bytes (at most 700)"
finish
