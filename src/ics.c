/* ics.c: the iCalendar writer. */
#include "config.h"

#include "ics.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "sqlgen.h"

/* Folds a content line: at most 75 octets a line, continued lines start with a space, and a
 * UTF-8 sequence is never cut. */
static void fold(struct buf *out, const char *line)
{
	size_t len = strlen(line), at = 0, room = 75;
	while (len - at > room) {
		size_t cut = at + room;
		while (cut > at && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		buf_add(out, line + at, cut - at);
		buf_adds(out, "\r\n ");
		at = cut;
		room = 74; /* the leading space counts */
	}
	buf_add(out, line + at, len - at);
	buf_adds(out, "\r\n");
}

void ics_property(struct buf *out, const char *name, const char *value, int escape)
{
	struct buf line = { 0 };
	buf_adds(&line, name);
	buf_addc(&line, ':');
	for (const char *p = value; *p; p++) {
		if (escape && (*p == '\\' || *p == ';' || *p == ',')) {
			buf_addc(&line, '\\');
			buf_addc(&line, *p);
		} else if (escape && *p == '\n') {
			buf_adds(&line, "\\n");
		} else if ((unsigned char)*p >= 0x20 || *p == '\t') {
			buf_addc(&line, *p);
		}
	}
	fold(out, line.data);
	buf_free(&line);
}

/* YYYYMMDD from YYYY-MM-DD, moved by `days`. */
static void ics_date(const char *iso, int days, char out[9])
{
	struct date d;
	if (date_parse(iso, &d) != 0)
		d = (struct date){ 1970, 1, 1 };
	d = date_add_days(d, days);
	snprintf(out, 9, "%04u%02u%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
		 (unsigned)d.day % 100u);
}

char *ics_uid(const struct ics_event *e)
{
	/* FNV-1a of the name: the same event gets the same UID in every export. */
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)e->name; *p; p++)
		h = (h ^ *p) * 16777619u;
	char start[9];
	ics_date(e->start, 0, start);
	return xasprintf("%d-%s-%08x@jubo", e->issue, start, (unsigned)h);
}

void ics_event(struct buf *out, const struct ics_event *e)
{
	char start[9], end[9], stamp[9];
	ics_date(e->start, 0, start);
	ics_date(e->end, 1, end); /* DTEND of an all-day event is the day after */
	ics_date(e->stamp, 0, stamp);
	char *uid = ics_uid(e);
	fold(out, "BEGIN:VEVENT");
	ics_property(out, "UID", uid, 0);
	char *dtstamp = xasprintf("%sT000000Z", stamp);
	ics_property(out, "DTSTAMP", dtstamp, 0);
	ics_property(out, "DTSTART;VALUE=DATE", start, 0);
	ics_property(out, "DTEND;VALUE=DATE", end, 0);
	ics_property(out, "SUMMARY", e->name, 1);
	if (e->city && *e->city)
		ics_property(out, "LOCATION", e->city, 1);
	if (e->field && *e->field)
		ics_property(out, "CATEGORIES", e->field, 1);
	char *desc = xasprintf("%s%s주간 중국창업 %d호", e->field && *e->field ? e->field : "",
			       e->field && *e->field ? "\n" : "", e->issue);
	ics_property(out, "DESCRIPTION", desc, 1);
	fold(out, "END:VEVENT");
	free(desc);
	free(dtstamp);
	free(uid);
}

struct export {
	FILE *f;
	long count;
	struct store *store;
};

static int write_event(void *ctx, int header, int ncols, const char *const *v)
{
	struct export *x = ctx;
	(void)ncols;
	if (header)
		return 0;
	/* Columns: start, end, name, city, field, issue, issue date. */
	struct ics_event e = { v[5] ? atoi(v[5]) : 0, v[0], v[1], v[2] ? v[2] : "", v[3], v[4],
			       v[6] ? v[6] : v[0] };
	struct buf b = { 0 };
	ics_event(&b, &e);
	fwrite(b.data, 1, b.len, x->f);
	buf_free(&b);
	x->count++;
	return ferror(x->f) ? -1 : 0;
}

int ics_export(struct store *s, const struct query *q, FILE *f, long *count)
{
	const struct listing *l = listing_get(TARGET_EVENTS);
	const char *want[] = { "start", "end", "name", "city", "field", "issue", "issue_date" };
	int idx[7];
	for (size_t w = 0; w < 7; w++)
		if ((idx[w] = listing_column_index(l, want[w])) < 0)
			return -1;
	struct sql_stmt st;
	struct query_error err;
	if (sqlgen_select(s, q, NULL, 0, 0, idx, 7, &st, &err) != 0)
		return -1;
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jubo//jubo " PACKAGE_VERSION "//KO\r\n"
	      "CALSCALE:GREGORIAN\r\n",
	      f);
	struct export x = { f, 0, s };
	int rc = store_run(s, &st, write_event, &x);
	sql_stmt_free(&st);
	fputs("END:VCALENDAR\r\n", f);
	*count = x.count;
	return rc == 0 && !ferror(f) ? 0 : -1;
}
