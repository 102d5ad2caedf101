/* The iCalendar writer: folding, escaping, all-day dates, stable UIDs; and calendar
 * arithmetic: month lengths, leap years, weekdays. */
#include "config.h"

#include <stdlib.h>

#include "../tap.h"
#include "date.h"
#include "ics.h"
#include "util.h"

/* Checks that every line is at most 75 octets, that no continuation starts inside a UTF-8
 * sequence, and returns the unfolded text (caller frees). */
static char *check_folding(const char *text, int *ok_lines)
{
	struct buf out = { 0 };
	*ok_lines = 1;
	const char *p = text;
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		if (n > 75)
			*ok_lines = 0;
		if (p != text && *p == ' ') {
			if (((unsigned char)p[1] & 0xC0) == 0x80)
				*ok_lines = 0;
			buf_add(&out, p + 1, n - 1);
		} else {
			if (out.len)
				buf_addc(&out, '\n');
			buf_add(&out, p, n);
		}
		p += n + (eol ? 2 : 0);
	}
	return buf_take(&out);
}

int main(void)
{
	struct buf b = { 0 };
	ics_property(&b, "SUMMARY", "a, b; c\\d\ne", 1);
	is_str(b.data, "SUMMARY:a\\, b\\; c\\\\d\\ne\r\n", "commas, semicolons, backslashes, newlines escaped");
	buf_clear(&b);
	/* Korean is three octets a syllable: folding must not split one. */
	const char *name = "2025 제 8 회 중국 국제 생물의학 재료 컨퍼런스 및 전시회 베이징 InfoComm China 2025 정상회의 "
			   "한중 인공지능 로봇 협력 강화 중관촌 포럼";
	ics_property(&b, "SUMMARY", name, 1);
	int lines_ok;
	char *unfolded = check_folding(b.data, &lines_ok);
	ok(lines_ok, "every line at most 75 octets, no UTF-8 sequence split");
	char *want = xasprintf("SUMMARY:%s", name);
	is_str(unfolded, want, "unfolding gives the line back");
	ok(strstr(b.data, "\r\n ") != NULL, "a long line is folded");
	free(want);
	free(unfolded);
	buf_clear(&b);

	struct ics_event e = { 418, "2025-04-29", "2025-04-30", "2025 년 중유럽 위험물 정상 포럼", "상하이",
			       "자재", "2025-03-31" };
	ics_event(&b, &e);
	ok(strstr(b.data, "DTSTART;VALUE=DATE:20250429\r\n") != NULL, "all-day start");
	ok(strstr(b.data, "DTEND;VALUE=DATE:20250501\r\n") != NULL, "exclusive end: the day after, across a month");
	ok(strstr(b.data, "DTSTAMP:20250331T000000Z\r\n") != NULL, "a stamp that does not change between exports");
	ok(strstr(b.data, "LOCATION:상하이\r\n") && strstr(b.data, "CATEGORIES:자재\r\n"), "city and field");
	char *u1 = ics_uid(&e), *u2 = ics_uid(&e);
	is_str(u1, u2, "the UID is the same every time");
	struct ics_event other = e;
	other.name = "COOC 2025";
	char *u3 = ics_uid(&other);
	ok(strcmp(u1, u3) != 0, "another event, another UID");
	free(u1);
	free(u2);
	free(u3);
	buf_clear(&b);
	struct ics_event eve = { 1, "2025-12-31", "2025-12-31", "Eve", NULL, NULL, "2025-12-01" };
	ics_event(&b, &eve);
	ok(strstr(b.data, "DTEND;VALUE=DATE:20260101\r\n") != NULL, "exclusive end across a year");
	ok(!strstr(b.data, "LOCATION"), "no empty LOCATION");
	buf_free(&b);

	/* Calendar arithmetic. */
	is_int(date_weekday((struct date){ 2025, 4, 1 }), 2, "2025-04-01 is a Tuesday");
	is_int(date_weekday((struct date){ 2000, 1, 1 }), 6, "2000-01-01 is a Saturday");
	is_int(date_weekday((struct date){ 2024, 2, 29 }), 4, "2024-02-29 is a Thursday");
	is_int(date_weekday((struct date){ 2026, 11, 24 }), 2, "2026-11-24 is a Tuesday");
	struct date d = date_add_days((struct date){ 2024, 2, 28 }, 1);
	ok(d.month == 2 && d.day == 29, "2024-02-28 + 1 = 02-29 (leap)");
	d = date_add_days((struct date){ 2025, 2, 28 }, 1);
	ok(d.month == 3 && d.day == 1, "2025-02-28 + 1 = 03-01");
	d = date_add_days((struct date){ 2025, 1, 1 }, -1);
	ok(d.year == 2024 && d.month == 12 && d.day == 31, "2025-01-01 - 1 = 2024-12-31");
	d = date_add_days((struct date){ 2025, 4, 1 }, 30);
	ok(d.month == 5 && d.day == 1, "30 days after April 1 is May 1");
	d = date_add_months((struct date){ 2025, 1, 31 }, 1);
	ok(d.month == 2 && d.day == 28, "Jan 31 + 1 month = Feb 28");
	d = date_add_months((struct date){ 2024, 1, 31 }, 1);
	ok(d.month == 2 && d.day == 29, "Jan 31 2024 + 1 month = Feb 29");
	d = date_add_months((struct date){ 2025, 1, 15 }, -1);
	ok(d.year == 2024 && d.month == 12, "January - 1 month = December of the year before");
	d = date_add_months((struct date){ 2025, 4, 15 }, 12);
	ok(d.year == 2026 && d.month == 4, "+12 months = next year");
	ok(date_compare((struct date){ 2025, 4, 2 }, (struct date){ 2025, 4, 3 }) < 0, "compare");
	setenv("JUBO_TODAY", "2025-04-16", 1);
	d = date_today();
	ok(d.year == 2025 && d.month == 4 && d.day == 16, "JUBO_TODAY fixes today");
	unsetenv("JUBO_TODAY");
	d = date_today();
	ok(date_is_valid(d), "today is a valid date");
	return tap_done();
}
