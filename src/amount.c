/* amount.c: the amount reader. Works on UTF-8 by longest-prefix matching of word tables. */
#include "config.h"

#include "amount.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "util.h"

struct word {
	const char *text;
	double number;      /* a multiplier, or a qualifier cast to double */
	const char *code;   /* a currency code */
};

static const struct word multipliers[] = {
	{ "조", 1e12, NULL },      { "천억", 1e11, NULL },  { "백억", 1e10, NULL },
	{ "십억", 1e9, NULL },     { "억", 1e8, NULL },      { "천만", 1e7, NULL },
	{ "백만", 1e6, NULL },     { "십만", 1e5, NULL },    { "만", 1e4, NULL },
	{ "천", 1e3, NULL },       { "万亿", 1e12, NULL },   { "萬億", 1e12, NULL },
	{ "亿", 1e8, NULL },       { "億", 1e8, NULL },      { "千万", 1e7, NULL },
	{ "千萬", 1e7, NULL },     { "百万", 1e6, NULL },    { "百萬", 1e6, NULL },
	{ "万", 1e4, NULL },       { "萬", 1e4, NULL },      { "千", 1e3, NULL },
	{ "trillion", 1e12, NULL }, { "tn", 1e12, NULL },    { "billion", 1e9, NULL },
	{ "bn", 1e9, NULL },       { "b", 1e9, NULL },       { "million", 1e6, NULL },
	{ "mn", 1e6, NULL },       { "mio", 1e6, NULL },     { "m", 1e6, NULL },
	{ "thousand", 1e3, NULL }, { "k", 1e3, NULL },
};

static const struct word currencies[] = {
	{ "홍콩달러", 0, "HKD" },  { "홍콩 달러", 0, "HKD" }, { "港元", 0, "HKD" },
	{ "港币", 0, "HKD" },      { "港幣", 0, "HKD" },      { "HK$", 0, "HKD" },
	{ "HKD", 0, "HKD" },       { "미국달러", 0, "USD" },  { "미국 달러", 0, "USD" },
	{ "미화", 0, "USD" },      { "달러", 0, "USD" },      { "美元", 0, "USD" },
	{ "美金", 0, "USD" },      { "US$", 0, "USD" },       { "USD", 0, "USD" },
	{ "$", 0, "USD" },         { "위안화", 0, "CNY" },    { "위안", 0, "CNY" },
	{ "人民币元", 0, "CNY" },  { "人民币", 0, "CNY" },    { "人民幣", 0, "CNY" },
	{ "元", 0, "CNY" },        { "CNY", 0, "CNY" },       { "RMB", 0, "CNY" },
	{ "¥", 0, "CNY" },         { "￥", 0, "CNY" },        { "원화", 0, "KRW" },
	{ "원", 0, "KRW" },        { "韩元", 0, "KRW" },      { "KRW", 0, "KRW" },
	{ "₩", 0, "KRW" },         { "유로", 0, "EUR" },      { "欧元", 0, "EUR" },
	{ "EUR", 0, "EUR" },       { "€", 0, "EUR" },         { "엔", 0, "JPY" },
	{ "日元", 0, "JPY" },      { "JPY", 0, "JPY" },       { "파운드", 0, "GBP" },
	{ "英镑", 0, "GBP" },      { "GBP", 0, "GBP" },       { "£", 0, "GBP" },
	{ "싱가포르달러", 0, "SGD" }, { "新加坡元", 0, "SGD" }, { "SGD", 0, "SGD" },
};

static const struct word prefix_qualifiers[] = {
	{ "거의", AMOUNT_APPROX, NULL },    { "약", AMOUNT_APPROX, NULL },
	{ "대략", AMOUNT_APPROX, NULL },    { "近", AMOUNT_APPROX, NULL },
	{ "约", AMOUNT_APPROX, NULL },      { "約", AMOUNT_APPROX, NULL },
	{ "~", AMOUNT_APPROX, NULL },       { "≈", AMOUNT_APPROX, NULL },
	{ "超过", AMOUNT_AT_LEAST, NULL },  { "超", AMOUNT_AT_LEAST, NULL },
	{ "逾", AMOUNT_AT_LEAST, NULL },    { "최대", AMOUNT_AT_MOST, NULL },
	{ "approximately", AMOUNT_APPROX, NULL }, { "approx.", AMOUNT_APPROX, NULL },
	{ "about", AMOUNT_APPROX, NULL },   { "around", AMOUNT_APPROX, NULL },
	{ "nearly", AMOUNT_APPROX, NULL },  { "almost", AMOUNT_APPROX, NULL },
	{ "over", AMOUNT_AT_LEAST, NULL },  { "more than", AMOUNT_AT_LEAST, NULL },
	{ "at least", AMOUNT_AT_LEAST, NULL }, { "up to", AMOUNT_AT_MOST, NULL },
	{ "under", AMOUNT_AT_MOST, NULL },  { "less than", AMOUNT_AT_MOST, NULL },
};

static const struct word suffix_qualifiers[] = {
	{ "이상", AMOUNT_AT_LEAST, NULL }, { "이하", AMOUNT_AT_MOST, NULL },
	{ "미만", AMOUNT_AT_MOST, NULL },  { "가량", AMOUNT_APPROX, NULL },
	{ "정도", AMOUNT_APPROX, NULL },   { "以上", AMOUNT_AT_LEAST, NULL },
	{ "以下", AMOUNT_AT_MOST, NULL },  { "左右", AMOUNT_APPROX, NULL },
	{ "+", AMOUNT_AT_LEAST, NULL },    { "or more", AMOUNT_AT_LEAST, NULL },
	{ "plus", AMOUNT_AT_LEAST, NULL },
};

/* Whole texts that mean the amount was not made public. */
static const char *const undisclosed[] = {
	"미공개", "비공개", "공개되지 않음", "미정", "未披露", "未公开", "未公開", "未透露",
	"不详", "undisclosed", "not disclosed", "n/a", "na", "-", "--", "—", "–", "/",
};

static int is_ascii_word_char(char c)
{
	return isalpha((unsigned char)c);
}

/* Longest entry of table that starts s. ASCII-letter entries must end at a word boundary
 * and match without regard to case. */
static const struct word *match(const char *s, const struct word *table, size_t count,
				size_t *len)
{
	const struct word *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < count; i++) {
		size_t n = strlen(table[i].text);
		if (n <= best_len)
			continue;
		int ascii = is_ascii_word_char(table[i].text[0]);
		if (ascii ? strncasecmp(s, table[i].text, n) != 0 : strncmp(s, table[i].text, n) != 0)
			continue;
		if (ascii && is_ascii_word_char(table[i].text[n - 1]) && is_ascii_word_char(s[n]))
			continue;
		best = &table[i];
		best_len = n;
	}
	*len = best_len;
	return best;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t amount_match_multiplier(const char *s, double *multiplier)
{
	size_t n;
	const struct word *w = match(s, multipliers, COUNT(multipliers), &n);
	if (w)
		*multiplier = w->number;
	return w ? n : 0;
}

size_t amount_match_currency(const char *s, const char **code)
{
	size_t n;
	const struct word *w = match(s, currencies, COUNT(currencies), &n);
	if (w)
		*code = w->code;
	return w ? n : 0;
}

static const char *skip_space(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		else if (strncmp(s, "\xC2\xA0", 2) == 0)
			s += 2;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			return s;
	}
}

/* Maps full-width digits, '．' and '，' to ASCII; returns bytes consumed or 0. */
static size_t ascii_digit_at(const char *s, char *out)
{
	if ((*s >= '0' && *s <= '9') || *s == '.' || *s == ',') {
		*out = *s;
		return 1;
	}
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
		*out = (char)('0' + (u[2] - 0x90));
		return 3;
	}
	if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8E || u[2] == 0x8C)) {
		*out = u[2] == 0x8E ? '.' : ',';
		return 3;
	}
	return 0;
}

/* Reads a number such as 1,066 or 96.0006 at s; returns bytes used (0 if none). Commas are
 * accepted only as thousands separators (followed by three digits). */
static size_t read_number(const char *s, double *value)
{
	char digits[64];
	size_t nd = 0, used = 0;
	int seen_point = 0, seen_digit = 0;
	for (;;) {
		char c;
		size_t n = ascii_digit_at(s + used, &c);
		if (!n)
			break;
		if (c == ',') {
			char d[3];
			size_t a, b, e;
			const char *q = s + used + n;
			if (seen_point || !seen_digit || !(a = ascii_digit_at(q, &d[0])) ||
			    !(b = ascii_digit_at(q + a, &d[1])) ||
			    !(e = ascii_digit_at(q + a + b, &d[2])) || d[0] == '.' || d[0] == ',' ||
			    d[1] == '.' || d[1] == ',' || d[2] == '.' || d[2] == ',')
				break;
			used += n;
			continue;
		}
		if (c == '.') {
			char next;
			if (seen_point || !ascii_digit_at(s + used + n, &next) || next == '.' ||
			    next == ',')
				break;
			seen_point = 1;
		} else {
			seen_digit = 1;
		}
		if (nd + 1 >= sizeof digits)
			return 0;
		digits[nd++] = c;
		used += n;
	}
	if (!seen_digit)
		return 0;
	digits[nd] = '\0';
	*value = c_strtod(digits, NULL);
	return used;
}

static int is_undisclosed(const char *text)
{
	char *copy = trim(xstrdup(text));
	int found = 0;
	for (size_t i = 0; i < COUNT(undisclosed) && !found; i++)
		found = strcasecmp(copy, undisclosed[i]) == 0;
	free(copy);
	return found;
}

enum amount_status amount_parse(const char *text, struct amount *out, size_t *stop,
				const char **why)
{
	return amount_parse_default(text, NULL, out, stop, why);
}

enum amount_status amount_parse_default(const char *text, const char *currency,
					struct amount *out, size_t *stop, const char **why)
{
	const char *s = skip_space(text);
	const char *reason = NULL;
	size_t n;
	memset(out, 0, sizeof *out);
	if (*s == '\0')
		return AMOUNT_EMPTY;
	if (is_undisclosed(s))
		return AMOUNT_UNDISCLOSED;

	const struct word *w = match(s, prefix_qualifiers, COUNT(prefix_qualifiers), &n);
	if (w) {
		out->qualifier = (enum amount_qualifier)w->number;
		s = skip_space(s + n);
	}
	const char *code = NULL;
	if ((n = amount_match_currency(s, &code)) > 0)
		s = skip_space(s + n);

	/* One or more (number, multiplier) groups: "1조 2,000억", "9569.81 만", "천만". */
	double total = 0;
	int groups = 0;
	for (;;) {
		double number = 1, multiplier = 1;
		size_t nn = read_number(s, &number);
		const char *after = skip_space(s + nn);
		size_t nm = amount_match_multiplier(after, &multiplier);
		if (!nn && !nm)
			break;
		/* "m" or "b" right after a currency word is not a unit: "$ b" is nonsense anyway. */
		total += number * multiplier;
		groups++;
		s = nm ? skip_space(after + nm) : after;
		if (!nm)
			break;
	}
	if (!groups) {
		reason = N_("expected a number");
		goto unreadable;
	}
	if (!code) {
		if ((n = amount_match_currency(s, &code)) > 0) {
			s = skip_space(s + n);
		} else if (currency) {
			code = currency;
		} else {
			reason = N_("expected a currency (위안, 달러, 홍콩달러, 元, USD ...)");
			goto unreadable;
		}
	}
	w = match(s, suffix_qualifiers, COUNT(suffix_qualifiers), &n);
	if (w) {
		out->qualifier = (enum amount_qualifier)w->number;
		s = skip_space(s + n);
	}
	if (*s != '\0') {
		reason = N_("unexpected text after the amount");
		goto unreadable;
	}
	out->value = total;
	snprintf(out->currency, sizeof out->currency, "%s", code);
	return AMOUNT_OK;

unreadable:
	if (stop)
		*stop = (size_t)(s - text);
	if (why)
		*why = reason;
	memset(out, 0, sizeof *out);
	return AMOUNT_UNREADABLE;
}

const char *amount_qualifier_name(enum amount_qualifier q)
{
	switch (q) {
	case AMOUNT_APPROX:
		return "approx";
	case AMOUNT_AT_LEAST:
		return "at_least";
	case AMOUNT_AT_MOST:
		return "at_most";
	case AMOUNT_EXACT:
		break;
	}
	return "exact";
}

void amount_format_eok(double yuan, char *out, size_t size)
{
	double eok = yuan / 1e8;
	char digits[64];
	/* Always '.' for the decimal point: the newsletter's way, whatever LC_NUMERIC says. */
	snprintf(digits, sizeof digits, fabs(eok) < 1 && eok != 0 ? "%.4f" : "%.2f", eok);
	char *point = strchr(digits, '.');
	if (!point)
		point = strchr(digits, ',');
	if (point) {
		*point = '.';
		/* No trailing zeros after the point, and no point left bare. */
		char *end = point + strlen(point) - 1;
		while (end > point && *end == '0')
			*end-- = '\0';
		if (end == point)
			*end = '\0';
	}
	const char *int_start = digits + (digits[0] == '-');
	size_t int_len = point ? (size_t)(point - int_start) : strlen(int_start);
	struct buf b = { 0 };
	if (digits[0] == '-')
		buf_addc(&b, '-');
	for (size_t i = 0; i < int_len; i++) {
		if (i && (int_len - i) % 3 == 0)
			buf_addc(&b, ',');
		buf_addc(&b, int_start[i]);
	}
	if (point && point[0])
		buf_adds(&b, point);
	snprintf(out, size, "%s", b.data ? b.data : "0");
	buf_free(&b);
}
