/* calendar.c: the Calendar pane. */
#include "config.h"

#include "calendar.h"

#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ics.h"
#include "pane.h"
#include "sqlgen.h"
#include "state.h"
#include "ui.h"
#include "util.h"

int calendar_locale_week_start(void)
{
#ifdef __GLIBC__
	/* _NL_TIME_FIRST_WEEKDAY is an enum constant, not a macro: #ifdef cannot see it.
	 * glibc: 1 is the first day of _NL_TIME_WEEK_1STDAY (a Sunday in every locale), so 1 is
	 * Sunday and 2 Monday. */
	const char *first = nl_langinfo(_NL_TIME_FIRST_WEEKDAY);
	if (first && (first[0] == 1 || first[0] == 2))
		return first[0] == 2;
#endif
	return 0;
}

void calendar_init(struct calendar *c, struct store *s, int week_start)
{
	memset(c, 0, sizeof *c);
	c->store = s;
	c->week_start = week_start >= 0 ? week_start : calendar_locale_week_start();
	c->cursor = date_today();
	c->cursor.day = 1;
}

static void free_events(struct calendar *c)
{
	for (size_t i = 0; i < c->count; i++) {
		free(c->events[i].start);
		free(c->events[i].end);
		free(c->events[i].name);
		free(c->events[i].city);
		free(c->events[i].field);
	}
	free(c->events);
	c->events = NULL;
	c->count = 0;
	c->loaded = 0;
}

void calendar_free(struct calendar *c)
{
	free_events(c);
	free(c->filter);
}

struct reading {
	struct calendar *c;
	long long limit;
};

static int add_event(void *ctx, int header, int ncols, const char *const *v)
{
	struct reading *r = ctx;
	struct calendar *c = r->c;
	(void)ncols;
	if (header)
		return 0;
	if ((long long)c->count >= r->limit)
		return 1;
	c->events = xrealloc(c->events, (c->count + 1) * sizeof *c->events);
	c->events[c->count++] = (struct cal_event){
		xstrdup(v[0] ? v[0] : ""), xstrdup(v[1] ? v[1] : ""), xstrdup(v[2] ? v[2] : ""),
		xstrdup(v[3] ? v[3] : ""), xstrdup(v[4] ? v[4] : ""), v[5] ? atoi(v[5]) : 0,
		v[6] ? atoll(v[6]) : 0, v[7] && strchr(v[7], '*') != NULL,
		v[7] && strchr(v[7], '+') != NULL
	};
	return 0;
}

/* The user's filter with more terms ("date:2025-04"), parsed. 0 or -1. */
static int filter_query(const struct calendar *c, const char *extra, struct query *q)
{
	char *filter = xasprintf("%s %s", c->filter ? c->filter : "", extra);
	struct query_error err;
	int rc = query_parse(TARGET_EVENTS, filter, strlen(filter), q, &err);
	free(filter);
	return rc;
}

/* The filter term for the shown month. */
static void month_term(const struct calendar *c, char out[32])
{
	snprintf(out, 32, "date:%04u-%02u", (unsigned)c->cursor.year % 10000u,
		 (unsigned)c->cursor.month % 100u);
}

/* Reads events matching the filter and the extra terms, in start order, up to limit. */
static int read_events(struct calendar *c, const char *extra, int sort_desc, long long limit)
{
	struct query q;
	struct query_error err;
	int rc;
	if (filter_query(c, extra, &q) != 0)
		return -1;
	const struct listing *l = listing_get(TARGET_EVENTS);
	const char *want[] = { "start", "end", "name", "city", "field", "issue", "id", "state" };
	int idx[8];
	for (int w = 0; w < 8; w++)
		idx[w] = listing_column_index(l, want[w]);
	struct sort_key key = { idx[0], sort_desc };
	struct sql_stmt st;
	rc = sqlgen_select(c->store, &q, &key, 1, 0, idx, 8, &st, &err);
	query_free(&q);
	if (rc != 0)
		return -1;
	struct reading r = { c, limit };
	rc = store_run(c->store, &st, add_event, &r);
	sql_stmt_free(&st);
	return rc;
}

static void load_month(struct calendar *c)
{
	if (c->loaded && c->loaded_year == c->cursor.year && c->loaded_month == c->cursor.month)
		return;
	free_events(c);
	char range[32];
	month_term(c, range);
	read_events(c, range, 0, 2000);
	c->loaded = 1;
	c->loaded_year = c->cursor.year;
	c->loaded_month = c->cursor.month;
	c->list_top = 0;
}

/* Opens on the month of the next event after today, or of the latest event if none is
 * ahead. */
static void choose_first_month(struct calendar *c)
{
	struct date today = date_today();
	char ahead[32];
	snprintf(ahead, sizeof ahead, "date>=%04u-%02u-%02u", (unsigned)today.year % 10000u,
		 (unsigned)today.month % 100u, (unsigned)today.day % 100u);
	free_events(c);
	read_events(c, ahead, 0, 1);
	if (!c->count)
		read_events(c, "", 1, 1);
	struct date d;
	if (c->count && date_parse(c->events[0].start, &d) == 0)
		c->cursor = d;
	else
		c->cursor = today;
	free_events(c);
}

int calendar_set_filter(struct calendar *c, const char *filter, struct query_error *err)
{
	struct query q;
	if (query_parse(TARGET_EVENTS, filter, strlen(filter), &q, err) != 0)
		return -1;
	query_free(&q);
	free(c->filter);
	c->filter = *filter ? xstrdup(filter) : NULL;
	free_events(c);
	return 0;
}

void calendar_act(struct calendar *c, enum action_id a)
{
	/* Moves by days or months. */
	static const struct {
		enum action_id action;
		int days, months;
	} moves[] = {
		{ ACT_LEFT, -1, 0 },	     { ACT_RIGHT, 1, 0 },       { ACT_UP, -7, 0 },
		{ ACT_DOWN, 7, 0 },	     { ACT_PREV_MONTH, 0, -1 }, { ACT_PAGE_UP, 0, -1 },
		{ ACT_NEXT_MONTH, 0, 1 },   { ACT_PAGE_DOWN, 0, 1 },   { ACT_PREV_YEAR, 0, -12 },
		{ ACT_NEXT_YEAR, 0, 12 },
	};
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		if (moves[i].action != a)
			continue;
		c->cursor = moves[i].days ? date_add_days(c->cursor, moves[i].days)
					  : date_add_months(c->cursor, moves[i].months);
		return;
	}
	switch (a) {
	case ACT_TODAY:
		c->cursor = date_today();
		break;
	case ACT_TOP:
		c->cursor.day = 1;
		break;
	case ACT_BOTTOM:
		c->cursor.day = date_days_in_month(c->cursor.year, c->cursor.month);
		break;
	case ACT_WEEK_START:
		c->week_start = !c->week_start;
		break;
	default:
		break;
	}
}

/* Events covering a day. */
static int covers(const struct cal_event *e, const char *iso)
{
	return strcmp(e->start, iso) <= 0 && strcmp(e->end, iso) >= 0;
}

static void iso(struct date d, char out[11])
{
	date_format(d, out);
}

/* A weekday's short name from the locale (UTF-8 locales), or English. */
static const char *weekday_name(int wd)
{
	static const char *const english[] = { "Su", "Mo", "Tu", "We", "Th", "Fr", "Sa" };
	if (!ui_utf8())
		return english[wd];
	const char *n = nl_langinfo((nl_item)(ABDAY_1 + wd));
	return n && *n ? n : english[wd];
}

void calendar_sync(struct calendar *c)
{
	if (!c->opened) {
		choose_first_month(c);
		c->opened = 1;
	}
	load_month(c);
}

void calendar_draw(struct calendar *c, WINDOW *w, int rows, int cols)
{
	int y0 = 0;
	/* Cells: a day number (2), a mark (1) and a gap (1); wider when weekday names are. */
	/* Weekday names take two cells, as in cal(1): "Su", "일", "日". */
	size_t name_w = 2;
	int cell = (int)name_w + 2;
	int grid_w = cell * 7;
	int beside = cols >= grid_w + 32;
	char title[64];
	snprintf(title, sizeof title, "%04u-%02u", (unsigned)c->cursor.year % 10000u,
		 (unsigned)c->cursor.month % 100u);
	const char *month_name = ui_utf8() ? nl_langinfo((nl_item)(MON_1 + c->cursor.month - 1)) : "";
	char *head = xasprintf("%s %s", title, month_name ? month_name : "");
	ui_put(w, y0, 0, head, (size_t)grid_w, ALIGN_LEFT, ROLE_HEADING);
	free(head);
	for (int i = 0; i < 7; i++) {
		int wd = (i + c->week_start) % 7;
		char *name = text_fit_pad(weekday_name(wd), name_w, ALIGN_RIGHT, NULL);
		ui_put(w, y0 + 1, i * cell, name, (size_t)cell, ALIGN_LEFT, ROLE_HEADER);
		free(name);
	}
	struct date first = { c->cursor.year, c->cursor.month, 1 };
	int offset = (date_weekday(first) - c->week_start + 7) % 7;
	int days = date_days_in_month(first.year, first.month);
	struct date today = date_today();
	for (int day = 1; day <= days; day++) {
		int slot = offset + day - 1;
		int y = y0 + 2 + slot / 7, x = (slot % 7) * cell;
		if (y >= y0 + rows)
			break;
		struct date d = { first.year, first.month, day };
		char when[11];
		iso(d, when);
		int events = 0;
		for (size_t i = 0; i < c->count; i++)
			events += covers(&c->events[i], when);
		char text[16];
		snprintf(text, sizeof text, "%2d%s", day, events ? "*" : " ");
		enum ui_role role = day == c->cursor.day        ? ROLE_SELECTED
				    : date_compare(d, today) == 0 ? ROLE_MATCH
				    : events                      ? ROLE_HEADING
								  : ROLE_NORMAL;
		ui_put(w, y, x, text, 3, ALIGN_LEFT, role);
	}
	int legend_y = y0 + 2 + 6;
	if (legend_y < y0 + rows) {
		const char *events_note = _("* events");
		const char *today_note = _("today");
		size_t w1 = text_strwidth(events_note), w2 = text_strwidth(today_note);
		ui_put(w, legend_y, 0, events_note, w1, ALIGN_LEFT, ROLE_DIM);
		if ((int)(w1 + 2 + w2) <= grid_w)
			ui_put(w, legend_y, (int)w1 + 2, today_note, w2, ALIGN_LEFT, ROLE_MATCH);
	}
	/* The month's events, beside the grid or below it. */
	int lx = beside ? grid_w + 2 : 0;
	int ly = beside ? y0 : legend_y + 1;
	int lw = beside ? cols - lx : cols;
	int lrows = y0 + rows - ly;
	if (lrows < 2 || lw < 10)
		return;
	char *list_head = xasprintf(ngettext("%s: %zu event", "%s: %zu events", c->count), title,
				    c->count);
	ui_put(w, ly, lx, list_head, (size_t)lw, ALIGN_LEFT, ROLE_HEADING);
	free(list_head);
	char cur[11];
	iso(c->cursor, cur);
	/* Keep the chosen day's first event in view, and the list as full as it can be (after a
	 * resize to more rows, the events before it come back into view). */
	size_t list_rows = (size_t)(lrows - 1);
	for (size_t i = 0; i < c->count; i++)
		if (covers(&c->events[i], cur)) {
			if (i < c->list_top)
				c->list_top = i;
			else if (i >= c->list_top + list_rows)
				c->list_top = i - list_rows + 1;
			break;
		}
	if (c->list_top + list_rows > c->count)
		c->list_top = c->count > list_rows ? c->count - list_rows : 0;
	/* The columns that fit in lw: the dates always, then the name (at least 10 cells), the
	 * city and the field while there is room for them. */
	size_t date_w = 11, city_w = 8, field_w = 8, fixed = 2 + date_w + 1;
	int with_city = (size_t)lw >= fixed + 10 + 1 + city_w;
	int with_field = (size_t)lw >= fixed + 10 + 1 + city_w + 1 + field_w;
	size_t used = fixed + (with_city ? 1 + city_w : 0) + (with_field ? 1 + field_w : 0);
	size_t name_w2 = (size_t)lw > used ? (size_t)lw - used : 1;
	for (int r = 1; r < lrows; r++) {
		size_t i = c->list_top + (size_t)(r - 1);
		if (i >= c->count)
			break;
		const struct cal_event *e = &c->events[i];
		int on_day = covers(e, cur);
		char dates[32];
		if (strcmp(e->start, e->end) == 0)
			snprintf(dates, sizeof dates, "%.5s", e->start + 5);
		else
			snprintf(dates, sizeof dates, "%.5s~%.5s", e->start + 5, e->end + 5);
		enum ui_role role = on_day ? ROLE_SELECTED : ROLE_NORMAL;
		int x = lx;
		ui_put(w, ly + r, x, on_day ? ">" : " ", 1, ALIGN_LEFT, role);
		/* The reader's marks: * starred (with or without a note), + a note. */
		ui_put(w, ly + r, x + 1, e->starred ? "*" : e->noted ? "+" : " ", 1, ALIGN_LEFT, role);
		ui_put(w, ly + r, x + 2, dates, date_w, ALIGN_LEFT, role);
		x += 2 + (int)date_w + 1;
		ui_put(w, ly + r, x, e->name, name_w2, ALIGN_LEFT, role);
		x += (int)name_w2 + 1;
		if (with_city)
			ui_put(w, ly + r, x, e->city, city_w, ALIGN_LEFT, role);
		x += (int)city_w + 1;
		if (with_field)
			ui_put(w, ly + r, x, e->field, field_w, ALIGN_LEFT, role);
	}
}

char *calendar_status(struct calendar *c)
{
	char day[11];
	date_format(c->cursor, day);
	size_t on = 0;
	for (size_t i = 0; i < c->count; i++)
		on += covers(&c->events[i], day);
	struct buf b = { 0 };
	buf_printf(&b, " %s  %s  ", _("Calendar"), day);
	buf_printf(&b, ngettext("%zu event that day", "%zu events that day", on), on);
	if (c->filter)
		buf_printf(&b, "  %s: %s", _("filter"), c->filter);
	return buf_take(&b);
}

size_t calendar_day_doc(struct calendar *c, struct doc *d, size_t width)
{
	load_month(c);
	char day[11];
	date_format(c->cursor, day);
	doc_free(d);
	doc_init(d, day);
	d->width = width;
	size_t n = 0;
	for (size_t i = 0; i < c->count; i++) {
		const struct cal_event *e = &c->events[i];
		if (!covers(e, day))
			continue;
		if (n++)
			doc_add(d, "", ROLE_NORMAL);
		doc_add_wrapped(d, e->name, 0, NULL, ROLE_HEADING);
		char *line = xasprintf("%s ~ %s", e->start, e->end);
		doc_add_wrapped(d, line, 10, _("dates"), ROLE_NORMAL);
		free(line);
		if (*e->city)
			doc_add_wrapped(d, e->city, 10, _("city"), ROLE_NORMAL);
		if (*e->field)
			doc_add_wrapped(d, e->field, 10, _("field"), ROLE_NORMAL);
		line = xasprintf(_("No. %d"), e->issue);
		doc_add_wrapped(d, line, 10, _("issue"), ROLE_DIM);
		free(line);
		struct state_marks m;
		if (e->id && state_get(c->store, TARGET_EVENTS, e->id, &m) == 0) {
			if (m.starred)
				doc_add_wrapped(d, "*", 10, _("star"), ROLE_NORMAL);
			if (m.note)
				doc_add_wrapped(d, m.note, 10, _("note"), ROLE_NORMAL);
			state_marks_free(&m);
		}
	}
	return n;
}

/* The marks were changed: the month is read again at the next sync. */
static void marks_changed(struct calendar *c)
{
	c->loaded = 0;
}

long long calendar_star_day(struct calendar *c, int *on)
{
	load_month(c);
	char day[11];
	date_format(c->cursor, day);
	long long n = 0;
	int all = 1;
	for (size_t i = 0; i < c->count; i++)
		if (covers(&c->events[i], day)) {
			n++;
			all &= c->events[i].starred;
		}
	*on = !all;
	for (size_t i = 0; i < c->count; i++)
		if (covers(&c->events[i], day) &&
		    state_set_star(c->store, TARGET_EVENTS, c->events[i].id, *on) != 0)
			return -1;
	if (n)
		marks_changed(c);
	return n;
}

long long calendar_note_day(struct calendar *c, const char *note)
{
	load_month(c);
	char day[11];
	date_format(c->cursor, day);
	long long n = 0;
	for (size_t i = 0; i < c->count; i++)
		if (covers(&c->events[i], day)) {
			if (state_set_note(c->store, TARGET_EVENTS, c->events[i].id, note) != 0)
				return -1;
			n++;
		}
	if (n)
		marks_changed(c);
	return n;
}

size_t calendar_day_events(struct calendar *c)
{
	load_month(c);
	char day[11];
	date_format(c->cursor, day);
	size_t n = 0;
	for (size_t i = 0; i < c->count; i++)
		n += covers(&c->events[i], day);
	return n;
}

char *calendar_day_note(struct calendar *c)
{
	load_month(c);
	char day[11];
	date_format(c->cursor, day);
	char *note = NULL;
	for (size_t i = 0; i < c->count && !note; i++) {
		struct state_marks m;
		if (covers(&c->events[i], day) && c->events[i].noted &&
		    state_get(c->store, TARGET_EVENTS, c->events[i].id, &m) == 0) {
			note = m.note;
			m.note = NULL;
			state_marks_free(&m);
		}
	}
	return note;
}

int calendar_export(struct calendar *c, const char *path, long *count)
{
	char range[32];
	struct query q;
	month_term(c, range);
	if (filter_query(c, range, &q) != 0)
		return -1;
	FILE *f = fopen(path, "wx");
	if (!f) {
		query_free(&q);
		return -1;
	}
	int rc = ics_export(c->store, &q, f, count);
	if (fclose(f) != 0)
		rc = -1;
	query_free(&q);
	return rc;
}

/* ---- the pane ----------------------------------------------------------------------------- */

struct calendar_pane {
	struct pane pane;
	struct calendar cal;
	int reading;          /* the chosen day's events are shown */
	struct doc doc;
};

static struct calendar_pane *cp_of(struct pane *p)
{
	return (struct calendar_pane *)p;
}

static unsigned cal_where(struct pane *p)
{
	return cp_of(p)->reading ? IN_READER : IN_CALENDAR;
}

static void cal_sync(struct pane *p, int rows, int cols)
{
	(void)rows;
	(void)cols;
	if (!cp_of(p)->reading)
		calendar_sync(&cp_of(p)->cal);
}

static void cal_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	struct calendar_pane *cp = cp_of(p);
	if (cp->reading)
		doc_draw(&cp->doc, w, rows, cols);
	else
		calendar_draw(&cp->cal, w, rows, cols);
}

static char *cal_status(struct pane *p)
{
	struct calendar_pane *cp = cp_of(p);
	if (cp->reading)
		return xasprintf(" %s  %zu/%zu", cp->doc.title, cp->doc.top + 1,
				 cp->doc.count ? cp->doc.count : 1);
	return calendar_status(&cp->cal);
}

static size_t cal_links(struct pane *p)
{
	return cp_of(p)->reading ? cp_of(p)->doc.nlinks : 0;
}

/* * on the chosen day (in the grid or its events in full). */
static void star_day(struct calendar_pane *cp, int cols)
{
	struct shell *sh = cp->pane.shell;
	int on = 0;
	long long n = calendar_star_day(&cp->cal, &on);
	if (n < 0) {
		shell_say(sh, 1, _("cannot write the reader's state: %s"), store_errmsg(cp->pane.store));
		return;
	}
	if (n == 0) {
		shell_say(sh, 0, "%s", _("no events on this day"));
		return;
	}
	shell_say(sh, 0,
		  on ? ngettext("%lld event starred", "%lld events starred", (unsigned long)n)
		     : ngettext("%lld event's star taken away", "%lld events' stars taken away",
				(unsigned long)n),
		  n);
	shell_marks_changed(sh);
	if (cp->reading) {
		size_t top = cp->doc.top;
		calendar_day_doc(&cp->cal, &cp->doc, (size_t)cols);
		cp->doc.top = top;
	}
}

static void ask_note(struct calendar_pane *cp)
{
	if (!calendar_day_events(&cp->cal)) {
		shell_say(cp->pane.shell, 0, "%s", _("no events on this day"));
		return;
	}
	char *note = calendar_day_note(&cp->cal);
	shell_ask_with(cp->pane.shell, ASK_NOTE, note ? note : "");
	free(note);
}

static int cal_act(struct pane *p, enum action_id a, int rows, int cols)
{
	struct calendar_pane *cp = cp_of(p);
	if (a == ACT_STAR) {
		star_day(cp, cols);
		return 1;
	}
	if (a == ACT_NOTE) {
		ask_note(cp);
		return 1;
	}
	if (cp->reading) {
		if (a == ACT_BACK || a == ACT_QUIT)
			cp->reading = 0;
		else
			shell_doc_act(p->shell, &cp->doc, a, rows);
		return 1;
	}
	switch (a) {
	case ACT_BACK:
	case ACT_QUIT:
		return 0;
	case ACT_FILTER:
		shell_ask(p->shell, ASK_FILTER);
		break;
	case ACT_FILTER_CLEAR: {
		struct query_error err;
		calendar_set_filter(&cp->cal, "", &err);
		break;
	}
	case ACT_OPEN:
		if (calendar_day_doc(&cp->cal, &cp->doc, (size_t)cols))
			cp->reading = 1;
		else
			shell_say(p->shell, 0, "%s", _("no events on this day"));
		break;
	case ACT_EXPORT:
		shell_ask(p->shell, ASK_EXPORT);
		break;
	default:
		calendar_act(&cp->cal, a);
		break;
	}
	return 1;
}

static const char *cal_filter(struct pane *p)
{
	return cp_of(p)->cal.filter;
}

static int cal_set_filter(struct pane *p, const char *text, struct query_error *err)
{
	return calendar_set_filter(&cp_of(p)->cal, text, err);
}

static void cal_answer(struct pane *p, enum ask_kind ask, const char *text, int rows, int cols)
{
	struct calendar_pane *cp = cp_of(p);
	if (ask == ASK_NOTE) {
		long long n = calendar_note_day(&cp->cal, text);
		if (n < 0)
			shell_say(p->shell, 1, _("cannot write the reader's state: %s"),
				  store_errmsg(p->store));
		else if (n > 0)
			shell_say(p->shell, 0, "%s", *text ? _("note kept") : _("note taken away"));
		shell_marks_changed(p->shell);
		if (cp->reading) {
			size_t top = cp->doc.top;
			calendar_day_doc(&cp->cal, &cp->doc, (size_t)cols);
			cp->doc.top = top;
		}
		return;
	}
	if (cp->reading) {
		shell_doc_answer(p->shell, &cp->doc, ask, text, rows);
		return;
	}
	if (ask == ASK_EXPORT && *text) {
		long n = 0;
		if (calendar_export(&cp->cal, text, &n) != 0)
			shell_say(p->shell, 1, _("cannot write %s: %s"), text, strerror(errno));
		else
			shell_say(p->shell, 0, _("%ld events written to %s"), n, text);
	}
}

static void cal_relayout(struct pane *p, int rows, int cols)
{
	struct calendar_pane *cp = cp_of(p);
	if (!cp->reading || cp->doc.width == (size_t)cols)
		return;
	size_t top = cp->doc.top;
	calendar_day_doc(&cp->cal, &cp->doc, (size_t)cols);
	cp->doc.top = top;
	doc_scroll(&cp->doc, 0, rows);
}

static void cal_free(struct pane *p)
{
	calendar_free(&cp_of(p)->cal);
	doc_free(&cp_of(p)->doc);
	free(p);
}

static const struct pane_ops calendar_ops = {
	.name = N_("Calendar"),
	.where = cal_where,
	.sync = cal_sync,
	.draw = cal_draw,
	.status = cal_status,
	.links = cal_links,
	.act = cal_act,
	.filter = cal_filter,
	.set_filter = cal_set_filter,
	.answer = cal_answer,
	.relayout = cal_relayout,
	.free = cal_free,
};

struct pane *calendar_pane_new(struct store *s, struct shell *sh, int week_start)
{
	struct calendar_pane *cp = xcalloc(1, sizeof *cp);
	cp->pane = (struct pane){ &calendar_ops, sh, s };
	calendar_init(&cp->cal, s, week_start);
	doc_init(&cp->doc, "");
	return &cp->pane;
}
