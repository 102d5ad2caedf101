/* fuzz_date.c: dates and ranges as the newsletter writes them, and the calendar's arithmetic.
 *
 * Input: the text of a date or range; its first four bytes also give a number of days and
 * months to move by. Promises checked: a failure says where, inside the text; a read date is
 * valid and writes and reads back the same; moving by days there and back returns to it
 * inside the calendar's years (0001-9999); a weekday is 0..6 and the next day's the next. */
#include "date.h"
#include "fuzz.h"

static void check_date(struct date d, int days, int months)
{
	FUZZ_CHECK(date_is_valid(d));
	char text[11];
	date_format(d, text);
	struct date back;
	FUZZ_CHECK(date_parse(text, &back) == 0 && date_compare(back, d) == 0);
	int w = date_weekday(d);
	FUZZ_CHECK(w >= 0 && w <= 6);
	struct date moved = date_add_days(d, days);
	static const struct date first = { 1, 1, 1 }, last = { 9999, 12, 31 };
	FUZZ_CHECK(date_is_valid(moved));
	if (date_compare(moved, first) > 0 && date_compare(moved, last) < 0) {
		FUZZ_CHECK(date_compare(date_add_days(moved, -days), d) == 0);
		FUZZ_CHECK(days == 0 || date_compare(moved, d) == (days > 0 ? 1 : -1));
	}
	if (date_compare(d, last) < 0) /* the next day is the next weekday */
		FUZZ_CHECK(date_weekday(date_add_days(d, 1)) == (w + 1) % 7);
	FUZZ_CHECK(date_is_valid(date_add_months(d, months)));
	char period[8];
	date_format_period(d.year, d.month, period);
	int y, m;
	FUZZ_CHECK(date_parse_period(period, &y, &m) == 0 && y == d.year && m == d.month);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int days = 0, months = 0;
	if (size >= 4) {
		days = (int16_t)(data[0] | data[1] << 8) * 3;
		months = (int16_t)(data[2] | data[3] << 8) % 2000;
	}
	char *s = fuzz_string(data, size);
	size_t len = strlen(s);
	struct date d, e;
	if (date_parse(s, &d) == 0)
		check_date(d, days, months);
	size_t used = date_parse_prefix(s, &d);
	FUZZ_CHECK(used <= len);
	if (used)
		check_date(d, days, months);
	size_t stop = 0;
	if (date_parse_range(s, &d, &e, &stop) == 0) {
		check_date(d, days, months);
		check_date(e, days, months);
	} else {
		FUZZ_CHECK(stop <= len);
	}
	int y, m;
	if (date_parse_period(s, &y, &m) == 0)
		FUZZ_CHECK(m >= 1 && m <= 12);
	free(s);
	return 0;
}
