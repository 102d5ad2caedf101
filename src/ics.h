/* ics.h: RFC 5545 iCalendar output for events: all-day events (DTSTART;VALUE=DATE and an
 * exclusive DTEND), UIDs that stay the same from one export to the next, text escaped
 * (\\ ; , and newlines) and lines folded at 75 octets without splitting a UTF-8 sequence. */
#ifndef JUBO_ICS_H
#define JUBO_ICS_H

#include <stdio.h>

#include "query.h"
#include "store.h"
#include "util.h"

struct ics_event {
	int issue;              /* the issue that listed it */
	const char *start;      /* YYYY-MM-DD */
	const char *end;        /* YYYY-MM-DD, inclusive */
	const char *name;
	const char *city;       /* or NULL */
	const char *field;      /* or NULL */
	const char *stamp;      /* DTSTAMP, e.g. the issue's date: YYYY-MM-DD */
};

/* Appends "NAME:value" to out, escaped and folded, ending in CRLF. */
void ics_property(struct buf *out, const char *name, const char *value, int escape);
/* Appends one VEVENT. */
void ics_event(struct buf *out, const struct ics_event *e);
/* The stable UID of an event (caller frees). */
char *ics_uid(const struct ics_event *e);

/* Writes a VCALENDAR of the events matching q (a TARGET_EVENTS query). 0, or -1 on a store
 * or write error; *count gets the number of events. */
int ics_export(struct store *s, const struct query *q, FILE *f, long *count);

#endif
