/* calendar.h: the Calendar pane: a month grid like cal(1) beside (or below) the month's
 * events. Weekday names come from the locale and are measured in cells; the week starts on
 * the locale's first weekday unless the user chooses Sunday or Monday. Days with events are
 * marked, multi-day events on every day they span, and today is marked. Only the shown
 * month's events are read. */
#ifndef JUBO_CALENDAR_H
#define JUBO_CALENDAR_H

#include <stddef.h>

#include "actions.h"
#include "date.h"
#include "doc.h"
#include "query.h"
#include "store.h"
#include "ui.h"

struct cal_event {
	char *start, *end;   /* ISO dates */
	char *name, *city, *field;
	int issue;
	long long id;
	int starred, noted;  /* the reader's marks (state.h) */
};

struct calendar {
	struct store *store;
	struct date cursor;        /* the chosen day; its month is shown */
	int week_start;            /* 0 Sunday, 1 Monday */
	char *filter;              /* the user's filter, or NULL */
	struct cal_event *events;  /* events of the shown month, by start */
	size_t count;
	int opened;                /* the first month has been chosen */
	int loaded;                /* events are read for cursor's month */
	int loaded_year, loaded_month;
	size_t list_top;           /* first event shown in the list */
};

/* week_start: 0 Sunday, 1 Monday, -1 from the locale. */
void calendar_init(struct calendar *c, struct store *s, int week_start);
void calendar_free(struct calendar *c);
/* 0, or -1 with *err. */
int calendar_set_filter(struct calendar *c, const char *filter, struct query_error *err);
/* Moves by an action (days, weeks, months, years, today, week start). */
void calendar_act(struct calendar *c, enum action_id a);
/* Reads what the next draw shows: the first month to show, the month's events. */
void calendar_sync(struct calendar *c);
/* Draws the pane into w, rows x cols, without reading the store. */
void calendar_draw(struct calendar *c, WINDOW *w, int rows, int cols);
/* The status line text (caller frees). */
char *calendar_status(struct calendar *c);
/* The reader's marks on the chosen day's events: * stars them all (or, when all are starred,
 * takes the stars away); a note is written on each of them (an empty one takes it away).
 * The number of events, 0 for a day without any, or -1 (store_errmsg says why). *on tells
 * whether the stars are on now. */
long long calendar_star_day(struct calendar *c, int *on);
long long calendar_note_day(struct calendar *c, const char *note);
/* How many events the chosen day has. */
size_t calendar_day_events(struct calendar *c);
/* The note of the chosen day's first event that has one (caller frees), or NULL. */
char *calendar_day_note(struct calendar *c);
/* The events of the chosen day in full, with the reader's star and note; returns how many
 * there are. */
size_t calendar_day_doc(struct calendar *c, struct doc *d, size_t width);
/* Writes the shown month's events (with the filter) as iCalendar to path. */
int calendar_export(struct calendar *c, const char *path, long *count);
/* The first weekday of the locale: 0 Sunday, 1 Monday. */
int calendar_locale_week_start(void);

#endif
