/* query.h: the filter language and sort keys, parsed into a syntax tree.
 *
 * A filter is one line: terms separated by spaces, all of which must hold.
 *   word            text search (a bare word is never a syntax error)
 *   "two words"     a phrase
 *   field:value     narrows a field: region:장쑤 sector:인공지능 round:A investor:"Sequoia"
 *   field>=value    compares: amount>=10억 amount<1억달러 date>=2025-04 issue<418
 *   field:a..b      a range: date:2025-04-01..2025-04-15 issue:410..418
 *   is:starred      the reader's marks: is:starred is:unread is:read is:new is:followed
 *   has:note        a row with the reader's note
 *   about:NAME      a company, investor, sector or place by any of its names
 *   -term           negates a term
 * Mistakes (an unknown field, an unreadable amount or date, an unclosed quote) are reported
 * with their character position. The tree is turned into SQL with bound parameters by
 * sqlgen.h; nothing here builds SQL. */
#ifndef JUBO_QUERY_H
#define JUBO_QUERY_H

#include <stddef.h>

enum query_target { TARGET_DEALS, TARGET_ARTICLES, TARGET_EVENTS, TARGET_REGIONS };

/* What kind of value a field holds, which decides how it is matched. */
enum field_type {
	FT_TEXT,      /* bare words: the target's text search */
	FT_LIKE,      /* substring, case-insensitive for Latin */
	FT_PREFIX,    /* starts with (round:A) */
	FT_KIND,      /* investment, unicorn, ma */
	FT_SCOPE,     /* china, overseas */
	FT_AMOUNT,    /* money, compared in yuan */
	FT_REGION,    /* a province (or city) through the gazetteer */
	FT_CITY,      /* a city through the gazetteer */
	FT_COUNTRY,   /* a country */
	FT_INVESTOR,  /* any one of a deal's investors */
	FT_ISSUE,     /* an issue number */
	FT_DATE,      /* a date by prefix or range */
	FT_SECTION,   /* an article section */
	FT_FTS,       /* full-text search in a title or body */
	FT_SOURCE,    /* any one of an article's sources */
	FT_LEVEL,     /* region or city, for the regions listing */
	FT_STATE,     /* the reader's marks: is:starred, is:unread, has:note (state.h) */
	FT_ABOUT,     /* a company, investor, sector or place by any of its names */
};

/* Every field of every target; the listings (listing.h) say which a target has, sqlgen how
 * each is matched. */
enum field_id {
	F_TEXT, F_COMPANY, F_KIND, F_SCOPE, F_ROUND, F_AMOUNT, F_VALUATION, F_REGION, F_CITY,
	F_COUNTRY, F_SECTOR, F_INVESTOR, F_ACQUIRER, F_ISSUE, F_DATE, F_SECTION, F_TITLE, F_BODY,
	F_SOURCE, F_NAME, F_FIELD, F_LEVEL, F_PERIOD, F_IS, F_HAS, F_ABOUT,
};

enum query_op { OP_MATCH, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_RANGE };

struct query_field {
	const char *name;     /* English name used in filters and messages */
	const char *aliases;  /* '|'-separated other names (Korean), or NULL */
	enum field_type type;
	enum field_id id;
};

struct query_term {
	int negated;                     /* written with a leading '-' */
	const struct query_field *field; /* the bare-word field for plain words and phrases */
	enum query_op op;
	char *value;                     /* unquoted value (for OP_RANGE, the start) */
	char *value2;                    /* OP_RANGE's end */
	size_t pos;                      /* character position of the term, from 1 */
	size_t value_pos;                /* character position of the value, from 1 */
};

struct query {
	enum query_target target;
	struct query_term *terms;
	size_t count;
};

/* A mistake: where (character position from 1, 0 for none) and what was expected. */
struct query_error {
	size_t pos;
	char msg[256];
};

/* The longest filter accepted, in bytes, and the most terms. */
#define QUERY_MAX_BYTES 2000
#define QUERY_MAX_TERMS 32

/* Parses a filter. 0, or -1 with *err set. */
int query_parse(enum query_target target, const char *text, size_t len, struct query *q,
		struct query_error *err);
void query_free(struct query *q);
/* Narrows a parsed filter to the issues from..to (numbers; 0 for no bound on that side), as
 * if issue:from..to had been typed, for the browser's choice of issues. 1 if added, 0 when
 * the scope is every issue or the target has no issue field. */
int query_add_issue_scope(struct query *q, int from, int to);
/* The issue numbers every row matching q lies within, from its terms that must hold (issue:N,
 * issue:A..B, the scope): 1 with *from and *to, 0 when no term bounds them. */
int query_issue_span(const struct query *q, long long *from, long long *to);

/* ---- sorting ---- */
struct sort_key {
	int column;      /* a sortable column of the target's listing */
	int descending;
};
#define QUERY_MAX_SORT_KEYS 8

/* Parses "amount,-company" or "amount:desc,company:asc" (any sortable column by name). Returns the number of keys, or -1
 * with *err set. */
int query_parse_sort(enum query_target target, const char *spec, struct sort_key *keys,
		     size_t max, struct query_error *err);

/* The target named by a listing ("deals", "articles", "events", "regions"); -1 if none. */
int query_target_by_name(const char *name);

#endif
