/* fuzz_amount.c: amounts as the newsletter and the filter write them.
 *
 * Input: the text of an amount. Promises checked: an unreadable amount says where, inside the
 * text, and why; a read amount is a finite number of a known currency, and its figure in 억
 * 위안 is written in the room given. */
#include <math.h>

#include "amount.h"
#include "fuzz.h"

static void check(enum amount_status st, const struct amount *a, size_t stop, const char *why,
		  size_t len)
{
	if (st == AMOUNT_UNREADABLE) {
		FUZZ_CHECK(stop <= len);
		FUZZ_CHECK(why && *why);
	} else if (st == AMOUNT_OK) {
		FUZZ_CHECK(isfinite(a->value) && a->value >= 0);
		FUZZ_CHECK(strlen(a->currency) == 3);
		FUZZ_CHECK(amount_qualifier_name(a->qualifier) != NULL);
		char out[64];
		amount_format_eok(a->value, out, sizeof out);
		FUZZ_CHECK(memchr(out, '\0', sizeof out) != NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	size_t len = strlen(s);
	struct amount a;
	size_t stop = 0;
	const char *why = NULL;
	enum amount_status st = amount_parse(s, &a, &stop, &why);
	check(st, &a, stop, why, len);
	stop = 0;
	why = NULL;
	st = amount_parse_default(s, "CNY", &a, &stop, &why);
	check(st, &a, stop, why, len);
	double m;
	const char *code;
	FUZZ_CHECK(amount_match_multiplier(s, &m) <= len);
	FUZZ_CHECK(amount_match_currency(s, &code) <= len);
	/* Figures from the input's bytes too, large and small, negative and not numbers. */
	if (size >= sizeof(double)) {
		double v;
		memcpy(&v, data, sizeof v);
		char out[64];
		amount_format_eok(v, out, sizeof out);
		FUZZ_CHECK(memchr(out, '\0', sizeof out) != NULL);
	}
	free(s);
	return 0;
}
