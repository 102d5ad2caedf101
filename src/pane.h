/* pane.h: what a pane of the browser is, and what the browser (the shell) offers panes.
 *
 * Each pane (news.c, deals.c, regions.c, calendar.c) fills a struct pane_ops. The shell draws
 * the tab bar, the status and hint lines and the prompt, and hands everything else to the
 * current pane through its ops, never asking which pane it is. A pane reads the store in
 * sync, act, answer and idle; draw only draws what sync read, into the window it is given. */
#ifndef JUBO_PANE_H
#define JUBO_PANE_H

#include <stddef.h>

#include "actions.h"
#include "doc.h"
#include "query.h"
#include "store.h"
#include "ui.h"
#include "util.h"

struct shell;

/* The issues the browser shows: from..to by number, and how many issues that is. from and to
 * are 0 for every issue in the store. */
struct issue_scope {
	int from, to;
	int issues;    /* issues in the scope */
	int latest;    /* the newest issue in it (0 when the store has none) */
};

/* What the prompt asks for; the answer goes back to the pane that asked. */
enum ask_kind {
	ASK_FILTER, ASK_SEARCH, ASK_EXPORT, ASK_OPEN_LINK, ASK_COPY_LINK, ASK_OVERWRITE,
	ASK_NOTE, ASK_FOLLOW,
	ASK_COUNT
};

struct pane {
	const struct pane_ops *ops;
	struct shell *shell;
	struct store *store;
};

struct pane_ops {
	const char *name; /* N_() tab label */
	/* Where in the pane the user is (IN_* of actions.h): which keys apply, which hints show. */
	unsigned (*where)(struct pane *p);
	/* Reads what the next draw shows for a body of rows x cols. */
	void (*sync)(struct pane *p, int rows, int cols);
	void (*draw)(struct pane *p, WINDOW *w, int rows, int cols);
	/* The status line (malloc'd). */
	char *(*status)(struct pane *p);
	/* Hints to show before those of the action table, or NULL. */
	void (*hints)(struct pane *p, struct buf *b);
	/* Links in what is shown (the hint for o and y shows only when there are some). */
	size_t (*links)(struct pane *p);
	/* A key before the action table sees it (Enter in a breakdown); 1 if it was taken. */
	int (*key)(struct pane *p, int is_key, int ch, int rows, int cols);
	/* Does an action. ACT_BACK returns 0 when there is nothing to go back from. */
	int (*act)(struct pane *p, enum action_id a, int rows, int cols);
	/* The filter as typed (NULL for none), and setting it: 0, or -1 with *err. */
	const char *(*filter)(struct pane *p);
	int (*set_filter)(struct pane *p, const char *text, struct query_error *err);
	/* The answer to a prompt the pane asked for (search, export, link number). */
	void (*answer)(struct pane *p, enum ask_kind ask, const char *text, int rows, int cols);
	/* The choice of issues changed (also once at the start). */
	void (*set_scope)(struct pane *p, const struct issue_scope *scope);
	/* The width changed: lay documents out again. */
	void (*relayout)(struct pane *p, int rows, int cols);
	/* Slow work left once the screen is up (counting rows); the store's progress handler
	 * stops it when a key arrives. Returns 1 if it did something to show. */
	int (*idle)(struct pane *p);
	void (*free)(struct pane *p);
};

/* The panes, in tab order. week_start: 0 Sunday, 1 Monday, -1 from the locale. */
struct pane *news_new(struct store *s, struct shell *sh);
struct pane *deals_new(struct store *s, struct shell *sh);
struct pane *regions_pane_new(struct store *s, struct shell *sh);
struct pane *calendar_pane_new(struct store *s, struct shell *sh, int week_start);
struct pane *watch_pane_new(struct store *s, struct shell *sh);

/* ---- what the shell offers ---- */

/* A message in the hint line until the next key. */
void shell_say(struct shell *sh, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Opens the prompt; the answer goes to the current pane's answer (filters to set_filter). */
void shell_ask(struct shell *sh, enum ask_kind ask);
/* The same with text already in the prompt (a file name to propose). */
void shell_ask_with(struct shell *sh, enum ask_kind ask, const char *initial);
/* Shows the pane named by its tab label (N_() name) with a filter, as Enter on a region does. */
void shell_show_filtered(struct shell *sh, const char *pane_name, const char *filter);
/* The reader's marks changed (the title bar's unread count, the Watch pane). */
void shell_marks_changed(struct shell *sh);
/* How many times the marks changed: a pane that shows them reads them again when it grew. */
unsigned shell_marks_generation(struct shell *sh);
/* Follows what the answer to the follow prompt names ("company:노텔집적"), or stops. */
void shell_follow(struct shell *sh, const char *text);
/* The issues chosen (the i key). */
const struct issue_scope *shell_scope(struct shell *sh);
/* Remembers a filter in the prompt's history. */
void shell_remember_filter(struct shell *sh, const char *filter);
/* The keys of a document (the reader, a deal, a day's events): scrolling, search, links. */
void shell_doc_act(struct shell *sh, struct doc *d, enum action_id a, int rows);
/* The answer to a search or link prompt asked from a document. */
void shell_doc_answer(struct shell *sh, struct doc *d, enum ask_kind ask, const char *text,
		      int rows);
/* Turns the progress handler on for a search (stopped by Ctrl-C, or by a key after a moment)
 * or off. */
void shell_interruptible(struct shell *sh, int on);
/* 1 when Ctrl-C stopped the statement that just failed with -2 (not a key): the user wants
 * the work dropped, not started again. */
int shell_interrupted(struct shell *sh);

#endif
