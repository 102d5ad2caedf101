# lib.sh: helpers for command-line tests that speak TAP.
#   run ARGS...          runs jubo; stdout in $out, stderr in $err, exit status in $status
#   expect_status N DESC
#   expect_out DESC      compares stdout with the expected text on standard input
#   expect_err DESC      the same for standard error
#   check COND DESC      passes when the shell command COND succeeds
#   finish               prints the plan and exits with the right status
set -u
: "${JUBO:?JUBO must name the jubo binary}"
: "${top_srcdir:?top_srcdir must be set}"
fixtures="$top_srcdir/tests/fixtures"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jubo-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Keep the user's own store and environment out of the tests.
HOME="$tmp/home"; export HOME
unset XDG_DATA_HOME JUBO_DB
# The deal columns the import tests compare.
deal_columns=issue,kind,scope,company,company_zh,round,amount,amount_cny,valuation,acquirer,place,sector,investors
tap_n=0
tap_failed=0

pass_or_fail() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

run() {
	"$JUBO" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	status=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

expect_status() {
	[ "$status" -eq "$1" ]
	pass_or_fail $? "$2 (exit status $status, expected $1)"
	if [ "$status" -ne "$1" ]; then sed 's/^/# stderr: /' "$tmp/stderr"; fi
}

compare() {
	cat >"$tmp/expected"
	if diff -u "$tmp/expected" "$1" >"$tmp/diff"; then
		pass_or_fail 0 "$2"
	else
		pass_or_fail 1 "$2"
		sed 's/^/# /' "$tmp/diff"
	fi
}

expect_out() { compare "$tmp/stdout" "$1"; }
expect_err() { compare "$tmp/stderr" "$1"; }

check() {
	eval "$1"
	pass_or_fail $? "$2"
}

finish() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
