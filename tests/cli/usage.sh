# The command line: help, version, usage errors and exit statuses, store paths.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1

run --help
expect_status 0 "--help succeeds"
check 'printf "%s" "$out" | head -1 | grep -q "^Usage: jubo"' "--help starts with the usage line"
for opt in --db --encoding --replace --dry-run --issue --format --version --filter --sort --reverse --columns --width --ambiguous; do
	check 'printf "%s" "$out" | grep -q -- "$opt"' "--help mentions $opt"
done

run --version
expect_status 0 "--version succeeds"
check 'printf "%s\n" "$out" | grep -Eq "^jubo [0-9]+\.[0-9]+\.[0-9]+$"' "--version prints the version"

run --no-such-option
expect_status 2 "an unknown option is a usage error"
run frobnicate
expect_status 2 "an unknown command is a usage error"
expect_err "the unknown command is named" <<'X'
jubo: unknown command 'frobnicate': expected import, convert, list, export, follow, unfollow or state
Try 'jubo --help' for more information.
X
run import
expect_status 2 "import without a path is a usage error"
run import --issue abc x.csv
expect_status 2 "--issue needs a number"
run --db t.db list nonsense
expect_status 2 "an unknown listing is a usage error"
run --db t.db list --format xml deals
expect_status 2 "an unknown format is a usage error"
run --db '' list
expect_status 2 "an empty --db is a usage error"

# No store anywhere: a clear message, not a crash or an empty store.
JUBO_SAMPLE_DB=/nonexistent run list
expect_status 1 "listing with no store fails"
check 'printf "%s" "$err" | grep -q "import an issue"' "and says how to make one"
check '[ ! -e "$HOME/.local/share/jubo/jubo.db" ]' "reading creates no store"
run --db missing.db list deals
expect_status 1 "a named store that does not exist is an error"
check '[ ! -e missing.db ]' "and is not created by reading"

# The XDG default is created with its directory on first import.
JUBO_SAMPLE_DB=/nonexistent run import "$fixtures/bundle"
expect_status 0 "import into the default store"
check '[ -f "$HOME/.local/share/jubo/jubo.db" ]' "the default store is created under ~/.local/share/jubo"
XDG_DATA_HOME="$tmp/xdg" JUBO_SAMPLE_DB=/nonexistent run import "$fixtures/bundle"
expect_status 0 "import with XDG_DATA_HOME"
check '[ -f "$tmp/xdg/jubo/jubo.db" ]' "the store is created under XDG_DATA_HOME"
JUBO_DB="$tmp/env.db" run import "$fixtures/bundle"
expect_status 0 "import with JUBO_DB"
check '[ -f "$tmp/env.db" ]' "JUBO_DB names the store"
JUBO_DB="$tmp/env.db" run --db other.db list issues
expect_status 1 "--db wins over JUBO_DB"

# With no store of one's own, jubo reads the sample shipped with it.
rm -rf "$HOME/.local"
run list issues
expect_status 0 "listing falls back to the sample store"
check 'printf "%s" "$out" | grep -q "^418	"' "the sample holds issue 418"
JUBO_DB= run list issues
expect_status 0 "an empty JUBO_DB counts as unset"
run
expect_status 0 "jubo with no command lists the issues"
check 'printf "%s" "$out" | grep -q "^418	"' "including the sample issue"

# The first import into the default store starts from the sample, so 418 stays in view.
run import "$fixtures/bundle"
expect_status 0 "first import starts from the sample"
run list issues
check 'printf "%s" "$out" | cut -f1 | tr "\n" " " | grep -q "^number 418 900 $"' "both the sample and the new issue are listed"
finish
