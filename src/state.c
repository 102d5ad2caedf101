/* state.c: the reader's own state, in a database attached to the store's connection. */
#include "config.h"

#include "state.h"

#include <errno.h>
#include <stdarg.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "decode.h"
#include "fts.h"
#include "i18n.h"
#include "sqlgen.h"

#define STATE_VERSION 1

/* What each target's rows are: the table, its alias, its content key, the count of
 * issue_counts that holds how many an issue has. */
struct target_sql {
	const char *name, *table, *alias, *key, *count;
};
static const struct target_sql targets[] = {
	[TARGET_DEALS] = { "deal", "deal", "d", STATE_DEAL_KEY("d"), "deals" },
	[TARGET_ARTICLES] = { "article", "article", "a", STATE_ARTICLE_KEY("a"), "articles" },
	[TARGET_EVENTS] = { "event", "event", "e", STATE_EVENT_KEY("e"), "events" },
};

static const struct target_sql *target_of(enum query_target t)
{
	return t == TARGET_DEALS || t == TARGET_ARTICLES || t == TARGET_EVENTS ? &targets[t] : NULL;
}

static int target_by_name(const char *name)
{
	for (int t = TARGET_DEALS; t <= TARGET_EVENTS; t++)
		if (strcmp(targets[t].name, name) == 0)
			return t;
	return -1;
}

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS state.meta (key TEXT PRIMARY KEY, value);"
	"INSERT OR IGNORE INTO state.meta VALUES ('visit', 0);"
	/* One row the reader marked: read NULL (as its issue is), 1 read, 0 unread. */
	"CREATE TABLE IF NOT EXISTS state.mark ("
	"  target TEXT NOT NULL CHECK (target IN ('deal', 'article', 'event')),"
	"  issue INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  key TEXT NOT NULL,"
	"  read INTEGER CHECK (read IN (0, 1)),"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  note TEXT,"
	"  changed TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  PRIMARY KEY (target, issue, seq, key));"
	/* Every row of the issue read (but those marked unread). */
	"CREATE TABLE IF NOT EXISTS state.issue_read ("
	"  target TEXT NOT NULL, issue INTEGER NOT NULL, PRIMARY KEY (target, issue))"
	"  WITHOUT ROWID;"
	/* The visit that first saw an issue in the store. */
	"CREATE TABLE IF NOT EXISTS state.seen (issue INTEGER PRIMARY KEY, visit INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS state.follow ("
	"  kind TEXT NOT NULL CHECK (kind IN ('company', 'investor', 'sector', 'place')),"
	"  name TEXT NOT NULL,"
	"  added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  PRIMARY KEY (kind, name));"
	"PRAGMA state.user_version = 1;";

/* This run's view of the state, as ids of the store's rows (the marks resolved through the
 * content keys), so that filters and counts read an index instead of joining every row. */
static const char temp_tables[] =
	"CREATE TEMP TABLE IF NOT EXISTS state_ids (what TEXT NOT NULL, target TEXT NOT NULL,"
	"  id INTEGER NOT NULL, issue_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  PRIMARY KEY (what, target, id)) WITHOUT ROWID;"
	/* By issue and place in it: a filter on a few marked rows seeks them in an issue's
	 * order (the rows' index on issue and seq) instead of reading every row. */
	"CREATE INDEX IF NOT EXISTS temp.state_ids_issue ON state_ids (what, target, issue_id,"
	"  seq);"
	"CREATE TEMP TABLE IF NOT EXISTS state_issues (what TEXT NOT NULL, target TEXT NOT NULL,"
	"  issue_id INTEGER NOT NULL, PRIMARY KEY (what, target, issue_id)) WITHOUT ROWID;"
	/* province: a place that is one; its deals are not listed in state_about but found by
	 * their province (the store's index), and counted by the tally. */
	"CREATE TEMP TABLE IF NOT EXISTS state_entity (slot INTEGER PRIMARY KEY,"
	"  entity TEXT NOT NULL UNIQUE, names TEXT NOT NULL DEFAULT '',"
	"  province INTEGER NOT NULL DEFAULT 0);"
	"CREATE TEMP TABLE IF NOT EXISTS state_about (slot INTEGER NOT NULL, target TEXT NOT NULL,"
	"  id INTEGER NOT NULL, issue_id INTEGER NOT NULL, PRIMARY KEY (slot, target, id))"
	"  WITHOUT ROWID;"
	/* What the Watch pane shows of an entity, per issue, summed once when it is filled. */
	"CREATE TEMP TABLE IF NOT EXISTS state_about_issue (slot INTEGER NOT NULL,"
	"  issue_id INTEGER NOT NULL, deals INTEGER NOT NULL, amount REAL NOT NULL,"
	"  amounts INTEGER NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (slot, issue_id))"
	"  WITHOUT ROWID;";

/* ---- small helpers ------------------------------------------------------------------------ */

static sqlite3 *db_of(struct store *s)
{
	return (sqlite3 *)store_sqlite(s);
}

static int exec(struct store *s, const char *sql)
{
	return sqlite3_exec(db_of(s), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Prepares sql and binds the values: 'i' a long long, 't' a text (NULL binds NULL), 'd' a
 * double, as the letters of types say. NULL on error. */
static sqlite3_stmt *prepare(struct store *s, const char *sql, const char *types, ...)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_of(s), sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	va_list ap;
	va_start(ap, types);
	for (int i = 0; types && types[i]; i++) {
		if (types[i] == 'i') {
			sqlite3_bind_int64(st, i + 1, va_arg(ap, long long));
		} else if (types[i] == 'd') {
			sqlite3_bind_double(st, i + 1, va_arg(ap, double));
		} else {
			const char *t = va_arg(ap, const char *);
			if (t)
				sqlite3_bind_text(st, i + 1, t, -1, SQLITE_TRANSIENT);
		}
	}
	va_end(ap);
	return st;
}

/* Runs a statement to its end and finalizes it. 0 or -1. */
static int run(sqlite3_stmt *st)
{
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The first column of the first row as a number, or dflt; -1 LL on error in *failed. */
static long long one_number(sqlite3_stmt *st, long long dflt, int *failed)
{
	if (!st) {
		*failed = 1;
		return dflt;
	}
	int rc = sqlite3_step(st);
	long long v = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL
			      ? sqlite3_column_int64(st, 0)
			      : dflt;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*failed = 1;
	sqlite3_finalize(st);
	return v;
}

/* ---- where the state lives ---------------------------------------------------------------- */

char *state_default_path(void)
{
	return user_file_path("JUBO_STATE", "XDG_STATE_HOME", ".local/state", "state.db");
}

static int in_memory;

int state_in_memory(struct store *s)
{
	(void)s;
	return in_memory;
}

static int refresh(struct store *s);
static int rekey(struct store *s);

/* Attaches the file (or memory) and makes the schema. 0, or -1 with *why (malloc'd). */
static int attach(struct store *s, const char *path, char **why)
{
	sqlite3_stmt *st = prepare(s, "ATTACH ?1 AS state", "t", path ? path : ":memory:");
	if (run(st) != 0) {
		*why = xstrdup(sqlite3_errmsg(db_of(s)));
		return -1;
	}
	if (path && sqlite3_db_readonly(db_of(s), "state") == 1) {
		*why = xstrdup(_("the file is read-only"));
		goto detach;
	}
	int failed = 0;
	long long v = one_number(prepare(s, "PRAGMA state.user_version", NULL), 0, &failed);
	if (failed) {
		*why = xstrdup(sqlite3_errmsg(db_of(s)));
		goto detach;
	}
	if (v > STATE_VERSION) {
		*why = xasprintf(_("it was written by a newer jubo (version %lld)"), v);
		goto detach;
	}
	if (v == 0 && path) {
		/* A database of another program's is not jubo's to fill. */
		long long tables = one_number(
			prepare(s, "SELECT count(*) FROM state.sqlite_schema", NULL), 0, &failed);
		if (tables > 0) {
			*why = xstrdup(_("it is not a jubo state file"));
			goto detach;
		}
	}
	/* WAL: two jubos of the same reader (two terminals) read while the other writes. */
	if (path)
		exec(s, "PRAGMA state.journal_mode = WAL");
	/* No busy_timeout here: it is the connection's, and would take the place of the store's
	 * busy handler (the countdown on the hint line that Ctrl-C stops), which waits for the
	 * state's lock too. */
	if (exec(s, schema) != 0) {
		*why = xstrdup(sqlite3_errmsg(db_of(s)));
		goto detach;
	}
	return 0;
detach:
	exec(s, "DETACH state");
	return -1;
}

int state_attach(struct store *s, const char *path, char **note)
{
	*note = NULL;
	char *why = NULL;
	in_memory = 0;
	if (!path) {
		why = xstrdup(_("there is no home directory to keep it in (set JUBO_STATE)"));
	} else if (store_make_parent_dirs(path) != 0) {
		why = xasprintf(_("cannot create its directory: %s"), strerror(errno));
	} else if (attach(s, path, &why) == 0) {
		free(why);
		why = NULL;
	}
	if (why) {
		*note = xasprintf(_("the reader's state (%s) is kept only until jubo ends: %s"),
				  path ? path : "-", why);
		free(why);
		why = NULL;
		in_memory = 1;
		if (attach(s, NULL, &why) != 0) {
			free(why);
			return -1;
		}
	}
	if (exec(s, temp_tables) != 0)
		return -1;
	/* A state another user's file cannot be written is read as it is. */
	if (rekey(s) != 0)
		return -1;
	return refresh(s);
}

/* ---- marks to rows ------------------------------------------------------------------------ */

/* Marks whose row is not at their place any more (an issue imported again with rows added
 * or taken away) move to the row of their issue that has their key. */
static int rekey(struct store *s)
{
	for (int t = TARGET_DEALS; t <= TARGET_EVENTS; t++) {
		const struct target_sql *ts = &targets[t];
		char *sql = xasprintf(
			"SELECT m.rowid, i.id, m.key FROM state.mark m JOIN issue i ON i.number = m.issue"
			" WHERE m.target = '%s' AND NOT EXISTS (SELECT 1 FROM %s %s WHERE"
			" %s.issue_id = i.id AND %s.seq = m.seq AND %s = m.key)",
			ts->name, ts->table, ts->alias, ts->alias, ts->alias, ts->key);
		sqlite3_stmt *st = prepare(s, sql, NULL);
		free(sql);
		if (!st)
			return -1;
		sql = xasprintf("UPDATE OR IGNORE state.mark SET seq = (SELECT %s.seq FROM %s %s"
				" WHERE %s.issue_id = ?2 AND %s = ?3 ORDER BY %s.seq LIMIT 1)"
				" WHERE rowid = ?1 AND EXISTS (SELECT 1 FROM %s %s WHERE"
				" %s.issue_id = ?2 AND %s = ?3)",
				ts->alias, ts->table, ts->alias, ts->alias, ts->key, ts->alias,
				ts->table, ts->alias, ts->alias, ts->key);
		sqlite3_stmt *up = NULL;
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (!up && sqlite3_prepare_v2(db_of(s), sql, -1, &up, NULL) != SQLITE_OK)
				break;
			sqlite3_reset(up);
			sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
			sqlite3_bind_int64(up, 2, sqlite3_column_int64(st, 1));
			sqlite3_bind_text(up, 3, (const char *)sqlite3_column_text(st, 2), -1,
					  SQLITE_TRANSIENT);
			/* A read-only state cannot move its marks: they wait. */
			sqlite3_step(up);
		}
		free(sql);
		sqlite3_finalize(up);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return -1;
	}
	return 0;
}

/* The ids of the marked rows, for every mark (issue 0) or for one row's (issue, seq). */
static int refresh_marks(struct store *s, enum query_target t, int issue, long long seq)
{
	static const struct {
		const char *what, *cond;
	} kinds[] = {
		{ "starred", "m.starred" },
		{ "note", "m.note IS NOT NULL" },
		{ "read", "m.read = 1" },
		{ "unread", "m.read = 0" },
	};
	const struct target_sql *ts = &targets[t];
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		char *sql = xasprintf(
			"INSERT OR IGNORE INTO temp.state_ids SELECT '%s', '%s', %s.id, %s.issue_id,"
			" %s.seq FROM state.mark m JOIN issue i ON i.number = m.issue JOIN %s %s ON"
			" %s.issue_id = i.id AND %s.seq = m.seq AND %s = m.key"
			" WHERE m.target = '%s' AND %s%s",
			kinds[k].what, ts->name, ts->alias, ts->alias, ts->alias, ts->table, ts->alias,
			ts->alias, ts->alias, ts->key, ts->name, kinds[k].cond,
			issue ? " AND m.issue = ?1 AND m.seq = ?2" : "");
		int rc = run(issue ? prepare(s, sql, "ii", (long long)issue, seq)
				   : prepare(s, sql, NULL));
		free(sql);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int refresh_issues(struct store *s)
{
	return exec(s, "DELETE FROM temp.state_issues;"
		       "INSERT OR IGNORE INTO temp.state_issues SELECT 'read', r.target, i.id"
		       " FROM state.issue_read r JOIN issue i ON i.number = r.issue;"
		       "INSERT OR IGNORE INTO temp.state_issues SELECT 'new', '', i.id FROM issue i"
		       " LEFT JOIN state.seen sn ON sn.issue = i.number WHERE sn.visit IS NULL OR"
		       " sn.visit >= (SELECT value FROM state.meta WHERE key = 'visit');");
}

static int refresh(struct store *s)
{
	if (exec(s, "DELETE FROM temp.state_ids") != 0)
		return -1;
	for (int t = TARGET_DEALS; t <= TARGET_EVENTS; t++)
		if (refresh_marks(s, (enum query_target)t, 0, 0) != 0)
			return -1;
	return refresh_issues(s);
}

int state_begin_visit(struct store *s)
{
	int failed = 0;
	long long visit = one_number(prepare(s, "SELECT value FROM state.meta WHERE key = 'visit'",
					     NULL),
				     0, &failed);
	if (failed)
		return -1;
	visit++;
	/* Issues a previous visit had not seen, when there was one. */
	long long fresh = visit > 1 ? one_number(prepare(s,
							 "SELECT count(*) FROM issue WHERE number NOT"
							 " IN (SELECT issue FROM state.seen)",
							 NULL),
						 0, &failed)
				    : 0;
	if (failed || exec(s, "BEGIN") != 0)
		return -1;
	if (run(prepare(s, "UPDATE state.meta SET value = ?1 WHERE key = 'visit'", "i", visit)) ||
	    run(prepare(s, "INSERT OR IGNORE INTO state.seen SELECT number, ?1 FROM issue", "i",
			visit))) {
		exec(s, "ROLLBACK");
		return -1;
	}
	if (exec(s, "COMMIT") != 0) {
		exec(s, "ROLLBACK");
		return -1;
	}
	return refresh_issues(s) == 0 ? (int)fresh : -1;
}

/* ---- one row ------------------------------------------------------------------------------ */

struct ident {
	long long issue, seq, issue_id;
	char *key;
};

static int identify(struct store *s, enum query_target t, long long id, struct ident *out)
{
	const struct target_sql *ts = target_of(t);
	if (!ts)
		return -1;
	char *sql = xasprintf("SELECT i.number, %s.seq, %s, i.id FROM %s %s JOIN issue i ON"
			      " i.id = %s.issue_id WHERE %s.id = ?1",
			      ts->alias, ts->key, ts->table, ts->alias, ts->alias, ts->alias);
	sqlite3_stmt *st = prepare(s, sql, "i", id);
	free(sql);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->issue = sqlite3_column_int64(st, 0);
		out->seq = sqlite3_column_int64(st, 1);
		out->key = xstrdup((const char *)sqlite3_column_text(st, 2));
		out->issue_id = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int state_get(struct store *s, enum query_target t, long long id, struct state_marks *m)
{
	memset(m, 0, sizeof *m);
	struct ident r;
	if (identify(s, t, id, &r) != 0)
		return -1;
	const char *tn = targets[t].name;
	sqlite3_stmt *st = prepare(
		s,
		"SELECT coalesce(m.read, (SELECT 1 FROM state.issue_read r WHERE r.target = ?1 AND"
		" r.issue = ?2), 0), m.starred, m.note FROM (SELECT 1) LEFT JOIN state.mark m ON"
		" m.target = ?1 AND m.issue = ?2 AND m.seq = ?3 AND m.key = ?4",
		"tiit", tn, r.issue, r.seq, r.key);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (rc == SQLITE_ROW) {
		m->read = sqlite3_column_int(st, 0);
		m->starred = sqlite3_column_int(st, 1);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			m->note = xstrdup((const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	int failed = 0;
	m->fresh = !m->read &&
		   one_number(prepare(s, "SELECT 1 FROM temp.state_issues WHERE what = 'new' AND"
					 " issue_id = ?1",
				      "i", r.issue_id),
			      0, &failed);
	free(r.key);
	return rc == SQLITE_ROW && !failed ? 0 : -1;
}

void state_marks_free(struct state_marks *m)
{
	free(m->note);
	m->note = NULL;
}

/* Sets one column of a row's mark (column: read, starred, note, a name jubo wrote), making
 * the mark when there is none and dropping it when it no longer says anything. */
static int set_mark(struct store *s, enum query_target t, long long id, const char *column,
		    int is_text, long long n, const char *text)
{
	struct ident r;
	if (identify(s, t, id, &r) != 0)
		return -1;
	const char *tn = targets[t].name;
	char *sql = xasprintf("INSERT INTO state.mark (target, issue, seq, key, %s) VALUES"
			      " (?1, ?2, ?3, ?4, ?5) ON CONFLICT (target, issue, seq, key) DO"
			      " UPDATE SET %s = excluded.%s, changed = excluded.changed",
			      column, column, column);
	sqlite3_stmt *st = prepare(s, sql, "tiit", tn, r.issue, r.seq, r.key);
	free(sql);
	if (st) {
		if (is_text && text)
			sqlite3_bind_text(st, 5, text, -1, SQLITE_TRANSIENT);
		else if (!is_text && n >= 0)
			sqlite3_bind_int64(st, 5, n);
	}
	int rc = exec(s, "BEGIN IMMEDIATE");
	if (rc == 0)
		rc = run(st);
	else
		sqlite3_finalize(st);
	if (rc == 0)
		rc = run(prepare(s, "DELETE FROM state.mark WHERE target = ?1 AND issue = ?2 AND"
				    " seq = ?3 AND key = ?4 AND read IS NULL AND NOT starred AND"
				    " note IS NULL",
				 "tiit", tn, r.issue, r.seq, r.key));
	if (rc == 0)
		rc = exec(s, "COMMIT");
	if (rc != 0)
		exec(s, "ROLLBACK");
	/* This run's ids of the row, afresh. */
	if (rc == 0)
		rc = run(prepare(s, "DELETE FROM temp.state_ids WHERE target = ?1 AND id = ?2", "ti",
				 tn, id));
	if (rc == 0)
		rc = refresh_marks(s, t, (int)r.issue, r.seq);
	free(r.key);
	return rc;
}

int state_set_read(struct store *s, enum query_target t, long long id, int read)
{
	/* Read in an issue read as a whole says nothing more than the issue does. */
	int failed = 0;
	struct ident r;
	if (identify(s, t, id, &r) != 0)
		return -1;
	int issue_read = (int)one_number(prepare(s, "SELECT 1 FROM state.issue_read WHERE"
						    " target = ?1 AND issue = ?2",
						 "ti", targets[t].name, r.issue),
					 0, &failed);
	free(r.key);
	if (failed)
		return -1;
	long long v = read ? (issue_read ? -1 : 1) : 0;
	return set_mark(s, t, id, "read", 0, v, NULL);
}

int state_set_star(struct store *s, enum query_target t, long long id, int on)
{
	return set_mark(s, t, id, "starred", 0, on ? 1 : 0, NULL);
}

int state_set_note(struct store *s, enum query_target t, long long id, const char *note)
{
	return set_mark(s, t, id, "note", 1, 0, note && *note ? note : NULL);
}

/* ---- many rows ---------------------------------------------------------------------------- */

int state_mark_issues_read(struct store *s, enum query_target t, int from, int to)
{
	const char *tn = targets[t].name;
	if (exec(s, "BEGIN IMMEDIATE") != 0)
		return -1;
	int rc = run(prepare(s, "INSERT OR IGNORE INTO state.issue_read SELECT ?1, number FROM"
				" issue WHERE (?2 = 0 OR number >= ?2) AND (?3 = 0 OR number <= ?3)",
			     "tii", tn, (long long)from, (long long)to));
	/* Marks of those issues say nothing of reading now. */
	if (rc == 0)
		rc = run(prepare(s, "UPDATE state.mark SET read = NULL WHERE target = ?1 AND"
				    " (?2 = 0 OR issue >= ?2) AND (?3 = 0 OR issue <= ?3) AND"
				    " issue IN (SELECT number FROM issue)",
				 "tii", tn, (long long)from, (long long)to));
	if (rc == 0)
		rc = run(prepare(s, "DELETE FROM state.mark WHERE target = ?1 AND read IS NULL AND"
				    " NOT starred AND note IS NULL",
				 "t", tn));
	if (rc == 0)
		rc = exec(s, "COMMIT");
	if (rc != 0) {
		exec(s, "ROLLBACK");
		return -1;
	}
	return refresh(s);
}

/* Runs sql, a statement over the rows a generated selection holds, with the selection's
 * binds: 0 and *changes, or -1. */
static int run_over_rows(struct store *s, const char *sql, const struct sql_bind *binds,
			 size_t nbinds, long long *changes)
{
	sqlite3_stmt *st = prepare(s, sql, NULL);
	if (!st)
		return -1;
	store_bind_values(st, binds, nbinds);
	int rc = sqlite3_step(st);
	if (changes)
		*changes = sqlite3_changes64(db_of(s));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

long long state_mark_rows_read(struct store *s, enum query_target t, const char *select_ids,
			       const struct sql_bind *binds, size_t nbinds)
{
	const struct target_sql *ts = &targets[t];
	const char *x = ts->alias;
	/* Rows of issues read as a whole need no mark. */
	char *insert = xasprintf(
		"INSERT INTO state.mark (target, issue, seq, key, read) SELECT '%s', i.number,"
		" %s.seq, %s, 1 FROM %s %s JOIN issue i ON i.id = %s.issue_id WHERE %s.id IN (%s)"
		" AND %s.issue_id NOT IN (SELECT issue_id FROM temp.state_issues WHERE what ="
		" 'read' AND target = '%s') ON CONFLICT (target, issue, seq, key) DO UPDATE SET"
		" read = 1",
		ts->name, x, ts->key, ts->table, x, x, x, select_ids, x, ts->name);
	/* Rows marked unread in issues read as a whole, that the selection holds, are read
	 * again: found from those marks (a few), not from the selection (maybe many). */
	char *reread = xasprintf(
		"UPDATE state.mark SET read = NULL WHERE rowid IN (SELECT m.rowid FROM state.mark m"
		" CROSS JOIN issue i ON i.number = m.issue CROSS JOIN %s %s ON %s.issue_id = i.id AND"
		" %s.seq = m.seq AND %s = m.key WHERE m.target = '%s' AND m.read = 0 AND %s.id IN"
		" (%s))",
		ts->table, x, x, x, ts->key, ts->name, x, select_ids);
	long long n = 0, renewed = 0;
	int rc = exec(s, "BEGIN IMMEDIATE");
	if (rc == 0)
		rc = run_over_rows(s, insert, binds, nbinds, &n);
	if (rc == 0)
		rc = run_over_rows(s, reread, binds, nbinds, &renewed);
	if (rc == 0)
		rc = exec(s, "COMMIT");
	/* Stopped by the user (the progress handler): nothing is kept. */
	int stopped = rc != 0 && sqlite3_errcode(db_of(s)) == SQLITE_INTERRUPT;
	if (rc != 0)
		exec(s, "ROLLBACK");
	free(insert);
	free(reread);
	if (rc == 0)
		rc = refresh(s);
	return rc == 0 ? n + renewed : stopped ? -2 : -1;
}

/* ---- counts ------------------------------------------------------------------------------- */

static long long unread_where(struct store *s, enum query_target t, const char *where, long long a,
			      long long b)
{
	const struct target_sql *ts = &targets[t];
	char *sql = xasprintf(
		"SELECT coalesce(sum(c.%s - CASE WHEN r.issue_id IS NOT NULL THEN c.%s -"
		" (SELECT count(*) FROM temp.state_ids u WHERE u.what = 'unread' AND"
		" u.target = '%s' AND u.issue_id = i.id) ELSE (SELECT count(*) FROM"
		" temp.state_ids u WHERE u.what = 'read' AND u.target = '%s' AND"
		" u.issue_id = i.id) END), 0) FROM issue i JOIN issue_counts c ON c.issue_id = i.id"
		" LEFT JOIN temp.state_issues r ON r.what = 'read' AND r.target = '%s' AND"
		" r.issue_id = i.id WHERE %s",
		ts->count, ts->count, ts->name, ts->name, ts->name, where);
	int failed = 0;
	long long n = one_number(prepare(s, sql, "ii", a, b), 0, &failed);
	free(sql);
	return failed ? -1 : n;
}

long long state_unread(struct store *s, enum query_target t, int from, int to)
{
	return unread_where(s, t, "(?1 = 0 OR i.number >= ?1) AND (?2 = 0 OR i.number <= ?2)", from,
			    to);
}

long long state_unread_in_issue(struct store *s, enum query_target t, int number)
{
	return unread_where(s, t, "i.number = ?1 AND ?2 = 0", number, 0);
}

/* ---- filters ------------------------------------------------------------------------------ */

int state_what_by_name(const char *field, const char *word)
{
	static const struct {
		const char *field, *names;
		enum state_what what;
	} words[] = {
		{ "is", "starred|star|flagged|별표", STATE_STARRED },
		{ "is", "unread|안읽음|未读", STATE_UNREAD },
		{ "is", "read|읽음|已读", STATE_READ },
		{ "is", "new|새|신규|新", STATE_NEW },
		{ "is", "followed|watched|팔로우|관심|关注", STATE_FOLLOWED },
		{ "has", "note|notes|메모|备注", STATE_NOTED },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(words[i].field, field) != 0)
			continue;
		const char *p = words[i].names;
		size_t len = strlen(word);
		while (*p) {
			size_t n = strcspn(p, "|");
			if (n == len && strncasecmp(p, word, n) == 0)
				return (int)words[i].what;
			p += n + (p[n] == '|');
		}
	}
	return -1;
}

static const char *const kind_names[KIND_COUNT] = { "company", "investor", "sector", "place" };

const char *state_kind_name(enum state_kind k)
{
	return k < KIND_COUNT ? kind_names[k] : "";
}

int state_kind_by_name(const char *word)
{
	static const char *const korean[KIND_COUNT] = { "기업", "투자자", "분야", "지역" };
	static const char *const chinese[KIND_COUNT] = { "企业", "投资方", "领域", "地区" };
	for (int k = 0; k < KIND_COUNT; k++)
		if (strcasecmp(word, kind_names[k]) == 0 || strcmp(word, korean[k]) == 0 ||
		    strcmp(word, chinese[k]) == 0)
			return k;
	return -1;
}

/* The names an entity goes by. */
struct names {
	char **v;
	size_t n;
};

static void add_name(struct names *n, const char *name)
{
	if (!name || !*name)
		return;
	for (size_t i = 0; i < n->n; i++)
		if (strcmp(n->v[i], name) == 0)
			return;
	n->v = xrealloc(n->v, (n->n + 1) * sizeof *n->v);
	n->v[n->n++] = xstrdup(name);
}

static int add_names_from(struct store *s, struct names *n, const char *sql, const char *types,
			  long long i, const char *t)
{
	sqlite3_stmt *st = types[0] == 'i' ? prepare(s, sql, "i", i) : prepare(s, sql, "t", t);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_name(n, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void free_names(struct names *n)
{
	for (size_t i = 0; i < n->n; i++)
		free(n->v[i]);
	free(n->v);
}

/* Fills temp.state_about for slot with the deals and articles of an entity (kind -1: of any
 * kind the name is). */
static int fill_entity(struct store *s, long long slot, int kind, const char *name)
{
	struct names n = { 0 };
	int rc = 0;
	long long province = 0; /* a place that is a province: its deals are counted by the tally */
	add_name(&n, name);
	if (kind < 0 || kind == KIND_COMPANY) {
		/* A company by its names and the names printed beside them in any deal. */
		rc |= add_names_from(s, &n, "SELECT name_zh FROM deal WHERE name_ko = ?1", "t", 0, name);
		rc |= add_names_from(s, &n, "SELECT name_ko FROM deal WHERE name_zh = ?1", "t", 0, name);
		size_t direct = n.n;
		for (size_t i = 0; i < direct && rc == 0; i++) {
			rc |= run(prepare(s, "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'deal',"
					     " id, issue_id FROM deal WHERE name_ko = ?2",
					  "it", slot, n.v[i]));
			rc |= run(prepare(s, "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'deal',"
					     " id, issue_id FROM deal WHERE name_zh = ?2",
					  "it", slot, n.v[i]));
		}
	}
	if (rc == 0 && (kind < 0 || kind == KIND_INVESTOR))
		rc |= run(prepare(s, "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'deal', d.id,"
				     " d.issue_id FROM deal_investor inv JOIN deal d ON d.id ="
				     " inv.deal_id WHERE inv.name = ?2",
				  "it", slot, name));
	if (rc == 0 && (kind < 0 || kind == KIND_SECTOR))
		rc |= run(prepare(s, "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'deal', id,"
				     " issue_id FROM deal WHERE sector = ?2",
				  "it", slot, name));
	if (rc == 0 && (kind < 0 || kind == KIND_PLACE)) {
		struct place p;
		int found = store_find_place(s, name, &p);
		if (found < 0)
			rc = -1;
		if (found > 0) {
			/* A place by every name and alias the gazetteer has for it. */
			rc |= add_names_from(s, &n,
					     "SELECT name_ko FROM place WHERE id = ?1 UNION ALL"
					     " SELECT name_zh FROM place WHERE id = ?1 UNION ALL"
					     " SELECT name_en FROM place WHERE id = ?1 UNION ALL"
					     " SELECT alias FROM place_alias WHERE place_id = ?1",
					     "i", p.id, NULL);
			if (kind == KIND_PLACE && strcmp(p.kind, "province") == 0)
				province = p.id;
			const char *sql =
				province ? "UPDATE temp.state_entity SET province = ?2 WHERE slot = ?1"
				: strcmp(p.kind, "country") == 0
					? "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'deal', id,"
					  " issue_id FROM deal WHERE country = (SELECT name_ko FROM place"
					  " WHERE id = ?2)"
				: strcmp(p.kind, "city") == 0
					? "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'deal', id,"
					  " issue_id FROM deal WHERE city_id = ?2"
					: "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'deal', id,"
					  " issue_id FROM deal WHERE province_id = ?2";
			rc |= run(prepare(s, sql, "ii", slot, p.id));
		}
	}
	/* Articles that name it, by any of its names. */
	struct buf match = { 0 };
	for (size_t i = 0; i < n.n; i++) {
		char *q = fts_term_query(n.v[i], NULL);
		if (!q)
			continue;
		buf_printf(&match, "%s(%s)", match.len ? " OR " : "", q);
		free(q);
	}
	if (rc == 0 && match.len)
		rc |= run(prepare(s, "INSERT OR IGNORE INTO temp.state_about SELECT ?1, 'article',"
				     " a.id, a.issue_id FROM article a WHERE a.id IN (SELECT rowid"
				     " FROM article_fts WHERE article_fts MATCH ?2)",
				  "it", slot, match.data));
	buf_free(&match);
	struct buf all = { 0 };
	for (size_t i = 0; i < n.n; i++)
		buf_printf(&all, "%s%s", i ? " · " : "", n.v[i]);
	if (rc == 0)
		rc |= run(prepare(s, "UPDATE temp.state_entity SET names = ?2 WHERE slot = ?1", "it",
				  slot, all.data ? all.data : ""));
	buf_free(&all);
	free_names(&n);
	/* Per issue: a province's deals as the tally keeps them (store.h: the count and amount of
	 * every value of the issue column, by province), read, not summed again; any other
	 * entity's from its deals; then the articles. */
	if (rc == 0)
		rc |= run(province
				  ? prepare(s, "INSERT INTO temp.state_about_issue SELECT ?1,"
					       " CAST(value AS INTEGER), n, amount, amount_n, 0 FROM"
					       " deal_tally WHERE col = 'issue' AND region = ?2 AND n > 0",
					    "ii", slot, province)
				  : prepare(s, "INSERT INTO temp.state_about_issue SELECT ?1, t.issue_id,"
					       " count(*), total(d.amount_cny), count(d.amount_cny), 0"
					       " FROM temp.state_about t CROSS JOIN deal d ON d.id = t.id"
					       " WHERE t.slot = ?1 AND t.target = 'deal' GROUP BY t.issue_id",
					    "i", slot));
	if (rc == 0)
		rc |= run(prepare(s, "INSERT INTO temp.state_about_issue SELECT ?1, issue_id, 0, 0, 0,"
				     " count(*) FROM temp.state_about WHERE slot = ?1 AND target ="
				     " 'article' GROUP BY issue_id ON CONFLICT (slot, issue_id) DO UPDATE"
				     " SET articles = excluded.articles",
				  "i", slot));
	return rc ? -1 : 0;
}

/* The slot of an entity's rows in temp.state_about, filled on first use this run. */
static long long entity_slot(struct store *s, int kind, const char *name)
{
	char *entity = xasprintf("%s:%s", kind < 0 ? "*" : kind_names[kind], name);
	int failed = 0;
	long long slot = one_number(prepare(s, "SELECT slot FROM temp.state_entity WHERE entity = ?1",
					    "t", entity),
				    0, &failed);
	if (!failed && !slot) {
		if (run(prepare(s, "INSERT INTO temp.state_entity (entity) VALUES (?1)", "t", entity)) ==
		    0) {
			slot = sqlite3_last_insert_rowid(db_of(s));
			if (fill_entity(s, slot, kind, name) != 0) {
				/* The slot's number may be given again: nothing of it stays. */
				run(prepare(s, "DELETE FROM temp.state_entity WHERE slot = ?1", "i", slot));
				run(prepare(s, "DELETE FROM temp.state_about WHERE slot = ?1", "i", slot));
				run(prepare(s, "DELETE FROM temp.state_about_issue WHERE slot = ?1", "i",
					    slot));
				slot = 0;
				failed = 1;
			}
		} else {
			failed = 1;
		}
	}
	free(entity);
	return failed ? -1 : slot;
}

int state_condition(struct store *s, enum query_target t, enum state_what what, const char *name,
		    struct buf *sql)
{
	const struct target_sql *ts = target_of(t);
	if (!ts)
		return -1;
	const char *x = ts->alias, *tn = ts->name;
	switch (what) {
	case STATE_STARRED:
	case STATE_NOTED:
		/* By issue and place in it: the few marked rows are sought through the rows'
		 * index on (issue, seq), in any order and for the count, not probed row by row. */
		buf_printf(sql, "(%s.issue_id, %s.seq) IN (SELECT issue_id, seq FROM temp.state_ids"
				" WHERE what = '%s' AND target = '%s')",
			   x, x, what == STATE_STARRED ? "starred" : "note", tn);
		return 0;
	case STATE_READ:
	case STATE_UNREAD:
	case STATE_NEW:
		if (what == STATE_NEW)
			buf_printf(sql, "%s.issue_id IN (SELECT issue_id FROM temp.state_issues WHERE"
					" what = 'new') AND ",
				   x);
		buf_printf(sql,
			   "%s((%s.issue_id IN (SELECT issue_id FROM temp.state_issues WHERE"
			   " what = 'read' AND target = '%s') AND %s.id NOT IN (SELECT id FROM"
			   " temp.state_ids WHERE what = 'unread' AND target = '%s')) OR %s.id IN"
			   " (SELECT id FROM temp.state_ids WHERE what = 'read' AND target = '%s'))",
			   what == STATE_READ ? "" : "NOT ", x, tn, x, tn, x, tn);
		return 0;
	case STATE_FOLLOWED:
	case STATE_ABOUT: {
		struct buf slots = { 0 };
		if (what == STATE_ABOUT) {
			/* "company:노텔집적" names the kind; a name alone is of any kind. */
			int kind = -1;
			const char *colon = strchr(name, ':');
			if (colon) {
				char *k = xstrndup(name, (size_t)(colon - name));
				kind = state_kind_by_name(k);
				free(k);
				if (kind >= 0)
					name = colon + 1;
			}
			/* A place's deals by the place itself: the store's indexes on province and
			 * city serve the rows, their order and their count. */
			struct place p;
			int found = kind == KIND_PLACE && t == TARGET_DEALS ? store_find_place(s, name, &p)
									    : 0;
			if (found < 0)
				return -1;
			if (found > 0) {
				if (strcmp(p.kind, "country") == 0)
					buf_printf(sql, "%s.country = (SELECT name_ko FROM place WHERE"
							" id = %lld)",
						   x, p.id);
				else
					buf_printf(sql, "%s.%s = %lld", x,
						   strcmp(p.kind, "city") == 0 ? "city_id" : "province_id",
						   p.id);
				return 0;
			}
			long long slot = entity_slot(s, kind, name);
			if (slot < 0)
				return -1;
			buf_printf(&slots, "%lld", slot);
		}
		struct buf provinces = { 0 };
		if (what == STATE_FOLLOWED) {
			sqlite3_stmt *st = prepare(s, "SELECT kind, name FROM state.follow", NULL);
			if (!st)
				return -1;
			while (sqlite3_step(st) == SQLITE_ROW) {
				int k = state_kind_by_name((const char *)sqlite3_column_text(st, 0));
				long long slot =
					entity_slot(s, k, (const char *)sqlite3_column_text(st, 1));
				int failed = slot < 0;
				long long province =
					failed ? 0
					       : one_number(prepare(s, "SELECT province FROM temp.state_entity"
								       " WHERE slot = ?1",
								    "i", slot),
							    0, &failed);
				if (failed) {
					sqlite3_finalize(st);
					buf_free(&slots);
					buf_free(&provinces);
					return -1;
				}
				buf_printf(&slots, "%s%lld", slots.len ? ", " : "", slot);
				if (province && t == TARGET_DEALS)
					buf_printf(&provinces, "%s%lld", provinces.len ? ", " : "",
						   province);
			}
			sqlite3_finalize(st);
		}
		if (!slots.len)
			buf_adds(sql, "0");
		else
			buf_printf(sql, "(%s.id IN (SELECT id FROM temp.state_about WHERE slot IN (%s)"
					" AND target = '%s')",
				   x, slots.data, tn);
		/* A followed province's deals by their province (not listed in state_about). */
		if (provinces.len)
			buf_printf(sql, " OR %s.province_id IN (%s)", x, provinces.data);
		if (slots.len)
			buf_addc(sql, ')');
		buf_free(&slots);
		buf_free(&provinces);
		return 0;
	}
	}
	return -1;
}

/* ---- following ---------------------------------------------------------------------------- */

int state_follow(struct store *s, enum state_kind k, const char *name, int on)
{
	if (k >= KIND_COUNT || !name || !*name)
		return -1;
	sqlite3_stmt *st = on ? prepare(s, "INSERT OR IGNORE INTO state.follow (kind, name) VALUES"
					   " (?1, ?2)",
					"tt", kind_names[k], name)
			      : prepare(s, "DELETE FROM state.follow WHERE kind = ?1 AND name = ?2",
					"tt", kind_names[k], name);
	if (run(st) != 0)
		return -1;
	return sqlite3_changes(db_of(s)) > 0;
}

int state_follows(struct store *s, enum state_kind k, const char *name)
{
	int failed = 0;
	return (int)one_number(prepare(s, "SELECT 1 FROM state.follow WHERE kind = ?1 AND name = ?2",
				       "tt", state_kind_name(k), name),
			       0, &failed);
}

int state_watch_read(struct store *s, struct state_watch *w)
{
	memset(w, 0, sizeof *w);
	sqlite3_stmt *st = prepare(s, "SELECT kind, name FROM state.follow ORDER BY added, rowid",
				   NULL);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = state_kind_by_name((const char *)sqlite3_column_text(st, 0));
		const char *name = (const char *)sqlite3_column_text(st, 1);
		long long slot = k >= 0 ? entity_slot(s, k, name) : -1;
		if (slot < 0) {
			rc = SQLITE_ERROR;
			break;
		}
		w->entities = xrealloc(w->entities, (w->n + 1) * sizeof *w->entities);
		struct state_entity *e = &w->entities[w->n++];
		memset(e, 0, sizeof *e);
		e->kind = (enum state_kind)k;
		e->name = xstrdup(name);
		sqlite3_stmt *nm = prepare(s, "SELECT names FROM temp.state_entity WHERE slot = ?1", "i",
					   slot);
		if (nm && sqlite3_step(nm) == SQLITE_ROW)
			e->names = xstrdup((const char *)sqlite3_column_text(nm, 0));
		sqlite3_finalize(nm);
		if (!e->names)
			e->names = xstrdup(name);
		sqlite3_stmt *q = prepare(
			s,
			"SELECT i.number, i.date, t.deals, t.amount, t.amounts, t.articles,"
			" EXISTS (SELECT 1 FROM temp.state_issues n WHERE n.what = 'new' AND"
			" n.issue_id = i.id) FROM temp.state_about_issue t JOIN issue i ON"
			" i.id = t.issue_id WHERE t.slot = ?1 ORDER BY i.number DESC",
			"i", slot);
		if (!q) {
			rc = SQLITE_ERROR;
			break;
		}
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			e->issues = xrealloc(e->issues, (e->nissues + 1) * sizeof *e->issues);
			struct state_issue_line *l = &e->issues[e->nissues++];
			l->number = sqlite3_column_int(q, 0);
			snprintf(l->date, sizeof l->date, "%s",
				 (const char *)sqlite3_column_text(q, 1));
			l->deals = sqlite3_column_int64(q, 2);
			l->amount = sqlite3_column_double(q, 3);
			l->amounts = sqlite3_column_int64(q, 4);
			l->articles = sqlite3_column_int64(q, 5);
			l->fresh = sqlite3_column_int(q, 6);
			e->deals += l->deals;
			e->articles += l->articles;
			e->amount += l->amount;
			e->amounts += l->amounts;
			if (l->fresh) {
				e->fresh_deals += l->deals;
				e->fresh_articles += l->articles;
			}
		}
		sqlite3_finalize(q);
		if (rc != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		state_watch_free(w);
		return -1;
	}
	return 0;
}

void state_watch_free(struct state_watch *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->entities[i].name);
		free(w->entities[i].names);
		free(w->entities[i].issues);
	}
	free(w->entities);
	memset(w, 0, sizeof *w);
}

int state_list_marked(struct store *s, store_row_fn fn, void *ctx)
{
	static const char *const header[] = { "target", "issue", "row", "marks", "note" };
	if (fn(ctx, 1, 5, header) != 0)
		return 0;
	struct buf sql = { 0 };
	static const char *const shown[] = {
		[TARGET_DEALS] = "coalesce(d.name_ko, d.name_zh) || CASE WHEN d.round IS NOT NULL"
				 " THEN ' ' || d.round ELSE '' END",
		[TARGET_ARTICLES] = "a.title",
		[TARGET_EVENTS] = "e.name || ' ' || e.start_date",
	};
	for (int t = TARGET_DEALS; t <= TARGET_EVENTS; t++) {
		const struct target_sql *ts = &targets[t];
		buf_printf(&sql,
			   "%sSELECT '%s', i.number, %s, CASE WHEN m.starred THEN '*' ELSE '' END ||"
			   " CASE WHEN m.note IS NOT NULL THEN '+' ELSE '' END, coalesce(m.note, ''),"
			   " %d AS o, %s.seq AS q FROM state.mark m JOIN issue i ON i.number = m.issue"
			   " JOIN %s %s ON %s.issue_id = i.id AND %s.seq = m.seq AND %s = m.key"
			   " WHERE m.target = '%s' AND (m.starred OR m.note IS NOT NULL)",
			   t == TARGET_DEALS ? "" : " UNION ALL ", ts->name, shown[t], t, ts->alias,
			   ts->table, ts->alias, ts->alias, ts->alias, ts->key, ts->name);
	}
	buf_adds(&sql, " ORDER BY 2 DESC, o, q");
	sqlite3_stmt *st = prepare(s, sql.data, NULL);
	buf_free(&sql);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[5];
		for (int i = 0; i < 5; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		if (fn(ctx, 0, 5, v) != 0)
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* ---- export and import -------------------------------------------------------------------- */

static void put_field(FILE *f, const char *v, int last)
{
	if (!v)
		v = "";
	if (strpbrk(v, ",\"\r\n")) {
		fputc('"', f);
		for (; *v; v++) {
			if (*v == '"')
				fputc('"', f);
			fputc(*v, f);
		}
		fputc('"', f);
	} else {
		fputs(v, f);
	}
	fputs(last ? "\r\n" : ",", f);
}

static const char *const export_header[] = { "record", "target", "issue", "seq", "key",
					     "read", "starred", "note" };
#define EXPORT_FIELDS 8

int state_export(struct store *s, FILE *out)
{
	for (int i = 0; i < EXPORT_FIELDS; i++)
		put_field(out, export_header[i], i == EXPORT_FIELDS - 1);
	sqlite3_stmt *st = prepare(
		s,
		"SELECT 'mark', target, issue, seq, key, read, starred, note FROM state.mark"
		" UNION ALL SELECT 'issue_read', target, issue, NULL, NULL, NULL, NULL, NULL FROM"
		" state.issue_read UNION ALL SELECT 'follow', kind, NULL, NULL, name, NULL, NULL,"
		" NULL FROM state.follow ORDER BY 1 DESC, 2, 3, 4",
		NULL);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < EXPORT_FIELDS; i++)
			put_field(out, (const char *)sqlite3_column_text(st, i), i == EXPORT_FIELDS - 1);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE && !ferror(out) ? 0 : -1;
}

/* A whole number in text, or -1 (fields of the file are checked, not trusted). */
static long long whole(const char *t)
{
	if (!t || !*t)
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(t, &end, 10);
	return errno || *end || v < 0 ? -1 : v;
}

int state_import(struct store *s, const char *path, long long *count, char **err)
{
	*count = 0;
	*err = NULL;
	char *bytes;
	size_t len, tlen;
	if (read_file(path, &bytes, &len) != 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	struct textpos pos = { 1, 1 };
	char *msg = NULL;
	char *text = decode_to_utf8(bytes, len, NULL, &tlen, &pos, &msg);
	free(bytes);
	if (!text) {
		*err = xasprintf("%s:%zu:%zu: %s", path, pos.line, pos.col, msg);
		free(msg);
		return -1;
	}
	struct csv_reader r;
	struct csv_record rec = { 0 };
	csv_init(&r, text, tlen);
	int rc = exec(s, "BEGIN IMMEDIATE"), first = 1;
	while (rc == 0) {
		int got = csv_next(&r, &rec, &pos, &msg);
		if (got == 0)
			break;
		if (got < 0) {
			*err = xasprintf("%s:%zu:%zu: %s", path, pos.line, pos.col, msg);
			free(msg);
			rc = -1;
			break;
		}
		const struct csv_field *f = rec.fields;
		if (rec.count != EXPORT_FIELDS) {
			*err = xasprintf(_("%s:%zu:%zu: expected %d fields (record, target, issue, "
					   "seq, key, read, starred, note), found %zu"),
					 path, rec.line, (size_t)1, EXPORT_FIELDS, rec.count);
			rc = -1;
			break;
		}
		if (first) {
			first = 0;
			if (strcmp(f[0].text, "record") == 0)
				continue;
		}
		const char *record = f[0].text;
		size_t bad = 0;
		const char *why = NULL;
		if (strcmp(record, "mark") == 0) {
			long long issue = whole(f[2].text), seq = whole(f[3].text);
			long long read = *f[5].text ? whole(f[5].text) : -2;
			long long starred = *f[6].text ? whole(f[6].text) : 0;
			if (target_by_name(f[1].text) < 0)
				bad = 1, why = _("expected deal, article or event");
			else if (issue <= 0)
				bad = 2, why = _("expected an issue number");
			else if (seq < 0)
				bad = 3, why = _("expected a row number (seq)");
			else if (!*f[4].text)
				bad = 4, why = _("expected the row's key");
			else if (read != -2 && read != 0 && read != 1)
				bad = 5, why = _("expected 0, 1 or nothing");
			else if (starred != 0 && starred != 1)
				bad = 6, why = _("expected 0 or 1");
			if (!bad) {
				sqlite3_stmt *st = prepare(
					s,
					"INSERT INTO state.mark (target, issue, seq, key, read, starred,"
					" note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (target,"
					" issue, seq, key) DO UPDATE SET read = excluded.read, starred ="
					" excluded.starred, note = excluded.note",
					"tiitiit", f[1].text, issue, seq, f[4].text, 0LL, starred,
					*f[7].text ? f[7].text : NULL);
				if (st && read == -2)
					sqlite3_bind_null(st, 5);
				else if (st)
					sqlite3_bind_int64(st, 5, read);
				rc = run(st);
			}
		} else if (strcmp(record, "issue_read") == 0) {
			long long issue = whole(f[2].text);
			if (target_by_name(f[1].text) < 0)
				bad = 1, why = _("expected deal, article or event");
			else if (issue <= 0)
				bad = 2, why = _("expected an issue number");
			else
				rc = run(prepare(s, "INSERT OR IGNORE INTO state.issue_read VALUES (?1, ?2)",
						 "ti", f[1].text, issue));
		} else if (strcmp(record, "follow") == 0) {
			int k = state_kind_by_name(f[1].text);
			if (k < 0)
				bad = 1, why = _("expected company, investor, sector or place");
			else if (!*f[4].text)
				bad = 4, why = _("expected the name followed");
			else
				rc = state_follow(s, (enum state_kind)k, f[4].text, 1) < 0 ? -1 : 0;
		} else {
			why = _("expected mark, issue_read or follow");
		}
		if (why) {
			*err = xasprintf("%s:%zu:%zu: %s: '%s'", path, f[bad].pos.line, f[bad].pos.col,
					 why, f[bad].text);
			rc = -1;
			break;
		}
		if (rc == 0)
			(*count)++;
	}
	csv_record_free(&rec);
	free(text);
	if (rc == 0 && exec(s, "COMMIT") == 0) {
		if (rekey(s) == 0 && refresh(s) == 0)
			return 0;
		*err = xstrdup(sqlite3_errmsg(db_of(s)));
		return -1;
	}
	if (!*err)
		*err = xasprintf("%s: %s", path, sqlite3_errmsg(db_of(s)));
	exec(s, "ROLLBACK");
	return -1;
}
