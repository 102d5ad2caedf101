/* listview.h: a windowed, sortable, filterable table over one target (deals, articles).
 *
 * The view keeps only a window of rows around the screen, read with LIMIT/OFFSET queries
 * whose ORDER BY an index serves; it never reads the whole table. The number of matching rows
 * is counted only when asked (after the first screen is drawn). */
#ifndef JUBO_LISTVIEW_H
#define JUBO_LISTVIEW_H

#include <stddef.h>

#include "query.h"
#include "store.h"
#include "ui.h"

#define LISTVIEW_MAX_COLUMNS 16

struct listview {
	struct store *store;
	enum query_target target;
	int columns[LISTVIEW_MAX_COLUMNS];   /* shown columns (indexes into sqlgen_columns) */
	int ncols;
	size_t widths[LISTVIEW_MAX_COLUMNS]; /* cells of each shown column */
	int id_column;                       /* the "id" column's index */
	char *filter;                        /* as typed */
	struct query query;                  /* parsed filter */
	struct sort_key keys[QUERY_MAX_SORT_KEYS];
	int nkeys;
	long long count;                     /* matching rows, -1 until counted */
	long long cursor;                    /* selected row */
	long long top;                       /* first row on screen */
	int cur_col;                         /* the chosen column (for sort and breakdown) */
	long long win_start;                 /* first row in the window */
	int win_n;                           /* rows in the window */
	char **win;                          /* win_n * (ncols + 1) values; id last */
	int at_end;                          /* the last window read reached the end */
	char *search;                        /* text searched with / */
};

/* Opens a view with the default columns of the target. */
void listview_init(struct listview *v, struct store *s, enum query_target target);
void listview_free(struct listview *v);

/* Sets the filter; 0, or -1 with *err (the view keeps its previous filter). */
int listview_set_filter(struct listview *v, const char *filter, struct query_error *err);
/* Sort by a column of the view (its sort key), ascending or descending; a second column
 * keeps the first as the tie-breaker. Returns 0, or -1 if the column cannot be sorted. */
int listview_sort_column(struct listview *v, int col, int descending);
void listview_sort_natural(struct listview *v);
/* A description of the sort for the status line ("amount desc, company"), malloc'd. */
char *listview_sort_text(const struct listview *v);
/* The sort direction of a shown column: 0 none, 1 ascending, 2 descending. */
int listview_column_sort(const struct listview *v, int col);

/* Reads the rows around `row` if they are not in the window. -1 on a store error. */
int listview_fetch(struct listview *v, long long row, int height);
/* The value of a shown column (or the id when col == ncols) of a row in the window, or
 * NULL when the row is not there. */
const char *listview_value(const struct listview *v, long long row, int col);
long long listview_id(const struct listview *v, long long row);
/* Counts the matching rows (cheap to call again: remembered). */
long long listview_count(struct listview *v);

/* Computes the column widths for a screen width from the header and the rows in the window. */
void listview_layout(struct listview *v, int width);

/* Moves the cursor to the next (dir 1) or previous row holding text; returns 1 if found. */
int listview_find(struct listview *v, const char *text, int dir, int height);

#endif
