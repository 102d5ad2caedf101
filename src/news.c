/* news.c: the News pane: the articles, newest issue's order, with the reader. */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "table.h"

static int open_article(struct table *t, long long id, int cols)
{
	struct article_view a;
	if (store_get_article(t->pane.store, id, &a) <= 0) {
		shell_say(t->pane.shell, 1, _("cannot read the store: %s"),
			  store_errmsg(t->pane.store));
		return -1;
	}
	doc_article(&t->doc, &a, (size_t)cols);
	store_article_free(&a);
	return 0;
}

static void news_free(struct pane *p)
{
	table_free(p);
	free(table_of(p));
}

static const struct pane_ops news_ops = {
	.name = N_("News"),
	.where = table_where,
	.sync = table_sync,
	.draw = table_draw,
	.status = table_status,
	.links = table_links,
	.act = table_act,
	.filter = table_filter,
	.set_filter = table_set_filter,
	.answer = table_answer,
	.set_scope = table_set_scope,
	.relayout = table_relayout,
	.idle = table_idle,
	.free = news_free,
};

struct pane *news_new(struct store *s, struct shell *sh)
{
	struct table *t = xmalloc(sizeof *t);
	table_init(t, &news_ops, s, sh, TARGET_ARTICLES, 0, open_article);
	return &t->pane;
}
