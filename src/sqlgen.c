/* sqlgen.c: filter trees to SQL with bound parameters. */
#include "config.h"

#include "sqlgen.h"
#include "state.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>
#include <unistr.h>

#include "amount.h"
#include "fts.h"
#include "i18n.h"
#include "util.h"

/* ---- building ----------------------------------------------------------------------------- */

struct gen {
	struct store *store;
	long long matches;       /* rows of the last text-index match, -1 for none */
	struct buf sql;
	struct sql_bind *binds;
	size_t nbinds;
	struct query_error *err;
};

static void bind(struct gen *g, struct sql_bind b)
{
	g->binds = xrealloc(g->binds, (g->nbinds + 1) * sizeof *g->binds);
	g->binds[g->nbinds++] = b;
	buf_addc(&g->sql, '?');
}

static void bind_text(struct gen *g, const char *text)
{
	bind(g, (struct sql_bind){ .type = BIND_TEXT, .text = xstrdup(text) });
}

static void bind_int(struct gen *g, long long v)
{
	bind(g, (struct sql_bind){ .type = BIND_INT, .i = v });
}

static void bind_real(struct gen *g, double v)
{
	bind(g, (struct sql_bind){ .type = BIND_REAL, .d = v });
}

/* A LIKE pattern that finds value as a substring (or prefix), with %, _ and \ escaped. */
static char *like_pattern(const char *value, int prefix)
{
	struct buf b = { 0 };
	if (!prefix)
		buf_addc(&b, '%');
	for (const char *p = value; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addc(&b, '\\');
		buf_addc(&b, *p);
	}
	buf_addc(&b, '%');
	return buf_take(&b);
}

/* "(coalesce(e1,'') LIKE ? ESCAPE '\' OR coalesce(e2,'') LIKE ? ...)" over NULL-terminated
 * expressions. */
static void like_any(struct gen *g, const char *const *exprs, const char *value, int prefix)
{
	char *pattern = like_pattern(value, prefix);
	buf_addc(&g->sql, '(');
	for (size_t i = 0; exprs[i]; i++) {
		buf_printf(&g->sql, "%scoalesce(%s, '') LIKE ", i ? " OR " : "", exprs[i]);
		bind_text(g, pattern);
		buf_adds(&g->sql, " ESCAPE '\\'");
	}
	buf_addc(&g->sql, ')');
	free(pattern);
}

static void like_one(struct gen *g, const char *expr, const char *value, int prefix)
{
	const char *const exprs[] = { expr, NULL };
	like_any(g, exprs, value, prefix);
}

/* "EXISTS (SELECT 1 FROM <from_where> LIKE ?)": a row of a one-to-many table (investors,
 * sources) contains the value. from_where is fixed text ending in the column compared. */
static void exists_like(struct gen *g, const char *from_where, const char *value)
{
	char *pattern = like_pattern(value, 0);
	buf_printf(&g->sql, "EXISTS (SELECT 1 FROM %s LIKE ", from_where);
	bind_text(g, pattern);
	buf_adds(&g->sql, " ESCAPE '\\')");
	free(pattern);
}

__attribute__((format(printf, 3, 4))) static int gen_fail(struct gen *g, size_t pos,
							  const char *fmt, ...)
{
	va_list ap;
	g->err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(g->err->msg, sizeof g->err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *sql_op(enum query_op op)
{
	switch (op) {
	case OP_LT:
		return "<";
	case OP_LE:
		return "<=";
	case OP_GT:
		return ">";
	case OP_GE:
		return ">=";
	case OP_NE:
		return "<>";
	default:
		return "=";
	}
}

/* Dates are ISO strings; a prefix p covers [p, p~) since '~' sorts after every digit and
 * '-'. */
static char *date_iso(const char *v)
{
	char *d = xstrdup(v);
	for (char *p = d; *p; p++)
		if (*p == '.')
			*p = '-';
	return d;
}

static char *date_end(const char *v)
{
	char *iso = date_iso(v);
	char *end = xasprintf("%s~", iso);
	free(iso);
	return end;
}

/* A date condition on one column, or (events) on a span [lo_col, hi_col]. */
static void date_condition(struct gen *g, const struct query_term *t, const char *lo_col,
			   const char *hi_col)
{
	char *lo = date_iso(t->value);
	char *hi = date_end(t->op == OP_RANGE ? t->value2 : t->value);
	switch (t->op) {
	case OP_MATCH:
	case OP_EQ:
	case OP_RANGE:
		/* Overlap: a span that starts before the end and ends after the start. */
		buf_printf(&g->sql, "(%s < ", lo_col);
		bind_text(g, hi);
		buf_printf(&g->sql, " AND %s >= ", hi_col);
		bind_text(g, lo);
		buf_addc(&g->sql, ')');
		break;
	case OP_NE:
		buf_printf(&g->sql, "NOT (%s < ", lo_col);
		bind_text(g, hi);
		buf_printf(&g->sql, " AND %s >= ", hi_col);
		bind_text(g, lo);
		buf_addc(&g->sql, ')');
		break;
	case OP_LT:
		buf_printf(&g->sql, "%s < ", lo_col);
		bind_text(g, lo);
		break;
	case OP_LE:
		buf_printf(&g->sql, "%s < ", lo_col);
		bind_text(g, hi);
		break;
	case OP_GT:
		buf_printf(&g->sql, "%s >= ", hi_col);
		bind_text(g, hi);
		break;
	case OP_GE:
		buf_printf(&g->sql, "%s >= ", hi_col);
		bind_text(g, lo);
		break;
	}
	free(lo);
	free(hi);
}

static int amount_condition(struct gen *g, const struct query_term *t, const char *cny_col,
			    const char *undisclosed_col)
{
	struct amount a;
	enum amount_status st = amount_parse_default(t->value, "CNY", &a, NULL, NULL);
	if (st == AMOUNT_UNDISCLOSED) {
		if (!undisclosed_col)
			return gen_fail(g, t->value_pos, _("only amounts can be undisclosed"));
		buf_printf(&g->sql, "%s = 1", undisclosed_col);
		return 0;
	}
	double rate = 1;
	if (strcmp(a.currency, "CNY") != 0) {
		int found = store_latest_rate(g->store, a.currency, &rate);
		if (found < 0)
			return gen_fail(g, t->value_pos, _("cannot read the store: %s"),
					store_errmsg(g->store));
		if (!found)
			return gen_fail(g, t->value_pos,
					_("the store has no rate for %s to compare amounts in it"),
					a.currency);
	}
	/* "about", "at least" and the like qualify what was written, not the comparison. */
	buf_printf(&g->sql, "%s %s ", cny_col, sql_op(t->op));
	bind_real(g, a.value * rate);
	return 0;
}

static int issue_condition(struct gen *g, const struct query_term *t, const char *col)
{
	if (t->op == OP_RANGE) {
		buf_printf(&g->sql, "%s BETWEEN ", col);
		bind_int(g, atoll(t->value));
		buf_adds(&g->sql, " AND ");
		bind_int(g, atoll(t->value2));
	} else {
		buf_printf(&g->sql, "%s %s ", col, sql_op(t->op));
		bind_int(g, atoll(t->value));
	}
	return 0;
}

/* The same through a row's issue id: "d.issue_id IN (SELECT id FROM issue WHERE number ...)".
 * An index that holds the issue id (the deals' UNIQUE (issue_id, seq), deal_province_issue)
 * then finds the rows of a few issues at once; a condition on the joined issue's number
 * left SQLite guessing, and it walked other indexes past every issue's rows. */
static int issue_id_condition(struct gen *g, const struct query_term *t, const char *col)
{
	buf_printf(&g->sql, "%s IN (SELECT id FROM issue WHERE ", col);
	issue_condition(g, t, "number");
	buf_addc(&g->sql, ')');
	return 0;
}

/* region: / city: / country: through the gazetteer, else by the place as written. */
static int place_condition(struct gen *g, const struct query_term *t)
{
	struct place p;
	int found = store_find_place(g->store, t->value, &p);
	if (found < 0)
		return gen_fail(g, t->value_pos, _("cannot read the store: %s"), store_errmsg(g->store));
	enum field_type type = t->field->type;
	if (found && strcmp(p.kind, "country") == 0) {
		buf_adds(&g->sql, "d.country = ");
		bind_text(g, p.name_ko);
		return 0;
	}
	if (found && type != FT_COUNTRY) {
		/* A city narrows to the city; a province (베이징 is both) to the province. */
		buf_adds(&g->sql, strcmp(p.kind, "city") == 0 ? "d.city_id = " : "d.province_id = ");
		bind_int(g, p.id);
		return 0;
	}
	if (type == FT_COUNTRY &&
	    (strcmp(t->value, "중국") == 0 || strcasecmp(t->value, "china") == 0)) {
		buf_adds(&g->sql, "d.scope = 'china'");
		return 0;
	}
	const char *exprs[] = { "d.place", type == FT_COUNTRY ? "d.country" : NULL, NULL };
	like_any(g, exprs, t->value, 0);
	return 0;
}

static int fts_condition(struct gen *g, const struct query_term *t, const char *column)
{
	char *match = fts_term_query(t->value, column);
	if (!match) {
		buf_adds(&g->sql, "1");
		return 0;
	}
	buf_adds(&g->sql, "a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ");
	bind_text(g, match);
	buf_addc(&g->sql, ')');
	free(match);
	return 0;
}

/* "d.id IN (the deal_text index's rows holding value)": the trigram index finds substrings
 * of two characters or more (case-insensitive); for one character, or a pair that begins too
 * many trigrams, it returns 0 and the caller compares the columns. */
static int deal_text_match(struct gen *g, const char *value)
{
	size_t chars = u8_mbsnlen((const uint8_t *)value, strlen(value));
	struct buf query = { 0 };
	if (chars >= 3) {
		/* A phrase of the value's trigrams: where they stand together, the value is. */
		buf_addc(&query, '"');
		for (const char *p = value; *p; p++) {
			if (*p == '"')
				buf_addc(&query, '"');
			buf_addc(&query, *p);
		}
		buf_addc(&query, '"');
	} else if (chars == 2 && g->store) {
		/* Every two characters of a deal's text begin a trigram (the text ends with a
		 * newline): the trigrams that begin with the value find it. Too many of them
		 * (a common pair of letters) and the columns are compared instead. */
		size_t n = 0;
		uint8_t *folded = u8_tolower((const uint8_t *)value, strlen(value), NULL, NULL, NULL,
					     &n);
		char *prefix = folded ? xstrndup((const char *)folded, n) : NULL;
		free(folded);
		char *q = prefix ? store_text_prefix_query(g->store, prefix, 200) : NULL;
		free(prefix);
		if (!q)
			return 0;
		if (!*q) {
			free(q);
			buf_adds(&g->sql, "0");
			return 1;
		}
		buf_adds(&query, q);
		free(q);
	} else {
		return 0;
	}
	/* The matches are read once into a table that every window, count and search of this
	 * filter reuses; without a store, a subquery does the same per statement. */
	char table[32];
	long long n;
	if (g->store && store_text_matches(g->store, query.data, table, &n) == 0) {
		g->matches = n;
		/* No match at all: a constant SQLite sees through, not a scan that finds nothing. */
		if (n == 0)
			buf_adds(&g->sql, "0");
		else
			buf_printf(&g->sql, "d.id IN %s", table); /* a name jubo made */
	} else {
		buf_adds(&g->sql, "d.id IN (SELECT rowid FROM deal_text WHERE deal_text MATCH ");
		bind_text(g, query.data);
		buf_addc(&g->sql, ')');
	}
	buf_free(&query);
	return 1;
}

/* is:, has: and about: through the reader's state (state.h): the rows' ids it keeps for
 * this run, never a value pasted into the statement. */
static int state_term(struct gen *g, const struct query_term *t, enum query_target target)
{
	enum state_what what = STATE_ABOUT;
	if (t->field->id != F_ABOUT) {
		int w = state_what_by_name(t->field->name, t->value);
		if (w < 0)
			return gen_fail(g, t->value_pos, "%s", _("expected is:starred, is:unread, is:read, is:new or is:followed"));
		what = (enum state_what)w;
	}
	if (!g->store) {
		buf_adds(&g->sql, "0");
		return 0;
	}
	if (t->op == OP_NE)
		buf_adds(&g->sql, "NOT (");
	if (state_condition(g->store, target, what, t->value, &g->sql) != 0)
		return gen_fail(g, t->value_pos, _("cannot read the store: %s"), store_errmsg(g->store));
	if (t->op == OP_NE)
		buf_adds(&g->sql, ")");
	return 0;
}

static int deal_term(struct gen *g, const struct query_term *t)
{
	static const char *const text_exprs[] = { "d.name_ko", "d.name_zh", "d.round",
						  "d.sector", "d.description", "d.place",
						  "d.investors", "d.acquirer", "d.amount_text",
						  "d.country", "d.kind", STORE_DEAL_TAGS_TEXT("d"),
						  "pr.name_ko", "ct.name_ko", NULL };
	const char *v = t->value;
	switch (t->field->id) {
	case F_IS:
	case F_HAS:
	case F_ABOUT:
		return state_term(g, t, TARGET_DEALS);
	case F_TEXT:
		if (!deal_text_match(g, v))
			like_any(g, text_exprs, v, 0);
		return 0;
	case F_COMPANY: {
		static const char *const e[] = { "d.name_ko", "d.name_zh", NULL };
		like_any(g, e, v, 0);
		return 0;
	}
	case F_KIND: {
		/* A financing round or an M&A is the deal's kind; the big deals and the new
		 * unicorns are the tables it was printed in (tags): a round can be in both. */
		int unicorn = strcasecmp(v, "unicorn") == 0 || strcmp(v, "유니콘") == 0;
		int big = strcasecmp(v, "big") == 0 || strcmp(v, "대형") == 0 ||
			  strcmp(v, "대형 투자") == 0;
		if (unicorn || big) {
			/* "tags & 2" as written in the partial index deal_unicorn, so that it serves. */
			buf_printf(&g->sql, "%s(d.tags & %d)", t->op == OP_NE ? "NOT " : "",
				   unicorn ? DEAL_TAG_UNICORN : DEAL_TAG_BIG);
			return 0;
		}
		const char *kind = strcasecmp(v, "investment") == 0 || strcmp(v, "투자") == 0
					   ? "investment"
					   : "ma";
		buf_printf(&g->sql, "d.kind %s ", t->op == OP_NE ? "<>" : "=");
		bind_text(g, kind);
		return 0;
	}
	case F_SCOPE: {
		const char *scope = strcasecmp(v, "china") == 0 || strcmp(v, "중국") == 0
					    ? "china"
					    : "overseas";
		buf_printf(&g->sql, "d.scope %s ", t->op == OP_NE ? "<>" : "=");
		bind_text(g, scope);
		return 0;
	}
	case F_ROUND: 
		like_one(g, "d.round", v, 1);
		return 0;
	case F_AMOUNT:
		return amount_condition(g, t, "d.amount_cny", "d.amount_undisclosed");
	case F_VALUATION:
		return amount_condition(g, t, "d.valuation_cny", NULL);
	case F_REGION:
	case F_CITY:
	case F_COUNTRY:
		return place_condition(g, t);
	case F_SECTOR: 
		like_one(g, "d.sector", v, 0);
		return 0;
	case F_ACQUIRER: 
		like_one(g, "d.acquirer", v, 0);
		return 0;
	case F_INVESTOR:
		exists_like(g, "deal_investor inv WHERE inv.deal_id = d.id AND inv.name", v);
		return 0;
	case F_ISSUE:
		return issue_id_condition(g, t, "d.issue_id");
	case F_DATE:
		date_condition(g, t, "coalesce(d.date, d.period)", "coalesce(d.date, d.period)");
		return 0;
	default:
		return gen_fail(g, t->pos, _("the field '%s' does not apply here"), t->field->name);
	}
}

static int article_term(struct gen *g, const struct query_term *t)
{
	switch (t->field->id) {
	case F_IS:
	case F_HAS:
	case F_ABOUT:
		return state_term(g, t, TARGET_ARTICLES);
	case F_TEXT:
		return fts_condition(g, t, NULL);
	case F_TITLE:
		return fts_condition(g, t, "title");
	case F_BODY:
		return fts_condition(g, t, "body");
	case F_SECTION: {
		char code[16];
		int found = store_find_section(g->store, t->value, code);
		if (found < 0)
			return gen_fail(g, t->value_pos, _("cannot read the store: %s"),
					store_errmsg(g->store));
		if (!found)
			return gen_fail(g, t->value_pos,
					_("unknown section '%s': expected news, industry, investment, "
					  "policy, region or kic"),
					t->value);
		buf_printf(&g->sql, "a.section %s ", t->op == OP_NE ? "<>" : "=");
		bind_text(g, code);
		return 0;
	}
	case F_SOURCE:
		exists_like(g, "article_source src WHERE src.article_id = a.id AND src.name",
			    t->value);
		return 0;
	case F_ISSUE:
		return issue_id_condition(g, t, "a.issue_id");
	case F_DATE:
		date_condition(g, t, "a.date", "a.date");
		return 0;
	default:
		return gen_fail(g, t->pos, _("the field '%s' does not apply here"), t->field->name);
	}
}

static int event_term(struct gen *g, const struct query_term *t)
{
	switch (t->field->id) {
	case F_IS:
	case F_HAS:
	case F_ABOUT:
		return state_term(g, t, TARGET_EVENTS);
	case F_TEXT: {
		static const char *const e[] = { "e.name", "e.field", "e.city", NULL };
		like_any(g, e, t->value, 0);
		return 0;
	}
	case F_NAME: 
		like_one(g, "e.name", t->value, 0);
		return 0;
	case F_FIELD: 
		like_one(g, "e.field", t->value, 0);
		return 0;
	case F_CITY: {
		struct place p;
		int found = store_find_place(g->store, t->value, &p);
		if (found < 0)
			return gen_fail(g, t->value_pos, _("cannot read the store: %s"),
					store_errmsg(g->store));
		if (found) {
			buf_adds(&g->sql, "e.place_id = ");
			bind_int(g, p.id);
			return 0;
		}
		static const char *const e[] = { "e.city", NULL };
		like_any(g, e, t->value, 0);
		return 0;
	}
	case F_DATE:
		date_condition(g, t, "e.start_date", "e.end_date");
		return 0;
	case F_ISSUE:
		return issue_id_condition(g, t, "e.issue_id");
	default:
		return gen_fail(g, t->pos, _("the field '%s' does not apply here"), t->field->name);
	}
}

static int region_term(struct gen *g, const struct query_term *t)
{
	switch (t->field->id) {
	case F_TEXT: {
		static const char *const e[] = { "r.name", "r.name_zh", NULL };
		like_any(g, e, t->value, 0);
		return 0;
	}
	case F_LEVEL: {
		int city = strcasecmp(t->value, "city") == 0 || strcmp(t->value, "도시") == 0;
		buf_printf(&g->sql, "r.level %s ", t->op == OP_NE ? "<>" : "=");
		bind_text(g, city ? "city" : "region");
		return 0;
	}
	case F_ISSUE:
		return issue_condition(g, t, "r.issue");
	case F_PERIOD:
		date_condition(g, t, "r.period", "r.period");
		return 0;
	default:
		return gen_fail(g, t->pos, _("the field '%s' does not apply here"), t->field->name);
	}
}

/* Appends " WHERE ..." for the query's terms. */
static int add_where(struct gen *g, const struct query *q)
{
	for (size_t i = 0; i < q->count; i++) {
		const struct query_term *t = &q->terms[i];
		buf_adds(&g->sql, i ? " AND " : " WHERE ");
		/* A negated term keeps the rows it cannot judge (NULL), a plain one drops them. */
		buf_adds(&g->sql, t->negated ? "NOT coalesce((" : "(");
		int rc = q->target == TARGET_DEALS      ? deal_term(g, t)
			 : q->target == TARGET_ARTICLES ? article_term(g, t)
			 : q->target == TARGET_EVENTS   ? event_term(g, t)
							: region_term(g, t);
		if (rc != 0)
			return -1;
		buf_adds(&g->sql, t->negated ? "), 0)" : ")");
	}
	return 0;
}

static void gen_take(struct gen *g, struct sql_stmt *out)
{
	*out = (struct sql_stmt){ buf_take(&g->sql), g->binds, g->nbinds };
}

/* Appends a compiled fragment: its text and a copy of its binds, in order. */
static void gen_append(struct gen *g, const struct sql_stmt *st)
{
	if (!st || !st->text)
		return;
	buf_adds(&g->sql, st->text);
	for (size_t i = 0; i < st->nbinds; i++) {
		g->binds = xrealloc(g->binds, (g->nbinds + 1) * sizeof *g->binds);
		g->binds[g->nbinds++] = sql_bind_copy(&st->binds[i]);
	}
}

static void bind_value(struct gen *g, const struct sql_bind *v)
{
	bind(g, sql_bind_copy(v));
}

struct sql_bind sql_bind_copy(const struct sql_bind *b)
{
	struct sql_bind c = *b;
	if (c.type == BIND_TEXT)
		c.text = xstrdup(b->text ? b->text : "");
	else
		c.text = NULL;
	return c;
}

int sqlgen_where(struct store *s, const struct query *q, struct sql_stmt *where,
		 long long *rows, struct query_error *err)
{
	struct gen g = { .store = s, .err = err, .matches = -1 };
	int rc = add_where(&g, q);
	/* A filter that is one word found through the text index matches as many rows as the
	 * index found: no need to count them. */
	if (rows)
		*rows = q->target == TARGET_DEALS && q->count == 1 && !q->terms[0].negated &&
				q->terms[0].field->id == F_TEXT
			? g.matches
			: -1;
	buf_adds(&g.sql, ""); /* never a NULL text */
	gen_take(&g, where);
	if (rc != 0)
		sql_stmt_free(where);
	return rc;
}

/* ---- orders and seeks ---------------------------------------------------------------------- */

void sqlgen_order(const struct listing *l, const struct sort_key *keys, size_t nkeys,
		  int reverse, struct sqlgen_order *out)
{
	memset(out, 0, sizeof *out);
	if (nkeys) {
		out->from0 = l->columns[keys[0].column].sort_from;
		out->null0 = l->columns[keys[0].column].sort_null;
		for (size_t i = 0; i < nkeys && out->n < SQLGEN_MAX_ORDER - 1; i++) {
			out->expr[out->n] = l->columns[keys[i].column].sort;
			out->desc[out->n] = keys[i].descending != reverse;
			out->nullable[out->n] = 1;
			out->n++;
		}
	} else {
		for (const struct listing_order *t = l->natural;
		     t->expr && out->n < SQLGEN_MAX_ORDER - 1; t++) {
			out->expr[out->n] = t->expr;
			out->desc[out->n] = t->desc != reverse;
			out->n++;
		}
		out->natural = 1;
	}
	/* The id runs with the first key: an index on that key holds its rows in id order. */
	out->expr[out->n] = l->id;
	out->desc[out->n] = out->n ? out->desc[0] : reverse;
	out->n++;
}

/* One term of ORDER BY. SQLite puts NULL first ascending and last descending; where that is
 * not the place wanted, an "IS NULL" term first puts it there. */
static void order_term(struct buf *b, const char *expr, int desc, int nullable, int nulls_last)
{
	const char *dir = desc ? "DESC" : "ASC";
	if (nullable && nulls_last != desc)
		buf_printf(b, "%s IS NULL %s, ", expr, nulls_last ? "ASC" : "DESC");
	buf_printf(b, "%s %s", expr, dir);
}

/* Rows strictly beyond the anchor in the order (backward: before it): the first term beyond
 * its value, or equal to it and beyond in the rest. NULLs sit last going forward and first
 * going backward. */
static void beyond(struct gen *g, const struct sqlgen_order *o, const struct sql_bind *anchor,
		   int backward)
{
	int open = 0;
	for (int i = 0; i < o->n; i++) {
		const char *e = o->expr[i];
		const struct sql_bind *v = &anchor[i];
		int desc = o->desc[i] != backward, nulls_last = !backward;
		int null = v->type == BIND_NULL;
		buf_addc(&g->sql, '(');
		open++;
		if (null && nulls_last) {
			buf_adds(&g->sql, "0"); /* nothing comes after NULL */
		} else if (null) {
			buf_printf(&g->sql, "%s IS NOT NULL", e);
		} else {
			buf_printf(&g->sql, "%s%s %s ", o->nullable[i] && nulls_last ? "(" : "", e,
				   desc ? "<" : ">");
			bind_value(g, v);
			if (o->nullable[i] && nulls_last)
				buf_printf(&g->sql, " OR %s IS NULL)", e);
		}
		if (i + 1 == o->n)
			break;
		buf_adds(&g->sql, " OR (");
		open++;
		if (null) {
			buf_printf(&g->sql, "%s IS NULL", e);
		} else {
			buf_printf(&g->sql, "%s = ", e);
			bind_value(g, v);
		}
		buf_adds(&g->sql, " AND ");
	}
	while (open--)
		buf_addc(&g->sql, ')');
}

/* The FROM that serves an order: its first key's own walk, the natural order's, or the
 * listing's. */
static const char *order_from(const struct listing *l, const struct sqlgen_order *o)
{
	return o->natural && l->natural_from ? l->natural_from : l->from;
}

static void and_where(struct gen *g, const struct sql_stmt *where)
{
	if (where && where->text && *where->text) {
		gen_append(g, where);
		buf_adds(&g->sql, " AND ");
	} else {
		buf_adds(&g->sql, " WHERE ");
	}
}

void sqlgen_window(const struct listing *l, const int *columns, size_t ncolumns,
		   const struct sql_stmt *where, const struct sql_stmt *extra,
		   const struct sqlgen_order *o, int backward, const struct sql_bind *anchor,
		   int eq, enum sqlgen_part part, long long limit, struct sql_stmt *out)
{
	/* Through the filter: every term of the order behind a unary +, which keeps SQLite
	 * from serving it with an index (and so from walking the key's index past the rows the
	 * filter's own index finds at once); the few rows are sorted. */
	struct sqlgen_order through;
	char plus[SQLGEN_MAX_ORDER][160];
	if (o->through_filter) {
		through = *o;
		for (int i = 0; i < o->n; i++) {
			if (strlen(o->expr[i]) + 4 > sizeof plus[i])
				continue; /* left as it is: slower, not wrong */
			snprintf(plus[i], sizeof plus[i], "+(%s)", o->expr[i]);
			through.expr[i] = plus[i];
		}
		o = &through;
	}
	struct gen g = { 0 };
	buf_adds(&g.sql, "SELECT ");
	for (size_t i = 0; i < ncolumns; i++)
		buf_printf(&g.sql, "%s AS \"%s\", ", l->columns[columns[i]].expr,
			   l->columns[columns[i]].name);
	buf_printf(&g.sql, "%s", l->id);
	for (int i = 0; i < o->n; i++)
		buf_printf(&g.sql, ", %s", o->expr[i]);
	/* Which rows of the first key: with a value (walked in its order through its own FROM
	 * when it has one) or without (found by the deal column that is NULL then). */
	int empty0 = eq == 0 ? part == PART_EMPTY : anchor && anchor[0].type == BIND_NULL;
	buf_adds(&g.sql, o->from0 && !empty0 && !o->through_filter ? o->from0 : order_from(l, o));
	and_where(&g, where);
	if (extra && extra->text && *extra->text) {
		gen_append(&g, extra);
		buf_adds(&g.sql, " AND ");
	}
	if (o->null0 && empty0)
		buf_printf(&g.sql, "%s%s IS NULL AND ", o->through_filter ? "+" : "", o->null0);
	/* The terms before eq are those of the anchor: constant, so ignored by ORDER BY. */
	for (int i = 0; i < eq && anchor; i++) {
		if (i == 0 && o->null0 && empty0)
			continue;
		if (anchor[i].type == BIND_NULL) {
			buf_printf(&g.sql, "%s IS NULL AND ", o->expr[i]);
		} else {
			buf_printf(&g.sql, "%s = ", o->expr[i]);
			bind_value(&g, &anchor[i]);
			buf_adds(&g.sql, " AND ");
		}
	}
	const char *e = o->expr[eq];
	int desc = o->desc[eq] != backward;
	if (part == PART_VALUED)
		buf_printf(&g.sql, "%s IS NOT NULL AND ", e);
	else if (part == PART_EMPTY && !(eq == 0 && o->null0))
		buf_printf(&g.sql, "%s IS NULL AND ", e);
	if (anchor && part != PART_EMPTY && anchor[eq].type != BIND_NULL) {
		/* Strictly beyond the anchor's value: one range an index can seek to. */
		buf_printf(&g.sql, "%s %s ", e, desc ? "<" : ">");
		bind_value(&g, &anchor[eq]);
	} else {
		buf_adds(&g.sql, "1");
	}
	buf_adds(&g.sql, " ORDER BY ");
	int first = 1;
	for (int i = eq; i < o->n; i++) {
		if (i == eq && part == PART_EMPTY)
			continue;
		if (!first)
			buf_adds(&g.sql, ", ");
		first = 0;
		order_term(&g.sql, o->expr[i], o->desc[i] != backward,
			   o->nullable[i] && !(i == eq && part == PART_VALUED), !backward);
	}
	if (limit >= 0) {
		buf_adds(&g.sql, " LIMIT ");
		bind_int(&g, limit);
	}
	gen_take(&g, out);
}

/* 1 when fixed SQL text names a table alias ("pr." not preceded by a letter). */
static int mentions(const char *sql, const char *alias)
{
	size_t n = strlen(alias);
	for (const char *p = sql ? strstr(sql, alias) : NULL; p; p = strstr(p + 1, alias)) {
		int starts = p == sql || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		if (starts && p[n] == '.')
			return 1;
	}
	return 0;
}

/* The main table with only the joins that the given SQL fragments name. */
static void count_from(struct gen *g, const struct listing *l, const char *a, const char *b)
{
	buf_adds(&g->sql, l->count_base);
	for (const struct listing_join *j = l->joins; j->alias; j++)
		if (mentions(a, j->alias) || mentions(b, j->alias))
			buf_adds(&g->sql, j->sql);
}

void sqlgen_count(const struct listing *l, const struct sql_stmt *where,
		  const struct sqlgen_order *o, const struct sql_bind *anchor,
		  struct sql_stmt *out)
{
	/* The condition first: joins cost a lookup per row, and a count needs only those that
	 * the condition names. */
	struct gen c = { 0 }, g = { 0 };
	struct sql_stmt cond;
	if (anchor) {
		and_where(&c, where);
		beyond(&c, o, anchor, 1);
	} else {
		gen_append(&c, where);
	}
	buf_adds(&c.sql, "");
	gen_take(&c, &cond);
	buf_adds(&g.sql, "SELECT count(*)");
	count_from(&g, l, cond.text, NULL);
	gen_append(&g, &cond);
	sql_stmt_free(&cond);
	gen_take(&g, out);
}

void sqlgen_totals(const struct listing *l, const struct sql_stmt *where, struct sql_stmt *out)
{
	struct gen g = { 0 };
	/* Rows, the sum of the amounts known (in yuan), how many are known, and how many of
	 * those are approximate or bounds (거의, 이상). */
	buf_adds(&g.sql, "SELECT count(*), sum(d.amount_cny), count(d.amount_cny), count(CASE WHEN"
			 " d.amount_cny IS NOT NULL AND d.amount_qualifier <> 'exact' THEN 1 END)");
	count_from(&g, l, where ? where->text : NULL, NULL);
	gen_append(&g, where);
	gen_take(&g, out);
}

void sqlgen_holds(struct store *s, const struct listing *l, const int *columns,
		  size_t ncolumns, const char *text, struct sql_stmt *out)
{
	struct gen g = { .store = s };
	const char *exprs[LISTING_MAX_COLUMNS + 1];
	size_t n = 0;
	for (size_t i = 0; i < ncolumns && n < LISTING_MAX_COLUMNS; i++)
		exprs[n++] = l->columns[columns[i]].expr;
	exprs[n] = NULL;
	/* In Deals the text index narrows the rows first. */
	if (l->target == TARGET_DEALS && deal_text_match(&g, text))
		buf_adds(&g.sql, " AND ");
	like_any(&g, exprs, text, 0);
	gen_take(&g, out);
}

int sqlgen_select(struct store *s, const struct query *q, const struct sort_key *keys,
		  size_t nkeys, int reverse, const int *columns, size_t ncolumns,
		  struct sql_stmt *out, struct query_error *err)
{
	const struct listing *l = listing_get(q->target);
	struct gen g = { .store = s, .err = err };
	struct sqlgen_order o;
	sqlgen_order(l, keys, nkeys, reverse, &o);
	buf_adds(&g.sql, "SELECT ");
	for (size_t i = 0; i < ncolumns; i++)
		buf_printf(&g.sql, "%s%s AS \"%s\"", i ? ", " : "", l->columns[columns[i]].expr,
			   l->columns[columns[i]].name);
	buf_adds(&g.sql, order_from(l, &o));
	int rc = add_where(&g, q);
	buf_adds(&g.sql, " ORDER BY ");
	for (int i = 0; i < o.n; i++) {
		if (i)
			buf_adds(&g.sql, ", ");
		order_term(&g.sql, o.expr[i], o.desc[i], o.nullable[i], 1);
	}
	gen_take(&g, out);
	if (rc != 0)
		sql_stmt_free(out);
	return rc;
}

/* The province a compiled filter narrows the deals to when it is that alone (region:장쑤
 * compiles to it, place_condition and add_where); 0 for no filter, -1 for any other. */
static long long filter_province(const struct sql_stmt *where)
{
	if (!where || !where->text || !*where->text)
		return 0;
	if (strcmp(where->text, " WHERE (d.province_id = ?)") != 0 || where->nbinds != 1 ||
	    where->binds[0].type != BIND_INT || where->binds[0].i <= 0)
		return -1;
	return where->binds[0].i;
}

void sqlgen_breakdown(const struct listing *l, const struct sql_stmt *where, int column,
		      struct sql_stmt *out)
{
	struct gen g = { 0 };
	const struct listing_column *c = &l->columns[column];
	int deals = l->target == TARGET_DEALS;
	int investors = deals && strcmp(c->name, "investors") == 0;
	const char *amount = deals ? "sum(d.amount_cny)" : "NULL";
	int filtered = where && where->text && *where->text;
	long long province = deals && c->tallied ? filter_province(where) : -1;
	/* The expressions are the fixed text of the listing; values from the user are in where's
	 * binds. */
	if (province >= 0) {
		/* Every deal, or one province's: the values kept counted, read in count order from
		 * the index (a key named afterwards is sorted by its name: few of them). */
		buf_printf(&g.sql, "SELECT %s AS value, t.n AS count, CASE WHEN t.amount_n > 0 THEN"
				   " printf('%%.0f', t.amount) END AS amount FROM deal_tally t"
				   " WHERE t.col = ",
			   c->tally_name ? c->tally_name
					 : "CASE WHEN typeof(t.value) = 'blob' THEN NULL ELSE t.value END");
		bind_text(&g, c->name);
		buf_adds(&g.sql, " AND t.region = ");
		bind_int(&g, province);
		/* A key of a row gone (an issue deleted by a program with foreign keys off) names
		 * nothing, and the deals' listing joins it away. */
		if (c->tally_name)
			buf_printf(&g.sql, " AND %s IS NOT NULL", c->tally_name);
		buf_printf(&g.sql, " ORDER BY t.n DESC, %s LIMIT %d", c->tally_name ? "1" : "t.value",
			   SQLGEN_BREAKDOWN_MAX);
		gen_take(&g, out);
		return;
	}
	if (c->group) {
		/* Counted by the indexed key, named afterwards: one index read, no join per row.
		 * Rows without a key count by the rest expression; names that meet are merged. */
		buf_adds(&g.sql, "SELECT value, sum(n) AS count, CASE WHEN sum(amount) IS NOT NULL"
				 " THEN printf('%.0f', sum(amount)) END AS amount FROM (");
		buf_printf(&g.sql, "SELECT %s AS value, n, amount FROM (SELECT %s AS k, count(*) AS n,"
				   " %s AS amount",
			   c->group_value, c->group, amount);
		count_from(&g, l, filtered ? where->text : NULL, NULL);
		and_where(&g, where);
		buf_printf(&g.sql, "%s IS NOT NULL GROUP BY %s) UNION ALL SELECT %s, count(*), %s",
			   c->group, c->group, c->group_rest, amount);
		count_from(&g, l, filtered ? where->text : NULL, c->group_rest);
		and_where(&g, where);
		buf_printf(&g.sql, "%s IS NULL GROUP BY 1) GROUP BY value", c->group);
	} else {
		/* Investors break down one by one, not by the list as written. */
		buf_printf(&g.sql, "SELECT %s AS value, count(*) AS count, CASE WHEN %s IS NOT NULL"
				   " THEN printf('%%.0f', %s) END AS amount",
			   investors ? "inv.name" : c->expr, amount, amount);
		count_from(&g, l, filtered ? where->text : NULL, c->expr);
		if (investors)
			buf_adds(&g.sql, " JOIN deal_investor inv ON inv.deal_id = d.id");
		gen_append(&g, where);
		buf_adds(&g.sql, " GROUP BY 1");
	}
	/* No value last among equal counts (by its name: "1 IS NULL" would be a constant). */
	buf_printf(&g.sql, " ORDER BY count DESC, value IS NULL, value LIMIT %d",
		   SQLGEN_BREAKDOWN_MAX);
	gen_take(&g, out);
}

void sqlgen_by_id(const struct listing *l, long long id, struct sql_stmt *out)
{
	struct gen g = { 0 };
	buf_adds(&g.sql, "SELECT ");
	for (int i = 0; l->columns[i].name; i++)
		buf_printf(&g.sql, "%s%s AS \"%s\"", i ? ", " : "", l->columns[i].expr,
			   l->columns[i].name);
	buf_adds(&g.sql, l->from);
	buf_printf(&g.sql, " WHERE %s = ", l->id); /* a fixed column; the id is bound */
	bind_int(&g, id);
	gen_take(&g, out);
}

void sqlgen_value_by_id(const struct listing *l, int column, long long id, struct sql_stmt *out)
{
	struct gen g = { .matches = -1 };
	buf_printf(&g.sql, "SELECT %s%s WHERE %s = ", l->columns[column].expr, l->from, l->id);
	bind_int(&g, id);
	gen_take(&g, out);
}

void sqlgen_ids(const struct listing *l, const struct sql_stmt *where, struct sql_stmt *out)
{
	struct gen g = { .matches = -1 };
	buf_printf(&g.sql, "SELECT %s%s", l->id, l->from);
	gen_append(&g, where);
	gen_take(&g, out);
}

void sql_stmt_free(struct sql_stmt *st)
{
	for (size_t i = 0; i < st->nbinds; i++)
		free(st->binds[i].text);
	free(st->binds);
	free(st->text);
	st->binds = NULL;
	st->text = NULL;
	st->nbinds = 0;
}
