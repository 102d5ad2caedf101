/* The windowed table: it reads a window of rows by seeking, not the table; sorting, filtering,
 * counting and finding on the sample store. Every order is walked row by row, forward from the
 * top and backward from the end, and compared with SQLite's own ORDER BY of the whole listing. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "../tap.h"
#include "listview.h"
#include "sqlgen.h"
#include "text.h"
#include "util.h"

/* The shown column with that name. */
static int column(const struct listview *v, const char *name)
{
	for (int c = 0; c < v->ncols; c++)
		if (strcmp(v->listing->columns[v->columns[c]].name, name) == 0)
			return c;
	return -1;
}

static const char *cursor_value(const struct listview *v, const char *name)
{
	return listview_value(v, v->cursor, column(v, name));
}

struct ids {
	long long id[200];
	int n;
};

static int take_id(void *ctx, int header, int ncols, const char *const *values)
{
	struct ids *ids = ctx;
	(void)ncols;
	if (!header && ids->n < 200)
		ids->id[ids->n++] = atoll(values[0]);
	return 0;
}

/* The ids in the order of the whole listing (no window, no seek). */
static void oracle(struct store *s, const struct listview *v, struct ids *out)
{
	int id = listing_id_column(v->listing);
	struct sql_stmt st;
	struct query_error err;
	out->n = 0;
	if (sqlgen_select(s, &v->query, v->keys, (size_t)v->nkeys, 0, &id, 1, &st, &err) == 0) {
		store_run(s, &st, take_id, out);
		sql_stmt_free(&st);
	}
}

/* Walks the view with j from g and with k from G and compares both with the oracle. */
static void walks_like_oracle(struct store *s, struct listview *v, const char *what, int height)
{
	struct ids want, fwd = { .n = 0 }, back = { .n = 0 };
	oracle(s, v, &want);
	listview_home(v, height);
	for (int i = 0; i < 200; i++) {
		fwd.id[fwd.n++] = listview_cursor_id(v);
		int before = v->cursor;
		long long pos = listview_position(v);
		listview_scroll(v, 1, 0, height);
		if (v->cursor == before && listview_position(v) == pos)
			break;
	}
	listview_end(v, height);
	for (int i = 0; i < 200; i++) {
		back.id[back.n++] = listview_cursor_id(v);
		int before = v->cursor;
		listview_scroll(v, -1, 0, height);
		if (v->cursor == before)
			break;
	}
	int same_fwd = fwd.n == want.n, same_back = back.n == want.n;
	for (int i = 0; i < want.n && same_fwd; i++)
		same_fwd = fwd.id[i] == want.id[i];
	for (int i = 0; i < want.n && same_back; i++)
		same_back = back.id[i] == want.id[want.n - 1 - i];
	ok(same_fwd, "%s: j from the top meets every row in SQLite's order (%d of %d)", what,
	   fwd.n, want.n);
	ok(same_back, "%s: k from the end meets them in reverse (%d of %d)", what, back.n, want.n);
}

static int stop_at_once(void *ctx)
{
	(void)ctx;
	return 1;
}

/* An archive of 40 issues of 10 deals, some without an amount or a region, amounts shared
 * across deals: with a few issues in view their rows are read through them and sorted, not
 * through the sort keys' indexes, and every walk still meets them in SQLite's order. */
static void few_issues_of_many(void)
{
	char dir[] = "/tmp/jubo-test-listview-XXXXXX";
	if (!mkdtemp(dir))
		return;
	char *path = xasprintf("%s/m.db", dir), *err = NULL;
	struct store *m = store_open(path, STORE_OPEN_CREATE, &err);
	if (!ok(m != NULL, "an archive of 40 issues is made: %s", err ? err : "")) {
		free(err);
		free(path);
		return;
	}
	struct place jiangsu, beijing;
	store_find_place(m, "장쑤", &jiangsu);
	store_find_place(m, "베이징", &beijing);
	static const char *const names[] = { "가", "나", "다", "라", "마" };
	store_begin(m);
	for (int n = 0; n < 40; n++) {
		struct issue_row ir = { 500 + n, "t", "p", "2025-03-31", NULL };
		long long issue, id;
		store_add_issue(m, &ir, &issue);
		for (int k = 1; k <= 10; k++) {
			char name[32];
			snprintf(name, sizeof name, "%s%d", names[(n + k) % 5], k % 4);
			struct deal_row d = { .issue_id = issue, .seq = k, .kind = "investment",
					      .scope = "china", .period = "2025-03", .name_ko = name,
					      .province_id = k % 3 == 0 ? 0
							     : k % 3 == 1 ? jiangsu.id
									  : beijing.id };
			if (k % 4)
				d.amount = (struct money){ "억", 1, (double)(k % 5) * 1e8, "CNY",
							   "exact", 0 };
			store_add_deal(m, &d, &id);
		}
	}
	store_convert_amounts(m, 0, 0, NULL, NULL);
	ok(store_commit(m) == 0, "400 deals written");
	struct listview w;
	listview_init(&w, m, TARGET_DEALS);
	ok(listview_set_scope(&w, 520, 520) == 0 && w.few_issues, "one issue of 40 in view is few");
	walks_like_oracle(m, &w, "one issue of 40, natural order", 3);
	listview_sort_column(&w, column(&w, "amount"), 1);
	walks_like_oracle(m, &w, "one issue, amount descending", 3);
	listview_sort_column(&w, column(&w, "amount"), 0);
	walks_like_oracle(m, &w, "one issue, amount ascending", 3);
	listview_sort_column(&w, column(&w, "region"), 1);
	walks_like_oracle(m, &w, "one issue, region descending, then amount", 3);
	ok(listview_set_scope(&w, 510, 513) == 0 && w.few_issues, "four issues of 40 are few");
	walks_like_oracle(m, &w, "four issues, region, then amount", 4);
	struct query_error qe;
	ok(listview_set_filter(&w, "region:장쑤", &qe) == 0, "a region filter in them");
	walks_like_oracle(m, &w, "four issues, region:장쑤, region then amount", 4);
	ok(listview_set_scope(&w, 0, 0) == 0 && !w.few_issues, "every issue in view is not few");
	walks_like_oracle(m, &w, "every issue, region:장쑤, region then amount", 6);
	listview_free(&w);
	store_close(m);
	unlink(path);
	char *side = xasprintf("%s-wal", path);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", path);
	unlink(side);
	free(side);
	rmdir(dir);
	free(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *path = getenv("JUBO_SAMPLE_DB");
	char *err = NULL;
	struct store *s = path ? store_open(path, STORE_OPEN_READONLY, &err) : NULL;
	if (!s) {
		printf("1..0 # SKIP the sample store is not available\n");
		free(err);
		return 0;
	}
	struct listview v;
	listview_init(&v, s, TARGET_DEALS);
	ok(v.ncols >= 6, "the default columns are there (%d)", v.ncols);
	is_int(v.count, -1, "nothing is counted before it is asked for");
	ok(listview_scroll(&v, 0, 0, 5) == 0, "a window is read");
	ok(v.n < 30 && v.n >= 5, "the window holds the rows around the screen, not all (%d)", v.n);
	is_int(v.count, -1, "a window that does not reach the end does not count");
	is_str(cursor_value(&v, "company"), "노텔집적", "the first deal, natural order");
	ok(listview_value(&v, 99, 0) == NULL, "rows outside the window are not there");
	ok(listview_cursor_id(&v) > 0, "each row knows its id");
	is_int(listview_position(&v), 0, "the top is row 0");

	ok(listview_end(&v, 5) == 0, "G reads the last rows");
	ok(v.at_end && !v.at_start, "the window holds the end, not the start");
	is_int(listview_position(&v), -1, "where the end is is not known before a count");
	is_int(listview_count(&v), 27, "counted when asked: 27 deals (three printed twice are one each)");
	is_int(listview_position(&v), 26, "then the last row is row 26");
	ok(listview_scroll(&v, -10, -10, 5) == 0 && listview_position(&v) == 16,
	   "ten up from the end is row 16");
	v.count = -1;
	v.before = -1;
	ok(listview_locate(&v) == 0 && listview_position(&v) == 16,
	   "the position is found again by counting the rows before the window");

	walks_like_oracle(s, &v, "natural order", 5);
	ok(listview_sort_column(&v, column(&v, "amount"), 1) == 0, "sort by amount, descending");
	listview_home(&v, 10);
	is_str(cursor_value(&v, "company"), "Infinite Reality", "30 억 달러 first");
	is_int(listview_column_sort(&v, column(&v, "amount")), 2, "the amount column shows it");
	walks_like_oracle(s, &v, "amount descending (with undisclosed amounts last)", 4);
	listview_sort_column(&v, column(&v, "amount"), 0);
	walks_like_oracle(s, &v, "amount ascending (undisclosed last)", 4);
	listview_sort_column(&v, column(&v, "region"), 0);
	walks_like_oracle(s, &v, "region, then amount (NULLs in both keys)", 3);
	listview_sort_column(&v, column(&v, "round"), 1);
	walks_like_oracle(s, &v, "round descending, then region", 3);
	listview_sort_column(&v, column(&v, "company"), 0);
	char *sort = listview_sort_text(&v);
	is_str(sort, "company, round desc", "a second column keeps the first as tie-breaker");
	free(sort);
	listview_sort_natural(&v);
	ok(v.nkeys == 0, "u goes back to the natural order");

	struct query_error qe;
	ok(listview_set_filter(&v, "region:장쑤", &qe) == 0, "a filter");
	is_int(listview_count(&v), 2, "counted when asked: 2 deals in 장쑤");
	walks_like_oracle(s, &v, "region:장쑤", 5);
	ok(listview_set_filter(&v, "section:x", &qe) != 0, "a field of another pane is refused");
	ok(listview_set_filter(&v, "regoin:x", &qe) != 0 && qe.pos == 1, "a mistake keeps its position");
	is_str(v.filter, "region:장쑤", "and the previous filter stays");
	listview_set_filter(&v, "", &qe);
	ok(v.filter == NULL && listview_count(&v) == 27, "an empty filter shows everything");
	/* The issues in view narrow every filter, and the filter stays. */
	ok(listview_set_scope(&v, 419, 425) == 0 && listview_count(&v) == 0,
	   "a scope of issues the store does not have shows nothing");
	ok(listview_set_filter(&v, "region:장쑤", &qe) == 0 && listview_count(&v) == 0,
	   "a filter keeps the scope");
	ok(listview_set_scope(&v, 418, 418) == 0 && listview_count(&v) == 2 &&
		   strcmp(v.filter, "region:장쑤") == 0,
	   "and the scope keeps the filter");
	listview_set_scope(&v, 0, 0);
	listview_set_filter(&v, "", &qe);
	int issue_col = listing_column_index(v.listing, "issue"), before_cols = v.ncols;
	listview_show_column(&v, issue_col, 1);
	ok(v.ncols == before_cols + 1 && v.columns[0] == issue_col,
	   "the issue column is shown in the listing's place, first");
	listview_show_column(&v, issue_col, 1);
	is_int(v.ncols, before_cols + 1, "shown once");
	listview_show_column(&v, issue_col, 0);
	ok(v.ncols == before_cols && v.columns[0] != issue_col, "and hidden again");
	ok(listview_set_filter(&v, "노텔집", &qe) == 0 && v.count == 1,
	   "one word: the text index tells how many rows there are, nothing to count");
	ok(listview_set_filter(&v, "노텔집 kind:unicorn", &qe) == 0 && v.count == -1 &&
		   listview_count(&v) == 1,
	   "a word with another term is counted");
	ok(listview_set_filter(&v, "-노텔집", &qe) == 0 && v.count == -1 && listview_count(&v) == 26,
	   "and so is a word negated");
	listview_set_filter(&v, "", &qe);

	listview_home(&v, 10);
	is_int(listview_find(&v, "Anthropic", 1, 10), 1, "/ finds a row");
	is_str(cursor_value(&v, "company"), "Anthropic", "on Anthropic");
	is_int(listview_find(&v, "노텔", 1, 10), 1, "finding again wraps around");
	is_str(cursor_value(&v, "company"), "노텔집적", "on 노텔집적");
	is_int(listview_find(&v, "Anthropic", -1, 10), 1, "N finds backward, wrapping");
	is_str(cursor_value(&v, "company"), "Anthropic", "on Anthropic again");
	is_int(listview_find(&v, "없는 회사", 1, 10), 0, "a missing text is not found");
	is_str(cursor_value(&v, "company"), "Anthropic", "and the cursor stays");

	listview_home(&v, 10);
	listview_layout(&v, 80, 10);
	size_t total = 0;
	for (int c = 0; c < v.ncols; c++)
		total += v.widths[c] + (c ? 1 : 0);
	is_int(total, 80, "the columns fill the width exactly");
	listview_layout(&v, 40, 10);
	int shown = 0;
	total = 0;
	for (int c = 0; c < v.ncols; c++)
		if (v.widths[c]) {
			shown++;
			total += v.widths[c] + (shown > 1 ? 1 : 0);
		}
	ok(total <= 40 && shown >= 2, "a narrow screen keeps the columns that fit (%d)", shown);
	/* A count or a search stopped by the progress handler changes nothing. */
	listview_set_filter(&v, "", &qe);
	listview_home(&v, 3);
	store_set_progress(s, 1, stop_at_once, NULL);
	is_int(listview_count(&v), -2, "a stopped count says so");
	is_int(v.count, -1, "and leaves the count unknown");
	is_int(listview_find(&v, "Anthropic", 1, 3), -2, "a stopped search says so");
	is_int(listview_position(&v), 0, "and leaves the cursor where it was");
	store_set_progress(s, 0, NULL, NULL);
	is_int(listview_count(&v), 27, "without the handler the count runs");
	listview_free(&v);

	/* News: articles in the issue's order, and the same walks. */
	listview_init(&v, s, TARGET_ARTICLES);
	walks_like_oracle(s, &v, "articles, natural order", 3);
	listview_sort_column(&v, column(&v, "date"), 1);
	walks_like_oracle(s, &v, "articles by date, descending", 3);
	listview_free(&v);
	store_close(s);
	few_issues_of_many();
	return tap_done();
}
