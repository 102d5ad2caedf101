/* sqlgen.h: turns a parsed filter and sort keys into SELECTs with bound parameters, for the
 * store to run. Column lists, sort expressions and tables come from the listing descriptions
 * (listing.h); only values from the user travel as parameters. Part of the store: nothing
 * outside store.c and this file writes SQL.
 *
 * A filter is compiled once into a WHERE clause (places, sections, amounts and rates looked up
 * then); windows of rows, counts, searches and breakdowns are built from that clause. Windows
 * are read by seeking from the order values of the row at their edge (keyset paging), never
 * by OFFSET. */
#ifndef JUBO_SQLGEN_H
#define JUBO_SQLGEN_H

#include <stddef.h>

#include "listing.h"
#include "query.h"
#include "store.h"

enum sql_bind_type { BIND_TEXT, BIND_INT, BIND_REAL, BIND_NULL };
struct sql_bind {
	enum sql_bind_type type;
	char *text;
	long long i;
	double d;
};

struct sql_stmt {
	char *text;              /* the statement, with ? placeholders */
	struct sql_bind *binds;  /* one per placeholder, in order */
	size_t nbinds;
};

/* Compiles a filter to " WHERE ..." (empty text when it has no terms) with its binds. Looks
 * up places, sections, rates and text-index matches in the store. *rows (if not NULL) is set
 * to the number of matching rows when the compiling already tells (one word), else -1.
 * 0, or -1 with *err. */
int sqlgen_where(struct store *s, const struct query *q, struct sql_stmt *where,
		 long long *rows, struct query_error *err);

/* The order of a listing for sort keys (or its natural order without keys): the keys, then
 * the row id as the last tie-breaker, which runs the way the first key does so that one index
 * serves both. Rows with no value for a key come last in either direction. */
#define SQLGEN_MAX_ORDER 10
struct sqlgen_order {
	const char *expr[SQLGEN_MAX_ORDER];
	int desc[SQLGEN_MAX_ORDER];
	int nullable[SQLGEN_MAX_ORDER];  /* sort keys may be NULL; natural orders never are */
	int n;                           /* terms, the id last */
	int natural;                     /* the listing's natural order */
	const char *from0, *null0;       /* the first key's sort_from and sort_null, or NULL */
	/* The filter keeps a few of the archive's issues: its rows are read through it and
	 * sorted, not by walking the first key's own FROM (every province's deals by name) or
	 * its index for the rows without a value (the NULLs of every issue, which SQLite,
	 * knowing nothing of how many, would walk). */
	int through_filter;
};
void sqlgen_order(const struct listing *l, const struct sort_key *keys, size_t nkeys,
		  int reverse, struct sqlgen_order *out);

/* Which rows a window read covers at its term: those with a value for it, those without,
 * or all (a term that is never NULL). */
enum sqlgen_part { PART_ALL, PART_VALUED, PART_EMPTY };

/* SELECT the columns, the id and the order's values (in that order) of the rows matching
 * where (and extra, a search, when not NULL), in the order (backward: the opposite order), at
 * most limit of them. Without an anchor: the rows of the first term's part. With one: the
 * rows whose first eq terms equal the anchor's and whose term eq is in the part and strictly
 * beyond the anchor's value. Reading the parts from the deepest term up covers every row after
 * the anchor, each read a seek that an index on the term can serve (listview.c). */
void sqlgen_window(const struct listing *l, const int *columns, size_t ncolumns,
		   const struct sql_stmt *where, const struct sql_stmt *extra,
		   const struct sqlgen_order *o, int backward, const struct sql_bind *anchor,
		   int eq, enum sqlgen_part part, long long limit, struct sql_stmt *out);

/* SELECT count(*) of the rows matching where (before the anchor row, when there is one). */
void sqlgen_count(const struct listing *l, const struct sql_stmt *where,
		  const struct sqlgen_order *o, const struct sql_bind *anchor,
		  struct sql_stmt *out);

/* A condition that some shown column holds text (case-insensitive for Latin), for search. */
void sqlgen_holds(struct store *s, const struct listing *l, const int *columns,
		  size_t ncolumns, const char *text, struct sql_stmt *out);

/* The whole listing: the SELECT of the columns for rows matching q in the order of keys
 * (reverse flips it). 0, or -1 with *err. */
int sqlgen_select(struct store *s, const struct query *q, const struct sort_key *keys,
		  size_t nkeys, int reverse, const int *columns, size_t ncolumns,
		  struct sql_stmt *out, struct query_error *err);

/* Deals only: the count of the rows, the sum of their amounts in yuan, how many amounts are
 * known, and how many of those are approximate (for the status line). */
void sqlgen_totals(const struct listing *l, const struct sql_stmt *where, struct sql_stmt *out);
/* Rows matching where grouped by one column: value, count, and (deals) the total amount in
 * yuan, by count, the first SQLGEN_BREAKDOWN_MAX values. The investors column groups by each
 * investor. A column the store keeps counted (tallied), for every deal or under a filter that
 * is one province alone, reads the kept counts. */
#define SQLGEN_BREAKDOWN_MAX 1000
void sqlgen_breakdown(const struct listing *l, const struct sql_stmt *where, int column,
		      struct sql_stmt *out);

/* Every column of one row, by id. */
void sqlgen_by_id(const struct listing *l, long long id, struct sql_stmt *out);

/* One column's value of one row, by id. */
void sqlgen_value_by_id(const struct listing *l, int column, long long id, struct sql_stmt *out);
/* SELECT the ids of the rows matching where (for marking them all read). */
void sqlgen_ids(const struct listing *l, const struct sql_stmt *where, struct sql_stmt *out);

void sql_stmt_free(struct sql_stmt *st);
/* A copy of a value (its text copied). */
struct sql_bind sql_bind_copy(const struct sql_bind *b);

#endif
