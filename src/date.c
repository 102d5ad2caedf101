/* date.c: date parsing and month arithmetic. */
#include "config.h"

#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return month == 2 && date_is_leap(year) ? 29 : days[month - 1];
}

int date_is_valid(struct date d)
{
	return d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
	       d.day <= date_days_in_month(d.year, d.month);
}

/* Reads 1..max digits; returns bytes used. */
static size_t read_int(const char *s, int max, int *value)
{
	size_t n = 0;
	int v = 0;
	while ((int)n < max && isdigit((unsigned char)s[n]))
		v = v * 10 + (s[n++] - '0');
	*value = v;
	return n;
}

static size_t skip_spaces(const char *s)
{
	size_t n = 0;
	while (s[n] == ' ')
		n++;
	return n;
}

/* After a number: a separator of the given style; returns bytes used or 0.
 * style: '-', '.', '/' or 'k' for 년/월/일. which: 0 after year, 1 after month, 2 after day. */
static size_t read_separator(const char *s, char style, int which)
{
	static const char *const korean[] = { "년", "월", "일" };
	size_t n = skip_spaces(s);
	if (style == 'k') {
		size_t k = strlen(korean[which]);
		return strncmp(s + n, korean[which], k) == 0 ? n + k : 0;
	}
	if (which == 2)
		return style == '.' && s[n] == '.' ? n + 1 : 0; /* "2025. 4. 2." */
	return s[n] == style ? n + 1 : 0;
}

size_t date_parse_prefix(const char *s, struct date *d)
{
	size_t at = 0, n;
	int y, m, day;
	if ((n = read_int(s, 4, &y)) != 4)
		return 0;
	at += n;
	char style = 0;
	const char *styles = "-./k";
	for (const char *c = styles; *c && !style; c++)
		if ((n = read_separator(s + at, *c, 0)) > 0)
			style = *c;
	if (!style)
		return 0;
	at += n;
	at += skip_spaces(s + at);
	if ((n = read_int(s + at, 2, &m)) == 0)
		return 0;
	at += n;
	if ((n = read_separator(s + at, style, 1)) == 0)
		return 0;
	at += n;
	at += skip_spaces(s + at);
	if ((n = read_int(s + at, 2, &day)) == 0)
		return 0;
	at += n;
	if ((n = read_separator(s + at, style, 2)) > 0)
		at += n;
	if (isdigit((unsigned char)s[at]))
		return 0;
	*d = (struct date){ y, m, day };
	return date_is_valid(*d) ? at : 0;
}

int date_parse(const char *s, struct date *d)
{
	size_t lead = skip_spaces(s);
	size_t n = date_parse_prefix(s + lead, d);
	if (!n)
		return -1;
	return s[lead + n + skip_spaces(s + lead + n)] == '\0' ? 0 : -1;
}

/* The end of a range: a full date, or MM.DD / DD in the start's style. */
static size_t parse_range_end(const char *s, struct date start, struct date *end)
{
	size_t n = date_parse_prefix(s, end);
	if (n)
		return n;
	int a, b;
	size_t na = read_int(s, 2, &a);
	if (!na)
		return 0;
	size_t at = na;
	if (s[at] == '.' || s[at] == '-' || s[at] == '/' || strncmp(s + at, "월", 3) == 0) {
		at += s[at] == '.' || s[at] == '-' || s[at] == '/' ? 1 : 3;
		at += skip_spaces(s + at);
		size_t nb = read_int(s + at, 2, &b);
		if (!nb)
			return 0;
		at += nb;
		if (strncmp(s + at, "일", 3) == 0)
			at += 3;
		else if (s[at] == '.')
			at++;
		*end = (struct date){ start.year, a, b };
	} else {
		if (strncmp(s + at, "일", 3) == 0)
			at += 3;
		*end = (struct date){ start.year, start.month, a };
	}
	return date_is_valid(*end) ? at : 0;
}

int date_parse_range(const char *s, struct date *start, struct date *end, size_t *stop)
{
	size_t at = skip_spaces(s);
	size_t n = date_parse_prefix(s + at, start);
	if (!n) {
		*stop = at;
		return -1;
	}
	at += n;
	at += skip_spaces(s + at);
	if (s[at] == '\0') {
		*end = *start;
		return 0;
	}
	static const char *const dashes[] = { "-", "~", "–", "—", "〜", "～" };
	size_t dn = 0;
	for (size_t i = 0; i < sizeof dashes / sizeof dashes[0] && !dn; i++)
		if (strncmp(s + at, dashes[i], strlen(dashes[i])) == 0)
			dn = strlen(dashes[i]);
	if (!dn) {
		*stop = at;
		return -1;
	}
	at += dn;
	at += skip_spaces(s + at);
	n = parse_range_end(s + at, *start, end);
	if (!n) {
		*stop = at;
		return -1;
	}
	at += n;
	at += skip_spaces(s + at);
	if (s[at] != '\0') {
		*stop = at;
		return -1;
	}
	if (end->year * 10000 + end->month * 100 + end->day <
	    start->year * 10000 + start->month * 100 + start->day) {
		*stop = at - n;
		return -1;
	}
	return 0;
}

void date_format(struct date d, char out[11])
{
	unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u, day = (unsigned)d.day % 100u;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, day);
}

int date_parse_period(const char *s, int *year, int *month)
{
	int y, m;
	size_t n = read_int(s, 4, &y);
	if (n != 4 || (s[4] != '-' && s[4] != '.'))
		return -1;
	size_t k = read_int(s + 5, 2, &m);
	if (k == 0 || s[5 + k] != '\0' || m < 1 || m > 12)
		return -1;
	*year = y;
	*month = m;
	return 0;
}

void date_format_period(int year, int month, char out[8])
{
	unsigned y = (unsigned)year % 10000u, m = (unsigned)month % 100u;
	snprintf(out, 8, "%04u-%02u", y, m);
}

int date_compare(struct date a, struct date b)
{
	long x = (long)a.year * 10000 + a.month * 100 + a.day;
	long y = (long)b.year * 10000 + b.month * 100 + b.day;
	return x < y ? -1 : x > y;
}

/* Dates run from 0001-01-01 to 9999-12-31 (four-digit years, ISO 8601's plain range): a move
 * past either end stops there. */
static const struct date first_date = { 1, 1, 1 }, last_date = { 9999, 12, 31 };

struct date date_add_days(struct date d, int days)
{
	while (days > 0) {
		if (date_compare(d, last_date) >= 0)
			return last_date;
		if (++d.day > date_days_in_month(d.year, d.month)) {
			d.day = 1;
			if (++d.month > 12) {
				d.month = 1;
				d.year++;
			}
		}
		days--;
	}
	while (days < 0) {
		if (date_compare(d, first_date) <= 0)
			return first_date;
		if (--d.day < 1) {
			if (--d.month < 1) {
				d.month = 12;
				d.year--;
			}
			d.day = date_days_in_month(d.year, d.month);
		}
		days++;
	}
	return d;
}

struct date date_add_months(struct date d, int months)
{
	long index = (long)d.year * 12 + (d.month - 1) + months;
	if (index < 12)
		return first_date;
	if (index > 9999L * 12 + 11)
		return last_date;
	d.year = (int)(index / 12);
	d.month = (int)(index % 12) + 1;
	int last = date_days_in_month(d.year, d.month);
	if (d.day > last)
		d.day = last;
	return d;
}

int date_weekday(struct date d)
{
	/* Sakamoto's method: 0 is Sunday. */
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	if (d.month < 1 || d.month > 12)
		return 0;
	/* 400 years on: the same weekdays, and no negative year to divide (year 0's January). */
	int y = d.year - (d.month < 3) + 400;
	return (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7;
}

struct date date_today(void)
{
	struct date d;
	const char *fixed = getenv("JUBO_TODAY");
	if (fixed && date_parse(fixed, &d) == 0)
		return d;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}
