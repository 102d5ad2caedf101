# The manual page: clean under groff's warnings, and it names every option --help offers.
. "$top_srcdir/tests/cli/lib.sh"
page="$top_srcdir/man/jubo.1"
if command -v groff >/dev/null; then
	groff -k -Tutf8 -man -ww -z "$page" >"$tmp/groff" 2>&1
	check '[ ! -s "$tmp/groff" ]' "groff -ww reports nothing"
	sed 's/^/# /' "$tmp/groff"
fi
run --help
for opt in $(printf '%s\n' "$out" | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
	escaped=$(printf '%s' "$opt" | sed 's/-/\\-/g')
	check 'grep -qF -- "$escaped" "$page"' "the man page documents $opt"
done
for cmd in import list; do
	check 'grep -q "^\.SS $cmd" "$page"' "the man page has a section for '$cmd'"
done
for var in JUBO_DB XDG_DATA_HOME; do
	check 'grep -q "^\.B $var" "$page"' "the man page documents $var"
done
finish
