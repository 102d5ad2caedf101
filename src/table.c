/* table.c: the table panes' list, sort, filter, search and reader. */
#include "config.h"

#include "table.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "state.h"

static void store_failed(struct table *t, int rc);
static void table_relayout_now(struct table *t, int rows, int cols);

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
	/* The reader's marks, first: new, unread, starred, noted. */
	listview_show_column(&t->list, listing_column_index(t->list.listing, "state"), 1);
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
	if (!listview_column_choosable(v, v->cur_col)) {
		int c = v->cur_col;
		while (c > 0 && !listview_column_choosable(v, c))
			c--;
		while (c < v->ncols - 1 && !listview_column_choosable(v, c))
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

/* ---- the reader's marks ---- */

static enum query_target target_of_table(const struct table *t)
{
	return t->list.listing->target;
}

/* The row the marks keys are for: the one read, else the one under the cursor. */
static long long marked_row(const struct table *t)
{
	return t->reading ? t->opened : listview_cursor_id(&t->list);
}

/* The marks of the rows on screen (and the title bar's count) read again. */
static void marks_changed(struct table *t)
{
	struct listview *v = &t->list;
	store_failed(t, listview_refresh_column(v, listing_column_index(v->listing, "state")));
	shell_marks_changed(t->pane.shell);
}

/* The reader's note under the document, where it is read with the row. */
static void add_note(struct table *t)
{
	struct state_marks m;
	if (state_get(t->pane.store, target_of_table(t), t->opened, &m) != 0)
		return;
	if (m.note) {
		doc_add(&t->doc, "", ROLE_NORMAL);
		doc_add(&t->doc, _("Your note"), ROLE_HEADING);
		doc_add_wrapped(&t->doc, m.note, 0, NULL, ROLE_NORMAL);
	}
	state_marks_free(&m);
}

/* Opens the row (and marks it read). */
static void open_row(struct table *t, long long id, int cols)
{
	if (!id || t->open(t, id, cols) != 0)
		return;
	t->opened = id;
	t->reading = 1;
	add_note(t);
	if (state_set_read(t->pane.store, target_of_table(t), id, 1) != 0)
		store_failed(t, -1);
	marks_changed(t);
}

static void mark_act(struct table *t, enum action_id a, int rows, int cols)
{
	struct store *s = t->pane.store;
	struct shell *sh = t->pane.shell;
	struct listview *v = &t->list;
	enum query_target target = target_of_table(t);
	long long id = marked_row(t);
	struct state_marks m = { 0 };
	if (a != ACT_MARK_ALL_READ && a != ACT_NEXT_UNREAD && a != ACT_PREV_UNREAD) {
		if (!id)
			return;
		if (state_get(s, target, id, &m) != 0) {
			store_failed(t, -1);
			return;
		}
	}
	switch (a) {
	case ACT_TOGGLE_READ:
		if (state_set_read(s, target, id, !m.read) == 0)
			shell_say(sh, 0, "%s", m.read ? _("marked unread") : _("marked read"));
		else
			store_failed(t, -1);
		break;
	case ACT_STAR:
		if (state_set_star(s, target, id, !m.starred) == 0)
			shell_say(sh, 0, "%s", m.starred ? _("star taken away") : _("starred"));
		else
			store_failed(t, -1);
		break;
	case ACT_NOTE:
		shell_ask_with(sh, ASK_NOTE, m.note ? m.note : "");
		break;
	case ACT_MARK_ALL_READ: {
		long long n;
		if (!v->filter) {
			n = state_unread(s, target, v->scope_from, v->scope_to);
			if (n >= 0 && state_mark_issues_read(s, target, v->scope_from, v->scope_to) != 0)
				n = -1;
		} else {
			/* One mark a row: many rows take a while, and a key stops it. */
			struct sql_stmt ids;
			sqlgen_ids(v->listing, &v->where, &ids);
			shell_interruptible(sh, 1);
			n = state_mark_rows_read(s, target, ids.text, ids.binds, ids.nbinds);
			shell_interruptible(sh, 0);
			sql_stmt_free(&ids);
		}
		if (n < 0)
			store_failed(t, n == -2 ? -2 : -1);
		else
			shell_say(sh, 0, ngettext("%lld row marked read", "%lld rows marked read",
						  (unsigned long)n),
				  n);
		break;
	}
	case ACT_NEXT_UNREAD:
	case ACT_PREV_UNREAD: {
		/* Nothing unread in the issues in view (counted per issue, not per row): said at
		 * once, without a search through every row. */
		long long unread = state_unread(s, target, v->scope_from, v->scope_to);
		if (unread == 0) {
			shell_say(sh, 0, "%s", _("no unread row"));
			break;
		}
		struct buf cond = { 0 };
		if (state_condition(s, target, STATE_UNREAD, NULL, &cond) != 0) {
			buf_free(&cond);
			store_failed(t, -1);
			break;
		}
		struct sql_stmt where = { cond.data, NULL, 0 };
		int was_reading = t->reading;
		int height = table_list_rows(rows);
		shell_interruptible(sh, 1);
		int rc = listview_find_where(v, &where, a == ACT_NEXT_UNREAD ? 1 : -1, height);
		shell_interruptible(sh, 0);
		buf_free(&cond);
		if (rc == 0)
			shell_say(sh, 0, "%s", _("no unread row"));
		else if (rc < 0)
			store_failed(t, rc);
		else if (was_reading)
			open_row(t, listview_cursor_id(v), cols);
		break;
	}
	default:
		break;
	}
	state_marks_free(&m);
	if (a != ACT_NOTE)
		marks_changed(t);
}

int table_act(struct pane *p, enum action_id a, int rows, int cols)
{
	struct table *t = table_of(p);
	switch (a) {
	case ACT_TOGGLE_READ:
	case ACT_STAR:
	case ACT_NOTE:
	case ACT_MARK_ALL_READ:
	case ACT_NEXT_UNREAD:
	case ACT_PREV_UNREAD:
		mark_act(t, a, rows, cols);
		return 1;
	default:
		break;
	}
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
			if (listview_column_choosable(v, c)) {
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
	case ACT_OPEN:
		open_row(t, listview_cursor_id(v), cols);
		break;
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
	if (ask == ASK_NOTE) {
		long long id = marked_row(t);
		if (id && state_set_note(p->store, target_of_table(t), id, text) != 0)
			store_failed(t, -1);
		else if (id)
			shell_say(p->shell, 0, "%s", *text ? _("note kept") : _("note taken away"));
		marks_changed(t);
		/* The reader shows the note under the row. */
		if (t->reading)
			table_relayout_now(t, rows, cols);
		return;
	}
	if (ask == ASK_FOLLOW) {
		shell_follow(p->shell, text);
		return;
	}
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

/* Lays the document out again, where it was. */
static void table_relayout_now(struct table *t, int rows, int cols)
{
	size_t top = t->doc.top;
	if (t->open(t, t->opened, cols) == 0) {
		add_note(t);
		t->doc.top = top;
		doc_scroll(&t->doc, 0, rows);
	}
}

void table_relayout(struct pane *p, int rows, int cols)
{
	struct table *t = table_of(p);
	if (!t->reading || t->doc.width == (size_t)cols)
		return;
	table_relayout_now(t, rows, cols);
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
