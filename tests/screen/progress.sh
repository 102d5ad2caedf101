# An import that takes a while says how far it has got, on one line of standard error
# rewritten in place, only on a terminal: what a person sees while it runs and after.
. "$top_srcdir/tests/screen/lib.sh"

sh "$top_srcdir/bench/gen.sh" "$tmp/big" 30000 0 >/dev/null
# A row cut short near the end: its warning comes while the progress line is up.
printf 'investment,2025-03,짧은행\n' >>"$tmp/big/deals.csv"

# Runs an import in a terminal of W columns and keeps every different screen until it ends
# (the shell then prints EXIT and the status).
#   watch_import W LOG ARGS...
watch_import() {
	local w=$1 log=$2 i previous="" current
	shift 2
	servers=$((servers + 1))
	socket="jubo-test-$$-$servers"
	: >"$log"
	tm new-session -d -x "$w" -y 12 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $JUBO $*; echo EXIT \$?; sleep 30"
	tm set-option -g status off 2>/dev/null
	for i in $(seq 1 3000); do
		current=$(tm capture-pane -p 2>/dev/null)
		if [ "$current" != "$previous" ]; then
			printf '%s\n=====\n' "$current" >>"$log"
			previous=$current
		fi
		case $current in *"EXIT "*) break ;; esac
		sleep 0.04
	done
}

watch_import 80 "$tmp/wide.log" --db "$tmp/p.db" import "$tmp/big"
check 'grep -Eq "^jubo: $tmp/big/deals\.csv: line [0-9]+ \(file 3 of 3\)\$" "$tmp/wide.log"' \
	"while the rows are read the line says the file, the line and which file of how many"
check 'grep -q "^jubo: building the indexes and the text index\$" "$tmp/wide.log"' \
	"then that the indexes are being built"
# The same import with standard error in a file: the warning only, no progress.
"$JUBO" --db "$tmp/q.db" import "$tmp/big" >"$tmp/out" 2>"$tmp/err"
check '[ "$(wc -l <"$tmp/err")" -eq 1 ] && ! grep -q "$(printf "\r")" "$tmp/err" && grep -q "warning: this row has 3 of" "$tmp/err"' \
	"in a file, standard error holds the warning and nothing of the progress"
# After it, the terminal holds what a file would: the warning, the summary, no trace of the
# line (its text, or spaces where it was).
{ cat "$tmp/err" "$tmp/out"; echo "EXIT 0"; } | fold -w 80 >"$tmp/want"
screen | trim_end >"$tmp/screen"
compare "$tmp/screen" "the screen after it: the warning and the summary, whole, and nothing else" <"$tmp/want"
check '! grep -q " \$" "$tmp/screen"' "no line is left padded with the spaces that erased the progress"

# A terminal of 60 columns, from a directory whose name holds an escape sequence that
# would set the window's title: the line is cut to 59 cells with an ellipsis, never wraps,
# and shows the escape as the error messages do.
esc=$(printf 'big\033]2;owned\007')
cp -r "$tmp/big" "$tmp/$esc"
sed -i '$d' "$tmp/$esc/deals.csv"
watch_import 60 "$tmp/narrow.log" --db "$tmp/n.db" import "'$tmp/$esc'"
check 'grep -Fq "jubo: $tmp/big\\x1B]2;owned\\x07/deals.csv" "$tmp/narrow.log"' \
	"the escape in the name is shown as \\x1B, not obeyed"
check '[ "$(tm display-message -p "#{pane_title}")" != owned ]' "and the window's title is not set by it"
check 'grep -q "^jubo: .*deals\.csv.*…\$" "$tmp/narrow.log"' \
	"the line, longer than the terminal, is cut with an ellipsis"
# Each screen before the summary: one line at most, of 59 characters at most (all narrow).
progress_screens_fit() {
	perl -CSD -e 'local $/ = "=====\n"; my $bad = 0;
		while (my $screen = <>) {
			next if $screen =~ /imported:|EXIT/;
			my @lines = grep { length } split /\n/, $screen;
			pop @lines if @lines && $lines[-1] eq "=====";
			$bad = 1 if @lines > 1 || grep { length > 59 } @lines;
		}
		exit $bad' "$1"
}
check 'progress_screens_fit "$tmp/narrow.log"' \
	"it stays one line and never passes 59 cells, on every screen before the summary"
finish
