/* amount.h: reads money amounts the way the newsletter writes them.
 *
 * "199.9 억 위안", "거의 10 억 위안", "1 억 달러 이상", "9569.81 만 위안", "425 억 홍콩달러",
 * "US$ 30 million", "1,200万元", "미공개": a number with optional thousands separators and
 * Korean, Chinese or English units (만 억 천만 조, 万 亿, million billion), a currency before
 * or after it, and a qualifier (거의/약 ... approx; 이상 at least; 이하/미만 at most). */
#ifndef JUBO_AMOUNT_H
#define JUBO_AMOUNT_H

#include <stddef.h>

enum amount_qualifier {
	AMOUNT_EXACT,
	AMOUNT_APPROX,    /* 거의, 약, 近, 约, about */
	AMOUNT_AT_LEAST,  /* 이상, 以上, over */
	AMOUNT_AT_MOST,   /* 이하, 미만, 以下, up to */
};

enum amount_status {
	AMOUNT_OK,          /* value, currency and qualifier are set */
	AMOUNT_EMPTY,       /* nothing was written */
	AMOUNT_UNDISCLOSED, /* 미공개, 未披露, undisclosed ... */
	AMOUNT_UNREADABLE,  /* something else; *stop is where reading failed */
};

struct amount {
	double value;                     /* in units of the currency (억 already multiplied in) */
	char currency[4];                 /* ISO 4217 code: CNY, USD, HKD, KRW, EUR, JPY ... */
	enum amount_qualifier qualifier;  /* how exact the written amount is */
};

/* Parses text. On AMOUNT_UNREADABLE, *stop (if not NULL) is the byte offset where the
 * reading failed and *why (if not NULL) a translatable reason. */
enum amount_status amount_parse(const char *text, struct amount *out, size_t *stop,
				const char **why);

/* The same, but an amount written without a currency is in `currency` (an ISO code), as in
 * a filter: amount>=10억. */
enum amount_status amount_parse_default(const char *text, const char *currency,
					struct amount *out, size_t *stop, const char **why);

/* "exact", "approx", "at_least", "at_most": the names the store keeps. */
const char *amount_qualifier_name(enum amount_qualifier q);

/* Reads a unit multiplier at the start of s (억, 万, million ...); returns bytes used or 0. */
size_t amount_match_multiplier(const char *s, double *multiplier);

/* Reads a currency word at the start of s; returns bytes used or 0, and the code. */
size_t amount_match_currency(const char *s, const char **code);

/* Yuan as the newsletter writes totals, in 억 (100 million) with thousands separators and at
 * most two decimals (four below one 억): "1,234.57", "21.57", "0.9570". The unit, "억 위안",
 * is the caller's to add (translated). out gets at least 32 bytes. */
void amount_format_eok(double yuan, char *out, size_t size);

#endif
