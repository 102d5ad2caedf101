/* stats.c: the month's statistics from the investment analysis. See reader.h. */
#include "config.h"

#include "reader/reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistr.h>

#include "amount.h"
#include "diag.h"
#include "gazetteer.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* ---- the month's statistics ------------------------------------------------------------------ */


static const char *read_number(const char *s, double *v, char *text, size_t size)
{
	const char *p = s;
	char digits[32];
	size_t n = 0;
	if (*p < '0' || *p > '9')
		return NULL;
	while (n + 1 < sizeof digits) {
		if (*p >= '0' && *p <= '9')
			digits[n++] = *p++;
		else if (*p == ',' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
			 p[3] >= '0' && p[3] <= '9')
			p++;
		else if (*p == '.' && p[1] >= '0' && p[1] <= '9')
			digits[n++] = *p++;
		else
			break;
	}
	digits[n] = '\0';
	*v = c_strtod(digits, NULL);
	snprintf(text, size, "%s", digits);
	return p;
}

static const char *pat_match(const char *pat, const char *s, struct caps *c)
{
	for (;;) {
		if (!*pat)
			return s;
		if (*pat == ' ') {
			while (*s == ' ')
				s++;
			pat++;
		} else if (*pat == '#') {
			if (c->nn >= 8)
				return NULL;
			const char *e = read_number(s, &c->num[c->nn], c->numtext[c->nn],
						    sizeof c->numtext[0]);
			if (!e)
				return NULL;
			c->numat[c->nn++] = s;
			s = e;
			pat++;
		} else if (*pat == '*' || *pat == '@') {
			int cap = *pat == '@';
			int nn = c->nn, nt = c->nt;
			for (size_t k = 0; k <= 600 && (k == 0 || s[k - 1]); k++) {
				/* Not past the end of a sentence ("...다. "). */
				if (k >= 5 && s[k - 1] == ' ' && s[k - 2] == '.' &&
				    memcmp(s + k - 5, "다", 3) == 0)
					break;
				if (cap) {
					if (nt >= 4)
						return NULL;
					c->txt[nt] = s;
					c->txtlen[nt] = k;
					c->nt = nt + 1;
				}
				const char *e = pat_match(pat + 1, s + k, c);
				if (e)
					return e;
				c->nn = nn;
				c->nt = nt;
			}
			return NULL;
		} else {
			if (*pat != *s)
				return NULL;
			pat++;
			s++;
		}
	}
}

/* The first match of pat in text at or after from: its start, or NULL. */
const char *pat_find(const char *text, const char *from, const char *pat, struct caps *c,
			const char **end)
{
	for (const char *p = from; *p; p++) {
		memset(c, 0, sizeof *c);
		const char *e = pat_match(pat, p, c);
		if (e) {
			if (end)
				*end = e;
			return p;
		}
	}
	(void)text;
	return NULL;
}

static void stat_row(struct reader *r, const char *metric, const char *dimension,
		     const char *key, const char *value, const char *unit, const char *share,
		     int rank)
{
	struct buf *b = &r->stats;
	if (!b->len)
		buf_adds(b, "period,metric,dimension,key,value,unit,share,rank\n");
	char rk[16] = "";
	if (rank > 0)
		snprintf(rk, sizeof rk, "%d", rank);
	csv_field(b, r->period, 0);
	csv_field(b, metric, 0);
	csv_field(b, dimension, 0);
	csv_field(b, key, 0);
	csv_field(b, value, 0);
	csv_field(b, unit, 0);
	csv_field(b, share, 0);
	csv_field(b, rk, 1);
}

/* Whether the figure at s went down (-1) or up (1): the first word of direction after it in
 * its sentence; 0 when it says neither. */
static int direction_after(const char *s)
{
	static const char *const down[] = { "감소", "하락", "줄", "떨어", NULL };
	static const char *const up[] = { "증가", "상승", "늘", "성장", NULL };
	for (const char *p = s; *p; p++) {
		if (starts(p, "다. ") || starts(p, "다.\0"))
			return 0;
		for (const char *const *w = down; *w; w++)
			if (starts(p, *w))
				return -1;
		for (const char *const *w = up; *w; w++)
			if (starts(p, *w))
				return 1;
	}
	return 0;
}

/* 억 위안 as the stats keep amounts, from an amount as written ("9,498 만 위안"). */
static int eok(const char *written, char *out, size_t size)
{
	struct amount a;
	if (amount_parse(written, &a, NULL, NULL) != AMOUNT_OK || strcmp(a.currency, "CNY") != 0)
		return -1;
	snprintf(out, size, "%.10g", a.value / 1e8);
	return 0;
}

/* "장쑤성(江苏, 118 건), 광둥성(广东, 94 건)" or "에너지 전력(9.69억 위안)": a ranking. With
 * with_zh the key keeps the Chinese name: 선전창업투자(深创投). */
static void ranking(struct reader *r, const char *s, size_t len, const char *metric,
		    const char *dimension, int with_zh, size_t line)
{
	char *list = xstrndup(s, len);
	int rank = 0;
	const char *count_unit = NULL;
	char *p = list;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (starts(p, "및 "))
			p += strlen("및 ");
		char *open = strchr(p, '(');
		if (!open)
			break;
		char *close = strchr(open, ')');
		if (!close)
			break;
		*open = '\0';
		*close = '\0';
		char *name = trim(p), *inside = open + 1;
		/* "江苏, 118 건": the name and the figure; "9,498 만 위안" is one figure. */
		char *comma = NULL;
		for (char *q = strstr(inside, ", "); q; q = strstr(q + 1, ", "))
			comma = q;
		char *zh = NULL, *value = inside;
		if (comma) {
			*comma = '\0';
			zh = trim(inside);
			value = comma + 1;
		}
		value = trim(value);
		char *key;
		if (with_zh && zh && *zh) {
			/* U+2219 between two names is the middle dot U+00B7. */
			struct buf z = { 0 };
			for (const char *q = zh; *q;)
				if (starts(q, "∙")) {
					buf_adds(&z, "·");
					q += strlen("∙");
				} else {
					buf_addc(&z, *q++);
				}
			char *zs = buf_take(&z);
			key = xasprintf("%s(%s)", name, zs);
			free(zs);
		} else {
			key = xstrdup(name);
		}
		key = repair_letters(r, line, key);
		double v;
		char num[32];
		const char *e = read_number(value, &v, num, sizeof num);
		const char *unit = e ? e + skip_spaces(e, 0) : "";
		rank++;
		if (e && (strcmp(unit, "건") == 0 || strcmp(unit, "개") == 0)) {
			if (!count_unit)
				count_unit = unit;
			if (strcmp(unit, count_unit) != 0)
				reader_warn(r, line, _("'%s' is counted in %s where the others are in %s: taken as %s"),
				     key, unit, count_unit, count_unit);
			stat_row(r, metric, dimension, key, num, count_unit, "", rank);
		} else {
			char out[40];
			if (eok(value, out, sizeof out) == 0)
				stat_row(r, "deal_amount", dimension, key, out, "억 위안", "", rank);
			else
				reader_warn(r, line, _("cannot read '%s' of '%s': left out"), value, key);
		}
		free(key);
		p = close + 1;
	}
	free(list);
}

/* "스마트 제조, 인공지능, 의료 건강": names ranked without figures. */
static void names_ranked(struct reader *r, const char *s, size_t len, const char *metric,
			 const char *unit, const char *known, const char *known_value)
{
	char *list = xstrndup(s, len);
	int rank = 0;
	for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		char *name = trim(tok);
		/* The one industry whose figure the text gives elsewhere ("스마트 제조는 가장 인기
		 * 있는 산업으로, 총 138 건") has it. */
		if (*name)
			stat_row(r, metric, "industry", name,
				 known && strcmp(name, known) == 0 ? known_value : "", unit, "", ++rank);
	}
	free(list);
}

static size_t line_of(const struct span *sp, const char *at)
{
	return span_line(sp, (size_t)(at - sp->text));
}

/* The stage words, as the rankings key them: 후속 (follow-on) is 후기 (late). */
static const char *stage_key(const char *s, size_t *len)
{
	static const struct {
		const char *word, *key;
	} stages[] = {
		{ "초기 단계", "초기 단계" }, { "성장 단계", "성장 단계" }, { "후기 단계", "후기 단계" },
		{ "후속 단계", "후기 단계" }, { "중기 단계", "중기 단계" }, { "성숙 단계", "성숙 단계" },
	};
	for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
		size_t n = strlen(stages[i].word);
		if (strncmp(s, stages[i].word, n) == 0) {
			*len = n;
			return stages[i].key;
		}
	}
	return NULL;
}

static void read_stages(struct reader *r, const struct span *sp, const char *from,
			const char *to)
{
	const char *at[16];
	const char *keys[16];
	size_t n = 0, len;
	for (const char *p = from; p < to && n < 16; p++) {
		const char *key = stage_key(p, &len);
		if (key) {
			at[n] = p + len;
			keys[n++] = key;
			p += len - 1;
		}
	}
	int rank_count = 0, rank_amount = 0;
	for (size_t i = 0; i < n; i++) {
		const char *end = i + 1 < n ? at[i + 1] : to;
		char *seg = xstrndup(at[i], (size_t)(end - at[i]));
		struct caps c;
		const char *e;
		char value[40] = "", share[40] = "";
		const char *metric = NULL, *unit = NULL;
		const char *a = pat_find(seg, seg, "# 억 위안", &c, &e);
		const char *b = pat_find(seg, seg, "# 건", &c, &e);
		if (b && (!a || b < a)) {
			pat_find(seg, b, "# 건", &c, &e);
			snprintf(value, sizeof value, "%s", c.numtext[0]);
			metric = "deal_count";
			unit = "건";
		} else if (a) {
			pat_find(seg, a, "# 억 위안", &c, &e);
			snprintf(value, sizeof value, "%s", c.numtext[0]);
			metric = "deal_amount";
			unit = "억 위안";
		}
		if (metric) {
			const char *pc = pat_find(seg, e, "#%", &c, NULL);
			if (pc)
				snprintf(share, sizeof share, "%s", c.numtext[0]);
			stat_row(r, metric, "stage", keys[i], value, unit, share,
				 strcmp(metric, "deal_count") == 0 ? ++rank_count : ++rank_amount);
		} else {
			reader_warn(r, line_of(sp, at[i]), _("a stage without a figure: left out"));
		}
		free(seg);
	}
}

/* The slug Regions charts an industry's breakdown under. */
static const char *subsector_dimension(const char *industry)
{
	return strcmp(industry, "스마트 제조") == 0 ? "smart_manufacturing" : "subsector";
}

/* ---- by meaning ----------------------------------------------------------------------------- */

/* A figure of the text: a number and what it counts in. */
enum unit { U_CASES, U_UNITS, U_EOK, U_PERCENT };

struct figure {
	const char *at, *end; /* the number, and past its unit */
	char text[32];
	double value;
	enum unit unit;
};

struct figures {
	struct figure *items;
	size_t n;
};

/* Every figure in [from, to): "# 건", "# 개", "# 억 위안", "#%". */
static void scan_figures(const char *from, const char *to, struct figures *out)
{
	out->items = NULL;
	out->n = 0;
	for (const char *p = from; p < to; p++) {
		if (*p < '0' || *p > '9' || (p > from && ((p[-1] >= '0' && p[-1] <= '9') ||
							  p[-1] == '.' || p[-1] == ',')))
			continue;
		struct figure f = { p, NULL, "", 0, U_CASES };
		const char *e = read_number(p, &f.value, f.text, sizeof f.text);
		if (!e)
			continue;
		const char *u = e;
		while (*u == ' ')
			u++;
		if (starts(u, "건"))
			f.unit = U_CASES, f.end = u + strlen("건");
		else if (starts(u, "개"))
			f.unit = U_UNITS, f.end = u + strlen("개");
		else if (starts(u, "억 위안"))
			f.unit = U_EOK, f.end = u + strlen("억 위안");
		else if (*u == '%' && u == e)
			f.unit = U_PERCENT, f.end = u + 1;
		if (f.end && f.end <= to + 16) {
			out->items = xrealloc(out->items, (out->n + 1) * sizeof *out->items);
			out->items[out->n++] = f;
		}
		p = e - 1;
	}
}

/* The first figure in unit at or after from (and before to when to is set); NULL if none. */
static const struct figure *next_figure(const struct figures *fs, const char *from,
					const char *to, enum unit unit)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->items[i].at >= from && (!to || fs->items[i].at < to) &&
		    fs->items[i].unit == unit)
			return &fs->items[i];
	return NULL;
}

/* Where the figure's own words end: at the next figure counted in 건, 개 or 억 위안, or at to. */
static const char *clause_end(const struct figures *fs, const struct figure *f, const char *to)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->items[i].at > f->at && fs->items[i].unit != U_PERCENT)
			return fs->items[i].at < to ? fs->items[i].at : to;
	return to;
}

/* The month-on-month and year-on-year changes said between from and to, as metric_mom and
 * metric_yoy: "전월 대비 33%, 작년 동기 대비 53% 감소", "전월보다 3% 늘었고, 1 년 전보다는
 * 26% 줄었으며". A change whose direction is not said is a warning. */
static void changes_in(struct reader *r, const char *from, const char *to, const char *metric,
		       const char *dimension, const char *key, size_t line)
{
	static const char *const month[] = { "전월", "전달", "지난달", "전 월", NULL };
	static const char *const year[] = { "동기 대비", "1 년 전", "전년", "작년", "지난해",
					     "한 해 전", NULL };
	const char *const *kinds[2] = { month, year };
	static const char *const suffix[2] = { "_mom", "_yoy" };
	for (int k = 0; k < 2; k++) {
		const char *best = NULL;
		/* The earliest of the kind's words ("작년 동기 대비": the year's, not the month's). */
		for (const char *const *w = kinds[k]; *w; w++) {
			const char *q = strstr(from, *w);
			if (q && q < to && (!best || q < best))
				best = q;
		}
		if (!best)
			continue;
		/* The first percentage after the word, before the next change's word. */
		struct figures fs;
		scan_figures(best, to, &fs);
		const struct figure *pc = next_figure(&fs, best, to, U_PERCENT);
		if (pc && pc->at - best < 48) {
			int dir = direction_after(pc->end);
			char m[48];
			snprintf(m, sizeof m, "%s%s", metric, suffix[k]);
			if (!dir) {
				reader_warn(r, line, _("%s: '%s%%' says no direction (감소 or 증가): left "
						       "out"), m, pc->text);
			} else {
				char v[40];
				snprintf(v, sizeof v, "%s%s", dir < 0 ? "-" : "", pc->text);
				stat_row(r, m, dimension, key, v, "%", "", 0);
			}
		}
		free(fs.items);
	}
}

/* A figure and its changes up to the next figure. */
static void figure_with_changes(struct reader *r, const struct figures *fs,
				const struct figure *f, const char *to, const char *metric,
				const char *dimension, const char *key, const char *unit,
				const char *share, size_t line)
{
	stat_row(r, metric, dimension, key, f->text, unit, share ? share : "", 0);
	changes_in(r, f->end, clause_end(fs, f, to), metric, dimension, key, line);
}

/* "장쑤성(江苏, 118 건), 광둥성(广东, 94 건) ...": the first list of ranked names in [from, to),
 * as [*start, *end). Names before "(" are a sector of the vocabulary (which has spaces) or a
 * word. Returns 0 when there is none. */
static int find_ranking(const char *from, const char *to, const char **start, const char **end)
{
	for (const char *p = from; p < to; p++) {
		if (*p != '(')
			continue;
		/* The name before it. */
		const char *b = p;
		while (b > from && b[-1] != ' ')
			b--;
		for (const char *q = from; q < p; q++)
			if ((q == from || q[-1] == ' ') && match_sector(q) == (size_t)(p - q)) {
				b = q;
				break;
			}
		const char *close = memchr(p, ')', (size_t)(to - p));
		if (!close)
			return 0;
		/* A ranking's item holds a figure: "江苏, 118 건", "9.69억 위안", "7 건". */
		int figure = 0;
		for (const char *q = p; q < close; q++)
			if (*q >= '0' && *q <= '9')
				figure = 1;
		if (!figure || b == p)
			continue;
		*start = b;
		/* Items go on while ", NAME(" or " 및 NAME(" follows. */
		const char *e = close + 1;
		for (;;) {
			const char *q = e;
			if (starts(q, ", "))
				q += 2;
			else if (starts(q, " 및 "))
				q += strlen(" 및 ");
			else
				break;
			const char *open = q;
			while (open < to && *open != '(' && *open != ',' && !starts(open, "다"))
				open++;
			if (open >= to || *open != '(')
				break;
			const char *c2 = memchr(open, ')', (size_t)(to - open));
			if (!c2)
				break;
			e = c2 + 1;
		}
		*end = e;
		return 1;
	}
	return 0;
}

/* Sector names separated by commas: the first such list of two or more in [from, to). */
static int find_sector_list(const char *from, const char *to, const char **start,
			    const char **end)
{
	for (const char *p = from; p < to; p++) {
		if (p != from && p[-1] != ' ')
			continue;
		size_t n = match_sector_in_sentence(p);
		if (!n)
			continue;
		const char *e = p + n;
		int items = 1;
		while (starts(e, ", ") && match_sector_in_sentence(e + 2)) {
			e += 2 + match_sector_in_sentence(e + 2);
			items++;
		}
		if (items >= 2) {
			*start = p;
			*end = e;
			return 1;
		}
	}
	return 0;
}

enum part_kind {
	P_INTRO, P_INDUSTRY, P_SUBSECTOR, P_REGION, P_CITY, P_STAGE, P_BIG, P_UNICORN,
	P_INSTITUTIONS, P_VCPE, P_CVC, P_MA, P_MA_INDUSTRY, P_MA_REGION, P_OTHER,
};

/* What a heading ("◼ 지역별 분포", "투자 기관 분석") names. */
static enum part_kind heading_kind(const char *h)
{
	/* The heading alone: a few words, not what follows it. */
	char head[48];
	snprintf(head, sizeof head, "%s", h);
	char *next = strstr(head, "◼");
	if (next)
		*next = '\0';
	int ma = strstr(head, "인수합병") != NULL;
	if (strstr(head, "주요 인수합병"))
		return P_OTHER;
	if (strstr(head, "인수합병 시장"))
		return P_MA;
	if (ma && strstr(head, "산업"))
		return P_MA_INDUSTRY;
	if (ma && strstr(head, "지역"))
		return P_MA_REGION;
	if (strstr(head, "세분화"))
		return P_SUBSECTOR;
	if (strstr(head, "산업별"))
		return P_INDUSTRY;
	if (strstr(head, "지역별"))
		return P_REGION;
	if (strstr(head, "도시"))
		return P_CITY;
	if (strstr(head, "단계"))
		return P_STAGE;
	if (strstr(head, "대형 투자 사건"))
		return P_BIG;
	if (strstr(head, "유니콘 기업"))
		return P_UNICORN;
	if (strstr(head, "VC/PE 기관 순위"))
		return P_VCPE;
	if (strstr(head, "CVC 기관 순위"))
		return P_CVC;
	if (strstr(head, "투자 기관 분석"))
		return P_INSTITUTIONS;
	if (strstr(head, "시장 투자 분석"))
		return P_INTRO;
	return P_OTHER;
}

struct part {
	enum part_kind kind;
	const char *from, *to;
};

/* The analysis cut at its headings: "◼ ..." and the titles of its chapters. */
static size_t cut_parts(const char *t, struct part *parts, size_t max)
{
	static const char *const titles[] = { "투자 기관 분석", "중국 인수합병 시장 분석",
					      "글로벌 대형 투자 및 유니콘 분석",
					      "중국 1 급 시장 투자 분석", NULL };
	size_t n = 0;
	parts[n++] = (struct part){ P_INTRO, t, NULL };
	for (const char *p = t; *p && n < max; p++) {
		int title = 0;
		for (const char *const *ti = titles; *ti; ti++)
			if ((p == t || p[-1] == ' ') && starts(p, *ti))
				title = 1;
		if (!starts(p, "◼") && !title)
			continue;
		const char *h = starts(p, "◼") ? p + strlen("◼") : p;
		while (*h == ' ')
			h++;
		parts[n - 1].to = p;
		enum part_kind k = heading_kind(h);
		parts[n++] = (struct part){ k, h, NULL };
		if (!*h)
			break; /* a heading at the very end */
		if (h > p)
			p = h - 1; /* the loop's step lands on the heading's first word */
	}
	parts[n - 1].to = t + strlen(t);
	/* The month's totals follow their chapter's title where it is printed; what comes
	 * before it is the article's own text. */
	for (size_t i = 1; i < n; i++)
		if (parts[i].kind == P_INTRO) {
			parts[0].kind = P_OTHER;
			struct part intro = parts[i];
			memmove(parts + 1, parts, i * sizeof *parts);
			parts[0] = intro;
			break;
		}
	return n;
}

/* The part of a kind, after the month's totals (an article's own headings before them are
 * not the analysis's). */
static const struct part *part_of(const struct part *parts, size_t n, enum part_kind k)
{
	for (size_t i = 0; i < n; i++)
		if (parts[i].kind == k && parts[i].from >= parts[0].from)
			return &parts[i];
	return NULL;
}

/* The share said after a figure: "(전체 산업의 65.5%)", "전체의 65.5%를 차지". */
static const char *share_after(const struct figures *fs, const struct figure *f, const char *to)
{
	const struct figure *pc = next_figure(fs, f->end, clause_end(fs, f, to), U_PERCENT);
	return pc ? pc->text : "";
}

static void missing(struct reader *r, size_t line, const char *what)
{
	reader_warn(r, line, _("the investment analysis does not say %s (or not in words jubo "
			       "reads): left out"), what);
}

/* The month's totals: its first count and its first amount, each with its changes. */
static void read_totals(struct reader *r, const struct span *sp, const struct part *parts,
		const struct figures *fs, double *total_count, size_t *total_line)
{
	const struct part *pt = &parts[0];
	const struct figure *f;
	if ((f = next_figure(fs, pt->from, pt->to, U_CASES))) {
		*total_count = f->value;
		*total_line = line_of(sp, f->at);
		figure_with_changes(r, fs, f, pt->to, "deal_count", "total", "전체", "건", NULL,
				    *total_line);
	} else {
		missing(r, line_of(sp, pt->from), _("the month's number of deals"));
	}
	if ((f = next_figure(fs, pt->from, pt->to, U_EOK)))
		figure_with_changes(r, fs, f, pt->to, "deal_amount", "total", "전체", "억 위안",
				    NULL, line_of(sp, f->at));
	else
		missing(r, line_of(sp, pt->from), _("the month's amount"));
}

/* The leading industry and its busiest field ("세분화"). */
static void read_industries(struct reader *r, const struct span *sp, const struct part *parts,
		size_t np, const struct figures *fs)
{
	const struct part *pt;
	const struct figure *f;
	char *top = NULL, top_count[32] = "";
	if ((pt = part_of(parts, np, P_SUBSECTOR)) &&
	    (f = next_figure(fs, pt->from, pt->to, U_CASES))) {
		const char *name = NULL;
		size_t nlen = 0;
		for (const char *q = pt->from; q < f->at; q++)
			if ((q == pt->from || q[-1] == ' ') && match_sector_in_sentence(q)) {
				name = q;
				nlen = match_sector_in_sentence(q);
			}
		if (name) {
			top = xstrndup(name, nlen);
			snprintf(top_count, sizeof top_count, "%s", f->text);
			const char *dim = subsector_dimension(top);
			char *whole = xasprintf("%s 전체", top);
			stat_row(r, "deal_count", dim, whole, f->text, "건", "", 0);
			free(whole);
			struct caps c;
			const char *e;
			if (pat_find(pt->from, f->end, "그 중 @ 분야는 # 건", &c, &e) && e <= pt->to) {
				char *sub = xstrndup(c.txt[0], c.txtlen[0]);
				stat_row(r, "deal_count", dim, trim(sub), c.numtext[0], "건", "", 1);
				free(sub);
			}
		}
	}
	/* Industries: the ranked names, the top ones' count and amount, then the ranking by
	 * amount with its total. */
	if ((pt = part_of(parts, np, P_INDUSTRY))) {
		const char *a, *z;
		struct caps c;
		const char *ne;
		const char *topn = pat_find(pt->from, pt->from, "상위 # 개", &c, &ne);
		char n_top[16];
		snprintf(n_top, sizeof n_top, "%.8s", topn && topn < pt->to ? c.numtext[0] : "5");
		const char *by_amount = strstr(pt->from, "금액이 가장 많은");
		if (by_amount && by_amount > pt->to)
			by_amount = NULL;
		const char *counts_to = by_amount ? by_amount : pt->to;
		if (find_sector_list(pt->from, counts_to, &a, &z))
			names_ranked(r, a, (size_t)(z - a), "deal_count", "건", top, top_count);
		char key[64];
		snprintf(key, sizeof key, "상위 %s 개 산업 (건수 기준)", n_top);
		const struct figure *cnt = next_figure(fs, pt->from, counts_to, U_CASES);
		if (cnt) {
			stat_row(r, "deal_count", "industry", key, cnt->text, "건",
				 share_after(fs, cnt, counts_to), 0);
			const struct figure *am = next_figure(fs, cnt->end, counts_to, U_EOK);
			if (am)
				stat_row(r, "deal_amount", "industry", key, am->text, "억 위안",
					 share_after(fs, am, counts_to), 0);
		} else {
			missing(r, line_of(sp, pt->from), _("the top industries' number of deals"));
		}
		if (by_amount) {
			if (find_sector_list(by_amount, pt->to, &a, &z))
				names_ranked(r, a, (size_t)(z - a), "deal_amount", "억 위안", NULL, NULL);
			snprintf(key, sizeof key, "상위 %s 개 산업 (금액 기준)", n_top);
			const struct figure *am = next_figure(fs, by_amount, pt->to, U_EOK);
			if (am)
				stat_row(r, "deal_amount", "industry", key, am->text, "억 위안",
					 share_after(fs, am, pt->to), 0);
		}
	}
	free(top);
}

/* Rankings of places and institutions. */
static void read_rankings(struct reader *r, const struct span *sp, const struct part *parts,
		size_t np)
{
	const struct part *pt;
	static const struct {
		enum part_kind kind;
		const char *dimension;
		int with_zh;
		const char *what;
	} rankings[] = {
		{ P_REGION, "region", 0, N_("the regions' ranking") },
		{ P_CITY, "city", 0, N_("the cities' ranking") },
		{ P_VCPE, "vcpe", 1, N_("the VC/PE institutions' ranking") },
		{ P_CVC, "cvc", 1, N_("the CVC institutions' ranking") },
	};
	for (size_t i = 0; i < sizeof rankings / sizeof rankings[0]; i++) {
		const char *a, *z;
		if (!(pt = part_of(parts, np, rankings[i].kind)))
			continue;
		if (find_ranking(pt->from, pt->to, &a, &z))
			ranking(r, a, (size_t)(z - a), "deal_count", rankings[i].dimension,
				rankings[i].with_zh, line_of(sp, a));
		else
			missing(r, line_of(sp, pt->from), _(rankings[i].what));
	}
	if ((pt = part_of(parts, np, P_STAGE)))
		read_stages(r, sp, pt->from, pt->to);
}

/* Big deals: the world's count and amount, then China's with their shares. */
static void read_big_deals(struct reader *r, const struct span *sp, const struct part *parts,
		size_t np, const struct figures *fs)
{
	const struct part *pt;
	if ((pt = part_of(parts, np, P_BIG))) {
		const char *cn = strstr(pt->from, "중국");
		if (cn && cn >= pt->to)
			cn = NULL;
		const struct figure *wc = next_figure(fs, pt->from, cn, U_CASES);
		const struct figure *wa = next_figure(fs, pt->from, cn, U_EOK);
		if (wc && wa) {
			stat_row(r, "deal_count", "big_deal", "전 세계", wc->text, "건", "", 0);
			stat_row(r, "deal_amount", "big_deal", "전 세계", wa->text, "억 위안", "", 0);
		}
		const struct figure *cc = cn ? next_figure(fs, cn, pt->to, U_CASES) : NULL;
		const struct figure *ca = cn ? next_figure(fs, cn, pt->to, U_EOK) : NULL;
		if (cc)
			stat_row(r, "deal_count", "big_deal", "중국", cc->text, "건",
				 share_after(fs, cc, pt->to), 0);
		if (ca)
			stat_row(r, "deal_amount", "big_deal", "중국", ca->text, "억 위안",
				 share_after(fs, ca, pt->to), 0);
		if (!wc || !wa || !cc || !ca)
			missing(r, line_of(sp, pt->from), _("every figure of the big deals"));
	}
}

/* New unicorns, the world's and China's, then how many there are. */
static void read_unicorns(struct reader *r, const struct span *sp, const struct part *parts,
		size_t np, const struct figures *fs)
{
	const struct part *pt;
	if ((pt = part_of(parts, np, P_UNICORN))) {
		const struct figure *u[4];
		const char *from = pt->from;
		size_t k = 0;
		for (; k < 4 && (u[k] = next_figure(fs, from, pt->to, U_UNITS)); k++)
			from = u[k]->end;
		if (k == 4) {
			stat_row(r, "new_count", "unicorn", "전 세계", u[0]->text, "개", "", 0);
			stat_row(r, "new_count", "unicorn", "중국", u[1]->text, "개", "", 0);
			stat_row(r, "total_count", "unicorn", "전 세계", u[2]->text, "개", "", 0);
			stat_row(r, "total_count", "unicorn", "중국", u[3]->text, "개",
				 share_after(fs, u[3], pt->to), 0);
		} else {
			missing(r, line_of(sp, pt->from), _("the four counts of unicorns"));
		}
	}
}

/* Institutions: each kind's count and changes. */
static void read_institutions(struct reader *r, const struct span *sp,
		const struct part *parts, size_t np, const struct figures *fs)
{
	const struct part *pt;
	if ((pt = part_of(parts, np, P_INSTITUTIONS))) {
		static const char *const kinds[] = { "VC/PE 기관", "CVC 기관" };
		for (int k = 0; k < 2; k++) {
			const char *w = strstr(pt->from, kinds[k]);
			const struct figure *c = w && w < pt->to ? next_figure(fs, w, pt->to, U_UNITS)
								  : NULL;
			if (c)
				figure_with_changes(r, fs, c, pt->to, "institution_count", "investor",
						    kinds[k], "개", NULL, line_of(sp, c->at));
			else
				missing(r, line_of(sp, pt->from), kinds[k]);
		}
	}
}

/* M&A: the total, at home and abroad, the amount; industries; regions. */
static void read_ma(struct reader *r, const struct span *sp, const struct part *parts,
		size_t np, const struct figures *fs)
{
	const struct part *pt;
	const struct part *mr = part_of(parts, np, P_MA_REGION);
	if ((pt = part_of(parts, np, P_MA))) {
		const struct figure *all = next_figure(fs, pt->from, pt->to, U_CASES);
		if (all)
			figure_with_changes(r, fs, all, pt->to, "deal_count", "ma", "전체", "건", NULL,
					    line_of(sp, all->at));
		else
			missing(r, line_of(sp, pt->from), _("the number of M&A deals"));
		const char *home = strstr(pt->from, "국내");
		const char *abroad = strstr(pt->from, "해외");
		const struct figure *h = home && home < pt->to ? next_figure(fs, home, pt->to, U_CASES)
							       : NULL;
		const struct figure *o = abroad && abroad < pt->to
						 ? next_figure(fs, abroad, pt->to, U_CASES)
						 : NULL;
		if (h) {
			const char *share = "";
			const struct figure *hr = mr ? next_figure(fs, mr->from, mr->to, U_CASES) : NULL;
			if (hr && strcmp(hr->text, h->text) == 0)
				share = share_after(fs, hr, mr->to);
			stat_row(r, "deal_count", "ma", "중국 국내", h->text, "건", share, 0);
		}
		if (o)
			stat_row(r, "deal_count", "ma", "해외", o->text, "건", "", 0);
		const struct figure *am = next_figure(fs, pt->from, pt->to, U_EOK);
		if (am)
			figure_with_changes(r, fs, am, pt->to, "deal_amount", "ma", "전체", "억 위안",
					    NULL, line_of(sp, am->at));
	}
	if ((pt = part_of(parts, np, P_MA_INDUSTRY))) {
		const struct figure *n = next_figure(fs, pt->from, pt->to, U_UNITS);
		if (n)
			stat_row(r, "industry_count", "ma", "전체", n->text, "개", "", 0);
		const char *a, *z, *from = pt->from;
		for (int k = 0; k < 2 && find_ranking(from, pt->to, &a, &z); k++) {
			ranking(r, a, (size_t)(z - a), "deal_count", "ma_industry", 0, line_of(sp, a));
			from = z;
		}
	}
	if (mr) {
		const char *a, *z;
		if (find_ranking(mr->from, mr->to, &a, &z))
			ranking(r, a, (size_t)(z - a), "deal_count", "ma_region", 0, line_of(sp, a));
	}
}

/* The month's count is the largest: a region's or an industry's cannot exceed it. */
static void check_total(struct reader *r, const struct part *parts, size_t np,
		const struct figures *fs, double total_count, size_t total_line)
{
	if (total_count >= 0) {
		for (size_t i = 0; i < fs->n; i++) {
			const struct figure *g = &fs->items[i];
			if (g->unit == U_CASES && g->value > total_count &&
			    !(g->at >= parts[0].from && g->at < parts[0].to)) {
				const struct part *big = part_of(parts, np, P_BIG);
				const struct part *ma = part_of(parts, np, P_MA);
				if ((big && g->at >= big->from && g->at < big->to) ||
				    (ma && g->at >= ma->from))
					continue;
				reader_warn(r, total_line,
					    _("the month's number of deals (%g) is smaller than %s 건 "
					      "said later: check it"), total_count, g->text);
				break;
			}
		}
		/* The top regions are within the month's count, the stages make it up. */
		static const struct {
			enum part_kind kind;
			int whole; /* the part's counts add up to the month's */
			const char *what;
		} sums[] = { { P_REGION, 0, N_("the top regions") }, { P_STAGE, 1, N_("the stages") } };
		for (size_t k = 0; k < sizeof sums / sizeof sums[0]; k++) {
			const struct part *pt = part_of(parts, np, sums[k].kind);
			if (!pt)
				continue;
			double sum = 0;
			for (size_t i = 0; i < fs->n; i++)
				if (fs->items[i].unit == U_CASES && fs->items[i].at >= pt->from &&
				    fs->items[i].at < pt->to)
					sum += fs->items[i].value;
			if (sums[k].whole ? sum > 0 && (sum < total_count * 0.98 ||
							sum > total_count * 1.02)
					  : sum > total_count)
				reader_warn(r, total_line,
					    _("%s count %g deals where the month's number is %g: check "
					      "them"), _(sums[k].what), sum, total_count);
		}
	}
}

/* The month's statistics from the investment analysis (reader.h): the analysis cut at its
 * headings, then each part read by what its figures count. */
void read_stats(struct reader *r, const struct span *sp)
{
	const char *t = sp->text;
	struct part parts[48];
	size_t np = cut_parts(t, parts, sizeof parts / sizeof parts[0]);
	struct figures fs;
	scan_figures(t, t + strlen(t), &fs);
	double total_count = -1;
	size_t total_line = 0;
	read_totals(r, sp, parts, &fs, &total_count, &total_line);
	read_industries(r, sp, parts, np, &fs);
	read_rankings(r, sp, parts, np);
	read_big_deals(r, sp, parts, np, &fs);
	read_unicorns(r, sp, parts, np, &fs);
	read_institutions(r, sp, parts, np, &fs);
	read_ma(r, sp, parts, np, &fs);
	check_total(r, parts, np, &fs, total_count, total_line);
	free(fs.items);
}
