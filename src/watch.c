/* watch.c: the Watch pane: each company, investor, sector and place the reader follows, with
 * its deals and articles across every issue, newest first, and what is new since the last
 * visit. Enter shows its deals in Deals (or, without any, its articles), r its articles in
 * News; d stops following. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "i18n.h"
#include "pane.h"
#include "state.h"
#include "text.h"
#include "ui.h"
#include "util.h"

/* A line: an entity (issue -1) or one issue of it. */
struct watch_line {
	size_t entity;
	long issue;
};

struct watch_pane {
	struct pane pane;
	struct state_watch w;
	int loaded;
	unsigned generation;
	struct watch_line *lines;
	size_t n, cursor, top;
};

static struct watch_pane *watch_of(struct pane *p)
{
	return (struct watch_pane *)p;
}

static const char *kind_label(enum state_kind k)
{
	switch (k) {
	case KIND_COMPANY:
		return _("company");
	case KIND_INVESTOR:
		return _("investor");
	case KIND_SECTOR:
		return _("sector");
	case KIND_PLACE:
		return _("place");
	default:
		return "";
	}
}

static void load(struct watch_pane *wp)
{
	state_watch_free(&wp->w);
	free(wp->lines);
	wp->lines = NULL;
	wp->n = 0;
	wp->loaded = 1;
	wp->generation = shell_marks_generation(wp->pane.shell);
	if (state_watch_read(wp->pane.store, &wp->w) != 0) {
		shell_say(wp->pane.shell, 1, _("cannot read the store: %s"),
			  store_errmsg(wp->pane.store));
		return;
	}
	for (size_t e = 0; e < wp->w.n; e++) {
		size_t more = 1 + wp->w.entities[e].nissues;
		wp->lines = xrealloc(wp->lines, (wp->n + more) * sizeof *wp->lines);
		wp->lines[wp->n++] = (struct watch_line){ e, -1 };
		for (size_t i = 0; i < wp->w.entities[e].nissues; i++)
			wp->lines[wp->n++] = (struct watch_line){ e, (long)i };
	}
	if (wp->cursor >= wp->n)
		wp->cursor = wp->n ? wp->n - 1 : 0;
}

static unsigned watch_where(struct pane *p)
{
	(void)p;
	return IN_WATCH;
}

static void watch_sync(struct pane *p, int rows, int cols)
{
	struct watch_pane *wp = watch_of(p);
	(void)cols;
	if (!wp->loaded || wp->generation != shell_marks_generation(p->shell))
		load(wp);
	size_t height = rows > 1 ? (size_t)rows - 1 : 1;
	if (wp->cursor < wp->top)
		wp->top = wp->cursor;
	else if (wp->cursor >= wp->top + height)
		wp->top = wp->cursor - height + 1;
}

/* "3 deals · 12.50 억 위안 · 2 articles" */
static void counts_text(struct buf *b, long long deals, double amount, long long amounts,
			long long articles)
{
	buf_printf(b, ngettext("%lld deal", "%lld deals", (unsigned long)deals), deals);
	if (amounts) {
		char eok[64];
		amount_format_eok(amount, eok, sizeof eok);
		buf_printf(b, " · %s %s", eok, _("억 위안"));
	}
	buf_adds(b, " · ");
	buf_printf(b, ngettext("%lld article", "%lld articles", (unsigned long)articles), articles);
}

static void watch_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	struct watch_pane *wp = watch_of(p);
	if (!wp->n) {
		ui_put(w, 0, 0, _("Following nothing yet."), (size_t)cols, ALIGN_LEFT, ROLE_HEADING);
		/* The how-to, wrapped to the window: narrow terminals read it whole. */
		const char *how = _("In Deals, w on a row follows its company (on the investors, "
				    "sector or region column: that investor, sector or place).");
		struct text_line *lines = NULL;
		size_t n = text_wrap(how, strlen(how), cols > 0 ? (size_t)cols : 1, &lines);
		int y = 2;
		for (size_t i = 0; i < n && y < rows; i++, y++) {
			char *line = xstrndup(how + lines[i].start, lines[i].len);
			ui_put(w, y, 0, line, (size_t)cols, ALIGN_LEFT, ROLE_NORMAL);
			free(line);
		}
		free(lines);
		if (y < rows)
			ui_put(w, y, 0, _("Or: jubo follow company 노텔집적"), (size_t)cols,
			       ALIGN_LEFT, ROLE_NORMAL);
		return;
	}
	char *head = xasprintf("%-10s %s", _("followed"), _("deals · amount · articles"));
	ui_put(w, 0, 0, head, (size_t)cols, ALIGN_LEFT, ROLE_HEADER);
	free(head);
	for (int y = 1; y < rows; y++) {
		size_t row = wp->top + (size_t)(y - 1);
		if (row >= wp->n)
			break;
		const struct watch_line *l = &wp->lines[row];
		const struct state_entity *e = &wp->w.entities[l->entity];
		struct buf b = { 0 };
		enum ui_role role = row == wp->cursor ? ROLE_SELECTED : ROLE_NORMAL;
		if (l->issue < 0) {
			buf_printf(&b, "%s: %s  ", kind_label(e->kind), e->names);
			counts_text(&b, e->deals, e->amount, e->amounts, e->articles);
			if (e->fresh_deals || e->fresh_articles) {
				buf_printf(&b, "  %s ", _("new:"));
				counts_text(&b, e->fresh_deals, 0, 0, e->fresh_articles);
			}
			if (role == ROLE_NORMAL)
				role = ROLE_HEADING;
		} else {
			const struct state_issue_line *il = &e->issues[l->issue];
			buf_printf(&b, "  %s ", il->fresh ? "N" : " ");
			buf_printf(&b, _("No. %d"), il->number);
			buf_printf(&b, "  %s  ", il->date);
			counts_text(&b, il->deals, il->amount, il->amounts, il->articles);
		}
		ui_put(w, y, 0, b.data, (size_t)cols, ALIGN_LEFT, role);
		buf_free(&b);
	}
}

static char *watch_status(struct pane *p)
{
	struct watch_pane *wp = watch_of(p);
	char *n = xasprintf(ngettext("%zu followed", "%zu followed", (unsigned long)wp->w.n),
			    wp->w.n);
	char *s = xasprintf(" %s  %s", _("Watch"), n);
	free(n);
	return s;
}

static void watch_hints(struct pane *p, struct buf *b)
{
	(void)p;
	/* Enter (its deals) is among the keys every pane hints at. */
	buf_printf(b, "r %s  d %s", _("articles"), _("unfollow"));
}

/* Enter: the entity's deals (or, without any, its articles); r (articles set): its articles.
 * Of one issue on an issue's line. */
static void show_rows(struct watch_pane *wp, int articles)
{
	if (wp->cursor >= wp->n)
		return;
	const struct watch_line *l = &wp->lines[wp->cursor];
	const struct state_entity *e = &wp->w.entities[l->entity];
	long long deals = l->issue < 0 ? e->deals : e->issues[l->issue].deals;
	struct buf f = { 0 };
	buf_printf(&f, "about:\"%s:", state_kind_name(e->kind));
	for (const char *c = e->name; *c; c++)
		if (*c != '"')
			buf_addc(&f, *c);
	buf_addc(&f, '"');
	if (l->issue >= 0)
		buf_printf(&f, " issue:%d", e->issues[l->issue].number);
	shell_show_filtered(wp->pane.shell, deals && !articles ? N_("Deals") : N_("News"), f.data);
	buf_free(&f);
}

static int watch_act(struct pane *p, enum action_id a, int rows, int cols)
{
	struct watch_pane *wp = watch_of(p);
	(void)cols;
	switch (a) {
	case ACT_BACK:
	case ACT_QUIT:
		return 0;
	case ACT_OPEN:
	case ACT_WATCH_ARTICLES:
		show_rows(wp, a == ACT_WATCH_ARTICLES);
		return 1;
	case ACT_UNFOLLOW:
		if (wp->cursor < wp->n) {
			const struct state_entity *e = &wp->w.entities[wp->lines[wp->cursor].entity];
			if (state_follow(p->store, e->kind, e->name, 0) < 0)
				shell_say(p->shell, 1, _("cannot write the reader's state: %s"),
					  store_errmsg(p->store));
			else
				shell_say(p->shell, 0, _("no longer following %s"), e->name);
			shell_marks_changed(p->shell);
		}
		return 1;
	default:
		wp->cursor = (size_t)action_move(a, (long)wp->cursor, (long)wp->n, rows - 1);
		return 1;
	}
}

static void watch_free(struct pane *p)
{
	struct watch_pane *wp = watch_of(p);
	state_watch_free(&wp->w);
	free(wp->lines);
	free(wp);
}

static const struct pane_ops watch_ops = {
	.name = N_("Watch"),
	.where = watch_where,
	.sync = watch_sync,
	.draw = watch_draw,
	.status = watch_status,
	.hints = watch_hints,
	.act = watch_act,
	.free = watch_free,
};

struct pane *watch_pane_new(struct store *s, struct shell *sh)
{
	struct watch_pane *wp = xcalloc(1, sizeof *wp);
	wp->pane = (struct pane){ &watch_ops, sh, s };
	return &wp->pane;
}
