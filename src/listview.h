/* listview.h: a windowed, sortable, filterable table over one listing (deals, articles).
 *
 * The view keeps a window of rows around the screen and never reads the whole table. Windows
 * are read by seeking from the order values of the row at their edge (keyset paging), so the
 * first screen, the last (G), a page anywhere and a search cost the same at a million rows as
 * at a thousand. The filter is compiled once per change; the statements built from it are
 * prepared once by the store and reused. How many rows match, and where the window sits among
 * them, are counted only when asked (after the screen is drawn); such statements, and searches,
 * can be stopped through the store's progress handler (they then return -2). */
#ifndef JUBO_LISTVIEW_H
#define JUBO_LISTVIEW_H

#include <stddef.h>

#include "listing.h"
#include "query.h"
#include "sqlgen.h"
#include "store.h"

struct listview_row {
	char **values;          /* the shown columns' text ("" for none) */
	long long id;
	struct sql_bind *keys;  /* the order's values, for seeking from this row */
};

struct listview {
	struct store *store;
	const struct listing *listing;
	int columns[LISTING_MAX_COLUMNS];    /* shown columns (indexes into the listing) */
	int ncols;
	size_t widths[LISTING_MAX_COLUMNS];  /* cells of each shown column; 0: left out */
	char *filter;                        /* as typed, NULL for none */
	struct query query;                  /* parsed filter */
	struct sql_stmt where;               /* compiled filter */
	struct sort_key keys[QUERY_MAX_SORT_KEYS];
	int nkeys;
	struct sqlgen_order order;
	struct listview_row *rows;           /* the window, in order */
	int n;
	int at_start, at_end;                /* the window holds the first / the last row */
	long long before;                    /* rows before the window, -1 until known */
	long long count;                     /* matching rows, -1 until counted */
	int cursor, top;                     /* the selected row and the first on screen, as
					      * indexes into the window */
	int cur_col;                         /* the chosen column (for sort and breakdown) */
	char *search;                        /* text searched with / */
	int uncounted;                       /* Ctrl-C stopped the count: not again until the
					      * filter or the sort changes */
	int scope_from, scope_to;            /* the issues in view (0, 0: every issue) */
	int few_issues;                      /* the filter keeps a tenth of the issues or less */
};

/* Opens a view with the default columns of the target. */
void listview_init(struct listview *v, struct store *s, enum query_target target);
void listview_free(struct listview *v);

/* Sets the filter; 0, or -1 with *err (the view keeps its previous filter). */
int listview_set_filter(struct listview *v, const char *filter, struct query_error *err);
/* Narrows the view to the issues from..to (0, 0: every issue), with the filter kept. 0, or
 * -1 on a store error. */
int listview_set_scope(struct listview *v, int from, int to);
/* Shows (on) or hides a column of the listing; shown columns keep the listing's order. */
void listview_show_column(struct listview *v, int column, int on);
/* Sort by a shown column, ascending or descending; the previous first key stays as the
 * tie-breaker. Returns 0, or -1 if the column cannot be sorted. */
int listview_sort_column(struct listview *v, int col, int descending);
void listview_sort_natural(struct listview *v);
/* A description of the sort for the status line ("amount desc, company"), malloc'd. */
char *listview_sort_text(const struct listview *v);
/* The sort direction of a shown column: 0 none, 1 ascending, 2 descending. */
int listview_column_sort(const struct listview *v, int col);

/* Moves the cursor by dcursor rows and the first shown row by dtop, reading what the screen
 * of `height` rows needs; the cursor stays on a row and on screen. 0, -1 on a store error. */
int listview_scroll(struct listview *v, long long dcursor, long long dtop, int height);
/* The first rows, or the last ones, with the cursor there. */
int listview_home(struct listview *v, int height);
int listview_end(struct listview *v, int height);

/* The value of a shown column of window row i, or NULL when there is no such row. */
const char *listview_value(const struct listview *v, int i, int col);
/* The id of the row under the cursor, 0 when there is none. */
long long listview_cursor_id(const struct listview *v);
/* The cursor's place among the matching rows from 0, or -1 while it is not known. */
long long listview_position(const struct listview *v);

/* Counts the matching rows (remembered). The count, or -1 (-2 when stopped). */
long long listview_count(struct listview *v);
/* Counts the rows before the window when that is not known. 0, -1, or -2 when stopped. */
int listview_locate(struct listview *v);

/* Computes the column widths for a screen width from the header and the rows on screen. A
 * column that does not fit gets width 0 (left out), whichever place it has. */
void listview_layout(struct listview *v, int width, int height);
/* 1 when the shown column col has a width after the layout. */
int listview_column_shown(const struct listview *v, int col);
/* 1 when col is shown and may be chosen for sort and breakdown: not the reader's marks (a
 * browse column, read from the state rather than the row). */
int listview_column_choosable(const struct listview *v, int col);

/* Moves the cursor to the next (dir 1) or previous row holding text in a shown column, in the
 * current order, wrapping once: one seeking query. 1 found, 0 not, -1 error, -2 stopped (the
 * view is left as it was). */
int listview_find(struct listview *v, const char *text, int dir, int height);
/* The same for the next row matching a condition (an SQL fragment over the listing's
 * aliases, with its binds): the next unread row. */
int listview_find_where(struct listview *v, const struct sql_stmt *where, int dir, int height);
/* Reads one column (an index into the listing) of every row in the window again, by id:
 * the reader's marks after they change. 0, or the store's error. */
int listview_refresh_column(struct listview *v, int column);

#endif
