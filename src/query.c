/* query.c: the filter language's parser and the sort-key lists. */
#include "config.h"

#include "query.h"
#include "state.h"

#include <stdarg.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "amount.h"
#include "i18n.h"
#include "listing.h"
#include "text.h"
#include "util.h"

int query_target_by_name(const char *name)
{
	static const enum query_target targets[] = { TARGET_DEALS, TARGET_ARTICLES, TARGET_EVENTS,
						     TARGET_REGIONS };
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
		if (strcmp(name, listing_get(targets[i])->name) == 0)
			return (int)targets[i];
	return -1;
}

/* ---- errors ----------------------------------------------------------------------------- */

__attribute__((format(printf, 3, 4))) static int fail(struct query_error *err, size_t pos,
						      const char *fmt, ...)
{
	va_list ap;
	err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* ---- the parser ------------------------------------------------------------------------- */

struct scanner {
	const char *s;     /* the filter */
	size_t len;
	size_t at;         /* byte offset */
};

/* Character position (from 1) of a byte offset. */
static size_t char_pos(const struct scanner *sc, size_t byte)
{
	return u8_mbsnlen((const uint8_t *)sc->s, byte) + 1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static const struct query_field *find_field(enum query_target target, const char *name,
					    size_t len)
{
	for (const struct query_field *f = listing_get(target)->fields; f->name; f++) {
		if (strlen(f->name) == len && strncasecmp(f->name, name, len) == 0)
			return f;
		if (!f->aliases)
			continue;
		const char *a = f->aliases;
		while (*a) {
			const char *bar = strchr(a, '|');
			size_t n = bar ? (size_t)(bar - a) : strlen(a);
			if (n == len && strncasecmp(a, name, len) == 0)
				return f;
			a += n + (bar ? 1 : 0);
		}
	}
	return NULL;
}

static int all_ascii_letters(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
			return 0;
	return 1;
}

/* Reads a value: a quoted string or the rest of the token. Returns the malloc'd value, or
 * NULL with an error for an unclosed quote. */
static char *read_value(struct scanner *sc, struct query_error *err)
{
	if (sc->at < sc->len && sc->s[sc->at] == '"') {
		size_t open = sc->at++;
		struct buf b = { 0 };
		while (sc->at < sc->len && sc->s[sc->at] != '"') {
			/* "" inside quotes is a literal quote */
			buf_addc(&b, sc->s[sc->at++]);
		}
		if (sc->at >= sc->len) {
			buf_free(&b);
			fail(err, char_pos(sc, open), _("this quote is never closed"));
			return NULL;
		}
		sc->at++;
		return buf_take(&b);
	}
	size_t start = sc->at;
	while (sc->at < sc->len && !is_space(sc->s[sc->at]))
		sc->at++;
	return xstrndup(sc->s + start, sc->at - start);
}

/* Whether a word is only units, currencies and bounds of an amount ("억", "억위안", "달러",
 * "이상"), as the newsletter writes after a number with a space: "10 억 위안". */
static int amount_word(const char *w, size_t len)
{
	static const char *const bounds[] = { "이상", "이하", "미만", "以上", "以下" };
	const char *p = w, *end = w + len;
	while (p < end) {
		double mult;
		const char *code;
		size_t n = amount_match_multiplier(p, &mult);
		if (!n)
			n = amount_match_currency(p, &code);
		for (size_t i = 0; !n && i < sizeof bounds / sizeof bounds[0]; i++)
			if ((size_t)(end - p) >= strlen(bounds[i]) &&
			    strncmp(p, bounds[i], strlen(bounds[i])) == 0)
				n = strlen(bounds[i]);
		if (!n || n > (size_t)(end - p))
			return 0;
		p += n;
	}
	return len > 0;
}

/* After an amount's number: the words of its unit that follow it after spaces join it, so
 * that amount>=10 억 is amount>=10억 and not amount>=10 and the word 억. */
static void join_amount_words(struct scanner *sc, char **value)
{
	for (;;) {
		size_t at = sc->at;
		while (at < sc->len && is_space(sc->s[at]))
			at++;
		size_t start = at;
		while (at < sc->len && !is_space(sc->s[at]))
			at++;
		if (at == start || !amount_word(sc->s + start, at - start))
			return;
		char *joined = xasprintf("%s %.*s", *value, (int)(at - start), sc->s + start);
		free(*value);
		*value = joined;
		sc->at = at;
	}
}

/* Reads an operator at the scanner; returns its length (0 for none). */
static size_t read_op(const struct scanner *sc, enum query_op *op)
{
	const char *p = sc->s + sc->at;
	size_t left = sc->len - sc->at;
	static const struct {
		const char *text;
		enum query_op op;
	} ops[] = { { ">=", OP_GE }, { "<=", OP_LE }, { "!=", OP_NE }, { ":", OP_MATCH },
		    { "=", OP_EQ },  { ">", OP_GT },  { "<", OP_LT } };
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		size_t n = strlen(ops[i].text);
		if (left >= n && strncmp(p, ops[i].text, n) == 0) {
			*op = ops[i].op;
			return n;
		}
	}
	return 0;
}

static int add_term(struct query *q, struct query_term *t, struct query_error *err)
{
	if (q->count >= QUERY_MAX_TERMS) {
		free(t->value);
		free(t->value2);
		return fail(err, t->pos, _("too many terms (at most %d)"), QUERY_MAX_TERMS);
	}
	q->terms = xrealloc(q->terms, (q->count + 1) * sizeof *q->terms);
	q->terms[q->count++] = *t;
	return 0;
}

/* Checks a term's value against its field's type, so that mistakes show where they are. */
static int check_value(const struct query_term *t, struct query_error *err)
{
	const char *v = t->value;
	switch (t->field->type) {
	case FT_AMOUNT: {
		if (t->op == OP_RANGE)
			return fail(err, t->value_pos, _("use amount>=A amount<=B for a range"));
		struct amount a;
		size_t stop = 0;
		const char *why = NULL;
		enum amount_status st = amount_parse_default(v, "CNY", &a, &stop, &why);
		if (st == AMOUNT_UNDISCLOSED && (t->op == OP_MATCH || t->op == OP_EQ))
			return 0;
		if (st != AMOUNT_OK)
			return fail(err, t->value_pos + u8_mbsnlen((const uint8_t *)v, stop),
				    _("expected an amount such as 10억, 5000만 위안 or 1억달러 (%s)"),
				    why ? _(why) : _("expected a number"));
		return 0;
	}
	case FT_ISSUE: {
		const char *vals[2] = { v, t->value2 };
		for (int i = 0; i < 2 && vals[i]; i++) {
			char *end;
			long n = strtol(vals[i], &end, 10);
			if (!*vals[i] || *end || n <= 0)
				return fail(err, t->value_pos, _("expected an issue number such as 418"));
		}
		return 0;
	}
	case FT_DATE: {
		const char *vals[2] = { v, t->value2 };
		for (int i = 0; i < 2 && vals[i]; i++) {
			/* YYYY, YYYY-MM or YYYY-MM-DD, with - or . */
			size_t n = strlen(vals[i]);
			int good = n == 4 || n == 7 || n == 10;
			for (size_t k = 0; k < n && good; k++) {
				int sep = k == 4 || k == 7;
				good = sep ? (vals[i][k] == '-' || vals[i][k] == '.')
					   : (vals[i][k] >= '0' && vals[i][k] <= '9');
			}
			if (good && n >= 7) {
				int month = atoi(vals[i] + 5);
				good = month >= 1 && month <= 12;
				if (good && n == 10) {
					int day = atoi(vals[i] + 8);
					good = day >= 1 && day <= 31;
				}
			}
			if (!good)
				return fail(err, t->value_pos,
					    _("expected a date such as 2025, 2025-04 or 2025-04-02"));
		}
		return 0;
	}
	case FT_KIND: {
		static const char *const kinds[] = { "investment", "투자", "unicorn", "유니콘", "ma",
						     "m&a", "인수합병", "big", "대형", "대형 투자" };
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			if (strcasecmp(v, kinds[i]) == 0)
				return 0;
		return fail(err, t->value_pos,
			    _("expected a kind: investment, unicorn, big or ma (투자, 유니콘, 대형, "
			      "인수합병)"));
	}
	case FT_SCOPE: {
		static const char *const scopes[] = { "china", "중국", "overseas", "해외" };
		for (size_t i = 0; i < sizeof scopes / sizeof scopes[0]; i++)
			if (strcasecmp(v, scopes[i]) == 0)
				return 0;
		return fail(err, t->value_pos, _("expected a scope: china or overseas (중국, 해외)"));
	}
	case FT_STATE:
		if (state_what_by_name(t->field->name, v) >= 0 && t->op != OP_RANGE &&
		    t->op != OP_LT && t->op != OP_LE && t->op != OP_GT && t->op != OP_GE)
			return 0;
		return fail(err, t->value_pos,
			    strcmp(t->field->name, "has") == 0
				    ? _("expected has:note")
				    : _("expected is:starred, is:unread, is:read, is:new or is:followed"));
	case FT_LEVEL:
		if (strcasecmp(v, "region") == 0 || strcasecmp(v, "city") == 0 ||
		    strcmp(v, "지역") == 0 || strcmp(v, "도시") == 0)
			return 0;
		return fail(err, t->value_pos, _("expected a level: region or city (지역, 도시)"));
	default:
		break;
	}
	if (t->op != OP_MATCH && t->op != OP_EQ && t->op != OP_NE)
		return fail(err, t->pos, _("the field '%s' cannot be compared with < or >"),
			    t->field->name);
	if (t->op == OP_RANGE)
		return fail(err, t->value_pos, _("the field '%s' takes no range"), t->field->name);
	return 0;
}

/* Splits "a..b" into a range when the field takes one. */
static void split_range(struct query_term *t)
{
	if (t->op != OP_MATCH || !t->field ||
	    (t->field->type != FT_DATE && t->field->type != FT_ISSUE))
		return;
	char *dots = strstr(t->value, "..");
	if (!dots)
		return;
	t->value2 = xstrdup(dots + 2);
	*dots = '\0';
	t->op = OP_RANGE;
}

static int parse(enum query_target target, const char *text, size_t len, struct query *q,
		 struct query_error *err);

int query_parse(enum query_target target, const char *text, size_t len, struct query *q,
		struct query_error *err)
{
	/* What was typed or pasted is read as the store holds its text: NFC (decomposed Hangul
	 * finds 장쑤), with full-width digits and letters as ASCII (date:２０２５-０４). */
	size_t n;
	char *norm = text_nfc(text, len, &n);
	n = text_fold_fullwidth(norm, n);
	int rc = parse(target, norm, n, q, err);
	free(norm);
	return rc;
}

static int parse(enum query_target target, const char *text, size_t len, struct query *q,
		 struct query_error *err)
{
	memset(q, 0, sizeof *q);
	memset(err, 0, sizeof *err);
	q->target = target;
	const struct query_field *bare = &listing_get(target)->fields[0];
	struct scanner sc = { text, len, 0 };
	if (len > QUERY_MAX_BYTES)
		return fail(err, 0, _("the filter is too long (at most %d bytes)"), QUERY_MAX_BYTES);
	const char *nul = memchr(text, '\0', len);
	if (nul)
		return fail(err, char_pos(&sc, (size_t)(nul - text)),
			    _("the filter contains a NUL character"));
	const uint8_t *bad = u8_check((const uint8_t *)text, len);
	if (bad)
		return fail(err, char_pos(&sc, (size_t)((const char *)bad - text)),
			    _("the filter is not valid UTF-8"));
	while (sc.at < len) {
		while (sc.at < len && is_space(text[sc.at]))
			sc.at++;
		if (sc.at >= len)
			break;
		struct query_term t = { 0 };
		t.pos = char_pos(&sc, sc.at);
		if (text[sc.at] == '-' && sc.at + 1 < len && !is_space(text[sc.at + 1])) {
			t.negated = 1;
			sc.at++;
		}
		/* field, operator, value? */
		size_t name_start = sc.at, name_end = sc.at;
		while (name_end < len && !is_space(text[name_end]) &&
		       !strchr(":<>=!\"", text[name_end]))
			name_end++;
		struct scanner at_op = sc;
		at_op.at = name_end;
		enum query_op op = OP_MATCH;
		size_t oplen = name_end > name_start ? read_op(&at_op, &op) : 0;
		const struct query_field *field =
			oplen ? find_field(target, text + name_start, name_end - name_start) : NULL;
		if (field && field->type != FT_TEXT && field->id != F_TEXT) {
			sc.at = name_end + oplen;
			t.field = field;
			t.op = op;
			t.value_pos = char_pos(&sc, sc.at);
			if (sc.at >= len || is_space(text[sc.at]))
				return query_free(q), fail(err, t.value_pos,
							   _("expected a value after '%.*s'"),
							   (int)(name_end - name_start + oplen),
							   text + name_start);
			if (!(t.value = read_value(&sc, err)))
				return query_free(q), -1;
			if (field->type == FT_AMOUNT)
				join_amount_words(&sc, &t.value);
			split_range(&t);
			if (check_value(&t, err) != 0) {
				free(t.value);
				free(t.value2);
				return query_free(q), -1;
			}
		} else {
			/* "regoin:장쑤" is a mistake, not a word; "https://..." is a word. */
			if (oplen && all_ascii_letters(text + name_start, name_end - name_start) &&
			    strncmp(text + name_end, "://", 3) != 0) {
				char *names = listing_field_names(listing_get(target), " ");
				fail(err, char_pos(&sc, name_start), _("unknown field '%.*s' (fields: %s)"),
				     (int)(name_end - name_start), text + name_start, names);
				free(names);
				return query_free(q), -1;
			}
			t.field = bare;
			t.op = OP_MATCH;
			t.value_pos = char_pos(&sc, sc.at);
			if (!(t.value = read_value(&sc, err)))
				return query_free(q), -1;
			if (!*t.value) {
				free(t.value);
				continue; /* "" matches everything; say nothing */
			}
		}
		if (add_term(q, &t, err) != 0)
			return query_free(q), -1;
	}
	return 0;
}

int query_add_issue_scope(struct query *q, int from, int to)
{
	if (from <= 0 && to <= 0)
		return 0;
	const struct query_field *issue = NULL;
	for (const struct query_field *f = listing_get(q->target)->fields; f->name; f++)
		if (f->id == F_ISSUE)
			issue = f;
	if (!issue)
		return 0;
	/* Beyond the user's limit on terms: the scope is not something they typed. */
	struct query_term t = { .field = issue, .op = OP_RANGE,
				.value = xasprintf("%d", from > 0 ? from : 1),
				.value2 = xasprintf("%d", to > 0 ? to : INT_MAX) };
	q->terms = xrealloc(q->terms, (q->count + 1) * sizeof *q->terms);
	q->terms[q->count++] = t;
	return 1;
}

int query_issue_span(const struct query *q, long long *from, long long *to)
{
	int bounded = 0;
	for (size_t i = 0; i < q->count; i++) {
		const struct query_term *t = &q->terms[i];
		if (t->negated || !t->field || t->field->id != F_ISSUE ||
		    (t->op != OP_MATCH && t->op != OP_EQ && t->op != OP_RANGE))
			continue;
		long long a = atoll(t->value), b = t->op == OP_RANGE ? atoll(t->value2) : a;
		if (!bounded || a > *from)
			*from = a;
		if (!bounded || b < *to)
			*to = b;
		bounded = 1;
	}
	return bounded;
}

void query_free(struct query *q)
{
	for (size_t i = 0; i < q->count; i++) {
		free(q->terms[i].value);
		free(q->terms[i].value2);
	}
	free(q->terms);
	q->terms = NULL;
	q->count = 0;
}

/* ---- sorting ---------------------------------------------------------------------------- */

int query_parse_sort(enum query_target target, const char *spec, struct sort_key *keys,
		     size_t max, struct query_error *err)
{
	const struct listing *l = listing_get(target);
	size_t n = 0;
	const char *p = spec;
	while (*p) {
		size_t start = (size_t)(p - spec);
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *item = trim(xstrndup(p, len));
		int descending = 0;
		if (item[0] == '-') {
			descending = 1;
			memmove(item, item + 1, strlen(item));
		}
		char *colon = strchr(item, ':');
		if (colon) {
			*colon = '\0';
			if (strcasecmp(colon + 1, "desc") == 0)
				descending = 1;
			else if (strcasecmp(colon + 1, "asc") != 0) {
				free(item);
				return fail(err, start + 1, _("expected asc or desc after ':'"));
			}
		}
		int found = listing_column_index(l, item);
		if (found >= 0 && !l->columns[found].sort)
			found = -1;
		if (found < 0) {
			char *all = listing_sort_names(l, ", ");
			fail(err, start + 1, _("unknown sort key '%s' (keys: %s)"), item, all);
			free(all);
			free(item);
			return -1;
		}
		free(item);
		if (n >= max)
			return fail(err, start + 1, _("too many sort keys (at most %zu)"), max);
		keys[n++] = (struct sort_key){ found, descending };
		p += len + (comma ? 1 : 0);
	}
	return (int)n;
}
