/* listview.c: the windowed table. */
#include "config.h"

#include "listview.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sqlgen.h"
#include "util.h"

#define MARGIN 20    /* rows read beyond the screen on each side */
#define FIND_CHUNK 500

static void drop_window(struct listview *v)
{
	for (int i = 0; i < v->win_n * (v->ncols + 1); i++)
		free(v->win[i]);
	free(v->win);
	v->win = NULL;
	v->win_n = 0;
	v->win_start = 0;
	v->at_end = 0;
}

void listview_init(struct listview *v, struct store *s, enum query_target target)
{
	memset(v, 0, sizeof *v);
	v->store = s;
	v->target = target;
	v->count = -1;
	const struct list_column *cols = sqlgen_columns(target);
	for (int i = 0; cols[i].name; i++) {
		if (strcmp(cols[i].name, "id") == 0)
			v->id_column = i;
		else if (cols[i].shown && v->ncols < LISTVIEW_MAX_COLUMNS)
			v->columns[v->ncols++] = i;
	}
	query_parse(target, "", 0, &v->query, &(struct query_error){ 0 });
}

void listview_free(struct listview *v)
{
	drop_window(v);
	query_free(&v->query);
	free(v->filter);
	free(v->search);
}

static void reset(struct listview *v)
{
	drop_window(v);
	v->count = -1;
	v->cursor = v->top = 0;
}

int listview_set_filter(struct listview *v, const char *filter, struct query_error *err)
{
	struct query q;
	if (query_parse(v->target, filter, strlen(filter), &q, err) != 0)
		return -1;
	/* Compile once to catch mistakes only the store can see (an unknown section). */
	int col = v->id_column;
	struct sql_stmt st;
	if (sqlgen_select(v->store, &q, NULL, 0, 0, &col, 1, 1, 0, &st, err) != 0) {
		query_free(&q);
		return -1;
	}
	sql_stmt_free(&st);
	query_free(&v->query);
	v->query = q;
	free(v->filter);
	v->filter = *filter ? xstrdup(filter) : NULL;
	reset(v);
	return 0;
}

/* The sort key of a shown column, or -1. */
static int sort_key_of(const struct listview *v, int col)
{
	const char *name = sqlgen_columns(v->target)[v->columns[col]].name;
	/* Columns whose sort key has another name. */
	if (strcmp(name, "amount_cny") == 0)
		name = "amount";
	else if (strcmp(name, "start") == 0)
		name = "date";
	const char *const *keys = query_sort_names(v->target);
	for (int i = 0; keys[i]; i++)
		if (strcmp(keys[i], name) == 0)
			return i;
	return -1;
}

int listview_sort_column(struct listview *v, int col, int descending)
{
	int key = sort_key_of(v, col);
	if (key < 0)
		return -1;
	/* The column becomes the first key; the previous first stays as the tie-breaker. */
	struct sort_key keys[QUERY_MAX_SORT_KEYS];
	int n = 0;
	keys[n++] = (struct sort_key){ key, descending };
	for (int i = 0; i < v->nkeys && n < 2; i++)
		if (v->keys[i].key != key)
			keys[n++] = v->keys[i];
	memcpy(v->keys, keys, sizeof keys);
	v->nkeys = n;
	long long count = v->count;
	reset(v);
	v->count = count; /* sorting does not change how many rows there are */
	return 0;
}

void listview_sort_natural(struct listview *v)
{
	long long count = v->count;
	v->nkeys = 0;
	reset(v);
	v->count = count;
}

char *listview_sort_text(const struct listview *v)
{
	const char *const *names = query_sort_names(v->target);
	struct buf b = { 0 };
	for (int i = 0; i < v->nkeys; i++)
		buf_printf(&b, "%s%s%s", i ? ", " : "", names[v->keys[i].key],
			   v->keys[i].descending ? " desc" : "");
	return buf_take(&b);
}

int listview_column_sort(const struct listview *v, int col)
{
	int key = sort_key_of(v, col);
	if (key < 0 || !v->nkeys || v->keys[0].key != key)
		return 0;
	return v->keys[0].descending ? 2 : 1;
}

struct fill {
	struct listview *v;
	char **rows;
	int n;
};

static int fill_row(void *ctx, int header, int ncols, const char *const *values)
{
	struct fill *f = ctx;
	if (header)
		return 0;
	f->rows = xrealloc(f->rows, (size_t)(f->n + 1) * (size_t)ncols * sizeof *f->rows);
	for (int i = 0; i < ncols; i++)
		f->rows[f->n * ncols + i] = xstrdup(values[i] ? values[i] : "");
	f->n++;
	return 0;
}

/* Reads rows [start, start + n) into a malloc'd array of n * (ncols + 1) values. */
static int read_rows(struct listview *v, long long start, int n, struct fill *f)
{
	int cols[LISTVIEW_MAX_COLUMNS + 1];
	memcpy(cols, v->columns, (size_t)v->ncols * sizeof *cols);
	cols[v->ncols] = v->id_column;
	struct sql_stmt st;
	struct query_error err;
	if (sqlgen_select(v->store, &v->query, v->keys, (size_t)v->nkeys, 0, cols,
			  (size_t)v->ncols + 1, n, start, &st, &err) != 0)
		return -1;
	memset(f, 0, sizeof *f);
	f->v = v;
	int rc = store_run(v->store, &st, fill_row, f);
	sql_stmt_free(&st);
	return rc;
}

int listview_fetch(struct listview *v, long long row, int height)
{
	if (row < 0)
		row = 0;
	long long want_from = row, want_to = row + height;
	if (v->win && want_from >= v->win_start &&
	    (want_to <= v->win_start + v->win_n || v->at_end))
		return 0;
	long long start = row - MARGIN > 0 ? row - MARGIN : 0;
	int n = height + 2 * MARGIN;
	struct fill f;
	if (read_rows(v, start, n, &f) != 0)
		return -1;
	drop_window(v);
	v->win = f.rows;
	v->win_n = f.n;
	v->win_start = start;
	v->at_end = f.n < n;
	if (v->at_end)
		v->count = start + f.n;
	return 0;
}

const char *listview_value(const struct listview *v, long long row, int col)
{
	if (!v->win || row < v->win_start || row >= v->win_start + v->win_n)
		return NULL;
	return v->win[(row - v->win_start) * (v->ncols + 1) + col];
}

long long listview_id(const struct listview *v, long long row)
{
	const char *id = listview_value(v, row, v->ncols);
	return id ? atoll(id) : 0;
}

static int count_row(void *ctx, int header, int ncols, const char *const *values)
{
	(void)ncols;
	if (!header && values[0])
		*(long long *)ctx = atoll(values[0]);
	return 0;
}

long long listview_count(struct listview *v)
{
	if (v->count >= 0)
		return v->count;
	struct sql_stmt st;
	struct query_error err;
	if (sqlgen_count(v->store, &v->query, &st, &err) != 0)
		return -1;
	long long n = -1;
	if (store_run(v->store, &st, count_row, &n) == 0)
		v->count = n;
	sql_stmt_free(&st);
	return v->count;
}

void listview_layout(struct listview *v, int width)
{
	const struct list_column *cols = sqlgen_columns(v->target);
	size_t floor_w[LISTVIEW_MAX_COLUMNS], total = 0;
	int last = v->ncols - 1;
	for (int c = 0; c < v->ncols; c++) {
		size_t head = text_strwidth(cols[v->columns[c]].name) + 2; /* room for the sort mark */
		size_t natural = head;
		for (int r = 0; r < v->win_n; r++) {
			size_t w = text_strwidth(v->win[r * (v->ncols + 1) + c]);
			if (w > natural)
				natural = w;
		}
		if (natural > 40)
			natural = 40;
		/* Columns keep their minimum; the last, the widest by nature (investors, titles),
		 * gives way first and takes what the others leave. */
		floor_w[c] = cols[v->columns[c]].min ? (size_t)cols[v->columns[c]].min : 6;
		if (floor_w[c] > natural)
			floor_w[c] = natural;
		v->widths[c] = natural;
		total += natural + (c ? 1 : 0);
	}
	if (last >= 0 && total > (size_t)width) {
		size_t keep = floor_w[last];
		while (v->widths[last] > keep && total > (size_t)width) {
			v->widths[last]--;
			total--;
		}
	}
	while (total > (size_t)width) {
		int widest = -1;
		for (int c = 0; c < last; c++)
			if (v->widths[c] > floor_w[c] && (widest < 0 || v->widths[c] > v->widths[widest]))
				widest = c;
		if (widest < 0)
			break;
		v->widths[widest]--;
		total--;
	}
	/* Still too wide (a narrow terminal): the columns on the right are left out rather
	 * than squeezed to nothing; the last one shown takes the rest of the line. */
	int shown = v->ncols;
	while (shown > 1 && total > (size_t)width) {
		shown--;
		total -= v->widths[shown] + 1;
		v->widths[shown] = 0;
	}
	if (total > (size_t)width)
		v->widths[0] = (size_t)width;
	else if (shown > 0)
		v->widths[shown - 1] += (size_t)width - total;
}

static int row_holds(const struct listview *v, char **row, const char *text)
{
	size_t n = strlen(text);
	for (int c = 0; c < v->ncols; c++)
		for (const char *p = row[c]; *p; p++)
			if (strncasecmp(p, text, n) == 0)
				return 1;
	return 0;
}

int listview_find(struct listview *v, const char *text, int dir, int height)
{
	if (!*text)
		return 0;
	/* Walk chunks of rows from the cursor, wrapping once. */
	long long total = listview_count(v);
	if (total <= 0)
		return 0;
	long long pos = v->cursor;
	for (long long seen = 0; seen < total;) {
		long long start = dir > 0 ? pos + 1 : pos - FIND_CHUNK;
		if (dir > 0 && start >= total)
			start = 0;
		if (dir < 0 && start < 0)
			start = 0;
		int n = FIND_CHUNK;
		if (dir < 0 && pos <= 0) {
			start = total - FIND_CHUNK > 0 ? total - FIND_CHUNK : 0;
			pos = total;
		}
		if (dir < 0)
			n = (int)(pos - start);
		struct fill f;
		if (n <= 0 || read_rows(v, start, n, &f) != 0)
			return 0;
		int found = -1;
		for (int i = dir > 0 ? 0 : f.n - 1; i >= 0 && i < f.n; i += dir)
			if (row_holds(v, &f.rows[i * (v->ncols + 1)], text)) {
				found = i;
				break;
			}
		for (int i = 0; i < f.n * (v->ncols + 1); i++)
			free(f.rows[i]);
		free(f.rows);
		if (found >= 0) {
			v->cursor = start + found;
			if (v->cursor < v->top || v->cursor >= v->top + height)
				v->top = v->cursor - height / 3 > 0 ? v->cursor - height / 3 : 0;
			return 1;
		}
		seen += f.n ? f.n : 1;
		pos = dir > 0 ? start + f.n - 1 : start;
		if (dir > 0 && start + f.n >= total)
			pos = -1;
	}
	return 0;
}
