# The manual page: clean under groff's warnings, and it names every option --help offers.
. "$top_srcdir/tests/cli/lib.sh"
page="$top_srcdir/man/jubo.1"
if command -v groff >/dev/null; then
	groff -k -Tutf8 -man -ww -z "$page" >"$tmp/groff" 2>&1
	check '[ ! -s "$tmp/groff" ]' "groff -ww reports nothing"
	sed 's/^/# /' "$tmp/groff"
fi
if command -v mandoc >/dev/null; then
	mandoc -Tlint "$page" >"$tmp/mandoc" 2>&1
	check '[ ! -s "$tmp/mandoc" ]' "mandoc -Tlint reports nothing"
	sed 's/^/# /' "$tmp/mandoc" | head -5
fi
for var in BROWSER NO_COLOR ESCDELAY TERM LANG; do
	check 'grep -q "^\.B.* $var\b\|^\.BR $var\|^\.B $var$" "$page"' "the man page documents $var"
done
check 'grep -q "set.-clipboard on" "$page"' "the man page says OSC 52 needs set-clipboard on in tmux"
for cmd in export; do
	check 'grep -q "^\.SS $cmd" "$page"' "the man page has a section for '$cmd'"
done
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
# The key table in the man page is the browser's action table.
"$JUBO" --keys >"$tmp/keys"
check '[ "$(wc -l <"$tmp/keys")" -gt 20 ]' "--keys lists the browser's actions"
sed -n '/^\.SS Keys/,/^\.SH/p' "$page" >"$tmp/section"
while IFS="$(printf '\t')" read -r keys name help; do
	escaped_keys=$(printf '%s' "$keys" | sed 's/-/\\-/g')
	escaped_name=$(printf '%s' "$name" | sed 's/-/\\-/g')
	check 'grep -qxF ".B $escaped_keys" "$tmp/section" && grep -qF "($escaped_name)." "$tmp/section"' "the man page's key table has '$keys' for $name"
done <"$tmp/keys"
check '[ "$(grep -c "^\.B " "$tmp/section")" -eq "$(wc -l <"$tmp/keys")" ]' "and no key the browser does not have"
finish
