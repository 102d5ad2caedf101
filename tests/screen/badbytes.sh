# A byte sequence that is not UTF-8 on the keyboard (a broken terminal's or a paste's) costs
# its own bytes only: the key after it is read, not swallowed. curses' get_wch() gathered the
# keys after an invalid or cut sequence into the broken character and lost ~140 bytes of them.
. "$top_srcdir/tests/screen/lib.sh"
on_regions() { screen | grep -q "헤이룽장" && screen | grep -q "랴오닝"; }  # the province map
on_deals() { screen | grep -q "^ *company  *company_zh"; }
for seq in "ff" "e0 80 80" "f0 9f" "c3" "ed a0 80" "80" "f4 90 80 80"; do
	start 100 30 -- --db "$JUBO_SAMPLE_DB"
	keys 2
	check on_deals "the Deals pane is up before the bytes $seq"
	tm send-keys -H $seq
	keys 3
	check on_regions "after the bytes $seq, the next key (3) switches to Regions at once"
	stop
done
# Valid text still arrives whole: Hangul typed at the filter prompt.
start 100 30 -- --db "$JUBO_SAMPLE_DB"
keys 2 f
tm send-keys -H ff
type_text "region:장쑤"
keys Enter
check 'screen | grep -q "region:장쑤"' "Hangul typed after a bad byte reaches the prompt whole"
check 'screen | grep -q "광양홀딩스"' "and filters the deals (광양홀딩스 is in 장쑤)"
check '! screen | grep -q "노텔집적"' "and only them"
stop
finish
