/* listing.c: the columns, fields and tables of each listing. */
#include "config.h"

#include "listing.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "state.h"
#include "store.h"
#include "util.h"

/* ---- deals -------------------------------------------------------------------------------- */

static const struct listing_column deal_columns[] = {
	{ .name = "id", .label = NC_("column", "id"), .expr = "d.id", .align = ALIGN_RIGHT,
	  .priority = 2 },
	/* The reader's marks (state.h): shown by the browser, by jubo list when asked. */
	{ .name = "state", .label = NC_("column", " "),
	  .expr = STATE_FLAGS("deal", "d", STATE_DEAL_KEY("d")), .min = 3,
	  .priority = 3, .browse = 1 },
	{ .name = "issue", .tallied = 1, .tally_name = "(SELECT number FROM issue WHERE id = t.value)",
	  .label = NC_("column", "issue"), .expr = "i.number", .sort = "i.number",
	  .field = "issue", .align = ALIGN_RIGHT, .priority = 2 },
	{ .name = "scope", .tallied = 1,
	  .label = NC_("column", "scope"), .expr = "d.scope", .sort = "d.scope",
	  .field = "scope", .priority = 2, .coded = 1 },
	{ .name = "company", .tallied = 1, .label = NC_("column", "company"), .expr = "d.name_ko",
	  .sort = "d.name_ko", .field = "company", .shown = 1, .min = 8, .priority = 2,
	  .keep = 1 },
	{ .name = "company_zh", .tallied = 1, .label = NC_("column", "company_zh"), .expr = "d.name_zh",
	  .sort = "d.name_zh", .field = "company", .shown = 1, .min = 8, .priority = 2 },
	{ .name = "amount", .tallied = 1, .label = NC_("column", "amount"), .expr = "d.amount_text",
	  .sort = "d.amount_cny", .shown = 1, .min = 13, .priority = 2, .whole = 1, .keep = 1 },
	/* What the deal is: investment, unicorn (a round among the new unicorns), ma; sorted in
	 * that order by its tags. */
	{ .name = "kind", .tallied = 1, .label = NC_("column", "kind"), .expr = STORE_DEAL_KIND_TEXT("d"),
	  .sort = "d.tags", .coded = 1,
	  .field = "kind", .shown = 1, .min = 10, .priority = 2 },
	/* The issue's tables it was printed in: big (대형 투자), unicorn (신규 유니콘), ma. */
	{ .name = "tables", .tallied = 1,
	  .label = NC_("column", "tables"), .expr = STORE_DEAL_TAGS_TEXT("d"),
	  .priority = 2, .coded = 1 },
	{ .name = "round", .tallied = 1,
	  .label = NC_("column", "round"), .expr = "d.round", .sort = "d.round",
	  .field = "round", .shown = 1, .min = 8, .priority = 2 },
	{ .name = "amount_cny", .tallied = 1, .label = NC_("column", "amount_cny"),
	  .expr = "CASE WHEN d.amount_cny IS NOT NULL THEN printf('%.0f', d.amount_cny) END",
	  .sort = "d.amount_cny", .align = ALIGN_RIGHT, .priority = 2 },
	{ .name = "valuation", .tallied = 1,
	  .label = NC_("column", "valuation"), .expr = "d.valuation_text",
	  .sort = "d.valuation_cny", .priority = 2, .whole = 1 },
	{ .name = "acquirer", .tallied = 1, .label = NC_("column", "acquirer"), .expr = "d.acquirer",
	  .field = "acquirer", .priority = 2 },
	{ .name = "region", .tallied = 1, .label = NC_("column", "region"),
	  .expr = "coalesce(pr.name_ko, CASE WHEN d.province_id IS NULL THEN d.place END)",
	  .sort = "pr.name_ko", .field = "region", .shown = 1, .min = 8, .priority = 2,
	  .group = "d.province_id", .group_value = "(SELECT name_ko FROM place WHERE id = k)",
	  .group_rest = "d.place",
	  .sort_from = " FROM place pr CROSS JOIN deal d ON d.province_id = pr.id"
		       " AND pr.kind = 'province' JOIN issue i ON i.id = d.issue_id LEFT JOIN place ct ON ct.id = d.city_id",
	  .sort_null = "d.province_id" },
	{ .name = "city", .tallied = 1, .label = NC_("column", "city"), .expr = "ct.name_ko",
	  .sort = "ct.name_ko", .field = "city", .priority = 2, .group = "d.city_id",
	  .group_value = "(SELECT name_ko FROM place WHERE id = k)", .group_rest = "NULL",
	  .sort_from = " FROM place ct CROSS JOIN deal d ON d.city_id = ct.id"
		       " JOIN issue i ON i.id = d.issue_id LEFT JOIN place pr ON pr.id = d.province_id",
	  .sort_null = "d.city_id" },
	{ .name = "country", .tallied = 1, .label = NC_("column", "country"), .expr = "d.country",
	  .sort = "d.country", .field = "country", .priority = 2 },
	{ .name = "place", .tallied = 1,
	  .label = NC_("column", "place"), .expr = "d.place", .priority = 2 },
	{ .name = "sector", .tallied = 1, .label = NC_("column", "sector"), .expr = "d.sector",
	  .sort = "d.sector", .field = "sector", .shown = 1, .min = 6, .priority = 2 },
	{ .name = "investors", .tallied = 1, .label = NC_("column", "investors"), .expr = "d.investors",
	  .field = "investor", .shown = 1, .min = 9, .priority = 1 },
	{ .name = "description", .label = NC_("column", "description"), .expr = "d.description",
	  .priority = 1 },
	{ .name = "period", .tallied = 1,
	  .label = NC_("column", "period"), .expr = "d.period", .field = "date",
	  .priority = 2 },
	{ .name = "date", .tallied = 1, .label = NC_("column", "date"), .expr = "d.date",
	  .sort = "coalesce(d.date, d.period)", .field = "date", .priority = 2 },
	{ .name = NULL },
};

static const struct query_field deal_fields[] = {
	{ "text", NULL, FT_TEXT, F_TEXT },
	{ "company", "기업|기업명|회사", FT_LIKE, F_COMPANY },
	{ "kind", "종류", FT_KIND, F_KIND },
	{ "scope", "범위", FT_SCOPE, F_SCOPE },
	{ "round", "라운드", FT_PREFIX, F_ROUND },
	{ "amount", "금액", FT_AMOUNT, F_AMOUNT },
	{ "valuation", "기업가치|가치", FT_AMOUNT, F_VALUATION },
	{ "region", "지역|성|province", FT_REGION, F_REGION },
	{ "city", "도시", FT_CITY, F_CITY },
	{ "country", "국가", FT_COUNTRY, F_COUNTRY },
	{ "sector", "분야|산업|industry", FT_LIKE, F_SECTOR },
	{ "investor", "투자자|investors", FT_INVESTOR, F_INVESTOR },
	{ "acquirer", "인수자", FT_LIKE, F_ACQUIRER },
	{ "issue", "호", FT_ISSUE, F_ISSUE },
	{ "date", "날짜|기간|period", FT_DATE, F_DATE },
	{ "is", "상태", FT_STATE, F_IS },
	{ "has", NULL, FT_STATE, F_HAS },
	{ "about", "관련", FT_ABOUT, F_ABOUT },
	{ NULL, NULL, 0, 0 },
};

static const struct listing_order deal_natural[] = { { "i.number", 0 }, { "d.seq", 0 },
						     { NULL, 0 } };

/* ---- articles ----------------------------------------------------------------------------- */

static const struct listing_column article_columns[] = {
	{ .name = "id", .label = NC_("column", "id"), .expr = "a.id", .align = ALIGN_RIGHT,
	  .priority = 2 },
	{ .name = "state", .label = NC_("column", " "),
	  .expr = STATE_FLAGS("article", "a", STATE_ARTICLE_KEY("a")), .min = 3,
	  .priority = 3, .browse = 1 },
	{ .name = "issue", .label = NC_("column", "issue"), .expr = "i.number", .sort = "i.number",
	  .field = "issue", .align = ALIGN_RIGHT, .shown = 1, .priority = 2 },
	{ .name = "section", .label = NC_("column", "section"), .expr = "a.section",
	  .sort = "sec.seq", .field = "section", .shown = 1, .min = 10, .priority = 2,
	  .coded = 1 },
	{ .name = "date", .label = NC_("column", "date"), .expr = "a.date", .sort = "a.date",
	  .field = "date", .shown = 1, .min = 10, .priority = 2 },
	{ .name = "title", .label = NC_("column", "title"), .expr = "a.title", .sort = "a.title",
	  .field = "title", .shown = 1, .min = 20, .priority = 1, .keep = 1 },
	{ .name = "sources", .label = NC_("column", "sources"),
	  .expr =
		"(SELECT group_concat(name, '; ') FROM (SELECT name FROM "
		"article_source WHERE article_id = a.id ORDER BY seq))",
	  .field = "source", .priority = 1 },
	{ .name = "links", .label = NC_("column", "links"),
	  .expr = "(SELECT count(*) FROM article_ref WHERE article_id = a.id)",
	  .align = ALIGN_RIGHT, .priority = 2 },
	{ .name = "body", .label = NC_("column", "body"), .expr = "a.body", .priority = 1 },
	{ .name = NULL },
};

static const struct query_field article_fields[] = {
	{ "text", NULL, FT_FTS, F_TEXT },
	{ "section", "섹션|분류", FT_SECTION, F_SECTION },
	{ "title", "제목", FT_FTS, F_TITLE },
	{ "body", "본문", FT_FTS, F_BODY },
	{ "source", "출처", FT_SOURCE, F_SOURCE },
	{ "issue", "호", FT_ISSUE, F_ISSUE },
	{ "date", "날짜", FT_DATE, F_DATE },
	{ "is", "상태", FT_STATE, F_IS },
	{ "has", NULL, FT_STATE, F_HAS },
	{ "about", "관련", FT_ABOUT, F_ABOUT },
	{ NULL, NULL, 0, 0 },
};

/* The newest issue first: an archive is read from its latest week back. */
static const struct listing_order article_natural[] = { { "i.number", 1 }, { "a.seq", 0 },
							{ NULL, 0 } };

/* ---- events ------------------------------------------------------------------------------- */

static const struct listing_column event_columns[] = {
	{ .name = "id", .label = NC_("column", "id"), .expr = "e.id", .align = ALIGN_RIGHT,
	  .priority = 2 },
	{ .name = "state", .label = NC_("column", " "),
	  .expr = STATE_FLAGS("event", "e", STATE_EVENT_KEY("e")), .min = 3,
	  .priority = 3, .browse = 1 },
	{ .name = "start", .synonyms = "date", .label = NC_("column", "start"),
	  .expr = "e.start_date", .sort = "e.start_date", .field = "date", .shown = 1,
	  .priority = 2 },
	{ .name = "end", .label = NC_("column", "end"), .expr = "e.end_date", .sort = "e.end_date",
	  .field = "date", .shown = 1, .priority = 2 },
	{ .name = "name", .label = NC_("column", "name"), .expr = "e.name", .sort = "e.name",
	  .field = "name", .shown = 1, .priority = 1 },
	{ .name = "city", .label = NC_("column", "city"), .expr = "e.city", .sort = "e.city",
	  .field = "city", .shown = 1, .priority = 2 },
	{ .name = "field", .label = NC_("column", "field"), .expr = "e.field", .sort = "e.field",
	  .field = "field", .shown = 1, .priority = 2 },
	{ .name = "issue", .label = NC_("column", "issue"), .expr = "i.number", .sort = "i.number",
	  .field = "issue", .align = ALIGN_RIGHT, .priority = 2 },
	{ .name = "issue_date", .label = NC_("column", "issue_date"), .expr = "i.date",
	  .priority = 2 },
	{ .name = NULL },
};

static const struct query_field event_fields[] = {
	{ "text", NULL, FT_TEXT, F_TEXT },
	{ "name", "명칭|행사", FT_LIKE, F_NAME },
	{ "field", "분야", FT_LIKE, F_FIELD },
	{ "city", "도시|장소", FT_CITY, F_CITY },
	{ "date", "날짜|기간", FT_DATE, F_DATE },
	{ "issue", "호", FT_ISSUE, F_ISSUE },
	{ "is", "상태", FT_STATE, F_IS },
	{ "has", NULL, FT_STATE, F_HAS },
	{ NULL, NULL, 0, 0 },
};

static const struct listing_order event_natural[] = { { "e.start_date", 0 },
						      { "e.end_date", 0 },
						      { NULL, 0 } };

/* ---- regions ------------------------------------------------------------------------------ */

static const struct listing_column region_columns[] = {
	{ .name = "id", .label = NC_("column", "id"), .expr = "r.id", .align = ALIGN_RIGHT,
	  .priority = 2 },
	{ .name = "issue", .label = NC_("column", "issue"), .expr = "r.issue", .sort = "r.issue",
	  .field = "issue", .align = ALIGN_RIGHT, .shown = 1, .priority = 2 },
	{ .name = "period", .label = NC_("column", "period"), .expr = "r.period", .field = "date",
	  .shown = 1, .priority = 2 },
	{ .name = "level", .label = NC_("column", "level"), .expr = "r.level", .sort = "r.level",
	  .field = "level", .shown = 1, .priority = 2 },
	{ .name = "name", .label = NC_("column", "name"), .expr = "r.name", .sort = "r.name",
	  .shown = 1, .priority = 2 },
	{ .name = "name_zh", .label = NC_("column", "name_zh"), .expr = "r.name_zh", .shown = 1,
	  .priority = 2 },
	{ .name = "reported", .label = NC_("column", "reported"),
	  .expr = "CASE WHEN r.reported IS NOT NULL THEN printf('%d', r.reported) END",
	  .sort = "r.reported", .align = ALIGN_RIGHT, .shown = 1, .priority = 2 },
	{ .name = "previous", .label = NC_("column", "previous"),
	  .expr = "CASE WHEN r.previous IS NOT NULL THEN printf('%d', r.previous) END",
	  .sort = "r.previous", .align = ALIGN_RIGHT, .shown = 1, .priority = 2 },
	{ .name = "change", .label = NC_("column", "change"),
	  .expr = "CASE WHEN r.reported IS NOT NULL AND r.previous IS NOT NULL THEN"
		  " printf('%+d', r.reported - r.previous) END",
	  .sort = "r.reported - r.previous", .align = ALIGN_RIGHT, .shown = 1, .priority = 2 },
	{ .name = "computed", .label = NC_("column", "computed"), .expr = "r.computed",
	  .sort = "r.computed", .align = ALIGN_RIGHT, .shown = 1, .priority = 2 },
	{ .name = NULL },
};

static const struct query_field region_fields[] = {
	{ "text", NULL, FT_TEXT, F_TEXT },
	{ "level", "구분", FT_LEVEL, F_LEVEL },
	{ "issue", "호", FT_ISSUE, F_ISSUE },
	{ "date", "기간|period", FT_DATE, F_PERIOD },
	{ NULL, NULL, 0, 0 },
};

/* Ranked places first, then by the reported count, largest first (ranks and counts are never
 * negative, so the coalesce puts the missing ones last). */
static const struct listing_order region_natural[] = {
	{ "r.issue", 0 },
	{ "r.period", 0 },
	{ "r.level", 1 },
	{ "coalesce(r.rank, 1000000000)", 0 },
	{ "coalesce(r.reported, -1)", 1 },
	{ NULL, 0 },
};

/* Regions: the counts each issue reports, beside the counts of its investment deals per
 * province or city; places with deals but no reported count appear with computed only. The
 * deals are counted once per issue, period and place (one GROUP BY, joined to the reported
 * counts), not once per reported row. A deal is one row however many tables printed it, so
 * these are counts of distinct deals, the rows that Enter opens. A deal in a municipality
 * (베이징, 상하이, 톈진, 충칭) is in that city as well as that province: the newsletter ranks
 * them among the cities. */
#define REGION_DEAL_COUNTS(place, more)                                                         \
	"SELECT d.issue_id AS issue_id, d.period AS period, " place " AS place_id,"            \
	" count(*) AS n, min(d.id) AS first FROM deal d WHERE d.kind = 'investment'"           \
	" AND " place " IS NOT NULL" more " GROUP BY d.issue_id, d.period, " place

static const char region_from[] =
	" FROM ("
	"WITH pc AS (" REGION_DEAL_COUNTS("d.province_id", "") "),"
	/* Cities: by city, and the municipalities' deals without a city of their own. */
	" cc AS (SELECT issue_id, period, place_id, sum(n) AS n, min(first) AS first FROM ("
	REGION_DEAL_COUNTS("d.city_id", "") " UNION ALL "
	REGION_DEAL_COUNTS("d.province_id", " AND d.city_id IS NULL AND d.province_id IN (SELECT id"
			   " FROM place WHERE level = 'municipality')")
	") GROUP BY issue_id, period, place_id)"
	" SELECT i.number AS issue, s.period AS period, s.dimension AS level,"
	" coalesce(p.name_ko, s.key) AS name, p.name_zh AS name_zh, s.value AS reported,"
	" CASE WHEN p.id IS NULL THEN 0 ELSE coalesce((SELECT n FROM pc WHERE pc.issue_id ="
	"  s.issue_id AND pc.period = s.period AND pc.place_id = p.id AND s.dimension = 'region'),"
	"  (SELECT n FROM cc WHERE cc.issue_id = s.issue_id AND cc.period = s.period AND"
	"  cc.place_id = p.id AND s.dimension = 'city'), 0) END AS computed,"
	" s.rank AS rank, s.id AS id,"
	/* Week against week: the count the issue before reports for the same place (in its
	 * latest period), NULL when it does not rank the place or there is none before. */
	" (SELECT s2.value FROM stat s2 WHERE s2.issue_id = (SELECT i2.id FROM issue i2 WHERE"
	"  i2.number < i.number AND EXISTS (SELECT 1 FROM stat s3 WHERE s3.issue_id = i2.id AND"
	"  s3.dimension = s.dimension AND s3.metric = 'deal_count') ORDER BY i2.number DESC"
	"  LIMIT 1) AND s2.dimension = s.dimension AND s2.metric = 'deal_count' AND"
	"  (s2.place_id = s.place_id OR (s.place_id IS NULL AND s2.key = s.key))"
	"  ORDER BY s2.period DESC LIMIT 1) AS previous"
	" FROM stat s JOIN issue i ON i.id = s.issue_id LEFT JOIN place p ON p.id = s.place_id"
	" WHERE s.dimension IN ('region', 'city') AND s.metric = 'deal_count'"
	" UNION ALL "
	"SELECT i.number, pc.period, 'region', p.name_ko, p.name_zh, NULL, pc.n, NULL,"
	" 1000000000 + pc.first, NULL"
	" FROM pc JOIN issue i ON i.id = pc.issue_id JOIN place p ON p.id = pc.place_id"
	" WHERE NOT EXISTS (SELECT 1 FROM stat s WHERE s.issue_id = pc.issue_id AND"
	"  s.period = pc.period AND s.dimension = 'region' AND s.metric = 'deal_count'"
	"  AND s.place_id = pc.place_id)"
	" UNION ALL "
	"SELECT i.number, cc.period, 'city', p.name_ko, p.name_zh, NULL, cc.n, NULL,"
	" 2000000000 + cc.first, NULL"
	" FROM cc JOIN issue i ON i.id = cc.issue_id JOIN place p ON p.id = cc.place_id"
	" WHERE NOT EXISTS (SELECT 1 FROM stat s WHERE s.issue_id = cc.issue_id AND"
	"  s.period = cc.period AND s.dimension = 'city' AND s.metric = 'deal_count'"
	"  AND s.place_id = cc.place_id)"
	") r";

/* ---- the listings ------------------------------------------------------------------------- */

static const struct listing_join deal_joins[] = {
	{ "i", " JOIN issue i ON i.id = d.issue_id" },
	{ "pr", " LEFT JOIN place pr ON pr.id = d.province_id" },
	{ "ct", " LEFT JOIN place ct ON ct.id = d.city_id" },
	{ NULL, NULL },
};
static const struct listing_join article_joins[] = {
	{ "i", " JOIN issue i ON i.id = a.issue_id" },
	{ "sec", " JOIN section sec ON sec.code = a.section" },
	{ NULL, NULL },
};
static const struct listing_join event_joins[] = {
	{ "i", " JOIN issue i ON i.id = e.issue_id" },
	{ NULL, NULL },
};
static const struct listing_join no_joins[] = { { NULL, NULL } };

static const struct listing listings[] = {
	{
		.target = TARGET_DEALS,
		.name = "deals",
		.columns = deal_columns,
		.fields = deal_fields,
		.from = " FROM deal d JOIN issue i ON i.id = d.issue_id"
			" LEFT JOIN place pr ON pr.id = d.province_id"
			" LEFT JOIN place ct ON ct.id = d.city_id",
		.count_base = " FROM deal d",
		.joins = deal_joins,
		/* The natural order is the issues' order, then each issue's: issues first. */
		.natural_from = " FROM issue i CROSS JOIN deal d ON d.issue_id = i.id"
				" LEFT JOIN place pr ON pr.id = d.province_id"
				" LEFT JOIN place ct ON ct.id = d.city_id",
		.id = "d.id",
		.natural = deal_natural,
	},
	{
		.target = TARGET_ARTICLES,
		.name = "articles",
		.columns = article_columns,
		.fields = article_fields,
		.from = " FROM article a JOIN issue i ON i.id = a.issue_id"
			" JOIN section sec ON sec.code = a.section",
		.count_base = " FROM article a",
		.joins = article_joins,
		.natural_from = " FROM issue i CROSS JOIN article a ON a.issue_id = i.id"
				" JOIN section sec ON sec.code = a.section",
		.id = "a.id",
		.natural = article_natural,
	},
	{
		.target = TARGET_EVENTS,
		.name = "events",
		.columns = event_columns,
		.fields = event_fields,
		.from = " FROM event e JOIN issue i ON i.id = e.issue_id",
		.count_base = " FROM event e",
		.joins = event_joins,
		.id = "e.id",
		.natural = event_natural,
	},
	{
		.target = TARGET_REGIONS,
		.name = "regions",
		.columns = region_columns,
		.fields = region_fields,
		.from = region_from,
		.count_base = region_from,
		.joins = no_joins,
		.id = "r.id",
		.natural = region_natural,
	},
};

const struct listing *listing_get(enum query_target target)
{
	for (size_t i = 0; i < sizeof listings / sizeof listings[0]; i++)
		if (listings[i].target == target)
			return &listings[i];
	return &listings[0];
}

static int name_in(const char *name, const char *list)
{
	if (!list)
		return 0;
	size_t len = strlen(name);
	while (*list) {
		const char *bar = strchr(list, '|');
		size_t n = bar ? (size_t)(bar - list) : strlen(list);
		if (n == len && strncasecmp(list, name, n) == 0)
			return 1;
		list += n + (bar ? 1 : 0);
	}
	return 0;
}

int listing_column_index(const struct listing *l, const char *name)
{
	for (int i = 0; l->columns[i].name; i++)
		if (strcasecmp(l->columns[i].name, name) == 0)
			return i;
	for (int i = 0; l->columns[i].name; i++)
		if (name_in(name, l->columns[i].synonyms))
			return i;
	return -1;
}

/* The codes a coded column holds, for xgettext: kinds, tables, scopes, sections. */
static const char *const value_codes[] __attribute__((unused)) = {
	NC_("value", "investment"), NC_("value", "unicorn"), NC_("value", "ma"),
	NC_("value", "big"),        NC_("value", "china"),   NC_("value", "overseas"),
	NC_("value", "news"),       NC_("value", "industry"), NC_("value", "investment analysis"),
	NC_("value", "policy"),     NC_("value", "region"),  NC_("value", "kic"),
};

char *listing_display_value(const struct listing_column *c, const char *value)
{
	if (!c->coded || !value || !*value)
		return xstrdup(value ? value : "");
	/* The section code "investment" reads as the analysis it is, not as a deal's kind. */
	struct buf b = { 0 };
	const char *p = value;
	while (*p) {
		const char *plus = strchr(p, '+');
		size_t n = plus ? (size_t)(plus - p) : strlen(p);
		char *part = xstrndup(p, n);
		const char *code = strcmp(c->name, "section") == 0 && strcmp(part, "investment") == 0
					   ? "investment analysis"
					   : part;
		const char *shown = C_("value", code);
		buf_printf(&b, "%s%s", b.len ? "+" : "", shown == code ? part : shown);
		free(part);
		p += n + (plus ? 1 : 0);
	}
	return buf_take(&b);
}

int listing_id_column(const struct listing *l)
{
	return listing_column_index(l, "id");
}

int listing_sort_repeats(const struct listing *l, int col)
{
	const char *sort = l->columns[col].sort;
	for (int i = 0; i < col && sort; i++)
		if (l->columns[i].sort && strcmp(l->columns[i].sort, sort) == 0)
			return 1;
	return 0;
}

char *listing_sort_names(const struct listing *l, const char *sep)
{
	struct buf b = { 0 };
	for (int i = 0; l->columns[i].name; i++)
		if (l->columns[i].sort && !listing_sort_repeats(l, i))
			buf_printf(&b, "%s%s", b.len ? sep : "", l->columns[i].name);
	return buf_take(&b);
}

char *listing_field_names(const struct listing *l, const char *sep)
{
	struct buf b = { 0 };
	/* The first field is the bare word, which has no name to type. */
	for (const struct query_field *f = l->fields + 1; f->name; f++)
		buf_printf(&b, "%s%s", b.len ? sep : "", f->name);
	return buf_take(&b);
}
