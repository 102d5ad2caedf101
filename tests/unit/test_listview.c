/* The windowed table: it reads a window of rows, not the table; sorting, filtering, counting
 * and finding on the sample store. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "listview.h"
#include "sqlgen.h"
#include "text.h"

/* The shown column with that name. */
static int column(const struct listview *v, const char *name)
{
	const struct list_column *cols = sqlgen_columns(v->target);
	for (int c = 0; c < v->ncols; c++)
		if (strcmp(cols[v->columns[c]].name, name) == 0)
			return c;
	return -1;
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
	ok(listview_fetch(&v, 0, 10) == 0, "a window is read");
	ok(v.win_n <= 10 + 2 * 20 && v.win_n == 30, "the window holds the rows around the screen (%d)",
	   v.win_n);
	ok(v.at_end && v.count == 30, "reading past the end tells how many rows there are");
	is_str(listview_value(&v, 0, column(&v, "company")), "노텔집적", "the first deal, natural order");
	ok(listview_value(&v, 99, 0) == NULL, "rows outside the window are not there");
	ok(listview_id(&v, 0) > 0, "each row knows its id");

	ok(listview_sort_column(&v, column(&v, "amount"), 1) == 0, "sort by amount, descending");
	listview_fetch(&v, 0, 10);
	is_str(listview_value(&v, 0, column(&v, "company")), "Infinite Reality", "30 억 달러 first");
	is_int(listview_column_sort(&v, column(&v, "amount")), 2, "the amount column shows it");
	listview_sort_column(&v, column(&v, "company"), 0);
	char *sort = listview_sort_text(&v);
	is_str(sort, "company, amount desc", "a second column keeps the first as tie-breaker");
	free(sort);
	listview_sort_natural(&v);
	ok(v.nkeys == 0, "u goes back to the natural order");

	struct query_error qe;
	ok(listview_set_filter(&v, "region:장쑤", &qe) == 0, "a filter");
	is_int(listview_count(&v), 2, "counted when asked: 2 deals in 장쑤");
	ok(listview_set_filter(&v, "section:x", &qe) != 0, "a field of another pane is refused");
	ok(listview_set_filter(&v, "regoin:x", &qe) != 0 && qe.pos == 1, "a mistake keeps its position");
	is_str(v.filter, "region:장쑤", "and the previous filter stays");
	listview_set_filter(&v, "", &qe);
	ok(v.filter == NULL && listview_count(&v) == 30, "an empty filter shows everything");

	ok(listview_find(&v, "Anthropic", 1, 10), "/ finds a row");
	listview_fetch(&v, v.cursor, 1);
	is_str(listview_value(&v, v.cursor, column(&v, "company")), "Anthropic", "on Anthropic");
	ok(listview_find(&v, "노텔", 1, 10), "finding again wraps around");
	ok(!listview_find(&v, "없는 회사", 1, 10), "a missing text is not found");

	listview_fetch(&v, 0, 10);
	listview_layout(&v, 80);
	size_t total = 0;
	for (int c = 0; c < v.ncols; c++)
		total += v.widths[c] + (c ? 1 : 0);
	is_int(total, 80, "the columns fill the width exactly");
	listview_layout(&v, 40);
	int shown = 0;
	total = 0;
	for (int c = 0; c < v.ncols; c++)
		if (v.widths[c]) {
			shown++;
			total += v.widths[c] + (shown > 1 ? 1 : 0);
		}
	ok(total <= 40 && shown >= 2, "a narrow screen keeps the columns that fit (%d)", shown);
	listview_free(&v);
	store_close(s);
	return tap_done();
}
