/* test_state.c: the reader's state: entities matched by every name, marks that survive an
 * issue imported again with its rows in another order, two readers of one read-only store,
 * the export read back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../tap.h"
#include "sqlgen.h"
#include "state.h"
#include "store.h"
#include "util.h"

static char dir[] = "/tmp/jubo-test-state-XXXXXX";

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static int take_first(void *ctx, int header, int ncols, const char *const *v)
{
	char **out = ctx;
	if (!header && ncols > 0 && !*out)
		*out = xstrdup(v[0] ? v[0] : "");
	return 0;
}

/* The first value of a query. */
static char *first(struct store *s, const char *sql)
{
	struct sql_stmt st = { xstrdup(sql), NULL, 0 };
	char *out = NULL;
	if (store_run(s, &st, take_first, &out) != 0)
		out = xstrdup("(error)");
	sql_stmt_free(&st);
	return out ? out : xstrdup("(none)");
}

/* How many rows of table (alias x) a state condition keeps. */
static long long count_where(struct store *s, enum query_target t, enum state_what what,
			     const char *name)
{
	static const char *const from[] = {
		[TARGET_DEALS] = "deal d JOIN issue i ON i.id = d.issue_id",
		[TARGET_ARTICLES] = "article a JOIN issue i ON i.id = a.issue_id",
		[TARGET_EVENTS] = "event e JOIN issue i ON i.id = e.issue_id",
	};
	struct buf b = { 0 };
	buf_printf(&b, "SELECT count(*) FROM %s WHERE ", from[t]);
	if (state_condition(s, t, what, name, &b) != 0) {
		buf_free(&b);
		return -1;
	}
	char *v = first(s, b.data);
	long long n = atoll(v);
	free(v);
	buf_free(&b);
	return n;
}

/* A progress handler that stops every statement at its first check, as a key would. */
static int stop_at_once(void *ctx)
{
	(void)ctx;
	return 1;
}

static long long id_of(struct store *s, const char *sql)
{
	char *v = first(s, sql);
	long long id = atoll(v);
	free(v);
	return id;
}

/* Issue number with its articles and deals; reverse puts the rows in the other order (an
 * issue imported again, corrected). */
static void add_issue(struct store *s, int number, const char *date, int reverse)
{
	long long issue;
	struct issue_row ir = { number, "주간 중국창업", "KIC China", date, NULL };
	ok(store_add_issue(s, &ir, &issue) == 0, "issue %d added", number);
	const char *titles[] = { "노텔집적, 새 공장 착공", "장쑤의 반도체 클러스터", "시장 동향" };
	const char *bodies[] = { "노텔집적(北电集成)이 새 공장을 짓는다.", "江苏省 반도체 산업.",
				 "별다른 소식 없음." };
	for (int i = 0; i < 3; i++) {
		int k = reverse ? 2 - i : i;
		struct article_row a = { issue, i + 1, "news", date, titles[k], bodies[k] };
		long long aid;
		ok(store_add_article(s, &a, &aid) == 0, "article added");
	}
	struct place jiangsu;
	ok(store_find_place(s, "江苏", &jiangsu) == 1, "장쑤 by its Chinese name");
	struct deal_row deals[3] = {
		{ .issue_id = issue, .kind = "investment", .scope = "china", .period = "2025-01",
		  .name_ko = number != 419 ? "노텔집적" : NULL, .name_zh = number != 420 ? "北电集成" : NULL,
		  .round = "A", .province_id = jiangsu.id, .sector = "반도체",
		  .amount = { "10 억 위안", 1, 1e9, "CNY", "exact", 0 } },
		{ .issue_id = issue, .kind = "investment", .scope = "china", .period = "2025-01",
		  .name_ko = "다른기업", .round = "B",
		  .sector = "인공지능" },
		{ .issue_id = issue, .kind = "ma", .scope = "china", .period = "2025-01",
		  .name_ko = "인수기업", .sector = "반도체" },
	};
	for (int i = 0; i < 3; i++) {
		struct deal_row d = deals[reverse ? 2 - i : i];
		d.seq = i + 1;
		long long id;
		ok(store_add_deal(s, &d, &id) == 0, "deal added");
		if (d.round && strcmp(d.round, "A") == 0)
			ok(store_add_deal_investor(s, id, 1, "红杉中国") == 0, "investor added");
	}
	ok(store_convert_amounts(s, issue, 0, NULL, NULL) == 0, "amounts in yuan");
}

static struct store *open_reading(const char *db, const char *state)
{
	char *err = NULL;
	struct store *s = store_open(db, STORE_OPEN_READONLY, &err);
	ok(s != NULL, "store opened for reading%s%s", err ? ": " : "", err ? err : "");
	free(err);
	char *note = NULL;
	ok(s && state_attach(s, state, &note) == 0 && !note, "state %s attached%s%s", state,
	   note ? ": " : "", note ? note : "");
	free(note);
	return s;
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	char *db = path_of("jubo.db"), *state_a = path_of("a/state.db"),
	     *state_b = path_of("b/state.db"), *state_c = path_of("c/state.db");
	char *err = NULL;
	struct store *w = store_open(db, STORE_OPEN_CREATE, &err);
	ok(w != NULL, "store created");
	ok(store_begin(w) == 0, "transaction");
	add_issue(w, 418, "2025-03-31", 0);
	add_issue(w, 419, "2025-04-07", 0);
	add_issue(w, 420, "2025-04-14", 0);
	ok(store_commit(w) == 0, "committed");
	store_close(w);

	/* ---- matching ---- */
	struct store *s = open_reading(db, state_a);
	/* 418 prints 노텔집적 with 北电集成 beside it; 419 only 北电集成, 420 only 노텔집적. */
	is_int(count_where(s, TARGET_DEALS, STATE_ABOUT, "company:노텔집적"), 3,
	       "노텔집적: its deals in all three issues, under either name");
	is_int(count_where(s, TARGET_DEALS, STATE_ABOUT, "company:北电集成"), 3,
	       "北电集成: the same three");
	is_int(count_where(s, TARGET_DEALS, STATE_ABOUT, "company:노텔"), 0,
	       "a part of a name is not the company");
	is_int(count_where(s, TARGET_DEALS, STATE_ABOUT, "place:Jiangsu"), 3,
	       "a place by the gazetteer's alias (Jiangsu): the deals in 장쑤");
	is_int(count_where(s, TARGET_ARTICLES, STATE_ABOUT, "place:장쑤성"), 3,
	       "articles naming 장쑤 or 江苏省 (its aliases)");
	is_int(count_where(s, TARGET_ARTICLES, STATE_ABOUT, "company:北电集成"), 3,
	       "articles naming 노텔집적 or 北电集成");
	is_int(count_where(s, TARGET_DEALS, STATE_ABOUT, "investor:红杉中国"), 3, "an investor");
	is_int(count_where(s, TARGET_DEALS, STATE_ABOUT, "sector:반도체"), 6, "a sector");
	is_int(count_where(s, TARGET_DEALS, STATE_FOLLOWED, NULL), 0, "nothing followed yet");

	ok(state_follow(s, KIND_COMPANY, "北电集成", 1) == 1, "follow 北电集成");
	ok(state_follow(s, KIND_COMPANY, "北电集成", 1) == 0, "followed once");
	ok(state_follow(s, KIND_PLACE, "장쑤", 1) == 1, "follow 장쑤");
	is_int(count_where(s, TARGET_DEALS, STATE_FOLLOWED, NULL), 3,
	       "is:followed: the deals of either entity, each once");
	struct state_watch watch;
	ok(state_watch_read(s, &watch) == 0 && watch.n == 2, "two followed");
	if (watch.n == 2) {
		const struct state_entity *e = &watch.entities[0];
		is_str(e->names, "北电集成 · 노텔집적", "the company's names");
		ok(e->deals == 3 && e->articles == 3 && e->nissues == 3, "3 deals, 3 articles, 3 issues");
		ok(e->nissues == 3 && e->issues[0].number == 420 && e->issues[2].number == 418,
		   "newest issue first");
		ok(e->amounts == 3 && tap_close(e->amount, 3e9), "the amounts known summed");
		ok(e->fresh_deals == 3, "all new before the first visit");
		/* The province's deals per issue are read from the kept counts: they must be what
		 * SQLite counts from the deals themselves. */
		e = &watch.entities[1];
		sqlite3_stmt *st = NULL;
		sqlite3_prepare_v2(store_sqlite(s),
				   "SELECT i.number, count(*), total(d.amount_cny), count(d.amount_cny)"
				   " FROM deal d JOIN issue i ON i.id = d.issue_id JOIN place p ON"
				   " p.id = d.province_id WHERE p.name_zh = '江苏' GROUP BY i.number"
				   " ORDER BY i.number DESC",
				   -1, &st, NULL);
		size_t k = 0;
		int same = st != NULL;
		while (same && sqlite3_step(st) == SQLITE_ROW) {
			same = k < e->nissues && e->issues[k].number == sqlite3_column_int(st, 0) &&
			       e->issues[k].deals == sqlite3_column_int64(st, 1) &&
			       tap_close(e->issues[k].amount, sqlite3_column_double(st, 2)) &&
			       e->issues[k].amounts == sqlite3_column_int64(st, 3);
			k++;
		}
		sqlite3_finalize(st);
		ok(same && k == e->nissues && e->deals == 3,
		   "장쑤 per issue (from the kept counts): the deals, amounts and issues SQLite counts");
	}
	state_watch_free(&watch);

	/* ---- marks ---- */
	is_int(state_unread(s, TARGET_ARTICLES, 0, 0), 9, "9 articles unread");
	long long a418 = id_of(s, "SELECT a.id FROM article a JOIN issue i ON i.id = a.issue_id"
				  " WHERE i.number = 418 AND a.title = '장쑤의 반도체 클러스터'");
	long long d418 = id_of(s, "SELECT d.id FROM deal d JOIN issue i ON i.id = d.issue_id"
				  " WHERE i.number = 418 AND d.name_ko = '노텔집적'");
	ok(state_set_read(s, TARGET_ARTICLES, a418, 1) == 0, "an article read");
	ok(state_set_star(s, TARGET_ARTICLES, a418, 1) == 0, "and starred");
	ok(state_set_note(s, TARGET_DEALS, d418, "공장 착공 확인") == 0, "a note on a deal");
	ok(state_set_star(s, TARGET_DEALS, d418, 1) == 0, "a star on it");
	is_int(state_unread(s, TARGET_ARTICLES, 0, 0), 8, "8 unread");
	is_int(state_unread_in_issue(s, TARGET_ARTICLES, 418), 2, "2 of them in No. 418");
	is_int(count_where(s, TARGET_ARTICLES, STATE_UNREAD, NULL), 8, "is:unread: the same 8");
	is_int(count_where(s, TARGET_ARTICLES, STATE_STARRED, NULL), 1, "is:starred: 1 article");
	is_int(count_where(s, TARGET_DEALS, STATE_NOTED, NULL), 1, "has:note: 1 deal");
	ok(state_mark_issues_read(s, TARGET_ARTICLES, 419, 419) == 0, "No. 419 read as a whole");
	is_int(state_unread(s, TARGET_ARTICLES, 0, 0), 5, "5 unread");
	long long a419 = id_of(s, "SELECT a.id FROM article a JOIN issue i ON i.id = a.issue_id"
				  " WHERE i.number = 419 AND a.seq = 3");
	ok(state_set_read(s, TARGET_ARTICLES, a419, 0) == 0, "one of 419 unread again");
	is_int(state_unread(s, TARGET_ARTICLES, 419, 419), 1, "No. 419: 1 unread");
	is_int(count_where(s, TARGET_ARTICLES, STATE_READ, NULL), 3, "is:read: 1 + 2 of 419");
	struct state_marks m;
	ok(state_get(s, TARGET_DEALS, d418, &m) == 0 && m.starred && !m.read && m.fresh && m.note &&
		   strcmp(m.note, "공장 착공 확인") == 0,
	   "the deal: starred, unread, new, with its note");
	state_marks_free(&m);
	ok(state_begin_visit(s) == 0, "a first visit: nothing new since a previous one");
	ok(state_get(s, TARGET_DEALS, d418, &m) == 0 && m.fresh, "still new in the first visit");
	state_marks_free(&m);
	char *export_path = path_of("export.csv");
	FILE *f = fopen(export_path, "wb");
	ok(f && state_export(s, f) == 0, "exported");
	if (f)
		fclose(f);
	store_close(s);

	/* ---- No. 418 imported again, its rows in the other order ---- */
	w = store_open(db, STORE_OPEN_CREATE, &err);
	long long issue418;
	ok(w && store_find_issue(w, 418, &issue418) == 1, "store opened to replace No. 418");
	ok(store_begin(w) == 0 && store_delete_issue(w, issue418) == 0, "No. 418 deleted");
	add_issue(w, 418, "2025-03-31", 1);
	ok(store_commit(w) == 0, "and imported again");
	store_close(w);
	s = open_reading(db, state_a);
	long long a418b = id_of(s, "SELECT a.id FROM article a JOIN issue i ON i.id = a.issue_id"
				   " WHERE i.number = 418 AND a.title = '장쑤의 반도체 클러스터'");
	long long d418b = id_of(s, "SELECT d.id FROM deal d JOIN issue i ON i.id = d.issue_id"
				   " WHERE i.number = 418 AND d.name_ko = '노텔집적'");
	ok(a418b != a418 || d418b != d418, "the rows have new ids");
	ok(state_get(s, TARGET_ARTICLES, a418b, &m) == 0 && m.read && m.starred,
	   "the article is still read and starred");
	state_marks_free(&m);
	ok(state_get(s, TARGET_DEALS, d418b, &m) == 0 && m.starred && m.note &&
		   strcmp(m.note, "공장 착공 확인") == 0,
	   "the deal keeps its star and note (moved from seq 1 to 3)");
	state_marks_free(&m);
	char *seq = first(s, "SELECT seq FROM state.mark WHERE target = 'deal'");
	is_str(seq, "3", "the mark follows its row to seq 3");
	free(seq);
	is_int(count_where(s, TARGET_DEALS, STATE_FOLLOWED, NULL), 3, "the follows kept");
	is_int(state_unread(s, TARGET_ARTICLES, 0, 0), 6, "the same 6 unread");
	ok(state_begin_visit(s) == 0, "a second visit: no issue new since the first");
	ok(state_get(s, TARGET_DEALS, d418b, &m) == 0 && !m.fresh, "no longer new, still unread");
	state_marks_free(&m);
	store_close(s);

	/* ---- two readers of one read-only store ---- */
	chmod(db, 0444);
	s = open_reading(db, state_b);
	ok(state_get(s, TARGET_ARTICLES, a418b, &m) == 0 && !m.read && !m.starred,
	   "reader B sees none of reader A's marks");
	state_marks_free(&m);
	ok(state_set_star(s, TARGET_DEALS, d418b, 1) == 0, "B stars a deal in the read-only store");
	is_int(count_where(s, TARGET_DEALS, STATE_STARRED, NULL), 1, "B's star");
	store_close(s);
	s = open_reading(db, state_a);
	ok(state_get(s, TARGET_DEALS, d418b, &m) == 0 && m.starred && m.note,
	   "A still has A's own marks");
	state_marks_free(&m);
	store_close(s);

	/* ---- the export read into another reader's state ---- */
	s = open_reading(db, state_c);
	long long n = 0;
	ok(state_import(s, export_path, &n, &err) == 0 && n == 6, "6 records read (%lld)%s%s", n,
	   err ? ": " : "", err ? err : "");
	free(err);
	err = NULL;
	ok(state_get(s, TARGET_DEALS, d418b, &m) == 0 && m.starred && m.note,
	   "the star and the note moved (and found the row at its new place)");
	state_marks_free(&m);
	is_int(state_unread(s, TARGET_ARTICLES, 0, 0), 6, "the same 6 unread");
	char *bad_path = path_of("bad.csv");
	f = fopen(bad_path, "wb");
	if (f) {
		fputs("record,target,issue,seq,key,read,starred,note\r\n"
		      "follow,company,,,새기업,,,\r\n"
		      "mark,deal,abc,1,k,1,0,\r\n",
		      f);
		fclose(f);
	}
	ok(state_import(s, bad_path, &n, &err) != 0 && err && strstr(err, "bad.csv:3:") &&
		   strstr(err, "abc"),
	   "a bad record: FILE:LINE:COLUMN (%s)", err ? err : "");
	free(err);
	ok(!state_follows(s, KIND_COMPANY, "새기업"), "and nothing of the file is kept");

	/* ---- A under a filter stopped by a key: nothing is marked ---- */
	{
		long long unread_before = state_unread(s, TARGET_ARTICLES, 0, 0);
		const char *all = "SELECT a.id FROM article a";
		store_set_progress(s, 1, stop_at_once, NULL);
		long long r = state_mark_rows_read(s, TARGET_ARTICLES, all, NULL, 0);
		store_set_progress(s, 0, NULL, NULL);
		is_int(r, -2, "A stopped by a key: -2");
		is_int(state_unread(s, TARGET_ARTICLES, 0, 0), unread_before, "and nothing marked");
		is_int(count_where(s, TARGET_ARTICLES, STATE_UNREAD, NULL), unread_before,
		       "nor listed as read");
	}

	/* ---- A under a filter: the rows a selection holds, read ---- */
	/* No. 419 read as a whole but one article (a419, unread again); the selection is every
	 * article of 419 and 420. */
	long long before = state_unread(s, TARGET_ARTICLES, 0, 0);
	long long in420 = state_unread_in_issue(s, TARGET_ARTICLES, 420);
	ok(state_get(s, TARGET_ARTICLES, a419, &m) == 0 && !m.read, "a419 unread before");
	state_marks_free(&m);
	const char *selection = "SELECT a.id FROM article a JOIN issue i ON i.id = a.issue_id"
				" WHERE i.number >= ?1";
	struct sql_bind from419 = { .type = BIND_INT, .i = 419 };
	long long marked = state_mark_rows_read(s, TARGET_ARTICLES, selection, &from419, 1);
	ok(marked > 0, "the selection marked read (%lld)", marked);
	ok(state_get(s, TARGET_ARTICLES, a419, &m) == 0 && m.read,
	   "a419, unread in an issue read as a whole, read again");
	state_marks_free(&m);
	is_int(state_unread_in_issue(s, TARGET_ARTICLES, 420), 0, "No. 420: nothing unread");
	is_int(state_unread(s, TARGET_ARTICLES, 0, 0), before - in420 - 1,
	       "the rest of the archive as it was");
	long long listed = count_where(s, TARGET_ARTICLES, STATE_UNREAD, NULL);
	store_close(s);
	/* This run's lists were changed row by row: they must be what reading every mark again
	 * (a new run) finds. */
	s = open_reading(db, state_c);
	is_int(count_where(s, TARGET_ARTICLES, STATE_UNREAD, NULL), listed,
	       "is:unread the same after reading the state again");
	is_int(state_unread(s, TARGET_ARTICLES, 0, 0), before - in420 - 1, "and the count");
	store_close(s);

	chmod(db, 0644);
	free(bad_path);
	free(export_path);
	free(db);
	free(state_a);
	free(state_b);
	free(state_c);
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}
