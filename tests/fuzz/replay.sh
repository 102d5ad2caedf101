# Every saved fuzzing input (tests/fuzz/corpus: seeds and what fuzzing found; regress: the
# inputs of faults fixed) replayed through its harness, built with the sanitizers when
# ./configure --enable-sanitizers was given. A crash or a broken promise names its input.
. "$top_srcdir/tests/cli/lib.sh"
builddir=$(cd "$(dirname "$JUBO")/.." && pwd)
JUBO_SAMPLE_DB=${JUBO_SAMPLE_DB:?the sample store}; export JUBO_SAMPLE_DB
for t in csv amount date filter article text import issuetext layout; do
	replay="$builddir/tests/fuzz/replay_$t"
	corpus="$top_srcdir/tests/fuzz/corpus/$t" regress="$top_srcdir/tests/fuzz/regress/$t"
	mkdir -p "$tmp/none"
	[ -d "$regress" ] || regress="$tmp/none"
	files=$(find "$corpus" "$regress" -type f | wc -l)
	"$replay" "$corpus" "$regress" >"$tmp/out" 2>"$tmp/err"
	status=$?
	ran=$(sed -n 's/^\([0-9]*\) inputs replayed$/\1/p' "$tmp/out")
	check '[ "$status" -eq 0 ] && [ "${ran:-0}" -eq "$files" ] && [ "$files" -gt 10 ]' \
		"fuzz_$t: ${ran:-0} of $files saved inputs replayed without a fault"
	if [ "$status" -ne 0 ]; then
		grep '^replay: ' "$tmp/err" | tail -n 1 | sed 's/^/# last input: /'
		grep -v '^replay: ' "$tmp/err" | head -n 30 | sed 's/^/# /'
	fi
done
# The driver itself: a missing input is an error, not a pass.
"$builddir/tests/fuzz/replay_text" "$tmp/missing" >/dev/null 2>&1
check '[ $? -eq 1 ]' "replay: an input that is not there fails the run"
finish
