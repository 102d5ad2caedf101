#!/bin/sh
# make.sh: typesets the test issues again (tests/issues/NNN, bundles that are also the answer
# keys) as PDFs with LibreOffice Writer and as text in the seed's form. Needs Debian's
# libreoffice-writer-nogui and fonts-noto-cjk; the PDFs are committed so that the tests need
# neither. Run from anywhere: sh tests/issues/make.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The test issues, and No. 418 (data/418, the sample's bundle) typeset the same way.
for dir in "$here"/[0-9][0-9][0-9] "$here/../../data/418"; do
	n=$(basename "$dir")
	/usr/bin/python3 "$here/typeset.py" "$dir" "$tmp/$n.fodt"
	soffice --headless -env:UserInstallation="file://$tmp/profile" --convert-to pdf \
		--outdir "$tmp" "$tmp/$n.fodt" >/dev/null 2>&1
	cp "$tmp/$n.pdf" "$here/$n.pdf"
	/usr/bin/python3 "$here/typeset.py" "$dir" "$here/$n.txt"
	echo "typeset $n: $(pdfinfo "$here/$n.pdf" | sed -n 's/^Pages: *//p') pages"
done
# 424 again with narrower spaces (LibreOffice's Chinese spacing for the Asian text).
/usr/bin/python3 "$here/typeset.py" "$here/424" "$tmp/424-narrow.fodt" --narrow
soffice --headless -env:UserInstallation="file://$tmp/profile" --convert-to pdf \
	--outdir "$tmp" "$tmp/424-narrow.fodt" >/dev/null 2>&1
cp "$tmp/424-narrow.pdf" "$here/424-narrow.pdf"
echo "typeset 424 with narrower spaces"
# 421, 423 and 425 again with cells and paragraphs wrapped at any syllable, as Korean word
# processors wrap them.
for n in 421 423 425; do
	/usr/bin/python3 "$here/typeset.py" "$here/$n" "$tmp/$n-syllable.fodt" --syllable
	soffice --headless -env:UserInstallation="file://$tmp/profile" --convert-to pdf \
		--outdir "$tmp" "$tmp/$n-syllable.fodt" >/dev/null 2>&1
	cp "$tmp/$n-syllable.pdf" "$here/$n-syllable.pdf"
	echo "typeset $n wrapped at any syllable"
done
