/* The filter language: parsing, errors with positions, the SQL it becomes (values only as
 * bound parameters), attack strings, and results on the sample store. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "query.h"
#include "sqlgen.h"
#include "store.h"
#include "util.h"

static void parses(enum query_target t, const char *text, size_t terms)
{
	struct query q;
	struct query_error err;
	int rc = query_parse(t, text, strlen(text), &q, &err);
	if (!ok(rc == 0, "'%s' parses", text))
		printf("#   error at %zu: %s\n", err.pos, err.msg);
	else
		is_int(q.count, terms, "'%s' has %zu terms", text, terms);
	query_free(&q);
}

static void fails(enum query_target t, const char *text, size_t len, size_t pos,
		  const char *fragment)
{
	struct query q;
	struct query_error err;
	int rc = query_parse(t, text, len, &q, &err);
	ok(rc != 0, "'%.40s' is refused", text);
	is_int(err.pos, pos, "'%.40s' fails at character %zu (%s)", text, pos, err.msg);
	ok(strstr(err.msg, fragment) != NULL, "the message says '%s': %s", fragment, err.msg);
	query_free(&q);
}

/* Runs a filter on the store and counts the rows. -1 when it does not run. */
static struct store *sample;

static int count_cb(void *ctx, int header, int n, const char *const *v)
{
	(void)n;
	(void)v;
	if (!header)
		++*(int *)ctx;
	return 0;
}

static int rows(enum query_target t, const char *filter)
{
	struct query q;
	struct query_error err;
	if (query_parse(t, filter, strlen(filter), &q, &err) != 0)
		return -1;
	int col = 0, n = 0;
	struct sql_stmt st;
	int rc = sqlgen_select(sample, &q, NULL, 0, 0, &col, 1, &st, &err);
	query_free(&q);
	if (rc != 0)
		return -2;
	rc = store_run(sample, &st, count_cb, &n);
	sql_stmt_free(&st);
	return rc == 0 ? n : -3;
}

static void finds(enum query_target t, const char *filter, int want)
{
	is_int(rows(t, filter), want, "'%s' finds %d", filter, want);
}

/* The SQL of a filter, and whether a string appears among its bound values. */
static void sql_of(const char *filter, const char *must_not_appear, const char *bound)
{
	struct query q;
	struct query_error err;
	if (!ok(query_parse(TARGET_DEALS, filter, strlen(filter), &q, &err) == 0, "'%s' parses",
		filter))
		return;
	int col = 3;
	struct sql_stmt st;
	if (!ok(sqlgen_select(sample, &q, NULL, 0, 0, &col, 1, &st, &err) == 0,
		"'%s' compiles",
		filter)) {
		query_free(&q);
		return;
	}
	ok(strstr(st.text, must_not_appear) == NULL, "'%s' does not reach the SQL text", filter);
	int found = bound == NULL;
	for (size_t i = 0; i < st.nbinds && bound; i++)
		if (st.binds[i].type == BIND_TEXT && strcmp(st.binds[i].text, bound) == 0)
			found = 1;
	if (bound)
		ok(found, "it travels as the bound value '%s'", bound);
	sql_stmt_free(&st);
	query_free(&q);
}

/* amount<1억달러 compares strictly, in yuan at the store's latest dollar rate. */
static void amount_sql(void)
{
	struct query q;
	struct query_error err;
	const char *filter = "amount<1억달러";
	struct sql_stmt where;
	if (query_parse(TARGET_DEALS, filter, strlen(filter), &q, &err) != 0 ||
	    !ok(sqlgen_where(sample, &q, &where, NULL, &err) == 0, "'%s' compiles", filter))
		return;
	ok(strstr(where.text, "d.amount_cny < ?") != NULL, "'<' stays '<': %s", where.text);
	double rate = 0;
	store_latest_rate(sample, "USD", &rate);
	ok(where.nbinds == 1 && where.binds[0].type == BIND_REAL &&
		   tap_close(where.binds[0].d, 1e8 * rate),
	   "the bound value is 1억 dollars in yuan (%.0f)", 1e8 * rate);
	sql_stmt_free(&where);
	query_free(&q);
}

/* The span of issues a filter (and a scope) keeps: "from-to", or "none". */
static void span_is(const char *filter, int scope_from, int scope_to, const char *want)
{
	struct query q;
	struct query_error err;
	if (query_parse(TARGET_DEALS, filter, strlen(filter), &q, &err) != 0) {
		ok(0, "'%s' parses", filter);
		return;
	}
	query_add_issue_scope(&q, scope_from, scope_to);
	long long from = 0, to = 0;
	char got[64] = "none";
	if (query_issue_span(&q, &from, &to))
		snprintf(got, sizeof got, "%lld-%lld", from, to);
	is_str(got, want, "issues kept by '%s' in scope %d-%d", filter, scope_from, scope_to);
	query_free(&q);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	span_is("", 0, 0, "none");
	span_is("issue:418", 0, 0, "418-418");
	span_is("", 410, 418, "410-418");
	span_is("issue:400..415 region:장쑤", 410, 430, "410-415");
	span_is("-issue:418", 0, 0, "none");
	span_is("issue>=400", 0, 0, "none");
	parses(TARGET_DEALS, "", 0);
	parses(TARGET_DEALS, "로봇", 1);
	parses(TARGET_DEALS, "region:장쑤 sector:인공지능 round:A", 3);
	parses(TARGET_DEALS, "-kind:ma \"스마트 제조\" amount>=10억", 3);
	/* The currency after a space belongs to the amount before it. */
	parses(TARGET_DEALS, "amount<1억달러 valuation>=10억 달러", 2);
	parses(TARGET_DEALS, "date:2025-01 issue:410..418 date:2025-01-01..2025-03-31", 3);
	parses(TARGET_DEALS, "지역:장쑤 투자자:\"워버그 핀커스\"", 2);
	parses(TARGET_DEALS, "10:30 https://example.com a-b - -- ' OR 1=1 --", 9);
	parses(TARGET_DEALS, "amount:미공개", 1);
	parses(TARGET_ARTICLES, "section:산업분석 title:뇌 body:칩 source:신화망", 4);
	parses(TARGET_EVENTS, "field:생물의학 city:상하이 date:2025-04", 3);
	parses(TARGET_REGIONS, "level:city issue:418", 2);

	/* Mistakes, with the character where they are. */
	fails(TARGET_DEALS, "로봇 regoin:장쑤", strlen("로봇 regoin:장쑤"), 4, "unknown field 'regoin'");
	fails(TARGET_DEALS, "amount>=열억", strlen("amount>=열억"), 9, "expected an amount");
	fails(TARGET_DEALS, "date:2025-13", 12, 6, "expected a date");
	fails(TARGET_DEALS, "date:2025-04..x", 15, 6, "expected a date");
	fails(TARGET_DEALS, "칩 \"unclosed", strlen("칩 \"unclosed"), 3, "never closed");
	fails(TARGET_DEALS, "region:", 7, 8, "expected a value");
	fails(TARGET_DEALS, "kind:loan", 9, 6, "expected a kind");
	fails(TARGET_DEALS, "issue:abc", 9, 7, "expected an issue number");
	fails(TARGET_DEALS, "sector>3", 8, 1, "cannot be compared");
	fails(TARGET_DEALS, "ab\0cd", 5, 3, "NUL");
	fails(TARGET_DEALS, "ab\xFF", 3, 3, "UTF-8");
	fails(TARGET_ARTICLES, "amount>=1억", strlen("amount>=1억"), 1, "unknown field");
	char *longf = xmalloc(QUERY_MAX_BYTES + 2);
	memset(longf, 'a', QUERY_MAX_BYTES + 1);
	longf[QUERY_MAX_BYTES + 1] = '\0';
	fails(TARGET_DEALS, longf, QUERY_MAX_BYTES + 1, 0, "too long");
	free(longf);
	struct buf many = { 0 };
	for (int i = 0; i < QUERY_MAX_TERMS + 1; i++)
		buf_adds(&many, "x ");
	fails(TARGET_DEALS, many.data, many.len, QUERY_MAX_TERMS * 2 + 1, "too many terms");
	buf_free(&many);

	/* Sort keys. */
	struct sort_key keys[QUERY_MAX_SORT_KEYS];
	struct query_error err;
	is_int(query_parse_sort(TARGET_DEALS, "amount,-company", keys, 8, &err), 2, "two sort keys");
	ok(!keys[0].descending && keys[1].descending, "-company descends");
	is_int(query_parse_sort(TARGET_DEALS, "amount:desc", keys, 8, &err), 1, "key:desc");
	ok(keys[0].descending, "amount:desc descends");
	is_int(query_parse_sort(TARGET_DEALS, "amount,colour", keys, 8, &err), -1, "unknown key");
	is_int(err.pos, 8, "the unknown key's position");
	ok(strstr(err.msg, "colour") != NULL, "and its name: %s", err.msg);

	const char *path = getenv("JUBO_SAMPLE_DB");
	char *e = NULL;
	sample = path ? store_open(path, STORE_OPEN_READONLY, &e) : NULL;
	if (!sample) {
		printf("# the sample store is not available (%s): results not checked\n",
		       e ? e : "JUBO_SAMPLE_DB unset");
		free(e);
		return tap_done();
	}
	/* Attack strings match literally or not at all; they never reach the SQL text. */
	/* (A word of three characters or more goes to the text index through a table of its
	 * matches: only its absence from the SQL is checked here.) */
	sql_of("' OR 1=1 --", "1=1", NULL);
	sql_of("' OR 1=1 --", "LIKE '", "%'%");
	sql_of("company:\"x'); DROP TABLE deal; --\"", "DROP", "%x'); DROP TABLE deal; --%");
	sql_of("%", "'%'", "%\\%%");
	sql_of("_", "'_'", "%\\_%");
	sql_of("\\", "LIKE '", "%\\\\%");
	finds(TARGET_DEALS, "' OR 1=1 --", 0);
	finds(TARGET_DEALS, "%", 0);
	finds(TARGET_DEALS, "_", 0);
	finds(TARGET_DEALS, "\\", 0);
	finds(TARGET_DEALS, "company:\"x'); DROP TABLE deal; --\"", 0);
	finds(TARGET_DEALS, "", 27);

	/* Fields on the sample. */
	finds(TARGET_DEALS, "kind:unicorn", 6);
	finds(TARGET_DEALS, "kind:유니콘 scope:해외", 4);
	finds(TARGET_DEALS, "-kind:ma", 22);
	/* A round printed among the big deals and the new unicorns is one deal with both tags. */
	finds(TARGET_DEALS, "kind:investment", 22);
	finds(TARGET_DEALS, "kind:big", 19);
	finds(TARGET_DEALS, "kind:big kind:unicorn", 3);
	finds(TARGET_DEALS, "kind:unicorn -kind:big", 3);
	finds(TARGET_DEALS, "kind:ma", 5);
	finds(TARGET_DEALS, "region:장쑤", 2);
	finds(TARGET_DEALS, "region:江苏", 2);
	finds(TARGET_DEALS, "region:Jiangsu", 2);
	finds(TARGET_DEALS, "region:네이멍구", 1);
	finds(TARGET_DEALS, "country:미국", 11);
	finds(TARGET_DEALS, "country:중국", 14);
	finds(TARGET_DEALS, "round:A", 7);
	finds(TARGET_DEALS, "amount>=10억", 17);
	finds(TARGET_DEALS, "amount>=10억 scope:china", 6);
	finds(TARGET_DEALS, "amount<1억달러", 6);
	/* Three deals of exactly 10 억 위안 sit on the boundary of every comparison. */
	finds(TARGET_DEALS, "amount<10억", 10);
	finds(TARGET_DEALS, "amount<=10억", 13);
	finds(TARGET_DEALS, "amount>10억", 14);
	finds(TARGET_DEALS, "amount=10억", 3);
	finds(TARGET_DEALS, "amount!=10억", 24);
	/* A negated test keeps the rows it cannot judge: 21 deals have no valuation. */
	finds(TARGET_DEALS, "-valuation>=100억", 25);
	finds(TARGET_DEALS, "-valuation<100억", 23);
	finds(TARGET_DEALS, "-amount:미공개", 27);
	finds(TARGET_DEALS, "amount>=30억달러", 1);
	finds(TARGET_DEALS, "valuation>=100억", 2);
	finds(TARGET_DEALS, "investor:\"ARCH Venture\"", 2);
	finds(TARGET_DEALS, "investor:푸동", 3);
	finds(TARGET_DEALS, "acquirer:중궈선화", 1);
	finds(TARGET_DEALS, "sector:\"의료 건강\"", 8);
	finds(TARGET_DEALS, "노텔집적", 1);
	/* Three characters or more go through the text index, fewer compare the columns; both
	 * find substrings, Latin letters in any case, and the kind. */
	finds(TARGET_DEALS, "노텔집", 1);
	finds(TARGET_DEALS, "텔집", 1);
	finds(TARGET_DEALS, "arch venture", 2);
	finds(TARGET_DEALS, "rch Ve", 2);
	finds(TARGET_DEALS, "unicorn", 6);
	finds(TARGET_DEALS, "-unicorn", 21);
	finds(TARGET_DEALS, "\"A 라운드\"", 7);
	finds(TARGET_DEALS, "장쑤성", 2);
	finds(TARGET_DEALS, "北电", 1);
	finds(TARGET_DEALS, "issue:418 date:2025-01", 27);
	finds(TARGET_DEALS, "issue:419", 0);
	/* Typed or pasted as people do: decomposed Hangul, full-width digits, the newsletter's
	 * space between a number and its unit. */
	finds(TARGET_DEALS, "region:\xe1\x84\x8c\xe1\x85\xa1\xe1\x86\xbc\xe1\x84\x8a\xe1\x85\xae", 2);
	finds(TARGET_DEALS, "date:２０２５-０１", 27);
	finds(TARGET_DEALS, "ｒｅｇｉｏｎ：장쑤", 2);
	finds(TARGET_DEALS, "amount>=10 억", 17);
	finds(TARGET_DEALS, "amount>=10 억 위안", 17);
	finds(TARGET_DEALS, "amount>=1 억 달러 scope:overseas", 11);
	finds(TARGET_DEALS, "amount>=1 억 달러 이상", 21);
	finds(TARGET_DEALS, "date:2025-02", 0);
	finds(TARGET_DEALS, "amount:미공개", 0);
	/* Articles: one- and two-character Korean and Chinese words. */
	finds(TARGET_ARTICLES, "칩", 4);
	finds(TARGET_ARTICLES, "로봇", 4);
	finds(TARGET_ARTICLES, "北京", 1);
	finds(TARGET_ARTICLES, "베이징", 5);
	finds(TARGET_ARTICLES, "中", 4);
	finds(TARGET_ARTICLES, "title:中", 3);
	finds(TARGET_ARTICLES, "section:뉴스", 5);
	finds(TARGET_ARTICLES, "section:news -title:中", 3);
	finds(TARGET_ARTICLES, "source:신화망", 1);
	finds(TARGET_ARTICLES, "\"뇌-기계 인터페이스\"", 2);
	finds(TARGET_ARTICLES, "date:2025-03-27", 3);
	is_int(rows(TARGET_ARTICLES, "section:gossip"), -2, "an unknown section is an error");
	/* Events. */
	finds(TARGET_EVENTS, "field:생물의학", 4);
	finds(TARGET_EVENTS, "city:베이징", 5);
	finds(TARGET_EVENTS, "date:2025-04-19", 3);
	finds(TARGET_EVENTS, "date:2025-04-26..2025-04-29", 5);
	finds(TARGET_EVENTS, "date>2025-04-27", 2);
	/* Regions. */
	finds(TARGET_REGIONS, "level:region", 8);
	finds(TARGET_REGIONS, "장쑤", 1);
	amount_sql();
	store_close(sample);
	return tap_done();
}
