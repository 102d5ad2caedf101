/* regions.c: the Regions pane. */
#include "config.h"

#include "regions.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pane.h"
#include "ui.h"
#include "util.h"

/* The provinces on an 8 x 8 grid, north at the top. */
static const struct {
	const char *code;
	int row, col;
	const char *label;
} layout[REGIONS_TILES] = {
	{ "CN-HL", 0, 7, "헤이룽장" }, { "CN-XJ", 1, 0, "신장" },   { "CN-NM", 1, 4, "네이멍구" },
	{ "CN-JL", 1, 7, "지린" },     { "CN-GS", 2, 2, "간쑤" },   { "CN-NX", 2, 3, "닝샤" },
	{ "CN-SX", 2, 4, "산서" },     { "CN-BJ", 2, 5, "베이징" }, { "CN-TJ", 2, 6, "톈진" },
	{ "CN-LN", 2, 7, "랴오닝" },   { "CN-QH", 3, 1, "칭하이" }, { "CN-SN", 3, 2, "섬서" },
	{ "CN-HA", 3, 3, "허난" },     { "CN-HE", 3, 4, "허베이" }, { "CN-SD", 3, 5, "산둥" },
	{ "CN-XZ", 4, 0, "시짱" },     { "CN-SC", 4, 1, "쓰촨" },   { "CN-CQ", 4, 2, "충칭" },
	{ "CN-HB", 4, 3, "후베이" },   { "CN-AH", 4, 4, "안후이" }, { "CN-JS", 4, 5, "장쑤" },
	{ "CN-SH", 4, 6, "상하이" },   { "CN-YN", 5, 1, "윈난" },   { "CN-GZ", 5, 2, "구이저우" },
	{ "CN-HN", 5, 3, "후난" },     { "CN-JX", 5, 4, "장시" },   { "CN-ZJ", 5, 5, "저장" },
	{ "CN-GX", 6, 2, "광시" },     { "CN-GD", 6, 3, "광둥" },   { "CN-FJ", 6, 4, "푸젠" },
	{ "CN-TW", 6, 5, "타이완" },   { "CN-HI", 7, 2, "하이난" }, { "CN-MO", 7, 3, "마카오" },
	{ "CN-HK", 7, 4, "홍콩" },
};

#define TILE_W 8
#define TILE_GAP 1
#define MAP_ROWS 8
#define MAP_COLS 8

/* One statistic as it arrives from the store. */
struct stat {
	char *dimension, *metric, *key, *unit, *place;
	double value, share;
	int has_value, has_share, rank;
};

struct stats {
	struct stat *v;
	size_t n;
};

static void free_stats(struct stats *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].dimension);
		free(s->v[i].metric);
		free(s->v[i].key);
		free(s->v[i].unit);
		free(s->v[i].place);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void regions_init(struct regions *r, struct store *s)
{
	memset(r, 0, sizeof *r);
	r->store = s;
	for (int i = 0; i < REGIONS_TILES; i++) {
		r->tiles[i].code = layout[i].code;
		r->tiles[i].row = layout[i].row;
		r->tiles[i].col = layout[i].col;
		r->tiles[i].label = layout[i].label;
	}
	r->cursor = 20; /* 장쑤 */
	r->stats = xcalloc(1, sizeof *r->stats);
	r->prev_stats = xcalloc(1, sizeof *r->prev_stats);
}

static void free_lines(struct regions *r)
{
	for (size_t i = 0; i < r->nlines; i++) {
		free(r->lines[i].text);
		free(r->lines[i].filter);
		free(r->lines[i].place);
		free(r->lines[i].dimension);
	}
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
}

void regions_free(struct regions *r)
{
	free_lines(r);
	free(r->history);
	free(r->history_dimension);
	free(r->headline);
	free_stats(r->stats);
	free_stats(r->prev_stats);
	free(r->stats);
	free(r->prev_stats);
	for (int i = 0; i < REGIONS_TILES; i++)
		free(r->tiles[i].name);
}

static int take_tile(void *ctx, int header, int ncols, const char *const *v)
{
	struct regions *r = ctx;
	if (header)
		return 0;
	for (int i = 0; i < REGIONS_TILES; i++) {
		if (strcmp(r->tiles[i].code, v[0]) != 0)
			continue;
		free(r->tiles[i].name);
		r->tiles[i].name = xstrdup(v[1] ? v[1] : "");
		r->tiles[i].has_reported = v[2] != NULL;
		r->tiles[i].reported = v[2] ? c_strtod(v[2], NULL) : 0;
		r->tiles[i].computed = v[3] ? atoll(v[3]) : 0;
		r->tiles[i].has_previous = ncols > 4 && v[4] != NULL;
		r->tiles[i].previous = r->tiles[i].has_previous ? c_strtod(v[4], NULL) : 0;
	}
	return 0;
}

/* ---- charts -------------------------------------------------------------------------------- */

static int take_stat(void *ctx, int header, int ncols, const char *const *v)
{
	struct stats *s = ctx;
	(void)ncols;
	if (header)
		return 0;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = (struct stat){ xstrdup(v[0]), xstrdup(v[1]), xstrdup(v[2]),
				      xstrdup(v[4] ? v[4] : ""), v[7] ? xstrdup(v[7]) : NULL,
				      v[3] ? c_strtod(v[3], NULL) : 0, v[5] ? c_strtod(v[5], NULL) : 0, v[3] != NULL,
				      v[5] != NULL, v[6] ? atoi(v[6]) : 0 };
	return 0;
}

static void add_line(struct regions *r, const char *text, int role, const char *filter,
		     double bar)
{
	r->lines = xrealloc(r->lines, (r->nlines + 1) * sizeof *r->lines);
	r->lines[r->nlines++] = (struct chart_line){ .text = xstrdup(text), .role = role,
						     .filter = filter ? xstrdup(filter) : NULL,
						     .bar = bar };
}

/* The last line added is about a place (for H, its history). */
static void line_place(struct regions *r, const char *dimension, const char *place)
{
	struct chart_line *l = &r->lines[r->nlines - 1];
	l->dimension = xstrdup(dimension);
	l->place = xstrdup(place);
}


/* A statistic by dimension, metric and key (or place), or NULL. */
static const struct stat *find_stat(const struct stats *s, const char *dimension,
				    const char *metric, const struct stat *like)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct stat *t = &s->v[i];
		if (strcmp(t->dimension, dimension) || strcmp(t->metric, metric))
			continue;
		if (!like)
			return t;
		if (like->place && t->place ? strcmp(like->place, t->place) == 0
					    : strcmp(like->key, t->key) == 0)
			return t;
	}
	return NULL;
}

/* The sections of the charts, in the order they are shown. */
static const struct {
	const char *dimension, *metric, *title, *field;
} sections[] = {
	{ "region", "deal_count", N_("Deals by region (reported)"), "region" },
	{ "city", "deal_count", N_("Deals by city (reported)"), "city" },
	{ "industry", "deal_count", N_("Industries by deals"), NULL },
	{ "industry", "deal_amount", N_("Industries by amount"), NULL },
	{ "smart_manufacturing", "deal_count", N_("Smart manufacturing"), NULL },
	{ "stage", "deal_count", N_("Stages by deals"), NULL },
	{ "stage", "deal_amount", N_("Stages by amount"), NULL },
	{ "big_deal", "deal_count", N_("Big deals"), NULL },
	{ "big_deal", "deal_amount", N_("Big deals by amount"), NULL },
	{ "unicorn", "new_count", N_("New unicorns"), NULL },
	{ "unicorn", "total_count", N_("Unicorns in all"), NULL },
	{ "vcpe", "deal_count", N_("VC/PE by deals"), NULL },
	{ "cvc", "deal_count", N_("CVC by deals"), NULL },
	{ "ma", "deal_count", N_("M&A"), NULL },
	{ "ma_industry", "deal_count", N_("M&A industries by deals"), NULL },
	{ "ma_industry", "deal_amount", N_("M&A industries by amount"), NULL },
	{ "ma_region", "deal_count", N_("M&A by region"), "region" },
};

static void format_value(char *out, size_t size, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, size, "%.0f", v);
	else
		snprintf(out, size, "%g", v);
}

void regions_format_change(char *out, size_t size, double now, double before)
{
	double d = now - before;
	if (d == floor(d) && fabs(d) < 1e15)
		snprintf(out, size, "%+.0f", d);
	else
		snprintf(out, size, "%+.2f", d);
}

/* The Deals filter for the deals behind an issue's count for a place: the issue, its period,
 * investments (M&A for the M&A ranking), so that Enter opens exactly the rows counted. */
static char *deals_filter(const struct regions *r, const char *field, const char *place,
			  int ma)
{
	int quote = strchr(place, ' ') != NULL;
	return xasprintf("%s:%s%s%s issue:%d kind:%s date:%s", field, quote ? "\"" : "", place,
			 quote ? "\"" : "", r->issue, ma ? "ma" : "investment", r->period);
}

static char *computed_filter(const struct regions *r, const char *place)
{
	return deals_filter(r, "region", place, 0);
}

struct history_row {
	int number;
	char period[8];
	int has_reported;
	double reported;
	long long computed;
};

struct history {
	struct history_row *v;
	size_t n;
};

static int take_history(void *ctx, int header, int ncols, const char *const *v)
{
	struct history *h = ctx;
	if (header || ncols < 5)
		return 0;
	h->v = xrealloc(h->v, (h->n + 1) * sizeof *h->v);
	struct history_row *row = &h->v[h->n++];
	row->number = v[0] ? atoi(v[0]) : 0;
	snprintf(row->period, sizeof row->period, "%s", v[2] ? v[2] : "");
	row->has_reported = v[3] != NULL;
	row->reported = v[3] ? c_strtod(v[3], NULL) : 0;
	row->computed = v[4] ? atoll(v[4]) : 0;
	return 0;
}

/* H: a place's count in every issue in view, with the change from the issue before and the
 * deals the store lists there, as bars. */
static void build_history(struct regions *r, size_t width)
{
	(void)width;
	struct history h = { 0 };
	const char *dimension = r->history_dimension ? r->history_dimension : "region";
	store_place_history(r->store, dimension, r->history, r->from, r->to, take_history, &h);
	char *title = xasprintf(_("%s across the issues (H or Esc: back)"), r->history);
	add_line(r, title, ROLE_HEADING, NULL, -1);
	free(title);
	char *head = xasprintf("%-8s %-8s %10s %7s %10s", _("issue"), _("period"), _("reported"),
			       _("change"), _("in store"));
	add_line(r, head, ROLE_HEADER, NULL, -1);
	free(head);
	double max = 0;
	for (size_t i = 0; i < h.n; i++)
		if (h.v[i].has_reported && h.v[i].reported > max)
			max = h.v[i].reported;
	for (size_t i = 0; i < h.n; i++) {
		const struct history_row *row = &h.v[i];
		char reported[32] = "-", change[32] = "";
		if (row->has_reported)
			format_value(reported, sizeof reported, row->reported);
		if (row->has_reported && i > 0 && h.v[i - 1].has_reported)
			regions_format_change(change, sizeof change, row->reported,
					      h.v[i - 1].reported);
		char *line = xasprintf("No. %-4d %-8s %10s %7s %10lld ", row->number, row->period,
				       reported, change, row->computed);
		int quote = strchr(r->history, ' ') != NULL;
		char *filter = xasprintf("%s:%s%s%s issue:%d kind:investment",
					 strcmp(dimension, "city") == 0 ? "city" : "region",
					 quote ? "\"" : "", r->history, quote ? "\"" : "",
					 row->number);
		add_line(r, line, ROLE_NORMAL, filter,
			 row->has_reported && max > 0 ? row->reported / max : -1);
		free(filter);
		free(line);
	}
	if (!h.n)
		add_line(r, _("No issue in view reports this place."), ROLE_DIM, NULL, -1);
	free(h.v);
	r->line = 0;
	while (r->line + 1 < r->nlines && !r->lines[r->line].filter)
		r->line++;
}

/* "565 건" or "530.86 억 위안": a value with its unit. */
static void value_with_unit(char *out, size_t size, const struct stat *t)
{
	format_value(out, size, t->value);
	if (*t->unit) {
		strncat(out, " ", size - strlen(out) - 1);
		strncat(out, t->unit, size - strlen(out) - 1);
	}
}

/* The figures an analyst reads first, at the head of the charts: the month's deals and
 * amount, institutions and M&A, each with its change on the month and on the year, then the
 * first of each ranking. */
static void add_overview(struct regions *r, const struct stats *s, size_t width)
{
	static const struct {
		const char *dimension, *metric, *label;
	} heads[] = {
		{ "total", "deal_count", N_("Deals") },
		{ "total", "deal_amount", N_("Amount") },
		{ "investor", "institution_count", NULL },
		{ "ma", "deal_count", N_("M&A deals") },
		{ "ma", "deal_amount", N_("M&A amount") },
	};
	static const struct {
		const char *dimension, *metric, *label;
	} tops[] = {
		{ "industry", "deal_count", N_("Top industry") },
		{ "stage", "deal_count", N_("Top stage") },
		{ "vcpe", "deal_count", N_("Top VC/PE") },
		{ "cvc", "deal_count", N_("Top CVC") },
	};
	size_t label_w = 12;
	int any = 0;
	for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
		for (size_t i = 0; i < s->n; i++) {
			const struct stat *t = &s->v[i];
			if (strcmp(t->dimension, heads[k].dimension) || strcmp(t->metric, heads[k].metric) ||
			    !t->has_value)
				continue;
			/* One line per total (전체) and per kind of institution. */
			if (strcmp(t->dimension, "ma") == 0 && strcmp(t->key, "전체") != 0)
				continue;
			const char *label = heads[k].label ? _(heads[k].label) : t->key;
			if (text_strwidth(label) > label_w)
				label_w = text_strwidth(label);
		}
	if (label_w > width / 3)
		label_w = width / 3;
	char *title = xasprintf(_("No. %d at a glance (%s)"), r->issue, r->period);
	add_line(r, title, ROLE_HEADING, NULL, -1);
	free(title);
	for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
		for (size_t i = 0; i < s->n; i++) {
			const struct stat *t = &s->v[i];
			if (strcmp(t->dimension, heads[k].dimension) || strcmp(t->metric, heads[k].metric) ||
			    !t->has_value)
				continue;
			if (strcmp(t->dimension, "ma") == 0 && strcmp(t->key, "전체") != 0)
				continue;
			char value[64], mom[32] = "", yoy[32] = "";
			value_with_unit(value, sizeof value, t);
			char *m = xasprintf("%s_mom", t->metric), *y = xasprintf("%s_yoy", t->metric);
			const struct stat *tm = find_stat(s, t->dimension, m, t);
			const struct stat *ty = find_stat(s, t->dimension, y, t);
			if (tm && tm->has_value)
				snprintf(mom, sizeof mom, _("%+g%% MoM"), tm->value);
			if (ty && ty->has_value)
				snprintf(yoy, sizeof yoy, _("%+g%% YoY"), ty->value);
			free(m);
			free(y);
			const char *label = heads[k].label ? _(heads[k].label) : t->key;
			char *name = text_fit_pad(label, label_w, ALIGN_LEFT, ui_marker());
			char *val = text_fit_pad(value, 16, ALIGN_RIGHT, ui_marker());
			char *line = xasprintf("%s %s  %s%s%s", name, val, mom, *mom && *yoy ? ", " : "",
					       yoy);
			add_line(r, line, ROLE_NORMAL, NULL, -1);
			free(line);
			free(name);
			free(val);
			any = 1;
		}
	for (size_t k = 0; k < sizeof tops / sizeof tops[0]; k++)
		for (size_t i = 0; i < s->n; i++) {
			const struct stat *t = &s->v[i];
			if (strcmp(t->dimension, tops[k].dimension) || strcmp(t->metric, tops[k].metric) ||
			    t->rank != 1)
				continue;
			char value[64] = "";
			if (t->has_value)
				value_with_unit(value, sizeof value, t);
			char *name = text_fit_pad(_(tops[k].label), label_w, ALIGN_LEFT, ui_marker());
			char *line = xasprintf("%s %s%s%s%s", name, t->key, *value ? " (" : "", value,
					       *value ? ")" : "");
			add_line(r, line, ROLE_NORMAL, NULL, -1);
			free(line);
			free(name);
			any = 1;
			break;
		}
	if (!any) {
		/* Nothing to say: no heading either. */
		free(r->lines[--r->nlines].text);
	}
}

/* "565 건 (-33% MoM, -53% YoY) · 530.86 억 위안 (-36% MoM, -3% YoY)": the month's
 * totals in one line, for under the map. NULL when the issue gives none. */
static char *headline(const struct stats *s)
{
	struct buf b = { 0 };
	static const char *const metrics[] = { "deal_count", "deal_amount" };
	for (size_t k = 0; k < 2; k++) {
		const struct stat *t = find_stat(s, "total", metrics[k], NULL);
		if (!t || !t->has_value)
			continue;
		char value[64];
		value_with_unit(value, sizeof value, t);
		buf_printf(&b, "%s%s", b.len ? " · " : "", value);
		char *m = xasprintf("%s_mom", metrics[k]), *y = xasprintf("%s_yoy", metrics[k]);
		const struct stat *tm = find_stat(s, "total", m, t), *ty = find_stat(s, "total", y, t);
		if (tm && tm->has_value && ty && ty->has_value)
			buf_printf(&b, _(" (%+g%% MoM, %+g%% YoY)"), tm->value, ty->value);
		free(m);
		free(y);
	}
	return buf_take(&b);
}

/* A statistic's value with its unit ("468.05 억 위안", or its rank "#2") and its share. */
static void stat_cells(const struct stat *t, char *value, size_t vsize, char *share,
		       size_t ssize)
{
	*value = *share = '\0';
	if (t->has_value)
		value_with_unit(value, vsize, t);
	else if (t->rank)
		snprintf(value, vsize, "#%d", t->rank);
	if (t->has_share)
		snprintf(share, ssize, "%g%%", t->share);
}

static void build_charts(struct regions *r, size_t width)
{
	free_lines(r);
	r->width = width;
	/* Read once per issue by load(): a new width only lays them out again. */
	const struct stats s = *r->stats, prev = *r->prev_stats;
	if (r->history) {
		build_history(r, width);
		return;
	}
	add_overview(r, &s, width);
	for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
		/* The section's rows, and the widest name and largest value among them. */
		size_t name_w = 4, count = 0;
		double max = 0;
		/* Values and shares are never cut (468.05 억 위안, 68%): their columns are as wide
		 * as the widest of the section; the names give way. */
		size_t val_w = 12, shr_w = 7;
		for (size_t i = 0; i < s.n; i++) {
			struct stat *t = &s.v[i];
			if (strcmp(t->dimension, sections[k].dimension) || strcmp(t->metric, sections[k].metric))
				continue;
			count++;
			size_t w = text_strwidth(t->key);
			if (w > name_w)
				name_w = w;
			if (t->has_value && t->value > max && (!t->unit || strcmp(t->unit, "%") != 0))
				max = t->value;
			char value[64], share[32];
			stat_cells(t, value, sizeof value, share, sizeof share);
			if (text_strwidth(value) > val_w)
				val_w = text_strwidth(value);
			if (text_strwidth(share) > shr_w)
				shr_w = text_strwidth(share);
		}
		if (!count)
			continue;
		size_t fixed = val_w + shr_w + 3 + (r->previous ? 7 : 0) + 2; /* gaps, a bar */
		size_t room = width > fixed + 4 ? width - fixed : 4;
		if (name_w > room)
			name_w = room;
		if (r->nlines)
			add_line(r, "", ROLE_NORMAL, NULL, -1);
		add_line(r, _(sections[k].title), ROLE_HEADING, NULL, -1);
		for (size_t i = 0; i < s.n; i++) {
			struct stat *t = &s.v[i];
			if (strcmp(t->dimension, sections[k].dimension) || strcmp(t->metric, sections[k].metric))
				continue;
			char value[64], share[32];
			stat_cells(t, value, sizeof value, share, sizeof share);
			/* Week against week: the count beside the previous issue's. */
			char change[32] = "";
			const struct stat *before =
				t->has_value ? find_stat(&prev, t->dimension, t->metric, t) : NULL;
			if (before && before->has_value)
				regions_format_change(change, sizeof change, t->value, before->value);
			char *name = text_fit_pad(t->key, name_w, ALIGN_LEFT, ui_marker());
			char *val = text_fit_pad(value, val_w, ALIGN_RIGHT, ui_marker());
			char *shr = text_fit_pad(share, shr_w, ALIGN_RIGHT, ui_marker());
			char *chg = text_fit_pad(change, 6, ALIGN_RIGHT, ui_marker());
			char *line = r->previous ? xasprintf("%s %s %s %s ", name, val, shr, chg)
						 : xasprintf("%s %s %s ", name, val, shr);
			char *filter = NULL;
			if (sections[k].field && t->place)
				filter = deals_filter(r, sections[k].field, t->place,
						      strcmp(t->dimension, "ma_region") == 0);
			add_line(r, line, ROLE_NORMAL, filter,
				 t->has_value && max > 0 && strcmp(t->unit, "%") != 0 ? t->value / max
											: -1);
			if (t->place && (strcmp(t->dimension, "region") == 0 ||
					 strcmp(t->dimension, "city") == 0))
				line_place(r, t->dimension, t->place);
			free(line);
			free(filter);
			free(name);
			free(val);
			free(shr);
			free(chg);
		}
	}
	/* Computed from the deals in the store: investment deals per province. */
	size_t name_w = 4;
	long long max = 0;
	for (int i = 0; i < REGIONS_TILES; i++) {
		if (r->tiles[i].computed > max)
			max = r->tiles[i].computed;
		if (r->tiles[i].name && text_strwidth(r->tiles[i].name) > name_w)
			name_w = text_strwidth(r->tiles[i].name);
	}
	if (max > 0) {
		add_line(r, "", ROLE_NORMAL, NULL, -1);
		add_line(r, _("Investment deals in the store by region (computed)"), ROLE_HEADING,
			 NULL, -1);
		for (long long v = max; v > 0; v--)
			for (int i = 0; i < REGIONS_TILES; i++) {
				if (r->tiles[i].computed != v)
					continue;
				char *name = text_fit_pad(r->tiles[i].name, name_w, ALIGN_LEFT, ui_marker());
				char *line = xasprintf("%s %12lld %7s ", name, v, "");
				char *filter = computed_filter(r, r->tiles[i].name);
				add_line(r, line, ROLE_NORMAL, filter, (double)v / (double)max);
				line_place(r, "region", r->tiles[i].name);
				free(line);
				free(filter);
				free(name);
			}
	}
	if (!r->nlines)
		add_line(r, _("No statistics in the store yet."), ROLE_DIM, NULL, -1);
	r->line = 0;
	while (r->line + 1 < r->nlines && !r->lines[r->line].filter)
		r->line++;
}

static void load(struct regions *r)
{
	if (r->loaded)
		return;
	r->loaded = 1;
	if (store_latest_stats(r->store, r->from, r->to, &r->issue, r->period) != 1) {
		r->issue = 0;
		snprintf(r->period, sizeof r->period, "%s", "");
	}
	/* The issue to compare with: the one before, whatever the scope. */
	if (!r->issue ||
	    store_latest_stats(r->store, 0, r->issue - 1, &r->previous, r->prev_period) != 1) {
		r->previous = 0;
		snprintf(r->prev_period, sizeof r->prev_period, "%s", "");
	}
	store_region_map(r->store, r->issue, r->period, r->previous, take_tile, r);
	free_stats(r->stats);
	free_stats(r->prev_stats);
	if (r->issue)
		store_issue_stats(r->store, r->issue, r->period, take_stat, r->stats);
	if (r->previous)
		store_issue_stats(r->store, r->previous, r->prev_period, take_stat, r->prev_stats);
	free(r->headline);
	r->headline = headline(r->stats);
	if (r->headline && !*r->headline) {
		free(r->headline);
		r->headline = NULL;
	}
}

/* ---- map ----------------------------------------------------------------------------------- */

static double tile_value(const struct regions *r, int i, int *has)
{
	if (r->computed) {
		*has = 1;
		return (double)r->tiles[i].computed;
	}
	*has = r->tiles[i].has_reported;
	return r->tiles[i].reported;
}

/* Shade tiers relative to the largest count: high, middle, low, none. */
static int tier(const struct regions *r, int i, double max)
{
	int has;
	double v = tile_value(r, i, &has);
	if (!has || v <= 0 || max <= 0)
		return 0;
	if (v >= max * 0.5)
		return 3;
	if (v >= max * 0.2)
		return 2;
	return 1;
}

static int tile_at(const struct regions *r, int row, int col)
{
	for (int i = 0; i < REGIONS_TILES; i++)
		if (r->tiles[i].row == row && r->tiles[i].col == col)
			return i;
	return -1;
}

/* Moves to the nearest tile in a direction. */
static void move_tile(struct regions *r, int drow, int dcol)
{
	int row = r->tiles[r->cursor].row, col = r->tiles[r->cursor].col;
	int best = -1, best_d = 1 << 20;
	for (int i = 0; i < REGIONS_TILES; i++) {
		int dr = r->tiles[i].row - row, dc = r->tiles[i].col - col;
		int along = drow ? dr * drow : dc * dcol;
		int across = drow ? abs(dc) : abs(dr);
		if (along <= 0)
			continue;
		int d = along * 4 + across * 3;
		if (d < best_d) {
			best_d = d;
			best = i;
		}
	}
	if (best >= 0)
		r->cursor = best;
}

/* Leaves the history for the view it was opened from. */
static void close_history(struct regions *r)
{
	free(r->history);
	free(r->history_dimension);
	r->history = r->history_dimension = NULL;
	r->charts = r->history_charts;
	r->width = 0; /* the charts are laid out again */
}

/* H: the history of the chosen tile or chart line's place. */
static void open_history(struct regions *r)
{
	const char *place = NULL, *dimension = "region";
	if (r->charts && r->line < r->nlines && r->lines[r->line].place) {
		place = r->lines[r->line].place;
		dimension = r->lines[r->line].dimension;
	} else if (!r->charts) {
		place = r->tiles[r->cursor].name;
	}
	if (!place || !*place)
		return;
	char *p = xstrdup(place), *d = xstrdup(dimension);
	r->history_charts = r->charts;
	free(r->history);
	free(r->history_dimension);
	r->history = p;
	r->history_dimension = d;
	r->charts = 1;
	r->width = 0;
}

int regions_back(struct regions *r)
{
	if (!r->history)
		return 0;
	close_history(r);
	return 1;
}

void regions_set_scope(struct regions *r, int from, int to)
{
	r->from = from;
	r->to = to;
	r->loaded = 0;
	if (r->history)
		close_history(r);
	r->width = 0;
}

void regions_act(struct regions *r, enum action_id a, int rows)
{
	load(r);
	if (a == ACT_HISTORY) {
		if (r->history)
			close_history(r);
		else
			open_history(r);
		return;
	}
	if (r->history && (a == ACT_VIEW || a == ACT_COUNTS))
		close_history(r);
	if (a == ACT_VIEW) {
		r->charts = !r->charts;
		return;
	}
	if (a == ACT_COUNTS) {
		r->computed = !r->computed;
		r->width = 0;
		return;
	}
	if (!r->charts) {
		switch (a) {
		case ACT_LEFT:
			move_tile(r, 0, -1);
			break;
		case ACT_RIGHT:
			move_tile(r, 0, 1);
			break;
		case ACT_UP:
			move_tile(r, -1, 0);
			break;
		case ACT_DOWN:
			move_tile(r, 1, 0);
			break;
		default:
			break;
		}
		return;
	}
	/* In the charts, left and right move by a line too. */
	enum action_id move = a == ACT_LEFT ? ACT_UP : a == ACT_RIGHT ? ACT_DOWN : a;
	r->line = (size_t)action_move(move, (long)r->line, (long)r->nlines, rows);
	if (r->line < r->top)
		r->top = r->line;
	else if (r->line >= r->top + (size_t)rows)
		r->top = r->line - (size_t)rows + 1;
}

static void draw_map(struct regions *r, WINDOW *w, int y0, int rows, int cols)
{
	double max = 0;
	for (int i = 0; i < REGIONS_TILES; i++) {
		int has;
		double v = tile_value(r, i, &has);
		if (has && v > max)
			max = v;
	}
	static const int tier_roles[] = { ROLE_DIM, ROLE_NORMAL, ROLE_HEADING, ROLE_SELECTED };
	int x0 = cols > MAP_COLS * (TILE_W + TILE_GAP) ? (cols - MAP_COLS * (TILE_W + TILE_GAP)) / 2 : 0;
	for (int row = 0; row < MAP_ROWS; row++)
		for (int col = 0; col < MAP_COLS; col++) {
			int i = tile_at(r, row, col);
			if (i < 0 || y0 + row * 2 + 1 >= y0 + rows)
				continue;
			int x = x0 + col * (TILE_W + TILE_GAP), y = y0 + row * 2;
			int has;
			double v = tile_value(r, i, &has);
			char count[24];
			if (has)
				format_value(count, sizeof count, v);
			else
				snprintf(count, sizeof count, "-");
			int t = tier(r, i, max);
			int role = tier_roles[t];
			char *label = xasprintf("%s%s", i == r->cursor ? ">" : "", r->tiles[i].label);
			ui_put(w, y, x, label, TILE_W, ALIGN_LEFT,
			       i == r->cursor ? ROLE_MATCH : role);
			ui_put(w, y + 1, x, count, TILE_W, ALIGN_RIGHT,
			       i == r->cursor ? ROLE_MATCH : role);
			free(label);
		}
	int ly = y0 + MAP_ROWS * 2;
	if (ly >= y0 + rows)
		return;
	/* The legend: a sample of each shade with its range. */
	char hi[32], mid[32];
	format_value(hi, sizeof hi, ceil(max * 0.5));
	format_value(mid, sizeof mid, ceil(max * 0.2));
	int x = x0;
	const char *labels[4];
	char *l3 = xasprintf(" %s+ ", hi), *l2 = xasprintf(" %s+ ", mid);
	labels[3] = l3;
	labels[2] = l2;
	labels[1] = " 1+ ";
	labels[0] = _(" none ");
	for (int t = 3; t >= 0; t--) {
		size_t lw = text_strwidth(labels[t]);
		if (x + (int)lw >= cols)
			break;
		ui_put(w, ly, x, labels[t], lw, ALIGN_LEFT, tier_roles[t]);
		x += (int)lw + 1;
	}
	free(l3);
	free(l2);
	char *what = xasprintf(r->computed ? _("deals in the store, No. %d %s") : _("reported by No. %d, %s"),
			       r->issue, r->period);
	if (x < cols)
		ui_put(w, ly, x, what, (size_t)(cols - x), ALIGN_LEFT, ROLE_DIM);
	free(what);
	/* The month in one line: what an analyst reads first. */
	if (r->headline && ly + 1 < y0 + rows)
		ui_put(w, ly + 1, x0, r->headline, (size_t)(cols - x0), ALIGN_LEFT, ROLE_NORMAL);
}

static void draw_charts(struct regions *r, WINDOW *w, int y0, int rows, int cols)
{
	if (r->line < r->top)
		r->top = r->line;
	else if (r->line >= r->top + (size_t)rows)
		r->top = r->line - (size_t)rows + 1;
	const char *block = ui_utf8() ? "█" : "#";
	size_t block_w = text_strwidth(block);
	for (int y = 0; y < rows; y++) {
		size_t i = r->top + (size_t)y;
		if (i >= r->nlines)
			break;
		const struct chart_line *l = &r->lines[i];
		int role = i == r->line && l->filter ? ROLE_SELECTED : l->role;
		size_t text_w = text_strwidth(l->text);
		if (text_w > (size_t)cols)
			text_w = (size_t)cols;
		ui_put(w, y0 + y, 0, l->text, text_w, ALIGN_LEFT, (enum ui_role)role);
		if (l->bar < 0 || text_w >= (size_t)cols)
			continue;
		size_t room = (size_t)cols - text_w;
		size_t blocks = (size_t)(l->bar * (double)(room / block_w) + 0.5);
		if (blocks == 0 && l->bar > 0)
			blocks = 1;
		struct buf b = { 0 };
		for (size_t k = 0; k < blocks; k++)
			buf_adds(&b, block);
		ui_put(w, y0 + y, (int)text_w, b.data ? b.data : "", blocks * block_w, ALIGN_LEFT,
		       ROLE_LINK);
		buf_free(&b);
	}
}

void regions_sync(struct regions *r, int rows, int cols)
{
	load(r);
	/* The map needs 8 x 2 rows and 8 tiles across; smaller screens get the charts. */
	if (!r->charts && (rows < MAP_ROWS * 2 + 1 || cols < MAP_COLS * (TILE_W + TILE_GAP)))
		r->charts = 1;
	if (r->charts && r->width != (size_t)cols)
		build_charts(r, (size_t)cols);
	/* The charts are read once per issue: a scope change sets width to 0. */
}

void regions_draw(struct regions *r, WINDOW *w, int rows, int cols)
{
	int y0 = 0;
	if (!r->issue && !r->charts) {
		ui_put(w, y0 + 1, 2, _("No region statistics in the store yet."),
		       (size_t)cols - 2, ALIGN_LEFT, ROLE_DIM);
		return;
	}
	if (r->charts)
		draw_charts(r, w, y0, rows, cols);
	else
		draw_map(r, w, y0, rows, cols);
}

char *regions_status(struct regions *r)
{
	struct buf b = { 0 };
	buf_printf(&b, " %s  ", _("Regions"));
	if (r->history) {
		buf_printf(&b, "%s: %s", _("history"), r->history);
	} else if (r->charts) {
		buf_printf(&b, "%s", _("charts"));
	} else {
		struct region_tile *t = &r->tiles[r->cursor];
		int has;
		double v = tile_value(r, r->cursor, &has);
		char count[24] = "-";
		if (has)
			format_value(count, sizeof count, v);
		buf_printf(&b, "%s %s  (%s)", t->name ? t->name : t->label, count,
			   r->computed ? _("computed from deals") : _("reported"));
		/* Week against week: the reported count beside the previous issue's. */
		if (!r->computed && t->has_reported && t->has_previous) {
			char change[32], before[32];
			regions_format_change(change, sizeof change, t->reported, t->previous);
			format_value(before, sizeof before, t->previous);
			buf_printf(&b, _("  %s from No. %d (%s)"), change, r->previous, before);
		}
	}
	if (r->issue)
		buf_printf(&b, "  No. %d %s", r->issue, r->period);
	return buf_take(&b);
}

char *regions_filter(struct regions *r)
{
	load(r);
	if (r->charts) {
		if (r->line < r->nlines && r->lines[r->line].filter)
			return xstrdup(r->lines[r->line].filter);
		return NULL;
	}
	const char *name = r->tiles[r->cursor].name;
	return name && *name && r->issue ? computed_filter(r, name) : NULL;
}

/* ---- the pane ----------------------------------------------------------------------------- */

struct regions_pane {
	struct pane pane;
	struct regions reg;
};

static struct regions *reg_of(struct pane *p)
{
	return &((struct regions_pane *)p)->reg;
}

static unsigned regions_where(struct pane *p)
{
	/* A place's history is left like a reader, with Esc or q. */
	return IN_REGIONS | (reg_of(p)->history ? IN_READER : 0);
}

static void regions_pane_sync(struct pane *p, int rows, int cols)
{
	regions_sync(reg_of(p), rows, cols);
}

static void regions_pane_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	regions_draw(reg_of(p), w, rows, cols);
}

static char *regions_pane_status(struct pane *p)
{
	return regions_status(reg_of(p));
}

static int regions_pane_act(struct pane *p, enum action_id a, int rows, int cols)
{
	(void)cols;
	if (a == ACT_BACK || a == ACT_QUIT)
		return a == ACT_BACK && regions_back(reg_of(p));
	if (a != ACT_OPEN) {
		regions_act(reg_of(p), a, rows);
		return 1;
	}
	char *filter = regions_filter(reg_of(p));
	if (!filter)
		shell_say(p->shell, 1, "%s", _("choose a province or a city first"));
	else
		shell_show_filtered(p->shell, N_("Deals"), filter);
	free(filter);
	return 1;
}

static void regions_pane_set_scope(struct pane *p, const struct issue_scope *scope)
{
	regions_set_scope(reg_of(p), scope->from, scope->to);
}

static void regions_pane_free(struct pane *p)
{
	regions_free(reg_of(p));
	free(p);
}

static const struct pane_ops regions_ops = {
	.name = N_("Regions"),
	.where = regions_where,
	.sync = regions_pane_sync,
	.draw = regions_pane_draw,
	.status = regions_pane_status,
	.act = regions_pane_act,
	.set_scope = regions_pane_set_scope,
	.free = regions_pane_free,
};

struct pane *regions_pane_new(struct store *s, struct shell *sh)
{
	struct regions_pane *rp = xcalloc(1, sizeof *rp);
	rp->pane = (struct pane){ &regions_ops, sh, s };
	regions_init(&rp->reg, s);
	return &rp->pane;
}
