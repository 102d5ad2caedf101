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

/* "전월 대비 33%, 작년 동기 대비 53% 감소": the month-on-month and year-on-year changes in the
 * sentence after s, as metric_mom and metric_yoy. */
static void changes(struct reader *r, const char *s, const char *metric, const char *dimension,
		    const char *key, size_t line)
{
	static const struct {
		const char *pat, *suffix;
	} kinds[] = { { "전월 대비 #%", "_mom" }, { "동기 대비 #%", "_yoy" } };
	const char *stop = strstr(s, "다. ");
	for (size_t i = 0; i < 2; i++) {
		struct caps c;
		const char *e;
		const char *at = pat_find(s, s, kinds[i].pat, &c, &e);
		if (!at || (stop && at > stop))
			continue;
		int dir = direction_after(e);
		char m[48];
		snprintf(m, sizeof m, "%s%s", metric, kinds[i].suffix);
		if (!dir) {
			reader_warn(r, line, _("'%s' says no direction (감소 or 증가): left out"),
			     c.numtext[0]);
			continue;
		}
		char v[40];
		snprintf(v, sizeof v, "%s%s", dir < 0 ? "-" : "", c.numtext[0]);
		stat_row(r, m, dimension, key, v, "%", "", 0);
	}
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

void read_stats(struct reader *r, const struct span *sp)
{
	const char *t = sp->text;
	struct caps c;
	const char *e, *at;
	char key[128];
	const char *ma = strstr(t, "인수합병 건수는 총");
	char *deals_part = xstrndup(t, ma ? (size_t)(ma - t) : strlen(t));
	const char *d = deals_part;

	if ((at = pat_find(d, d, "총 # 건의 투자 건수가 발생", &c, &e))) {
		stat_row(r, "deal_count", "total", "전체", c.numtext[0], "건", "", 0);
		changes(r, e, "deal_count", "total", "전체", line_of(sp, t + (at - d)));
	}
	if ((at = pat_find(d, d, "공개된 총 투자 금액은 # 억 위안", &c, &e))) {
		stat_row(r, "deal_amount", "total", "전체", c.numtext[0], "억 위안", "", 0);
		changes(r, e, "deal_amount", "total", "전체", line_of(sp, t + (at - d)));
	}
	char *top = NULL, top_count[32] = "";
	if ((at = pat_find(d, d, "는 가장 인기 있는 산업으로, 총 # 건", &c, &e))) {
		const char *b = at;
		while (b > d && !(b[-1] == ' ' && b - 1 > d && b[-2] == ','))
			b--;
		top = trimmed_copy(d, (size_t)(b - d), (size_t)(at - d));
		snprintf(top_count, sizeof top_count, "%s", c.numtext[0]);
	}
	if ((at = pat_find(d, d,
		       "상위 # 개 산업에서 발생한 투자 건수는 # 건(전체 산업의 #%)*, 이들 산업은 각각 @이다",
		       &c, &e))) {
		names_ranked(r, c.txt[0], c.txtlen[0], "deal_count", "건", top, top_count);
		snprintf(key, sizeof key, "상위 %s 개 산업 (건수 기준)", c.numtext[0]);
		stat_row(r, "deal_count", "industry", key, c.numtext[1], "건", c.numtext[2], 0);
		struct caps c2;
		if (pat_find(d, e, "상위 # 개 산업에서 공개된 총 금액은 # 억 위안(전체 산업의 #%)", &c2,
			 NULL))
			stat_row(r, "deal_amount", "industry", key, c2.numtext[1], "억 위안",
				 c2.numtext[2], 0);
	}
	if ((at = pat_find(d, d,
		       "금액이 가장 많은 상위 # 개 산업은 @ 순으로, 공개된 총 금액은 # 억 위안(전체 산업의 #%)",
		       &c, &e))) {
		names_ranked(r, c.txt[0], c.txtlen[0], "deal_amount", "억 위안", NULL, NULL);
		snprintf(key, sizeof key, "상위 %s 개 산업 (금액 기준)", c.numtext[0]);
		stat_row(r, "deal_amount", "industry", key, c.numtext[1], "억 위안", c.numtext[2], 0);
	}
	if ((at = pat_find(d, d, "는 가장 인기 있는 산업으로, 총 # 건", &c, &e))) {
		/* The industry is the words before it, back to a comma. */
		const char *b = at;
		while (b > d && !(b[-1] == ' ' && b - 1 > d && b[-2] == ','))
			b--;
		char *industry = trimmed_copy(d, (size_t)(b - d), (size_t)(at - d));
		const char *dim = subsector_dimension(industry);
		char *whole = xasprintf("%s 전체", industry);
		stat_row(r, "deal_count", dim, whole, c.numtext[0], "건", "", 0);
		free(whole);
		struct caps c2;
		if (pat_find(d, e, "그 중 @ 분야는 # 건", &c2, NULL)) {
			char *sub = xstrndup(c2.txt[0], c2.txtlen[0]);
			stat_row(r, "deal_count", dim, trim(sub), c2.numtext[0], "건", "", 1);
			free(sub);
		}
		free(industry);
	}
	free(top);
	if ((at = pat_find(d, d, "건수가 가장 많은 상위 # 개 지역은 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "region", 0, line_of(sp, t + (at - d)));
	if ((at = pat_find(d, d, "건수가 가장 많은 상위 # 개 도시는 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "city", 0, line_of(sp, t + (at - d)));
	if ((at = strstr(d, "단계별로"))) {
		const char *to = strstr(at, "대형 투자");
		read_stages(r, sp, at, to ? to : d + strlen(d));
	}
	if (pat_find(d, d, "전 세계에서 # 건의 대형 투자 건수가 신규 발생했으며, 공개된 총 투자 금액만 # 억 위안",
		 &c, &e)) {
		stat_row(r, "deal_count", "big_deal", "전 세계", c.numtext[0], "건", "", 0);
		stat_row(r, "deal_amount", "big_deal", "전 세계", c.numtext[1], "억 위안", "", 0);
	}
	if (pat_find(d, d, "중국에서 발생한 대형 투자 건수는 # 건으로, 전 세계 대형 투자 건수의 #%*투자 금액은 # 억 위안으로, 전 세계 신규 투자 금액의 #%",
		 &c, &e)) {
		stat_row(r, "deal_count", "big_deal", "중국", c.numtext[0], "건", c.numtext[1], 0);
		stat_row(r, "deal_amount", "big_deal", "중국", c.numtext[2], "억 위안", c.numtext[3], 0);
	}
	if (pat_find(d, d, "전 세계에서 # 개의 유니콘 기업이 새롭게 등장", &c, &e))
		stat_row(r, "new_count", "unicorn", "전 세계", c.numtext[0], "개", "", 0);
	if (pat_find(d, d, "중국에서는 # 개의 유니콘 기업이 신규 등장", &c, &e))
		stat_row(r, "new_count", "unicorn", "중국", c.numtext[0], "개", "", 0);
	if (pat_find(d, d, "전 세계에는 총 # 개의 유니콘 기업이", &c, &e))
		stat_row(r, "total_count", "unicorn", "전 세계", c.numtext[0], "개", "", 0);
	if (pat_find(d, d, "중국에는 # 개의 유니콘 기업이 있고, 그 비율은 #%", &c, &e))
		stat_row(r, "total_count", "unicorn", "중국", c.numtext[0], "개", c.numtext[1], 0);
	static const char *const institutions[] = { "VC/PE 기관", "CVC 기관" };
	for (size_t i = 0; i < 2; i++) {
		char pat[64];
		snprintf(pat, sizeof pat, "%s은 # 개로", institutions[i]);
		if ((at = pat_find(d, d, pat, &c, &e))) {
			stat_row(r, "institution_count", "investor", institutions[i], c.numtext[0], "개",
				 "", 0);
			changes(r, e, "institution_count", "investor", institutions[i],
				line_of(sp, t + (at - d)));
		}
	}
	if ((at = pat_find(d, d, "상위 # 개 VC/PE 기관은 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "vcpe", 1, line_of(sp, t + (at - d)));
	if ((at = pat_find(d, d, "상위 # 개 CVC 기관은 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "cvc", 1, line_of(sp, t + (at - d)));
	free(deals_part);

	if (!ma)
		return;
	size_t ma_line = line_of(sp, ma);
	if ((at = pat_find(ma, ma, "인수합병 건수는 총 # 건이 발생", &c, &e))) {
		stat_row(r, "deal_count", "ma", "전체", c.numtext[0], "건", "", 0);
		changes(r, e, "deal_count", "ma", "전체", ma_line);
	}
	if (pat_find(ma, ma, "중국 국내 인수합병 건수는 # 건, 해외 인수합병 건수는 # 건", &c, &e)) {
		struct caps c2;
		const char *share =
			pat_find(ma, ma, "중국 국내 인수합병 건수는 총 # 건으로, 전체 인수합병 건수의 #%", &c2,
			     NULL)
				? c2.numtext[1]
				: "";
		stat_row(r, "deal_count", "ma", "중국 국내", c.numtext[0], "건", share, 0);
		stat_row(r, "deal_count", "ma", "해외", c.numtext[1], "건", "", 0);
	}
	if ((at = pat_find(ma, ma, "공개된 총 거래 금액은 # 억 위안", &c, &e))) {
		stat_row(r, "deal_amount", "ma", "전체", c.numtext[0], "억 위안", "", 0);
		changes(r, e, "deal_amount", "ma", "전체", line_of(sp, at));
	}
	if (pat_find(ma, ma, "총 # 개 산업에 집중", &c, &e))
		stat_row(r, "industry_count", "ma", "전체", c.numtext[0], "개", "", 0);
	if ((at = pat_find(ma, ma, "건수 기준으로 상위 # 개 산업은 @ 산업이었다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "ma_industry", 0, line_of(sp, at));
	if ((at = pat_find(ma, ma, "금액 기준으로 상위 # 개 산업은 @ 산업이었다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "ma_industry", 0, line_of(sp, at));
	if ((at = pat_find(ma, ma, "상위 # 개 지역은 @이었다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "ma_region", 0, line_of(sp, at));
}
