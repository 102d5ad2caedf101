# Files as spreadsheets really save them: CP949, EUC-KR, GB18030, BIG5, UTF-16, BOMs.
# The fixtures are made here with iconv(1) from UTF-8 text.
. "$top_srcdir/tests/cli/lib.sh"
cd "$tmp" || exit 1
cp "$fixtures/bundle/issue.txt" issue.txt

# The newsletter's Korean headers, quoted fields and CRLF, as Excel writes them.
printf '%s\r\n' \
	'기업 명칭,라운드,투자 금액,소재지,분야,소개,투자자' \
	'완신집적,A 라운드,95.5 억 위안,안후이,스마트 제조,집적회로 칩 개발업체,"중국농업은행 투자, ICBC 캐피탈"' \
	'진톈타이진,B 라운드,7 억 위안,후난,소재,티타늄 금속 제품 제조업체,궈카이금융' >ko.csv
expected_ko='완신집적	A 라운드	95.5 억 위안	안후이
진톈타이진	B 라운드	7 억 위안	후난'

names() { "$JUBO" --db "$1" list deals --format tsv --columns company,round,amount,place | tail -n +2; }

for enc in CP949 EUC-KR UTF-16 UTF-16LE UTF-16BE; do
	iconv -f UTF-8 -t "$enc" ko.csv >"deals-$enc.csv" || exit 1
	"$JUBO" --db "$enc.db" import issue.txt >/dev/null
	run --db "$enc.db" import --encoding "$enc" --issue 900 "deals-$enc.csv"
	expect_status 0 "a $enc file with Korean headers imports with --encoding $enc"
	check '[ "$(names "$enc.db")" = "$expected_ko" ]' "$enc: names, rounds and amounts arrive intact"
done

# UTF-16 with a BOM (Excel's "Unicode text") needs no --encoding; nor does UTF-8 with a BOM.
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE ko.csv; } >bom16.csv
run --db bom16.db import issue.txt bom16.csv
expect_status 0 "UTF-16LE with a BOM is recognised"
check '[ "$(names bom16.db)" = "$expected_ko" ]' "UTF-16LE with a BOM: text intact"
{ printf '\357\273\277'; cat ko.csv; } >bom8.csv
run --db bom8.db import issue.txt bom8.csv
expect_status 0 "UTF-8 with a BOM is recognised"
check '[ "$(names bom8.db)" = "$expected_ko" ]' "UTF-8 with a BOM: the first header still matches"

# Chinese exports: GB18030 (simplified) and BIG5 (traditional), with Chinese headers.
printf '%s\n' '企业名称,投资方,所在地,行业' '北电集成,亦庄国投,北京,集成电路' >zh.csv
iconv -f UTF-8 -t GB18030 zh.csv >zh-gb.csv
"$JUBO" --db gb.db import issue.txt >/dev/null
run --db gb.db import --encoding GB18030 --issue 900 zh-gb.csv
expect_status 0 "a GB18030 file with Chinese headers imports"
check '[ "$("$JUBO" --db gb.db list deals --format tsv --columns company_zh,place,investors | tail -1)" = "北电集成	北京	亦庄国投" ]' "GB18030: Han text intact, place resolved"
check '[ "$(sqlite3 gb.db "SELECT p.code FROM deal d JOIN place p ON p.id = d.province_id")" = CN-BJ ]' "GB18030: 北京 is Beijing in the gazetteer"
printf '%s\n' '企業名稱,所在地' '台積電,台灣' >tw.csv
iconv -f UTF-8 -t BIG5 tw.csv >tw-big5.csv
"$JUBO" --db big5.db import issue.txt >/dev/null
run --db big5.db import --encoding BIG5 --issue 900 tw-big5.csv
expect_status 0 "a BIG5 file imports"
check '[ "$("$JUBO" --db big5.db list deals --format tsv --columns company_zh | tail -1)" = "台積電" ]' "BIG5: traditional characters intact"

# A BOM says more than --encoding: a UTF-8 file with a BOM among CP949 ones still reads.
run --db bom8.db import --encoding CP949 --replace issue.txt bom8.csv
expect_status 0 "a BOM wins over --encoding"
check '[ "$(names bom8.db)" = "$expected_ko" ]' "BOM over --encoding: text intact"

# The wrong encoding is an error with a position, and the store is untouched.
run --db cp.db import issue.txt
cp cp.db before.db
run --db cp.db import --issue 900 deals-CP949.csv
expect_status 1 "CP949 read as UTF-8 is refused"
expect_err "the error names the first bad byte's line and column" <<'X'
jubo: deals-CP949.csv:1:1: byte 0xB1 is not valid UTF-8 (name the file's encoding with --encoding, e.g. CP949 or GB18030)
X
check 'cmp -s cp.db before.db' "the store is byte-identical after the refusal"
printf '%s\r\n' '기업 명칭,투자 금액' '노텔집적,199.9 억 위안' '잔신전자,거의 10 억 위안' >mixed.csv
{ head -c 73 mixed.csv; printf '\377'; } >broken.csv
run --db cp.db import --issue 900 broken.csv
expect_status 1 "a stray byte in UTF-8 is refused"
expect_err "at its line and character column" <<'X'
jubo: broken.csv:3:6: byte 0xFF is not valid UTF-8 (name the file's encoding with --encoding, e.g. CP949 or GB18030)
X
run --db cp.db import --encoding NO-SUCH issue.txt
expect_status 1 "an unknown encoding is an error"
check 'printf "%s" "$err" | grep -q "unknown encoding .NO-SUCH."' "naming the encoding"

# Decomposed Hangul (as macOS writes file contents sometimes) is stored as NFC.
printf '%s\n' 'company,place' "$(printf '\341\204\222\341\205\241\341\206\253\341\204\200\341\205\256\341\206\250'),서울" >nfd.csv
run --db nfd.db import issue.txt nfd.csv
check '[ "$(sqlite3 nfd.db "SELECT name_ko FROM deal")" = "한국" ]' "decomposed Hangul is stored composed (NFC)"
# Control characters and escape sequences never reach the store.
printf 'company,description\n"Evil\033]0;pwned\007 Co","a\033[2Jb"\n' >evil.csv
run --db evil.db import issue.txt evil.csv
check '[ "$(sqlite3 evil.db "SELECT name_ko || \"|\" || description FROM deal")" = "Evil]0;pwned Co|a[2Jb" ]' "ESC and BEL are removed at import"
finish
