/* The four panes through their pane_ops, on the sample store and without a terminal: what a
 * key does to each, read from its status line, as the shell would see it. The test plays
 * the shell: it keeps the last message and the prompt asked for. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "pane.h"
#include "state.h"

/* ---- a shell of the test's own ---- */
struct shell {
	char message[256];
	int asked;            /* the last prompt asked for, -1 for none */
	char shown[64];       /* the pane shell_show_filtered asked for */
	char filter[128];
	char proposed[256];   /* the text a prompt was opened with */
	struct issue_scope scope;
};

void shell_say(struct shell *sh, int error, const char *fmt, ...)
{
	va_list ap;
	(void)error;
	va_start(ap, fmt);
	vsnprintf(sh->message, sizeof sh->message, fmt, ap);
	va_end(ap);
}
void shell_ask(struct shell *sh, enum ask_kind ask)
{
	sh->asked = (int)ask;
}
void shell_ask_with(struct shell *sh, enum ask_kind ask, const char *initial)
{
	sh->asked = (int)ask;
	snprintf(sh->proposed, sizeof sh->proposed, "%s", initial);
}
const struct issue_scope *shell_scope(struct shell *sh)
{
	return &sh->scope;
}
void shell_show_filtered(struct shell *sh, const char *pane_name, const char *filter)
{
	snprintf(sh->shown, sizeof sh->shown, "%s", pane_name);
	snprintf(sh->filter, sizeof sh->filter, "%s", filter);
}
void shell_remember_filter(struct shell *sh, const char *filter)
{
	(void)sh;
	(void)filter;
}
void shell_doc_act(struct shell *sh, struct doc *d, enum action_id a, int rows)
{
	(void)sh;
	if (a == ACT_DOWN)
		doc_scroll(d, 1, rows);
}
void shell_doc_answer(struct shell *sh, struct doc *d, enum ask_kind ask, const char *text,
		      int rows)
{
	(void)sh, (void)d, (void)ask, (void)text, (void)rows;
}
void shell_interruptible(struct shell *sh, int on)
{
	(void)sh, (void)on;
}
int shell_interrupted(struct shell *sh)
{
	(void)sh;
	return 0;
}

void shell_marks_changed(struct shell *sh)
{
	(void)sh;
}

unsigned shell_marks_generation(struct shell *sh)
{
	(void)sh;
	return 0;
}

void shell_follow(struct shell *sh, const char *text)
{
	(void)sh;
	(void)text;
}

#define ROWS 20
#define COLS 100

/* The pane's status after syncing it, as the shell would draw it. */
static char *status(struct pane *p)
{
	p->ops->sync(p, ROWS, COLS);
	return p->ops->status(p);
}

static void status_is(struct pane *p, const char *want, const char *what)
{
	char *s = status(p);
	is_str(s, want, "%s", what);
	free(s);
}

static void act(struct pane *p, enum action_id a)
{
	p->ops->act(p, a, ROWS, COLS);
}

static void settle(struct pane *p)
{
	while (p->ops->idle && p->ops->idle(p))
		;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("JUBO_TODAY", "2025-04-01", 1);
	const char *path = getenv("JUBO_SAMPLE_DB");
	char *err = NULL;
	struct store *s = path ? store_open(path, STORE_OPEN_READONLY, &err) : NULL;
	if (!s) {
		printf("1..0 # SKIP the sample store is not available\n");
		free(err);
		return 0;
	}
	/* The reader's state, kept in memory for the test. */
	char *note = NULL;
	if (state_attach(s, NULL, &note) != 0)
		printf("# cannot attach the reader's state\n");
	free(note);
	struct shell sh = { .asked = -1 };

	/* News. */
	struct pane *news = news_new(s, &sh);
	status_is(news, " News  1 of 10", "News: ten articles fit in one read, so they are counted");
	act(news, ACT_BOTTOM);
	status_is(news, " News  10 of 10", "News: G");
	ok(news->ops->where(news) == IN_LIST, "News: keys of a list");
	act(news, ACT_TOP);
	for (int i = 0; i < 5; i++)
		act(news, ACT_DOWN);
	act(news, ACT_OPEN);
	ok(news->ops->where(news) == IN_READER, "News: Enter opens the reader");
	ok(news->ops->links(news) >= 1, "News: the BCI article has links");
	ok(news->ops->act(news, ACT_BACK, ROWS, COLS) == 1, "News: q leaves the reader");
	ok(news->ops->act(news, ACT_BACK, ROWS, COLS) == 0, "News: q in the list is for the shell");
	act(news, ACT_SEARCH);
	is_int(sh.asked, ASK_SEARCH, "News: / asks for a search");
	news->ops->answer(news, ASK_SEARCH, "로봇", ROWS, COLS);
	settle(news);
	status_is(news, " News  10 of 10", "News: / finds the next article that shows the word");
	news->ops->act(news, ACT_NEXT_MATCH, ROWS, COLS);
	settle(news);
	status_is(news, " News  10 of 10", "News: n wraps to the only one");

	/* Deals. */
	struct pane *deals = deals_new(s, &sh);
	settle(deals);
	status_is(deals, " Deals  1 of 27 deals · 849.48 억 위안 (5 approx.)",
		  "Deals: counted, with the total of the amounts in 억 위안 (checked against SQLite's sum)");
	ok(deals->ops->where(deals) == (IN_LIST | IN_DEALS), "Deals: keys of the deals list");
	act(deals, ACT_RIGHT);
	act(deals, ACT_RIGHT);
	act(deals, ACT_SORT_REVERSE);
	status_is(deals, " Deals  1 of 27 deals · 849.48 억 위안 (5 approx.)  sort: amount desc",
		  "Deals: S on the amount column");
	act(deals, ACT_BOTTOM);
	status_is(deals, " Deals  27 of 27 deals · 849.48 억 위안 (5 approx.)  sort: amount desc",
		  "Deals: G on the sort");
	struct query_error qe;
	ok(deals->ops->set_filter(deals, "regoin:x", &qe) != 0 && qe.pos == 1,
	   "Deals: a bad filter is refused with its position");
	ok(deals->ops->set_filter(deals, "region:장쑤", &qe) == 0, "Deals: a filter");
	settle(deals);
	status_is(deals, " Deals  1 of 2 deals · 21.57 억 위안 (1 approx.)  sort: amount desc  "
			  "filter: region:장쑤",
		  "Deals: the filter keeps the sort; the totals are of the rows in view");
	is_str(deals->ops->filter(deals), "region:장쑤", "Deals: the filter as typed");
	act(deals, ACT_SORT_NATURAL);
	for (int i = 0; i < 5; i++)
		act(deals, ACT_LEFT);
	act(deals, ACT_BREAKDOWN);
	status_is(deals, " Breakdown  counting…", "Deals: B shows the breakdown at once");
	settle(deals);
	status_is(deals, " Breakdown  1/2", "Deals: counted once idle (two companies in 장쑤)");
	ok(deals->ops->where(deals) == IN_READER, "Deals: the breakdown moves like a reader");
	ok(deals->ops->key(deals, 0, '\n', ROWS, COLS), "Deals: Enter in the breakdown is taken");
	settle(deals);
	char *st = status(deals);
	ok(strstr(st, "Deals  1 of 1") && strstr(st, "filter: region:장쑤 company:"),
	   "Deals: and filters to the value: %s", st);
	free(st);
	act(deals, ACT_OPEN);
	ok(deals->ops->where(deals) == IN_READER, "Deals: Enter opens the deal in full");
	act(deals, ACT_BACK);
	act(deals, ACT_EXPORT);
	is_int(sh.asked, ASK_EXPORT, "Deals: e asks for a file");
	size_t plen = strlen(sh.proposed);
	ok(plen > 15 && strcmp(sh.proposed + plen - 15, "/jubo-deals.csv") == 0,
	   "Deals: and proposes a name in the current directory: %s", sh.proposed);
	sh.scope = (struct issue_scope){ 418, 418, 1, 418 };
	deals->ops->set_scope(deals, &sh.scope);
	act(deals, ACT_EXPORT);
	plen = strlen(sh.proposed);
	ok(plen > 19 && strcmp(sh.proposed + plen - 19, "/jubo-deals-418.csv") == 0,
	   "Deals: with the issue in view in it: %s", sh.proposed);
	settle(deals);
	status_is(deals, " Deals  1 of 1 deal · 11.57 억 위안  filter: region:장쑤 company:광양홀딩스",
		  "Deals: a scope of one issue keeps the filter");
	sh.scope = (struct issue_scope){ 419, 419, 0, 0 };
	deals->ops->set_scope(deals, &sh.scope);
	settle(deals);
	status_is(deals, " Deals  0 of 0 deals  filter: region:장쑤 company:광양홀딩스",
		  "Deals: an issue the store does not have shows nothing");
	sh.scope = (struct issue_scope){ 0, 0, 1, 418 };
	deals->ops->set_scope(deals, &sh.scope);

	/* Regions. */
	struct pane *regions = regions_pane_new(s, &sh);
	status_is(regions, " Regions  장쑤성 118  (reported)  No. 418 2025-01",
		  "Regions: 장쑤 chosen with its count and the issue");
	act(regions, ACT_COUNTS);
	status_is(regions, " Regions  장쑤성 2  (computed from deals)  No. 418 2025-01",
		  "Regions: c computes");
	act(regions, ACT_OPEN);
	is_str(sh.shown, "Deals", "Regions: Enter shows the Deals pane");
	is_str(sh.filter, "region:장쑤성 issue:418 kind:investment date:2025-01",
	       "Regions: filtered to the deals counted: the province, issue, kind and period");
	ok(regions->ops->act(regions, ACT_BACK, ROWS, COLS) == 0, "Regions: q is for the shell");

	/* Calendar. */
	struct pane *cal = calendar_pane_new(s, &sh, 1);
	status_is(cal, " Calendar  2025-04-02  1 event that day",
		  "Calendar: opens on the next event after today (JUBO_TODAY)");
	act(cal, ACT_NEXT_MONTH);
	status_is(cal, " Calendar  2025-05-02  0 events that day", "Calendar: ] goes a month on");
	ok(cal->ops->set_filter(cal, "city:베이징", &qe) == 0, "Calendar: a filter");
	is_str(cal->ops->filter(cal), "city:베이징", "Calendar: the filter as typed");

	news->ops->free(news);
	deals->ops->free(deals);
	regions->ops->free(regions);
	cal->ops->free(cal);
	store_close(s);
	return tap_done();
}
