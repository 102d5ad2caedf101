/* listing.c: the columns, fields and tables of each listing. */
#include "config.h"

#include "listing.h"

#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "util.h"

/* ---- deals -------------------------------------------------------------------------------- */

static const struct listing_column deal_columns[] = {
	{ "id", NULL, N_("id"), "d.id", NULL, NULL, ALIGN_RIGHT, 0, 0, 2 },
	{ "issue", NULL, N_("issue"), "i.number", "i.number", "issue", ALIGN_RIGHT, 0, 0, 2 },
	{ "scope", NULL, N_("scope"), "d.scope", "d.scope", "scope", ALIGN_LEFT, 0, 0, 2 },
	{ "company", NULL, N_("company"), "d.name_ko", "d.name_ko", "company", ALIGN_LEFT, 1, 10,
	  2 },
	{ "company_zh", NULL, N_("company_zh"), "d.name_zh", "d.name_zh", "company", ALIGN_LEFT, 1,
	  8, 2 },
	{ "amount", NULL, N_("amount"), "d.amount_text", "d.amount_cny", NULL, ALIGN_LEFT, 1, 13,
	  2 },
	{ "kind", NULL, N_("kind"), "d.kind", "d.kind", "kind", ALIGN_LEFT, 1, 10, 2 },
	{ "round", NULL, N_("round"), "d.round", "d.round", "round", ALIGN_LEFT, 1, 8, 2 },
	{ "amount_cny", NULL, N_("amount_cny"),
	  "CASE WHEN d.amount_cny IS NOT NULL THEN printf('%.0f', d.amount_cny) END", "d.amount_cny",
	  NULL, ALIGN_RIGHT, 0, 0, 2 },
	{ "valuation", NULL, N_("valuation"), "d.valuation_text", "d.valuation_cny", NULL,
	  ALIGN_LEFT, 0, 0, 2 },
	{ "acquirer", NULL, N_("acquirer"), "d.acquirer", NULL, "acquirer", ALIGN_LEFT, 0, 0, 2 },
	{ "region", NULL, N_("region"),
	  "coalesce(pr.name_ko, CASE WHEN d.province_id IS NULL THEN d.place END)", "pr.name_ko",
	  "region", ALIGN_LEFT, 1, 8, 2 },
	{ "city", NULL, N_("city"), "ct.name_ko", "ct.name_ko", "city", ALIGN_LEFT, 0, 0, 2 },
	{ "country", NULL, N_("country"), "d.country", "d.country", "country", ALIGN_LEFT, 0, 0, 2 },
	{ "place", NULL, N_("place"), "d.place", NULL, NULL, ALIGN_LEFT, 0, 0, 2 },
	{ "sector", NULL, N_("sector"), "d.sector", "d.sector", "sector", ALIGN_LEFT, 1, 7, 2 },
	{ "investors", NULL, N_("investors"), "d.investors", NULL, "investor", ALIGN_LEFT, 1, 9, 1 },
	{ "description", NULL, N_("description"), "d.description", NULL, NULL, ALIGN_LEFT, 0, 0, 1 },
	{ "period", NULL, N_("period"), "d.period", NULL, "date", ALIGN_LEFT, 0, 0, 2 },
	{ "date", NULL, N_("date"), "d.date", "coalesce(d.date, d.period)", "date", ALIGN_LEFT, 0, 0,
	  2 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, ALIGN_LEFT, 0, 0, 0 },
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
	{ NULL, NULL, 0, 0 },
};

static const struct listing_order deal_natural[] = { { "i.number", 0 }, { "d.seq", 0 },
						     { NULL, 0 } };

/* ---- articles ----------------------------------------------------------------------------- */

static const struct listing_column article_columns[] = {
	{ "id", NULL, N_("id"), "a.id", NULL, NULL, ALIGN_RIGHT, 0, 0, 2 },
	{ "issue", NULL, N_("issue"), "i.number", "i.number", "issue", ALIGN_RIGHT, 1, 0, 2 },
	{ "section", NULL, N_("section"), "a.section", "sec.seq", "section", ALIGN_LEFT, 1, 10, 2 },
	{ "date", NULL, N_("date"), "a.date", "a.date", "date", ALIGN_LEFT, 1, 10, 2 },
	{ "title", NULL, N_("title"), "a.title", "a.title", "title", ALIGN_LEFT, 1, 20, 1 },
	{ "sources", NULL, N_("sources"),
	  "(SELECT group_concat(name, '; ') FROM (SELECT name FROM article_source "
	  "WHERE article_id = a.id ORDER BY seq))",
	  NULL, "source", ALIGN_LEFT, 0, 0, 1 },
	{ "links", NULL, N_("links"), "(SELECT count(*) FROM article_ref WHERE article_id = a.id)",
	  NULL, NULL, ALIGN_RIGHT, 0, 0, 2 },
	{ "body", NULL, N_("body"), "a.body", NULL, NULL, ALIGN_LEFT, 0, 0, 1 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, ALIGN_LEFT, 0, 0, 0 },
};

static const struct query_field article_fields[] = {
	{ "text", NULL, FT_FTS, F_TEXT },
	{ "section", "섹션|분류", FT_SECTION, F_SECTION },
	{ "title", "제목", FT_FTS, F_TITLE },
	{ "body", "본문", FT_FTS, F_BODY },
	{ "source", "출처", FT_SOURCE, F_SOURCE },
	{ "issue", "호", FT_ISSUE, F_ISSUE },
	{ "date", "날짜", FT_DATE, F_DATE },
	{ NULL, NULL, 0, 0 },
};

static const struct listing_order article_natural[] = { { "i.number", 0 }, { "a.seq", 0 },
							{ NULL, 0 } };

/* ---- events ------------------------------------------------------------------------------- */

static const struct listing_column event_columns[] = {
	{ "id", NULL, N_("id"), "e.id", NULL, NULL, ALIGN_RIGHT, 0, 0, 2 },
	{ "start", "date", N_("start"), "e.start_date", "e.start_date", "date", ALIGN_LEFT, 1, 0, 2 },
	{ "end", NULL, N_("end"), "e.end_date", "e.end_date", "date", ALIGN_LEFT, 1, 0, 2 },
	{ "name", NULL, N_("name"), "e.name", "e.name", "name", ALIGN_LEFT, 1, 0, 1 },
	{ "city", NULL, N_("city"), "e.city", "e.city", "city", ALIGN_LEFT, 1, 0, 2 },
	{ "field", NULL, N_("field"), "e.field", "e.field", "field", ALIGN_LEFT, 1, 0, 2 },
	{ "issue", NULL, N_("issue"), "i.number", "i.number", "issue", ALIGN_RIGHT, 0, 0, 2 },
	{ "issue_date", NULL, N_("issue_date"), "i.date", NULL, NULL, ALIGN_LEFT, 0, 0, 2 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, ALIGN_LEFT, 0, 0, 0 },
};

static const struct query_field event_fields[] = {
	{ "text", NULL, FT_TEXT, F_TEXT },
	{ "name", "명칭|행사", FT_LIKE, F_NAME },
	{ "field", "분야", FT_LIKE, F_FIELD },
	{ "city", "도시|장소", FT_CITY, F_CITY },
	{ "date", "날짜|기간", FT_DATE, F_DATE },
	{ "issue", "호", FT_ISSUE, F_ISSUE },
	{ NULL, NULL, 0, 0 },
};

static const struct listing_order event_natural[] = { { "e.start_date", 0 },
						      { "e.end_date", 0 },
						      { NULL, 0 } };

/* ---- regions ------------------------------------------------------------------------------ */

static const struct listing_column region_columns[] = {
	{ "id", NULL, N_("id"), "r.id", NULL, NULL, ALIGN_RIGHT, 0, 0, 2 },
	{ "issue", NULL, N_("issue"), "r.issue", "r.issue", "issue", ALIGN_RIGHT, 1, 0, 2 },
	{ "period", NULL, N_("period"), "r.period", NULL, "date", ALIGN_LEFT, 1, 0, 2 },
	{ "level", NULL, N_("level"), "r.level", "r.level", "level", ALIGN_LEFT, 1, 0, 2 },
	{ "name", NULL, N_("name"), "r.name", "r.name", NULL, ALIGN_LEFT, 1, 0, 2 },
	{ "name_zh", NULL, N_("name_zh"), "r.name_zh", NULL, NULL, ALIGN_LEFT, 1, 0, 2 },
	{ "reported", NULL, N_("reported"),
	  "CASE WHEN r.reported IS NOT NULL THEN printf('%d', r.reported) END", "r.reported", NULL,
	  ALIGN_RIGHT, 1, 0, 2 },
	{ "computed", NULL, N_("computed"), "r.computed", "r.computed", NULL, ALIGN_RIGHT, 1, 0, 2 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, ALIGN_LEFT, 0, 0, 0 },
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
 * counts), not once per reported row. */
#define REGION_DEAL_COUNTS(dimension, column)                                                   \
	"SELECT d.issue_id AS issue_id, d.period AS period, d." column " AS place_id,"         \
	" count(*) AS n, min(d.id) AS first FROM deal d WHERE d.kind = 'investment'"           \
	" AND d." column " IS NOT NULL GROUP BY d.issue_id, d.period, d." column

static const char region_from[] =
	" FROM ("
	"WITH pc AS (" REGION_DEAL_COUNTS("region", "province_id") "),"
	" cc AS (" REGION_DEAL_COUNTS("city", "city_id") ")"
	" SELECT i.number AS issue, s.period AS period, s.dimension AS level,"
	" coalesce(p.name_ko, s.key) AS name, p.name_zh AS name_zh, s.value AS reported,"
	" CASE WHEN p.id IS NULL THEN 0 ELSE coalesce((SELECT n FROM pc WHERE pc.issue_id ="
	"  s.issue_id AND pc.period = s.period AND pc.place_id = p.id AND s.dimension = 'region'),"
	"  (SELECT n FROM cc WHERE cc.issue_id = s.issue_id AND cc.period = s.period AND"
	"  cc.place_id = p.id AND s.dimension = 'city'), 0) END AS computed,"
	" s.rank AS rank, s.id AS id"
	" FROM stat s JOIN issue i ON i.id = s.issue_id LEFT JOIN place p ON p.id = s.place_id"
	" WHERE s.dimension IN ('region', 'city') AND s.metric = 'deal_count'"
	" UNION ALL "
	"SELECT i.number, pc.period, 'region', p.name_ko, p.name_zh, NULL, pc.n, NULL,"
	" 1000000000 + pc.first"
	" FROM pc JOIN issue i ON i.id = pc.issue_id JOIN place p ON p.id = pc.place_id"
	" WHERE NOT EXISTS (SELECT 1 FROM stat s WHERE s.issue_id = pc.issue_id AND"
	"  s.period = pc.period AND s.dimension = 'region' AND s.metric = 'deal_count'"
	"  AND s.place_id = pc.place_id)"
	" UNION ALL "
	"SELECT i.number, cc.period, 'city', p.name_ko, p.name_zh, NULL, cc.n, NULL,"
	" 2000000000 + cc.first"
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
	{ TARGET_DEALS, "deals", deal_columns, deal_fields,
	  " FROM deal d JOIN issue i ON i.id = d.issue_id"
	  " LEFT JOIN place pr ON pr.id = d.province_id LEFT JOIN place ct ON ct.id = d.city_id",
	  " FROM deal d", deal_joins,
	  /* The natural order is the issues' order, then each issue's: issues first. */
	  " FROM issue i CROSS JOIN deal d ON d.issue_id = i.id"
	  " LEFT JOIN place pr ON pr.id = d.province_id LEFT JOIN place ct ON ct.id = d.city_id",
	  "d.id", deal_natural },
	{ TARGET_ARTICLES, "articles", article_columns, article_fields,
	  " FROM article a JOIN issue i ON i.id = a.issue_id JOIN section sec ON sec.code = a.section",
	  " FROM article a", article_joins,
	  " FROM issue i CROSS JOIN article a ON a.issue_id = i.id"
	  " JOIN section sec ON sec.code = a.section",
	  "a.id", article_natural },
	{ TARGET_EVENTS, "events", event_columns, event_fields,
	  " FROM event e JOIN issue i ON i.id = e.issue_id",
	  " FROM event e", event_joins, NULL, "e.id", event_natural },
	{ TARGET_REGIONS, "regions", region_columns, region_fields, region_from, region_from, no_joins, NULL, "r.id",
	  region_natural },
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
