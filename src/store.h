/* store.h: the SQLite store, the one module that speaks SQL.
 *
 * A store is one SQLite file holding issues, articles, deals, statistics, events, the
 * gazetteer of places and currency rates. Opening it applies forward migrations recorded in
 * PRAGMA user_version, turns on foreign keys and WAL. Every statement that takes a value
 * binds it as a parameter. */
#ifndef JUBO_STORE_H
#define JUBO_STORE_H

#include <stddef.h>

struct store;

enum store_open_mode {
	STORE_OPEN_CREATE,    /* read-write, creating the file (and migrating) if needed */
	STORE_OPEN_READONLY,  /* read-only; the file must exist, and one an older jubo wrote is
			       * brought forward first where this user may write it */
};

/* The store the user means when they name none: $JUBO_DB, else
 * $XDG_DATA_HOME/jubo/jubo.db, else ~/.local/share/jubo/jubo.db (HOME, else the account's
 * home directory). NULL when there is no home directory to put it in: store_home_problem
 * says why. Caller frees. */
char *store_default_path(void);
char *store_home_problem(void);

/* Creates the directories leading to path (like mkdir -p on its dirname). 0 or -1/errno. */
int store_make_parent_dirs(const char *path);

/* Opens (and for STORE_OPEN_CREATE creates and migrates) the store at path. On failure
 * returns NULL and a message in *err (caller frees). */
struct store *store_open(const char *path, enum store_open_mode mode, char **err);
/* For tests of upgrades: creates (or opens) a store migrated up to version, no further. */
struct store *store_open_at_version(const char *path, int version, char **err);
/* Something the user should know about how the store was opened (read as a file that does
 * not change, with a log of changes it cannot see), or NULL. */
const char *store_note(const struct store *s);
void store_close(struct store *s);

/* The connection, for state.c alone: the reader's own state lives in a database attached
 * to it (state.h), so that its marks join the store's rows in one statement. */
struct sqlite3;
struct sqlite3 *store_sqlite(struct store *s);

/* The schema version this build writes, and the one the open store has. */
int store_latest_version(void);
int store_version(struct store *s);

/* The last error, in words for the user: a store another program holds (and which one), a
 * full disk, a damaged file, a read-only one; else SQLite's own message. Valid until the
 * next call. */
const char *store_errmsg(struct store *s);

/* ---- a store another program holds ---- */

/* How long a statement waits for a store another program has locked before giving up, in
 * seconds (5 unless set; 0 gives up at once). */
void store_set_lock_wait(int seconds);
/* Called about once a second while a statement waits: the store's path, who holds it ("sqlite3
 * (process 4242)", or NULL when that cannot be told) and the whole seconds left. */
typedef void (*store_wait_fn)(void *ctx, const char *path, const char *holder, int left);
/* stop, checked every 50 ms of the wait, gives up early when it returns nonzero (Ctrl-C in the
 * browser): the statement fails as locked, and the message says how long jubo waited. */
void store_set_wait_notice(store_wait_fn fn, int (*stop)(void *ctx), void *ctx);
/* Who holds a lock on the store at path (its SQLite lock bytes, or its WAL index's write
 * lock): "NAME (process PID)" malloc'd, or NULL when no other process does or Linux's /proc
 * and POSIX locks cannot tell. */
char *store_lock_holder(const char *path);

/* Leaves the store in rollback-journal mode and compacted, for installing read-only. */
int store_make_distributable(struct store *s);

int store_begin(struct store *s);
/* Inside a transaction, before adding deals: the text index's triggers go away until
 * store_bulk_end puts the new deals' text in with one statement (row by row, FTS5 would write
 * a segment of the index for each deal), with temporary copies that keep it in step for the
 * deals already there; with rebuild_indexes the deal indexes go too, and are built again
 * over all rows at once, several times faster than row by row for many deals. A rollback
 * undoes it all. */
int store_bulk_begin(struct store *s, int rebuild_indexes);
int store_bulk_end(struct store *s);
int store_commit(struct store *s);
int store_rollback(struct store *s);

/* ---- issues ---- */
struct issue_row {
	int number;             /* the issue number, e.g. 418 */
	const char *title;      /* 주간 중국창업 */
	const char *publisher;  /* KIC China */
	const char *date;       /* ISO date, YYYY-MM-DD */
	const char *date_note;  /* how the date was chosen, if the issue prints none */
};

/* 1 and *id when an issue with that number exists, 0 when not, -1 on error. */
int store_find_issue(struct store *s, int number, long long *id);
int store_issue_date(struct store *s, long long issue_id, char date[11]);
int store_add_issue(struct store *s, const struct issue_row *row, long long *id);
/* Deletes an issue and, through foreign keys, everything that belongs to it. */
int store_delete_issue(struct store *s, long long issue_id);

/* What a file adds to an issue; used to replace one kind of rows in place. */
enum store_part { PART_ARTICLES, PART_DEALS, PART_EVENTS, PART_STATS };
int store_delete_issue_part(struct store *s, long long issue_id, enum store_part part);
/* The highest sequence number the issue's rows of that part have (0 when none). */
int store_max_seq(struct store *s, long long issue_id, enum store_part part, int *seq);

/* ---- articles ---- */
/* 1 if code or name (뉴스, 산업분석, news, industry ...) is a section; its code in *code. */
int store_find_section(struct store *s, const char *name, char code[16]);

struct article_row {
	long long issue_id;
	int seq;              /* order within the issue */
	const char *section;  /* section code */
	const char *date;     /* ISO date or NULL */
	const char *title;
	const char *body;     /* Markdown subset */
};
int store_add_article(struct store *s, const struct article_row *row, long long *id);
int store_add_article_source(struct store *s, long long article_id, int seq, const char *name);
int store_add_article_ref(struct store *s, long long article_id, int num, const char *label,
			  const char *url);
/* Article ids matching a text query (FTS; finds 1- and 2-character Korean and Chinese words),
 * at most limit of them, in article order; returns how many were written, -1 on error. */
int store_search_articles(struct store *s, const char *query, long long *ids, int limit);

/* ---- deals ---- */
struct money {
	const char *text;      /* as written, NULL if nothing was written */
	int known;             /* value, currency and qualifier were read */
	double value;
	const char *currency;  /* ISO code */
	const char *qualifier; /* exact, approx, at_least, at_most */
	int undisclosed;       /* written as 미공개 and the like */
};

struct deal_row {
	long long issue_id;
	int seq;
	const char *kind;       /* investment (a financing round) or ma */
	int tags;               /* the tables it was printed in: DEAL_TAG_* */
	const char *scope;      /* china, overseas */
	const char *period;     /* YYYY-MM the deal is reported for */
	const char *date;       /* ISO date or NULL */
	const char *name_ko;
	const char *name_zh;
	const char *round;
	struct money amount;
	struct money valuation;
	const char *acquirer;
	const char *investors;  /* as written; one deal_investor row per name as well */
	const char *place;      /* 소재지 as written */
	long long province_id;  /* 0 when unknown */
	long long city_id;      /* 0 when unknown */
	const char *country;    /* Korean name of the country */
	const char *sector;
	const char *description;
};
int store_add_deal(struct store *s, const struct deal_row *row, long long *id);
/* The tables of an issue a deal is printed in. A round printed in several of them (a big
 * deal that made a new unicorn) is one deal with several tags. */
enum {
	DEAL_TAG_BIG = 1,      /* the big deals (대형 투자) */
	DEAL_TAG_UNICORN = 2,  /* the new unicorns (신규 유니콘) */
	DEAL_TAG_MA = 4,       /* M&A (인수합병) */
};
/* SQL expressions over the deal alias d: the kind as the kind column shows it (a round
 * printed among the new unicorns is a unicorn; else investment or ma), and the tables it
 * was printed in ("big+unicorn", "ma"). */
#define STORE_DEAL_KIND_TEXT(d) "CASE WHEN " d ".tags & 2 THEN 'unicorn' ELSE " d ".kind END"
#define STORE_DEAL_TAGS_TEXT(d)                                                                   \
	"substr(CASE WHEN " d ".tags & 1 THEN '+big' ELSE '' END || CASE WHEN " d ".tags & 2"     \
	" THEN '+unicorn' ELSE '' END || CASE WHEN " d ".tags & 4 THEN '+ma' ELSE '' END, 2)"
/* Before an import: forgets the deals seen by the last one. */
void store_forget_seen_deals(struct store *s);
/* Adds a deal, or, when this import has already added the same round to the same issue
 * (same kind, scope, period, names, round and amount), adds the row's tags and what it
 * tells that the first printing did not to that deal: *merged is then 1. */
int store_add_or_merge_deal(struct store *s, const struct deal_row *row, long long *id,
			    int *merged);
/* 1 when the deal has investors listed, 0 when not, -1 on an error. */
int store_deal_has_investors(struct store *s, long long deal_id);
int store_add_deal_investor(struct store *s, long long deal_id, int seq, const char *name);
/* Recomputes the amounts converted to CNY through the rate table, for one issue's deals
 * (the rest of the arguments then unused) or (issue_id 0) for all of them; up_to_id, when not
 * 0, limits it to the deals with ids up to it (those added before the rates changed);
 * currency, when not NULL, to the deals a change of its rate for the period since (YYYY-MM)
 * can reach: of that period and later, and before it when it is the currency's earliest. */
int store_convert_amounts(struct store *s, long long issue_id, long long up_to_id,
			  const char *currency, const char *since);
/* The highest deal id in the store (0 for none), -1 on an error. */
long long store_last_deal_id(struct store *s);

/* ---- statistics ---- */
struct stat_row {
	long long issue_id;
	const char *period;     /* YYYY-MM */
	const char *metric;     /* deal_count, deal_amount, mom_change ... */
	const char *dimension;  /* total, industry, region, city, stage, vcpe, cvc, ma_industry ... */
	const char *key;        /* the value of the dimension, e.g. 장쑤성 */
	int has_value;          /* 0 when only a rank is reported */
	double value;
	const char *unit;       /* 건, 억 위안, % */
	int has_share;
	double share;           /* percent of the whole, when reported */
	int rank;               /* 0 when not ranked */
	long long place_id;     /* for region and city keys; 0 otherwise */
};
int store_add_stat(struct store *s, const struct stat_row *row);

/* ---- events ---- */
struct event_row {
	long long issue_id;
	int seq;
	const char *name;
	const char *start_date;  /* ISO */
	const char *end_date;    /* ISO, inclusive */
	const char *city;        /* as written */
	long long place_id;      /* 0 when unknown */
	const char *field;
};
int store_add_event(struct store *s, const struct event_row *row);

/* ---- places and rates ---- */
struct place {
	long long id;
	char kind[12];       /* province, city, country */
	long long province_id; /* for a city, its province; for a province, itself */
	char name_ko[64];    /* its Korean name as the gazetteer spells it */
};
/* Looks a place up by any of its names or aliases (장쑤, 장쑤성, 江苏, Jiangsu).
 * 1 found, 0 not, -1 error. */
int store_find_place(struct store *s, const char *name, struct place *out);
int store_add_place_alias(struct store *s, long long place_id, const char *alias);

/* A place from a gazetteer file; parent_code names a province already in the store. */
struct place_row {
	const char *code;
	const char *kind;
	const char *parent_code;
	const char *level;
	const char *name_ko;
	const char *name_zh;
	const char *pinyin;
	const char *name_en;
	const char *aliases;  /* separated by '|' */
};
int store_add_place(struct store *s, const struct place_row *row);

struct rate_row {
	const char *currency;  /* ISO code */
	const char *period;    /* YYYY-MM */
	double cny_per_unit;
	const char *source;
};
/* Adds or replaces the rate of a currency for a period: 1 when that changes what a deal of
 * the period converts at (another value, or a new period at another rate than the one in
 * effect for it), 0 when not (the source is taken all the same), -1 on an error. */
int store_set_rate(struct store *s, const struct rate_row *row);
/* The most recent rate of a currency, in CNY per unit: 1 found, 0 none, -1 error. */
int store_latest_rate(struct store *s, const char *currency, double *rate);

/* ---- for the browser ---- */
struct article_view {
	char *title;
	char *section;   /* the section's Korean name */
	char *date;      /* or NULL */
	char *body;      /* Markdown subset */
	int issue;
	char **sources;
	size_t nsources;
	struct {
		char *label;
		char *url;
	} *refs;         /* numbered from 1 in order */
	size_t nrefs;
};
/* 1 and the article, 0 if there is none with that id, -1 on error. */
int store_get_article(struct store *s, long long id, struct article_view *a);
void store_article_free(struct article_view *a);
/* The latest issue: 1 found, 0 none, -1 error. *title is malloc'd. */
int store_latest_issue(struct store *s, int *number, char date[11], char **title);

/* Counts rows of a table the store knows ("issue", "article", "deal", ...), -1 on error. */
long long store_count(struct store *s, const char *table);
/* Issues numbered from..to; -1 on error. */
long long store_count_issues(struct store *s, long long from, long long to);

/* ---- listings for `jubo list` ---- */

/* Called once with the column names (header set), then once per row; values are text, NULL
 * where the store has nothing. A non-zero return stops the listing. */
typedef int (*store_row_fn)(void *ctx, int header, int ncols, const char *const *values);

/* Streams the issues with their counts, by number. 0, or -1 on a store error. */
int store_list_issues(struct store *s, store_row_fn fn, void *ctx);
/* The issues' numbers and dates alone, by number (no counting). */
int store_issue_numbers(struct store *s, store_row_fn fn, void *ctx);

/* The latest issue numbered from..to (0: no bound) with region statistics, and its latest
 * period: 1, 0 if none, -1 on error. */
int store_latest_stats(struct store *s, int from, int to, int *issue, char period[8]);
/* Every province: code, Korean name, the count the issue reports (or NULL), the count of
 * its investment deals in the store for that issue and period, and the count the previous
 * issue (number previous, 0 for none) reports. */
int store_region_map(struct store *s, int issue, const char *period, int previous,
		     store_row_fn fn, void *ctx);
/* A place's counts across the issues from..to (0: no bound), one row per issue: number,
 * date, period, the count reported for the place in dimension (region or city; NULL when
 * the issue does not rank it) and its investment deals in the store. */
int store_place_history(struct store *s, const char *dimension, const char *name, int from,
			int to, store_row_fn fn, void *ctx);
/* The issue's statistics for a period: dimension, metric, key, value, unit, share, rank,
 * and the gazetteer's Korean name for region and city keys. In import order. */
int store_issue_stats(struct store *s, int issue, const char *period, store_row_fn fn,
		      void *ctx);

/* A deal's investors one by one, in order. */
int store_deal_investors(struct store *s, long long deal_id, store_row_fn fn, void *ctx);

/* Runs a SELECT made by sqlgen, streaming its rows. The statement is prepared once and kept
 * for the next run of the same text. 0, -1 on a store error, -2 when the progress handler
 * stopped it. */
struct sql_stmt;
struct sql_bind;
int store_run(struct store *s, const struct sql_stmt *q, store_row_fn fn, void *ctx);
/* Binds sqlgen's values to a statement of one's own, from its first parameter on (what
 * store_run does for its own statements). */
struct sqlite3_stmt;
void store_bind_values(struct sqlite3_stmt *st, const struct sql_bind *binds, size_t nbinds);
/* The same with typed values (BIND_NULL, BIND_INT, BIND_REAL, BIND_TEXT; text borrowed until
 * the next row). A non-zero return stops it. */
typedef int (*store_value_fn)(void *ctx, int ncols, const struct sql_bind *values);
int store_run_typed(struct store *s, const struct sql_stmt *q, store_value_fn fn, void *ctx);
/* The name of a temporary table of the ids of the deals whose text index matches phrase (an
 * FTS5 query), filled once and kept for the next statements that ask for the same phrase (the
 * last few are kept), and how many there are. 0, or -1 on an error. */
int store_text_matches(struct store *s, const char *phrase, char name[32], long long *count);
/* An FTS5 query for the deals whose text holds a two-character string: the trigrams of the
 * text index that begin with it (prefix, case-folded), joined with OR; "" when there is none,
 * NULL when there are more than max_terms or on an error. Malloc'd. */
char *store_text_prefix_query(struct store *s, const char *prefix, int max_terms);
/* Calls stop every `steps` virtual machine steps of a running statement; a non-zero return
 * stops the statement (it fails with -2). NULL turns it off. */
void store_set_progress(struct store *s, int steps, int (*stop)(void *ctx), void *ctx);

#endif
