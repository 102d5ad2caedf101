# jubo export --ics: read back with Python's icalendar (Debian: python3-icalendar), not with
# jubo's own code, and compared event by event with the store.
. "$top_srcdir/tests/cli/lib.sh"
db="$JUBO_SAMPLE_DB"
py=/usr/bin/python3
if ! $py -c "import icalendar" 2>/dev/null; then
	echo "1..0 # SKIP python3-icalendar is not installed"
	exit 0
fi
run --db "$db" export --ics -o "$tmp/all.ics"
expect_status 0 "export --ics writes a file"
check 'printf "%s" "$err" | grep -q "^14 events written to"' "and says how many events"
cat >"$tmp/read.py" <<'Y'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    end = e.decoded("DTEND")
    cats = e.get("CATEGORIES")
    field = cats.cats[0] if cats is not None and hasattr(cats, "cats") else (str(cats) if cats else "")
    print("\t".join([start.isoformat(), end.isoformat(), str(e.get("SUMMARY")),
                     str(e.get("LOCATION", "")), field, str(e.get("UID"))]))
Y
$py "$tmp/read.py" "$tmp/all.ics" >"$tmp/parsed" 2>"$tmp/pyerr"
check '[ $? -eq 0 ]' "a real iCalendar parser reads it: $(head -1 "$tmp/pyerr")"
check '[ "$(wc -l <"$tmp/parsed")" -eq 14 ]' "all 14 events are there"
# The store's events with DTEND one day after the last day (exclusive).
"$JUBO" --db "$db" list events --format tsv --columns start,end,name,city,field | tail -n +2 |
	while IFS="$(printf '\t')" read -r s e name city field; do
		next=$(date -d "$e + 1 day" +%F)
		printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$next" "$name" "$city" "$field"
	done >"$tmp/want"
cut -f1-5 "$tmp/parsed" >"$tmp/got"
compare "$tmp/got" "every event: dates (end exclusive), name, city and field as in the store" <"$tmp/want"
check '! grep -qv "^[0-9]*-[0-9]*-[0-9a-f]*@jubo$" <(cut -f6 "$tmp/parsed")' "UIDs are well formed"
check '[ "$(cut -f6 "$tmp/parsed" | sort -u | wc -l)" -eq 14 ]' "UIDs are unique"
"$JUBO" --db "$db" export --ics >"$tmp/again.ics"
check 'cmp -s "$tmp/all.ics" "$tmp/again.ics"' "a second export is byte-identical (stable UIDs and stamps)"
check '! grep -q "$(printf "[^\r]$")" "$tmp/all.ics" && [ "$(awk "{ print length(\$0) }" "$tmp/all.ics" | sort -n | tail -1)" -le 76 ]' "CRLF line ends, lines of at most 75 octets"
# A filter, and text that needs escaping.
run --db "$db" export --ics --filter "field:생물의학 date:2025-04-16"
expect_status 0 "a filtered export"
check '[ "$(printf "%s" "$out" | grep -c "^BEGIN:VEVENT")" -eq 2 ]' "field:생물의학 date:2025-04-16 gives two events"
"$JUBO" --db "$db" export --ics | tr -d '\r' | grep -qF 'SUMMARY:제 4 회 인공지능\, 인터넷\, 디지털 경제'
pass_or_fail $? "commas in a name are escaped"
run --db "$db" export --ics --filter "regoin:x"
expect_status 2 "a bad filter is a usage error"
run --db "$db" export
expect_status 2 "export needs a format"
finish
