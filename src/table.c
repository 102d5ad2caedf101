/* table.c: the table panes' list, sort, filter, search and reader. */
#include "config.h"

#include "table.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static void store_failed(struct table *t, int rc);

struct table *table_of(struct pane *p)
{
	return (struct table *)((char *)p - offsetof(struct table, pane));
}

int table_list_rows(int body_rows)
{
	return body_rows > 2 ? body_rows - 1 : 1;
}

void table_init(struct table *t, const struct pane_ops *ops, struct store *s,
		struct shell *sh, enum query_target target, unsigned where,
		int (*open)(struct table *t, long long id, int cols))
{
	memset(t, 0, sizeof *t);
	t->pane = (struct pane){ ops, sh, s };
	listview_init(&t->list, s, target);
	t->where = where;
	t->open = open;
	doc_init(&t->doc, "");
}

void table_set_scope(struct pane *p, const struct issue_scope *scope)
{
	struct table *t = table_of(p);
	t->reading = 0;
	store_failed(t, listview_set_scope(&t->list, scope->from, scope->to));
}

unsigned table_where(struct pane *p)
{
	struct table *t = table_of(p);
	return t->reading ? IN_READER : IN_LIST | t->where;
}

static void store_failed(struct table *t, int rc)
{
	if (rc == -2)
		shell_say(t->pane.shell, 1, "%s", _("stopped"));
	else if (rc != 0)
		shell_say(t->pane.shell, 1, _("cannot read the store: %s"), store_errmsg(t->pane.store));
}

void table_sync(struct pane *p, int rows, int cols)
{
	struct table *t = table_of(p);
	if (t->reading)
		return;
	struct listview *v = &t->list;
	int height = table_list_rows(rows);
	store_failed(t, listview_scroll(v, 0, 0, height));
	listview_layout(v, cols, height);
	/* The chosen column stays on one that is shown. */
	if (!listview_column_shown(v, v->cur_col)) {
		int c = v->cur_col;
		while (c > 0 && !listview_column_shown(v, c))
			c--;
		while (c < v->ncols - 1 && !listview_column_shown(v, c))
			c++;
		v->cur_col = c;
	}
}

void table_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	struct table *t = table_of(p);
	if (t->reading) {
		doc_draw(&t->doc, w, rows, cols);
		return;
	}
	struct listview *v = &t->list;
	const struct listing_column *lc = v->listing->columns;
	int height = table_list_rows(rows), x = 0, last = -1;
	for (int c = 0; c < v->ncols; c++)
		if (v->widths[c])
			last = c;
	/* Columns left out for want of room have width 0 and are skipped. */
	for (int c = 0; c <= last; c++) {
		if (!v->widths[c])
			continue;
		int dir = listview_column_sort(v, c);
		char *head = xasprintf("%s%s", C_("column", lc[v->columns[c]].label),
				       dir == 1 ? " ^" : dir == 2 ? " v" : "");
		ui_put(w, 0, x, head, v->widths[c], ALIGN_LEFT,
		       c == v->cur_col ? ROLE_SELECTED : ROLE_HEADER);
		free(head);
		x += (int)v->widths[c];
		if (c < last)
			ui_put(w, 0, x++, " ", 1, ALIGN_LEFT, ROLE_HEADER);
	}
	for (int y = 0; y < height; y++) {
		int row = v->top + y;
		if (!listview_value(v, row, 0)) {
			wmove(w, 1 + y, 0);
			wclrtoeol(w);
			continue;
		}
		enum ui_role role = row == v->cursor ? ROLE_SELECTED : ROLE_NORMAL;
		x = 0;
		for (int c = 0; c <= last; c++) {
			if (!v->widths[c])
				continue;
			const char *val = listview_value(v, row, c);
			size_t from = 0, to = 0;
			if (v->search && text_find_cells(val, v->search, &from, &to))
				ui_put_marked(w, 1 + y, x, val, v->widths[c], role, from, to);
			else
				ui_put(w, 1 + y, x, val, v->widths[c], lc[v->columns[c]].align, role);
			x += (int)v->widths[c];
			if (c < last)
				ui_put(w, 1 + y, x++, " ", 1, ALIGN_LEFT, role);
		}
	}
}

char *table_status(struct pane *p)
{
	return table_status_with(p, NULL);
}

char *table_status_with(struct pane *p, const char *extra)
{
	struct table *t = table_of(p);
	struct buf s = { 0 };
	if (t->reading) {
		buf_printf(&s, " %s  %zu/%zu", t->doc.title, t->doc.top + 1,
			   t->doc.count ? t->doc.count : 1);
		return buf_take(&s);
	}
	struct listview *v = &t->list;
	buf_printf(&s, " %s  ", _(p->ops->name));
	long long pos = listview_position(v);
	if (v->count == 0)
		buf_printf(&s, _("%lld of %lld"), 0LL, 0LL);
	else if (pos >= 0 && v->count >= 0)
		buf_printf(&s, _("%lld of %lld"), pos + 1, v->count);
	else if (pos >= 0)
		buf_printf(&s, _("%lld of …"), pos + 1);
	else if (v->count >= 0)
		buf_printf(&s, _("… of %lld"), v->count);
	else
		buf_adds(&s, _("… of …"));
	if (extra && *extra)
		buf_adds(&s, extra);
	char *sort = listview_sort_text(v);
	if (*sort)
		buf_printf(&s, "  %s: %s", _("sort"), sort);
	free(sort);
	if (v->filter)
		buf_printf(&s, "  %s: %s", _("filter"), v->filter);
	return buf_take(&s);
}

size_t table_links(struct pane *p)
{
	struct table *t = table_of(p);
	return t->reading ? t->doc.nlinks : 0;
}

static void find(struct table *t, int dir, int height)
{
	struct listview *v = &t->list;
	shell_interruptible(t->pane.shell, 1);
	int rc = listview_find(v, v->search, dir, height);
	shell_interruptible(t->pane.shell, 0);
	if (rc == 0)
		shell_say(t->pane.shell, 1, _("not found: %s"), v->search);
	else if (rc == -2)
		shell_say(t->pane.shell, 1, _("search stopped: %s"), v->search);
	else if (rc < 0)
		store_failed(t, rc);
}

int table_act(struct pane *p, enum action_id a, int rows, int cols)
{
	struct table *t = table_of(p);
	if (t->reading) {
		if (a == ACT_BACK || a == ACT_QUIT) {
			t->reading = 0;
			return 1;
		}
		shell_doc_act(p->shell, &t->doc, a, rows);
		return 1;
	}
	struct listview *v = &t->list;
	int height = table_list_rows(rows);
	int rc = 0;
	switch (a) {
	case ACT_BACK:
	case ACT_QUIT:
		return 0;
	case ACT_DOWN:
		rc = listview_scroll(v, 1, 0, height);
		break;
	case ACT_UP:
		rc = listview_scroll(v, -1, 0, height);
		break;
	case ACT_PAGE_DOWN:
		rc = listview_scroll(v, height, height, height);
		break;
	case ACT_PAGE_UP:
		rc = listview_scroll(v, -height, -height, height);
		break;
	case ACT_HALF_DOWN:
		rc = listview_scroll(v, height / 2, 0, height);
		break;
	case ACT_HALF_UP:
		rc = listview_scroll(v, -(height / 2), 0, height);
		break;
	case ACT_TOP:
		rc = listview_home(v, height);
		break;
	case ACT_BOTTOM:
		rc = listview_end(v, height);
		break;
	case ACT_LEFT:
	case ACT_RIGHT: {
		/* To the next column shown, over those left out for want of room. */
		int step = a == ACT_LEFT ? -1 : 1;
		for (int c = v->cur_col + step; c >= 0 && c < v->ncols; c += step)
			if (listview_column_shown(v, c)) {
				v->cur_col = c;
				break;
			}
		break;
	}
	case ACT_SORT:
	case ACT_SORT_REVERSE: {
		/* s on the column already sorted ascending turns it around. */
		int now = listview_column_sort(v, v->cur_col);
		int desc = a == ACT_SORT_REVERSE ? now != 2 : now == 1;
		if (listview_sort_column(v, v->cur_col, desc) != 0)
			shell_say(p->shell, 1, "%s", _("this column cannot be sorted"));
		break;
	}
	case ACT_SORT_NATURAL:
		listview_sort_natural(v);
		break;
	case ACT_FILTER:
		shell_ask(p->shell, ASK_FILTER);
		break;
	case ACT_FILTER_CLEAR: {
		/* Through the pane, which may keep more that depends on the filter. */
		struct query_error err;
		p->ops->set_filter(p, "", &err);
		break;
	}
	case ACT_SEARCH:
		shell_ask(p->shell, ASK_SEARCH);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!v->search)
			shell_say(p->shell, 1, "%s", _("no search yet: / searches"));
		else
			find(t, a == ACT_NEXT_MATCH ? 1 : -1, height);
		break;
	case ACT_OPEN: {
		long long id = listview_cursor_id(v);
		if (id && t->open(t, id, cols) == 0) {
			t->opened = id;
			t->reading = 1;
		}
		break;
	}
	default:
		break;
	}
	store_failed(t, rc);
	return 1;
}

const char *table_filter(struct pane *p)
{
	return table_of(p)->list.filter;
}

int table_set_filter(struct pane *p, const char *text, struct query_error *err)
{
	struct table *t = table_of(p);
	int rc = listview_set_filter(&t->list, text, err);
	if (rc == 0)
		t->reading = 0;
	return rc;
}

void table_answer(struct pane *p, enum ask_kind ask, const char *text, int rows, int cols)
{
	struct table *t = table_of(p);
	(void)cols;
	if (t->reading) {
		shell_doc_answer(p->shell, &t->doc, ask, text, rows);
		return;
	}
	if (ask == ASK_SEARCH) {
		free(t->list.search);
		t->list.search = xstrdup(text);
		find(t, 1, table_list_rows(rows));
	}
}

void table_relayout(struct pane *p, int rows, int cols)
{
	struct table *t = table_of(p);
	if (!t->reading || t->doc.width == (size_t)cols)
		return;
	size_t top = t->doc.top;
	if (t->open(t, t->opened, cols) == 0) {
		t->doc.top = top;
		doc_scroll(&t->doc, 0, rows);
	}
}

int table_idle(struct pane *p)
{
	struct table *t = table_of(p);
	struct listview *v = &t->list;
	if (t->reading || v->uncounted)
		return 0;
	/* First how many rows there are, then where the window sits among them. A key stops
	 * the count, which starts again after it; Ctrl-C drops it until the view changes. */
	long long rc;
	if (v->count < 0)
		rc = listview_count(v);
	else if (v->n && listview_position(v) < 0)
		rc = listview_locate(v);
	else
		return 0;
	if (rc == -2 && shell_interrupted(p->shell)) {
		v->uncounted = 1;
		shell_say(p->shell, 1, "%s", _("counting stopped"));
		return 1;
	}
	return rc >= 0;
}

void table_free(struct pane *p)
{
	struct table *t = table_of(p);
	listview_free(&t->list);
	doc_free(&t->doc);
}
