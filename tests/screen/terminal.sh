# The terminal: small and too small, a storm of resizes, NO_COLOR, vt100, an unknown TERM,
# and a store whose data holds escape sequences.
. "$top_srcdir/tests/screen/lib.sh"
start 40 12 -- --db "$JUBO_SAMPLE_DB"
keys 2
expect_screen "40x12: the Deals pane keeps the columns that fit, whole" <<'X'
 1 News (10)  2 Deals  3 Regions  4 Cal…
    company  company… amount
N   노텔집적 北电集成 199.9 억 위안
N   완신집적 皖芯集成 95.5 억 위안
N   광양홀 … 光洋控股 11.57 억 위안
N   허젠궁롼 合见工软 거의 10 억 위안
N   나리신 … 纳力新 … 거의 10 억 위안
N   잔신전자 瞻芯电子 거의 10 억 위안
N   잉시스 … 英矽智能 1 억 달러 이상
N   푸리예 … 傅利叶 … 거의 8 억 위안
 Deals  1 of 27 deals · 849.48 억 위안 …
q quit  ? help  s sort  f filter  / sea…
X
start 20 6 -- --db "$JUBO_SAMPLE_DB"
expect_screen "20x6: a short note instead of a crash" <<'X'
Terminal too small
(20x6); jubo needs
40x12.
X

# Resize storm: many sizes, tiny ones among them, then back; the screen is as if it had
# started at the last size.
start 80 24 -- --db "$JUBO_SAMPLE_DB"
keys 2 j j
for size in 120x40 30x8 200x50 10x3 80x24 41x13 1x1 100x30 60x20 100x30; do
	tm resize-window -x "${size%x*}" -y "${size#*x}"
done
settle
screen >"$tmp/after"
check 'tm list-panes -F "#{pane_current_command}" | grep -qv "^sleep$"' "jubo survives the resizes"
start 100 30 -- --db "$JUBO_SAMPLE_DB"
keys 2 j j
screen >"$tmp/fresh"
check 'cmp -s "$tmp/after" "$tmp/fresh"' "after the storm the screen is what 100x30 shows from the start"
diff "$tmp/fresh" "$tmp/after" | head -5 | sed 's/^/# /'

# NO_COLOR: attributes only (reverse for the selection), no colour.
start 80 24 NO_COLOR=1 -- --db "$JUBO_SAMPLE_DB"
keys 2
tm capture-pane -p -e >"$tmp/attrs"
check '! grep -Eq "$(printf "\033")\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]" "$tmp/attrs"' "NO_COLOR: no colour is sent"
check 'grep -q "$(printf "\033")\[7m" "$tmp/attrs"' "NO_COLOR: the selected row is in reverse video"

# vt100 and an unknown terminal.
start 80 24 TERM=vt100 -- --db "$JUBO_SAMPLE_DB"
check 'screen | head -1 | grep -q "^ 1 News (10)  2 Deals  3 Regions  4 Calendar  5 Watch"' "TERM=vt100 draws the browser"
tm capture-pane -p -e >"$tmp/attrs"
check '! grep -Eq "$(printf "\033")\[([0-9;]*;)?(3[0-7]|38;5)[;m]" "$tmp/attrs"' "TERM=vt100: no colour"
start 80 24 TERM=no-such-terminal -- --db "$JUBO_SAMPLE_DB"
check '[ "$(screen | tail -1)" = "unknown terminal type '"'"'no-such-terminal'"'"': using xterm-256color" ]' "an unknown TERM falls back with a note"
check 'screen | head -1 | grep -q "^ 1 News"' "and the browser works"

# Keys as other terminals send them: PuTTY's and rxvt's Home and End under an xterm TERM,
# and sequences no terminfo entry names, are keys or nothing, never Esc, '[', '1' ...
start 80 24 -- --db "$JUBO_SAMPLE_DB"
keys 2 G
tm send-keys -l "$(printf '\033[1~')"
settle
check 'screen | tail -2 | head -1 | grep -q "^ Deals  1 of 27 deals"' "Esc [ 1 ~ (PuTTY's Home) goes to the first row, in Deals"
tm send-keys -l "$(printf '\033[4~')"
settle
check 'screen | tail -2 | head -1 | grep -q "^ Deals  27 of 27 deals"' "Esc [ 4 ~ (PuTTY's End) to the last"
tm send-keys -l "$(printf '\033[7~')"
settle
check 'screen | tail -2 | head -1 | grep -q "^ Deals  1 of 27 deals"' "Esc [ 7 ~ (rxvt's Home) to the first"
screen >"$tmp/before"
tm send-keys -l "$(printf '\033[99~')"
settle
tm send-keys -l "$(printf '\033[1;5P')"
settle
tm send-keys -l "$(printf '\033O3')"
settle
check 'screen | cmp -s - "$tmp/before"' "unknown sequences (Esc [ 99 ~, Esc [ 1 ; 5 P, Esc O 3) change nothing"
keys 3
check 'screen | tail -2 | head -1 | grep -q "^ Regions"' "and the keys after them still work"

# A terminal that cannot move the cursor is refused with a reason, not painted over.
start 80 24 TERM=dumb -- --db "$JUBO_SAMPLE_DB"
check 'screen | grep -q "^jubo: the terminal .dumb. cannot move the cursor"' "TERM=dumb: refused, saying why"

# Hostile data: clear screen, set title and OSC 52 in a company name are shown, not obeyed.
cp "$JUBO_SAMPLE_DB" "$tmp/evil.db" && chmod u+w "$tmp/evil.db"
sqlite3 "$tmp/evil.db" "UPDATE deal SET name_ko = 'Ev' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || char(27) || ']52;c;aGk=' || char(7) || 'il' WHERE id = 1"
start 80 24 -- --db "$JUBO_SAMPLE_DB"
keys 2
screen >"$tmp/clean"
title=$(tm display -p '#{pane_title}')
start 80 24 -- --db "$tmp/evil.db"
tm set-option -g set-clipboard on
tm set-buffer "unchanged"
keys 2
screen >"$tmp/dirty"
check '[ "$(tm display -p "#{pane_title}")" = "$title" ]' "the pane title is unchanged"
check '[ "$(tm show-buffer)" = "unchanged" ]' "the clipboard is unchanged"
check 'sed -n 3p "$tmp/dirty" | grep -q "^U   Ev␛\[2J␛… 北电集成"' "the sequences are shown as placeholders in their cell"
check '[ "$(sed 3d "$tmp/dirty")" = "$(sed 3d "$tmp/clean")" ]' "and nothing outside that row changes"
check '[ "$(sed -n 3p "$tmp/dirty" | sed "s/^U   Ev[^ ]* //")" = "$(sed -n 3p "$tmp/clean" | sed "s/^U   노텔집적 //")" ]' "nor the rest of that row"
keys Enter
check 'screen | grep -q "^company       Ev␛\[2J␛\]0;pwned␇␛\]52;c;aGk=␇il$"' "the deal in full shows every byte of it, visibly"
# The terminal gone while SIGHUP is ignored (as under nohup): every read fails at once, and
# jubo ends instead of spinning at full CPU.
hs="jubo-test-$$-hup"
tmux -L "$hs" -f /dev/null new-session -d -x 80 -y 24 \
	"sh -c 'trap \"\" HUP; echo \$\$ >$tmp/hup.pid; exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color HOME=$tmp/home $JUBO --db $JUBO_SAMPLE_DB'"
for i in $(seq 1 50); do [ -s "$tmp/hup.pid" ] && break; sleep 0.1; done
sleep 1
pid=$(cat "$tmp/hup.pid")
tmux -L "$hs" kill-server
for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
	kill -9 "$pid"
	pass_or_fail 1 "with its terminal gone and SIGHUP ignored, jubo ends (it was still running)"
else
	pass_or_fail 0 "with its terminal gone and SIGHUP ignored, jubo ends"
fi
finish
