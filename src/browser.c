/* browser.c: the shell of the browser: the tab bar, the status and hint lines, the prompt,
 * the help screen and the main loop. Everything inside a pane goes through its pane_ops
 * (pane.h); the shell never asks which pane is current. */
#include "config.h"

#include "browser.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "actions.h"
#include "doc.h"
#include "i18n.h"
#include "pane.h"
#include "prompt.h"
#include "state.h"
#include "ui.h"
#include "url.h"
#include "util.h"

#define MIN_COLS 40
#define MIN_ROWS 12
#define PANES 5

struct shell {
	struct store *store;
	struct pane *panes[PANES];
	int current;
	int rows, cols;
	int help;                     /* the help screen is up */
	struct doc help_doc;
	char *message;                /* shown in the hint line until the next key */
	int message_is_error;
	int gave_up_waiting;          /* Ctrl-C during a wait for a locked store, this key */
	int prompting;
	enum ask_kind ask;
	struct pane *asker;           /* the pane the prompt answers to */
	struct doc *ask_doc;          /* the document a search or link prompt is for (help) */
	struct prompt prompt;
	struct prompt_history filters, searches, files;
	char *issue_title;            /* "주간 중국창업 No. 418 · 2025-03-31" */
	char *issue_title_short;      /* the same without the newsletter's name */
	long long unread;             /* unread articles of the scope, -1 until counted */
	unsigned marks_generation;    /* counts changes of the reader's marks and follows */
	char *newsletter;             /* the newsletter's title, "주간 중국창업" */
	struct issue_scope scope;     /* the issues shown */
	/* The list of issues to choose from (the i key), newest first after "all issues". */
	int picking;
	struct issue_choice {
		int number;
		char date[11];
		long long articles, deals, events;
		long long unread;     /* unread articles, -1 when not known */
	} *issues;
	size_t nissues;
	size_t pick_cursor, pick_top;  /* row 0 is every issue, row k the issue k - 1 */
	long pick_mark;                /* the row where a range starts, -1 for none */
	/* The progress handler: stop on a pending key at once (idle work) or after a moment
	 * (a search the user asked for), and on Ctrl-C. */
	int stop_mode;                /* 0 off, 1 idle, 2 search */
	struct timespec started;
};

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static struct pane *cur(struct shell *sh)
{
	return sh->panes[sh->current];
}

/* Rows of the body: the screen without the tab bar, the status and the hint lines. */
static int body_rows(const struct shell *sh)
{
	return sh->rows - 3;
}

void shell_say(struct shell *sh, int error, const char *fmt, ...)
{
	va_list ap;
	free(sh->message);
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	sh->message = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(sh->message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sh->message_is_error = error;
}

void shell_remember_filter(struct shell *sh, const char *filter)
{
	prompt_history_add(&sh->filters, filter);
}

static int key_pending(void)
{
	struct pollfd fd = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&fd, 1, 0) > 0;
}

static int stop_check(void *ctx)
{
	struct shell *sh = ctx;
	if (interrupted)
		return 1;
	if (sh->stop_mode == 1)
		return key_pending();
	/* A search stops for a key only after a moment, so that keys typed ahead of a quick
	 * search do not stop it. */
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - sh->started.tv_sec) * 1000 +
		  (now.tv_nsec - sh->started.tv_nsec) / 1000000;
	return ms >= 150 && key_pending();
}

static void draw_hint(struct shell *sh);

/* The store another program has locked, told on the hint line while a read waits for it
 * (the screen would otherwise stand still for the whole wait); Ctrl-C gives up waiting. */
static void tell_waiting(void *ctx, const char *path, const char *holder, int left)
{
	struct shell *sh = ctx;
	shell_say(sh, 0, _("%s is locked by %s: waiting %d s more (Ctrl-C gives up)"), path,
		  holder ? holder : _("another program"), left);
	draw_hint(sh);
	refresh();
}

/* Ctrl-C ends the wait, and every other wait of the same key: the reads it would still do
 * fail at once, until the next key. */
static int stop_waiting(void *ctx)
{
	struct shell *sh = ctx;
	if (interrupted) {
		interrupted = 0; /* answered: the wait ends, not jubo */
		sh->gave_up_waiting = 1;
	}
	return sh->gave_up_waiting;
}

static void set_stop_mode(struct shell *sh, int mode)
{
	sh->stop_mode = mode;
	interrupted = 0;
	clock_gettime(CLOCK_MONOTONIC, &sh->started);
	/* A few thousand steps take well under a millisecond. */
	store_set_progress(sh->store, 2000, mode ? stop_check : NULL, sh);
}

void shell_interruptible(struct shell *sh, int on)
{
	set_stop_mode(sh, on ? 2 : 0);
}

int shell_interrupted(struct shell *sh)
{
	(void)sh;
	return interrupted != 0;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static void draw_tabs(struct shell *sh)
{
	wattrset(stdscr, ui_attr(ROLE_TAB));
	mvhline(0, 0, ' ', sh->cols);
	int x = 0;
	if (sh->unread < 0)
		sh->unread = state_unread(sh->store, TARGET_ARTICLES, sh->scope.from, sh->scope.to);
	for (int i = 0; i < PANES && x < sh->cols; i++) {
		/* News tells how many of its articles are unread. */
		char *label = i == 0 && sh->unread > 0
				      ? xasprintf(" %d %s (%lld) ", i + 1, _(sh->panes[i]->ops->name),
						  sh->unread)
				      : xasprintf(" %d %s ", i + 1, _(sh->panes[i]->ops->name));
		size_t w = text_strwidth(label);
		if ((size_t)x + w > (size_t)sh->cols)
			w = (size_t)(sh->cols - x);
		ui_put(stdscr, 0, x, label, w, ALIGN_LEFT,
		       i == sh->current ? ROLE_TAB_ACTIVE : ROLE_TAB);
		x += (int)w;
		free(label);
	}
	if (sh->issue_title && x + 2 < sh->cols) {
		size_t room = (size_t)(sh->cols - x - 1);
		/* Without the newsletter's name when the whole title does not fit. */
		const char *title = sh->issue_title;
		if (text_strwidth(title) > room && sh->issue_title_short)
			title = sh->issue_title_short;
		size_t w = text_strwidth(title);
		if (w > room)
			w = room;
		ui_put(stdscr, 0, sh->cols - 1 - (int)w, title, w, ALIGN_RIGHT, ROLE_TITLE);
	}
}

/* The cursor is shown where the prompt edits, hidden elsewhere. Hidden, it is also left
 * wherever the last change put it (leaveok): curses then sends no move to park it after each
 * update, nine bytes or so a key over SSH. A terminal that cannot hide it keeps it parked. */
static void show_cursor(int shown)
{
	int hidden = !shown && curs_set(0) != ERR;
	if (shown)
		curs_set(1);
	leaveok(stdscr, hidden ? TRUE : FALSE);
}

static void draw_status(struct shell *sh)
{
	if (sh->prompting && sh->message) {
		ui_put(stdscr, sh->rows - 2, 0, sh->message, (size_t)sh->cols, ALIGN_LEFT, ROLE_ERROR);
		return;
	}
	char *s = sh->help      ? xasprintf(" %s", _("Help: keys"))
		  : sh->picking ? xasprintf(" %s  %zu/%zu", _("Issues"), sh->pick_cursor + 1,
					    sh->nissues + 1)
				: cur(sh)->ops->status(cur(sh));
	ui_put(stdscr, sh->rows - 2, 0, s, (size_t)sh->cols, ALIGN_LEFT, ROLE_STATUS);
	free(s);
}

static unsigned where_am_i(struct shell *sh)
{
	return sh->help ? IN_READER : cur(sh)->ops->where(cur(sh));
}

static void draw_hint(struct shell *sh)
{
	int y = sh->rows - 1;
	if (sh->prompting) {
		static const char *const labels[ASK_COUNT] = {
			N_("Filter: "), N_("Search: "), N_("Export to file: "),
			N_("Open link number: "), N_("Copy link number: "),
			N_("The file exists. Overwrite it? (y/n) "), N_("Note: "),
			N_("Follow (company:, investor:, sector:, place:): ")
		};
		const char *label = _(labels[sh->ask]);
		size_t lw = text_strwidth(label);
		size_t room = (size_t)sh->cols > lw + 1 ? (size_t)sh->cols - lw - 1 : 1;
		/* Scroll the line so that the cursor stays in view. */
		size_t cursor = prompt_cursor_cells(&sh->prompt), skip = 0;
		const char *text = sh->prompt.text;
		while (cursor - skip >= room) {
			int w;
			size_t n = text_cluster(text, text + strlen(text), &w);
			text += n;
			skip += (size_t)w;
		}
		ui_put(stdscr, y, 0, label, lw, ALIGN_LEFT, ROLE_HEADER);
		ui_put(stdscr, y, (int)lw, text, room + 1, ALIGN_LEFT, ROLE_NORMAL);
		move(y, (int)(lw + cursor - skip));
		show_cursor(1);
		return;
	}
	show_cursor(0);
	if (sh->message) {
		ui_put(stdscr, y, 0, sh->message, (size_t)sh->cols, ALIGN_LEFT,
		       sh->message_is_error ? ROLE_ERROR : ROLE_NORMAL);
		return;
	}
	/* Hints from the action table: keys and names of the actions marked for it. */
	struct buf h = { 0 };
	struct pane *p = cur(sh);
	unsigned where = where_am_i(sh);
	if (sh->picking) {
		buf_printf(&h, "Enter %s  Space %s  Esc %s", _("show"), _("mark a range"), _("back"));
		ui_put(stdscr, y, 0, h.data, (size_t)sh->cols, ALIGN_LEFT, ROLE_HINT);
		buf_free(&h);
		return;
	}
	if (!sh->help && p->ops->hints)
		p->ops->hints(p, &h);
	size_t links = sh->help ? sh->help_doc.nlinks : p->ops->links ? p->ops->links(p) : 0;
	for (const struct action *a = actions; a->name; a++)
		if (a->hint && (a->where & where) && (a->id != ACT_OPEN_LINK || links))
			buf_printf(&h, "%s%s %s", h.len ? "  " : "", a->keys, _(a->name));
	ui_put(stdscr, y, 0, h.data, (size_t)sh->cols, ALIGN_LEFT, ROLE_HINT);
	buf_free(&h);
}

static void draw_small(struct shell *sh)
{
	erase();
	ui_clear_overlays();
	char *msg = xasprintf(_("Terminal too small (%dx%d); jubo needs %dx%d."), sh->cols,
			      sh->rows, MIN_COLS, MIN_ROWS);
	struct text_line *lines;
	size_t n = text_wrap(msg, strlen(msg), (size_t)(sh->cols > 1 ? sh->cols : 1), &lines);
	for (size_t i = 0; i < n && (int)i < sh->rows; i++) {
		char *line = xstrndup(msg + lines[i].start, lines[i].len);
		ui_put(stdscr, (int)i, 0, line, (size_t)sh->cols, ALIGN_LEFT, ROLE_NORMAL);
		free(line);
	}
	free(lines);
	free(msg);
	show_cursor(0);
	wnoutrefresh(stdscr);
	ui_update();
}

/* ---- the issues in view --------------------------------------------------------------------- */

static int take_issue(void *ctx, int header, int ncols, const char *const *v)
{
	struct shell *sh = ctx;
	if (header || ncols < 2 || !v[0])
		return 0;
	sh->issues = xrealloc(sh->issues, (sh->nissues + 1) * sizeof *sh->issues);
	struct issue_choice *c = &sh->issues[sh->nissues++];
	c->number = atoi(v[0]);
	snprintf(c->date, sizeof c->date, "%s", v[1] ? v[1] : "");
	/* The counts, when the list with them was read (the list of issues, i). */
	c->articles = ncols > 4 && v[4] ? atoll(v[4]) : 0;
	c->deals = ncols > 5 && v[5] ? atoll(v[5]) : 0;
	c->events = ncols > 6 && v[6] ? atoll(v[6]) : 0;
	c->unread = -1;
	return 0;
}

/* Reads the issues in the store, newest first; with their counts of articles, deals and
 * events only for the list of issues (counting a large archive is not for start-up). */
static void load_issues(struct shell *sh, int with_counts)
{
	free(sh->issues);
	sh->issues = NULL;
	sh->nissues = 0;
	if (with_counts)
		store_list_issues(sh->store, take_issue, sh);
	else
		store_issue_numbers(sh->store, take_issue, sh);
	for (size_t i = 0; i < sh->nissues / 2; i++) {
		struct issue_choice t = sh->issues[i];
		sh->issues[i] = sh->issues[sh->nissues - 1 - i];
		sh->issues[sh->nissues - 1 - i] = t;
	}
}

const struct issue_scope *shell_scope(struct shell *sh)
{
	return &sh->scope;
}

/* Shows the issues from..to (0, 0: all): every pane hears of it, the title bar says it. */
static void set_scope(struct shell *sh, int from, int to)
{
	struct issue_scope sc = { from, to, 0, 0 };
	const struct issue_choice *first = NULL, *last = NULL;
	for (size_t i = 0; i < sh->nissues; i++) {
		const struct issue_choice *c = &sh->issues[i];
		if ((from && c->number < from) || (to && c->number > to))
			continue;
		sc.issues++;
		if (!last || c->number > last->number)
			last = c;
		if (!first || c->number < first->number)
			first = c;
	}
	sc.latest = last ? last->number : 0;
	sh->scope = sc;
	free(sh->issue_title);
	free(sh->issue_title_short);
	sh->issue_title = sh->issue_title_short = NULL;
	sh->unread = -1;
	for (int shortened = 0; shortened <= 1; shortened++) {
		const char *name = sh->newsletter && !shortened ? sh->newsletter : "";
		char *t = NULL;
		if (sc.issues == 1)
			t = xasprintf(_("%s No. %d · %s"), name, last->number, last->date);
		else if (sc.issues > 1 && !from && !to)
			t = xasprintf(_("%s · all %d issues, No. %d–%d"), name, sc.issues,
				      first->number, last->number);
		else if (sc.issues > 1)
			t = xasprintf(_("%s · No. %d–%d, %d issues"), name, first->number,
				      last->number, sc.issues);
		else if (sh->nissues)
			t = xasprintf(_("%s · no issue in No. %d–%d"), name, from, to);
		if (t && shortened) {
			/* Without the name, the title starts at its first word. */
			const char *p = t;
			while (*p == ' ' || strncmp(p, "·", strlen("·")) == 0)
				p += *p == ' ' ? 1 : strlen("·");
			char *trimmed = xstrdup(p);
			free(t);
			t = trimmed;
		}
		if (shortened)
			sh->issue_title_short = t;
		else
			sh->issue_title = t;
	}
	for (int i = 0; i < PANES; i++)
		if (sh->panes[i]->ops->set_scope)
			sh->panes[i]->ops->set_scope(sh->panes[i], &sh->scope);
}

static void open_picker(struct shell *sh)
{
	load_issues(sh, 1);
	sh->picking = 1;
	sh->pick_mark = -1;
	sh->pick_top = 0;
	/* The cursor on what is shown now: all, or the newest issue of the scope. */
	sh->pick_cursor = 0;
	if (sh->scope.from || sh->scope.to)
		for (size_t i = 0; i < sh->nissues; i++)
			if (sh->issues[i].number == sh->scope.latest)
				sh->pick_cursor = i + 1;
}

static void draw_picker(struct shell *sh, WINDOW *w, int rows, int cols)
{
	ui_put(w, 0, 0, _("Issues: Enter shows one; Space marks the start of a range, Enter its end"),
	       (size_t)cols, ALIGN_LEFT, ROLE_HEADING);
	char *head = xasprintf("  %6s  %-10s  %8s  %6s  %6s  %6s", _("No."), _("date"),
			       _("articles"), _("unread"), _("deals"), _("events"));
	ui_put(w, 1, 0, head, (size_t)cols, ALIGN_LEFT, ROLE_HEADER);
	free(head);
	int height = rows - 2;
	if (height < 1)
		return;
	if (sh->pick_cursor < sh->pick_top)
		sh->pick_top = sh->pick_cursor;
	else if (sh->pick_cursor >= sh->pick_top + (size_t)height)
		sh->pick_top = sh->pick_cursor - (size_t)height + 1;
	long lo = sh->pick_mark, hi = (long)sh->pick_cursor;
	if (lo > hi) {
		long t = lo;
		lo = hi;
		hi = t;
	}
	for (int y = 0; y < height; y++) {
		size_t row = sh->pick_top + (size_t)y;
		if (row > sh->nissues)
			break;
		char *line;
		if (row == 0) {
			line = xasprintf("  %s", _("All issues"));
		} else {
			struct issue_choice *c = &sh->issues[row - 1];
			/* Counted for the rows shown, once: an index lookup or two each. */
			if (c->unread < 0)
				c->unread = state_unread_in_issue(sh->store, TARGET_ARTICLES, c->number);
			char unread[24] = "";
			if (c->unread > 0)
				snprintf(unread, sizeof unread, "%lld", c->unread);
			line = xasprintf("%s %6d  %-10s  %8lld  %6s  %6lld  %6lld",
					 (long)row == sh->pick_mark ? "*" : " ", c->number, c->date,
					 c->articles, unread, c->deals, c->events);
		}
		enum ui_role role = row == sh->pick_cursor                    ? ROLE_SELECTED
				    : sh->pick_mark > 0 && (long)row >= lo && (long)row <= hi
					    ? ROLE_MATCH
					    : ROLE_NORMAL;
		ui_put(w, 2 + y, 0, line, (size_t)cols, ALIGN_LEFT, role);
		free(line);
	}
}

/* A key while the list of issues is up. */
static void picker_key(struct shell *sh, int ch)
{
	if (ch == ' ') {
		sh->pick_mark = sh->pick_cursor && sh->pick_mark != (long)sh->pick_cursor
					? (long)sh->pick_cursor
					: -1;
		return;
	}
	/* It moves like a list and is left like a reader (Esc, q). */
	enum action_id a = action_for_key(ch, IN_LIST | IN_READER);
	long c = (long)sh->pick_cursor;
	switch (a) {
	case ACT_OPEN: {
		sh->picking = 0;
		if (c == 0) {
			set_scope(sh, 0, 0);
		} else if (sh->pick_mark > 0) {
			int a_n = sh->issues[sh->pick_mark - 1].number, b_n = sh->issues[c - 1].number;
			set_scope(sh, a_n < b_n ? a_n : b_n, a_n < b_n ? b_n : a_n);
		} else {
			set_scope(sh, sh->issues[c - 1].number, sh->issues[c - 1].number);
		}
		return;
	}
	case ACT_BACK:
	case ACT_QUIT:
		sh->picking = 0;
		return;
	default:
		/* Row 0 is every issue, then one row per issue. */
		c = action_move(a, c, (long)sh->nissues + 1, body_rows(sh) - 2);
		break;
	}
	sh->pick_cursor = (size_t)c;
}

static int too_small(const struct shell *sh)
{
	return sh->cols < MIN_COLS || sh->rows < MIN_ROWS;
}

static void draw(struct shell *sh)
{
	getmaxyx(stdscr, sh->rows, sh->cols);
	if (too_small(sh)) {
		draw_small(sh);
		return;
	}
	struct pane *p = cur(sh);
	/* The pane reads what it will show first; drawing reads nothing. */
	if (!sh->help && !sh->picking)
		p->ops->sync(p, body_rows(sh), sh->cols);
	/* Everything is drawn afresh into curses' copy of the screen; doupdate sends only the
	 * cells that differ from what the terminal shows. */
	erase();
	ui_clear_overlays();
	draw_tabs(sh);
	WINDOW *body = derwin(stdscr, body_rows(sh), sh->cols, 1, 0);
	if (body) {
		if (sh->help)
			doc_draw(&sh->help_doc, body, body_rows(sh), sh->cols);
		else if (sh->picking)
			draw_picker(sh, body, body_rows(sh), sh->cols);
		else
			p->ops->draw(p, body, body_rows(sh), sh->cols);
		delwin(body);
	}
	draw_status(sh);
	draw_hint(sh);
	wnoutrefresh(stdscr);
	ui_update();
}

/* ---- help ---------------------------------------------------------------------------------- */

static void build_help(struct shell *sh)
{
	doc_free(&sh->help_doc);
	doc_init(&sh->help_doc, _("Help"));
	sh->help_doc.width = (size_t)sh->cols;
	doc_add(&sh->help_doc, _("jubo: keys (q or Esc closes this help)"), ROLE_HEADING);
	doc_add(&sh->help_doc, "", ROLE_NORMAL);
	for (const struct action *a = actions; a->name; a++) {
		char lead[64];
		snprintf(lead, sizeof lead, "%-12s", a->keys);
		doc_add_wrapped(&sh->help_doc, _(a->help), 13, lead, ROLE_NORMAL);
	}
	doc_add(&sh->help_doc, "", ROLE_NORMAL);
	doc_add_wrapped(&sh->help_doc,
			_("Filters: words search text; field:value narrows a field (region:장쑤 "
			  "sector:인공지능 round:A investor:Sequoia); amount>=10억, amount<1억달러; "
			  "date:2025-04; -term negates. See man jubo."),
			0, NULL, ROLE_DIM);
	doc_add_wrapped(&sh->help_doc,
			_("A search or a count that runs long stops with Ctrl-C, or with any key "
			  "after a moment; so does a wait for a store another program has locked "
			  "(Ctrl-C only)."),
			0, NULL, ROLE_DIM);
}

/* ---- links --------------------------------------------------------------------------------- */

static void open_link(struct shell *sh, const char *url)
{
	const char *browser = getenv("BROWSER");
	if (!browser || !*browser) {
		shell_say(sh, 0, _("BROWSER is not set; the link is %s"), url);
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
		shell_say(sh, 1, _("cannot run %s"), browser);
	else
		shell_say(sh, 0, _("opened %s"), url);
}

static void copy_link(struct shell *sh, const char *url)
{
	char *seq = url_osc52(url);
	fputs(seq, stdout);
	fflush(stdout);
	free(seq);
	shell_say(sh, 0, _("copied %s (OSC 52; in tmux: set-clipboard on)"), url);
}

static void link_action(struct shell *sh, const struct doc *d, enum ask_kind ask,
			const char *number)
{
	char *end;
	long n = strtol(number, &end, 10);
	if (!*number || *end || n < 1 || (size_t)n > d->nlinks) {
		shell_say(sh, 1, _("no link %s (links 1 to %zu)"), number, d->nlinks);
		return;
	}
	const char *url = d->links[n - 1];
	/* Only http and https links without spaces or controls leave jubo. */
	if (!url_is_safe(url)) {
		shell_say(sh, 1, "%s", _("only http and https links are opened"));
		return;
	}
	if (ask == ASK_OPEN_LINK)
		open_link(sh, url);
	else
		copy_link(sh, url);
}

/* ---- documents ----------------------------------------------------------------------------- */

static void ask_about(struct shell *sh, enum ask_kind ask, struct doc *d)
{
	struct prompt_history *h = ask == ASK_FILTER   ? &sh->filters
				   : ask == ASK_SEARCH ? &sh->searches
				   : ask == ASK_EXPORT ? &sh->files
						       : NULL;
	const char *current = ask == ASK_FILTER && cur(sh)->ops->filter
				      ? cur(sh)->ops->filter(cur(sh))
				      : NULL;
	prompt_start(&sh->prompt, current ? current : "", h);
	sh->prompting = 1;
	sh->ask = ask;
	sh->asker = cur(sh);
	sh->ask_doc = d;
}

void shell_ask(struct shell *sh, enum ask_kind ask)
{
	ask_about(sh, ask, NULL);
}

void shell_ask_with(struct shell *sh, enum ask_kind ask, const char *initial)
{
	ask_about(sh, ask, NULL);
	prompt_set(&sh->prompt, initial, (size_t)-1);
}

void shell_doc_act(struct shell *sh, struct doc *d, enum action_id a, int rows)
{
	switch (a) {
	case ACT_DOWN:
		doc_scroll(d, 1, rows);
		break;
	case ACT_UP:
		doc_scroll(d, -1, rows);
		break;
	case ACT_PAGE_DOWN:
		doc_scroll(d, rows - 1, rows);
		break;
	case ACT_PAGE_UP:
		doc_scroll(d, -(rows - 1), rows);
		break;
	case ACT_HALF_DOWN:
		doc_scroll(d, rows / 2, rows);
		break;
	case ACT_HALF_UP:
		doc_scroll(d, -(rows / 2), rows);
		break;
	case ACT_TOP:
		d->top = 0;
		break;
	case ACT_BOTTOM:
		doc_scroll(d, (long)d->count, rows);
		break;
	case ACT_SEARCH:
		ask_about(sh, ASK_SEARCH, d);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!d->search || !doc_find(d, a == ACT_NEXT_MATCH ? 1 : -1, rows))
			shell_say(sh, 1, _("not found: %s"), d->search ? d->search : "");
		break;
	case ACT_OPEN_LINK:
	case ACT_COPY_LINK: {
		enum ask_kind ask = a == ACT_OPEN_LINK ? ASK_OPEN_LINK : ASK_COPY_LINK;
		if (!d->nlinks)
			shell_say(sh, 1, "%s", _("this page has no links"));
		else if (d->nlinks == 1)
			link_action(sh, d, ask, "1");
		else
			ask_about(sh, ask, d);
		break;
	}
	default:
		break;
	}
}

void shell_doc_answer(struct shell *sh, struct doc *d, enum ask_kind ask, const char *text,
		      int rows)
{
	if (ask == ASK_SEARCH) {
		free(d->search);
		d->search = xstrdup(text);
		d->match = -1;
		if (!doc_find(d, 1, rows))
			shell_say(sh, 1, _("not found: %s"), text);
	} else if (ask == ASK_OPEN_LINK || ask == ASK_COPY_LINK) {
		link_action(sh, d, ask, text);
	}
}

/* ---- panes --------------------------------------------------------------------------------- */

static void switch_pane(struct shell *sh, int pane)
{
	sh->current = (pane + PANES) % PANES;
	sh->help = 0;
}

void shell_show_filtered(struct shell *sh, const char *pane_name, const char *filter)
{
	for (int i = 0; i < PANES; i++) {
		struct pane *p = sh->panes[i];
		if (strcmp(p->ops->name, pane_name) != 0 || !p->ops->set_filter)
			continue;
		struct query_error err;
		if (p->ops->set_filter(p, filter, &err) != 0) {
			shell_say(sh, 1, "%s", err.msg);
		} else {
			prompt_history_add(&sh->filters, filter);
			switch_pane(sh, i);
		}
		return;
	}
}

/* ---- keys ---------------------------------------------------------------------------------- */

static void accept_prompt(struct shell *sh)
{
	char *text = xstrdup(sh->prompt.text);
	enum ask_kind ask = sh->ask;
	struct pane *p = sh->asker;
	struct doc *d = sh->ask_doc;
	prompt_finish(&sh->prompt);
	sh->prompting = 0;
	if (ask == ASK_FILTER && p->ops->set_filter) {
		struct query_error err;
		prompt_history_add(&sh->filters, text);
		if (p->ops->set_filter(p, text, &err) != 0) {
			if (err.pos)
				shell_say(sh, 1, _("filter: at %zu: %s"), err.pos, err.msg);
			else
				shell_say(sh, 1, _("filter: %s"), err.msg);
			/* The prompt opens again on the filter, the cursor where it went wrong. */
			ask_about(sh, ASK_FILTER, NULL);
			prompt_set(&sh->prompt, text, err.pos ? err.pos - 1 : 0);
		}
	} else {
		if (ask == ASK_SEARCH)
			prompt_history_add(&sh->searches, text);
		else if (ask == ASK_EXPORT && *text)
			prompt_history_add(&sh->files, text);
		if (d)
			shell_doc_answer(sh, d, ask, text, body_rows(sh));
		else if (p->ops->answer)
			p->ops->answer(p, ask, text, body_rows(sh), sh->cols);
	}
	free(text);
}

/* Handles one key. Returns 0 to quit. */
static int handle_key(struct shell *sh, int is_key, wint_t ch)
{
	free(sh->message);
	sh->message = NULL;
	if (sh->prompting) {
		enum prompt_result r = prompt_feed(&sh->prompt, is_key, (unsigned)ch);
		if (r == PROMPT_ACCEPTED)
			accept_prompt(sh);
		else if (r == PROMPT_CANCELLED) {
			prompt_finish(&sh->prompt);
			sh->prompting = 0;
		}
		return 1;
	}
	if (sh->picking) {
		picker_key(sh, (int)ch);
		return 1;
	}
	struct pane *p = cur(sh);
	if (!sh->help && p->ops->key && p->ops->key(p, is_key, (int)ch, body_rows(sh), sh->cols))
		return 1;
	enum action_id a = action_for_key((int)ch, where_am_i(sh));
	switch (a) {
	case ACT_QUIT:
	case ACT_BACK:
		if (sh->help)
			sh->help = 0;
		else if (!p->ops->act(p, ACT_BACK, body_rows(sh), sh->cols) && a == ACT_QUIT)
			return 0;
		return 1;
	case ACT_HELP:
		build_help(sh);
		sh->help = 1;
		return 1;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case ACT_PANE_NEWS:
	case ACT_PANE_DEALS:
	case ACT_PANE_REGIONS:
	case ACT_PANE_CALENDAR:
		switch_pane(sh, (int)(a - ACT_PANE_NEWS));
		break;
	case ACT_PANE_WATCH:
		switch_pane(sh, 4);
		return 1;
	case ACT_NEXT_PANE:
		switch_pane(sh, sh->current + 1);
		return 1;
	case ACT_PREV_PANE:
		switch_pane(sh, sh->current - 1);
		return 1;
	case ACT_ISSUES:
		if (!sh->help) {
			open_picker(sh);
			return 1;
		}
		break;
	case ACT_NONE:
		return 1;
	default:
		break;
	}
	if (sh->help)
		shell_doc_act(sh, &sh->help_doc, a, body_rows(sh));
	else
		p->ops->act(p, a, body_rows(sh), sh->cols);
	return 1;
}

/* Lays documents out again for a new width. */
static void relayout(struct shell *sh)
{
	for (int i = 0; i < PANES; i++)
		if (sh->panes[i]->ops->relayout)
			sh->panes[i]->ops->relayout(sh->panes[i], body_rows(sh), sh->cols);
	if (sh->help)
		build_help(sh);
}

/* Slow work of the current pane (counting its rows) once the screen is up, stopped by a key:
 * the key is handled and the work starts again afterwards. */
static void idle(struct shell *sh)
{
	struct pane *p = cur(sh);
	if (sh->help || sh->prompting || too_small(sh) || !p->ops->idle)
		return;
	set_stop_mode(sh, 1);
	while (!key_pending() && p->ops->idle(p)) {
		set_stop_mode(sh, 0);
		draw(sh); /* sends only what the work changed */
		set_stop_mode(sh, 1);
	}
	set_stop_mode(sh, 0);
}

/* ---- the loop ------------------------------------------------------------------------------ */

/* 1 when standard input has hung up or closed: a read would never wait again. */
static int terminal_gone(void)
{
	struct pollfd fd = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll(&fd, 1, 0) < 0)
		return errno != EINTR;
	if (fd.revents & (POLLHUP | POLLERR | POLLNVAL))
		return 1;
	/* Readable but at its end: a closed pipe or a hung-up terminal. */
	if (fd.revents & POLLIN) {
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 0);
		return n < 0 && errno == EIO;
	}
	return 0;
}

void shell_marks_changed(struct shell *sh)
{
	sh->unread = -1;
	sh->marks_generation++;
	for (size_t i = 0; i < sh->nissues; i++)
		sh->issues[i].unread = -1;
}

unsigned shell_marks_generation(struct shell *sh)
{
	return sh->marks_generation;
}

void shell_follow(struct shell *sh, const char *text)
{
	char *copy = xstrdup(text);
	char *name = trim(copy);
	int kind = KIND_COMPANY;
	char *colon = strchr(name, ':');
	if (colon) {
		*colon = '\0';
		kind = state_kind_by_name(trim(name));
		name = trim(colon + 1);
	}
	if (kind < 0) {
		shell_say(sh, 1, _("follow: '%s' is not company, investor, sector or place"), copy);
	} else if (*name) {
		int on = !state_follows(sh->store, (enum state_kind)kind, name);
		int rc = state_follow(sh->store, (enum state_kind)kind, name, on);
		if (rc < 0)
			shell_say(sh, 1, _("cannot write the reader's state: %s"), store_errmsg(sh->store));
		else if (on)
			shell_say(sh, 0, _("following %s (5 shows the Watch pane)"), name);
		else
			shell_say(sh, 0, _("no longer following %s"), name);
		shell_marks_changed(sh);
	}
	free(copy);
}

int browser_run(struct store *s, int week_start, const char *state_note)
{
	/* Everything on the screen is UTF-8 until ui.c converts it for the locale (EUC-KR, C):
	 * translations too, or gettext's own conversion would be converted again. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	const char *note;
	if (ui_start(&note) != 0) {
		char *shown = text_for_locale(note, strlen(note));
		fprintf(stderr, "jubo: %s\n", shown);
		free(shown);
		return 1;
	}
	/* Ctrl-C stops a long search or count, not jubo. */
	struct sigaction sa = { 0 }, old_sa;
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_sa);
	struct shell sh = { .store = s };
	/* Waits for a locked store are told on this screen, not on standard error. */
	store_set_wait_notice(tell_waiting, stop_waiting, &sh);
	sh.panes[0] = news_new(s, &sh);
	sh.panes[1] = deals_new(s, &sh);
	sh.panes[2] = regions_pane_new(s, &sh);
	sh.panes[3] = calendar_pane_new(s, &sh, week_start);
	sh.panes[4] = watch_pane_new(s, &sh);
	doc_init(&sh.help_doc, "");
	int number;
	char date[11];
	if (store_latest_issue(s, &number, date, &sh.newsletter) != 1)
		sh.newsletter = NULL;
	/* A visit begins: what came since the last one is new. */
	int fresh = state_begin_visit(s);
	load_issues(&sh, 0);
	set_scope(&sh, 0, 0);
	if (store_note(s))
		shell_say(&sh, 1, "%s", store_note(s));
	else if (state_note)
		shell_say(&sh, 1, "%s", state_note);
	else if (note)
		shell_say(&sh, 0, "%s", note);
	else if (fresh > 0)
		shell_say(&sh, 0,
			  ngettext("%d new issue since the last visit (J: the next unread row)",
				   "%d new issues since the last visit (J: the next unread row)",
				   (unsigned long)fresh),
			  fresh);
	int running = 1, last_cols = 0;
	while (running) {
		draw(&sh);
		if (sh.cols != last_cols) {
			relayout(&sh);
			if (last_cols)
				draw(&sh);
			last_cols = sh.cols;
		}
		idle(&sh);
		wint_t ch;
		int rc = ui_get_key(&ch);
		if (rc == ERR) {
			/* Ctrl-C with nothing running to stop: say how to quit. */
			if (interrupted) {
				interrupted = 0;
				shell_say(&sh, 0, "%s", _("Ctrl-C stops a long search or count; q quits"));
				continue;
			}
			/* The terminal is gone (hung up with SIGHUP ignored, as under nohup): every
			 * read fails at once from now on; stop instead of spinning. */
			if (terminal_gone())
				break;
			continue;
		}
		/* An escape sequence no terminfo entry names is not keystrokes. */
		if (rc == OK && ch == 27 && ui_skip_sequence())
			continue;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			/* The terminal may have reflowed what it showed: paint it all afresh. */
			clearok(curscr, TRUE);
			continue;
		}
		sh.gave_up_waiting = 0;
		running = handle_key(&sh, rc == KEY_CODE_YES, ch);
	}
	ui_stop();
	store_set_wait_notice(NULL, NULL, NULL);
	sigaction(SIGINT, &old_sa, NULL);
	for (int i = 0; i < PANES; i++)
		sh.panes[i]->ops->free(sh.panes[i]);
	doc_free(&sh.help_doc);
	prompt_history_free(&sh.filters);
	prompt_history_free(&sh.searches);
	prompt_history_free(&sh.files);
	free(sh.message);
	free(sh.issue_title);
	free(sh.issue_title_short);
	free(sh.newsletter);
	free(sh.issues);
	return 0;
}
