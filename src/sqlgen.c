/* sqlgen.c: filter trees to SQL with bound parameters. */
#include "config.h"

#include "sqlgen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "fts.h"
#include "i18n.h"
#include "util.h"

/* ---- what each target reads ------------------------------------------------------------- */

static const struct list_column deal_columns[] = {
	{ "id", "d.id", 1, 0, 0 },
	{ "issue", "i.number", 1, 0, 0 },
	{ "scope", "d.scope", 0, 0, 0 },
	{ "company", "d.name_ko", 0, 1, 10 },
	{ "company_zh", "d.name_zh", 0, 1, 8 },
	{ "amount", "d.amount_text", 0, 1, 13 },
	{ "kind", "d.kind", 0, 1, 10 },
	{ "round", "d.round", 0, 1, 8 },
	{ "amount_cny", "CASE WHEN d.amount_cny IS NOT NULL THEN printf('%.0f', d.amount_cny) END",
	  1, 0, 0 },
	{ "valuation", "d.valuation_text", 0, 0, 0 },
	{ "acquirer", "d.acquirer", 0, 0, 0 },
	{ "region", "coalesce(pr.name_ko, CASE WHEN d.province_id IS NULL THEN d.place END)", 0, 1,
	  8 },
	{ "city", "ct.name_ko", 0, 0, 0 },
	{ "country", "d.country", 0, 0, 0 },
	{ "place", "d.place", 0, 0, 0 },
	{ "sector", "d.sector", 0, 1, 7 },
	{ "investors", "d.investors", 0, 1, 9 },
	{ "description", "d.description", 0, 0, 0 },
	{ "period", "d.period", 0, 0, 0 },
	{ "date", "d.date", 0, 0, 0 },
	{ NULL, NULL, 0, 0, 0 },
};

static const struct list_column article_columns[] = {
	{ "id", "a.id", 1, 0, 0 },
	{ "issue", "i.number", 1, 1, 0 },
	{ "section", "a.section", 0, 1, 10 },
	{ "date", "a.date", 0, 1, 10 },
	{ "title", "a.title", 0, 1, 20 },
	{ "sources", "(SELECT group_concat(name, '; ') FROM (SELECT name FROM article_source "
		     "WHERE article_id = a.id ORDER BY seq))", 0, 0, 0 },
	{ "links", "(SELECT count(*) FROM article_ref WHERE article_id = a.id)", 1, 0, 0 },
	{ "body", "a.body", 0, 0, 0 },
	{ NULL, NULL, 0, 0, 0 },
};

static const struct list_column event_columns[] = {
	{ "id", "e.id", 1, 0, 0 },
	{ "start", "e.start_date", 0, 1, 0 },
	{ "end", "e.end_date", 0, 1, 0 },
	{ "name", "e.name", 0, 1, 0 },
	{ "city", "e.city", 0, 1, 0 },
	{ "field", "e.field", 0, 1, 0 },
	{ "issue", "i.number", 1, 0, 0 },
	{ "issue_date", "i.date", 0, 0, 0 },
	{ NULL, NULL, 0, 0, 0 },
};

static const struct list_column region_columns[] = {
	{ "id", "r.id", 1, 0, 0 },
	{ "issue", "r.issue", 1, 1, 0 },
	{ "period", "r.period", 0, 1, 0 },
	{ "level", "r.level", 0, 1, 0 },
	{ "name", "r.name", 0, 1, 0 },
	{ "name_zh", "r.name_zh", 0, 1, 0 },
	{ "reported", "CASE WHEN r.reported IS NOT NULL THEN printf('%d', r.reported) END", 1, 1, 0 },
	{ "computed", "r.computed", 1, 1, 0 },
	{ NULL, NULL, 0, 0, 0 },
};

const struct list_column *sqlgen_columns(enum query_target target)
{
	switch (target) {
	case TARGET_DEALS:
		return deal_columns;
	case TARGET_ARTICLES:
		return article_columns;
	case TARGET_EVENTS:
		return event_columns;
	case TARGET_REGIONS:
		break;
	}
	return region_columns;
}

static const char deal_from[] =
	" FROM deal d JOIN issue i ON i.id = d.issue_id"
	" LEFT JOIN place pr ON pr.id = d.province_id LEFT JOIN place ct ON ct.id = d.city_id";
static const char article_from[] =
	" FROM article a JOIN issue i ON i.id = a.issue_id JOIN section sec ON sec.code = a.section";
static const char event_from[] = " FROM event e JOIN issue i ON i.id = e.issue_id";
/* Regions: the counts each issue reports, beside the counts of its investment deals per
 * province or city; places with deals but no reported count appear with computed only. */
static const char region_from[] =
	" FROM ("
	"SELECT i.number AS issue, s.period AS period, s.dimension AS level,"
	" coalesce(p.name_ko, s.key) AS name, p.name_zh AS name_zh, s.value AS reported,"
	" (SELECT count(*) FROM deal d WHERE d.issue_id = s.issue_id AND d.kind = 'investment'"
	"  AND d.period = s.period AND p.id IS NOT NULL AND"
	"  (CASE WHEN s.dimension = 'city' THEN d.city_id ELSE d.province_id END) = p.id)"
	" AS computed, s.rank AS rank, s.id AS id"
	" FROM stat s JOIN issue i ON i.id = s.issue_id LEFT JOIN place p ON p.id = s.place_id"
	" WHERE s.dimension IN ('region', 'city') AND s.metric = 'deal_count'"
	" UNION ALL "
	"SELECT i.number, d.period, 'region', p.name_ko, p.name_zh, NULL, count(*), NULL,"
	" 1000000000 + min(d.id)"
	" FROM deal d JOIN issue i ON i.id = d.issue_id JOIN place p ON p.id = d.province_id"
	" WHERE d.kind = 'investment' AND NOT EXISTS (SELECT 1 FROM stat s WHERE"
	"  s.issue_id = d.issue_id AND s.period = d.period AND s.dimension = 'region'"
	"  AND s.metric = 'deal_count' AND s.place_id = d.province_id)"
	" GROUP BY d.issue_id, d.period, d.province_id"
	" UNION ALL "
	"SELECT i.number, d.period, 'city', p.name_ko, p.name_zh, NULL, count(*), NULL,"
	" 2000000000 + min(d.id)"
	" FROM deal d JOIN issue i ON i.id = d.issue_id JOIN place p ON p.id = d.city_id"
	" WHERE d.kind = 'investment' AND NOT EXISTS (SELECT 1 FROM stat s WHERE"
	"  s.issue_id = d.issue_id AND s.period = d.period AND s.dimension = 'city'"
	"  AND s.metric = 'deal_count' AND s.place_id = d.city_id)"
	" GROUP BY d.issue_id, d.period, d.city_id"
	") r";

/* Sort expressions, in the order of query_sort_names(). */
static const char *const deal_sort_exprs[] = {
	"i.number", "d.kind", "d.scope", "d.name_ko", "d.name_zh", "d.round", "d.amount_cny",
	"d.valuation_cny", "pr.name_ko", "ct.name_ko", "d.country", "d.sector",
	"coalesce(d.date, d.period)",
};
static const char *const article_sort_exprs[] = { "i.number", "sec.seq", "a.date", "a.title" };
static const char *const event_sort_exprs[] = { "e.start_date", "e.end_date", "e.name",
						"e.city", "e.field", "i.number" };
static const char *const region_sort_exprs[] = { "r.issue", "r.level", "r.name", "r.reported",
						 "r.computed" };

struct target_sql {
	const char *from;
	const char *const *sort_exprs;
	const char *natural;  /* the natural order, ascending */
	const char *id;       /* the last tie-breaker */
};

static struct target_sql target_sql(enum query_target t)
{
	switch (t) {
	case TARGET_DEALS:
		return (struct target_sql){ deal_from, deal_sort_exprs, "i.number, d.seq", "d.id" };
	case TARGET_ARTICLES:
		return (struct target_sql){ article_from, article_sort_exprs, "i.number, a.seq",
					    "a.id" };
	case TARGET_EVENTS:
		return (struct target_sql){ event_from, event_sort_exprs,
					    "e.start_date, e.end_date", "e.id" };
	case TARGET_REGIONS:
		break;
	}
	return (struct target_sql){ region_from, region_sort_exprs,
				    "r.issue, r.period, r.level DESC, r.rank IS NULL, r.rank, "
				    "r.reported IS NULL, r.reported DESC",
				    "r.id" };
}

/* ---- building ----------------------------------------------------------------------------- */

struct gen {
	struct store *store;
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

static int deal_term(struct gen *g, const struct query_term *t)
{
	static const char *const text_exprs[] = { "d.name_ko", "d.name_zh", "d.round",
						  "d.sector", "d.description", "d.place",
						  "d.investors", "d.acquirer", "d.amount_text",
						  "d.country", "pr.name_ko", "ct.name_ko", NULL };
	const char *v = t->value;
	switch (t->field->id) {
	case F_TEXT:
		like_any(g, text_exprs, v, 0);
		return 0;
	case F_COMPANY: {
		static const char *const e[] = { "d.name_ko", "d.name_zh", NULL };
		like_any(g, e, v, 0);
		return 0;
	}
	case F_KIND: {
		const char *kind = strcasecmp(v, "unicorn") == 0 || strcmp(v, "유니콘") == 0
					   ? "unicorn"
				   : strcasecmp(v, "investment") == 0 || strcmp(v, "투자") == 0
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
		return issue_condition(g, t, "i.number");
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
		return issue_condition(g, t, "i.number");
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
		return issue_condition(g, t, "i.number");
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

static int finish(struct gen *g, int rc, struct sql_stmt *out)
{
	struct sql_stmt st = { buf_take(&g->sql), g->binds, g->nbinds };
	if (rc != 0) {
		sql_stmt_free(&st);
		return -1;
	}
	*out = st;
	return 0;
}

int sqlgen_select(struct store *s, const struct query *q, const struct sort_key *keys,
		  size_t nkeys, int reverse, const int *columns, size_t ncolumns, long long limit,
		  long long offset, struct sql_stmt *out, struct query_error *err)
{
	struct gen g = { .store = s, .err = err };
	const struct list_column *cols = sqlgen_columns(q->target);
	struct target_sql ts = target_sql(q->target);
	buf_adds(&g.sql, "SELECT ");
	for (size_t i = 0; i < ncolumns; i++)
		buf_printf(&g.sql, "%s%s AS \"%s\"", i ? ", " : "", cols[columns[i]].expr,
			   cols[columns[i]].name);
	buf_adds(&g.sql, ts.from);
	if (add_where(&g, q) != 0)
		return finish(&g, -1, out);
	buf_adds(&g.sql, " ORDER BY ");
	if (nkeys) {
		/* SQLite puts NULL first ascending and last descending: ascending keys add an
		 * "IS NULL" term (served by the expression indexes) so that they come last too.
		 * Ties fall to the row id: the order the rows were imported in. */
		for (size_t i = 0; i < nkeys; i++) {
			const char *e = ts.sort_exprs[keys[i].key];
			if (keys[i].descending != reverse)
				buf_printf(&g.sql, "%s DESC, ", e);
			else
				buf_printf(&g.sql, "%s IS NULL, %s, ", e, e);
		}
		buf_printf(&g.sql, "%s%s", ts.id, reverse ? " DESC" : "");
	} else if (reverse) {
		/* Every part of the natural order, flipped. */
		char *natural = xstrdup(ts.natural);
		char *save = NULL;
		for (char *part = strtok_r(natural, ",", &save); part;
		     part = strtok_r(NULL, ",", &save)) {
			part = trim(part);
			size_t n = strlen(part);
			if (n > 5 && strcmp(part + n - 5, " DESC") == 0) {
				part[n - 5] = '\0';
				buf_printf(&g.sql, "%s ASC, ", part);
			} else {
				buf_printf(&g.sql, "%s DESC, ", part);
			}
		}
		free(natural);
		buf_printf(&g.sql, "%s DESC", ts.id);
	} else {
		buf_printf(&g.sql, "%s, %s", ts.natural, ts.id);
	}
	if (limit >= 0) {
		buf_adds(&g.sql, " LIMIT ");
		bind_int(&g, limit);
		buf_adds(&g.sql, " OFFSET ");
		bind_int(&g, offset);
	}
	return finish(&g, 0, out);
}

int sqlgen_count(struct store *s, const struct query *q, struct sql_stmt *out,
		 struct query_error *err)
{
	struct gen g = { .store = s, .err = err };
	buf_adds(&g.sql, "SELECT count(*)");
	buf_adds(&g.sql, target_sql(q->target).from);
	return finish(&g, add_where(&g, q), out);
}

int sqlgen_breakdown(struct store *s, const struct query *q, int column, struct sql_stmt *out,
		     struct query_error *err)
{
	struct gen g = { .store = s, .err = err };
	const struct list_column *cols = sqlgen_columns(q->target);
	struct target_sql ts = target_sql(q->target);
	int investors = q->target == TARGET_DEALS && strcmp(cols[column].name, "investors") == 0;
	/* Investors break down one by one, not by the list as written. The expressions are the
	 * fixed text of the column table; values from the user are bound below. */
	buf_printf(&g.sql, "SELECT %s AS value, count(*) AS count, %s AS amount",
		   investors ? "inv.name" : cols[column].expr,
		   q->target == TARGET_DEALS
			   ? "CASE WHEN sum(d.amount_cny) IS NOT NULL THEN printf('%.0f', "
			     "sum(d.amount_cny)) END"
			   : "NULL");
	buf_adds(&g.sql, ts.from);
	if (investors)
		buf_adds(&g.sql, " JOIN deal_investor inv ON inv.deal_id = d.id");
	int rc = add_where(&g, q);
	buf_adds(&g.sql, " GROUP BY 1 ORDER BY 2 DESC, 1 IS NULL, 1");
	return finish(&g, rc, out);
}

int sqlgen_by_id(enum query_target target, long long id, struct sql_stmt *out)
{
	struct gen g = { 0 };
	const struct list_column *cols = sqlgen_columns(target);
	struct target_sql ts = target_sql(target);
	buf_adds(&g.sql, "SELECT ");
	for (int i = 0; cols[i].name; i++)
		buf_printf(&g.sql, "%s%s AS \"%s\"", i ? ", " : "", cols[i].expr, cols[i].name);
	buf_adds(&g.sql, ts.from);
	buf_printf(&g.sql, " WHERE %s = ", ts.id); /* a fixed column; the id is bound */
	bind_int(&g, id);
	return finish(&g, 0, out);
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
