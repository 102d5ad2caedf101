/* state.h: the reader's own state: what was read, what is starred or noted, and what the
 * reader follows across the issues.
 *
 * It lives in a file of the user's own (state_default_path), attached to the store's
 * connection as the database "state", never in the store: an archive may be shared by
 * several readers and read-only to each, and an import that replaces an issue, or a
 * migration, rewrites the store's rows but never touches the state. A row is named by what
 * its re-import keeps: the issue's number, its place in the issue (seq) and a key from its
 * content (STATE_*_KEY); a mark whose row moved within its issue follows it by the key when
 * the state is attached. Marks of an issue not (or no longer) in the store wait for it.
 *
 * Read: a row is read when opened (or marked); "mark all read" marks whole issues at once
 * (state.issue_read) unless a filter picks the rows. New: unread and in an issue the reader
 * had not seen before this visit (a visit is one run of the browser).
 *
 * Followed entities (company, investor, sector, place) are matched by every name they have:
 * a company by its Korean and Chinese names and the names printed beside them in any deal
 * (노텔집적 / 北电集成), a place by the gazetteer's names and aliases, an investor and a
 * sector by name; articles by those names in their text. */
#ifndef JUBO_STATE_H
#define JUBO_STATE_H

#include <stdio.h>

#include "query.h"
#include "store.h"
#include "util.h"

/* The content keys, as SQL over a row aliased d, a or e. */
#define STATE_DEAL_KEY(d)                                                                     \
	d ".kind || '|' || coalesce(" d ".name_ko, '') || '|' || coalesce(" d ".name_zh, '')"  \
	" || '|' || coalesce(" d ".round, '')"
#define STATE_ARTICLE_KEY(a) a ".title"
#define STATE_EVENT_KEY(e) e ".name || '|' || " e ".start_date"

/* The state column of a listing: N new, U unread (older), * starred, + a note; empty for a
 * row read, without star or note. target: 'deal', 'article', 'event'; x the row's alias, i
 * its issue's. */
#define STATE_FLAGS(target, x, key)                                                            \
	"(SELECT CASE WHEN coalesce(m.read, r.issue IS NOT NULL) THEN ''"                      \
	" WHEN sn.visit IS NULL OR sn.visit >= (SELECT value FROM state.meta WHERE key = 'visit')" \
	" THEN 'N' ELSE 'U' END || CASE WHEN m.starred THEN '*' ELSE '' END ||"                 \
	" CASE WHEN m.note IS NOT NULL THEN '+' ELSE '' END FROM (SELECT 1)"                   \
	" LEFT JOIN state.mark m ON m.target = '" target "' AND m.issue = i.number AND"          \
	" m.seq = " x ".seq AND m.key = " key                                                   \
	" LEFT JOIN state.issue_read r ON r.target = '" target "' AND r.issue = i.number"        \
	" LEFT JOIN state.seen sn ON sn.issue = i.number)"

/* Where the state is kept when the user names none: $JUBO_STATE, else
 * $XDG_STATE_HOME/jubo/state.db, else ~/.local/state/jubo/state.db. NULL without a home. */
char *state_default_path(void);

/* Attaches the state at path (created with its directory if need be) to the store's
 * connection. When it cannot be (path NULL, a directory that cannot be made, a file that
 * cannot be written), the state is kept in memory for this run and *note says why (caller
 * frees). Marks whose rows moved are brought to them. 0, or -1 (store_errmsg says why). */
int state_attach(struct store *s, const char *path, char **note);
/* 1 when the state is kept only for this run. */
int state_in_memory(struct store *s);

/* A visit of the browser begins: issues not seen before are seen now, and new until the next
 * visit. The number of issues new this visit that a previous visit had not seen (0 on the
 * first visit), or -1. */
int state_begin_visit(struct store *s);

/* What the state says of one row. */
struct state_marks {
	int read, fresh, starred;
	char *note;    /* malloc'd, NULL for none */
};
int state_get(struct store *s, enum query_target t, long long id, struct state_marks *m);
void state_marks_free(struct state_marks *m);

/* Changing one row: read (1) or unread (0); a star on or off; a note (NULL or "" takes it
 * away). 0, or -1. */
int state_set_read(struct store *s, enum query_target t, long long id, int read);
int state_set_star(struct store *s, enum query_target t, long long id, int on);
int state_set_note(struct store *s, enum query_target t, long long id, const char *note);

/* Every row of the issues from..to (0, 0: every issue) read, as one mark an issue. */
int state_mark_issues_read(struct store *s, enum query_target t, int from, int to);
/* The rows whose ids the statement selects (its first column) read, one mark each, in one
 * transaction. The number marked, -2 when the progress handler stopped it (nothing is
 * marked then), or -1. */
long long state_mark_rows_read(struct store *s, enum query_target t, const char *select_ids,
			       const struct sql_bind *binds, size_t nbinds);

/* Unread rows of the issues from..to (0, 0: every issue), or -1. */
long long state_unread(struct store *s, enum query_target t, int from, int to);
/* Unread rows of one issue by its number, or -1. */
long long state_unread_in_issue(struct store *s, enum query_target t, int number);

/* A filter condition on the state (is:starred, is:unread, is:read, is:new, has:note,
 * is:followed) or about an entity (about:NAME, name), for the row alias of t (d, a, e),
 * appended to sql. It names tables of this connection filled now (temp.state_*), never a
 * value of the user's: nothing to bind. 0, or -1 when the store fails. */
enum state_what {
	STATE_STARRED, STATE_NOTED, STATE_READ, STATE_UNREAD, STATE_NEW, STATE_FOLLOWED,
	STATE_ABOUT,
};
/* Which state a word of is: or has: names (starred, unread, read, new, followed; note), or -1. */
int state_what_by_name(const char *field, const char *word);
int state_condition(struct store *s, enum query_target t, enum state_what what,
		    const char *name, struct buf *sql);

/* ---- following ---- */

enum state_kind { KIND_COMPANY, KIND_INVESTOR, KIND_SECTOR, KIND_PLACE, KIND_COUNT };
const char *state_kind_name(enum state_kind k);
/* The kind a word names (company, investor, sector, place, or their Korean names), or -1. */
int state_kind_by_name(const char *word);
/* Follows (on) or stops following an entity. 1 changed, 0 already so, -1 error. */
int state_follow(struct store *s, enum state_kind k, const char *name, int on);
/* 1 when the entity is followed. */
int state_follows(struct store *s, enum state_kind k, const char *name);

/* The followed entities, oldest first, with what the archive holds of each per issue. */
struct state_issue_line {
	int number;
	char date[11];
	long long deals, articles;
	double amount;       /* the deals' known amounts, in yuan */
	long long amounts;   /* how many amounts are known */
	int fresh;           /* an issue new this visit */
};
struct state_entity {
	enum state_kind kind;
	char *name;
	char *names;         /* every name it was matched by, " · "-separated */
	long long deals, articles, fresh_deals, fresh_articles;
	double amount;
	long long amounts;
	struct state_issue_line *issues;   /* newest first */
	size_t nissues;
};
struct state_watch {
	struct state_entity *entities;
	size_t n;
};
int state_watch_read(struct store *s, struct state_watch *w);
void state_watch_free(struct state_watch *w);

/* The starred or noted rows, newest issue first: target, issue, title or name, flags, note. */
int state_list_marked(struct store *s, store_row_fn fn, void *ctx);

/* ---- moving the state ---- */

/* Writes every mark, issue read and follow as CSV (state_import reads it back). 0, or -1. */
int state_export(struct store *s, FILE *out);
/* Reads a file state_export wrote, adding to (and for the same rows replacing) what the
 * state holds, in one transaction. 0, or -1 with *err ("FILE:LINE:COLUMN: ...", caller
 * frees); nothing is changed then. *count the records read. */
int state_import(struct store *s, const char *path, long long *count, char **err);

#endif
