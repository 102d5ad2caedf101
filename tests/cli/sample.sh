# The sample store built from data/418 at make time.
. "$top_srcdir/tests/cli/lib.sh"
sample="$JUBO_SAMPLE_DB"
run --db "$sample" list issues
expect_status 0 "the sample store lists its issues"
check 'printf "%s\n" "$out" | grep -q "^418	2025-03-31	주간 중국창업	KIC China	"' "issue 418, dated 2025-03-31, by KIC China"
finish
