/* listview.c: the windowed table, read by keyset paging. */
#include "config.h"

#include "listview.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* Rows read beyond the screen on each side: a screen's worth, within limits. */
static int margin(int height)
{
	return height < 5 ? 5 : height > 50 ? 50 : height;
}

/* ---- rows --------------------------------------------------------------------------------- */

static void free_row(const struct listview *v, struct listview_row *r)
{
	for (int c = 0; c < v->ncols; c++)
		free(r->values[c]);
	free(r->values);
	for (int k = 0; k < v->order.n; k++)
		free(r->keys[k].text);
	free(r->keys);
}

static void drop_rows(struct listview *v, int from, int to)
{
	if (from >= to)
		return;
	for (int i = from; i < to; i++)
		free_row(v, &v->rows[i]);
	memmove(v->rows + from, v->rows + to, (size_t)(v->n - to) * sizeof *v->rows);
	v->n -= to - from;
}

static void drop_window(struct listview *v)
{
	drop_rows(v, 0, v->n);
	free(v->rows);
	v->rows = NULL;
	v->n = 0;
	v->at_start = v->at_end = 0;
	v->before = -1;
	v->cursor = v->top = 0;
}

struct batch {
	const struct listview *v;
	struct listview_row *rows;
	int n;
};

static int take_row(void *ctx, int ncols, const struct sql_bind *values)
{
	struct batch *b = ctx;
	const struct listview *v = b->v;
	if (ncols != v->ncols + 1 + v->order.n)
		return -1;
	b->rows = xrealloc(b->rows, (size_t)(b->n + 1) * sizeof *b->rows);
	struct listview_row *r = &b->rows[b->n++];
	r->values = xcalloc((size_t)v->ncols + 1, sizeof *r->values);
	for (int c = 0; c < v->ncols; c++) {
		const struct sql_bind *x = &values[c];
		const struct listing_column *lc = &v->listing->columns[v->columns[c]];
		r->values[c] = x->type == BIND_TEXT  ? listing_display_value(lc, x->text)
			       : x->type == BIND_INT  ? xasprintf("%lld", x->i)
			       : x->type == BIND_REAL ? xasprintf("%g", x->d)
						      : xstrdup("");
	}
	r->id = values[v->ncols].i;
	r->keys = xcalloc((size_t)v->order.n, sizeof *r->keys);
	for (int k = 0; k < v->order.n; k++)
		r->keys[k] = sql_bind_copy(&values[v->ncols + 1 + k]);
	return 0;
}

/* One read of a window: the term it is at and which of its rows. */
struct step {
	int eq;
	enum sqlgen_part part;
};

/* The reads that cover every row after the anchor (or, without one, every row) in the order
 * read: with an anchor, from the deepest term up, the rows equal to the anchor so far and
 * beyond it at that term; a term that may be NULL has its rows with a value and without as
 * two reads. NULLs sit last going forward, first going backward. */
static int plan_steps(const struct sqlgen_order *o, int backward, const struct sql_bind *anchor,
		      struct step *steps)
{
	int n = 0;
	if (!anchor) {
		if (!o->nullable[0]) {
			steps[n++] = (struct step){ 0, PART_ALL };
		} else {
			steps[n++] = (struct step){ 0, backward ? PART_EMPTY : PART_VALUED };
			steps[n++] = (struct step){ 0, backward ? PART_VALUED : PART_EMPTY };
		}
		return n;
	}
	for (int k = o->n - 1; k >= 0; k--) {
		if (!o->nullable[k]) {
			steps[n++] = (struct step){ k, PART_ALL };
		} else if (anchor[k].type != BIND_NULL) {
			steps[n++] = (struct step){ k, PART_VALUED };
			if (!backward)
				steps[n++] = (struct step){ k, PART_EMPTY };
		} else if (backward) {
			steps[n++] = (struct step){ k, PART_VALUED };
		}
	}
	return n;
}

/* Reads up to limit rows after the anchor row (NULL: from the start) in the order, or before
 * it (from the end) going backward, in the order read. */
static int read_rows(struct listview *v, int backward, const struct listview_row *anchor,
		     const struct sql_stmt *extra, int limit, struct batch *out)
{
	memset(out, 0, sizeof *out);
	out->v = v;
	struct step steps[2 * SQLGEN_MAX_ORDER];
	int nsteps = plan_steps(&v->order, backward, anchor ? anchor->keys : NULL, steps);
	for (int i = 0; i < nsteps && out->n < limit; i++) {
		struct sql_stmt st;
		sqlgen_window(v->listing, v->columns, (size_t)v->ncols, &v->where, extra, &v->order,
			      backward, anchor ? anchor->keys : NULL, steps[i].eq, steps[i].part,
			      limit - out->n, &st);
		int rc = store_run_typed(v->store, &st, take_row, out);
		sql_stmt_free(&st);
		if (rc != 0) {
			for (int r = 0; r < out->n; r++)
				free_row(v, &out->rows[r]);
			free(out->rows);
			out->rows = NULL;
			out->n = 0;
			return rc;
		}
	}
	return 0;
}

/* Adds up to want rows after the window. */
static int extend_forward(struct listview *v, int want)
{
	struct batch b;
	int rc = read_rows(v, 0, v->n ? &v->rows[v->n - 1] : NULL, NULL, want, &b);
	if (rc != 0)
		return rc;
	if (!v->n && !v->rows) {
		v->at_start = 1;
		v->before = 0;
	}
	v->rows = xrealloc(v->rows, (size_t)(v->n + b.n + 1) * sizeof *v->rows);
	if (b.n)
		memcpy(v->rows + v->n, b.rows, (size_t)b.n * sizeof *b.rows);
	v->n += b.n;
	free(b.rows);
	if (b.n < want)
		v->at_end = 1;
	return 0;
}

/* Adds up to want rows before the window; indexes into the window move with them. */
static int extend_backward(struct listview *v, int want)
{
	struct batch b;
	int rc = read_rows(v, 1, v->n ? &v->rows[0] : NULL, NULL, want, &b);
	if (rc != 0)
		return rc;
	if (!v->n && !v->rows)
		v->at_end = 1;
	v->rows = xrealloc(v->rows, (size_t)(v->n + b.n + 1) * sizeof *v->rows);
	if (v->n)
		memmove(v->rows + b.n, v->rows, (size_t)v->n * sizeof *v->rows);
	for (int i = 0; i < b.n; i++)
		v->rows[b.n - 1 - i] = b.rows[i];
	v->n += b.n;
	free(b.rows);
	v->cursor += b.n;
	v->top += b.n;
	if (v->before >= 0)
		v->before -= b.n;
	if (b.n < want) {
		v->at_start = 1;
		v->before = 0;
	}
	return 0;
}

static void learn_count(struct listview *v)
{
	if (v->at_start && v->at_end)
		v->count = v->n;
	if (v->before < 0 && v->at_end && v->count >= 0)
		v->before = v->count - v->n;
}

/* Keeps the window to the rows around the screen. */
static void trim_window(struct listview *v, int height)
{
	int lo = (v->top < v->cursor ? v->top : v->cursor) - margin(height);
	int hi = (v->top + height > v->cursor + 1 ? v->top + height : v->cursor + 1) + margin(height);
	if (hi < v->n && v->n > 4 * (height + margin(height))) {
		drop_rows(v, hi, v->n);
		v->at_end = 0;
	}
	if (lo > 0 && v->n > 4 * (height + margin(height))) {
		drop_rows(v, 0, lo);
		v->cursor -= lo;
		v->top -= lo;
		if (v->before >= 0)
			v->before += lo;
		v->at_start = 0;
	}
}

int listview_scroll(struct listview *v, long long dcursor, long long dtop, int height)
{
	if (height < 1)
		height = 1;
	long long cursor = v->cursor + dcursor, top = v->top + dtop;
	int rc = 0;
	if (!v->n && !v->at_end && (rc = extend_forward(v, height + 2 * margin(height))) != 0)
		return rc;
	/* Read what the moved cursor and screen need, on either side. */
	long long lo = cursor < top ? cursor : top;
	while (lo < 0 && !v->at_start) {
		int before = v->cursor;
		long long want = -lo + margin(height);
		if ((rc = extend_backward(v, (int)(want < 100000 ? want : 100000))) != 0)
			return rc;
		int added = v->cursor - before;
		cursor += added;
		top += added;
		lo += added;
	}
	long long hi = cursor > top + height - 1 ? cursor : top + height - 1;
	while (hi >= v->n && !v->at_end) {
		long long want = hi - v->n + 1 + margin(height);
		if ((rc = extend_forward(v, (int)(want < 100000 ? want : 100000))) != 0)
			return rc;
	}
	if (cursor >= v->n)
		cursor = v->n - 1;
	if (cursor < 0)
		cursor = 0;
	if (top < 0)
		top = 0;
	if (cursor < top)
		top = cursor - height + 1 > 0 ? cursor - height + 1 : 0;
	else if (cursor >= top + height)
		top = cursor - height + 1;
	v->cursor = (int)cursor;
	v->top = (int)top;
	trim_window(v, height);
	learn_count(v);
	return 0;
}

int listview_home(struct listview *v, int height)
{
	/* The first rows are read again unless the window holds them. */
	if (v->at_start && v->n)
		v->cursor = v->top = 0;
	else
		drop_window(v);
	return listview_scroll(v, 0, 0, height);
}

int listview_end(struct listview *v, int height)
{
	if (!v->at_end || !v->n) {
		drop_window(v);
		int rc = extend_backward(v, height + margin(height));
		if (rc != 0)
			return rc;
	}
	v->cursor = v->n - 1;
	v->top = v->n - height > 0 ? v->n - height : 0;
	return listview_scroll(v, 0, 0, height);
}

const char *listview_value(const struct listview *v, int i, int col)
{
	if (i < 0 || i >= v->n || col < 0 || col >= v->ncols)
		return NULL;
	return v->rows[i].values[col];
}

long long listview_cursor_id(const struct listview *v)
{
	return v->cursor >= 0 && v->cursor < v->n ? v->rows[v->cursor].id : 0;
}

long long listview_position(const struct listview *v)
{
	return v->before >= 0 ? v->before + v->cursor : -1;
}

/* ---- filter and sort ---------------------------------------------------------------------- */

static void reset(struct listview *v, int keep_count)
{
	long long count = v->count;
	drop_window(v);
	v->count = keep_count ? count : -1;
	v->uncounted = 0;
	sqlgen_order(v->listing, v->keys, (size_t)v->nkeys, 0, &v->order);
	v->order.through_filter = v->few_issues;
}

/* Whether the query keeps at most a tenth of the store's issues (two counts on the small issue
 * table): then the rows of a few issues are read through them. */
static int keeps_few_issues(struct store *s, const struct query *q)
{
	long long from, to;
	if (!query_issue_span(q, &from, &to))
		return 0;
	long long in_span = store_count_issues(s, from, to), all = store_count(s, "issue");
	return in_span >= 0 && all > 0 && in_span * 10 <= all;
}

void listview_init(struct listview *v, struct store *s, enum query_target target)
{
	memset(v, 0, sizeof *v);
	v->store = s;
	v->listing = listing_get(target);
	v->count = -1;
	v->before = -1;
	const struct listing_column *cols = v->listing->columns;
	for (int i = 0; cols[i].name; i++)
		if (cols[i].shown && v->ncols < LISTING_MAX_COLUMNS)
			v->columns[v->ncols++] = i;
	struct query_error err;
	query_parse(target, "", 0, &v->query, &err);
	sqlgen_where(s, &v->query, &v->where, NULL, &err);
	reset(v, 0);
}

void listview_free(struct listview *v)
{
	drop_window(v);
	query_free(&v->query);
	sql_stmt_free(&v->where);
	free(v->filter);
	free(v->search);
}

/* Parses and compiles a filter with the view's scope of issues. 0, or -1 with *err. */
static int compile(struct listview *v, const char *filter, struct query *q,
		   struct sql_stmt *where, long long *rows, struct query_error *err)
{
	if (query_parse(v->listing->target, filter, strlen(filter), q, err) != 0)
		return -1;
	query_add_issue_scope(q, v->scope_from, v->scope_to);
	/* Compiled once: places, sections and rates are looked up here, not per window. */
	if (sqlgen_where(v->store, q, where, rows, err) != 0) {
		query_free(q);
		return -1;
	}
	return 0;
}

int listview_set_filter(struct listview *v, const char *filter, struct query_error *err)
{
	struct query q;
	struct sql_stmt where;
	long long rows;
	if (compile(v, filter, &q, &where, &rows, err) != 0)
		return -1;
	query_free(&v->query);
	sql_stmt_free(&v->where);
	v->query = q;
	v->where = where;
	v->few_issues = keeps_few_issues(v->store, &v->query);
	free(v->filter);
	v->filter = *filter ? xstrdup(filter) : NULL;
	reset(v, 0);
	v->count = rows;
	return 0;
}

int listview_set_scope(struct listview *v, int from, int to)
{
	int old_from = v->scope_from, old_to = v->scope_to;
	v->scope_from = from;
	v->scope_to = to;
	char *filter = v->filter ? xstrdup(v->filter) : xstrdup("");
	struct query_error err;
	int rc = listview_set_filter(v, filter, &err);
	free(filter);
	if (rc != 0) {
		v->scope_from = old_from;
		v->scope_to = old_to;
	}
	return rc;
}

void listview_show_column(struct listview *v, int column, int on)
{
	int at = -1;
	for (int i = 0; i < v->ncols; i++)
		if (v->columns[i] == column)
			at = i;
	if (on && at < 0 && v->ncols < LISTING_MAX_COLUMNS) {
		int i = v->ncols;
		while (i > 0 && v->columns[i - 1] > column) {
			v->columns[i] = v->columns[i - 1];
			i--;
		}
		v->columns[i] = column;
		v->ncols++;
		if (v->cur_col >= i && v->ncols > 1)
			v->cur_col++;
	} else if (!on && at >= 0) {
		memmove(v->columns + at, v->columns + at + 1,
			(size_t)(v->ncols - at - 1) * sizeof *v->columns);
		v->ncols--;
		if (v->cur_col > at || v->cur_col >= v->ncols)
			v->cur_col = v->cur_col > 0 ? v->cur_col - 1 : 0;
	} else {
		return;
	}
	/* The window's rows hold the values of the columns shown: read them again. */
	reset(v, 1);
}

int listview_sort_column(struct listview *v, int col, int descending)
{
	int column = v->columns[col];
	if (!v->listing->columns[column].sort)
		return -1;
	/* The column becomes the first key; the previous first stays as the tie-breaker. */
	const char *sort = v->listing->columns[column].sort;
	struct sort_key keys[QUERY_MAX_SORT_KEYS];
	int n = 0;
	keys[n++] = (struct sort_key){ column, descending };
	for (int i = 0; i < v->nkeys && n < 2; i++)
		if (strcmp(v->listing->columns[v->keys[i].column].sort, sort) != 0)
			keys[n++] = v->keys[i];
	memcpy(v->keys, keys, sizeof keys);
	v->nkeys = n;
	reset(v, 1); /* sorting does not change how many rows there are */
	return 0;
}

void listview_sort_natural(struct listview *v)
{
	v->nkeys = 0;
	reset(v, 1);
}

char *listview_sort_text(const struct listview *v)
{
	struct buf b = { 0 };
	for (int i = 0; i < v->nkeys; i++)
		buf_printf(&b, "%s%s%s", i ? ", " : "", v->listing->columns[v->keys[i].column].name,
			   v->keys[i].descending ? " desc" : "");
	return buf_take(&b);
}

int listview_column_sort(const struct listview *v, int col)
{
	const char *sort = v->listing->columns[v->columns[col]].sort;
	if (!sort || !v->nkeys || strcmp(v->listing->columns[v->keys[0].column].sort, sort) != 0)
		return 0;
	return v->keys[0].descending ? 2 : 1;
}

/* ---- counting ----------------------------------------------------------------------------- */

static int take_count(void *ctx, int ncols, const struct sql_bind *values)
{
	if (ncols >= 1 && values[0].type == BIND_INT)
		*(long long *)ctx = values[0].i;
	return 0;
}

long long listview_count(struct listview *v)
{
	if (v->count >= 0)
		return v->count;
	struct sql_stmt st;
	sqlgen_count(v->listing, &v->where, &v->order, NULL, &st);
	long long n = -1;
	int rc = store_run_typed(v->store, &st, take_count, &n);
	sql_stmt_free(&st);
	if (rc != 0)
		return rc;
	v->count = n;
	learn_count(v);
	return v->count;
}

int listview_locate(struct listview *v)
{
	if (v->before >= 0 || !v->n)
		return 0;
	struct sql_stmt st;
	sqlgen_count(v->listing, &v->where, &v->order, v->rows[0].keys, &st);
	long long n = -1;
	int rc = store_run_typed(v->store, &st, take_count, &n);
	sql_stmt_free(&st);
	if (rc == 0 && n >= 0)
		v->before = n;
	return rc;
}

/* ---- layout ------------------------------------------------------------------------------- */

/* The first column with a width (0 before a layout). */
static int first_shown(const struct listview *v)
{
	for (int c = 0; c < v->ncols; c++)
		if (v->widths[c])
			return c;
	return 0;
}

void listview_layout(struct listview *v, int width, int height)
{
	const struct listing_column *cols = v->listing->columns;
	size_t floor_w[LISTING_MAX_COLUMNS], total = 0;
	for (int c = 0; c < v->ncols; c++) {
		const struct listing_column *lc = &cols[v->columns[c]];
		size_t natural = text_strwidth(C_("column", lc->label)) + 2; /* room for the sort mark */
		size_t widest_value = 0;
		for (int r = v->top; r < v->top + height && r < v->n; r++) {
			size_t w = text_strwidth(v->rows[r].values[c]);
			if (w > widest_value)
				widest_value = w;
		}
		if (widest_value > natural)
			natural = widest_value;
		if (natural > 40)
			natural = 40;
		floor_w[c] = lc->min ? (size_t)lc->min : 6;
		/* A whole column (an amount) keeps its widest value on screen. */
		if (lc->whole && widest_value > floor_w[c])
			floor_w[c] = widest_value < 40 ? widest_value : 40;
		if (floor_w[c] > natural)
			floor_w[c] = natural;
		v->widths[c] = natural;
		total += natural + (c ? 1 : 0);
	}
	/* Space is taken first from the columns of the lowest priority (investors, titles: the
	 * widest by nature), then from the widest of the next, each down to its minimum. */
	for (int prio = 0; prio <= 9 && total > (size_t)width; prio++) {
		for (;;) {
			int widest = -1;
			for (int c = 0; c < v->ncols; c++)
				if (cols[v->columns[c]].priority == prio && v->widths[c] > floor_w[c] &&
				    (widest < 0 || v->widths[c] > v->widths[widest]))
					widest = c;
			if (widest < 0 || total <= (size_t)width)
				break;
			v->widths[widest]--;
			total--;
		}
	}
	/* Still too wide (a narrow terminal): columns are left out rather than squeezed to
	 * nothing, from the right, those to keep (a title, a name, an amount) last; the last one
	 * shown takes the rest of the line. A column left out has width 0. */
	for (int keep = 0; keep <= 1 && total > (size_t)width; keep++)
		for (int c = v->ncols - 1; c > 0 && total > (size_t)width; c--) {
			if (!v->widths[c] || cols[v->columns[c]].keep != keep || c == first_shown(v))
				continue;
			total -= v->widths[c] + 1;
			v->widths[c] = 0;
		}
	int last = -1;
	for (int c = 0; c < v->ncols; c++)
		if (v->widths[c])
			last = c;
	if (total > (size_t)width) {
		/* One column, still too wide: it takes the line. */
		int only = first_shown(v);
		for (int c = 0; c < v->ncols; c++)
			v->widths[c] = c == only ? (size_t)width : 0;
	} else if (last >= 0) {
		v->widths[last] += (size_t)width - total;
	}
}

int listview_column_shown(const struct listview *v, int col)
{
	return col >= 0 && col < v->ncols && v->widths[col] > 0;
}

int listview_column_choosable(const struct listview *v, int col)
{
	return listview_column_shown(v, col) && !v->listing->columns[v->columns[col]].browse;
}

/* ---- search ------------------------------------------------------------------------------- */

int listview_find(struct listview *v, const char *text, int dir, int height)
{
	if (!*text)
		return 0;
	struct sql_stmt holds;
	sqlgen_holds(v->store, v->listing, v->columns, (size_t)v->ncols, text, &holds);
	int rc = listview_find_where(v, &holds, dir, height);
	sql_stmt_free(&holds);
	return rc;
}

static int refresh_value(void *ctx, int ncols, const struct sql_bind *values)
{
	char **value = ctx;
	if (ncols > 0) {
		free(*value);
		*value = xstrdup(values[0].type == BIND_TEXT && values[0].text ? values[0].text : "");
	}
	return 0;
}

int listview_refresh_column(struct listview *v, int column)
{
	int at = -1;
	for (int c = 0; c < v->ncols; c++)
		if (v->columns[c] == column)
			at = c;
	if (at < 0)
		return 0;
	for (int r = 0; r < v->n; r++) {
		struct sql_stmt st;
		sqlgen_value_by_id(v->listing, column, v->rows[r].id, &st);
		int rc = store_run_typed(v->store, &st, refresh_value, &v->rows[r].values[at]);
		sql_stmt_free(&st);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int listview_find_where(struct listview *v, const struct sql_stmt *where, int dir, int height)
{
	if (!v->n) {
		int rc = listview_scroll(v, 0, 0, height);
		if (rc != 0)
			return rc;
		if (!v->n)
			return 0;
	}
	int backward = dir < 0;
	struct batch b;
	/* From the cursor on, then (wrapping) from the start or the end. */
	int rc = read_rows(v, backward, &v->rows[v->cursor], where, 1, &b);
	if (rc == 0 && !b.n)
		rc = read_rows(v, backward, NULL, where, 1, &b);
	if (rc != 0)
		return rc;
	if (!b.n)
		return 0;
	/* The window starts again at the row found, a third of the way down the screen. */
	drop_window(v);
	v->rows = b.rows;
	v->n = 1;
	int up = height / 3;
	rc = extend_backward(v, up);
	if (rc == 0)
		rc = extend_forward(v, height + margin(height));
	if (rc != 0)
		return rc;
	v->top = v->cursor - up > 0 ? v->cursor - up : 0;
	return listview_scroll(v, 0, 0, height) == 0 ? 1 : -1;
}
