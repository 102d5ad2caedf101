# lib.sh: screen tests. jubo runs in a private tmux server at a fixed size; keys are sent
# with send-keys and the screen read back with capture-pane, as a person would see it.
#   start W H [VAR=value ...] -- [jubo arguments]
#   keys KEY...          send keys (tmux key names or literal text), wait for the screen
#   expect_screen DESC   compare the whole screen with the text on standard input
#   screen               print the screen
#   stop
. "$top_srcdir/tests/cli/lib.sh"
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
# Each start gets a server of its own: a server being killed cannot take a new session.
servers=0
socket="jubo-test-$$-0"
tm() { tmux -u -L "$socket" -f /dev/null "$@"; }
trap 'for i in $(seq 0 "$servers"); do tmux -L "jubo-test-$$-$i" kill-server 2>/dev/null; done; rm -rf "$tmp"' EXIT

# Waits until two captures a moment apart are the same (the program is idle).
settle() {
	local previous="" current i
	sleep 0.1
	for i in $(seq 1 40); do
		sleep 0.1
		current=$(tm capture-pane -p 2>/dev/null)
		[ -n "$current" ] && [ "$current" = "$previous" ] && return 0
		previous=$current
	done
	return 0
}

start() {
	local w=$1 h=$2
	shift 2
	local envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	tm kill-server 2>/dev/null
	servers=$((servers + 1))
	socket="jubo-test-$$-$servers"
	tm new-session -d -x "$w" -y "$h" \
		"env -u JUBO_DB LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color HOME=$tmp/home $envs $JUBO $*; sleep 30"
	tm set-option -g status off 2>/dev/null
	settle
}

keys() {
	tm send-keys "$@"
	settle
}

# Literal text (Korean typed through an input method arrives as UTF-8 like this).
type_text() {
	tm send-keys -l "$1"
	settle
}

resize() {
	tm resize-window -x "$1" -y "$2"
	settle
}

screen() {
	tm capture-pane -p
}

# Drops the blank lines at the end of its input.
trim_end() {
	awk '{ line[NR] = $0 } $0 != "" { last = NR } END { for (i = 1; i <= last; i++) print line[i] }'
}

expect_screen() {
	screen | trim_end >"$tmp/screen"
	trim_end >"$tmp/expected.in"
	# JUBO_SCREEN_ACTUAL=FILE keeps every screen seen, for reviewing a change of layout.
	if [ -n "${JUBO_SCREEN_ACTUAL:-}" ]; then
		{ printf '@@@ %s\n' "$1"; cat "$tmp/screen"; } >>"$JUBO_SCREEN_ACTUAL"
	fi
	compare "$tmp/screen" "$1" <"$tmp/expected.in"
}

stop() {
	tm kill-server 2>/dev/null
}

# A check that fails shows the screen it looked at (when a program is running), so that the
# log says what was there instead.
check() {
	eval "$1"
	local rc=$?
	pass_or_fail "$rc" "$2"
	if [ "$rc" -ne 0 ] && tm has-session 2>/dev/null; then
		tm capture-pane -p 2>/dev/null | trim_end | sed 's/^/# screen: /'
	fi
}
