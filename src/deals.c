/* deals.c: the Deals pane: the table of investments, unicorns and M&A, a deal in full, the
 * breakdown of a column (count and amount per value, Enter filters to the value) and the
 * export of the rows as shown to CSV. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "list.h"
#include "table.h"

/* One value of a breakdown: how many rows have it and their amount. */
struct breakdown_row {
	char *value;
	long long count;
	char *amount;
};

struct deals {
	struct table table;
	int breaking;                 /* the breakdown is shown */
	int counting;                 /* and is still being counted (after the screen is up) */
	struct breakdown_row *bd;
	size_t bd_n, bd_cursor, bd_top;
	int bd_col;                   /* the listing column broken down */
};

static struct deals *deals_of(struct pane *p)
{
	return (struct deals *)table_of(p);
}

/* ---- a deal in full --------------------------------------------------------------------- */

struct record {
	struct doc *d;
	size_t label_w;
	const struct listing *l;
};

static int add_fields(void *ctx, int header, int ncols, const char *const *values)
{
	struct record *r = ctx;
	if (header)
		return 0;
	for (int i = 0; i < ncols && r->l->columns[i].name; i++) {
		const char *name = r->l->columns[i].name;
		if (!values[i] || !*values[i] || strcmp(name, "id") == 0 ||
		    strcmp(name, "investors") == 0)
			continue;
		doc_add_wrapped(r->d, values[i], r->label_w, name, ROLE_NORMAL);
	}
	return 0;
}

static int add_investor(void *ctx, int header, int ncols, const char *const *values)
{
	struct record *r = ctx;
	(void)ncols;
	if (!header)
		doc_add_wrapped(r->d, values[0], r->label_w + 2, NULL, ROLE_NORMAL);
	return 0;
}

static int open_deal(struct table *t, long long id, int cols)
{
	/* The title: the company's name as the list shows it. */
	struct listview *v = &t->list;
	const char *name = NULL;
	for (int c = 0; c < v->ncols && !name; c++)
		if (strcmp(v->listing->columns[v->columns[c]].name, "company") == 0 &&
		    listview_cursor_id(v) == id)
			name = listview_value(v, v->cursor, c);
	char *title = xstrdup(name ? name : t->doc.title ? t->doc.title : "");
	doc_free(&t->doc);
	doc_init(&t->doc, title);
	free(title);
	t->doc.width = (size_t)cols;
	struct record r = { &t->doc, 14, v->listing };
	struct sql_stmt st;
	sqlgen_by_id(v->listing, id, &st);
	int rc = store_run(t->pane.store, &st, add_fields, &r);
	sql_stmt_free(&st);
	if (rc == 0) {
		doc_add(&t->doc, "", ROLE_NORMAL);
		doc_add(&t->doc, _("investors"), ROLE_HEADING);
		rc = store_deal_investors(t->pane.store, id, add_investor, &r);
	}
	if (rc != 0) {
		shell_say(t->pane.shell, 1, _("cannot read the store: %s"),
			  store_errmsg(t->pane.store));
		return -1;
	}
	return 0;
}

/* ---- the breakdown ------------------------------------------------------------------------ */

static void free_breakdown(struct deals *d)
{
	for (size_t i = 0; i < d->bd_n; i++) {
		free(d->bd[i].value);
		free(d->bd[i].amount);
	}
	free(d->bd);
	d->bd = NULL;
	d->bd_n = d->bd_cursor = d->bd_top = 0;
	d->breaking = d->counting = 0;
}

static int add_breakdown(void *ctx, int header, int ncols, const char *const *values)
{
	struct deals *d = ctx;
	(void)ncols;
	if (header || d->bd_n >= 1000)
		return 0;
	d->bd = xrealloc(d->bd, (d->bd_n + 1) * sizeof *d->bd);
	d->bd[d->bd_n++] = (struct breakdown_row){ xstrdup(values[0] ? values[0] : ""),
						   values[1] ? atoll(values[1]) : 0,
						   xstrdup(values[2] ? values[2] : "") };
	return 0;
}

/* B shows the breakdown at once, empty; it is counted once the screen is up (deals_idle),
 * so that keys keep working while a million rows are grouped. */
static void open_breakdown(struct deals *d)
{
	struct listview *v = &d->table.list;
	free_breakdown(d);
	d->bd_col = v->columns[v->cur_col];
	d->breaking = 1;
	d->counting = 1;
}

/* Counts the breakdown: 1 when done (or given up), 0 when a key stopped it (it starts again
 * after the key). */
static int count_breakdown(struct deals *d)
{
	struct listview *v = &d->table.list;
	struct shell *sh = d->table.pane.shell;
	struct sql_stmt st;
	sqlgen_breakdown(v->listing, &v->where, d->bd_col, &st);
	int rc = store_run(d->table.pane.store, &st, add_breakdown, d);
	sql_stmt_free(&st);
	if (rc == -2 && !shell_interrupted(sh)) {
		free_breakdown(d);
		d->breaking = d->counting = 1;
		return 0;
	}
	d->counting = 0;
	if (rc == -2) {
		free_breakdown(d);
		shell_say(sh, 1, "%s", _("stopped"));
	} else if (rc != 0) {
		free_breakdown(d);
		shell_say(sh, 1, _("cannot read the store: %s"), store_errmsg(d->table.pane.store));
	}
	return 1;
}

static void filter_to_value(struct deals *d)
{
	struct listview *v = &d->table.list;
	if (d->bd_cursor >= d->bd_n)
		return;
	const struct listing_column *c = &v->listing->columns[d->bd_col];
	const char *value = d->bd[d->bd_cursor].value;
	if (!c->field || !*value) {
		shell_say(d->table.pane.shell, 1, _("the column '%s' cannot be filtered by value"),
			  c->name);
		return;
	}
	int quote = strchr(value, ' ') != NULL;
	char *term = xasprintf("%s:%s%s%s", c->field, quote ? "\"" : "", value, quote ? "\"" : "");
	char *filter = v->filter ? xasprintf("%s %s", v->filter, term) : xstrdup(term);
	struct query_error err;
	if (listview_set_filter(v, filter, &err) != 0)
		shell_say(d->table.pane.shell, 1, "%s", err.msg);
	else
		shell_remember_filter(d->table.pane.shell, filter);
	free(term);
	free(filter);
	free_breakdown(d);
}

static void breakdown_move(struct deals *d, enum action_id a, int height)
{
	long long c = (long long)d->bd_cursor;
	switch (a) {
	case ACT_DOWN:
		c++;
		break;
	case ACT_UP:
		c--;
		break;
	case ACT_PAGE_DOWN:
		c += height;
		break;
	case ACT_PAGE_UP:
		c -= height;
		break;
	case ACT_HALF_DOWN:
		c += height / 2;
		break;
	case ACT_HALF_UP:
		c -= height / 2;
		break;
	case ACT_TOP:
		c = 0;
		break;
	case ACT_BOTTOM:
		c = (long long)d->bd_n - 1;
		break;
	default:
		break;
	}
	if (c >= (long long)d->bd_n)
		c = (long long)d->bd_n - 1;
	if (c < 0)
		c = 0;
	d->bd_cursor = (size_t)c;
	if (d->bd_cursor < d->bd_top)
		d->bd_top = d->bd_cursor;
	else if (d->bd_cursor >= d->bd_top + (size_t)height)
		d->bd_top = d->bd_cursor - (size_t)height + 1;
}

static void draw_breakdown(struct deals *d, WINDOW *w, int rows, int cols)
{
	int height = table_list_rows(rows);
	size_t wcount = 8, wamount = 16;
	size_t wvalue = (size_t)cols > wcount + wamount + 2 ? (size_t)cols - wcount - wamount - 2 : 10;
	const struct listing_column *c = &d->table.list.listing->columns[d->bd_col];
	ui_put(w, 0, 0, C_("column", c->label), wvalue, ALIGN_LEFT, ROLE_HEADER);
	ui_put(w, 0, (int)wvalue + 1, _("count"), wcount, ALIGN_RIGHT, ROLE_HEADER);
	ui_put(w, 0, (int)(wvalue + wcount + 2), _("amount (yuan)"), wamount, ALIGN_RIGHT,
	       ROLE_HEADER);
	for (int y = 0; y < height; y++) {
		size_t i = d->bd_top + (size_t)y;
		if (i >= d->bd_n)
			break;
		enum ui_role role = i == d->bd_cursor ? ROLE_SELECTED : ROLE_NORMAL;
		char count[32];
		snprintf(count, sizeof count, "%lld", d->bd[i].count);
		ui_put(w, 1 + y, 0, d->bd[i].value, wvalue, ALIGN_LEFT, role);
		ui_put(w, 1 + y, (int)wvalue, " ", 1, ALIGN_LEFT, role);
		ui_put(w, 1 + y, (int)wvalue + 1, count, wcount, ALIGN_RIGHT, role);
		ui_put(w, 1 + y, (int)(wvalue + wcount + 1), " ", 1, ALIGN_LEFT, role);
		ui_put(w, 1 + y, (int)(wvalue + wcount + 2), d->bd[i].amount, wamount, ALIGN_RIGHT,
		       role);
	}
}

/* ---- export ------------------------------------------------------------------------------- */

struct export {
	FILE *f;
	long long rows;
};

static int export_row(void *ctx, int header, int ncols, const char *const *values)
{
	struct export *e = ctx;
	list_csv_row(e->f, ncols, values);
	e->rows += !header;
	return ferror(e->f) ? -1 : 0;
}

static void export_rows(struct deals *d, const char *path)
{
	struct listview *v = &d->table.list;
	struct shell *sh = d->table.pane.shell;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		shell_say(sh, 1, _("cannot write %s: %s"), path, strerror(errno));
		return;
	}
	struct export e = { fdopen(fd, "w"), 0 };
	struct sql_stmt st;
	struct query_error err;
	int rc = sqlgen_select(d->table.pane.store, &v->query, v->keys, (size_t)v->nkeys, 0,
			       v->columns, (size_t)v->ncols, &st, &err);
	if (rc == 0) {
		rc = store_run(d->table.pane.store, &st, export_row, &e);
		sql_stmt_free(&st);
	}
	if (fclose(e.f) != 0)
		rc = -1;
	if (rc != 0)
		shell_say(sh, 1, _("cannot write %s: %s"), path, strerror(errno));
	else
		shell_say(sh, 0, _("%lld rows written to %s"), e.rows, path);
}

/* ---- the pane ----------------------------------------------------------------------------- */

static unsigned deals_where(struct pane *p)
{
	return deals_of(p)->breaking ? IN_READER : table_where(p);
}

static void deals_sync(struct pane *p, int rows, int cols)
{
	if (!deals_of(p)->breaking)
		table_sync(p, rows, cols);
}

static void deals_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	struct deals *d = deals_of(p);
	if (d->breaking)
		draw_breakdown(d, w, rows, cols);
	else
		table_draw(p, w, rows, cols);
}

static char *deals_status(struct pane *p)
{
	struct deals *d = deals_of(p);
	if (!d->breaking)
		return table_status(p);
	if (d->counting)
		return xasprintf(" %s  %s", _("Breakdown"), _("counting…"));
	return xasprintf(" %s  %zu/%zu", _("Breakdown"), d->bd_cursor + 1, d->bd_n);
}

static void deals_hints(struct pane *p, struct buf *b)
{
	if (deals_of(p)->breaking)
		buf_printf(b, "Enter %s", _("filter"));
}

static int deals_key(struct pane *p, int is_key, int ch, int rows, int cols)
{
	struct deals *d = deals_of(p);
	(void)rows;
	(void)cols;
	/* Enter in a breakdown filters to the value. */
	if (d->breaking && ((!is_key && (ch == '\n' || ch == '\r')) || (is_key && ch == KEY_ENTER))) {
		filter_to_value(d);
		return 1;
	}
	return 0;
}

static int deals_act(struct pane *p, enum action_id a, int rows, int cols)
{
	struct deals *d = deals_of(p);
	if (d->breaking) {
		if (a == ACT_BACK || a == ACT_QUIT)
			free_breakdown(d);
		else
			breakdown_move(d, a, table_list_rows(rows));
		return 1;
	}
	if (!d->table.reading && a == ACT_BREAKDOWN) {
		open_breakdown(d);
		return 1;
	}
	if (!d->table.reading && a == ACT_EXPORT) {
		shell_ask(p->shell, ASK_EXPORT);
		return 1;
	}
	return table_act(p, a, rows, cols);
}

static int deals_set_filter(struct pane *p, const char *text, struct query_error *err)
{
	int rc = table_set_filter(p, text, err);
	if (rc == 0)
		free_breakdown(deals_of(p));
	return rc;
}

static void deals_answer(struct pane *p, enum ask_kind ask, const char *text, int rows, int cols)
{
	if (ask == ASK_EXPORT) {
		if (*text)
			export_rows(deals_of(p), text);
		return;
	}
	table_answer(p, ask, text, rows, cols);
}

static int deals_idle(struct pane *p)
{
	struct deals *d = deals_of(p);
	if (d->breaking)
		return d->counting ? count_breakdown(d) : 0;
	return table_idle(p);
}

static void deals_free(struct pane *p)
{
	struct deals *d = deals_of(p);
	free_breakdown(d);
	table_free(p);
	free(d);
}

static const struct pane_ops deals_ops = {
	.name = N_("Deals"),
	.where = deals_where,
	.sync = deals_sync,
	.draw = deals_draw,
	.status = deals_status,
	.hints = deals_hints,
	.links = table_links,
	.key = deals_key,
	.act = deals_act,
	.filter = table_filter,
	.set_filter = deals_set_filter,
	.answer = deals_answer,
	.relayout = table_relayout,
	.idle = deals_idle,
	.free = deals_free,
};

struct pane *deals_new(struct store *s, struct shell *sh)
{
	struct deals *d = xcalloc(1, sizeof *d);
	table_init(&d->table, &deals_ops, s, sh, TARGET_DEALS, IN_DEALS, open_deal);
	return &d->table.pane;
}
