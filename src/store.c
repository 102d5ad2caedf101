/* store.c: schema, migrations and every SQL statement jubo runs. */
#include "config.h"

#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fts.h"
#include "gazetteer.h"
#include "i18n.h"
#include "sqlgen.h"
#include "util.h"

/* Amounts in yuan through the rate table: the latest rate at or before a deal's period,
 * else the earliest. */
#define CONVERT_SET                                                                             \
	"UPDATE deal SET "                                                                      \
	"amount_cny = amount_value * (CASE WHEN amount_currency = 'CNY' THEN 1.0 ELSE "          \
	"  coalesce((SELECT cny_per_unit FROM rate r WHERE r.currency = deal.amount_currency "   \
	"            AND r.period <= deal.period ORDER BY r.period DESC LIMIT 1), "             \
	"           (SELECT cny_per_unit FROM rate r WHERE r.currency = deal.amount_currency "   \
	"            ORDER BY r.period LIMIT 1)) END), "                                         \
	"valuation_cny = valuation_value * (CASE WHEN valuation_currency = 'CNY' THEN 1.0 "      \
	"  ELSE coalesce((SELECT cny_per_unit FROM rate r WHERE "                                \
	"  r.currency = deal.valuation_currency AND r.period <= deal.period "                    \
	"  ORDER BY r.period DESC LIMIT 1), (SELECT cny_per_unit FROM rate r "                   \
	"  WHERE r.currency = deal.valuation_currency ORDER BY r.period LIMIT 1)) END) "

/* Statements prepared once per open store, by name. */
enum stmt_id {
	ST_FIND_ISSUE, ST_ISSUE_DATE, ST_ADD_ISSUE, ST_DELETE_ISSUE, ST_DEL_ARTICLES,
	ST_DEL_ARTICLES_FTS, ST_DEL_DEALS, ST_DEL_EVENTS, ST_DEL_STATS, ST_FIND_SECTION,
	ST_ADD_ARTICLE, ST_ADD_ARTICLE_FTS, ST_ADD_ARTICLE_PENDING, ST_DEL_ARTICLES_PENDING,
	ST_ADD_SOURCE, ST_ADD_REF, ST_SEARCH, ST_ADD_DEAL, ST_ADD_INVESTOR, ST_CONVERT_ISSUE,
	ST_CONVERT, ST_CONVERT_CURRENCY, ST_ADD_STAT, ST_ADD_EVENT, ST_FIND_PLACE, ST_ADD_ALIAS,
	ST_ADD_PLACE, ST_PLACE_BY_CODE, ST_RATE_VALUE, ST_SET_RATE, ST_DEAL_IDENTITY,
	ST_MERGE_DEAL, ST_DEAL_HAS_INVESTORS,
	ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_FIND_ISSUE] = "SELECT id FROM issue WHERE number = ?1",
	[ST_ISSUE_DATE] = "SELECT date FROM issue WHERE id = ?1",
	[ST_ADD_ISSUE] = "INSERT INTO issue(number, title, publisher, date, date_note) "
			 "VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_DELETE_ISSUE] = "DELETE FROM issue WHERE id = ?1",
	[ST_DEL_ARTICLES] = "DELETE FROM article WHERE issue_id = ?1",
	[ST_DEL_ARTICLES_FTS] = "DELETE FROM article_fts WHERE rowid IN "
				"(SELECT id FROM article WHERE issue_id = ?1)",
	[ST_DEL_DEALS] = "DELETE FROM deal WHERE issue_id = ?1",
	[ST_DEL_EVENTS] = "DELETE FROM event WHERE issue_id = ?1",
	[ST_DEL_STATS] = "DELETE FROM stat WHERE issue_id = ?1",
	[ST_FIND_SECTION] = "SELECT code FROM section WHERE code = lower(?1) OR name_ko = ?1 "
			    "OR replace(name_ko, ' ', '') = replace(?1, ' ', '') "
			    "OR lower(name_en) = lower(?1)",
	[ST_ADD_ARTICLE] = "INSERT INTO article(issue_id, seq, section, date, title, body) "
			   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_ADD_ARTICLE_FTS] = "INSERT INTO article_fts(rowid, title_uni, title_bi, body_uni, "
			       "body_bi) VALUES (?1, ?2, ?3, ?4, ?5)",
	/* An article's text while its transaction writes, put into article_fts at the commit
	 * with one statement: FTS5 writes a segment of its index at every statement that
	 * touches it. */
	[ST_ADD_ARTICLE_PENDING] = "INSERT OR REPLACE INTO temp.batch_article_fts(id, title_uni,"
				   " title_bi, body_uni, body_bi) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_DEL_ARTICLES_PENDING] = "DELETE FROM temp.batch_article_fts WHERE id IN "
				    "(SELECT id FROM article WHERE issue_id = ?1)",
	[ST_ADD_SOURCE] = "INSERT INTO article_source(article_id, seq, name) VALUES (?1, ?2, ?3)",
	[ST_ADD_REF] = "INSERT INTO article_ref(article_id, num, label, url) "
		       "VALUES (?1, ?2, ?3, ?4)",
	[ST_SEARCH] = "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 "
		      "ORDER BY rowid LIMIT ?2",
	[ST_ADD_DEAL] =
		"INSERT INTO deal(issue_id, seq, kind, scope, period, date, name_ko, name_zh, "
		"round, amount_text, amount_value, amount_currency, amount_qualifier, "
		"amount_undisclosed, valuation_text, valuation_value, valuation_currency, "
		"valuation_qualifier, acquirer, place, province_id, city_id, country, sector, "
		"description, investors, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
	[ST_DEAL_IDENTITY] = "SELECT kind, scope, period, name_ko, name_zh, round FROM deal"
			     " WHERE id = ?1",
	/* A second printing of a deal adds its table to the tags and fills what the first left
	 * out; what the first said stays. */
	[ST_MERGE_DEAL] =
		"UPDATE deal SET tags = tags | ?2, date = coalesce(date, ?3),"
		" amount_text = coalesce(amount_text, ?4), amount_value = coalesce(amount_value, ?5),"
		" amount_currency = coalesce(amount_currency, ?6),"
		" amount_qualifier = coalesce(amount_qualifier, ?7),"
		" valuation_text = coalesce(valuation_text, ?8),"
		" valuation_value = coalesce(valuation_value, ?9),"
		" valuation_currency = coalesce(valuation_currency, ?10),"
		" valuation_qualifier = coalesce(valuation_qualifier, ?11),"
		" acquirer = coalesce(acquirer, ?12), investors = coalesce(investors, ?13),"
		" place = coalesce(place, ?14), province_id = coalesce(province_id, ?15),"
		" city_id = coalesce(city_id, ?16), country = coalesce(country, ?17),"
		" sector = coalesce(sector, ?18), description = coalesce(description, ?19)"
		" WHERE id = ?1",
	[ST_DEAL_HAS_INVESTORS] = "SELECT EXISTS (SELECT 1 FROM deal_investor WHERE deal_id = ?1)",
	[ST_ADD_INVESTOR] = "INSERT INTO deal_investor(deal_id, seq, name) VALUES (?1, ?2, ?3)",
	/* The rate for a deal is the latest one at or before its period, else the earliest. */
	/* One issue's deals, through UNIQUE (issue_id, seq): an OR with a NULL test would keep
	 * the planner from the index and read the whole archive for each issue. */
	[ST_CONVERT_ISSUE] = CONVERT_SET "WHERE issue_id = ?1",
	[ST_CONVERT] = CONVERT_SET "WHERE (?1 IS NULL OR id <= ?1)",
	/* A change of the rate of ?2 for the period ?3 reaches the deals of that period and
	 * later; when it is the currency's earliest rate, the deals before it too (the earliest
	 * takes them). Found by their period in an index that holds it (a scan of a narrow
	 * index, not of the deals), then by their currencies. */
	[ST_CONVERT_CURRENCY] =
		CONVERT_SET
		"WHERE id IN (SELECT id FROM deal WHERE period >= ?3 OR ?3 <= (SELECT min(period)"
		" FROM rate WHERE currency = ?2)) AND id <= ?1 AND"
		" (amount_currency = ?2 OR valuation_currency = ?2)",
	[ST_ADD_STAT] = "INSERT INTO stat(issue_id, period, metric, dimension, key, value, unit, "
			"share, rank, place_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[ST_ADD_EVENT] = "INSERT INTO event(issue_id, seq, name, start_date, end_date, city, "
			 "place_id, field) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_FIND_PLACE] = "SELECT p.id, p.kind, coalesce(p.parent_id, p.id), p.name_ko FROM place_alias a "
			  "JOIN place p ON p.id = a.place_id WHERE a.alias = ?1",
	[ST_ADD_ALIAS] = "INSERT OR IGNORE INTO place_alias(alias, place_id) VALUES (?1, ?2)",
	[ST_ADD_PLACE] = "INSERT INTO place(code, kind, parent_id, level, name_ko, name_zh, "
			 "pinyin, name_en) VALUES (?1, ?2, (SELECT id FROM place WHERE code = ?3), "
			 "?4, ?5, ?6, ?7, ?8) ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, "
			 "parent_id = excluded.parent_id, level = excluded.level, "
			 "name_ko = excluded.name_ko, name_zh = excluded.name_zh, "
			 "pinyin = excluded.pinyin, name_en = excluded.name_en",
	[ST_PLACE_BY_CODE] = "SELECT id FROM place WHERE code = ?1",
	/* The rate the deals of a period are converted at: its own, else the latest before,
	 * else the earliest. */
	[ST_RATE_VALUE] = "SELECT coalesce((SELECT cny_per_unit FROM rate WHERE currency = ?1 AND"
			  " period <= ?2 ORDER BY period DESC LIMIT 1), (SELECT cny_per_unit FROM"
			  " rate WHERE currency = ?1 ORDER BY period LIMIT 1))",
	[ST_SET_RATE] = "INSERT INTO rate(currency, period, cny_per_unit, source) "
			"VALUES (?1, ?2, ?3, ?4) ON CONFLICT(currency, period) DO UPDATE SET "
			"cny_per_unit = excluded.cny_per_unit, source = excluded.source",
};

#define STORE_CACHE 24
#define STORE_MATCHES 4

struct store {
	sqlite3 *db;                   /* the connection */
	char *path;                    /* the file, for messages */
	char *errbuf;                  /* store_errmsg's last message */
	double wait_start;             /* when the current wait for a lock began */
	double waited;                 /* how long it has gone on, in seconds */
	char *note;                    /* store_note's, or NULL */
	int wait_shown;                /* the seconds left last told, -1 none */
	sqlite3_stmt *stmt[ST_COUNT];  /* prepared on first use */
	/* Statements made by sqlgen, prepared once and kept while they are in use: a view runs
	 * the same few statements for every window, count and search. */
	struct {
		sqlite3_stmt *st;
		unsigned long used;    /* when it last ran, for dropping the oldest */
	} cache[STORE_CACHE];
	unsigned long clock;
	FILE *trace;                   /* JUBO_TRACE_SQL, or NULL */
	/* A batch of deals (store_bulk_begin): the triggers, and with the indexes the indexes,
	 * taken away until its end, and how to make them again. */
	char **bulk_sql;
	size_t bulk_n;
	int bulk;
	int bulk_text;     /* the text and tally triggers are away: the batch's text and values
			    * go in at the end */
	int article_batch; /* articles' text waits in temp.batch_article_fts for the commit */
	int bulk_indexes;  /* the indexes too: the totals are counted again at the end */
	/* Places looked up by name while this connection writes (an import asks for the same
	 * few cities on every row): a direct-mapped cache, emptied when a transaction begins or
	 * ends and when a place or alias is added, so that it never outlives what it read. */
	int writing;
	struct place_memo {
		char *name;            /* NULL: an empty slot */
		int found;
		struct place place;
	} place_memo[256];
	/* Deals whose text holds a phrase, kept in temporary tables while they are in use. */
	struct {
		char *phrase;
		unsigned long used;
		long long count;
	} matches[STORE_MATCHES];
	/* The deals this import added, by a hash of their issue and identity (deal_identity),
	 * so that a round printed in several of an issue's tables is stored once: an open
	 * addressing table of 32 bytes a deal, hash 0 for an empty slot. */
	struct seen_deal {
		uint64_t hash;
		long long id;
		double amount;         /* the amount's value, when has_amount */
		char currency[4];
		int has_amount;
	} *seen;
	size_t seen_cap, seen_n;
};

static void free_bulk(struct store *s);

static int trace_statement(unsigned type, void *ctx, void *stmt, void *ns)
{
	struct store *s = ctx;
	if (type == SQLITE_TRACE_PROFILE) {
		char *sql = sqlite3_expanded_sql(stmt);
		/* The virtual machine's steps too: unlike the time, a count that does not vary
		 * from run to run, so tests can say that a statement's work does not grow. */
		fprintf(s->trace, "%8.3f ms %10d steps  %s\n", (double)*(sqlite3_int64 *)ns / 1e6,
			sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_VM_STEP, 0),
			sql ? sql : sqlite3_sql(stmt));
		sqlite3_free(sql);
		fflush(s->trace);
	}
	return 0;
}

/* ---- schema ---------------------------------------------------------------------------- */

static const char schema_v1[] =
	"CREATE TABLE issue ("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  publisher TEXT,"
	"  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  date_note TEXT);"
	"CREATE INDEX issue_date ON issue(date);"

	"CREATE TABLE section ("
	"  code TEXT PRIMARY KEY,"
	"  name_ko TEXT NOT NULL UNIQUE,"
	"  name_en TEXT NOT NULL,"
	"  seq INTEGER NOT NULL);"
	"INSERT INTO section VALUES"
	"  ('news', '뉴스', 'News', 1),"
	"  ('industry', '산업분석', 'Industry analysis', 2),"
	"  ('investment', '투자분석', 'Investment analysis', 3),"
	"  ('policy', '정책소개', 'Policy', 4),"
	"  ('region', '지역소개', 'Region', 5),"
	"  ('kic', 'KIC 소식', 'KIC news', 6);"

	"CREATE TABLE article ("
	"  id INTEGER PRIMARY KEY,"
	"  issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  section TEXT NOT NULL REFERENCES section(code),"
	"  date TEXT,"
	"  title TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  UNIQUE (issue_id, seq));"
	"CREATE INDEX article_section ON article(section, issue_id, seq);"
	"CREATE INDEX article_date ON article(date);"
	"CREATE INDEX article_title ON article(title);"
	"CREATE TABLE article_source ("
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (article_id, seq));"
	"CREATE INDEX article_source_name ON article_source(name);"
	"CREATE TABLE article_ref ("
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
	"  num INTEGER NOT NULL,"
	"  label TEXT,"
	"  url TEXT NOT NULL,"
	"  PRIMARY KEY (article_id, num));"
	/* Article text for search; rowid is article.id. See fts.h for the two forms. */
	"CREATE VIRTUAL TABLE article_fts USING fts5("
	"  title_uni, title_bi, body_uni, body_bi, tokenize = 'unicode61');"

	"CREATE TABLE place ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('province', 'city', 'country')),"
	"  parent_id INTEGER REFERENCES place(id),"
	"  level TEXT,"
	"  name_ko TEXT NOT NULL,"
	"  name_zh TEXT,"
	"  pinyin TEXT,"
	"  name_en TEXT);"
	"CREATE INDEX place_parent ON place(parent_id);"
	"CREATE TABLE place_alias ("
	"  alias TEXT PRIMARY KEY COLLATE NOCASE,"
	"  place_id INTEGER NOT NULL REFERENCES place(id) ON DELETE CASCADE);"

	"CREATE TABLE rate ("
	"  currency TEXT NOT NULL,"
	"  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),"
	"  cny_per_unit REAL NOT NULL CHECK (cny_per_unit > 0),"
	"  source TEXT NOT NULL,"
	"  PRIMARY KEY (currency, period));"

	"CREATE TABLE deal ("
	"  id INTEGER PRIMARY KEY,"
	"  issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('investment', 'unicorn', 'ma')),"
	"  scope TEXT NOT NULL CHECK (scope IN ('china', 'overseas')),"
	"  period TEXT NOT NULL,"
	"  date TEXT,"
	"  name_ko TEXT,"
	"  name_zh TEXT,"
	"  round TEXT,"
	"  amount_text TEXT,"
	"  amount_value REAL,"
	"  amount_currency TEXT,"
	"  amount_qualifier TEXT CHECK (amount_qualifier IN "
	"    ('exact', 'approx', 'at_least', 'at_most')),"
	"  amount_undisclosed INTEGER NOT NULL DEFAULT 0,"
	"  amount_cny REAL,"
	"  valuation_text TEXT,"
	"  valuation_value REAL,"
	"  valuation_currency TEXT,"
	"  valuation_qualifier TEXT,"
	"  valuation_cny REAL,"
	"  acquirer TEXT,"
	"  investors TEXT,"
	"  place TEXT,"
	"  province_id INTEGER REFERENCES place(id),"
	"  city_id INTEGER REFERENCES place(id),"
	"  country TEXT,"
	"  sector TEXT,"
	"  description TEXT,"
	"  CHECK (name_ko IS NOT NULL OR name_zh IS NOT NULL),"
	"  UNIQUE (issue_id, seq));"
	/* Every column the Deals pane sorts or filters on, with id as the stable tie-breaker. */
	"CREATE INDEX IF NOT EXISTS deal_kind ON deal(kind, id);"
	"CREATE INDEX IF NOT EXISTS deal_scope ON deal(scope, id);"
	"CREATE INDEX IF NOT EXISTS deal_name_ko ON deal(name_ko, id);"
	"CREATE INDEX IF NOT EXISTS deal_name_zh ON deal(name_zh, id);"
	"CREATE INDEX IF NOT EXISTS deal_round ON deal(round, id);"
	"CREATE INDEX IF NOT EXISTS deal_amount ON deal(amount_cny, id);"
	"CREATE INDEX IF NOT EXISTS deal_valuation ON deal(valuation_cny, id);"
	"CREATE INDEX IF NOT EXISTS deal_province ON deal(province_id, id);"
	"CREATE INDEX IF NOT EXISTS deal_city ON deal(city_id, id);"
	"CREATE INDEX IF NOT EXISTS deal_country ON deal(country, id);"
	"CREATE INDEX IF NOT EXISTS deal_sector ON deal(sector, id);"
	"CREATE INDEX IF NOT EXISTS deal_period ON deal(period, id);"
	"CREATE INDEX IF NOT EXISTS deal_issue ON deal(issue_id, seq);"
	"CREATE TABLE deal_investor ("
	"  deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (deal_id, seq));"
	"CREATE INDEX IF NOT EXISTS deal_investor_name ON deal_investor(name, deal_id);"

	"CREATE TABLE stat ("
	"  id INTEGER PRIMARY KEY,"
	"  issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
	"  period TEXT NOT NULL,"
	"  metric TEXT NOT NULL,"
	"  dimension TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  value REAL,"  /* NULL when the issue gives only the rank */
	"  unit TEXT,"
	"  share REAL,"
	"  rank INTEGER,"
	"  place_id INTEGER REFERENCES place(id));"
	"CREATE INDEX stat_lookup ON stat(dimension, metric, period, value);"
	"CREATE INDEX stat_issue ON stat(issue_id);"

	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  start_date TEXT NOT NULL,"
	"  end_date TEXT NOT NULL CHECK (end_date >= start_date),"
	"  city TEXT,"
	"  place_id INTEGER REFERENCES place(id),"
	"  field TEXT,"
	"  UNIQUE (issue_id, seq));"
	"CREATE INDEX event_start ON event(start_date, id);"
	"CREATE INDEX event_end ON event(end_date, id);"
	"CREATE INDEX event_field ON event(field, id);"
	"CREATE INDEX event_place ON event(place_id, id);";

static int add_place(struct store *s, const struct place_row *row);
static void forget_places(struct store *s);
static int stream_rows(sqlite3_stmt *st, store_row_fn fn, void *ctx);

/* Version 2: the built-in gazetteer. */
static int seed_gazetteer(struct store *s)
{
	for (size_t i = 0; i < gazetteer_count; i++)
		if (add_place(s, &gazetteer_places[i]) != 0)
			return -1;
	return 0;
}

struct migration {
	const char *sql;               /* run first, if not NULL */
	int (*run)(struct store *s);   /* then this, if not NULL */
};

/* Version 3: ascending sorts put rows without a value last ("x IS NULL, x"); these indexes
 * serve them, so that the first screen of a sorted million deals is read, not sorted. The
 * plain indexes of version 1 serve descending sorts. */
static const char sort_indexes_v3[] =
	"CREATE INDEX IF NOT EXISTS deal_amount_asc ON deal(amount_cny IS NULL, amount_cny, id);"
	"CREATE INDEX IF NOT EXISTS deal_valuation_asc ON deal(valuation_cny IS NULL, valuation_cny, id);"
	"CREATE INDEX IF NOT EXISTS deal_name_ko_asc ON deal(name_ko IS NULL, name_ko, id);"
	"CREATE INDEX IF NOT EXISTS deal_name_zh_asc ON deal(name_zh IS NULL, name_zh, id);"
	"CREATE INDEX IF NOT EXISTS deal_round_asc ON deal(round IS NULL, round, id);"
	"CREATE INDEX IF NOT EXISTS deal_sector_asc ON deal(sector IS NULL, sector, id);"
	"CREATE INDEX IF NOT EXISTS deal_country_asc ON deal(country IS NULL, country, id);"
	"CREATE INDEX IF NOT EXISTS deal_kind_asc ON deal(kind IS NULL, kind, id);"
	"CREATE INDEX IF NOT EXISTS deal_scope_asc ON deal(scope IS NULL, scope, id);"
	"CREATE INDEX IF NOT EXISTS deal_when ON deal(coalesce(date, period), id);"
	"CREATE INDEX IF NOT EXISTS deal_when_asc ON deal(coalesce(date, period) IS NULL, coalesce(date, period), id);"
	"CREATE INDEX IF NOT EXISTS article_issue ON article(issue_id, seq);"
	"CREATE INDEX IF NOT EXISTS event_issue ON event(issue_id, seq);";

/* Version 4: filters by place or kind keep the natural order (issue, then the issue's
 * order) an index read instead of a sort of every matching row. */
static const char filter_indexes_v4[] =
	"CREATE INDEX IF NOT EXISTS deal_province_issue ON deal(province_id, issue_id, seq);"
	"CREATE INDEX IF NOT EXISTS deal_city_issue ON deal(city_id, issue_id, seq);"
	"CREATE INDEX IF NOT EXISTS deal_kind_issue ON deal(kind, issue_id, seq);"
	"CREATE INDEX IF NOT EXISTS deal_scope_issue ON deal(scope, issue_id, seq);";

/* Version 5: windows are read in two parts, the rows with a value for the sort key and those
 * without (sqlgen.h), so the plain indexes of version 1 serve both directions and the
 * "IS NULL" indexes of version 3 only slow imports down. A filter by province sorted by
 * amount, the commonest pair, has its own index. */
static const char seek_indexes_v5[] =
	"DROP INDEX IF EXISTS deal_amount_asc;"
	"DROP INDEX IF EXISTS deal_valuation_asc;"
	"DROP INDEX IF EXISTS deal_name_ko_asc;"
	"DROP INDEX IF EXISTS deal_name_zh_asc;"
	"DROP INDEX IF EXISTS deal_round_asc;"
	"DROP INDEX IF EXISTS deal_sector_asc;"
	"DROP INDEX IF EXISTS deal_country_asc;"
	"DROP INDEX IF EXISTS deal_kind_asc;"
	"DROP INDEX IF EXISTS deal_scope_asc;"
	"DROP INDEX IF EXISTS deal_when_asc;"
	"CREATE INDEX IF NOT EXISTS deal_province_amount ON deal(province_id, amount_cny, id);";

/* Version 6: a full-text index of every deal's text (trigram: any substring of three or more
 * characters, as LIKE '%...%' finds it), for words in the Deals filter and for / in Deals.
 * The text ends with a newline, so that every two characters of it begin some trigram: a
 * two-character word is found through the trigrams it begins (deal_text_terms lists them).
 * Its content is a view of the deal table, so the text is not stored twice; triggers keep it
 * in step. The period index goes (the date index covers it); places get an index by name, so
 * that a sort by region or city walks the places in name order and each one's deals by the
 * province and city indexes; the province and amount index also holds the place as written, so that a
 * breakdown by region reads that index alone; and the counts of investments per issue,
 * period and place (the Regions pane, `jubo list regions`) read one index. */
#define DEAL_TEXT_COLUMNS(d)                                                                     \
	"coalesce(" d ".name_ko, '') || char(10) || coalesce(" d ".name_zh, '') || char(10) ||" \
	" coalesce(" d ".round, '') || char(10) || coalesce(" d ".sector, '') || char(10) ||"    \
	" coalesce(" d ".description, '') || char(10) || coalesce(" d ".place, '') || char(10) ||" \
	" coalesce(" d ".investors, '') || char(10) || coalesce(" d ".acquirer, '') || char(10) ||" \
	" coalesce(" d ".amount_text, '') || char(10) || coalesce(" d ".country, '') || char(10) ||" \
	" coalesce(" d ".kind, '')"
static const char deal_text_v6[] =
	"DROP INDEX IF EXISTS deal_province_amount;"
	"CREATE INDEX IF NOT EXISTS deal_province_place ON deal(province_id, amount_cny, id, place);"
	"CREATE INDEX IF NOT EXISTS deal_place_counts ON deal(kind, issue_id, period, province_id,"
	" city_id);"
	"CREATE INDEX IF NOT EXISTS place_name ON place(name_ko, id);"
	"DROP INDEX IF EXISTS deal_period;"
	"CREATE VIEW IF NOT EXISTS deal_text_source AS SELECT d.id AS id, " DEAL_TEXT_COLUMNS("d") " || char(10) ||"
	" coalesce((SELECT name_ko FROM place WHERE id = d.province_id), '') || char(10) ||"
	" coalesce((SELECT name_ko FROM place WHERE id = d.city_id), '') || char(10) AS text"
	" FROM deal d;"
	"CREATE VIRTUAL TABLE IF NOT EXISTS deal_text USING fts5(text, content='deal_text_source',"
	" content_rowid='id', tokenize='trigram case_sensitive 0');"
	"INSERT INTO deal_text(deal_text) VALUES ('rebuild');"
	"CREATE VIRTUAL TABLE IF NOT EXISTS deal_text_terms USING fts5vocab(deal_text, 'row');"
	"CREATE TRIGGER IF NOT EXISTS deal_text_insert AFTER INSERT ON deal BEGIN"
	" INSERT INTO deal_text(rowid, text) SELECT id, text FROM deal_text_source WHERE id = new.id;"
	" END;"
	"CREATE TRIGGER IF NOT EXISTS deal_text_delete BEFORE DELETE ON deal BEGIN"
	" INSERT INTO deal_text(deal_text, rowid, text)"
	"  SELECT 'delete', id, text FROM deal_text_source WHERE id = old.id;"
	" END;"
	"CREATE TRIGGER IF NOT EXISTS deal_text_unset BEFORE UPDATE OF name_ko, name_zh, round, sector,"
	" description, place, investors, acquirer, amount_text, country, kind, province_id, city_id"
	" ON deal BEGIN"
	" INSERT INTO deal_text(deal_text, rowid, text)"
	"  SELECT 'delete', id, text FROM deal_text_source WHERE id = old.id;"
	" END;"
	"CREATE TRIGGER IF NOT EXISTS deal_text_set AFTER UPDATE OF name_ko, name_zh, round, sector,"
	" description, place, investors, acquirer, amount_text, country, kind, province_id, city_id"
	" ON deal BEGIN"
	" INSERT INTO deal_text(rowid, text) SELECT id, text FROM deal_text_source WHERE id = new.id;"
	" END;";

/* Version 7: the count and amount of every deal by province (or, without one, by the place
 * as written), kept in step by triggers: the breakdown of every deal by region reads it
 * instead of a million rows. amount_n counts the amounts known, so that a sum of none stays
 * unknown. */
#define DEAL_TOTALS_ADD(r)                                                                      \
	"INSERT INTO deal_totals (province_id, place, n, amount, amount_n) VALUES ("             \
	" coalesce(" r ".province_id, 0), CASE WHEN " r ".province_id IS NULL THEN"              \
	" coalesce(" r ".place, '') ELSE '' END, 1, coalesce(" r ".amount_cny, 0),"              \
	" " r ".amount_cny IS NOT NULL) ON CONFLICT (province_id, place) DO UPDATE SET"         \
	" n = n + 1, amount = amount + excluded.amount, amount_n = amount_n + excluded.amount_n;"
#define DEAL_TOTALS_SUB(r)                                                                      \
	"UPDATE deal_totals SET n = n - 1, amount = amount - coalesce(" r ".amount_cny, 0),"     \
	" amount_n = amount_n - (" r ".amount_cny IS NOT NULL) WHERE province_id ="            \
	" coalesce(" r ".province_id, 0) AND place = CASE WHEN " r ".province_id IS NULL THEN"  \
	" coalesce(" r ".place, '') ELSE '' END;"
/* The totals counted afresh over every deal (the migration, and the end of a bulk load). */
#define DEAL_TOTALS_RECOUNT                                                                     \
	"DELETE FROM deal_totals;"                                                              \
	"INSERT INTO deal_totals SELECT coalesce(province_id, 0), CASE WHEN province_id IS NULL" \
	" THEN coalesce(place, '') ELSE '' END, count(*), coalesce(sum(amount_cny), 0),"        \
	" count(amount_cny) FROM deal GROUP BY 1, 2;"
static const char deal_totals_v7[] =
	"CREATE TABLE IF NOT EXISTS deal_totals ("
	"  province_id INTEGER NOT NULL,"   /* 0 for none */
	"  place TEXT NOT NULL,"            /* the place as written when there is no province */
	"  n INTEGER NOT NULL,"
	"  amount REAL NOT NULL,"
	"  amount_n INTEGER NOT NULL,"
	"  PRIMARY KEY (province_id, place));"
	DEAL_TOTALS_RECOUNT
	"CREATE TRIGGER IF NOT EXISTS deal_totals_insert AFTER INSERT ON deal BEGIN "
	DEAL_TOTALS_ADD("new") " END;"
	"CREATE TRIGGER IF NOT EXISTS deal_totals_delete AFTER DELETE ON deal BEGIN "
	DEAL_TOTALS_SUB("old") " END;"
	"CREATE TRIGGER IF NOT EXISTS deal_totals_update AFTER UPDATE OF province_id, place,"
	" amount_cny ON deal BEGIN " DEAL_TOTALS_SUB("old") DEAL_TOTALS_ADD("new") " END;";

/* Version 8: a deal is one deal. A round printed in several of an issue's tables (a big deal
 * that made a new unicorn) was one row per table; it becomes one row whose tags say where it
 * was printed (DEAL_TAG_*), and kind says only what it is: a financing round (investment) or
 * an M&A. The unicorn rows fold into the big deal of the same issue, scope, period, names,
 * round and amount; what only they told (the valuation, investors) comes along. The text
 * index learns the tags; kind:unicorn reads a small index of its own. */
#define DEAL_TEXT_V8                                                                            \
	"CREATE VIEW deal_text_source AS SELECT d.id AS id, " DEAL_TEXT_COLUMNS("d") " || char(10) ||" \
	" coalesce((SELECT name_ko FROM place WHERE id = d.province_id), '') || char(10) ||"    \
	" coalesce((SELECT name_ko FROM place WHERE id = d.city_id), '') || char(10) ||"        \
	" " STORE_DEAL_TAGS_TEXT("d") " || char(10) AS text FROM deal d;"
static const char deal_tags_v8[] =
	"UPDATE deal SET tags = CASE kind WHEN 'investment' THEN 1 WHEN 'unicorn' THEN 2 ELSE 4 END"
	" WHERE tags = 0;"
	/* By name: the planner would otherwise walk an issue's deals for every unicorn row. */
	"CREATE TEMP TABLE deal_fold AS SELECT u.id AS dup, (SELECT v.id FROM deal v INDEXED BY"
	" deal_name_ko WHERE"
	" v.issue_id = u.issue_id AND v.kind = 'investment' AND v.scope = u.scope AND"
	" v.period = u.period AND v.name_ko IS u.name_ko AND v.name_zh IS u.name_zh AND"
	" v.round IS u.round AND v.amount_value IS u.amount_value AND v.amount_currency IS"
	" u.amount_currency ORDER BY v.seq LIMIT 1) AS keep"
	" FROM deal u WHERE u.kind = 'unicorn';"
	"DELETE FROM temp.deal_fold WHERE keep IS NULL;"
	"UPDATE deal SET tags = tags | 2,"
	" valuation_text = coalesce(valuation_text, (SELECT u.valuation_text FROM deal u JOIN"
	"  temp.deal_fold f ON f.dup = u.id WHERE f.keep = deal.id)),"
	" valuation_value = coalesce(valuation_value, (SELECT u.valuation_value FROM deal u JOIN"
	"  temp.deal_fold f ON f.dup = u.id WHERE f.keep = deal.id)),"
	" valuation_currency = coalesce(valuation_currency, (SELECT u.valuation_currency FROM deal"
	"  u JOIN temp.deal_fold f ON f.dup = u.id WHERE f.keep = deal.id)),"
	" valuation_qualifier = coalesce(valuation_qualifier, (SELECT u.valuation_qualifier FROM"
	"  deal u JOIN temp.deal_fold f ON f.dup = u.id WHERE f.keep = deal.id)),"
	" valuation_cny = coalesce(valuation_cny, (SELECT u.valuation_cny FROM deal u JOIN"
	"  temp.deal_fold f ON f.dup = u.id WHERE f.keep = deal.id)),"
	" investors = coalesce(investors, (SELECT u.investors FROM deal u JOIN temp.deal_fold f"
	"  ON f.dup = u.id WHERE f.keep = deal.id))"
	" WHERE id IN (SELECT keep FROM temp.deal_fold);"
	/* Investors listed only with the unicorn row go to the deal that stays. */
	"UPDATE deal_investor SET deal_id = (SELECT keep FROM temp.deal_fold WHERE dup = deal_id)"
	" WHERE deal_id IN (SELECT dup FROM temp.deal_fold f WHERE NOT EXISTS (SELECT 1 FROM"
	" deal_investor k WHERE k.deal_id = f.keep));"
	"DELETE FROM deal WHERE id IN (SELECT dup FROM temp.deal_fold);"
	"DROP TABLE temp.deal_fold;"
	"UPDATE deal SET kind = 'investment' WHERE kind = 'unicorn';"
	"DROP TRIGGER IF EXISTS deal_text_unset;"
	"DROP TRIGGER IF EXISTS deal_text_set;"
	"DROP VIEW IF EXISTS deal_text_source;"
	DEAL_TEXT_V8
	"INSERT INTO deal_text(deal_text) VALUES ('rebuild');"
	"CREATE TRIGGER IF NOT EXISTS deal_text_unset BEFORE UPDATE OF name_ko, name_zh, round, sector,"
	" description, place, investors, acquirer, amount_text, country, kind, province_id, city_id,"
	" tags ON deal BEGIN"
	" INSERT INTO deal_text(deal_text, rowid, text)"
	"  SELECT 'delete', id, text FROM deal_text_source WHERE id = old.id;"
	" END;"
	"CREATE TRIGGER IF NOT EXISTS deal_text_set AFTER UPDATE OF name_ko, name_zh, round, sector,"
	" description, place, investors, acquirer, amount_text, country, kind, province_id, city_id,"
	" tags ON deal BEGIN"
	" INSERT INTO deal_text(rowid, text) SELECT id, text FROM deal_text_source WHERE id = new.id;"
	" END;"
	"DROP INDEX IF EXISTS deal_kind;"
	"CREATE INDEX IF NOT EXISTS deal_tags ON deal(tags, id);"
	"CREATE INDEX IF NOT EXISTS deal_unicorn ON deal(issue_id, seq) WHERE tags & 2;";

static int exec(struct store *s, const char *sql);

/* The column of version 8, added unless it is there (a store brought forward from an older
 * version again has it already): ALTER TABLE knows no IF NOT EXISTS. */
static int add_tags_column(struct store *s)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM pragma_table_info('deal') WHERE name ="
				      " 'tags'", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int has = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (has < 0 || (!has && exec(s, "ALTER TABLE deal ADD COLUMN tags INTEGER NOT NULL DEFAULT 0;") != 0))
		return -1;
	return exec(s, deal_tags_v8);
}

/* Provinces by Korean name, unique where the gazetteer allows it: then a sort by region
 * walks the provinces by name with no sorting at all (a name shared by two would need one). */
static int province_name_index(struct store *s)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT count(*) FROM (SELECT name_ko FROM place WHERE kind = 'province'"
			       " GROUP BY name_ko HAVING count(*) > 1)",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	int shared = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (shared < 0)
		return -1;
	return exec(s, shared ? "CREATE INDEX IF NOT EXISTS place_province_name ON place(name_ko)"
				" WHERE kind = 'province'"
			      : "CREATE UNIQUE INDEX IF NOT EXISTS place_province_name ON"
				" place(name_ko) WHERE kind = 'province'");
}

/* deal_issue repeated the index of the table's UNIQUE (issue_id, seq), and every deal
 * written kept both. */
static const char drop_deal_issue_v9[] = "DROP INDEX IF EXISTS deal_issue;";

/* Version 10: how many articles, deals, events and statistics each issue holds, kept in step
 * by triggers like the totals: the list of issues (i, jubo list issues) reads a row per issue
 * instead of counting every row of the archive each time it opens (80 ms for a million
 * deals). The counts go with their issue, foreign keys on or off. */
#define ISSUE_COUNT_TRIGGERS(table, column)                                                     \
	"CREATE TRIGGER IF NOT EXISTS issue_counts_" table "_insert AFTER INSERT ON " table       \
	" BEGIN UPDATE issue_counts SET " column " = " column " + 1 WHERE issue_id ="             \
	" new.issue_id; END;"                                                                   \
	"CREATE TRIGGER IF NOT EXISTS issue_counts_" table "_delete AFTER DELETE ON " table       \
	" BEGIN UPDATE issue_counts SET " column " = " column " - 1 WHERE issue_id ="             \
	" old.issue_id; END;"                                                                   \
	"CREATE TRIGGER IF NOT EXISTS issue_counts_" table "_move AFTER UPDATE OF issue_id ON "   \
	table " WHEN old.issue_id IS NOT new.issue_id BEGIN"                                    \
	" UPDATE issue_counts SET " column " = " column " - 1 WHERE issue_id = old.issue_id;"     \
	" UPDATE issue_counts SET " column " = " column " + 1 WHERE issue_id = new.issue_id; END;"
/* One count afresh for every issue (the migration, and deals at the end of a bulk load). */
#define ISSUE_COUNT_RECOUNT(table, column)                                                      \
	"UPDATE issue_counts SET " column " = (SELECT count(*) FROM " table " x WHERE"            \
	" x.issue_id = issue_counts.issue_id);"
static const char issue_counts_v10[] =
	"CREATE TABLE IF NOT EXISTS issue_counts ("
	"  issue_id INTEGER PRIMARY KEY REFERENCES issue(id) ON DELETE CASCADE,"
	"  articles INTEGER NOT NULL DEFAULT 0,"
	"  deals INTEGER NOT NULL DEFAULT 0,"
	"  events INTEGER NOT NULL DEFAULT 0,"
	"  stats INTEGER NOT NULL DEFAULT 0);"
	"INSERT OR IGNORE INTO issue_counts(issue_id) SELECT id FROM issue;"
	ISSUE_COUNT_RECOUNT("article", "articles")
	ISSUE_COUNT_RECOUNT("deal", "deals")
	ISSUE_COUNT_RECOUNT("event", "events")
	ISSUE_COUNT_RECOUNT("stat", "stats")
	"CREATE TRIGGER IF NOT EXISTS issue_counts_issue AFTER INSERT ON issue BEGIN"
	" INSERT OR IGNORE INTO issue_counts(issue_id) VALUES (new.id); END;"
	/* Also for a program that deletes with foreign keys off. */
	"CREATE TRIGGER IF NOT EXISTS issue_counts_issue_delete AFTER DELETE ON issue BEGIN"
	" DELETE FROM issue_counts WHERE issue_id = old.id; END;"
	ISSUE_COUNT_TRIGGERS("article", "articles")
	ISSUE_COUNT_TRIGGERS("deal", "deals")
	ISSUE_COUNT_TRIGGERS("event", "events")
	ISSUE_COUNT_TRIGGERS("stat", "stats");

/* Version 11: the count and amount of every value of every column of the deals, for every
 * deal and for each province's deals, kept in step by triggers: a breakdown of every deal,
 * or of one province's (region:장쑤, 135,973 of a million), reads the first values of one
 * index in count order instead of grouping every row the filter leaves (0.4-1.6 s). The
 * values are those the Deals columns show (the listing's expressions, the investors one by
 * one); a missing value is an empty blob, which sorts after every text and number, as a
 * missing value comes last in a breakdown. The id and the description, a value a deal, are
 * not kept; an issue is kept by its id (a deal may outlive its issue's row for a moment, as
 * a cascade deletes it). deal_tally_source gives a deal's values; the triggers add them for a deal
 * written and take them away (before) for a deal deleted or changed; an investor added or
 * taken away adds or takes away its own. A value whose count falls to 0 goes. */
#define TALLY_VALUE(from, col, expr) \
	" UNION ALL SELECT d.id, '" col "', " expr ", d.province_id, d.amount_cny" from
/* Each deal's values, deals from FROM (naming them d), its investors' through INVESTORS (a
 * join of deal_investor inv and d): deal_id, col, value, province_id, amount. */
#define TALLY_VALUES(from, investors)                                                           \
	" SELECT d.id AS deal_id, 'issue' AS col, d.issue_id AS value, d.province_id AS"        \
	" province_id, d.amount_cny AS amount" from                                             \
	TALLY_VALUE(from, "scope", "d.scope")                                                        \
	TALLY_VALUE(from, "company", "d.name_ko")                                                    \
	TALLY_VALUE(from, "company_zh", "d.name_zh")                                                 \
	TALLY_VALUE(from, "amount", "d.amount_text")                                                 \
	TALLY_VALUE(from, "kind", STORE_DEAL_KIND_TEXT("d"))                                         \
	TALLY_VALUE(from, "tables", STORE_DEAL_TAGS_TEXT("d"))                                       \
	TALLY_VALUE(from, "round", "d.round")                                                        \
	TALLY_VALUE(from, "amount_cny", "CASE WHEN d.amount_cny IS NOT NULL THEN printf('%.0f',"     \
					"d.amount_cny) END")                                          \
	TALLY_VALUE(from, "valuation", "d.valuation_text")                                           \
	TALLY_VALUE(from, "acquirer", "d.acquirer")                                                  \
	TALLY_VALUE(from, "region", "coalesce((SELECT name_ko FROM place WHERE id = d.province_id)," \
				    " CASE WHEN d.province_id IS NULL THEN d.place END)")             \
	TALLY_VALUE(from, "city", "(SELECT name_ko FROM place WHERE id = d.city_id)")                \
	TALLY_VALUE(from, "country", "d.country")                                                    \
	TALLY_VALUE(from, "place", "d.place")                                                        \
	TALLY_VALUE(from, "sector", "d.sector")                                                      \
	TALLY_VALUE(from, "period", "d.period")                                                      \
	TALLY_VALUE(from, "date", "d.date")                                                          \
	" UNION ALL SELECT inv.deal_id, 'investors', inv.name, d.province_id, d.amount_cny" investors
#define DEAL_TALLY_SOURCE                                                                       \
	"CREATE VIEW IF NOT EXISTS deal_tally_source (deal_id, col, value, province_id, amount) AS" \
	TALLY_VALUES(" FROM deal d", " FROM deal_investor inv JOIN deal d ON d.id = inv.deal_id") ";"
/* Counts of values already kept grow by those added. */
#define TALLY_UPSERT                                                                            \
	" ON CONFLICT (col, region, value) DO UPDATE SET n = n + excluded.n,"                     \
	" amount = amount + excluded.amount, amount_n = amount_n + excluded.amount_n;"
/* The values of many deals at once (SQLite does not take a condition on the view's deal_id
 * other than = into its parts): those of FROM, grouped by province in a temporary table,
 * then added for every deal and for each province. */
#define TALLY_ADD_MANY(from, investors)                                                         \
	"CREATE TEMP TABLE tally_many AS SELECT col, province_id, coalesce(value, x'') AS value,"  \
	" count(*) AS n, total(amount) AS amount, count(amount) AS amount_n FROM ("               \
	TALLY_VALUES(from, investors) ") GROUP BY 1, 2, 3;"                                       \
	"INSERT INTO deal_tally (col, region, value, n, amount, amount_n) SELECT col, 0, value,"  \
	" sum(n), sum(amount), sum(amount_n) FROM temp.tally_many GROUP BY 1, 3"                  \
	TALLY_UPSERT                                                                            \
	"INSERT INTO deal_tally (col, region, value, n, amount, amount_n) SELECT col, province_id," \
	" value, n, amount, amount_n FROM temp.tally_many WHERE province_id IS NOT NULL"           \
	TALLY_UPSERT                                                                            \
	"DROP TABLE temp.tally_many;"
/* The values of the rows of SOURCE (a SELECT of col, value, province_id, amount) grouped for
 * every deal (region 0) and by province: col, region, value, n, amount, amount_n. */
#define TALLY_GROUPED(source)                                                                   \
	"SELECT col, 0 AS region, coalesce(value, x'') AS value, count(*) AS n,"                \
	" total(amount) AS amount, count(amount) AS amount_n FROM (" source ") GROUP BY 1, 3"  \
	" UNION ALL SELECT col, province_id, coalesce(value, x''), count(*), total(amount),"    \
	" count(amount) FROM (" source ") WHERE province_id IS NOT NULL GROUP BY 1, 2, 3"
#define TALLY_ADD(source)                                                                       \
	"INSERT INTO deal_tally (col, region, value, n, amount, amount_n) SELECT * FROM ("       \
	TALLY_GROUPED(source) ") WHERE true" TALLY_UPSERT
#define TALLY_SUB(source)                                                                       \
	"UPDATE deal_tally SET n = deal_tally.n - s.n, amount = deal_tally.amount - s.amount,"   \
	" amount_n = deal_tally.amount_n - s.amount_n FROM (" TALLY_GROUPED(source) ") AS s"   \
	" WHERE deal_tally.col = s.col AND deal_tally.region = s.region"                        \
	" AND deal_tally.value = s.value;"
#define TALLY_OF_DEAL(id)                                                                       \
	"SELECT col, value, province_id, amount FROM deal_tally_source WHERE deal_id = " id
#define TALLY_OF_INVESTOR(r)                                                                    \
	"SELECT 'investors' AS col, " r ".name AS value, d.province_id, d.amount_cny AS amount"  \
	" FROM deal d WHERE d.id = " r ".deal_id"
/* The columns whose values the tally keeps (what a change of them changes). */
#define TALLY_COLUMNS                                                                           \
	"issue_id, scope, name_ko, name_zh, amount_text, kind, tags, round, amount_cny,"        \
	" valuation_text, acquirer, province_id, city_id, country, place, sector, period, date"
/* Every value afresh (the migration). */
#define DEAL_TALLY_RECOUNT                                                                      \
	"DELETE FROM deal_tally;"                                                               \
	TALLY_ADD_MANY(" FROM deal d", " FROM deal_investor inv JOIN deal d ON d.id = inv.deal_id")
static const char deal_tally_v11[] =
	"CREATE TABLE IF NOT EXISTS deal_tally ("
	"  col TEXT NOT NULL,"          /* the column's name in the listing */
	"  region INTEGER NOT NULL,"    /* 0: every deal; else the province's id */
	"  value NOT NULL,"             /* as the column shows it; x'' for none */
	"  n INTEGER NOT NULL,"
	"  amount REAL NOT NULL,"       /* the sum of the amounts known, in yuan */
	"  amount_n INTEGER NOT NULL,"  /* how many are known */
	"  PRIMARY KEY (col, region, value)) WITHOUT ROWID;"
	DEAL_TALLY_SOURCE
	DEAL_TALLY_RECOUNT
	"CREATE INDEX IF NOT EXISTS deal_tally_rank ON deal_tally (col, region, n DESC, value);"
	"CREATE TRIGGER IF NOT EXISTS deal_tally_empty AFTER UPDATE OF n ON deal_tally"
	" WHEN new.n <= 0 BEGIN DELETE FROM deal_tally WHERE col = new.col AND region = new.region"
	" AND value = new.value; END;"
	"CREATE TRIGGER IF NOT EXISTS deal_tally_insert AFTER INSERT ON deal BEGIN "
	TALLY_ADD(TALLY_OF_DEAL("new.id")) " END;"
	"CREATE TRIGGER IF NOT EXISTS deal_tally_delete BEFORE DELETE ON deal BEGIN "
	TALLY_SUB(TALLY_OF_DEAL("old.id")) " END;"
	"CREATE TRIGGER IF NOT EXISTS deal_tally_unset BEFORE UPDATE OF " TALLY_COLUMNS
	" ON deal BEGIN " TALLY_SUB(TALLY_OF_DEAL("old.id")) " END;"
	"CREATE TRIGGER IF NOT EXISTS deal_tally_set AFTER UPDATE OF " TALLY_COLUMNS
	" ON deal BEGIN " TALLY_ADD(TALLY_OF_DEAL("new.id")) " END;"
	/* An investor of a deal still there (a deal deleted took its investors away with it). */
	"CREATE TRIGGER IF NOT EXISTS deal_tally_investor_insert AFTER INSERT ON deal_investor"
	" BEGIN " TALLY_ADD(TALLY_OF_INVESTOR("new")) " END;"
	"CREATE TRIGGER IF NOT EXISTS deal_tally_investor_delete AFTER DELETE ON deal_investor"
	" BEGIN " TALLY_SUB(TALLY_OF_INVESTOR("old")) " END;"
	"CREATE TRIGGER IF NOT EXISTS deal_tally_investor_update AFTER UPDATE OF deal_id, name"
	" ON deal_investor BEGIN " TALLY_SUB(TALLY_OF_INVESTOR("old"))
	TALLY_ADD(TALLY_OF_INVESTOR("new")) " END;";

static const struct migration migrations[] = {
	{ schema_v1, NULL },
	{ NULL, seed_gazetteer },
	{ sort_indexes_v3, NULL },
	{ filter_indexes_v4, NULL },
	{ seek_indexes_v5, NULL },
	{ deal_text_v6, province_name_index },
	{ deal_totals_v7, NULL },
	{ NULL, add_tags_column },
	{ drop_deal_issue_v9, NULL },
	{ issue_counts_v10, NULL },
	{ deal_tally_v11, NULL },
};

#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))

int store_latest_version(void)
{
	return MIGRATION_COUNT;
}

/* ---- opening --------------------------------------------------------------------------- */

char *store_default_path(void)
{
	/* NULL without a home: store_home_problem says why. */
	return user_file_path("JUBO_DB", "XDG_DATA_HOME", ".local/share", "jubo.db");
}

char *store_home_problem(void)
{
	const char *home = getenv("HOME");
	if (!home || !*home)
		return xstrdup(_("HOME is not set and the account has no home directory: name a "
				 "store with --db FILE or JUBO_DB"));
	return xasprintf(_("the home directory %s is not there (HOME): name a store with --db "
			   "FILE or JUBO_DB"),
			 home);
}

int store_make_parent_dirs(const char *path)
{
	char *dir = dir_of(path);
	if (strcmp(dir, ".") == 0 || strcmp(dir, "/") == 0) {
		free(dir);
		return 0;
	}
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			free(dir);
			return -1;
		}
		*p = '/';
	}
	int rc = mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
	free(dir);
	return rc;
}

static sqlite3_stmt *stmt(struct store *s, enum stmt_id id)
{
	if (!s->stmt[id] && sqlite3_prepare_v2(s->db, stmt_sql[id], -1, &s->stmt[id], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(s->stmt[id]);
	sqlite3_clear_bindings(s->stmt[id]);
	return s->stmt[id];
}

static int exec(struct store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* The schema version in *v: 0, or -1 when it cannot be read (the SQLite error says why). */
static int read_version(struct store *s, int *v)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int store_version(struct store *s)
{
	int v;
	return read_version(s, &v) == 0 ? v : -1;
}

/* ---- a store another program holds ---------------------------------------------------- */

static int lock_wait_seconds = 5;
static store_wait_fn wait_notice;
static int (*wait_stop)(void *ctx);
static void *wait_notice_ctx;

void store_set_lock_wait(int seconds)
{
	lock_wait_seconds = seconds < 0 ? 0 : seconds;
}

void store_set_wait_notice(store_wait_fn fn, int (*stop)(void *ctx), void *ctx)
{
	wait_notice = fn;
	wait_stop = stop;
	wait_notice_ctx = ctx;
}

/* The pid of a process holding a lock that conflicts with a write lock on bytes
 * [start, start + len) of file, or 0. */
static pid_t lock_owner(const char *file, off_t start, off_t len)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return 0;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start,
			    .l_len = len };
	pid_t pid = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK ? fl.l_pid : 0;
	close(fd);
	return pid;
}

char *store_lock_holder(const char *path)
{
	/* SQLite's locks are POSIX record locks: in rollback mode on the database file's
	 * pending, reserved and shared bytes (from 1 GiB), in WAL mode on the write, checkpoint
	 * and recovery bytes of the -shm index (from byte 120). */
	char *shm = xasprintf("%s-shm", path);
	pid_t pid = lock_owner(path, 0x40000000, 2 + 510);
	if (!pid)
		pid = lock_owner(shm, 120, 3);
	free(shm);
	if (pid <= 0)
		return NULL;
	char proc[64], name[64] = "";
	snprintf(proc, sizeof proc, "/proc/%ld/comm", (long)pid);
	FILE *f = fopen(proc, "r");
	if (f) {
		if (!fgets(name, sizeof name, f))
			name[0] = '\0';
		fclose(f);
		name[strcspn(name, "\n")] = '\0';
	}
	return *name ? xasprintf(_("%s (process %ld)"), name, (long)pid)
		     : xasprintf(_("process %ld"), (long)pid);
}

static double monotonic_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* SQLite's busy handler: wait in steps of 50 ms up to the bound, telling the user once a
 * second who holds the store and how long is left. 0 gives up (SQLITE_BUSY). */
static int busy_wait(void *arg, int count)
{
	struct store *s = arg;
	double now = monotonic_seconds();
	if (count == 0) {
		s->wait_start = now;
		s->wait_shown = -1;
	}
	double left = (double)lock_wait_seconds - (now - s->wait_start);
	/* Stopped before it began (the user gave up on an earlier statement of the same key),
	 * the time told stays that statement's. */
	if (wait_stop && wait_stop(wait_notice_ctx)) {
		if (count > 0)
			s->waited = now - s->wait_start;
		return 0;
	}
	s->waited = now - s->wait_start;
	if (left <= 0)
		return 0;
	int whole = (int)ceil(left);
	if (wait_notice && whole != s->wait_shown) {
		char *holder = store_lock_holder(s->path);
		wait_notice(wait_notice_ctx, s->path, holder, whole);
		free(holder);
		s->wait_shown = whole;
	}
	struct timespec step = { 0, 50 * 1000 * 1000 };
	nanosleep(&step, NULL);
	return 1;
}

/* What a store that is locked, damaged, full or read-only means for the user (malloc'd), or
 * NULL for any other error. */
static char *store_problem(struct store *s, const char *path)
{
	int code = sqlite3_errcode(s->db) & 0xFF;
	const char *msg = sqlite3_errmsg(s->db);
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: {
		char *holder = store_lock_holder(path);
		char *text = xasprintf(_("the store %s is locked by %s; jubo waited %d s: try "
					 "again when it is done, or wait longer with --wait=SECONDS"),
				       path, holder ? holder : _("another program"),
				       (int)(s->waited + 0.5));
		free(holder);
		return text;
	}
	case SQLITE_IOERR: {
		int e = sqlite3_system_errno(s->db);
		if (e != ENOSPC)
			return xasprintf(_("cannot read or write the store %s: %s (%s)"), path,
					 e ? strerror(e) : msg, msg);
		msg = strerror(e); /* a write the disk had no room for: a full disk */
	}
		/* fall through */
	case SQLITE_FULL:
		return xasprintf(_("the disk that holds %s is full (%s): free some space and try "
				   "again; the store is as it was"),
				 path, msg);
	case SQLITE_CORRUPT:
		return xasprintf(_("the store %s is damaged (%s): restore it from a copy, or import "
				   "the issues into a new store (--db NEWFILE)"),
				 path, msg);
	case SQLITE_READONLY:
		return xasprintf(_("the store %s is read-only for jubo (%s): can this user write it "
				   "and its directory?"),
				 path, msg);
	default:
		return NULL;
	}
}

/* What an SQLite error means for the user, for a store at path that could not be opened or
 * read (malloc'd). */
static char *open_problem(struct store *s, const char *path)
{
	int code = sqlite3_errcode(s->db) & 0xFF;
	const char *msg = sqlite3_errmsg(s->db);
	char *problem = code == SQLITE_READONLY ? NULL : store_problem(s, path);
	if (problem)
		return problem;
	switch (code) {
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return xasprintf(_("cannot open the store %s: %s (can this user write it and its "
				   "directory?)"),
				 path, msg);
	case SQLITE_NOTADB:
		return xasprintf(_("%s is not a jubo store: %s"), path, msg);
	default:
		return xasprintf(_("cannot read the store %s: %s"), path, msg);
	}
}

/* Applies the migrations after the store's version, each in its own transaction. */
static int migrate(struct store *s, int upto, char **err)
{
	int version;
	if (read_version(s, &version) != 0) {
		*err = xasprintf(_("cannot read the store: %s"), sqlite3_errmsg(s->db));
		return -1;
	}
	for (int v = version; v < upto; v++) {
		const struct migration *m = &migrations[v];
		if (exec(s, "BEGIN IMMEDIATE") != 0)
			goto failed;
		/* Another jubo may have taken this step (and more) while this one waited for the
		 * lock: each step is taken once. */
		int now;
		if (read_version(s, &now) != 0) {
			exec(s, "ROLLBACK");
			goto failed;
		}
		if (now > v) {
			exec(s, "COMMIT");
			v = now - 1;
			continue;
		}
		if ((m->sql && exec(s, m->sql) != 0) || (m->run && m->run(s) != 0)) {
			char *msg = xstrdup(sqlite3_errmsg(s->db));
			exec(s, "ROLLBACK");
			*err = xasprintf(_("cannot upgrade the store to version %d: %s"), v + 1, msg);
			free(msg);
			return -1;
		}
		char pragma[40];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (exec(s, pragma) != 0 || exec(s, "COMMIT") != 0) {
			exec(s, "ROLLBACK");
			goto failed;
		}
	}
	return 0;
failed:
	*err = xasprintf(_("cannot write the store: %s"), sqlite3_errmsg(s->db));
	return -1;
}

/* "file:PATH?QUERY", the path's bytes that a URI cannot hold escaped. */
static char *file_uri(const char *path, const char *query)
{
	struct buf b = { 0 };
	buf_adds(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			buf_addc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	buf_printf(&b, "?%s", query);
	return b.data;
}

/* A store opened for reading is read-only by its URI (mode=ro), not by the connection's
 * flags: the reader's own state (state.h), attached to the same connection, is written. */
static int open_reading(const char *path, const char *query, sqlite3 **db)
{
	char *uri = file_uri(path, query);
	int rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
				 NULL);
	free(uri);
	return rc;
}

/* A WAL store in a directory this user cannot write: SQLite cannot make the index file
 * (-shm) that readers share. Nobody can write the store there either, so it is opened again
 * as a file that does not change (immutable). 1 when the store can then be read. */
static int reopen_immutable(struct store *s, const char *path)
{
	sqlite3_close(s->db);
	s->db = NULL;
	if (open_reading(path, "mode=ro&immutable=1", &s->db) != SQLITE_OK)
		return 0;
	sqlite3_extended_result_codes(s->db, 1);
	return exec(s, "SELECT count(*) FROM sqlite_schema") == 0;
}

/* Whether this user may write the store at path and make its log beside it. */
static int may_write_store(const char *path)
{
	char *dir = dir_of(path);
	int may = access(path, W_OK) == 0 && access(dir, W_OK | X_OK) == 0;
	free(dir);
	return may;
}

/* upgrade: a store an older jubo wrote, opened for reading, is first brought forward (when
 * this user may write it) instead of refused. */
static struct store *open_upto(const char *path, enum store_open_mode mode, int upto,
			       int upgrade, char **err)
{
	struct store *s = xcalloc(1, sizeof *s);
	int rc = mode == STORE_OPEN_READONLY
			 ? open_reading(path, "mode=ro", &s->db)
			 : sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
					   NULL);
	if (rc != SQLITE_OK) {
		*err = xasprintf(_("cannot open the store %s: %s"), path,
				 s->db ? sqlite3_errmsg(s->db) : strerror(ENOMEM));
		goto fail;
	}
	s->path = xstrdup(path);
	sqlite3_busy_handler(s->db, busy_wait, s);
	/* JUBO_TRACE_SQL=FILE logs every statement with the time it took (for bench/). */
	const char *trace = getenv("JUBO_TRACE_SQL");
	if (trace && *trace && (s->trace = fopen(trace, "a")))
		sqlite3_trace_v2(s->db, SQLITE_TRACE_PROFILE, trace_statement, s);
	sqlite3_extended_result_codes(s->db, 1);
	/* Reading the schema fails early on a file that is not a SQLite database, and on a
	 * store another program holds or this user cannot read: each says so. */
	if (exec(s, "SELECT count(*) FROM sqlite_schema") != 0) {
		int code = sqlite3_errcode(s->db) & 0xFF;
		int cannot_share = code == SQLITE_READONLY || code == SQLITE_CANTOPEN;
		if (!(mode == STORE_OPEN_READONLY && cannot_share && reopen_immutable(s, path))) {
			*err = s->db ? open_problem(s, path)
				     : xasprintf(_("cannot open the store %s: %s"), path,
						 strerror(ENOMEM));
			goto fail;
		}
		/* Read as a file that does not change, the store leaves its log aside: what a
		 * writer committed there and never folded in is not seen. Said, not hidden. */
		char *wal = xasprintf("%s-wal", path);
		struct stat st;
		if (stat(wal, &st) == 0 && st.st_size > 0)
			s->note = xasprintf(_("%s holds changes not yet folded into the store, and "
					      "this user cannot fold them in (the directory is "
					      "read-only): they are not shown; open the store once as "
					      "a user who can write there"),
					    wal);
		free(wal);
	}
	if (exec(s, "PRAGMA foreign_keys = ON") != 0) {
		*err = xasprintf(_("cannot open the store %s: %s"), path, sqlite3_errmsg(s->db));
		goto fail;
	}
	/* The version is checked before anything is written: a store newer than this jubo,
	 * or one no jubo made, is left exactly as it is. */
	int v;
	if (read_version(s, &v) != 0) {
		*err = open_problem(s, path);
		goto fail;
	}
	if (v < 0) {
		*err = xasprintf(_("%s is not a jubo store: its schema version is %d, which no jubo "
				   "writes"),
				 path, v);
		goto fail;
	}
	if (v > MIGRATION_COUNT) {
		*err = xasprintf(_("the store %s has schema version %d, newer than this jubo "
				   "understands (%d); upgrade jubo"),
				 path, v, MIGRATION_COUNT);
		goto fail;
	}
	/* A database with tables but no version of jubo's is another program's: making jubo's
	 * tables in it would mix the two. */
	if (v == 0) {
		sqlite3_stmt *st;
		int tables = 0;
		if (sqlite3_prepare_v2(s->db,
				       "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
				       "AND name NOT LIKE 'sqlite%'",
				       -1, &st, NULL) == SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				tables = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
		}
		if (tables > 0) {
			*err = xasprintf(_("%s is another program's database (%d tables), not a jubo "
					   "store: jubo leaves it as it is; give --db a new file"),
					 path, tables);
			goto fail;
		}
	}
	if (mode == STORE_OPEN_READONLY) {
		if (v == 0) {
			struct stat st;
			*err = stat(path, &st) == 0 && st.st_size == 0
				       ? xasprintf(_("the store %s is an empty file: import an issue "
						     "into it first"),
						   path)
				       : xasprintf(_("%s is not a jubo store (it has no jubo schema)"),
						   path);
			goto fail;
		}
		/* Reading is not to fail after jubo is upgraded: the store is brought forward
		 * first, each step its own transaction as for an import, then read. */
		if (v < upto && upgrade && may_write_store(path)) {
			store_close(s);
			struct store *w = open_upto(path, STORE_OPEN_CREATE, upto, 0, err);
			if (!w)
				return NULL;
			store_close(w);
			return open_upto(path, STORE_OPEN_READONLY, upto, 0, err);
		}
		if (v != MIGRATION_COUNT) {
			*err = xasprintf(_("the store %s has schema version %d and is read-only; open "
					   "it writable once to upgrade it"),
					 path, v);
			goto fail;
		}
		return s;
	}
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		*err = xasprintf(_("the store %s is read-only: jubo can list and browse it but not "
				   "write it (can this user write the file?)"),
				 path);
		goto fail;
	}
	if (exec(s, "PRAGMA journal_mode = WAL") != 0) {
		*err = open_problem(s, path);
		goto fail;
	}
	if (migrate(s, upto, err) != 0) {
		char *inner = *err;
		*err = xasprintf("%s: %s", path, inner);
		free(inner);
		goto fail;
	}
	return s;
fail:
	store_close(s);
	return NULL;
}

struct store *store_open(const char *path, enum store_open_mode mode, char **err)
{
	return open_upto(path, mode, MIGRATION_COUNT, 1, err);
}

struct store *store_open_at_version(const char *path, int version, char **err)
{
	return open_upto(path, STORE_OPEN_CREATE,
			 version < MIGRATION_COUNT ? version : MIGRATION_COUNT, 0, err);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	for (int i = 0; i < STORE_CACHE; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->db);
	free(s->path);
	free(s->errbuf);
	if (s->trace)
		fclose(s->trace);
	free_bulk(s);
	for (int i = 0; i < STORE_MATCHES; i++)
		free(s->matches[i].phrase);
	free(s->seen);
	forget_places(s);
	free(s->note);
	free(s);
}

const char *store_note(const struct store *s)
{
	return s->note;
}

struct sqlite3 *store_sqlite(struct store *s)
{
	return s->db;
}

const char *store_errmsg(struct store *s)
{
	free(s->errbuf);
	s->errbuf = store_problem(s, s->path ? s->path : "");
	return s->errbuf ? s->errbuf : sqlite3_errmsg(s->db);
}

int store_make_distributable(struct store *s)
{
	return exec(s, "PRAGMA journal_mode = DELETE") == 0 && exec(s, "VACUUM") == 0 ? 0 : -1;
}

int store_begin(struct store *s)
{
	/* A writer touches many index pages: a larger cache saves reading them again. */
	exec(s, "PRAGMA cache_size = -65536");
	forget_places(s);
	int rc = exec(s, "BEGIN IMMEDIATE");
	s->writing = rc == 0;
	return rc;
}

static void free_bulk(struct store *s)
{
	for (size_t i = 0; i < s->bulk_n; i++)
		free(s->bulk_sql[i]);
	free(s->bulk_sql);
	s->bulk_sql = NULL;
	s->bulk_n = 0;
	s->bulk = 0;
	s->bulk_text = 0;
	s->bulk_indexes = 0;
}

/* The triggers that keep the text index and the tally of values in step with the deals, which
 * a bulk load takes away for the batch's deals: its text and its values go in with one
 * statement each at the end. Those kept for the deals the batch does not write (a --replace
 * deletes an issue's deals, new rates change amounts) come back as guarded temporary copies:
 * the row's deal id is not one of the batch's. */
struct batch_trigger {
	const char *name;
	const char *table;
	const char *id;    /* the row's deal id in the trigger, or NULL: dropped, not guarded */
};
static const struct batch_trigger batch_triggers[] = {
	{ "deal_text_insert", "deal", NULL },
	{ "deal_text_delete", "deal", "old.id" },
	{ "deal_text_unset", "deal", "old.id" },
	{ "deal_text_set", "deal", "old.id" },
	{ "deal_tally_insert", "deal", NULL },
	{ "deal_tally_delete", "deal", "old.id" },
	{ "deal_tally_unset", "deal", "old.id" },
	{ "deal_tally_set", "deal", "old.id" },
	{ "deal_tally_investor_insert", "deal_investor", "new.deal_id" },
	{ "deal_tally_investor_delete", "deal_investor", "old.deal_id" },
	{ "deal_tally_investor_update", "deal_investor", "old.deal_id" },
};
#define BATCH_TRIGGERS (sizeof batch_triggers / sizeof batch_triggers[0])

/* The deals a batch writes, by id: ids freed by a delete are given again (--replace of the
 * newest issue), so "above the last id before it" would not tell them. (A trigger may not
 * name a table's schema: batch_new is found in temp first.) */
static const char batch_rows_sql[] =
	"CREATE TEMP TABLE batch_new (id INTEGER PRIMARY KEY);"
	"CREATE TEMP TRIGGER batch_new_insert AFTER INSERT ON deal BEGIN"
	" INSERT INTO batch_new VALUES (new.id); END;"
	"CREATE TEMP TRIGGER batch_new_delete AFTER DELETE ON deal BEGIN"
	" DELETE FROM batch_new WHERE id = old.id; END;";

/* A temporary copy of the trigger t (its SQL as the store keeps it) that fires only for deals
 * the batch did not write: "CREATE TRIGGER NAME ... ON TABLE BEGIN" becomes "CREATE TEMP
 * TRIGGER batch_NAME ... ON TABLE WHEN ID NOT IN (the batch's) BEGIN". NULL when the SQL is
 * not in that form (a trigger jubo did not write). */
static char *guarded_copy(const char *sql, const struct batch_trigger *t)
{
	char *head = xasprintf("CREATE TRIGGER %s ", t->name);
	char *on = xasprintf(" ON %s BEGIN ", t->table);
	size_t head_len = strlen(head), on_len = strlen(on) - strlen(" BEGIN ");
	int starts = strncmp(sql, head, head_len) == 0;
	const char *at = starts ? strstr(sql + head_len, on) : NULL;
	char *copy = at ? xasprintf("CREATE TEMP TRIGGER batch_%s %.*s WHEN %s NOT IN (SELECT id"
				    " FROM batch_new)%s",
				    t->name, (int)(at + on_len - (sql + head_len)), sql + head_len,
				    t->id, at + on_len)
			: NULL;
	free(head);
	free(on);
	return copy;
}

/* Takes the batch's temporary triggers away (none there: nothing done). */
static int drop_batch_triggers(struct store *s)
{
	int rc = exec(s, "DROP TRIGGER IF EXISTS temp.batch_new_insert;"
			 "DROP TRIGGER IF EXISTS temp.batch_new_delete;");
	for (size_t i = 0; i < BATCH_TRIGGERS && rc == 0; i++) {
		if (!batch_triggers[i].id)
			continue;
		char *drop = xasprintf("DROP TRIGGER IF EXISTS temp.batch_%s", batch_triggers[i].name);
		rc = exec(s, drop);
		free(drop);
	}
	return rc;
}

/* The values of the deals the batch wrote (and of their investors), into the tally. */
static int tally_batch(struct store *s)
{
	/* CROSS JOIN: the batch's deals outside, each found by its id (a plan that walked the
	 * archive's investors for the batch's took 0.6 s for an issue's 27 deals). */
	return exec(s, TALLY_ADD_MANY(" FROM temp.batch_new b CROSS JOIN deal d ON d.id = b.id",
				      " FROM temp.batch_new b CROSS JOIN deal_investor inv ON"
				      " inv.deal_id = b.id CROSS JOIN deal d ON d.id = b.id"));
}

/* The text of the deals the batch wrote, into the text index with one statement. The index
 * gathers terms in memory and writes a segment each time they pass its hash size (1 MB by
 * default), merging the segments as it goes: 32 MB for the batch writes a few large
 * segments instead, about a fifth faster. Set back after. */
static int index_batch_text(struct store *s)
{
	if (exec(s, "INSERT INTO deal_text(deal_text, rank) VALUES ('hashsize', 33554432);"
		    "INSERT INTO deal_text(rowid, text) SELECT id, text FROM deal_text_source"
		    " WHERE id IN (SELECT id FROM temp.batch_new) ORDER BY id;"
		    "DROP TABLE temp.batch_new;") != 0)
		return -1;
	return exec(s, "INSERT INTO deal_text(deal_text, rank) VALUES ('hashsize', 1048576)");
}

static const struct batch_trigger *batch_trigger_named(const char *name)
{
	for (size_t i = 0; i < BATCH_TRIGGERS; i++)
		if (strcmp(name, batch_triggers[i].name) == 0)
			return &batch_triggers[i];
	return NULL;
}

int store_bulk_begin(struct store *s, int rebuild_indexes)
{
	if (s->bulk)
		return 0;
	/* The text index's and the tally's triggers always go: FTS5 writes out the terms it has
	 * gathered at every statement that touches it, so deals written one statement each would
	 * leave a segment of the index each, to be merged again and again, and the tally would
	 * take some twenty upserts a deal; the batch's text and values go in with one statement
	 * each at the end. With rebuild_indexes the deal indexes go too, but for those of the
	 * table's own constraints: the UNIQUE (issue_id, seq) that deleting an issue's deals
	 * needs, and deal_investor's primary key that deletes cascade through (and the tally's
	 * index in count order); the totals and the issues' counts of deals lose their triggers
	 * and are counted again at the end. */
	static const char list[] =
		"SELECT name, sql, CASE type WHEN 'index' THEN 'INDEX' ELSE 'TRIGGER' END"
		" FROM sqlite_master WHERE sql IS NOT NULL"
		" AND ((tbl_name IN ('deal', 'deal_investor') AND type = 'trigger'"
		"   AND (name LIKE 'deal\\_text\\_%' ESCAPE '\\'"
		"   OR name LIKE 'deal\\_tally\\_%' ESCAPE '\\'))"
		"  OR (?1 AND ((type = 'index' AND tbl_name IN ('deal', 'deal_investor', 'deal_tally'))"
		"   OR (tbl_name = 'deal' AND type = 'trigger' AND name IN ('deal_totals_insert',"
		"   'deal_totals_delete', 'deal_totals_update', 'issue_counts_deal_insert',"
		"   'issue_counts_deal_delete', 'issue_counts_deal_move')))))";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, list, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, rebuild_indexes != 0);
	/* Remember how to make each again, and the statement that takes it away; drop them only
	 * after the list is read (sqlite_master cannot change under a reader). */
	char **drops = NULL, *guarded[BATCH_TRIGGERS] = { NULL };
	int *is_batch = NULL;
	size_t found = 0, strangers = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		const struct batch_trigger *t = batch_trigger_named(name);
		int trigger = strcmp((const char *)sqlite3_column_text(st, 2), "TRIGGER") == 0;
		int batch = trigger && (strncmp(name, "deal_text_", 10) == 0 ||
					strncmp(name, "deal_tally_", 11) == 0);
		s->bulk_sql = xrealloc(s->bulk_sql, (s->bulk_n + 1) * sizeof *s->bulk_sql);
		drops = xrealloc(drops, (s->bulk_n + 1) * sizeof *drops);
		is_batch = xrealloc(is_batch, (s->bulk_n + 1) * sizeof *is_batch);
		s->bulk_sql[s->bulk_n] = xasprintf("%s;", sql);
		is_batch[s->bulk_n] = batch;
		drops[s->bulk_n++] = xasprintf("DROP %s \"%s\"", sqlite3_column_text(st, 2), name);
		if (!batch)
			continue;
		if (!t) {
			strangers++; /* a trigger of that name jubo did not write */
			continue;
		}
		found++;
		if (t->id && !(guarded[t - batch_triggers] = guarded_copy(sql, t)))
			strangers++;
	}
	sqlite3_finalize(st);
	s->bulk = 1;
	s->bulk_indexes = rebuild_indexes != 0;
	/* Every one of them, each in the form jubo wrote: else they stay as they are (a slower
	 * import, never a text index or a tally out of step with the deals). */
	s->bulk_text = found == BATCH_TRIGGERS && strangers == 0;
	int rc = 0;
	size_t kept = 0;
	for (size_t i = 0; i < s->bulk_n; i++) {
		if (rc == 0 && (s->bulk_text || !is_batch[i]))
			rc = exec(s, drops[i]);
		free(drops[i]);
		/* What was not dropped is not made again. */
		if (!s->bulk_text && is_batch[i])
			free(s->bulk_sql[i]);
		else
			s->bulk_sql[kept++] = s->bulk_sql[i];
	}
	s->bulk_n = kept;
	free(drops);
	free(is_batch);
	if (rc == 0 && s->bulk_text)
		rc = exec(s, batch_rows_sql);
	for (size_t i = 0; i < BATCH_TRIGGERS; i++) {
		if (rc == 0 && s->bulk_text && guarded[i])
			rc = exec(s, guarded[i]);
		free(guarded[i]);
	}
	return rc;
}

int store_bulk_end(struct store *s)
{
	if (!s->bulk)
		return 0;
	/* The batch's rows stay listed (a temporary table) until their text is in. */
	int rc = s->bulk_text ? drop_batch_triggers(s) : 0;
	/* The batch's values before the indexes come back: the tally's own (in count order) is
	 * among them when they were dropped, built once over the values. */
	if (rc == 0 && s->bulk_text)
		rc = tally_batch(s);
	for (size_t i = 0; i < s->bulk_n && rc == 0; i++)
		rc = exec(s, s->bulk_sql[i]);
	if (rc == 0 && s->bulk_text)
		rc = index_batch_text(s);
	/* The totals, counted again over every deal (cheaper than a trigger per row). */
	if (rc == 0 && s->bulk_indexes)
		rc = exec(s, DEAL_TOTALS_RECOUNT ISSUE_COUNT_RECOUNT("deal", "deals"));
	free_bulk(s);
	return rc;
}

int store_commit(struct store *s)
{
	forget_places(s);
	/* The articles' text, of articles that are still there. */
	if (s->article_batch &&
	    exec(s, "INSERT INTO article_fts(rowid, title_uni, title_bi, body_uni, body_bi)"
		    " SELECT b.id, title_uni, title_bi, body_uni, body_bi FROM temp.batch_article_fts b"
		    /* EXISTS, not id IN (SELECT id FROM article): that plan walks every article
		     * (a whole archive's bodies) to find the batch's few. */
		    " WHERE EXISTS (SELECT 1 FROM article a WHERE a.id = b.id) ORDER BY b.id;"
		    "DROP TABLE temp.batch_article_fts;") != 0)
		return -1;
	s->article_batch = 0;
	s->writing = 0;
	return exec(s, "COMMIT");
}

int store_rollback(struct store *s)
{
	forget_places(s);
	s->writing = 0;
	free_bulk(s); /* the rollback brings the indexes and triggers back */
	int rc = exec(s, "ROLLBACK");
	/* Gone with the rollback already; never left behind. */
	drop_batch_triggers(s);
	exec(s, "DROP TABLE IF EXISTS temp.batch_new; DROP TABLE IF EXISTS temp.batch_article_fts");
	s->article_batch = 0;
	return rc;
}

/* ---- helpers for statements ------------------------------------------------------------ */

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_id(sqlite3_stmt *st, int i, long long id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static int run(sqlite3_stmt *st)
{
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int run_id(struct store *s, sqlite3_stmt *st, long long *id)
{
	if (run(st) != 0)
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int run_by_issue(struct store *s, enum stmt_id id, long long issue_id)
{
	sqlite3_stmt *st = stmt(s, id);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, issue_id);
	return run(st);
}

/* ---- issues ---------------------------------------------------------------------------- */

int store_find_issue(struct store *s, int number, long long *id)
{
	sqlite3_stmt *st = stmt(s, ST_FIND_ISSUE);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, number);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_issue_date(struct store *s, long long issue_id, char date[11])
{
	sqlite3_stmt *st = stmt(s, ST_ISSUE_DATE);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, issue_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(date, 11, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int store_add_issue(struct store *s, const struct issue_row *row, long long *id)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_ISSUE);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, row->number);
	bind_text(st, 2, row->title);
	bind_text(st, 3, row->publisher);
	bind_text(st, 4, row->date);
	bind_text(st, 5, row->date_note);
	return run_id(s, st, id);
}

/* The text index's rows of an issue's articles, and those still waiting for the commit. */
static int delete_article_text(struct store *s, long long issue_id)
{
	if (s->article_batch && run_by_issue(s, ST_DEL_ARTICLES_PENDING, issue_id) != 0)
		return -1;
	return run_by_issue(s, ST_DEL_ARTICLES_FTS, issue_id);
}

int store_delete_issue(struct store *s, long long issue_id)
{
	if (delete_article_text(s, issue_id) != 0)
		return -1;
	return run_by_issue(s, ST_DELETE_ISSUE, issue_id);
}

int store_delete_issue_part(struct store *s, long long issue_id, enum store_part part)
{
	switch (part) {
	case PART_ARTICLES:
		if (delete_article_text(s, issue_id) != 0)
			return -1;
		return run_by_issue(s, ST_DEL_ARTICLES, issue_id);
	case PART_DEALS:
		return run_by_issue(s, ST_DEL_DEALS, issue_id);
	case PART_EVENTS:
		return run_by_issue(s, ST_DEL_EVENTS, issue_id);
	case PART_STATS:
		return run_by_issue(s, ST_DEL_STATS, issue_id);
	}
	return -1;
}

int store_max_seq(struct store *s, long long issue_id, enum store_part part, int *seq)
{
	static const char *const sql[] = {
		[PART_ARTICLES] = "SELECT coalesce(max(seq), 0) FROM article WHERE issue_id = ?1",
		[PART_DEALS] = "SELECT coalesce(max(seq), 0) FROM deal WHERE issue_id = ?1",
		[PART_EVENTS] = "SELECT coalesce(max(seq), 0) FROM event WHERE issue_id = ?1",
		[PART_STATS] = "SELECT 0",
	};
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql[part], -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (part != PART_STATS)
		sqlite3_bind_int64(st, 1, issue_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* ---- articles -------------------------------------------------------------------------- */

int store_find_section(struct store *s, const char *name, char code[16])
{
	sqlite3_stmt *st = stmt(s, ST_FIND_SECTION);
	if (!st)
		return -1;
	bind_text(st, 1, name);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(code, 16, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Inside a transaction, the articles' text waits for the commit (0); outside one, or when
 * the waiting table cannot be made, it goes in at once (-1). */
static int begin_article_batch(struct store *s)
{
	if (s->article_batch)
		return 0;
	if (!s->writing || exec(s, "CREATE TEMP TABLE IF NOT EXISTS batch_article_fts (id INTEGER"
				   " PRIMARY KEY, title_uni, title_bi, body_uni, body_bi)") != 0)
		return -1;
	s->article_batch = 1;
	return 0;
}

int store_add_article(struct store *s, const struct article_row *row, long long *id)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_ARTICLE);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, row->issue_id);
	sqlite3_bind_int(st, 2, row->seq);
	bind_text(st, 3, row->section);
	bind_text(st, 4, row->date);
	bind_text(st, 5, row->title);
	sqlite3_bind_text(st, 6, row->body ? row->body : "", -1, SQLITE_TRANSIENT);
	if (run_id(s, st, id) != 0)
		return -1;

	char *title_uni, *title_bi, *body_uni, *body_bi;
	fts_forms(row->title, &title_uni, &title_bi);
	fts_forms(row->body ? row->body : "", &body_uni, &body_bi);
	int rc = -1;
	if ((st = stmt(s, begin_article_batch(s) == 0 ? ST_ADD_ARTICLE_PENDING
						      : ST_ADD_ARTICLE_FTS))) {
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_text(st, 2, title_uni, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, title_bi, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, body_uni, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, body_bi, -1, SQLITE_TRANSIENT);
		rc = run(st);
	}
	free(title_uni);
	free(title_bi);
	free(body_uni);
	free(body_bi);
	return rc;
}

int store_add_article_source(struct store *s, long long article_id, int seq, const char *name)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_SOURCE);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int(st, 2, seq);
	bind_text(st, 3, name);
	return run(st);
}

int store_add_article_ref(struct store *s, long long article_id, int num, const char *label,
			  const char *url)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_REF);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int(st, 2, num);
	bind_text(st, 3, label);
	bind_text(st, 4, url);
	return run(st);
}

int store_search_articles(struct store *s, const char *query, long long *ids, int limit)
{
	char *match = fts_term_query(query, NULL);
	if (!match)
		return 0;
	sqlite3_stmt *st = stmt(s, ST_SEARCH);
	if (!st) {
		free(match);
		return -1;
	}
	sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, limit);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < limit)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	free(match);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1;
}

/* ---- deals ----------------------------------------------------------------------------- */

static void bind_money(sqlite3_stmt *st, int first, const struct money *m, int with_flag)
{
	bind_text(st, first, m->text);
	if (m->known) {
		sqlite3_bind_double(st, first + 1, m->value);
		bind_text(st, first + 2, m->currency);
		bind_text(st, first + 3, m->qualifier);
	}
	if (with_flag)
		sqlite3_bind_int(st, first + 4, m->undisclosed);
}

int store_add_deal(struct store *s, const struct deal_row *row, long long *id)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_DEAL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, row->issue_id);
	sqlite3_bind_int(st, 2, row->seq);
	bind_text(st, 3, row->kind);
	bind_text(st, 4, row->scope);
	bind_text(st, 5, row->period);
	bind_text(st, 6, row->date);
	bind_text(st, 7, row->name_ko);
	bind_text(st, 8, row->name_zh);
	bind_text(st, 9, row->round);
	bind_money(st, 10, &row->amount, 1);
	bind_money(st, 15, &row->valuation, 0);
	bind_text(st, 19, row->acquirer);
	bind_text(st, 20, row->place);
	bind_id(st, 21, row->province_id);
	bind_id(st, 22, row->city_id);
	bind_text(st, 23, row->country);
	bind_text(st, 24, row->sector);
	bind_text(st, 25, row->description);
	bind_text(st, 26, row->investors);
	sqlite3_bind_int(st, 27, row->tags);
	return run_id(s, st, id);
}

void store_forget_seen_deals(struct store *s)
{
	free(s->seen);
	s->seen = NULL;
	s->seen_cap = s->seen_n = 0;
}

/* What makes two printings one deal: the issue, its kind, scope and period, the company's
 * names and the round; the amounts are compared apart. As text, and as its hash. */
static char *deal_identity(const struct deal_row *row)
{
	return xasprintf("%lld\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", row->issue_id,
			 row->kind ? row->kind : "", row->scope ? row->scope : "",
			 row->period ? row->period : "", row->name_ko ? row->name_ko : "",
			 row->name_zh ? row->name_zh : "", row->round ? row->round : "");
}

static uint64_t identity_hash(const char *key)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h ? h : 1;
}

/* The slot of hash: the one holding it, or the empty one where it would go. */
static struct seen_deal *seen_slot(struct store *s, uint64_t hash)
{
	size_t mask = s->seen_cap - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask)
		if (s->seen[i].hash == hash || s->seen[i].hash == 0)
			return &s->seen[i];
}

static void seen_add(struct store *s, uint64_t hash, long long id, const struct money *amount)
{
	if ((s->seen_n + 1) * 2 > s->seen_cap) {
		struct seen_deal *old = s->seen;
		size_t old_cap = s->seen_cap;
		s->seen_cap = old_cap ? old_cap * 2 : 1024;
		s->seen = xcalloc(s->seen_cap, sizeof *s->seen);
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].hash)
				*seen_slot(s, old[i].hash) = old[i];
		free(old);
	}
	struct seen_deal *d = seen_slot(s, hash);
	if (d->hash)
		return; /* the first printing stays the one to merge into */
	*d = (struct seen_deal){ .hash = hash, .id = id, .has_amount = amount->known };
	if (amount->known) {
		d->amount = amount->value;
		snprintf(d->currency, sizeof d->currency, "%s", amount->currency ? amount->currency : "");
	}
	s->seen_n++;
}

/* Whether the deal with this id has the identity key (a hash can be shared, rarely). */
static int same_identity(struct store *s, long long id, const char *key)
{
	sqlite3_stmt *st = stmt(s, ST_DEAL_IDENTITY);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return 0;
	}
	const char *parts[6];
	for (int i = 0; i < 6; i++)
		parts[i] = (const char *)sqlite3_column_text(st, i);
	char *stored = xasprintf("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", parts[0] ? parts[0] : "",
				 parts[1] ? parts[1] : "", parts[2] ? parts[2] : "",
				 parts[3] ? parts[3] : "", parts[4] ? parts[4] : "",
				 parts[5] ? parts[5] : "");
	sqlite3_reset(st);
	const char *rest = strchr(key, '\x1f');
	int same = rest && strcmp(rest + 1, stored) == 0;
	free(stored);
	return same;
}

int store_add_or_merge_deal(struct store *s, const struct deal_row *row, long long *id,
			    int *merged)
{
	*merged = 0;
	char *key = deal_identity(row);
	uint64_t hash = identity_hash(key);
	int rc = -1;
	struct seen_deal *d = s->seen ? seen_slot(s, hash) : NULL;
	if (d && d->hash) {
		/* The same round only if the amounts agree: the same number in the same
		 * currency, or none in both (two rounds of one name are told apart by them). */
		int agree = d->has_amount ? row->amount.known && d->amount == row->amount.value &&
						    row->amount.currency &&
						    strcmp(d->currency, row->amount.currency) == 0
					  : !row->amount.known;
		int same = agree ? same_identity(s, d->id, key) : 0;
		if (same < 0)
			goto done;
		if (same) {
			*id = d->id;
			*merged = 1;
		}
	}
	if (*merged) {
		sqlite3_stmt *m = stmt(s, ST_MERGE_DEAL);
		if (!m)
			goto done;
		sqlite3_bind_int64(m, 1, *id);
		sqlite3_bind_int(m, 2, row->tags);
		bind_text(m, 3, row->date);
		bind_money(m, 4, &row->amount, 0);
		bind_money(m, 8, &row->valuation, 0);
		bind_text(m, 12, row->acquirer);
		bind_text(m, 13, row->investors);
		bind_text(m, 14, row->place);
		bind_id(m, 15, row->province_id);
		bind_id(m, 16, row->city_id);
		bind_text(m, 17, row->country);
		bind_text(m, 18, row->sector);
		bind_text(m, 19, row->description);
		rc = run(m);
		goto done;
	}
	if (store_add_deal(s, row, id) != 0)
		goto done;
	seen_add(s, hash, *id, &row->amount);
	rc = 0;
done:
	free(key);
	return rc;
}

int store_deal_has_investors(struct store *s, long long deal_id)
{
	sqlite3_stmt *st = stmt(s, ST_DEAL_HAS_INVESTORS);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, deal_id);
	int rc = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	return rc;
}

int store_add_deal_investor(struct store *s, long long deal_id, int seq, const char *name)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_INVESTOR);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, deal_id);
	sqlite3_bind_int(st, 2, seq);
	bind_text(st, 3, name);
	return run(st);
}

int store_convert_amounts(struct store *s, long long issue_id, long long up_to_id,
			  const char *currency, const char *since)
{
	if (issue_id > 0) {
		sqlite3_stmt *one = stmt(s, ST_CONVERT_ISSUE);
		if (!one)
			return -1;
		sqlite3_bind_int64(one, 1, issue_id);
		return run(one);
	}
	if (currency) {
		sqlite3_stmt *some = stmt(s, ST_CONVERT_CURRENCY);
		if (!some)
			return -1;
		sqlite3_bind_int64(some, 1, up_to_id > 0 ? up_to_id : INT64_MAX);
		bind_text(some, 2, currency);
		bind_text(some, 3, since);
		return run(some);
	}
	sqlite3_stmt *st = stmt(s, ST_CONVERT);
	if (!st)
		return -1;
	bind_id(st, 1, up_to_id);
	return run(st);
}

long long store_last_deal_id(struct store *s)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT coalesce(max(id), 0) FROM deal", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return id;
}

/* ---- statistics and events ------------------------------------------------------------- */

int store_add_stat(struct store *s, const struct stat_row *row)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_STAT);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, row->issue_id);
	bind_text(st, 2, row->period);
	bind_text(st, 3, row->metric);
	bind_text(st, 4, row->dimension);
	bind_text(st, 5, row->key);
	if (row->has_value)
		sqlite3_bind_double(st, 6, row->value);
	bind_text(st, 7, row->unit);
	if (row->has_share)
		sqlite3_bind_double(st, 8, row->share);
	if (row->rank > 0)
		sqlite3_bind_int(st, 9, row->rank);
	bind_id(st, 10, row->place_id);
	return run(st);
}

int store_add_event(struct store *s, const struct event_row *row)
{
	sqlite3_stmt *st = stmt(s, ST_ADD_EVENT);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, row->issue_id);
	sqlite3_bind_int(st, 2, row->seq);
	bind_text(st, 3, row->name);
	bind_text(st, 4, row->start_date);
	bind_text(st, 5, row->end_date);
	bind_text(st, 6, row->city);
	bind_id(st, 7, row->place_id);
	bind_text(st, 8, row->field);
	return run(st);
}

/* ---- places and rates ------------------------------------------------------------------ */

static void forget_places(struct store *s)
{
	for (size_t i = 0; i < sizeof s->place_memo / sizeof s->place_memo[0]; i++) {
		free(s->place_memo[i].name);
		s->place_memo[i].name = NULL;
	}
}

static struct place_memo *place_memo_slot(struct store *s, const char *name)
{
	return &s->place_memo[identity_hash(name) % (sizeof s->place_memo / sizeof s->place_memo[0])];
}

int store_find_place(struct store *s, const char *name, struct place *out)
{
	struct place_memo *memo = s->writing ? place_memo_slot(s, name) : NULL;
	if (memo && memo->name && strcmp(memo->name, name) == 0) {
		if (memo->found)
			*out = memo->place;
		return memo->found;
	}
	sqlite3_stmt *st = stmt(s, ST_FIND_PLACE);
	if (!st)
		return -1;
	bind_text(st, 1, name);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		snprintf(out->kind, sizeof out->kind, "%s", (const char *)sqlite3_column_text(st, 1));
		out->province_id = sqlite3_column_int64(st, 2);
		snprintf(out->name_ko, sizeof out->name_ko, "%s",
			 (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (memo) {
		free(memo->name);
		memo->name = xstrdup(name);
		memo->found = rc == SQLITE_ROW;
		if (memo->found)
			memo->place = *out;
	}
	return rc == SQLITE_ROW;
}

int store_add_place_alias(struct store *s, long long place_id, const char *alias)
{
	forget_places(s);
	if (!alias || !*alias)
		return 0;
	sqlite3_stmt *st = stmt(s, ST_ADD_ALIAS);
	if (!st)
		return -1;
	bind_text(st, 1, alias);
	sqlite3_bind_int64(st, 2, place_id);
	return run(st);
}

/* A province's Korean name without its 성 ending ("장쑤성" -> "장쑤"), or NULL. */
static char *short_province_name(const char *name_ko)
{
	size_t n = strlen(name_ko);
	const char *suffix = "성";
	size_t sn = strlen(suffix);
	if (n > sn && strcmp(name_ko + n - sn, suffix) == 0)
		return xstrndup(name_ko, n - sn);
	return NULL;
}

static int add_place(struct store *s, const struct place_row *row)
{
	forget_places(s);
	sqlite3_stmt *st = stmt(s, ST_ADD_PLACE);
	if (!st)
		return -1;
	bind_text(st, 1, row->code);
	bind_text(st, 2, row->kind);
	bind_text(st, 3, row->parent_code);
	bind_text(st, 4, row->level);
	bind_text(st, 5, row->name_ko);
	bind_text(st, 6, row->name_zh);
	bind_text(st, 7, row->pinyin);
	bind_text(st, 8, row->name_en);
	if (run(st) != 0)
		return -1;
	if (!(st = stmt(s, ST_PLACE_BY_CODE)))
		return -1;
	bind_text(st, 1, row->code);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return -1;
	}
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);

	char *short_ko = short_province_name(row->name_ko);
	const char *names[] = { row->name_ko, row->name_zh, row->pinyin, row->name_en, short_ko };
	int rc = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0] && rc == 0; i++)
		if (names[i])
			rc = store_add_place_alias(s, id, names[i]);
	free(short_ko);
	if (rc != 0 || !row->aliases)
		return rc;
	char *list = xstrdup(row->aliases);
	char *save = NULL;
	for (char *a = strtok_r(list, "|", &save); a && rc == 0; a = strtok_r(NULL, "|", &save))
		rc = store_add_place_alias(s, id, trim(a));
	free(list);
	return rc;
}

int store_add_place(struct store *s, const struct place_row *row)
{
	return add_place(s, row);
}

int store_set_rate(struct store *s, const struct rate_row *row)
{
	sqlite3_stmt *st = stmt(s, ST_RATE_VALUE);
	if (!st)
		return -1;
	bind_text(st, 1, row->currency);
	bind_text(st, 2, row->period);
	int step = sqlite3_step(st);
	/* A rate that converts every deal as before changes nothing: the same number again
	 * (read from the same text: equal as doubles), or a new period at the rate its deals
	 * had already. */
	int same = step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
		   sqlite3_column_double(st, 0) == row->cny_per_unit;
	sqlite3_reset(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return -1;
	st = stmt(s, ST_SET_RATE);
	if (!st)
		return -1;
	bind_text(st, 1, row->currency);
	bind_text(st, 2, row->period);
	sqlite3_bind_double(st, 3, row->cny_per_unit);
	bind_text(st, 4, row->source);
	return run(st) != 0 ? -1 : !same;
}

int store_latest_rate(struct store *s, const char *currency, double *rate)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT cny_per_unit FROM rate WHERE currency = ?1 "
				      "ORDER BY period DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, currency, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*rate = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

void store_article_free(struct article_view *a)
{
	free(a->title);
	free(a->section);
	free(a->date);
	free(a->body);
	for (size_t i = 0; i < a->nsources; i++)
		free(a->sources[i]);
	free(a->sources);
	for (size_t i = 0; i < a->nrefs; i++) {
		free(a->refs[i].label);
		free(a->refs[i].url);
	}
	free(a->refs);
	memset(a, 0, sizeof *a);
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? xstrdup((const char *)v) : NULL;
}

int store_get_article(struct store *s, long long id, struct article_view *a)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT a.title, sec.name_ko, a.date, a.body, i.number FROM article a "
			       "JOIN section sec ON sec.code = a.section JOIN issue i ON i.id = "
			       "a.issue_id WHERE a.id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->title = column_dup(st, 0);
		a->section = column_dup(st, 1);
		a->date = column_dup(st, 2);
		a->body = column_dup(st, 3);
		a->issue = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	if (sqlite3_prepare_v2(s->db, "SELECT name FROM article_source WHERE article_id = ?1 "
				      "ORDER BY seq", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		a->sources = xrealloc(a->sources, (a->nsources + 1) * sizeof *a->sources);
		a->sources[a->nsources++] = column_dup(st, 0);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(s->db, "SELECT label, url FROM article_ref WHERE article_id = ?1 "
				      "ORDER BY num", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		a->refs = xrealloc(a->refs, (a->nrefs + 1) * sizeof *a->refs);
		a->refs[a->nrefs].label = column_dup(st, 0);
		a->refs[a->nrefs].url = column_dup(st, 1);
		a->nrefs++;
	}
	sqlite3_finalize(st);
	return 1;
}

int store_deal_investors(struct store *s, long long deal_id, store_row_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT name FROM deal_investor WHERE deal_id = ?1 ORDER BY "
				      "seq", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, deal_id);
	int rc = stream_rows(st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

int store_latest_issue(struct store *s, int *number, char date[11], char **title)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT number, date, title FROM issue ORDER BY number DESC "
				      "LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*number = sqlite3_column_int(st, 0);
		snprintf(date, 11, "%s", (const char *)sqlite3_column_text(st, 1));
		*title = column_dup(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_latest_stats(struct store *s, int from, int to, int *issue, char period[8])
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT i.number, t.period FROM stat t JOIN issue i ON "
				      "i.id = t.issue_id WHERE t.dimension = 'region' AND i.number"
				      " BETWEEN ?1 AND ?2 ORDER BY i.number DESC, t.period DESC"
				      " LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, from > 0 ? from : 0);
	sqlite3_bind_int(st, 2, to > 0 ? to : INT_MAX);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*issue = sqlite3_column_int(st, 0);
		snprintf(period, 8, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_place_history(struct store *s, const char *dimension, const char *name, int from,
			int to, store_row_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	/* Per issue in the range: the count it reports for the place (NULL when the place is
	 * not among those it ranks), and the investment deals it lists there. */
	if (sqlite3_prepare_v2(
		    s->db,
		    "WITH p AS (SELECT id, level FROM place WHERE name_ko = ?2 AND kind = CASE ?1"
		    " WHEN 'city' THEN kind ELSE 'province' END ORDER BY kind = 'city' DESC LIMIT 1)"
		    " SELECT i.number, i.date, (SELECT t.period FROM stat t WHERE t.issue_id = i.id"
		    "  AND t.dimension = ?1 ORDER BY t.period DESC LIMIT 1) AS period,"
		    " (SELECT t.value FROM stat t WHERE t.issue_id = i.id AND t.dimension = ?1 AND"
		    "  t.metric = 'deal_count' AND (t.place_id = (SELECT id FROM p) OR"
		    "  (t.place_id IS NULL AND t.key = ?2)) ORDER BY t.period DESC LIMIT 1) AS reported,"
		    " (SELECT count(*) FROM deal d WHERE d.issue_id = i.id AND d.kind = 'investment'"
		    "  AND (d.province_id = (SELECT id FROM p) OR d.city_id = (SELECT id FROM p)))"
		    "  AS computed"
		    " FROM issue i WHERE i.number BETWEEN ?3 AND ?4 ORDER BY i.number",
		    -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, dimension, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, from > 0 ? from : 0);
	sqlite3_bind_int(st, 4, to > 0 ? to : INT_MAX);
	int rc = stream_rows(st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

/* Runs a statement bound to (issue number, period) through the callback. */
static int run_issue_period(struct store *s, const char *sql, int issue, const char *period,
			    store_row_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, issue);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_TRANSIENT);
	int rc = stream_rows(st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

int store_region_map(struct store *s, int issue, const char *period, int previous,
		     store_row_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(
		    s->db,
		    "SELECT p.code, p.name_ko, "
		    " (SELECT t.value FROM stat t JOIN issue i ON i.id = t.issue_id WHERE i.number = ?1"
		    "  AND t.period = ?2 AND t.dimension = 'region' AND t.metric = 'deal_count'"
		    "  AND t.place_id = p.id), "
		    " (SELECT count(*) FROM deal d JOIN issue i ON i.id = d.issue_id WHERE i.number = ?1"
		    "  AND d.period = ?2 AND d.kind = 'investment' AND d.province_id = p.id), "
		    /* The previous issue's count, the latest period it reports. */
		    " (SELECT t.value FROM stat t JOIN issue i ON i.id = t.issue_id WHERE i.number = ?3"
		    "  AND t.dimension = 'region' AND t.metric = 'deal_count' AND t.place_id = p.id"
		    "  ORDER BY t.period DESC LIMIT 1) "
		    "FROM place p WHERE p.kind = 'province' ORDER BY p.code",
		    -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, issue);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, previous);
	int rc = stream_rows(st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

int store_issue_stats(struct store *s, int issue, const char *period, store_row_fn fn,
		      void *ctx)
{
	return run_issue_period(
		s,
		"SELECT t.dimension, t.metric, t.key, t.value, t.unit, t.share, t.rank, "
		" p.name_ko FROM stat t JOIN issue i ON i.id = t.issue_id"
		" LEFT JOIN place p ON p.id = t.place_id"
		" WHERE i.number = ?1 AND t.period = ?2 ORDER BY t.id",
		issue, period, fn, ctx);
}

/* ---- counting -------------------------------------------------------------------------- */

long long store_count(struct store *s, const char *table)
{
	static const struct {
		const char *name;
		const char *sql;
	} counts[] = {
		{ "issue", "SELECT count(*) FROM issue" },
		{ "article", "SELECT count(*) FROM article" },
		{ "article_ref", "SELECT count(*) FROM article_ref" },
		{ "deal", "SELECT count(*) FROM deal" },
		{ "deal_investor", "SELECT count(*) FROM deal_investor" },
		{ "stat", "SELECT count(*) FROM stat" },
		{ "event", "SELECT count(*) FROM event" },
		{ "place", "SELECT count(*) FROM place" },
		{ "rate", "SELECT count(*) FROM rate" },
	};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		if (strcmp(counts[i].name, table) != 0)
			continue;
		sqlite3_stmt *st;
		long long n = -1;
		if (sqlite3_prepare_v2(s->db, counts[i].sql, -1, &st, NULL) != SQLITE_OK)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return n;
	}
	return -1;
}

long long store_count_issues(struct store *s, long long from, long long to)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM issue WHERE number BETWEEN ?1 AND ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ---- listings ------------------------------------------------------------------------- */

static const char list_issues_sql[] =
	"SELECT i.number, i.date, i.title, i.publisher, c.articles, c.deals, c.events, c.stats "
	"FROM issue i LEFT JOIN issue_counts c ON c.issue_id = i.id ORDER BY i.number";

/* Steps a prepared statement through the callback: names first, then each row. */
static int stream_rows(sqlite3_stmt *st, store_row_fn fn, void *ctx)
{
	int n = sqlite3_column_count(st);
	const char **values = xcalloc((size_t)n, sizeof *values);
	for (int i = 0; i < n; i++)
		values[i] = sqlite3_column_name(st, i);
	int rc = fn(ctx, 1, n, values), step = SQLITE_DONE;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			values[i] = (const char *)sqlite3_column_text(st, i);
		rc = fn(ctx, 0, n, values);
	}
	free(values);
	return step == SQLITE_DONE || step == SQLITE_ROW ? 0 : -1;
}

int store_issue_numbers(struct store *s, store_row_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT number, date FROM issue ORDER BY number", -1, &st,
			       NULL) != SQLITE_OK)
		return -1;
	int rc = stream_rows(st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

int store_list_issues(struct store *s, store_row_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, list_issues_sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = stream_rows(st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

void store_bind_values(struct sqlite3_stmt *st, const struct sql_bind *binds, size_t nbinds)
{
	for (size_t i = 0; st && i < nbinds; i++) {
		const struct sql_bind *b = &binds[i];
		int n = (int)i + 1;
		if (b->type == BIND_TEXT)
			sqlite3_bind_text(st, n, b->text, -1, SQLITE_TRANSIENT);
		else if (b->type == BIND_INT)
			sqlite3_bind_int64(st, n, b->i);
		else if (b->type == BIND_REAL)
			sqlite3_bind_double(st, n, b->d);
		else
			sqlite3_bind_null(st, n);
	}
}

/* The prepared statement for q's text, from the cache or newly prepared, with q's values
 * bound. NULL on an error. */
static sqlite3_stmt *cached(struct store *s, const struct sql_stmt *q)
{
	int slot = -1, oldest = 0;
	for (int i = 0; i < STORE_CACHE; i++) {
		if (s->cache[i].st && strcmp(sqlite3_sql(s->cache[i].st), q->text) == 0) {
			slot = i;
			break;
		}
		if (!s->cache[i].st || s->cache[i].used < s->cache[oldest].used)
			oldest = i;
	}
	if (slot < 0) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v3(s->db, q->text, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
		    SQLITE_OK)
			return NULL;
		slot = oldest;
		sqlite3_finalize(s->cache[slot].st);
		s->cache[slot].st = st;
	}
	s->cache[slot].used = ++s->clock;
	sqlite3_stmt *st = s->cache[slot].st;
	store_bind_values(st, q->binds, q->nbinds);
	return st;
}

/* After a run: -2 when the progress handler stopped it, -1 on another error. */
static int run_result(struct store *s, sqlite3_stmt *st, int rc)
{
	int interrupted = rc != 0 && sqlite3_errcode(s->db) == SQLITE_INTERRUPT;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == 0 ? 0 : interrupted ? -2 : -1;
}

int store_run(struct store *s, const struct sql_stmt *q, store_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = cached(s, q);
	if (!st)
		return -1;
	return run_result(s, st, stream_rows(st, fn, ctx));
}

int store_run_typed(struct store *s, const struct sql_stmt *q, store_value_fn fn, void *ctx)
{
	sqlite3_stmt *st = cached(s, q);
	if (!st)
		return -1;
	int n = sqlite3_column_count(st), rc = 0, step;
	struct sql_bind *values = xcalloc((size_t)n ? (size_t)n : 1, sizeof *values);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			struct sql_bind *v = &values[i];
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				*v = (struct sql_bind){ .type = BIND_INT, .i = sqlite3_column_int64(st, i) };
				break;
			case SQLITE_FLOAT:
				*v = (struct sql_bind){ .type = BIND_REAL, .d = sqlite3_column_double(st, i) };
				break;
			case SQLITE_NULL:
				*v = (struct sql_bind){ .type = BIND_NULL };
				break;
			default:
				*v = (struct sql_bind){ .type = BIND_TEXT,
							.text = (char *)sqlite3_column_text(st, i) };
				break;
			}
		}
		rc = fn(ctx, n, values);
	}
	free(values);
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	return run_result(s, st, rc);
}

void store_set_progress(struct store *s, int steps, int (*stop)(void *ctx), void *ctx)
{
	sqlite3_progress_handler(s->db, stop ? steps : 0, stop, ctx);
}

int store_text_matches(struct store *s, const char *phrase, char name[32], long long *count)
{
	int slot = -1, oldest = 0;
	for (int i = 0; i < STORE_MATCHES; i++) {
		if (s->matches[i].phrase && strcmp(s->matches[i].phrase, phrase) == 0) {
			slot = i;
			break;
		}
		if (!s->matches[i].phrase || s->matches[i].used < s->matches[oldest].used)
			oldest = i;
	}
	if (slot < 0) {
		slot = oldest;
		free(s->matches[slot].phrase);
		s->matches[slot].phrase = NULL;
		char *sql = xasprintf("DROP TABLE IF EXISTS temp.deal_match_%d;"
				      "CREATE TEMP TABLE deal_match_%d (id INTEGER PRIMARY KEY);",
				      slot, slot);
		int rc = exec(s, sql);
		free(sql);
		if (rc != 0)
			return -1;
		sqlite3_stmt *st;
		sql = xasprintf("INSERT INTO temp.deal_match_%d SELECT rowid FROM deal_text"
				" WHERE deal_text MATCH ?1",
				slot);
		rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
		free(sql);
		if (rc != SQLITE_OK)
			return -1;
		sqlite3_bind_text(st, 1, phrase, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
		s->matches[slot].phrase = xstrdup(phrase);
		s->matches[slot].count = sqlite3_changes64(s->db);
	}
	*count = s->matches[slot].count;
	s->matches[slot].used = ++s->clock;
	snprintf(name, 32, "temp.deal_match_%d", slot);
	return 0;
}

char *store_text_prefix_query(struct store *s, const char *prefix, int max_terms)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT term FROM deal_text_terms WHERE term >= ?1 AND"
			       " term < ?1 || char(1114111) LIMIT ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, max_terms + 1);
	struct buf q = { 0 };
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		if (++n > max_terms)
			break;
		buf_adds(&q, n > 1 ? " OR \"" : "\"");
		for (const char *p = term; *p; p++) {
			if (*p == '"')
				buf_addc(&q, '"');
			buf_addc(&q, *p);
		}
		buf_addc(&q, '"');
	}
	sqlite3_finalize(st);
	if (n > max_terms || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
		buf_free(&q);
		return NULL;
	}
	return q.data ? buf_take(&q) : xstrdup("");
}
