/* date.h: calendar dates as the newsletter writes them, and the arithmetic the calendar needs.
 *
 * Accepted: 2025-04-02, 2025.04.02, 2025/04/02, 2025. 4. 2., 2025년 4월 2일; ranges joined by
 * '-', '~', '–' or '—', where the end may leave out the year (and month): 2025.04.02-04.03,
 * 2025.04.02-03. Dates are checked against month lengths and leap years. */
#ifndef JUBO_DATE_H
#define JUBO_DATE_H

#include <stddef.h>

struct date {
	int year;
	int month;  /* 1..12 */
	int day;    /* 1..31 */
};

int date_is_leap(int year);
int date_days_in_month(int year, int month);
int date_is_valid(struct date d);

/* Reads one full date at the start of s; returns bytes used or 0. */
size_t date_parse_prefix(const char *s, struct date *d);

/* Parses a whole string as one date. 0 on success, -1 if it is not exactly a valid date. */
int date_parse(const char *s, struct date *d);

/* Parses a date or a range; a single date gives start == end. On failure returns -1 and
 * *stop is the byte offset where reading failed. */
int date_parse_range(const char *s, struct date *start, struct date *end, size_t *stop);

/* Writes YYYY-MM-DD (11 bytes with the NUL). */
void date_format(struct date d, char out[11]);

/* Writes YYYY-MM (8 bytes with the NUL). */
void date_format_period(int year, int month, char out[8]);

/* Parses YYYY-MM (a period); 0 or -1. */
int date_parse_period(const char *s, int *year, int *month);

/* -1, 0 or 1 as a is before, on or after b. */
int date_compare(struct date a, struct date b);
/* The date n days later (earlier for negative n). */
struct date date_add_days(struct date d, int days);
/* The same day n months later, clamped to the month's length (Jan 31 + 1 = Feb 28/29). */
struct date date_add_months(struct date d, int months);
/* Day of the week: 0 Sunday .. 6 Saturday. */
int date_weekday(struct date d);
/* Today in local time, or $JUBO_TODAY (YYYY-MM-DD) when set, for tests and demos. */
struct date date_today(void);

#endif
