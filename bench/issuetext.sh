#!/bin/bash
# issuetext.sh [LARGE.db] [JUBO]: an issue as published (its text, and No. 418 typeset by
# LibreOffice as a PDF, tests/issues/418.pdf) into an archive of a million deals, against
# the same issue as a bundle. Without a store, makes the large one of
# run.sh with gen.sh in $BENCH_DIR (default /tmp/jubo-bench; a few minutes, 2 GB). The issue
# is No. 418's text (../shared/seeds) when it is here, else the test issue No. 419 typeset as
# text; each run is timed three times, into a copy of the store, with /usr/bin/time.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-/tmp/jubo-bench}
large=${1:-$dir/large.db}
jubo=${2:-$here/../src/jubo}
mkdir -p "$dir"
if [ ! -f "$large" ]; then
	sh "$here/gen.sh" "$dir/large" 1000000 100000
	"$jubo" --db "$large" import "$dir/large" >/dev/null || exit 1
fi
seed="$here/../../shared/seeds/000_b7496394f7ea3c50.txt"
if [ -f "$seed" ]; then
	text="$dir/418.txt"
	cp "$seed" "$text"
	bundle="$here/../data/418"
	what="No. 418"
else
	text="$dir/419.txt"
	/usr/bin/python3 "$here/../tests/fixtures/issuetext/typeset.py" "$here/../tests/fixtures/issuetext/419" "$text"
	bundle="$here/../tests/fixtures/issuetext/419"
	what="No. 419 (test issue)"
fi
deals=$("$jubo" --db "$large" list deals --format tsv --columns company | wc -l)
echo "store: $large, $((deals - 1)) deals"
time_import() { # LABEL PATH
	for run in 1 2 3; do
		cp "$large" "$dir/copy.db"
		rm -f "$dir/copy.db-wal" "$dir/copy.db-shm"
		# The copy is written out first: its pages are not the import's to flush at the commit.
		sync
		/usr/bin/time -f "%e s, %M KB" "$jubo" --db "$dir/copy.db" import "$2" \
			>/dev/null 2>"$dir/time.err" || { cat "$dir/time.err"; exit 1; }
		echo "$1, run $run: $(tail -n 1 "$dir/time.err")"
	done
}
time_import "$what as text" "$text"
time_import "$what as a bundle" "$bundle"
pdf="$here/../tests/issues/418.pdf"
time_import "No. 418 as a PDF (LibreOffice, 12 pages)" "$pdf"
start=$(date +%s%N)
"$jubo" convert -o "$dir/converted.$$" "$text" >/dev/null 2>&1
end=$(date +%s%N)
echo "$what read into a bundle (jubo convert, no store): $(( (end - start) / 1000000 )) ms"
start=$(date +%s%N)
"$jubo" convert -o "$dir/converted-pdf.$$" "$pdf" >/dev/null 2>&1
end=$(date +%s%N)
echo "No. 418's PDF read into a bundle (pdftotext and the page layout, no store): $(( (end - start) / 1000000 )) ms"
rm -rf "$dir/converted-pdf.$$"
rm -rf "$dir/converted.$$" "$dir/copy.db" "$dir/copy.db-wal" "$dir/copy.db-shm"
