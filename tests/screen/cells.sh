# Cells where jubo measured them, as another terminal emulator (python3-pyte) draws them:
# company names with an emoji ZWJ sequence, a flag, U+00AD, ䷀ and middle dots, whose
# widths glibc's wcwidth (curses) and jubo judge differently, must not push the columns
# after them out of line; with ambiguous characters 1 cell wide, and 2 (--ambiguous=wide).
. "$top_srcdir/tests/screen/lib.sh"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c "import pyte" 2>/dev/null; then
	echo "1..0 # SKIP python3-pyte is not installed"
	exit 0
fi
cp "$JUBO_SAMPLE_DB" "$tmp/w.db" && chmod u+w "$tmp/w.db"
sqlite3 "$tmp/w.db" "
UPDATE deal SET name_ko = '가족' || char(128104, 8205, 128105, 8205, 128103) WHERE seq = 1;
UPDATE deal SET name_ko = char(127472, 127479) || '국기' WHERE seq = 2;
UPDATE deal SET name_ko = '소프트' || char(173) || '웨어' WHERE seq = 3;
UPDATE deal SET name_ko = char(19904) || '괘상' WHERE seq = 4;
UPDATE deal SET name_ko = 'A·B·C·D' WHERE seq = 5;
UPDATE deal SET investors = '가·나·다·라·마·바' WHERE seq BETWEEN 1 AND 10;"
for amb in 1 2; do
	opt=$([ "$amb" = 2 ] && echo "--ambiguous=wide" || echo "--ambiguous=narrow")
	rm -f "$tmp/raw"
	start 80 24 -- "$opt" --db "$tmp/w.db"
	tm pipe-pane -o "cat >> $tmp/raw"
	keys 2 C-l
	sleep 0.3
	"$py" "$top_srcdir/tests/screen/cells.py" "$tmp/raw" 80 24 "$amb" >"$tmp/out" 2>&1
	pass_or_fail $? "ambiguous $amb cell(s): every column in line in pyte: $(tail -1 "$tmp/out")"
	grep '^#' "$tmp/out"
	stop
done
finish
