/* The store: migrations, pragmas, gazetteer, inserts, conversion and search. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "listing.h"
#include "query.h"
#include "sqlgen.h"
#include "store.h"
#include "util.h"

static char dir[] = "/tmp/jubo-test-store-XXXXXX";

static char *db_path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* One value from raw SQLite, to look at the file from outside the store module. */
static char *peek(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *v = NULL;
	sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			v = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

/* The query plan's details, joined, to see which index a query uses. */
static char *plan(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	struct buf b = { 0 };
	char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			buf_printf(&b, "%s; ", (const char *)sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	free(q);
	return buf_take(&b);
}

static void poke(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

static void place_is(struct store *s, const char *name, const char *kind, const char *name_ko)
{
	struct place p;
	if (!ok(store_find_place(s, name, &p) == 1, "place '%s' found", name))
		return;
	is_str(p.kind, kind, "'%s' is a %s", name, kind);
	is_str(p.name_ko, name_ko, "'%s' is %s", name, name_ko);
}

/* The rows of a statement, "value:count:amount" each, joined by spaces. */
static int add_breakdown_row(void *ctx, int header, int ncols, const char *const *values)
{
	struct buf *b = ctx;
	if (header)
		return 0;
	for (int i = 0; i < ncols; i++)
		buf_printf(b, "%s%s", i ? ":" : (b->len ? " " : ""), values[i] ? values[i] : "-");
	return 0;
}

static char *rows_of(struct store *s, const struct sql_stmt *st)
{
	struct buf b = { 0 };
	if (store_run(s, st, add_breakdown_row, &b) != 0)
		buf_adds(&b, "(failed)");
	return b.len ? buf_take(&b) : xstrdup("");
}

/* Every breakdown of a tallied column, of every deal and of one province's, reads the kept
 * counts, and says what grouping the deals says (the same statement's scan, reached with a
 * filter that means the same but is not the province alone). */
static void breakdowns_agree(struct store *s, const char *dbpath, const char *province)
{
	const struct listing *l = listing_get(TARGET_DEALS);
	char *filter = xasprintf("region:%s", province);
	struct query q;
	struct query_error qe;
	struct sql_stmt where = { 0 };
	if (!ok(query_parse(TARGET_DEALS, filter, strlen(filter), &q, &qe) == 0 &&
			sqlgen_where(s, &q, &where, NULL, &qe) == 0,
		"'%s' compiles", filter))
		return;
	query_free(&q);
	struct sql_stmt every_scan = { xstrdup(" WHERE (1)"), NULL, 0 };
	struct sql_stmt province_scan = { xasprintf("%s AND (1)", where.text), where.binds,
					  where.nbinds };
	int kept = 0, agree = 0, columns = 0;
	for (int c = 0; l->columns[c].name; c++) {
		if (!l->columns[c].tallied)
			continue;
		columns++;
		for (int narrow = 0; narrow <= 1; narrow++) {
			struct sql_stmt fast, slow;
			sqlgen_breakdown(l, narrow ? &where : NULL, c, &fast);
			sqlgen_breakdown(l, narrow ? &province_scan : &every_scan, c, &slow);
			char *p = plan(dbpath, fast.text);
			if (p && strstr(p, "deal_tally_rank") && !strstr(p, " d ") && !strstr(p, "deal d"))
				kept++;
			else
				printf("# %s%s: %s\n", l->columns[c].name, narrow ? " (province)" : "", p);
			char *a = rows_of(s, &fast), *b = rows_of(s, &slow);
			if (strcmp(a, b) == 0 && *a)
				agree++;
			else
				printf("# %s%s: kept '%s', grouped '%s'\n", l->columns[c].name,
				     narrow ? " (province)" : "", a, b);
			free(p);
			free(a);
			free(b);
			sql_stmt_free(&fast);
			sql_stmt_free(&slow);
		}
	}
	is_int(kept, 2 * columns, "every breakdown of the %d kept columns, of every deal and of %s's,"
				  " reads the kept counts' index alone", columns, province);
	is_int(agree, 2 * columns, "and lists the values, counts and amounts the deals give");
	free(province_scan.text);
	sql_stmt_free(&every_scan);
	sql_stmt_free(&where);
	free(filter);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char *path = db_path("a.db"), *err = NULL, *v;
	struct store *s = store_open(path, STORE_OPEN_CREATE, &err);
	if (!ok(s != NULL, "a new store is created: %s", err ? err : ""))
		return tap_done();
	is_int(store_version(s), store_latest_version(), "migrated to the latest version");
	ok(store_latest_version() >= 2, "schema and gazetteer migrations exist");
	v = peek(path, "PRAGMA journal_mode");
	is_str(v, "wal", "WAL mode");
	free(v);

	/* Gazetteer: every provincial-level division, names in all spellings. */
	v = peek(path, "SELECT count(*) FROM place WHERE kind = 'province'");
	is_str(v, "34", "34 provincial-level divisions");
	free(v);
	place_is(s, "장쑤", "province", "장쑤성");
	place_is(s, "장쑤성", "province", "장쑤성");
	place_is(s, "江苏", "province", "장쑤성");
	place_is(s, "jiangsu", "province", "장쑤성");
	place_is(s, "네이멍구", "province", "네이멍구자치구");
	place_is(s, "내몽고", "province", "네이멍구자치구");
	place_is(s, "심천", "city", "선전");
	place_is(s, "深圳市", "city", "선전");
	place_is(s, "미국", "country", "미국");
	place_is(s, "陕西", "province", "산시성(陕西)");
	struct place p;
	is_int(store_find_place(s, "산시", &p), 0, "ambiguous 산시 is not guessed");
	ok(store_find_place(s, "선전", &p) == 1 && p.province_id > 0, "a city knows its province");

	/* Issue, deal with conversion through the rate table, investors. */
	long long issue, deal;
	struct issue_row ir = { 418, "주간 중국창업", "KIC China", "2025-03-31", NULL };
	ok(store_begin(s) == 0, "transaction begins");
	ok(store_add_issue(s, &ir, &issue) == 0, "issue added");
	struct rate_row rate = { "USD", "2025-01", 7.2, "test" };
	ok(store_set_rate(s, &rate) == 1, "rate set: a change");
	struct deal_row d = { .issue_id = issue, .seq = 1, .kind = "investment", .scope = "china",
			      .period = "2025-01", .name_ko = "잉시스마트", .name_zh = "英矽智能",
			      .amount = { "1 억 달러 이상", 1, 1e8, "USD", "at_least", 0 } };
	ok(store_add_deal(s, &d, &deal) == 0, "deal added");
	ok(store_add_deal_investor(s, deal, 1, "워버그 핀커스") == 0, "investor added");
	ok(store_convert_amounts(s, issue, 0, NULL, NULL) == 0, "amounts converted");
	ok(store_commit(s) == 0, "committed");
	v = peek(path, "SELECT amount_cny FROM deal");
	is_str(v, "720000000.0", "USD converted through the rate table");
	free(v);
	/* A rate that is already there changes nothing but its source; another value does. */
	struct rate_row again = { "USD", "2025-01", 7.2, "again" };
	ok(store_begin(s) == 0 && store_set_rate(s, &again) == 0, "the same rate again: no change");
	struct rate_row march = { "USD", "2025-03", 7.1, "march" };
	is_int(store_set_rate(s, &march), 1, "a rate for a new period: a change");
	march.cny_per_unit = 7.0;
	is_int(store_set_rate(s, &march), 1, "another value for it: a change");
	/* Deals of 2024-06 (before the earliest rate, which takes them), 2025-01, 2025-03 and a
	 * yuan deal of 2025-03. */
	static const char *const periods[] = { "2024-06", "2025-01", "2025-03", "2025-03" };
	for (int i = 0; i < 4; i++) {
		struct deal_row e = d;
		e.seq = 10 + i;
		e.period = periods[i];
		if (i == 3)
			e.amount.currency = "CNY";
		if (store_add_deal(s, &e, NULL) != 0)
			ok(0, "deal of %s added", periods[i]);
	}
	ok(store_commit(s) == 0, "committed");
	v = peek(path, "SELECT source FROM rate WHERE currency = 'USD' AND period = '2025-01'");
	is_str(v, "again", "the unchanged rate took the new source");
	free(v);
	/* Every converted amount set to -1 first: a change of USD from 2025-03 on converts the
	 * USD deals of 2025-03 again, and leaves the others (2024-06 is before the earliest
	 * rate, 2025-01, which did not change). */
	poke(path, "UPDATE deal SET amount_cny = -1 WHERE seq >= 10");
	ok(store_begin(s) == 0 && store_convert_amounts(s, 0, 0, "USD", "2025-03") == 0 &&
		   store_commit(s) == 0,
	   "USD converted from 2025-03 on");
	v = peek(path, "SELECT group_concat(period || '=' || CAST(amount_cny AS INT), ' ') FROM"
		       " (SELECT * FROM deal WHERE seq >= 10 ORDER BY seq)");
	is_str(v, "2024-06=-1 2025-01=-1 2025-03=700000000 2025-03=-1",
	       "only the deals the change reaches are converted again");
	free(v);
	/* A new earliest rate (2024-09) takes the deals before it too: every USD deal. */
	poke(path, "UPDATE deal SET amount_cny = -1 WHERE seq >= 10;"
		   " INSERT INTO rate VALUES ('USD', '2024-09', 7.5, 'test')");
	ok(store_begin(s) == 0 && store_convert_amounts(s, 0, 0, "USD", "2024-09") == 0 &&
		   store_commit(s) == 0,
	   "USD converted from a new earliest rate on");
	v = peek(path, "SELECT group_concat(period || '=' || CAST(amount_cny AS INT), ' ') FROM"
		       " (SELECT * FROM deal WHERE seq >= 10 ORDER BY seq)");
	is_str(v, "2024-06=750000000 2025-01=720000000 2025-03=700000000 2025-03=-1",
	       "the deals before it take it, the later ones their own rates");
	free(v);
	ok(store_begin(s) == 0, "rates again");
	struct rate_row february = { "USD", "2025-02", 7.2, "february" };
	is_int(store_set_rate(s, &february), 0,
	       "a new period at the rate already in effect for it: no change");
	struct rate_row earlier = { "USD", "2024-01", 7.5, "earlier" };
	is_int(store_set_rate(s, &earlier), 0, "nor a first period at the earliest rate");
	struct rate_row euro = { "EUR", "2025-01", 7.8, "euro" };
	is_int(store_set_rate(s, &euro), 1, "a currency's first rate: a change");
	ok(store_commit(s) == 0, "committed");
	poke(path, "DELETE FROM deal WHERE seq >= 10; DELETE FROM rate WHERE period <> '2025-01'"
		   " OR currency <> 'USD'; UPDATE rate SET source = 'test'");
	struct deal_row bad = d;
	bad.kind = "loan";
	bad.seq = 2;
	ok(store_add_deal(s, &bad, &deal) != 0, "an unknown kind is refused by the schema");

	/* Foreign keys: deleting the issue takes its deals and investors with it. */
	ok(store_delete_issue(s, issue) == 0, "issue deleted");
	is_int(store_count(s, "deal"), 0, "its deals went with it");
	is_int(store_count(s, "deal_investor"), 0, "and their investors");

	/* Search finds one- and two-character Korean and Chinese words. */
	ok(store_add_issue(s, &ir, &issue) == 0, "issue added again");
	struct article_row a1 = { issue, 1, "news", "2025-03-28", "中, 자율주행 무인 드론 첫 인증",
				  "광둥성 이항홀딩스(亿航智能)가 칩과 로봇을 北京에서 선보였다." };
	struct article_row a2 = { issue, 2, "industry", NULL, "뇌-컴퓨터 인터페이스",
				  "BCI 산업 체인 구조와 반도체" };
	long long id1, id2, ids[8];
	ok(store_add_article(s, &a1, &id1) == 0 && store_add_article(s, &a2, &id2) == 0,
	   "articles added");
	is_int(store_search_articles(s, "칩", ids, 8), 1, "one-character 칩 found");
	is_int(ids[0], id1, "in the right article");
	is_int(store_search_articles(s, "로봇", ids, 8), 1, "two-character 로봇 found");
	is_int(store_search_articles(s, "北京", ids, 8), 1, "two-character 北京 found");
	is_int(store_search_articles(s, "亿航智能", ids, 8), 1, "four-character Han found");
	is_int(store_search_articles(s, "드론", ids, 8), 1, "word in the title found");
	is_int(store_search_articles(s, "中", ids, 8), 1, "one Han character in the title");
	is_int(store_search_articles(s, "반도체", ids, 8), 1, "three characters");
	is_int(store_search_articles(s, "체칩", ids, 8), 0, "no match across words");
	is_int(store_search_articles(s, "bci", ids, 8), 1, "Latin word, any case");
	is_int(store_search_articles(s, "인터", ids, 8), 1, "part of a longer Korean word");
	is_int(store_search_articles(s, "없는말", ids, 8), 0, "absent word not found");
	char code[16];
	ok(store_find_section(s, "산업분석", code) == 1, "section by Korean name");
	is_str(code, "industry", "section code");
	ok(store_find_section(s, "KIC소식", code) == 1, "section ignoring spaces");
	is_int(store_find_section(s, "gossip", code), 0, "unknown section");
	store_close(s);

	/* Reopening does not migrate again; an old store is brought forward. */
	s = store_open(path, STORE_OPEN_CREATE, &err);
	ok(s && store_count(s, "place") > 34, "reopened with its gazetteer intact");
	store_close(s);
	char *old = db_path("old.db");
	s = store_open(old, STORE_OPEN_CREATE, &err);
	store_close(s);
	poke(old, "DELETE FROM place_alias; DELETE FROM place; PRAGMA user_version = 1");
	s = store_open(old, STORE_OPEN_CREATE, &err);
	ok(s && store_version(s) == store_latest_version() && store_count(s, "place") > 34,
	   "a version-1 store gets the gazetteer on open");
	store_close(s);
	poke(old, "PRAGMA user_version = 99");
	s = store_open(old, STORE_OPEN_CREATE, &err);
	ok(!s && err && strstr(err, "99"), "a newer store is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	poke(old, "PRAGMA user_version = 1");
	s = store_open(old, STORE_OPEN_READONLY, &err);
	ok(s && store_version(s) == store_latest_version(),
	   "an old store opened for reading is brought forward first, this user may write it: %s",
	   err ? err : "");
	store_close(s);
	free(err);
	err = NULL;

	/* Version 8: a round printed in two tables of a version-7 store becomes one deal. */
	char *v7 = db_path("v7.db");
	s = store_open_at_version(v7, 7, &err);
	ok(s && store_version(s) == 7, "a version-7 store is made");
	store_close(s);
	poke(v7, "INSERT INTO issue(id, number, title, date) VALUES (1, 418, 't', '2025-03-31');"
		 "INSERT INTO deal(id, issue_id, seq, kind, scope, period, name_ko, round,"
		 " amount_text, amount_value, amount_currency, amount_cny, province_id,"
		 " valuation_text) VALUES"
		 " (1, 1, 1, 'investment', 'china', '2025-01', '노텔집적', 'A 라운드', '199.9 억 위안',"
		 "  199.9e8, 'CNY', 199.9e8, (SELECT id FROM place WHERE code = 'CN-BJ'), NULL),"
		 " (2, 1, 2, 'investment', 'china', '2025-01', '완신집적', 'A 라운드', '95.5 억 위안',"
		 "  95.5e8, 'CNY', 95.5e8, (SELECT id FROM place WHERE code = 'CN-AH'), NULL),"
		 " (3, 1, 3, 'unicorn', 'china', '2025-01', '노텔집적', 'A 라운드', '199.9 억 위안',"
		 "  199.9e8, 'CNY', 199.9e8, (SELECT id FROM place WHERE code = 'CN-BJ'), '200 억 위안'),"
		 " (4, 1, 4, 'unicorn', 'china', '2025-01', '완신집적', 'A 라운드', '95.5 억 위안',"
		 "  95.5e8, 'CNY', 95.5e8, (SELECT id FROM place WHERE code = 'CN-AH'), '96 억 위안'),"
		 " (5, 1, 5, 'unicorn', 'overseas', '2025-01', 'Clay', 'B 라운드', '4000 만 달러',"
		 "  4e7, 'USD', 2.9e8, NULL, '12.5 억 달러'),"
		 /* The same name and round, another amount: another deal. */
		 " (6, 1, 6, 'unicorn', 'china', '2025-01', '노텔집적', 'A 라운드', '5 억 위안',"
		 "  5e8, 'CNY', 5e8, NULL, NULL);"
		 "INSERT INTO deal_investor VALUES (1, 1, '이좡'), (4, 1, 'ICBC 캐피탈');");
	s = store_open(v7, STORE_OPEN_CREATE, &err);
	ok(s && store_version(s) == store_latest_version(), "it is brought forward: %s",
	   err ? err : "");
	store_close(s);
	v = peek(v7, "SELECT group_concat(id || ':' || kind || ':' || tags, ' ') FROM"
		     " (SELECT * FROM deal ORDER BY id)");
	is_str(v, "1:investment:3 2:investment:3 5:investment:2 6:investment:2",
	       "the unicorn rows fold into the big deals of the same round and amount; the rest are "
	       "financing rounds tagged unicorn");
	free(v);
	v = peek(v7, "SELECT valuation_text FROM deal WHERE id = 1");
	is_str(v, "200 억 위안", "the valuation only the unicorn row told comes along");
	free(v);
	v = peek(v7, "SELECT group_concat(deal_id || ':' || name, ' ') FROM (SELECT * FROM"
		     " deal_investor ORDER BY deal_id)");
	is_str(v, "1:이좡 2:ICBC 캐피탈", "investors listed only with the unicorn row move over");
	free(v);
	v = peek(v7, "SELECT group_concat(n, ' ') FROM (SELECT n FROM deal_totals WHERE n > 0"
		     " ORDER BY province_id, place)");
	/* 베이징 1, 안후이 1, and the two without a province. */
	is_str(v, "2 1 1", "the kept totals count each deal once");
	free(v);
	v = peek(v7, "SELECT count(*) FROM deal_text WHERE deal_text MATCH 'unicorn'");
	is_str(v, "4", "the text index knows the tags");
	free(v);
	v = peek(v7, "PRAGMA integrity_check");
	is_str(v, "ok", "SQLite's integrity check passes");
	free(v);
	sqlite3 *raw;
	sqlite3_open(v7, &raw);
	ok(sqlite3_exec(raw, "INSERT INTO deal_text(deal_text, rank) VALUES ('integrity-check', 1)",
			NULL, NULL, NULL) == SQLITE_OK,
	   "FTS5's integrity check of the text index against the deals passes");
	sqlite3_close(raw);
	free(v7);

	/* Version 9: the index that repeated UNIQUE (issue_id, seq) goes; an issue's deals are
	 * read in order through the constraint's own index. */
	char *v8 = db_path("v8.db");
	s = store_open_at_version(v8, 8, &err);
	ok(s && store_version(s) == 8, "a version-8 store is made");
	store_close(s);
	v = peek(v8, "SELECT count(*) FROM sqlite_master WHERE name = 'deal_issue'");
	is_str(v, "1", "it has deal_issue");
	free(v);
	s = store_open(v8, STORE_OPEN_CREATE, &err);
	ok(s && store_version(s) == store_latest_version(), "it is brought forward");
	store_close(s);
	v = peek(v8, "SELECT count(*) FROM sqlite_master WHERE name = 'deal_issue'");
	is_str(v, "0", "without deal_issue");
	free(v);
	v = plan(v8, "SELECT id FROM deal WHERE issue_id = 1 AND seq > 5 ORDER BY seq LIMIT 40");
	ok(v && strstr(v, "sqlite_autoindex_deal_1 (issue_id=? AND seq>?)") && !strstr(v, "TEMP B-TREE"),
	   "an issue's deals after a row are read through UNIQUE (issue_id, seq), unsorted: %s",
	   v ? v : "");
	free(v);
	free(v8);

	/* Version 10: each issue's counts of articles, deals, events and statistics, counted
	 * when the store is brought forward and kept in step by triggers, whoever writes. */
	char *v9 = db_path("v9.db");
	s = store_open_at_version(v9, 9, &err);
	ok(s && store_version(s) == 9, "a version-9 store is made");
	store_close(s);
	poke(v9, "INSERT INTO issue(id, number, title, date) VALUES (1, 418, 't', '2025-03-31'),"
		 " (2, 419, 't', '2025-04-07'), (3, 420, 't', '2025-04-14');"
		 "INSERT INTO deal(issue_id, seq, kind, scope, period, name_ko) VALUES"
		 " (1, 1, 'investment', 'china', '2025-01', '가'), (1, 2, 'ma', 'china', '2025-01', '나'),"
		 " (2, 1, 'investment', 'overseas', '2025-02', '다');"
		 "INSERT INTO article(issue_id, seq, section, title, body) VALUES (1, 1, 'news', 'a', 'b'),"
		 " (2, 1, 'news', 'a', 'b'), (2, 2, 'policy', 'a', 'b'), (2, 3, 'region', 'a', 'b');"
		 "INSERT INTO event(issue_id, seq, name, start_date, end_date) VALUES"
		 " (1, 1, 'e', '2025-04-01', '2025-04-02');"
		 "INSERT INTO stat(issue_id, period, metric, dimension, key, value) VALUES"
		 " (1, '2025-01', 'deal_count', 'region', '베이징', 70),"
		 " (1, '2025-01', 'deal_count', 'region', '장쑤', 118);");
	s = store_open(v9, STORE_OPEN_CREATE, &err);
	ok(s && store_version(s) == store_latest_version(), "it is brought forward");
	store_close(s);
	static const char counts_sql[] =
		"SELECT group_concat(i.number || ':' || c.articles || '/' || c.deals || '/' || c.events"
		" || '/' || c.stats, ' ') FROM (SELECT * FROM issue ORDER BY number) i"
		" JOIN issue_counts c ON c.issue_id = i.id";
	v = peek(v9, counts_sql);
	is_str(v, "418:1/2/1/2 419:3/1/0/0 420:0/0/0/0",
	       "every issue's articles, deals, events and statistics are counted, none too");
	free(v);
	poke(v9, "INSERT INTO issue(id, number, title, date) VALUES (4, 421, 't', '2025-04-21');"
		 "INSERT INTO deal(issue_id, seq, kind, scope, period, name_ko) VALUES"
		 " (4, 1, 'investment', 'china', '2025-03', '라'), (1, 3, 'investment', 'china',"
		 " '2025-01', '마');"
		 "DELETE FROM article WHERE issue_id = 2 AND seq = 2;"
		 "DELETE FROM event;"
		 "UPDATE deal SET issue_id = 3 WHERE issue_id = 2;"
		 "DELETE FROM issue WHERE number = 418;");
	v = peek(v9, counts_sql);
	is_str(v, "419:2/0/0/0 420:0/1/0/0 421:0/1/0/0",
	       "rows added, deleted and moved keep the counts; a deleted issue's go with it");
	free(v);
	v = peek(v9, "SELECT count(*) FROM issue_counts");
	is_str(v, "3", "and no count outlives its issue, though the program deleting it had foreign"
		       " keys off");
	free(v);
	/* The bulk path drops the deal triggers and counts the deals again at the end. */
	s = store_open(v9, STORE_OPEN_CREATE, &err);
	long long issue_id = 0;
	struct issue_row bulk_issue = { .number = 500, .title = "t", .date = "2025-06-02" };
	ok(s && store_begin(s) == 0 && store_bulk_begin(s, 1) == 0 &&
		   store_add_issue(s, &bulk_issue, &issue_id) == 0,
	   "a bulk load begins with an issue");
	for (int i = 1; i <= 5; i++) {
		struct deal_row d = { .issue_id = issue_id, .seq = i, .kind = "investment",
				      .scope = "china", .period = "2025-05", .name_ko = "바이두테크" };
		if (store_add_deal(s, &d, NULL) != 0)
			ok(0, "deal %d of the bulk load is written: %s", i, store_errmsg(s));
	}
	ok(store_bulk_end(s) == 0 && store_commit(s) == 0, "the bulk load ends");
	store_close(s);
	v = peek(v9, "SELECT c.deals FROM issue_counts c JOIN issue i ON i.id = c.issue_id WHERE"
		     " i.number = 500");
	is_str(v, "5", "its five deals are counted at the end");
	free(v);
	v = peek(v9, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'issue_counts_deal_%'");
	is_str(v, "3", "and the deal triggers are back");
	free(v);
	v = peek(v9, "SELECT count(*) FROM deal_text WHERE deal_text MATCH '바이두'");
	is_str(v, "5", "and their text is in the index");
	free(v);
	/* A batch without the indexes, rolled back: the triggers are as they were, and nothing
	 * of the batch stays behind in the connection. */
	s = store_open(v9, STORE_OPEN_CREATE, &err);
	ok(s && store_begin(s) == 0 && store_bulk_begin(s, 0) == 0, "a batch begins");
	struct deal_row extra = { .issue_id = issue_id, .seq = 9, .kind = "investment",
				  .scope = "china", .period = "2025-05", .name_ko = "사이먼코" };
	ok(store_add_deal(s, &extra, NULL) == 0, "a deal is written in it");
	ok(store_rollback(s) == 0, "and rolled back");
	ok(store_begin(s) == 0 && store_add_deal(s, &extra, NULL) == 0 && store_commit(s) == 0,
	   "the same deal written outside a batch");
	store_close(s);
	v = peek(v9, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE"
		     " 'deal_text_%'");
	is_str(v, "4", "the text index's four triggers are there");
	free(v);
	v = peek(v9, "SELECT count(*) FROM deal_text WHERE deal_text MATCH '사이먼'");
	is_str(v, "1", "and indexed it through them, once");
	free(v);
	/* Version 11: the values of every column, counted for every deal and by province. */
	s = store_open(v9, STORE_OPEN_CREATE, &err);
	poke(v9, "UPDATE deal SET province_id = (SELECT id FROM place WHERE code = 'CN-BJ'),"
		 " round = 'A 라운드', amount_text = '1 억 위안', amount_value = 1e8,"
		 " amount_currency = 'CNY', amount_cny = 1e8 WHERE name_ko = '바이두테크' AND seq <= 3;"
		 "INSERT INTO deal_investor(deal_id, seq, name) SELECT id, 1, '이좡' FROM deal"
		 " WHERE name_ko = '바이두테크';"
		 "INSERT INTO deal_investor(deal_id, seq, name) SELECT id, 2, 'ICBC 캐피탈' FROM deal"
		 " WHERE name_ko = '바이두테크' AND seq = 2;");
	v = peek(v9, "SELECT group_concat(value || ':' || n || ':' || amount_n, ' ') FROM (SELECT"
		     " * FROM deal_tally WHERE col = 'investors' AND region = 0 ORDER BY n DESC)");
	is_str(v, "이좡:5:3 ICBC 캐피탈:1:1",
	       "each investor counts its deals and the amounts known, added after their deal");
	free(v);
	breakdowns_agree(s, v9, "베이징");
	poke(v9, "DELETE FROM deal_investor WHERE seq = 2;"
		 "UPDATE deal SET amount_cny = NULL WHERE name_ko = '바이두테크' AND seq = 1;"
		 "DELETE FROM deal WHERE name_ko = '바이두테크' AND seq = 3;");
	v = peek(v9, "SELECT group_concat(value || ':' || n || ':' || amount_n, ' ') FROM (SELECT"
		     " * FROM deal_tally WHERE col = 'investors' AND region = 0 ORDER BY n DESC)");
	is_str(v, "이좡:4:1", "an investor taken away, an amount unknown and a deal deleted: the"
			       " counts follow, and a value none has any more goes");
	free(v);
	breakdowns_agree(s, v9, "베이징");
	store_close(s);
	v = plan(v9, "SELECT i.number, c.deals FROM issue i LEFT JOIN issue_counts c ON"
		     " c.issue_id = i.id ORDER BY i.number");
	ok(v && !strstr(v, "deal") && !strstr(v, "article"),
	   "the list of issues reads no deal or article: %s", v ? v : "");
	free(v);
	free(v9);

	/* Places found while writing are remembered, but never past what the store holds: one
	 * added in the transaction is found, and after a rollback it is not. */
	s = store_open(path, STORE_OPEN_CREATE, &err);
	ok(store_begin(s) == 0, "a transaction for the places");
	is_int(store_find_place(s, "신도시", &p), 0, "신도시 is not a place");
	is_int(store_find_place(s, "신도시", &p), 0, "nor asked again");
	struct place_row town = { "CN-JS-XX", "city", "CN-JS", "prefecture", "신도시", "新城",
				  "Xincheng", "Xincheng", "신성" };
	ok(store_add_place(s, &town) == 0, "a place is added");
	ok(store_find_place(s, "신도시", &p) == 1 && strcmp(p.name_ko, "신도시") == 0,
	   "now it is found");
	ok(store_find_place(s, "신성", &p) == 1 && strcmp(p.kind, "city") == 0,
	   "and by its alias");
	ok(store_rollback(s) == 0, "the transaction is rolled back");
	ok(store_begin(s) == 0, "another begins");
	is_int(store_find_place(s, "신도시", &p), 0, "the place went with the rollback");
	ok(store_rollback(s) == 0, "and ends");
	/* Another connection adds it between two transactions: the next one sees it. */
	ok(store_begin(s) == 0 && store_find_place(s, "신성", &p) == 0 && store_commit(s) == 0,
	   "신성 is not found");
	poke(path, "INSERT INTO place(code, kind, level, name_ko) VALUES ('X-1', 'city', 'prefecture',"
		   " '신성'); INSERT INTO place_alias SELECT '신성', id FROM place WHERE code = 'X-1';");
	ok(store_begin(s) == 0 && store_find_place(s, "신성", &p) == 1 && store_rollback(s) == 0,
	   "a place another program added is found in the next transaction");
	poke(path, "DELETE FROM place_alias WHERE alias = '신성'; DELETE FROM place WHERE code = 'X-1'");
	store_close(s);

	/* A file that is not a store. */
	char *junk = db_path("junk.db");
	FILE *f = fopen(junk, "w");
	fputs("this is not a database, just text, long enough to look like a header........", f);
	fclose(f);
	s = store_open(junk, STORE_OPEN_CREATE, &err);
	ok(!s && err && strstr(err, "not a jubo store"), "a text file is refused: %s",
	   err ? err : "");
	free(err);
	err = NULL;

	/* Indexes serve the sort columns. */
	v = plan(path, "SELECT id FROM deal ORDER BY amount_cny, id LIMIT 40");
	ok(v && strstr(v, "deal_amount"), "amount sort uses its index: %s", v ? v : "");
	free(v);
	v = plan(path, "SELECT id FROM event ORDER BY start_date, id LIMIT 40");
	ok(v && strstr(v, "event_start"), "event sort uses its index: %s", v ? v : "");
	free(v);
	v = plan(path, "SELECT d.id FROM deal d JOIN issue i ON i.id = d.issue_id WHERE "
		       "d.province_id = 10 ORDER BY i.number, d.seq, d.id LIMIT 40");
	ok(v && strstr(v, "deal_province_issue"), "a region filter in natural order reads an index: %s",
	   v);
	free(v);
	v = plan(path, "SELECT deal_id FROM deal_investor WHERE name = '워버그 핀커스'");
	ok(v && strstr(v, "deal_investor_name"), "investor filter uses its index: %s", v);
	free(v);

	char *p2 = store_default_path();
	ok(p2 && strstr(p2, "jubo"), "a default path exists: %s", p2);
	free(p2);
	setenv("JUBO_DB", "/x/y.db", 1);
	p2 = store_default_path();
	is_str(p2, "/x/y.db", "JUBO_DB wins");
	free(p2);
	unsetenv("JUBO_DB");
	setenv("XDG_DATA_HOME", "/xdg", 1);
	p2 = store_default_path();
	is_str(p2, "/xdg/jubo/jubo.db", "XDG_DATA_HOME is used");
	free(p2);
	unsetenv("XDG_DATA_HOME");
	char *saved_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	unsetenv("HOME");
	p2 = store_default_path();
	ok(!p2 || (p2[0] == '/' && strstr(p2, "/.local/share/jubo/jubo.db")),
	   "without HOME, the account's home directory, never the current one: %s",
	   p2 ? p2 : "(none)");
	free(p2);
	setenv("HOME", "/no/such/home", 1);
	p2 = store_default_path();
	ok(p2 == NULL, "a HOME that is not there gives no path (it is not made)");
	free(p2);
	p2 = store_home_problem();
	ok(p2 && strstr(p2, "/no/such/home"), "and the reason names it: %s", p2 ? p2 : "");
	free(p2);
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_home);

	unlink(junk);
	free(junk);
	char *cmd[] = { "a.db", "a.db-wal", "a.db-shm", "old.db", "old.db-wal", "old.db-shm" };
	for (size_t i = 0; i < sizeof cmd / sizeof cmd[0]; i++) {
		char *fp = db_path(cmd[i]);
		unlink(fp);
		free(fp);
	}
	rmdir(dir);
	free(path);
	free(old);
	return tap_done();
}
