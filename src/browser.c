/* browser.c: the browser's panes, main loop and drawing. */
#include "config.h"

#include "browser.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "actions.h"
#include "calendar.h"
#include "doc.h"
#include "i18n.h"
#include "list.h"
#include "listview.h"
#include "prompt.h"
#include "regions.h"
#include "sqlgen.h"
#include "ui.h"
#include "util.h"

#define MIN_COLS 40
#define MIN_ROWS 12

enum pane_id { PANE_NEWS, PANE_DEALS, PANE_REGIONS, PANE_CALENDAR, PANE_COUNT };
enum mode { MODE_LIST, MODE_DOC, MODE_BREAKDOWN };
enum prompt_kind { ASK_FILTER, ASK_SEARCH, ASK_EXPORT, ASK_OPEN_LINK, ASK_COPY_LINK };

/* One value of a breakdown: how many rows have it and their amount. */
struct breakdown_row {
	char *value;
	long long count;
	char *amount;
};

struct pane {
	const char *name;             /* N_() tab label */
	int has_list;                 /* News and Deals; the others arrive later */
	struct listview list;
	enum mode mode;
	struct doc doc;               /* reader, deal detail */
	struct breakdown_row *bd;     /* breakdown of one column */
	size_t bd_n, bd_cursor, bd_top;
	int bd_col;
	long long opened;             /* the row the document shows (News, Deals) */
	struct calendar cal;          /* the Calendar pane */
	struct regions reg;           /* the Regions pane */
};

struct browser {
	struct store *store;
	struct pane panes[PANE_COUNT];
	int current;
	int rows, cols;
	int help;                     /* the help screen is up */
	struct doc help_doc;
	char *message;                /* shown in the hint line until the next key */
	int message_is_error;
	int prompting;
	enum prompt_kind ask;
	struct prompt prompt;
	struct prompt_history filters, searches, files;
	char *issue_title;            /* "주간 중국창업 No. 418 · 2025-03-31" */
};

static struct pane *cur(struct browser *b)
{
	return &b->panes[b->current];
}

static void say(struct browser *b, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct browser *b, int error, const char *fmt, ...)
{
	va_list ap;
	free(b->message);
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	b->message = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->message_is_error = error;
}

/* Rows of the body: the screen without the tab bar, the status and the hint lines. */
static int body_rows(const struct browser *b)
{
	return b->rows - 3;
}

/* Rows of a list: the body without its header line. */
static int list_rows(const struct browser *b)
{
	return body_rows(b) - 1;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static void draw_tabs(struct browser *b)
{
	wattrset(stdscr, ui_attr(ROLE_TAB));
	mvhline(0, 0, ' ', b->cols);
	int x = 0;
	for (int i = 0; i < PANE_COUNT && x < b->cols; i++) {
		char *label = xasprintf(" %d %s ", i + 1, _(b->panes[i].name));
		size_t w = text_strwidth(label);
		if ((size_t)x + w > (size_t)b->cols)
			w = (size_t)(b->cols - x);
		ui_put(stdscr, 0, x, label, w, ALIGN_LEFT,
		       i == b->current ? ROLE_TAB_ACTIVE : ROLE_TAB);
		x += (int)w;
		free(label);
	}
	if (b->issue_title && x + 2 < b->cols) {
		size_t room = (size_t)(b->cols - x - 1);
		size_t w = text_strwidth(b->issue_title);
		if (w > room)
			w = room;
		ui_put(stdscr, 0, b->cols - 1 - (int)w, b->issue_title, w, ALIGN_RIGHT, ROLE_TITLE);
	}
}

static void draw_list(struct browser *b, struct pane *p)
{
	struct listview *v = &p->list;
	int height = list_rows(b);
	if (listview_fetch(v, v->top, height) != 0)
		say(b, 1, _("cannot read the store: %s"), store_errmsg(b->store));
	listview_layout(v, b->cols);
	const struct list_column *cols = sqlgen_columns(v->target);
	int x = 0, ncols = 0;
	while (ncols < v->ncols && v->widths[ncols])
		ncols++;
	if (v->cur_col >= ncols)
		v->cur_col = ncols - 1;
	for (int c = 0; c < ncols; c++) {
		int dir = listview_column_sort(v, c);
		char *head = xasprintf("%s%s", cols[v->columns[c]].name,
				       dir == 1 ? " ^" : dir == 2 ? " v" : "");
		ui_put(stdscr, 1, x, head, v->widths[c], ALIGN_LEFT,
		       c == v->cur_col ? ROLE_SELECTED : ROLE_HEADER);
		free(head);
		x += (int)v->widths[c];
		if (c + 1 < ncols)
			ui_put(stdscr, 1, x++, " ", 1, ALIGN_LEFT, ROLE_HEADER);
	}
	for (int y = 0; y < height; y++) {
		long long row = v->top + y;
		int screen_y = 2 + y;
		const char *first = listview_value(v, row, 0);
		if (!first) {
			move(screen_y, 0);
			clrtoeol();
			continue;
		}
		enum ui_role role = row == v->cursor ? ROLE_SELECTED : ROLE_NORMAL;
		x = 0;
		for (int c = 0; c < ncols; c++) {
			const char *val = listview_value(v, row, c);
			int numeric = cols[v->columns[c]].numeric;
			size_t from = 0, to = 0;
			if (v->search && text_find_cells(val, v->search, &from, &to)) {
				ui_put_marked(stdscr, screen_y, x, val, v->widths[c], role, from, to);
			} else {
				ui_put(stdscr, screen_y, x, val, v->widths[c],
				       numeric ? ALIGN_RIGHT : ALIGN_LEFT, role);
			}
			x += (int)v->widths[c];
			if (c + 1 < ncols)
				ui_put(stdscr, screen_y, x++, " ", 1, ALIGN_LEFT, role);
		}
	}
}

static void draw_breakdown(struct browser *b, struct pane *p)
{
	int height = list_rows(b);
	size_t wcount = 8, wamount = 16;
	size_t wvalue = (size_t)b->cols > wcount + wamount + 2 ? (size_t)b->cols - wcount - wamount - 2
							      : 10;
	const struct list_column *cols = sqlgen_columns(p->list.target);
	ui_put(stdscr, 1, 0, cols[p->list.columns[p->bd_col]].name, wvalue, ALIGN_LEFT, ROLE_HEADER);
	ui_put(stdscr, 1, (int)wvalue + 1, _("count"), wcount, ALIGN_RIGHT, ROLE_HEADER);
	ui_put(stdscr, 1, (int)(wvalue + wcount + 2), _("amount (yuan)"), wamount, ALIGN_RIGHT,
	       ROLE_HEADER);
	for (int y = 0; y < height; y++) {
		size_t i = p->bd_top + (size_t)y;
		if (i >= p->bd_n) {
			move(2 + y, 0);
			clrtoeol();
			continue;
		}
		enum ui_role role = i == p->bd_cursor ? ROLE_SELECTED : ROLE_NORMAL;
		char count[32];
		snprintf(count, sizeof count, "%lld", p->bd[i].count);
		ui_put(stdscr, 2 + y, 0, p->bd[i].value, wvalue, ALIGN_LEFT, role);
		ui_put(stdscr, 2 + y, (int)wvalue, " ", 1, ALIGN_LEFT, role);
		ui_put(stdscr, 2 + y, (int)wvalue + 1, count, wcount, ALIGN_RIGHT, role);
		ui_put(stdscr, 2 + y, (int)(wvalue + wcount + 1), " ", 1, ALIGN_LEFT, role);
		ui_put(stdscr, 2 + y, (int)(wvalue + wcount + 2), p->bd[i].amount, wamount,
		       ALIGN_RIGHT, role);
	}
}

/* A sub-window view of the body for documents. */
static void draw_doc(struct browser *b, struct doc *d)
{
	WINDOW *w = derwin(stdscr, body_rows(b), b->cols, 1, 0);
	if (!w)
		return;
	doc_draw(d, w, body_rows(b), b->cols);
	delwin(w);
}

static void draw_status(struct browser *b)
{
	struct pane *p = cur(b);
	struct buf s = { 0 };
	if (b->prompting && b->message) {
		ui_put(stdscr, b->rows - 2, 0, b->message, (size_t)b->cols, ALIGN_LEFT, ROLE_ERROR);
		return;
	}
	if (b->help) {
		buf_printf(&s, " %s", _("Help: keys"));
	} else if (p->mode == MODE_DOC) {
		buf_printf(&s, " %s  %zu/%zu", p->doc.title, p->doc.top + 1,
			   p->doc.count ? p->doc.count : 1);
	} else if (b->current == PANE_CALENDAR) {
		char *t = calendar_status(&p->cal);
		buf_adds(&s, t);
		free(t);
	} else if (b->current == PANE_REGIONS) {
		char *t = regions_status(&p->reg);
		buf_adds(&s, t);
		free(t);
	} else if (p->mode == MODE_BREAKDOWN) {
		buf_printf(&s, " %s  %zu/%zu", _("Breakdown"), p->bd_cursor + 1, p->bd_n);
	} else {
		struct listview *v = &p->list;
		buf_printf(&s, " %s  ", _(p->name));
		if (v->count >= 0)
			buf_printf(&s, _("%lld of %lld"), v->count ? v->cursor + 1 : 0, v->count);
		else
			buf_printf(&s, _("%lld of …"), v->cursor + 1);
		char *sort = listview_sort_text(v);
		if (*sort)
			buf_printf(&s, "  %s: %s", _("sort"), sort);
		free(sort);
		if (v->filter)
			buf_printf(&s, "  %s: %s", _("filter"), v->filter);
	}
	ui_put(stdscr, b->rows - 2, 0, s.data, (size_t)b->cols, ALIGN_LEFT, ROLE_STATUS);
	buf_free(&s);
}

static unsigned where_am_i(struct browser *b)
{
	struct pane *p = cur(b);
	if (b->help || p->mode == MODE_DOC)
		return IN_READER;
	if (b->current == PANE_CALENDAR)
		return IN_CALENDAR;
	if (b->current == PANE_REGIONS)
		return IN_REGIONS;
	if (p->mode == MODE_BREAKDOWN)
		return IN_READER;
	return IN_LIST | (b->current == PANE_DEALS ? IN_DEALS : 0);
}

static void draw_hint(struct browser *b)
{
	int y = b->rows - 1;
	if (b->prompting) {
		static const char *const labels[] = { N_("Filter: "), N_("Search: "),
						      N_("Export to file: "), N_("Open link number: "),
						      N_("Copy link number: ") };
		const char *label = _(labels[b->ask]);
		size_t lw = text_strwidth(label);
		size_t room = (size_t)b->cols > lw + 1 ? (size_t)b->cols - lw - 1 : 1;
		/* Scroll the line so that the cursor stays in view. */
		size_t cursor = prompt_cursor_cells(&b->prompt), skip = 0;
		const char *text = b->prompt.text;
		while (cursor - skip >= room) {
			int w;
			size_t n = text_cluster(text, text + strlen(text), &w);
			text += n;
			skip += (size_t)w;
		}
		ui_put(stdscr, y, 0, label, lw, ALIGN_LEFT, ROLE_HEADER);
		ui_put(stdscr, y, (int)lw, text, room + 1, ALIGN_LEFT, ROLE_NORMAL);
		move(y, (int)(lw + cursor - skip));
		curs_set(1);
		return;
	}
	curs_set(0);
	if (b->message) {
		ui_put(stdscr, y, 0, b->message, (size_t)b->cols, ALIGN_LEFT,
		       b->message_is_error ? ROLE_ERROR : ROLE_NORMAL);
		return;
	}
	/* Hints from the action table: keys and names of the actions marked for it. */
	struct buf h = { 0 };
	unsigned where = where_am_i(b);
	struct pane *p = cur(b);
	if (!b->help && p->has_list && p->mode == MODE_BREAKDOWN)
		buf_printf(&h, "Enter %s", _("filter"));
	size_t links = b->help ? 0 : p->doc.nlinks;
	for (const struct action *a = actions; a->name; a++)
		if (a->hint && (a->where & where) && (a->id != ACT_OPEN_LINK || links))
			buf_printf(&h, "%s%s %s", h.len ? "  " : "", a->keys, _(a->name));
	ui_put(stdscr, y, 0, h.data, (size_t)b->cols, ALIGN_LEFT, ROLE_HINT);
	buf_free(&h);
}

static void draw(struct browser *b)
{
	getmaxyx(stdscr, b->rows, b->cols);
	if (b->cols < MIN_COLS || b->rows < MIN_ROWS) {
		erase();
		char *msg = xasprintf(_("Terminal too small (%dx%d); jubo needs %dx%d."), b->cols,
				      b->rows, MIN_COLS, MIN_ROWS);
		struct text_line *lines;
		size_t n = text_wrap(msg, strlen(msg), (size_t)(b->cols > 1 ? b->cols : 1), &lines);
		for (size_t i = 0; i < n && (int)i < b->rows; i++) {
			char *line = xstrndup(msg + lines[i].start, lines[i].len);
			ui_put(stdscr, (int)i, 0, line, (size_t)b->cols, ALIGN_LEFT, ROLE_NORMAL);
			free(line);
		}
		free(lines);
		free(msg);
		curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	struct pane *p = cur(b);
	/* Everything is drawn afresh into curses' copy of the screen; doupdate sends only the
	 * cells that differ from what the terminal shows. */
	erase();
	draw_tabs(b);
	if (b->help)
		draw_doc(b, &b->help_doc);
	else if (p->mode == MODE_DOC)
		draw_doc(b, &p->doc);
	else if (b->current == PANE_CALENDAR)
		calendar_draw(&p->cal, 1, body_rows(b), b->cols);
	else if (b->current == PANE_REGIONS)
		regions_draw(&p->reg, 1, body_rows(b), b->cols);
	else if (p->mode == MODE_DOC)
		draw_doc(b, &p->doc);
	else if (p->mode == MODE_BREAKDOWN)
		draw_breakdown(b, p);
	else
		draw_list(b, p);
	draw_status(b);
	draw_hint(b);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- help ---------------------------------------------------------------------------------- */

static void build_help(struct browser *b)
{
	doc_free(&b->help_doc);
	doc_init(&b->help_doc, _("Help"));
	b->help_doc.width = (size_t)b->cols;
	doc_add(&b->help_doc, _("jubo: keys (q or Esc closes this help)"), ROLE_HEADING);
	doc_add(&b->help_doc, "", ROLE_NORMAL);
	for (const struct action *a = actions; a->name; a++) {
		char lead[64];
		snprintf(lead, sizeof lead, "%-12s", a->keys);
		doc_add_wrapped(&b->help_doc, _(a->help), 13, lead, ROLE_NORMAL);
	}
	doc_add(&b->help_doc, "", ROLE_NORMAL);
	doc_add_wrapped(&b->help_doc,
			_("Filters: words search text; field:value narrows a field (region:장쑤 "
			  "sector:인공지능 round:A investor:Sequoia); amount>=10억, amount<1억달러; "
			  "date:2025-04; -term negates. See man jubo."),
			0, NULL, ROLE_DIM);
}

/* ---- opening rows -------------------------------------------------------------------------- */

/* A deal in full: label and value lines from one row of every deal column. */
struct record {
	struct doc *d;
	size_t label_w;
	char **names;   /* the column names, from the header */
	int ncols;
};

static int add_fields(void *ctx, int header, int ncols, const char *const *values)
{
	struct record *r = ctx;
	if (header) {
		r->names = xcalloc((size_t)ncols, sizeof *r->names);
		r->ncols = ncols;
		for (int i = 0; i < ncols; i++)
			r->names[i] = xstrdup(values[i]);
		return 0;
	}
	for (int i = 0; i < ncols && i < r->ncols; i++) {
		if (!values[i] || !*values[i] || strcmp(r->names[i], "id") == 0 ||
		    strcmp(r->names[i], "investors") == 0)
			continue;
		doc_add_wrapped(r->d, values[i], r->label_w, r->names[i], ROLE_NORMAL);
	}
	return 0;
}

static void free_record(struct record *r)
{
	for (int i = 0; i < r->ncols; i++)
		free(r->names[i]);
	free(r->names);
	r->names = NULL;
	r->ncols = 0;
}

static int add_investor(void *ctx, int header, int ncols, const char *const *values)
{
	struct record *r = ctx;
	(void)ncols;
	if (!header)
		doc_add_wrapped(r->d, values[0], r->label_w + 2, NULL, ROLE_NORMAL);
	return 0;
}

static void open_deal(struct browser *b, struct pane *p, long long id)
{
	/* The title: the company's name as the list shows it. */
	const char *name = NULL;
	const struct list_column *cols = sqlgen_columns(TARGET_DEALS);
	for (int c = 0; c < p->list.ncols && !name; c++)
		if (strcmp(cols[p->list.columns[c]].name, "company") == 0)
			name = listview_value(&p->list, p->list.cursor, c);
	doc_free(&p->doc);
	doc_init(&p->doc, name ? name : "");
	p->doc.width = (size_t)b->cols;
	struct record r = { &p->doc, 14, NULL, 0 };
	struct sql_stmt st;
	if (sqlgen_by_id(TARGET_DEALS, id, &st) != 0) {
		say(b, 1, _("cannot read the store: %s"), store_errmsg(b->store));
		return;
	}
	int rc = store_run(b->store, &st, add_fields, &r);
	sql_stmt_free(&st);
	free_record(&r);
	if (rc != 0) {
		say(b, 1, _("cannot read the store: %s"), store_errmsg(b->store));
		return;
	}
	doc_add(&p->doc, "", ROLE_NORMAL);
	doc_add(&p->doc, _("investors"), ROLE_HEADING);
	store_deal_investors(b->store, id, add_investor, &r);
	p->mode = MODE_DOC;
}

static void open_article(struct browser *b, struct pane *p, long long id)
{
	struct article_view a;
	int rc = store_get_article(b->store, id, &a);
	if (rc <= 0) {
		say(b, 1, _("cannot read the store: %s"), store_errmsg(b->store));
		return;
	}
	doc_article(&p->doc, &a, (size_t)b->cols);
	store_article_free(&a);
	p->mode = MODE_DOC;
}

static void open_row(struct browser *b)
{
	struct pane *p = cur(b);
	long long id = listview_id(&p->list, p->list.cursor);
	if (!id)
		return;
	p->opened = id;
	if (b->current == PANE_DEALS)
		open_deal(b, p, id);
	else
		open_article(b, p, id);
}

/* Lays a document out again for a new width. */
static void relayout(struct browser *b)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &b->panes[i];
		if (p->mode != MODE_DOC || p->doc.width == (size_t)b->cols)
			continue;
		if (i == PANE_CALENDAR) {
			size_t top = p->doc.top;
			calendar_day_doc(&p->cal, &p->doc, (size_t)b->cols);
			p->doc.top = top;
			doc_scroll(&p->doc, 0, body_rows(b));
			continue;
		}
		if (i == PANE_REGIONS)
			continue;
		size_t top = p->doc.top;
		if (i == PANE_DEALS) {
			open_deal(b, p, p->opened);
		} else {
			struct article_view a;
			if (store_get_article(b->store, p->opened, &a) > 0) {
				doc_article(&p->doc, &a, (size_t)b->cols);
				store_article_free(&a);
			}
		}
		p->doc.top = top;
		doc_scroll(&p->doc, 0, body_rows(b));
	}
	if (b->help)
		build_help(b);
}

/* ---- breakdown ----------------------------------------------------------------------------- */

static void free_breakdown(struct pane *p)
{
	for (size_t i = 0; i < p->bd_n; i++) {
		free(p->bd[i].value);
		free(p->bd[i].amount);
	}
	free(p->bd);
	p->bd = NULL;
	p->bd_n = p->bd_cursor = p->bd_top = 0;
}

static int add_breakdown(void *ctx, int header, int ncols, const char *const *values)
{
	struct pane *p = ctx;
	(void)ncols;
	if (header || p->bd_n >= 1000)
		return 0;
	p->bd = xrealloc(p->bd, (p->bd_n + 1) * sizeof *p->bd);
	p->bd[p->bd_n++] = (struct breakdown_row){ xstrdup(values[0] ? values[0] : ""),
						   values[1] ? atoll(values[1]) : 0,
						   xstrdup(values[2] ? values[2] : "") };
	return 0;
}

static void open_breakdown(struct browser *b)
{
	struct pane *p = cur(b);
	struct sql_stmt st;
	struct query_error err;
	free_breakdown(p);
	p->bd_col = p->list.cur_col;
	if (sqlgen_breakdown(b->store, &p->list.query, p->list.columns[p->bd_col], &st, &err) != 0 ||
	    store_run(b->store, &st, add_breakdown, p) != 0) {
		say(b, 1, _("cannot read the store: %s"), store_errmsg(b->store));
		return;
	}
	sql_stmt_free(&st);
	p->mode = MODE_BREAKDOWN;
}

/* The filter field that narrows a column to one value, or NULL. */
static const char *field_for_column(const char *column)
{
	static const char *const map[][2] = {
		{ "company", "company" }, { "company_zh", "company" }, { "kind", "kind" },
		{ "scope", "scope" },     { "round", "round" },       { "region", "region" },
		{ "city", "city" },       { "country", "country" },   { "sector", "sector" },
		{ "investors", "investor" }, { "acquirer", "acquirer" }, { "issue", "issue" },
		{ "period", "date" },     { "date", "date" },         { "section", "section" },
		{ "title", "title" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], column) == 0)
			return map[i][1];
	return NULL;
}

static void filter_to_breakdown_value(struct browser *b)
{
	struct pane *p = cur(b);
	if (p->bd_cursor >= p->bd_n)
		return;
	const char *column = sqlgen_columns(p->list.target)[p->list.columns[p->bd_col]].name;
	const char *field = field_for_column(column);
	const char *value = p->bd[p->bd_cursor].value;
	if (!field || !*value) {
		say(b, 1, _("the column '%s' cannot be filtered by value"), column);
		return;
	}
	int quote = strchr(value, ' ') != NULL;
	char *term = xasprintf("%s:%s%s%s", field, quote ? "\"" : "", value, quote ? "\"" : "");
	char *filter = p->list.filter ? xasprintf("%s %s", p->list.filter, term) : xstrdup(term);
	struct query_error err;
	if (listview_set_filter(&p->list, filter, &err) != 0)
		say(b, 1, "%s", err.msg);
	else
		prompt_history_add(&b->filters, filter);
	free(term);
	free(filter);
	p->mode = MODE_LIST;
	free_breakdown(p);
}

/* ---- export, links ------------------------------------------------------------------------- */

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

static void export_rows(struct browser *b, const char *path)
{
	struct pane *p = cur(b);
	struct listview *v = &p->list;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		say(b, 1, _("cannot write %s: %s"), path, strerror(errno));
		return;
	}
	struct export e = { fdopen(fd, "w"), 0 };
	struct sql_stmt st;
	struct query_error err;
	int rc = sqlgen_select(b->store, &v->query, v->keys, (size_t)v->nkeys, 0, v->columns,
			       (size_t)v->ncols, -1, 0, &st, &err);
	if (rc == 0) {
		rc = store_run(b->store, &st, export_row, &e);
		sql_stmt_free(&st);
	}
	if (fclose(e.f) != 0)
		rc = -1;
	if (rc != 0)
		say(b, 1, _("cannot write %s: %s"), path, strerror(errno));
	else
		say(b, 0, _("%lld rows written to %s"), e.rows, path);
}

/* Only http and https links without spaces or controls leave jubo. */
static int safe_url(const char *url)
{
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7F)
			return 0;
	return 1;
}

static void open_link(struct browser *b, const char *url)
{
	const char *browser = getenv("BROWSER");
	if (!browser || !*browser) {
		say(b, 0, _("BROWSER is not set; the link is %s"), url);
		return;
	}
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		/* The browser gets the URL as its one argument: no shell sees it. */
		char *argv[] = { (char *)browser, (char *)url, NULL };
		execvp(browser, argv);
		_exit(127);
	}
	int status = 0;
	if (pid > 0)
		waitpid(pid, &status, 0);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127)
		say(b, 1, _("cannot run %s"), browser);
	else
		say(b, 0, _("opened %s"), url);
}

static void copy_link(struct browser *b, const char *url)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf s = { 0 };
	buf_adds(&s, "\033]52;c;");
	size_t n = strlen(url);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)url[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)url[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)url[i + 2];
		buf_addc(&s, b64[(v >> 18) & 63]);
		buf_addc(&s, b64[(v >> 12) & 63]);
		buf_addc(&s, i + 1 < n ? b64[(v >> 6) & 63] : '=');
		buf_addc(&s, i + 2 < n ? b64[v & 63] : '=');
	}
	buf_adds(&s, "\a");
	fputs(s.data, stdout);
	fflush(stdout);
	buf_free(&s);
	say(b, 0, _("copied %s (OSC 52; in tmux: set-clipboard on)"), url);
}

static void link_action(struct browser *b, enum prompt_kind ask, const char *number)
{
	struct doc *d = &cur(b)->doc;
	char *end;
	long n = strtol(number, &end, 10);
	if (!*number || *end || n < 1 || (size_t)n > d->nlinks) {
		say(b, 1, _("no link %s (links 1 to %zu)"), number, d->nlinks);
		return;
	}
	const char *url = d->links[n - 1];
	if (!safe_url(url)) {
		say(b, 1, _("only http and https links are opened"));
		return;
	}
	if (ask == ASK_OPEN_LINK)
		open_link(b, url);
	else
		copy_link(b, url);
}

/* ---- keys ---------------------------------------------------------------------------------- */

static void start_prompt(struct browser *b, enum prompt_kind ask)
{
	struct prompt_history *h = ask == ASK_FILTER   ? &b->filters
				   : ask == ASK_SEARCH ? &b->searches
				   : ask == ASK_EXPORT ? &b->files
						       : NULL;
	const char *current = b->current == PANE_CALENDAR ? cur(b)->cal.filter : cur(b)->list.filter;
	const char *initial = ask == ASK_FILTER && current ? current : "";
	prompt_start(&b->prompt, initial, h);
	b->prompting = 1;
	b->ask = ask;
}

static void accept_prompt(struct browser *b)
{
	char *text = xstrdup(b->prompt.text);
	enum prompt_kind ask = b->ask;
	prompt_finish(&b->prompt);
	b->prompting = 0;
	struct pane *p = cur(b);
	switch (ask) {
	case ASK_FILTER: {
		struct query_error err;
		int failed = b->current == PANE_CALENDAR ? calendar_set_filter(&p->cal, text, &err)
							 : listview_set_filter(&p->list, text, &err);
		if (failed) {
			if (err.pos)
				say(b, 1, _("filter: at %zu: %s"), err.pos, err.msg);
			else
				say(b, 1, _("filter: %s"), err.msg);
			/* The prompt opens again on the filter, the cursor where it went wrong. */
			prompt_history_add(&b->filters, text);
			start_prompt(b, ASK_FILTER);
			prompt_set(&b->prompt, text, err.pos ? err.pos - 1 : 0);
		} else {
			prompt_history_add(&b->filters, text);
		}
		break;
	}
	case ASK_SEARCH:
		prompt_history_add(&b->searches, text);
		if (p->mode == MODE_DOC || b->help) {
			struct doc *d = b->help ? &b->help_doc : &p->doc;
			free(d->search);
			d->search = xstrdup(text);
			d->match = -1;
			if (!doc_find(d, 1, body_rows(b)))
				say(b, 1, _("not found: %s"), text);
		} else {
			free(p->list.search);
			p->list.search = xstrdup(text);
			if (!listview_find(&p->list, text, 1, list_rows(b)))
				say(b, 1, _("not found: %s"), text);
		}
		break;
	case ASK_EXPORT:
		if (*text && b->current == PANE_CALENDAR) {
			long n = 0;
			prompt_history_add(&b->files, text);
			if (calendar_export(&p->cal, text, &n) != 0)
				say(b, 1, _("cannot write %s: %s"), text, strerror(errno));
			else
				say(b, 0, _("%ld events written to %s"), n, text);
		} else if (*text) {
			prompt_history_add(&b->files, text);
			export_rows(b, text);
		}
		break;
	case ASK_OPEN_LINK:
	case ASK_COPY_LINK:
		link_action(b, ask, text);
		break;
	}
	free(text);
}

/* Moves the list cursor by n rows, keeping it on screen. */
static void move_cursor(struct browser *b, struct listview *v, long long n)
{
	int height = list_rows(b);
	long long target = v->cursor + n;
	if (target < 0)
		target = 0;
	if (listview_fetch(v, target, 1) != 0)
		return;
	/* Past the end: the window knows where the rows stop. */
	long long last = v->count >= 0 ? v->count - 1 : -1;
	if (last < 0 && v->at_end)
		last = v->win_start + v->win_n - 1;
	if (last >= 0 && target > last)
		target = last;
	if (target < 0)
		target = 0;
	v->cursor = target;
	if (v->cursor < v->top)
		v->top = v->cursor;
	else if (v->cursor >= v->top + height)
		v->top = v->cursor - height + 1;
}

static void list_action(struct browser *b, enum action_id a)
{
	struct pane *p = cur(b);
	struct listview *v = &p->list;
	int height = list_rows(b);
	switch (a) {
	case ACT_DOWN:
		move_cursor(b, v, 1);
		break;
	case ACT_UP:
		move_cursor(b, v, -1);
		break;
	case ACT_PAGE_DOWN:
		v->top += height;
		move_cursor(b, v, height);
		if (v->cursor < v->top)
			v->top = v->cursor - height + 1 > 0 ? v->cursor - height + 1 : 0;
		break;
	case ACT_PAGE_UP:
		v->top = v->top - height > 0 ? v->top - height : 0;
		move_cursor(b, v, -height);
		break;
	case ACT_HALF_DOWN:
		move_cursor(b, v, height / 2);
		break;
	case ACT_HALF_UP:
		move_cursor(b, v, -(height / 2));
		break;
	case ACT_TOP:
		v->cursor = v->top = 0;
		break;
	case ACT_BOTTOM: {
		long long n = listview_count(v);
		if (n > 0) {
			v->cursor = n - 1;
			v->top = n - height > 0 ? n - height : 0;
		}
		break;
	}
	case ACT_LEFT:
		if (v->cur_col > 0)
			v->cur_col--;
		break;
	case ACT_RIGHT:
		if (v->cur_col + 1 < v->ncols)
			v->cur_col++;
		break;
	case ACT_SORT:
	case ACT_SORT_REVERSE: {
		/* s on the column already sorted ascending turns it around. */
		int desc = a == ACT_SORT_REVERSE || listview_column_sort(v, v->cur_col) == 1;
		if (a == ACT_SORT_REVERSE && listview_column_sort(v, v->cur_col) == 2)
			desc = 0;
		if (listview_sort_column(v, v->cur_col, desc) != 0)
			say(b, 1, _("this column cannot be sorted"));
		break;
	}
	case ACT_SORT_NATURAL:
		listview_sort_natural(v);
		break;
	case ACT_FILTER:
		start_prompt(b, ASK_FILTER);
		break;
	case ACT_FILTER_CLEAR: {
		struct query_error err;
		listview_set_filter(v, "", &err);
		break;
	}
	case ACT_SEARCH:
		start_prompt(b, ASK_SEARCH);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!v->search)
			say(b, 1, _("no search yet: / searches"));
		else if (!listview_find(v, v->search, a == ACT_NEXT_MATCH ? 1 : -1, height))
			say(b, 1, _("not found: %s"), v->search);
		break;
	case ACT_OPEN:
		open_row(b);
		break;
	case ACT_BREAKDOWN:
		open_breakdown(b);
		break;
	case ACT_EXPORT:
		start_prompt(b, ASK_EXPORT);
		break;
	default:
		break;
	}
}

static void doc_action(struct browser *b, struct doc *d, enum action_id a)
{
	int height = body_rows(b);
	switch (a) {
	case ACT_DOWN:
		doc_scroll(d, 1, height);
		break;
	case ACT_UP:
		doc_scroll(d, -1, height);
		break;
	case ACT_PAGE_DOWN:
		doc_scroll(d, height - 1, height);
		break;
	case ACT_PAGE_UP:
		doc_scroll(d, -(height - 1), height);
		break;
	case ACT_HALF_DOWN:
		doc_scroll(d, height / 2, height);
		break;
	case ACT_HALF_UP:
		doc_scroll(d, -(height / 2), height);
		break;
	case ACT_TOP:
		d->top = 0;
		break;
	case ACT_BOTTOM:
		doc_scroll(d, (long)d->count, height);
		break;
	case ACT_SEARCH:
		start_prompt(b, ASK_SEARCH);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!d->search || !doc_find(d, a == ACT_NEXT_MATCH ? 1 : -1, height))
			say(b, 1, _("not found: %s"), d->search ? d->search : "");
		break;
	case ACT_OPEN_LINK:
	case ACT_COPY_LINK:
		if (!d->nlinks)
			say(b, 1, _("this page has no links"));
		else if (d->nlinks == 1)
			link_action(b, a == ACT_OPEN_LINK ? ASK_OPEN_LINK : ASK_COPY_LINK, "1");
		else
			start_prompt(b, a == ACT_OPEN_LINK ? ASK_OPEN_LINK : ASK_COPY_LINK);
		break;
	default:
		break;
	}
}

static void breakdown_action(struct browser *b, enum action_id a)
{
	struct pane *p = cur(b);
	int height = list_rows(b);
	long long c = (long long)p->bd_cursor;
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
	case ACT_TOP:
		c = 0;
		break;
	case ACT_BOTTOM:
		c = (long long)p->bd_n - 1;
		break;
	default:
		break;
	}
	if (c >= (long long)p->bd_n)
		c = (long long)p->bd_n - 1;
	if (c < 0)
		c = 0;
	p->bd_cursor = (size_t)c;
	if (p->bd_cursor < p->bd_top)
		p->bd_top = p->bd_cursor;
	else if (p->bd_cursor >= p->bd_top + (size_t)height)
		p->bd_top = p->bd_cursor - (size_t)height + 1;
}

static void calendar_action(struct browser *b, struct pane *p, enum action_id a)
{
	switch (a) {
	case ACT_FILTER:
		start_prompt(b, ASK_FILTER);
		break;
	case ACT_FILTER_CLEAR: {
		struct query_error err;
		calendar_set_filter(&p->cal, "", &err);
		break;
	}
	case ACT_OPEN:
		if (calendar_day_doc(&p->cal, &p->doc, (size_t)b->cols))
			p->mode = MODE_DOC;
		else
			say(b, 0, _("no events on this day"));
		break;
	case ACT_EXPORT:
		start_prompt(b, ASK_EXPORT);
		break;
	default:
		calendar_act(&p->cal, a);
		break;
	}
}

static void regions_action(struct browser *b, struct pane *p, enum action_id a)
{
	if (a != ACT_OPEN) {
		regions_act(&p->reg, a, body_rows(b));
		return;
	}
	char *filter = regions_filter(&p->reg);
	if (!filter) {
		say(b, 1, _("choose a province or a city first"));
		return;
	}
	struct pane *deals = &b->panes[PANE_DEALS];
	struct query_error err;
	if (listview_set_filter(&deals->list, filter, &err) != 0) {
		say(b, 1, "%s", err.msg);
	} else {
		prompt_history_add(&b->filters, filter);
		deals->mode = MODE_LIST;
		b->current = PANE_DEALS;
	}
	free(filter);
}

static void switch_pane(struct browser *b, int pane)
{
	b->current = (pane + PANE_COUNT) % PANE_COUNT;
	b->help = 0;
}

/* Handles one key. Returns 0 to quit. */
static int handle_key(struct browser *b, int is_key, wint_t ch)
{
	free(b->message);
	b->message = NULL;
	if (b->prompting) {
		enum prompt_result r = prompt_feed(&b->prompt, is_key, (unsigned)ch);
		if (r == PROMPT_ACCEPTED)
			accept_prompt(b);
		else if (r == PROMPT_CANCELLED) {
			prompt_finish(&b->prompt);
			b->prompting = 0;
		}
		return 1;
	}
	struct pane *p = cur(b);
	/* Enter in a breakdown filters to the value. */
	if (!b->help && p->mode == MODE_BREAKDOWN && !is_key && (ch == '\n' || ch == '\r')) {
		filter_to_breakdown_value(b);
		return 1;
	}
	if (is_key && ch == KEY_ENTER && !b->help && p->mode == MODE_BREAKDOWN) {
		filter_to_breakdown_value(b);
		return 1;
	}
	unsigned where = where_am_i(b);
	int key = (int)ch;
	enum action_id a = action_for_key(key, where);
	switch (a) {
	case ACT_QUIT:
	case ACT_BACK:
		if (b->help)
			b->help = 0;
		else if (p->mode != MODE_LIST) {
			p->mode = MODE_LIST;
			free_breakdown(p);
		} else if (a == ACT_QUIT)
			return 0;
		return 1;
	case ACT_HELP:
		build_help(b);
		b->help = 1;
		return 1;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case ACT_PANE_NEWS:
	case ACT_PANE_DEALS:
	case ACT_PANE_REGIONS:
	case ACT_PANE_CALENDAR:
		switch_pane(b, (int)(a - ACT_PANE_NEWS));
		return 1;
	case ACT_NEXT_PANE:
		switch_pane(b, b->current + 1);
		return 1;
	case ACT_PREV_PANE:
		switch_pane(b, b->current - 1);
		return 1;
	case ACT_NONE:
		return 1;
	default:
		break;
	}
	if (b->help)
		doc_action(b, &b->help_doc, a);
	else if (p->mode == MODE_DOC)
		doc_action(b, &p->doc, a);
	else if (b->current == PANE_CALENDAR)
		calendar_action(b, p, a);
	else if (b->current == PANE_REGIONS)
		regions_action(b, p, a);
	else if (p->mode == MODE_BREAKDOWN)
		breakdown_action(b, a);
	else
		list_action(b, a);
	return 1;
}

/* ---- the loop ------------------------------------------------------------------------------ */

int browser_run(struct store *s, int week_start)
{
	const char *note;
	if (ui_start(&note) != 0) {
		fprintf(stderr, "jubo: %s\n", _("cannot start the terminal (is TERM set?)"));
		return 1;
	}
	struct browser b = { .store = s };
	static const char *const names[PANE_COUNT] = { N_("News"), N_("Deals"), N_("Regions"),
						       N_("Calendar") };
	for (int i = 0; i < PANE_COUNT; i++) {
		b.panes[i].name = names[i];
		b.panes[i].has_list = i == PANE_NEWS || i == PANE_DEALS;
		if (b.panes[i].has_list)
			listview_init(&b.panes[i].list, s,
				      i == PANE_NEWS ? TARGET_ARTICLES : TARGET_DEALS);
		doc_init(&b.panes[i].doc, "");
	}
	calendar_init(&b.panes[PANE_CALENDAR].cal, s, week_start);
	regions_init(&b.panes[PANE_REGIONS].reg, s);
	doc_init(&b.help_doc, "");
	int number;
	char date[11];
	char *title = NULL;
	if (store_latest_issue(s, &number, date, &title) == 1) {
		b.issue_title = xasprintf(_("%s No. %d · %s"), title, number, date);
		free(title);
	}
	if (note)
		say(&b, 0, "%s", note);
	int running = 1;
	int last_cols = 0;
	while (running) {
		draw(&b);
		if (b.cols != last_cols) {
			relayout(&b);
			if (last_cols)
				draw(&b);
			last_cols = b.cols;
		}
		/* Count the rows once the screen is up, then show "N of M". */
		struct pane *p = cur(&b);
		if (p->has_list && p->mode == MODE_LIST && p->list.count < 0 && b.cols >= MIN_COLS &&
		    b.rows >= MIN_ROWS) {
			listview_count(&p->list);
			draw_status(&b);
			draw_hint(&b);
			wnoutrefresh(stdscr);
			doupdate();
		}
		wint_t ch;
		int rc = get_wch(&ch);
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			/* The terminal may have reflowed what it showed: paint it all afresh. */
			clearok(curscr, TRUE);
			continue;
		}
		running = handle_key(&b, rc == KEY_CODE_YES, ch);
	}
	ui_stop();
	for (int i = 0; i < PANE_COUNT; i++) {
		if (b.panes[i].has_list)
			listview_free(&b.panes[i].list);
		doc_free(&b.panes[i].doc);
		free_breakdown(&b.panes[i]);
	}
	calendar_free(&b.panes[PANE_CALENDAR].cal);
	regions_free(&b.panes[PANE_REGIONS].reg);
	doc_free(&b.help_doc);
	prompt_history_free(&b.filters);
	prompt_history_free(&b.searches);
	prompt_history_free(&b.files);
	free(b.message);
	free(b.issue_title);
	return 0;
}
