/* Dates and ranges as the newsletter writes them; month lengths and leap years. */
#include "config.h"

#include "../tap.h"
#include "date.h"

static void range(const char *text, const char *start, const char *end)
{
	struct date s, e;
	size_t stop = 0;
	char a[11], b[11];
	if (!ok(date_parse_range(text, &s, &e, &stop) == 0, "'%s' is a range", text))
		return;
	date_format(s, a);
	date_format(e, b);
	is_str(a, start, "'%s' start", text);
	is_str(b, end, "'%s' end", text);
}

static void bad_range(const char *text, size_t want_stop)
{
	struct date s, e;
	size_t stop = 99;
	ok(date_parse_range(text, &s, &e, &stop) != 0, "'%s' is refused", text);
	is_int(stop, want_stop, "'%s' fails at byte %zu", text, want_stop);
}

int main(void)
{
	range("2025.04.02-2025.04.03", "2025-04-02", "2025-04-03");
	range("2025.04.11", "2025-04-11", "2025-04-11");
	range("2025-04-15 ~ 2025-04-19", "2025-04-15", "2025-04-19");
	range("2025.04.29-04.30", "2025-04-29", "2025-04-30");
	range("2025.04.25-27", "2025-04-25", "2025-04-27");
	range("2025년 4월 16일 ~ 4월 18일", "2025-04-16", "2025-04-18");
	range("2025/12/30–2026/01/02", "2025-12-30", "2026-01-02");
	range("2025. 4. 2.", "2025-04-02", "2025-04-02");

	bad_range("2025.04.31", 0);
	bad_range("2025.02.29", 0);
	bad_range("2025.04.05-2025.04.03", 11);
	bad_range("2025.04.02 to 04.03", 11);
	bad_range("April 2", 0);

	struct date d;
	ok(date_parse("2024-02-29", &d) == 0, "2024-02-29 exists");
	ok(date_parse("2100-02-29", &d) != 0, "2100-02-29 does not");
	ok(date_parse("2000-02-29", &d) == 0, "2000-02-29 exists");
	ok(date_parse("2025-13-01", &d) != 0, "month 13 is refused");
	ok(date_parse("2025-04-02x", &d) != 0, "trailing text is refused");
	is_int(date_days_in_month(2025, 2), 28, "February 2025");
	is_int(date_days_in_month(2024, 2), 29, "February 2024");
	is_int(date_days_in_month(2025, 4), 30, "April");
	is_int(date_days_in_month(2025, 12), 31, "December");
	int y, m;
	ok(date_parse_period("2025-01", &y, &m) == 0 && y == 2025 && m == 1, "period 2025-01");
	ok(date_parse_period("2025-1", &y, &m) == 0 && m == 1, "period 2025-1");
	ok(date_parse_period("2025-00", &y, &m) != 0, "period month 0 is refused");
	/* The ends of the calendar: a move past them stops there (year 0 read out of a table). */
	struct date first = { 1, 1, 1 }, last = { 9999, 12, 31 };
	d = date_add_months((struct date){ 1, 1, 15 }, -1);
	ok(d.year == 1 && d.month == 1 && d.day == 1, "a month before 0001-01 stays at 0001-01-01");
	d = date_add_months(first, -12 * 2026);
	ok(date_compare(d, first) == 0, "2,026 years back from year 1 too");
	d = date_add_days(first, -1);
	ok(date_compare(d, first) == 0, "a day before 0001-01-01 is 0001-01-01");
	d = date_add_months((struct date){ 9999, 12, 1 }, 1);
	ok(date_compare(d, last) == 0, "a month after 9999-12 stops at 9999-12-31");
	d = date_add_days(last, 1);
	ok(date_compare(d, last) == 0, "a day after 9999-12-31 too");
	is_int(date_weekday(first), 1, "0001-01-01 is a Monday (proleptic Gregorian)");
	is_int(date_weekday((struct date){ 0, 1, 1 }), 6, "and year 0 gives a weekday, not a read out of bounds");
	is_int(date_weekday(last), 5, "9999-12-31 is a Friday");
	return tap_done();
}
