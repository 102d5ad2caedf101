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
