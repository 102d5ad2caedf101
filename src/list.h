/* list.h: `jubo list`: deals, articles, events, regions and issues as an aligned table for
 * people or CSV/TSV for pipes, with the filter language and sort keys. Rows are streamed
 * from the store; a table reads them twice (once to measure, once to print) rather than
 * holding them. */
#ifndef JUBO_LIST_H
#define JUBO_LIST_H

#include "store.h"

enum list_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_TSV };

struct list_options {
	const char *what;      /* deals, articles, events, regions, issues */
	const char *filter;    /* filter expression or NULL */
	const char *sort;      /* sort keys or NULL */
	int reverse;           /* flip every sort direction */
	const char *columns;   /* comma-separated column names or NULL for the defaults */
	enum list_format format;
	int width;             /* table width in cells; 0: the terminal's, else 80 */
	int bom;               /* CSV: a UTF-8 byte order mark first (Excel reads Hangul then) */
};

/* Runs a listing to standard output. Returns the exit status: 0, 1 (store errors) or 2
 * (a bad filter, sort key or column, reported with its position). */
int list_run(struct store *s, const struct list_options *o);

/* Writes one RFC 4180 row (sanitized, CRLF). */
#include <stdio.h>
void list_csv_row(FILE *f, int ncols, const char *const *values);

/* The listing names, for validating the command line before opening a store. */
int list_known(const char *what);

#endif
