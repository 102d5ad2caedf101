/* sqlgen.h: turns a parsed filter and sort keys into one SELECT with bound parameters, for
 * the store to run. Column lists, sort expressions and the tables they come from are fixed
 * here; only values from the user travel as parameters. Part of the store: nothing outside
 * store.c and this file writes SQL. */
#ifndef JUBO_SQLGEN_H
#define JUBO_SQLGEN_H

#include <stddef.h>

#include "query.h"
#include "store.h"

/* A column a listing can show. */
struct list_column {
	const char *name;    /* the name in --columns and in the header */
	const char *expr;    /* its SQL expression (fixed text) */
	int numeric;         /* right-aligned in a table */
	int shown;           /* in the default table columns */
	int min;             /* cells the browser keeps for it when space is short (0: 6) */
};

/* The columns of a target, ending with a NULL name. */
const struct list_column *sqlgen_columns(enum query_target target);

enum sql_bind_type { BIND_TEXT, BIND_INT, BIND_REAL };
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

/* Builds the SELECT of the given columns (indexes into sqlgen_columns) for rows matching q,
 * ordered by keys then the row id (the order of import), or without keys by the target's
 * natural order; reverse flips every direction. Rows with no value for a sort key come last
 * in either direction. A limit >= 0 reads a window of rows from offset. Looks up places,
 * sections and rates in the store. 0, or -1 with *err. */
int sqlgen_select(struct store *s, const struct query *q, const struct sort_key *keys,
		  size_t nkeys, int reverse, const int *columns, size_t ncolumns, long long limit,
		  long long offset, struct sql_stmt *out, struct query_error *err);

/* SELECT count(*) of the rows matching q. */
int sqlgen_count(struct store *s, const struct query *q, struct sql_stmt *out,
		 struct query_error *err);

/* Rows matching q grouped by one column: value, count, and (deals) the total amount in yuan,
 * by count. The investors column groups by each investor. */
int sqlgen_breakdown(struct store *s, const struct query *q, int column, struct sql_stmt *out,
		     struct query_error *err);

/* Every column of one row, by id. */
int sqlgen_by_id(enum query_target target, long long id, struct sql_stmt *out);

void sql_stmt_free(struct sql_stmt *st);

#endif
