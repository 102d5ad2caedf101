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

#include <sys/stat.h>

#include "amount.h"
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
	/* The rows in view, counted with their amounts once the screen is up. */
	int totals_known;
	long long t_rows, t_known, t_approx;
	double t_sum;
	char *export_path;            /* the file an overwrite question is about */
	int scope_issues;             /* issues in the scope: an issue column when several */
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
		if (!values[i] || !*values[i] || strcmp(name, "id") == 0 || r->l->columns[i].browse ||
		    strcmp(name, "investors") == 0)
			continue;
		/* Labels and coded values in the interface's language. */
		char *shown = listing_display_value(&r->l->columns[i], values[i]);
		doc_add_wrapped(r->d, shown, r->label_w, C_("column", r->l->columns[i].label),
				ROLE_NORMAL);
		free(shown);
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
	if (header || d->bd_n >= SQLGEN_BREAKDOWN_MAX)
		return 0;
	d->bd = xrealloc(d->bd, (d->bd_n + 1) * sizeof *d->bd);
	/* Amounts in the newsletter's unit, 억 위안, with separators. */
	char amount[48] = "";
	if (values[2] && *values[2])
		amount_format_eok(c_strtod(values[2], NULL), amount, sizeof amount);
	d->bd[d->bd_n++] = (struct breakdown_row){ xstrdup(values[0] ? values[0] : ""),
						   values[1] ? atoll(values[1]) : 0,
						   xstrdup(amount) };
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
	if (listview_set_filter(v, filter, &err) != 0) {
		shell_say(d->table.pane.shell, 1, "%s", err.msg);
	} else {
		shell_remember_filter(d->table.pane.shell, filter);
		d->totals_known = 0;
	}
	free(term);
	free(filter);
	free_breakdown(d);
}

static int take_totals(void *ctx, int ncols, const struct sql_bind *v)
{
	struct deals *d = ctx;
	if (ncols < 4)
		return 0;
	d->t_rows = v[0].type == BIND_INT ? v[0].i : 0;
	d->t_sum = v[1].type == BIND_REAL ? v[1].d : v[1].type == BIND_INT ? (double)v[1].i : 0;
	d->t_known = v[2].type == BIND_INT ? v[2].i : 0;
	d->t_approx = v[3].type == BIND_INT ? v[3].i : 0;
	return 0;
}

/* Counts the rows in view with their amounts (after the screen is up; a key stops it and it
 * starts again after, Ctrl-C drops it with the count). 1 when there is something to show. */
static int count_totals(struct deals *d)
{
	struct listview *v = &d->table.list;
	struct sql_stmt st;
	sqlgen_totals(v->listing, &v->where, &st);
	int rc = store_run_typed(d->table.pane.store, &st, take_totals, d);
	sql_stmt_free(&st);
	if (rc == 0) {
		d->totals_known = 1;
		return 1;
	}
	if (rc == -2 && shell_interrupted(d->table.pane.shell))
		v->uncounted = 1;
	return 0;
}

static void breakdown_move(struct deals *d, enum action_id a, int height)
{
	long c = action_move(a, (long)d->bd_cursor, (long)d->bd_n, height);
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
	ui_put(w, 0, (int)(wvalue + wcount + 2), _("amount (억 위안)"), wamount, ALIGN_RIGHT,
	       ROLE_HEADER);
	for (int y = 0; y < height; y++) {
		size_t i = d->bd_top + (size_t)y;
		if (i >= d->bd_n)
			break;
		enum ui_role role = i == d->bd_cursor ? ROLE_SELECTED : ROLE_NORMAL;
		char count[32];
		snprintf(count, sizeof count, "%lld", d->bd[i].count);
		char *shown = listing_display_value(c, d->bd[i].value);
		ui_put(w, 1 + y, 0, shown, wvalue, ALIGN_LEFT, role);
		free(shown);
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

/* Writes the rows as shown to path, a UTF-8 BOM first so that spreadsheets (Excel in
 * Korea) read the Hangul right. overwrite: the user said yes to replacing the file. */
static void export_rows(struct deals *d, const char *path, int overwrite)
{
	struct listview *v = &d->table.list;
	struct shell *sh = d->table.pane.shell;
	int fd = open(path, O_WRONLY | O_CREAT | (overwrite ? O_TRUNC : O_EXCL), 0644);
	if (fd < 0) {
		shell_say(sh, 1, _("cannot write %s: %s"), path, strerror(errno));
		return;
	}
	struct export e = { fdopen(fd, "w"), 0 };
	fputs("\xEF\xBB\xBF", e.f);
	/* The columns on screen, but for the reader's marks: the file is the data, for others. */
	int columns[LISTING_MAX_COLUMNS];
	size_t ncolumns = 0;
	for (int i = 0; i < v->ncols; i++)
		if (!v->listing->columns[v->columns[i]].browse)
			columns[ncolumns++] = v->columns[i];
	struct sql_stmt st;
	struct query_error err;
	int rc = sqlgen_select(d->table.pane.store, &v->query, v->keys, (size_t)v->nkeys, 0,
			       columns, ncolumns, &st, &err);
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

/* The answer to the export prompt: ~ expanded, and a file that is there already replaced
 * only when the user says so. */
static void export_answer(struct deals *d, const char *text)
{
	char *path = expand_home(text);
	struct stat st;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			shell_say(d->table.pane.shell, 1, _("%s is a directory"), path);
			free(path);
			return;
		}
		free(d->export_path);
		d->export_path = path;
		shell_ask(d->table.pane.shell, ASK_OVERWRITE);
		return;
	}
	export_rows(d, path, 0);
	free(path);
}

/* A file name to propose: jubo-deals.csv (with the issue when one is in view) in the current
 * directory, numbered past the files already there. As the user would type it: under the
 * home directory with ~. */
static char *export_proposal(struct deals *d)
{
	const struct issue_scope *sc = shell_scope(d->table.pane.shell);
	char *base = sc->issues == 1 && sc->latest
			     ? xasprintf("jubo-deals-%d", sc->latest)
			     : xstrdup("jubo-deals");
	char cwd[4096];
	const char *dir = getcwd(cwd, sizeof cwd) ? cwd : ".";
	char *path = NULL;
	for (int n = 1; n < 1000; n++) {
		free(path);
		path = n == 1 ? xasprintf("%s/%s.csv", dir, base)
			      : xasprintf("%s/%s-%d.csv", dir, base, n);
		if (access(path, F_OK) != 0)
			break;
	}
	free(base);
	char *shown = collapse_home(path);
	free(path);
	return shown;
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

/* " deals · 21.57 억 위안 (1 approx.)", after "1 of 2": the rows in view and their amounts
 * in yuan. */
static char *totals_text(const struct deals *d)
{
	if (!d->totals_known)
		return NULL;
	struct buf b = { 0 };
	/* After "1 of 27": " deals · 849.48 억 위안 (5 approx.)". */
	buf_adds(&b, ngettext(" deal", " deals", (unsigned long)d->t_rows));
	if (d->t_known) {
		char sum[48];
		amount_format_eok(d->t_sum, sum, sizeof sum);
		buf_printf(&b, " · %s %s", sum, _("억 위안"));
		/* How much of the sum is approximate (거의, 이상) or missing. */
		long long unknown = d->t_rows - d->t_known;
		if (d->t_approx && unknown)
			buf_printf(&b, _(" (%lld approx., %lld unknown)"), d->t_approx, unknown);
		else if (d->t_approx)
			buf_printf(&b, _(" (%lld approx.)"), d->t_approx);
		else if (unknown)
			buf_printf(&b, _(" (%lld unknown)"), unknown);
	}
	return buf_take(&b);
}

static char *deals_status(struct pane *p)
{
	struct deals *d = deals_of(p);
	if (!d->breaking && !d->table.reading) {
		char *totals = totals_text(d);
		char *s = table_status_with(p, totals);
		free(totals);
		return s;
	}
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

static int first_investor(void *ctx, int header, int ncols, const char *const *values)
{
	char **name = ctx;
	if (!header && ncols > 0 && values[0] && !*name)
		*name = xstrdup(values[0]);
	return 0;
}

/* w: the follow prompt, holding what the chosen column names for the row under the cursor
 * (its company unless the column is an investor, a sector or a place). */
static void propose_follow(struct deals *d)
{
	struct listview *v = &d->table.list;
	long long id = listview_cursor_id(v);
	if (!id)
		return;
	const char *col = v->listing->columns[v->columns[v->cur_col]].name;
	const char *value = listview_value(v, v->cursor, v->cur_col);
	char *name = NULL;
	const char *kind = "company";
	if (strcmp(col, "investors") == 0) {
		kind = "investor";
		store_deal_investors(d->table.pane.store, id, first_investor, &name);
	} else if (strcmp(col, "sector") == 0 && value && *value) {
		kind = "sector";
		name = xstrdup(value);
	} else if ((strcmp(col, "region") == 0 || strcmp(col, "city") == 0 ||
		    strcmp(col, "country") == 0 || strcmp(col, "place") == 0) &&
		   value && *value) {
		kind = "place";
		name = xstrdup(value);
	} else if (strcmp(col, "company_zh") == 0 && value && *value) {
		name = xstrdup(value);
	}
	for (int c = 0; c < v->ncols && !name; c++) {
		const char *n = v->listing->columns[v->columns[c]].name;
		const char *val = listview_value(v, v->cursor, c);
		if ((strcmp(n, "company") == 0 || strcmp(n, "company_zh") == 0) && val && *val)
			name = xstrdup(val);
	}
	if (!name)
		return;
	char *proposal = xasprintf("%s:%s", kind, name);
	shell_ask_with(d->table.pane.shell, ASK_FOLLOW, proposal);
	free(proposal);
	free(name);
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
	if (!d->table.reading && a == ACT_FOLLOW) {
		propose_follow(d);
		return 1;
	}
	if (!d->table.reading && a == ACT_EXPORT) {
		char *proposal = export_proposal(d);
		shell_ask_with(p->shell, ASK_EXPORT, proposal);
		free(proposal);
		return 1;
	}
	return table_act(p, a, rows, cols);
}

static int deals_set_filter(struct pane *p, const char *text, struct query_error *err)
{
	int rc = table_set_filter(p, text, err);
	if (rc == 0) {
		free_breakdown(deals_of(p));
		deals_of(p)->totals_known = 0;
	}
	return rc;
}

/* A scope of several issues shows which issue each deal is from. */
static void deals_set_scope(struct pane *p, const struct issue_scope *scope)
{
	struct deals *d = deals_of(p);
	free_breakdown(d);
	d->totals_known = 0;
	table_set_scope(p, scope);
	struct listview *v = &d->table.list;
	listview_show_column(v, listing_column_index(v->listing, "issue"), scope->issues > 1);
}

static void deals_answer(struct pane *p, enum ask_kind ask, const char *text, int rows, int cols)
{
	struct deals *d = deals_of(p);
	if (ask == ASK_EXPORT) {
		if (*text)
			export_answer(d, text);
		return;
	}
	if (ask == ASK_OVERWRITE) {
		if (d->export_path && answer_is_yes(text))
			export_rows(d, d->export_path, 1);
		else if (d->export_path)
			shell_say(p->shell, 0, _("not written: %s is kept as it was"), d->export_path);
		free(d->export_path);
		d->export_path = NULL;
		return;
	}
	table_answer(p, ask, text, rows, cols);
}

static int deals_idle(struct pane *p)
{
	struct deals *d = deals_of(p);
	if (d->breaking)
		return d->counting ? count_breakdown(d) : 0;
	int rc = table_idle(p);
	if (rc || d->totals_known || d->table.reading || d->table.list.uncounted)
		return rc;
	return count_totals(d);
}

static void deals_free(struct pane *p)
{
	struct deals *d = deals_of(p);
	free(d->export_path);
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
	.set_scope = deals_set_scope,
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
