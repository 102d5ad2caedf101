/* fuzz_filter.c: the filter language, parsed, compiled to SQL and run against the sample
 * store, the way `jubo list` and the browser's tables run it.
 *
 * Input: the first byte chooses the listing (deals, articles, events, regions), a column to
 * sort by and its direction; the rest is the filter, and after a newline a sort spec and
 * after another the text of a search (/). Promises checked: a rejected filter says where,
 * inside it, and why; an accepted one compiles to SQL that SQLite runs; for deals and
 * articles the browser's keyset paging (forward from the top, backward from the end, a row
 * at a time through windows of five) gives the same rows, in the same order, as one plain
 * SELECT in that order, and its count is theirs.
 *
 * The store is $JUBO_SAMPLE_DB (make check and make fuzz set it), opened read-only, with a
 * reader's state kept in memory. */
#include <unistr.h>

#include "fuzz.h"
#include "listing.h"
#include "listview.h"
#include "query.h"
#include "sqlgen.h"
#include "state.h"
#include "store.h"

static struct store *sample;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *path = getenv("JUBO_SAMPLE_DB");
	char *err = NULL;
	sample = store_open(path && *path ? path : "data/jubo-sample.db", STORE_OPEN_READONLY,
			    &err);
	if (!sample) {
		fprintf(stderr, "fuzz_filter: the sample store: %s (set JUBO_SAMPLE_DB)\n", err);
		exit(2);
	}
	/* The listings show the reader's marks: a state of this run's own, as the browser keeps
	 * when it cannot write one (is:starred and the rest are filters like any other). */
	char *note = NULL;
	if (state_attach(sample, NULL, &note) != 0) {
		fprintf(stderr, "fuzz_filter: the reader's state: %s\n", store_errmsg(sample));
		exit(2);
	}
	free(note);
	return 0;
}

static void check_error(const struct query_error *err, const char *text)
{
	FUZZ_CHECK(err->msg[0] != '\0');
	size_t len = strlen(text);
	size_t chars = u8_check((const uint8_t *)text, len) ? len : u8_mbsnlen((const uint8_t *)text, len);
	FUZZ_CHECK(err->pos <= chars + 1);
}

struct ids {
	long long *v;
	size_t n, cap;
};

static void ids_add(struct ids *ids, long long id)
{
	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 64;
		ids->v = realloc(ids->v, ids->cap * sizeof *ids->v);
		if (!ids->v)
			abort();
	}
	ids->v[ids->n++] = id;
}

static int collect_id(void *ctx, int header, int ncols, const char *const *values)
{
	if (!header)
		ids_add(ctx, values[ncols - 1] ? atoll(values[ncols - 1]) : 0);
	return 0;
}

static int count_row(void *ctx, int header, int ncols, const char *const *values)
{
	(void)ncols;
	(void)values;
	if (!header)
		++*(long long *)ctx;
	return 0;
}

/* The rows of the filter in the order of keys, by one SELECT: their ids into *ids. */
static void plain_select(const struct query *q, const struct sort_key *keys, int nkeys,
			 int with_id, struct ids *ids, long long *rows)
{
	const struct listing *l = listing_get(q->target);
	int columns[LISTING_MAX_COLUMNS];
	int n = 0;
	for (int i = 0; l->columns[i].name && n < LISTING_MAX_COLUMNS - 1; i++)
		columns[n++] = i;
	if (with_id)
		columns[n++] = listing_id_column(l);
	struct sql_stmt st;
	struct query_error err;
	FUZZ_CHECK(sqlgen_select(sample, q, keys, (size_t)nkeys, 0, columns, (size_t)n, &st,
				 &err) == 0);
	int rc = with_id ? store_run(sample, &st, collect_id, ids)
			 : store_run(sample, &st, count_row, rows);
	if (rc != 0)
		fprintf(stderr, "fuzz_filter: %s\n  in %s\n", store_errmsg(sample), st.text);
	FUZZ_CHECK(rc == 0);
	sql_stmt_free(&st);
}

/* The browser's path: windows read by seeking, walked a row at a time both ways. */
static void keyset_walk(enum query_target target, const char *filter, int col, int desc,
			const char *search)
{
	struct listview v;
	struct query_error err;
	listview_init(&v, sample, target);
	if (listview_set_filter(&v, filter, &err) != 0) {
		check_error(&err, filter);
		listview_free(&v);
		return;
	}
	struct sort_key keys[1];
	int nkeys = 0;
	col %= v.ncols;
	if (listview_sort_column(&v, col, desc) == 0)
		keys[nkeys++] = (struct sort_key){ v.columns[col], desc };

	struct ids want = { 0 }, forward = { 0 }, backward = { 0 };
	plain_select(&v.query, keys, nkeys, 1, &want, NULL);
	long long count = listview_count(&v);
	FUZZ_CHECK(count == (long long)want.n);

	const int height = 5;
	listview_layout(&v, 80, height);
	FUZZ_CHECK(listview_home(&v, height) == 0);
	for (size_t guard = 0; listview_cursor_id(&v) && guard <= want.n; guard++) {
		ids_add(&forward, listview_cursor_id(&v));
		long long at = listview_cursor_id(&v);
		FUZZ_CHECK(listview_scroll(&v, 1, 0, height) == 0);
		if (listview_cursor_id(&v) == at)
			break;
	}
	FUZZ_CHECK(listview_end(&v, height) == 0);
	for (size_t guard = 0; listview_cursor_id(&v) && guard <= want.n; guard++) {
		ids_add(&backward, listview_cursor_id(&v));
		long long at = listview_cursor_id(&v);
		FUZZ_CHECK(listview_scroll(&v, -1, 0, height) == 0);
		if (listview_cursor_id(&v) == at)
			break;
	}
	FUZZ_CHECK(forward.n == want.n && backward.n == want.n);
	for (size_t i = 0; i < want.n; i++) {
		FUZZ_CHECK(forward.v[i] == want.v[i]);
		FUZZ_CHECK(backward.v[want.n - 1 - i] == want.v[i]);
	}
	if (*search) {
		FUZZ_CHECK(listview_home(&v, height) == 0);
		int found = listview_find(&v, search, 1, height);
		FUZZ_CHECK(found == 0 || found == 1);
		if (found)
			FUZZ_CHECK(listview_find(&v, search, -1, height) == 1);
	}
	free(want.v);
	free(forward.v);
	free(backward.v);
	listview_free(&v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	static const enum query_target targets[] = { TARGET_DEALS, TARGET_ARTICLES, TARGET_EVENTS,
						     TARGET_REGIONS };
	enum query_target target = targets[data[0] & 3];
	int desc = (data[0] >> 2) & 1;
	int col = data[0] >> 3;
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	char *filter = fuzz_line(&p, end);
	char *sort = fuzz_line(&p, end);
	char *search = fuzz_line(&p, end);

	struct query q;
	struct query_error err;
	if (query_parse(target, filter, strlen(filter), &q, &err) != 0) {
		check_error(&err, filter);
	} else {
		struct sort_key keys[QUERY_MAX_SORT_KEYS];
		int nkeys = *sort ? query_parse_sort(target, sort, keys, QUERY_MAX_SORT_KEYS, &err)
				  : 0;
		if (nkeys < 0) {
			check_error(&err, sort);
		} else {
			long long rows = 0;
			struct query_error gen;
			struct sql_stmt where;
			if (sqlgen_where(sample, &q, &where, NULL, &gen) == 0) {
				sql_stmt_free(&where);
				plain_select(&q, keys, nkeys, 0, NULL, &rows);
			} else {
				check_error(&gen, filter);
			}
		}
		query_free(&q);
		if (target == TARGET_DEALS || target == TARGET_ARTICLES)
			keyset_walk(target, filter, col, desc, search);
	}
	free(filter);
	free(sort);
	free(search);
	return 0;
}
