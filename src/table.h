/* table.h: what the News and Deals panes share: a windowed table (listview.h) with sort,
 * filter and search, and a document for the opened row. news.c and deals.c fill their
 * pane_ops with these functions and add what is theirs (deals.c: the breakdown, export and
 * a deal's detail). */
#ifndef JUBO_TABLE_H
#define JUBO_TABLE_H

#include "listview.h"
#include "pane.h"

struct table {
	struct pane pane;
	struct listview list;
	unsigned where;        /* IN_* the list adds to IN_LIST (IN_DEALS) */
	int reading;           /* the opened row's document is shown */
	struct doc doc;
	long long opened;      /* the row the document shows */
	/* Lays the row with this id out in doc for a width; 0, or -1 after saying why. */
	int (*open)(struct table *t, long long id, int cols);
};

void table_init(struct table *t, const struct pane_ops *ops, struct store *s,
		struct shell *sh, enum query_target target, unsigned where,
		int (*open)(struct table *t, long long id, int cols));
struct table *table_of(struct pane *p);
/* Rows of the list: the body without its header line. */
int table_list_rows(int body_rows);

unsigned table_where(struct pane *p);
void table_sync(struct pane *p, int rows, int cols);
void table_draw(struct pane *p, WINDOW *w, int rows, int cols);
char *table_status(struct pane *p);
/* The same, with extra text right after the row count (the Deals totals: " deals · ..."). */
char *table_status_with(struct pane *p, const char *extra);
size_t table_links(struct pane *p);
int table_act(struct pane *p, enum action_id a, int rows, int cols);
const char *table_filter(struct pane *p);
int table_set_filter(struct pane *p, const char *text, struct query_error *err);
void table_answer(struct pane *p, enum ask_kind ask, const char *text, int rows, int cols);
void table_set_scope(struct pane *p, const struct issue_scope *scope);
void table_relayout(struct pane *p, int rows, int cols);
int table_idle(struct pane *p);
void table_free(struct pane *p);

#endif
