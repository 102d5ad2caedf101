# The issue reader on what is not an ordinary issue: a long table (its work grows with it and
# no faster), a FIFO or a PDF that never ends, an encrypted PDF, the issue's text saved as
# issue.txt, a file named like an option, a full disk under convert.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
issues="$top_srcdir/tests/issues"
py=/usr/bin/python3

# ---- a long table: linear work ---------------------------------------------------------------
# No. 421's text with its first table's rows repeated to N rows.
"$py" - "$issues/421.txt" <<'X'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
head = "기업 명칭 라운드 투자 금액 소재지 분야 소개 투자자 "
i = lines.index(head)
j = [k for k, l in enumerate(lines) if l.startswith("도표 10")][0]
rows = [l for l in lines[i + 1:j] if not l.startswith("주간") and l != "\f" and l != head]
for n in (700, 1400):
    open("long%d.txt" % n, "w", encoding="utf-8").write(
        "\n".join(lines[:i + 1] + rows * (n // 7) + lines[j:]))
X
work() {
	JUBO_READER_WORK=1 "$JUBO" convert --quiet -o "l$1" "long$1.txt" 2>&1 |
		sed -n 's/.*the reader joined \([0-9]*\) bytes$/\1/p'
}
w1=$(work 700)
w2=$(work 1400)
echo "# the reader joined $w1 bytes for 700 rows, $w2 for 1400"
check '[ -n "$w1" ] && [ -n "$w2" ] && [ $((w2 * 10)) -le $((w1 * 22)) ]' \
	"a table twice as long takes at most twice the work (no row reads the rest of the table)"
check '[ "$(grep -c "^deals\|^investment,china" l1400/deals.csv)" -ge 1400 ]' "and every row is read"

# ---- checks against what the issue says of itself ------------------------------------------
# A caption that promises more rows than the table holds; regions that add up to more than
# the month's count.
sed -e 's/(거래 금액 상위 5 개)/(거래 금액 상위 6 개)/' \
	-e "s/저장성(浙江, 142 건)/저장성(浙江, 942 건)/" "$issues/421.txt" >checks.txt
grep -q "저장성(浙江, 942 건)" checks.txt || echo "# the test's region was not found in 421.txt"
run convert -o ck checks.txt
expect_status 0 "an issue that contradicts itself converts"
check 'echo "$err" | grep -q "주요 인수합병 건수 (거래 금액 상위 6 개): its caption promises 6 rows, 5 were read: check the table"' \
	"a table holding other than the rows its caption promises is said"
check 'echo "$err" | grep -q "the top regions count [0-9]* deals where the month.s number is [0-9]*: check them"' \
	"regions that add up to more than the month's count are said"

# ---- files that are not files ----------------------------------------------------------------
mkfifo x.pdf x.txt
run --db f.db import x.pdf
expect_status 1 "a FIFO named x.pdf is refused, not waited on"
expect_err "saying why" <<'X'
jubo: x.pdf: not a regular file: jubo reads an issue's PDF from a file
X
run --db f.db import x.txt
expect_status 1 "a FIFO named x.txt is refused"
check 'echo "$err" | grep -q "^jubo: x.txt: not a regular file"' "saying why, not 'No such device'"
run convert -o fx x.pdf
expect_status 1 "convert refuses a FIFO too"

# A pdftotext that never ends is stopped.
mkdir slow
printf '#!/bin/sh\nsleep 60\n' >slow/pdftotext
chmod +x slow/pdftotext
start=$(date +%s)
JUBO_PDF_TIMEOUT=1 PATH="$tmp/slow:$PATH" "$JUBO" convert -o sl "$issues/421.pdf" \
	>"$tmp/stdout" 2>"$tmp/stderr"
status=$?
took=$(($(date +%s) - start))
expect_status 1 "a pdftotext that never ends is stopped"
check '[ "$took" -le 10 ]' "within the time limit ($took s)"
sed -i "s|$top_srcdir|TOPDIR|" "$tmp/stderr" 2>/dev/null
compare "$tmp/stderr" "the limit's message names the PDF" <<'X'
jubo: TOPDIR/tests/issues/421.pdf: pdftotext did not finish in 1 seconds: stopped ($JUBO_PDF_TIMEOUT sets the limit)
X

# An encrypted PDF: pdftotext's reason, not an empty one.
"$py" - <<'X'
from reportlab.pdfgen import canvas
from reportlab.lib import pdfencrypt
enc = pdfencrypt.StandardEncryption("secret", canPrint=0)
c = canvas.Canvas("locked.pdf", encrypt=enc)
c.drawString(100, 700, "locked")
c.save()
X
run convert -o lk locked.pdf
expect_status 1 "an encrypted PDF is an error"
check 'echo "$err" | grep -q "^jubo: locked.pdf: pdftotext cannot read this PDF: ..*[a-z]"' \
	"with pdftotext's reason ($(echo "$err" | head -1))"

# ---- names -------------------------------------------------------------------------------------
mkdir saved
cp "$issues/421.txt" saved/issue.txt
run --db s.db import saved/issue.txt
expect_status 0 "the issue's text saved as issue.txt imports"
check 'echo "$out" | grep -q "^imported: issues 1, articles 4, deals 1[0-9] "' \
	"as an issue, not as a bundle's header"
run --db s.db import -v.pdf
expect_status 2 "a file named like an option is an option"
expect_err "the message names it and says how to name the file" <<'X'
jubo: import: unknown option '-v' (a file whose name begins with '-' is named ./-v.pdf)
Try 'jubo --help' for more information.
X

# ---- convert writes whole or not at all ----------------------------------------------------------
(
	trap '' XFSZ
	ulimit -f 1
	"$JUBO" convert -o full "$issues/421.pdf" >"$tmp/stdout" 2>"$tmp/stderr"
	echo $? >"$tmp/full.status"
)
check '[ "$(cat full.status)" -eq 1 ]' "convert fails when a file cannot be written whole (a full disk)"
check '[ ! -e full ] && ! ls -d full.tmp-* 2>/dev/null' "and leaves nothing behind, no half bundle"
run convert -o ok "$issues/421.pdf"
expect_status 0 "with room it writes the bundle"
check '[ -f ok/deals.csv ] && ! ls -d ok.tmp-* 2>/dev/null' "under the name asked for, nothing beside it"
finish
