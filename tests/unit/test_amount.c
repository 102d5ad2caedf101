/* Amounts as the newsletter writes them, and the edges around them. */
#include "config.h"

#include "../tap.h"
#include "amount.h"

static void check(const char *text, double value, const char *currency,
		  enum amount_qualifier qualifier)
{
	struct amount a;
	enum amount_status st = amount_parse(text, &a, NULL, NULL);
	if (!ok(st == AMOUNT_OK, "'%s' is read", text))
		return;
	is_num(a.value, value, "'%s' value", text);
	is_str(a.currency, currency, "'%s' currency", text);
	is_str(amount_qualifier_name(a.qualifier), amount_qualifier_name(qualifier),
	       "'%s' qualifier", text);
}

static void check_status(const char *text, enum amount_status want, const char *what)
{
	struct amount a;
	is_int(amount_parse(text, &a, NULL, NULL), want, "'%s' is %s", text, what);
}

int main(void)
{
	/* Every form the sample issue prints. */
	check("199.9 억 위안", 199.9e8, "CNY", AMOUNT_EXACT);
	check("거의 10 억 위안", 10e8, "CNY", AMOUNT_APPROX);
	check("1 억 달러 이상", 1e8, "USD", AMOUNT_AT_LEAST);
	check("9569.81 만 위안", 9569.81e4, "CNY", AMOUNT_EXACT);
	check("96.0006억 위안", 96.0006e8, "CNY", AMOUNT_EXACT);
	check("30 억 달러", 30e8, "USD", AMOUNT_EXACT);
	check("2.075 억 달러", 2.075e8, "USD", AMOUNT_EXACT);
	check("4000 만 달러", 4000e4, "USD", AMOUNT_EXACT);
	check("425 억 홍콩달러", 425e8, "HKD", AMOUNT_EXACT);
	/* Chinese and English units and currencies. */
	check("1.5亿元", 1.5e8, "CNY", AMOUNT_EXACT);
	check("3000万美元", 3000e4, "USD", AMOUNT_EXACT);
	check("USD 30 million", 30e6, "USD", AMOUNT_EXACT);
	check("US$1.2bn", 1.2e9, "USD", AMOUNT_EXACT);
	check("CNY 500万", 500e4, "CNY", AMOUNT_EXACT);
	check("RMB 2亿", 2e8, "CNY", AMOUNT_EXACT);
	check("HKD 10亿", 10e8, "HKD", AMOUNT_EXACT);
	check("10 억 HKD", 10e8, "HKD", AMOUNT_EXACT);
	check("천만 달러", 1e7, "USD", AMOUNT_EXACT);
	check("5 천만 위안", 5e7, "CNY", AMOUNT_EXACT);
	check("1 조 2,000 억 원", 1.2e12, "KRW", AMOUNT_EXACT);
	check("1조 위안", 1e12, "CNY", AMOUNT_EXACT);
	check("1,066 만 위안", 1066e4, "CNY", AMOUNT_EXACT);
	check("12,345,678 위안", 12345678, "CNY", AMOUNT_EXACT);
	check("약 397 억 위안", 397e8, "CNY", AMOUNT_APPROX);
	check("近10亿元", 10e8, "CNY", AMOUNT_APPROX);
	check("超过1亿美元", 1e8, "USD", AMOUNT_AT_LEAST);
	check("1亿美元以上", 1e8, "USD", AMOUNT_AT_LEAST);
	check("5 억 위안 이하", 5e8, "CNY", AMOUNT_AT_MOST);
	check("5 억 위안 미만", 5e8, "CNY", AMOUNT_AT_MOST);
	check("  3 억 달러  ", 3e8, "USD", AMOUNT_EXACT);
	check("３억 위안", 3e8, "CNY", AMOUNT_EXACT); /* full-width digit */
	check("3.2 억\n달러", 3.2e8, "USD", AMOUNT_EXACT); /* a cell wrapped in the PDF */

	check_status("미공개", AMOUNT_UNDISCLOSED, "undisclosed");
	check_status("未披露", AMOUNT_UNDISCLOSED, "undisclosed");
	check_status("Undisclosed", AMOUNT_UNDISCLOSED, "undisclosed");
	check_status("", AMOUNT_EMPTY, "empty");
	check_status("   ", AMOUNT_EMPTY, "empty");
	check_status("수억 위안", AMOUNT_UNREADABLE, "unreadable");
	check_status("199.9 억", AMOUNT_UNREADABLE, "unreadable without a currency");
	check_status("위안", AMOUNT_UNREADABLE, "unreadable without a number");
	check_status("1,00 위안", AMOUNT_UNREADABLE, "unreadable with a bad separator");
	check_status("1.2.3 억 위안", AMOUNT_UNREADABLE, "unreadable with two points");
	check_status("10 억 위안 정도 추정", AMOUNT_UNREADABLE, "unreadable with trailing text");

	/* Where the reading stopped, for the warning's column. */
	struct amount a;
	size_t stop = 0;
	const char *why = NULL;
	amount_parse("199.9 억 원화x", &a, &stop, &why);
	is_int(stop, strlen("199.9 억 원화"), "stop offset points after the currency");
	ok(why != NULL, "a reason is given");
	amount_parse("10 억", &a, &stop, &why);
	is_int(stop, strlen("10 억"), "missing currency stops at the end");
	return tap_done();
}
