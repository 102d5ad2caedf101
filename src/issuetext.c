/* issuetext.c: an issue's published text (pdftotext's) back into a bundle. See issuetext.h. */
#include "config.h"

#include "issuetext.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>
#include <strings.h>
#include <time.h>
#include <unistr.h>

#include "amount.h"
#include "decode.h"
#include "diag.h"
#include "reader/pagelayout.h"
#include "reader/pdfwords.h"
#include "gazetteer.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* ---- lines ----------------------------------------------------------------------------- */

/* A line of the text that holds something: trimmed, with whether the page broke it after a
 * space (between words) or not (inside a word). */
struct frag {
	char *text;
	size_t line;
	int space;  /* the line ended in a space */
	int used;   /* taken by a table, a reference or a heading: not part of a body */
	const struct grid *grid; /* a PDF's table, read by its geometry: text is its labels */
};

/* A PDF's places are a page and a line on it, kept in one number: page * PDF_LINES + line. */
#define PDF_LINES 10000

/* A warning kept until the reading ends, to be printed in order and once. */
struct wmsg {
	size_t line;
	size_t seq;
	char *text;
};

struct reader {
	const char *path;
	struct frag *f;
	size_t n, cap;
	int warnings;
	int number;             /* from the footers */
	int no_signal;          /* no line ends in a space: breaks are taken as between words */
	size_t number_line;
	char latest[11];        /* the latest date of a reference or an article */
	char period[8];         /* YYYY-MM of the investment analysis */
	struct buf deals, events, stats;
	struct bundle *out;
	int articles;
	int pdf;                /* lines are PDF places (PDF_LINES) */
	struct wmsg *msgs;      /* warnings, printed by flush_warnings */
	size_t nmsgs;
	struct buf summary;     /* a line per table: rows read, warned, left out */
};

static void warn(struct reader *r, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void warn(struct reader *r, size_t line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < r->nmsgs; i++)
		if (r->msgs[i].line == line && strcmp(r->msgs[i].text, msg) == 0) {
			free(msg); /* said once */
			return;
		}
	r->msgs = xrealloc(r->msgs, (r->nmsgs + 1) * sizeof *r->msgs);
	r->msgs[r->nmsgs] = (struct wmsg){ line, r->nmsgs, msg };
	r->nmsgs++;
	r->warnings++;
}

/* What each table gave: "FILE: 도표 9: 7 rows read, 1 with a warning, 0 left out". */
static void print_summary(struct reader *r, int quiet)
{
	char *all = buf_take(&r->summary);
	for (char *line = all, *nl; !quiet && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		diag_error_at(r->path, (struct textpos){ 0, 0 }, "%s", line);
	}
	free(all);
}

static int cmp_wmsg(const void *a, const void *b)
{
	const struct wmsg *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Prints the warnings kept, by their place in the file (those about the whole issue first);
 * a PDF's as "FILE: page P, line L". */
static void flush_warnings(struct reader *r, int quiet)
{
	qsort(r->msgs, r->nmsgs, sizeof *r->msgs, cmp_wmsg);
	for (size_t i = 0; i < r->nmsgs; i++) {
		size_t line = r->msgs[i].line;
		if (quiet) {
		} else if (r->pdf && line) {
			char *where = xasprintf(_("%s: page %zu, line %zu"), r->path, line / PDF_LINES,
						line % PDF_LINES);
			diag_warning_at(where, (struct textpos){ 0, 0 }, "%s", r->msgs[i].text);
			free(where);
		} else {
			diag_warning_at(r->path, (struct textpos){ line, line ? 1 : 0 }, "%s",
					r->msgs[i].text);
		}
		free(r->msgs[i].text);
	}
	free(r->msgs);
	r->msgs = NULL;
	r->nmsgs = 0;
}

static ucs4_t char_at(const char *s, int *len)
{
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)s, strnlen(s, 4));
	*len = n > 0 ? n : 1;
	return c;
}

static int is_han(ucs4_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* YYYY-MM-DD into out (11 bytes). */
static void iso_date(char *out, long y, long m, long d)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y % 10000, m % 100, d % 100);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A line of Han characters only (a company's Chinese name), at least two. */
static int han_only(const char *s)
{
	int n = 0;
	while (*s) {
		int len;
		ucs4_t c = char_at(s, &len);
		if (is_han(c))
			n++;
		else if (c != 0xB7 && c != 0x2219 && c != 0x30FB)
			return 0;
		s += len;
	}
	return n >= 2;
}

static int has_comma(const char *s)
{
	return strchr(s, ',') || strstr(s, "，") || strstr(s, "、");
}

/* Whether a trimmed line ends with whitespace in the original: ASCII, U+3000 or U+00A0. */
static int ends_in_space(const char *s, size_t len)
{
	if (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		return 1;
	if (len >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
		return 1;
	return len >= 2 && memcmp(s + len - 2, "\xc2\xa0", 2) == 0;
}

/* The page footer "주간 중국창업 418 호 【11】": its issue number, or 0. */
static int footer_number(const char *s)
{
	const char *p = strstr(s, "주간 중국창업");
	if (!p || !strstr(s, "호"))
		return 0;
	p += strlen("주간 중국창업");
	while (*p == ' ')
		p++;
	char *end;
	long n = strtol(p, &end, 10);
	if (end == p || n <= 0 || n > 1000000)
		return 0;
	while (*end == ' ')
		end++;
	return starts(end, "호") ? (int)n : 0;
}

/* " 2. [투자분석] 2025 년 1 월 ...": the bracketed kind and the title, or 0. */
static int section_heading(const char *s, char *kind, size_t ksize, const char **title)
{
	const char *p = s;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p - s > 2 || *p != '.')
		return 0;
	p++;
	while (*p == ' ')
		p++;
	if (*p != '[')
		return 0;
	const char *close = strchr(p, ']');
	if (!close || (size_t)(close - p - 1) >= ksize)
		return 0;
	snprintf(kind, ksize, "%.*s", (int)(close - p - 1), p + 1);
	p = close + 1;
	while (*p == ' ')
		p++;
	*title = p;
	return *p != '\0';
}

/* Keeps a line that holds something (k, trimmed): a page footer gives the issue's number and
 * the running head goes; runs of spaces become one. */
static void push_frag(struct reader *r, const char *k, int space, size_t line,
		      const struct grid *grid)
{
	int number = grid ? 0 : footer_number(k);
	if (number) {
		if (r->number && r->number != number)
			warn(r, line, _("this footer names issue %d, an earlier one %d"), number,
			     r->number);
		else if (!r->number) {
			r->number = number;
			r->number_line = line;
		}
		return;
	}
	if (strcmp(k, "CHINA 창업") == 0) /* the running head */
		return;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 512;
		r->f = xrealloc(r->f, r->cap * sizeof *r->f);
	}
	/* Runs of spaces inside a line are one space. */
	char *q = xstrdup(k), *o = q;
	for (char *p = q; *p; p++)
		if (!(*p == ' ' && o > q && o[-1] == ' '))
			*o++ = *p;
	*o = '\0';
	r->f[r->n++] = (struct frag){ q, line, space, 0, grid };
}

static void add_frag(struct reader *r, const char *s, size_t len, size_t line)
{
	char *t = xstrndup(s, len);
	int space = ends_in_space(t, strlen(t));
	/* Form feeds (pdftotext's page breaks) and carriage returns are not text. */
	char *w = t;
	for (char *p = t; *p; p++)
		if (*p != '\f' && *p != '\r')
			*w++ = *p;
	*w = '\0';
	space = space || ends_in_space(t, strlen(t));
	char *k = trim(t);
	if (*k)
		push_frag(r, k, space, line, NULL);
	free(t);
}

static void split_lines(struct reader *r, const char *text, size_t len)
{
	/* A text none of whose lines ends in a space (pdftotext drops it) does not say where the
	 * page broke inside a word: every break is taken as one between words. */
	size_t lines = 0, spaced = 0;
	for (const char *p = text, *end = text + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		if (e > p && !(e - p == 1 && (*p == '\r' || *p == '\f'))) {
			lines++;
			const char *q = e;
			while (q > p && (q[-1] == '\r'))
				q--;
			spaced += q > p && q[-1] == ' ';
		}
		p = nl ? nl + 1 : end;
	}
	int no_signal = lines > 20 && spaced * 50 < lines;
	size_t line = 1;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		size_t before = r->n;
		add_frag(r, p, (size_t)(e - p), line++);
		if (no_signal && r->n > before)
			r->f[r->n - 1].space = 1;
		p = nl ? nl + 1 : end;
	}
	r->no_signal = no_signal;
	if (no_signal)
		warn(r, 0, _("no line of this text ends in a space (as pdftotext writes it): every "
			     "line break is read as one between words, so a word the page broke in "
			     "two is read as two"));
}

/* ---- joining what the page broke ------------------------------------------------------- */

/* Fragments [from, to) as one text: a space between them where the line ended in one. The
 * byte offset where each begins goes to starts[k - from] when starts is not NULL. */
static char *join(const struct reader *r, size_t from, size_t to, size_t *starts)
{
	struct buf b = { 0 };
	for (size_t k = from; k < to; k++) {
		if (k > from && r->f[k - 1].space)
			buf_addc(&b, ' ');
		if (starts)
			starts[k - from] = b.len;
		buf_adds(&b, r->f[k].text);
	}
	return buf_take(&b);
}

/* A span of fragments joined, with the fragment of each byte. */
struct span {
	const struct reader *r;
	size_t from, to;
	char *text;
	size_t *starts;  /* to - from + 1 entries, the last the length */
};

static void span_init(struct span *sp, const struct reader *r, size_t from, size_t to)
{
	sp->r = r;
	sp->from = from;
	sp->to = to;
	sp->starts = xmalloc((to - from + 1) * sizeof *sp->starts);
	sp->text = join(r, from, to, sp->starts);
	sp->starts[to - from] = strlen(sp->text);
}

static void span_free(struct span *sp)
{
	free(sp->text);
	free(sp->starts);
}

/* The fragment a byte offset falls in. */
static size_t span_frag(const struct span *sp, size_t off)
{
	size_t k = sp->from;
	while (k + 1 < sp->to && sp->starts[k + 1 - sp->from] <= off)
		k++;
	return k;
}

static size_t span_line(const struct span *sp, size_t off)
{
	return sp->to > sp->from ? sp->r->f[span_frag(sp, off)].line : 0;
}

/* The end of the fragment that off is in (before the joining space). */
static size_t span_frag_end(const struct span *sp, size_t off)
{
	size_t k = span_frag(sp, off);
	return sp->starts[k - sp->from] + strlen(sp->r->f[k].text);
}

static size_t skip_spaces(const char *s, size_t off)
{
	while (s[off] == ' ')
		off++;
	return off;
}

static char *trimmed_copy(const char *s, size_t from, size_t to)
{
	char *c = xstrndup(s + from, to > from ? to - from : 0);
	char *t = trim(c);
	char *out = xstrdup(t);
	free(c);
	return out;
}

/* ---- vocabularies ---------------------------------------------------------------------- */

/* Whether a match of len bytes at s ends at a word's end. */
static int word_end(const char *s, size_t len)
{
	char c = s[len];
	return c == '\0' || c == ' ' || c == ',' || c == ')' || c == '(' || c == '.' || c == ';';
}

/* A round at s: its length, and the round as the store writes it ("B 라운드"; 轮 is 라운드). */
static size_t match_round(const char *s, char *out, size_t size)
{
	static const struct {
		const char *text, *as;
	} words[] = {
		{ "지분양도", "지분양도" },       { "지분 양도", "지분양도" },
		{ "전략 투자", "전략 투자" },     { "전략투자", "전략 투자" },
		{ "엔젤 라운드", "엔젤 라운드" }, { "시드 라운드", "시드 라운드" },
		{ "엔젤", "엔젤 라운드" },        { "시드", "시드 라운드" },
		{ "Pre-IPO", "Pre-IPO" },         { "IPO", "IPO" },
		{ "战略投资", "전략 투자" },      { "天使轮", "엔젤 라운드" },
		{ "种子轮", "시드 라운드" },      { "股权转让", "지분양도" },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].text);
		if (strncmp(s, words[i].text, n) == 0 && word_end(s, n)) {
			snprintf(out, size, "%s", words[i].as);
			return n;
		}
	}
	/* [Pre-]A[+|1-9] 라운드 / 轮 */
	const char *p = s;
	char letters[16];
	size_t nl = 0;
	if (starts(p, "Pre-")) {
		memcpy(letters, "Pre-", 4);
		nl = 4;
		p += 4;
	}
	if (*p < 'A' || *p > 'Z')
		return 0;
	letters[nl++] = *p++;
	while ((*p == '+' || (*p >= '0' && *p <= '9')) && nl < 10)
		letters[nl++] = *p++;
	letters[nl] = '\0';
	if (*p == ' ')
		p++;
	size_t n;
	if (starts(p, "라운드"))
		n = strlen("라운드");
	else if (starts(p, "轮"))
		n = strlen("轮");
	else
		return 0;
	if (!word_end(p, n))
		return 0;
	snprintf(out, size, "%s 라운드", letters);
	return (size_t)(p - s) + n;
}

/* The longest amount at s that ends at a word's end and names a currency (or says it is
 * undisclosed). Returns its length. */
static size_t match_amount(const char *s)
{
	if ((*s < '0' || *s > '9') && !starts(s, "거의") && !starts(s, "약") &&
	    !starts(s, "미공개") && !starts(s, "US$") && !starts(s, "$"))
		return 0;
	size_t best = 0, off = 0;
	for (int words = 0; words < 7 && s[off]; words++) {
		/* A thousands comma ("1,200 만 달러") is part of the number. */
		while (s[off] && s[off] != ' ' && s[off] != ')' &&
		       !(s[off] == ',' && !(off && s[off - 1] >= '0' && s[off - 1] <= '9' &&
					    s[off + 1] >= '0' && s[off + 1] <= '9')))
			off++;
		char *prefix = xstrndup(s, off);
		struct amount a;
		enum amount_status st = amount_parse(prefix, &a, NULL, NULL);
		free(prefix);
		if ((st == AMOUNT_OK && a.currency[0]) || st == AMOUNT_UNDISCLOSED)
			best = off;
		if (s[off] != ' ')
			break;
		off++;
	}
	return best;
}

/* Korean names of a place with what the newsletter leaves off: 장쑤 for 장쑤성, 네이멍구 for
 * 네이멍구자치구. */
static size_t match_name(const char *s, const char *name)
{
	if (!name || !*name)
		return 0;
	size_t n = strlen(name);
	if (strncmp(s, name, n) == 0 && word_end(s, n))
		return n;
	static const char *const suffixes[] = { "특별행정구", "자치구", "성", "시", NULL };
	for (const char *const *sf = suffixes; *sf; sf++) {
		size_t k = strlen(*sf);
		if (n > k + 3 && strcmp(name + n - k, *sf) == 0 && strncmp(s, name, n - k) == 0 &&
		    word_end(s, n - k))
			return n - k;
	}
	return 0;
}

/* A place of the gazetteer at s (a province, city or country, in Korean, Chinese, English
 * or an alias): the length of the longest. */
static size_t match_place(const char *s)
{
	size_t best = 0;
	for (size_t i = 0; i < gazetteer_count; i++) {
		const struct place_row *p = &gazetteer_places[i];
		const char *names[] = { p->name_ko, p->name_zh, p->name_en };
		for (size_t k = 0; k < 3; k++) {
			size_t n = match_name(s, names[k]);
			if (n > best)
				best = n;
		}
		/* "산시성(山西)": the Korean name with its characters; the bare reading is shared. */
		const char *a = p->aliases;
		while (a && *a) {
			const char *bar = strchr(a, '|');
			size_t len = bar ? (size_t)(bar - a) : strlen(a);
			char *alias = xstrndup(a, len);
			size_t n = match_name(s, alias);
			free(alias);
			if (n > best)
				best = n;
			a = bar ? bar + 1 : NULL;
		}
	}
	return best;
}

/* The industries of the newsletter's source (睿兽), as the tables write them. */
static const char *const sectors[] = {
	"스마트 제조", "인공지능", "의료 건강", "소재", "기업 서비스", "자동차 교통",
	"문화 및 오락", "문화 오락", "전자상거래", "블록체인", "에너지 전력", "생명공학",
	"생활 서비스", "전통 산업", "금융", "교육", "부동산", "농업", "물류", "소비",
	"로봇", "반도체", "항공우주", "하드웨어", "소프트웨어", "게임", "미디어", "환경 보호",
	"식품", "관광", "통신", "보안", "정보 기술", "바이오", "헬스케어", "에너지", NULL,
};

static size_t match_sector(const char *s)
{
	size_t best = 0;
	for (const char *const *v = sectors; *v; v++) {
		size_t n = strlen(*v);
		if (n > best && strncmp(s, *v, n) == 0 && word_end(s, n))
			best = n;
	}
	return best;
}

/* What a company's 소개 ends with: the kind of company it is. */
static int ends_like_description(const char *s, size_t len)
{
	static const char *const ends[] = { "업체", "기업", "회사", "은행", "플랫폼", "기관",
					    "메이커", "스타트업", "브랜드", "제조사", "개발사",
					    "운영사", "공급사", "제공사", "그룹", NULL };
	for (const char *const *e = ends; *e; e++) {
		size_t n = strlen(*e);
		if (len >= n && memcmp(s + len - n, *e, n) == 0)
			return 1;
	}
	return 0;
}

/* Letters a PDF's font draws alike, put right where nothing else can be meant: "Al" as a
 * word is AI (a lower-case L for the capital I), and a word that begins with "ll" and a vowel
 * lost its capital I (llumina: Illumina). Each repair is a warning. Takes a malloc'd text
 * and returns it, perhaps moved. */
static char *repair_letters(struct reader *r, size_t line, char *s)
{
	for (size_t i = 0; s[i]; i++) {
		char prev = i ? s[i - 1] : ' ';
		int word_start = !((prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z') ||
				   (prev >= '0' && prev <= '9') || prev == '-');
		if (!word_start || !s[i + 1])
			continue;
		char next2 = s[i + 2];
		int letter_or_digit = (next2 >= 'a' && next2 <= 'z') || (next2 >= 'A' && next2 <= 'Z') ||
				      (next2 >= '0' && next2 <= '9');
		if (s[i] == 'A' && s[i + 1] == 'l' && !letter_or_digit) {
			s[i + 1] = 'I';
			warn(r, line, _("read 'Al' as 'AI' (the font draws a capital I like l)"));
		} else if (s[i] == 'l' && s[i + 1] == 'l' && next2 && strchr("aeiou", next2)) {
			size_t n = strlen(s);
			s = xrealloc(s, n + 2);
			memmove(s + i + 1, s + i, n - i + 1);
			s[i] = 'I';
			size_t e = i;
			while (s[e] && s[e] != ' ' && s[e] != ',')
				e++;
			warn(r, line, _("read '%.*s' as '%.*s' (a capital I lost before ll)"),
			     (int)(e - i - 1), s + i + 1, (int)(e - i), s + i);
		}
	}
	return s;
}

/* ---- CSV ------------------------------------------------------------------------------- */

static void csv_field(struct buf *b, const char *v, int last)
{
	if (v && strpbrk(v, ",\"\n")) {
		buf_addc(b, '"');
		for (const char *p = v; *p; p++) {
			if (*p == '"')
				buf_addc(b, '"');
			buf_addc(b, *p);
		}
		buf_addc(b, '"');
	} else if (v) {
		buf_adds(b, v);
	}
	buf_addc(b, last ? '\n' : ',');
}

/* ---- dates ----------------------------------------------------------------------------- */

static void note_date(struct reader *r, const char *date)
{
	if (date[0] && strcmp(date, r->latest) > 0)
		snprintf(r->latest, sizeof r->latest, "%s", date);
}

static long read_int(const char *s, const char **end)
{
	long v = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9' && p - s < 5)
		v = v * 10 + (*p++ - '0');
	*end = p;
	return p > s ? v : -1;
}

/* "2025 년 3 월 27 일" or "3 월 26 일" (the year then is year): the first in s, as ISO. */
static int find_month_day(const char *s, int year, char *out)
{
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		const char *e;
		long a = read_int(p, &e);
		const char *q = skip_spaces(e, 0) + e;
		long y = year, m, d;
		if (a >= 1990 && a <= 2100 && starts(q, "년")) {
			y = a;
			q = skip_spaces(q + strlen("년"), 0) + q + strlen("년");
			m = read_int(q, &e);
			q = e + skip_spaces(e, 0);
		} else {
			m = a;
		}
		if (m < 1 || m > 12 || !starts(q, "월"))
			continue;
		q += strlen("월");
		q += skip_spaces(q, 0);
		d = read_int(q, &e);
		q = e + skip_spaces(e, 0);
		if (d < 1 || d > 31 || !starts(q, "일") || y <= 0)
			continue;
		iso_date(out, y, m, d);
		return 1;
	}
	return 0;
}

/* ---- references ------------------------------------------------------------------------ */

struct ref {
	char *source;  /* 신화망(新华网) */
	char *label;
	char *url;
	char date[11];
	size_t line;
};

struct refs {
	struct ref *items;
	size_t count;
};

static int is_url(const char *s)
{
	return starts(s, "http://") || starts(s, "https://") || starts(s, "www.");
}

/* "신화망(新华网). title": where the title begins, or 0. */
static size_t ref_start(const char *s)
{
	const char *close = strstr(s, "). ");
	if (!close)
		return 0;
	const char *open = NULL;
	for (const char *p = s; p < close; p++)
		if (*p == '(')
			open = p;
	if (!open || open == s || open - s > 90)
		return 0;
	int spaces = 0;
	for (const char *p = s; p < open; p++)
		spaces += *p == ' ';
	return spaces <= 1 ? (size_t)(close - s) + 3 : 0;
}

static void free_refs(struct refs *rs)
{
	for (size_t i = 0; i < rs->count; i++) {
		free(rs->items[i].source);
		free(rs->items[i].label);
		free(rs->items[i].url);
	}
	free(rs->items);
	rs->items = NULL;
	rs->count = 0;
}

/* The references before "참고자료" at index end, back to lo: each source and title, its date
 * "(25.03.26)", and its address. Returns the index of the first. */
static size_t read_refs(struct reader *r, size_t lo, size_t end, struct refs *out)
{
	size_t first = end;
	size_t k = end;
	while (k > lo) {
		/* An address (one or more lines), then the title lines back to the entry's start. */
		size_t url_end = k, u = k;
		while (u > lo && is_url(r->f[u - 1].text))
			u--;
		if (u == url_end)
			break;
		/* The earliest line that opens an entry, within a few lines before the address. */
		size_t s = u, at = u;
		int found = 0;
		while (s > lo && u - s < 5) {
			s--;
			if (is_url(r->f[s].text))
				break;
			if (ref_start(r->f[s].text)) {
				found = 1;
				at = s;
			}
		}
		s = at;
		if (!found) {
			if (first == end)
				first = u; /* bare addresses only */
			for (size_t i = u; i < url_end; i++)
				r->f[i].used = 1;
			k = u;
			break;
		}
		struct ref ref = { 0 };
		ref.line = r->f[s].line;
		const char *t = r->f[s].text;
		size_t title_at = ref_start(t);
		ref.source = xstrndup(t, title_at - 2);
		char *label = join(r, s, u, NULL);
		char *lt = xstrdup(label + title_at);
		free(label);
		/* "(25.03.26)" at the end: the date. */
		char *tail = trim(lt);
		size_t n = strlen(tail);
		if (n >= 10 && tail[n - 1] == ')') {
			char *open = strrchr(tail, '(');
			int yy, mm, dd;
			char rest;
			if (open && sscanf(open, "(%2d.%2d.%2d%c", &yy, &mm, &dd, &rest) == 4 &&
			    rest == ')' && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
				iso_date(ref.date, 2000 + yy, mm, dd);
				*open = '\0';
			}
		}
		tail = trim(tail);
		n = strlen(tail);
		if (n && tail[n - 1] == '.')
			tail[--n] = '\0';
		ref.label = xstrdup(trim(tail));
		free(lt);
		char *url = join(r, u, url_end, NULL);
		char *w = url;
		int spaced = 0;
		for (char *p = url; *p; p++) {
			if (*p == ' ')
				spaced = 1;
			else
				*w++ = *p;
		}
		*w = '\0';
		if (spaced)
			warn(r, r->f[u].line, _("an address with spaces in it: read without them (%s)"),
			     url);
		ref.url = url;
		for (size_t i = s; i < url_end; i++)
			r->f[i].used = 1;
		out->items = xrealloc(out->items, (out->count + 1) * sizeof *out->items);
		memmove(out->items + 1, out->items, out->count * sizeof *out->items);
		out->items[0] = ref;
		out->count++;
		note_date(r, ref.date);
		first = s;
		k = s;
	}
	return first;
}

/* ---- tables of deals --------------------------------------------------------------------- */

enum col {
	C_NAME, C_ROUND, C_AMOUNT, C_VALUATION, C_PLACE, C_SECTOR, C_DESC, C_INVESTORS,
	C_ACQUIRER, C_OVERVIEW, C_SKIP,
};

static const struct {
	const char *label;
	enum col col;
} header_labels[] = {
	{ "기업 명칭", C_NAME },      { "기업명", C_NAME },         { "기업 가치", C_VALUATION },
	{ "기업가치", C_VALUATION },  { "최근 투자 사건", C_SKIP }, { "투자 금액", C_AMOUNT },
	{ "인수 금액", C_AMOUNT },    { "거래 금액", C_AMOUNT },    { "라운드", C_ROUND },
	{ "소재지", C_PLACE },        { "분야", C_SECTOR },         { "소개", C_DESC },
	{ "투자자", C_INVESTORS },    { "투자 기관", C_INVESTORS }, { "인수자", C_ACQUIRER },
	{ "기업 개요", C_OVERVIEW },  { "투자 일자", C_SKIP },     { "일자", C_SKIP },
};

/* A label's column, or -1. */
static int label_col(const char *label)
{
	for (size_t i = 0; i < sizeof header_labels / sizeof header_labels[0]; i++)
		if (strcmp(label, header_labels[i].label) == 0)
			return (int)header_labels[i].col;
	return -1;
}

/* Reads a header's columns; returns how many, or -1 when s holds something else. A label
 * cut at the end (the page broke "기업 가" / "치") counts when partial is set. */
static int read_header(const char *s, enum col *cols, int max, int *partial)
{
	int n = 0;
	*partial = 0;
	const char *p = s;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		int found = 0;
		for (size_t i = 0; i < sizeof header_labels / sizeof header_labels[0]; i++) {
			size_t len = strlen(header_labels[i].label);
			if (strncmp(p, header_labels[i].label, len) == 0 && word_end(p, len)) {
				if (header_labels[i].col != C_SKIP && n < max)
					cols[n++] = header_labels[i].col;
				p += len;
				found = 1;
				break;
			}
			if (strlen(p) < len && strncmp(p, header_labels[i].label, strlen(p)) == 0) {
				*partial = 1;
				return n;
			}
		}
		if (!found)
			return -1;
	}
	return n;
}

struct deal {
	char kind[12], scope[10];
	char *name_ko, *name_zh, *round, *amount, *valuation, *acquirer, *place, *sector, *desc,
		*investors;
	size_t line;
};

struct deals {
	struct deal *items;
	size_t count;
};

static void free_deal(struct deal *d)
{
	free(d->name_ko);
	free(d->name_zh);
	free(d->round);
	free(d->amount);
	free(d->valuation);
	free(d->acquirer);
	free(d->place);
	free(d->sector);
	free(d->desc);
	free(d->investors);
}

struct table {
	struct reader *r;
	enum col cols[12];
	int ncols;
	int overseas;
	size_t first, limit;  /* the fragments of its rows */
	size_t width;         /* the widest list in its last column so far */
};

static int stop_line(const char *s)
{
	char kind[32];
	const char *title;
	return (starts(s, "도표") && strlen(s) > 7) || starts(s, "◼") ||
	       section_heading(s, kind, sizeof kind, &title) || strcmp(s, "참고자료") == 0;
}

/* Whether the text at s is what the column reads (for the columns that have a vocabulary). */
static size_t match_col(enum col c, const char *s)
{
	char round[32];
	switch (c) {
	case C_ROUND:
		return match_round(s, round, sizeof round);
	case C_AMOUNT:
	case C_VALUATION:
		return match_amount(s);
	case C_PLACE:
		return match_place(s);
	default:
		return 0;
	}
}

/* Whether the page broke fragment k inside a cell, so that k + 1 goes on with it: k ends
 * inside a word or after a comma, or k holds only the cell (pure) and the next word would
 * not have fitted on it. width is the widest line of a list seen in the column so far
 * (proportional type: a line counts as full at nine tenths of it); with none yet there is
 * nothing to measure by, and the line ends its cell. */
static int cell_goes_on(const struct reader *r, size_t k, int pure, size_t width)
{
	const struct frag *a = &r->f[k], *b = &r->f[k + 1];
	size_t n = strlen(a->text);
	if (!a->space || (n && a->text[n - 1] == ',') ||
	    (n >= 3 && strcmp(a->text + n - 3, "，") == 0))
		return 1;
	if (!pure || !width)
		return 0;
	const char *sp = strchr(b->text, ' ');
	size_t word = text_width(b->text, sp ? (size_t)(sp - b->text) : strlen(b->text));
	return (text_strwidth(a->text) + 1 + word) * 10 > width * 9;
}

static void widen(const struct reader *r, size_t k, size_t *width)
{
	size_t w = text_strwidth(r->f[k].text);
	if (has_comma(r->f[k].text) && w > *width)
		*width = w;
}

/* Whether the column's vocabulary reads at the start of fragment k, with the lines after it
 * that the page broke off ("200 억" / "위안"). */
static int col_at(const struct table *t, enum col c, size_t k)
{
	size_t to = k + 1;
	while (to < t->limit && to < k + 3)
		to++;
	char *s = join(t->r, k, to, NULL);
	int ok = match_col(c, s) > 0;
	free(s);
	return ok;
}

/* Whether a row starts at fragment k: its name (Korean and Chinese, or a Latin name on one
 * to three lines) and then what the second column reads. *name_end gets the fragment after
 * the name (or the name's own fragment when the second column follows on its line) and
 * *zh whether a Chinese name was read; *split the byte in that fragment where the second
 * column begins. */
static int row_starts(const struct table *t, size_t k, int first, size_t *name_end, int *zh,
		      size_t *split)
{
	const struct reader *r = t->r;
	enum col second = t->cols[1];
	if (k >= t->limit || stop_line(r->f[k].text))
		return 0;
	if (!first && (k == 0 || !r->f[k - 1].space))
		return 0;
	/* A Korean name (perhaps broken inside a word) and a Chinese one. */
	for (size_t j = k + 1; j < t->limit && j <= k + 2; j++) {
		if (!han_only(r->f[j].text) || han_only(r->f[k].text) || has_comma(r->f[k].text) ||
		    j + 1 >= t->limit)
			continue;
		/* Two lines of a name: the first broken inside the word, or (in a text that does not
		 * say so) one word and a short rest of it: "윈저우항공과학" / "기술". */
		if (j == k + 2 && r->f[k].space &&
		    !(r->no_signal && !strchr(r->f[k].text, ' ') && !strchr(r->f[k + 1].text, ' ') &&
		      u8_mbsnlen((const uint8_t *)r->f[k + 1].text, strlen(r->f[k + 1].text)) <= 3))
			continue;
		if (j == k + 2 && has_comma(r->f[k + 1].text))
			continue;
		if (col_at(t, second, j + 1)) {
			*name_end = j + 1;
			*zh = 1;
			*split = 0;
			return 1;
		}
	}
	if (!t->overseas && second == C_PLACE)
		return 0; /* M&A of Chinese companies: always with the Chinese name */
	/* A Latin name: one to three lines without commas, the second column on its last line
	 * or the next. */
	for (size_t m = k; m < t->limit && m < k + 3; m++) {
		const char *s = r->f[m].text;
		if (match_col(second, s) || match_col(C_ROUND, s) || han_only(s))
			return 0;
		/* The second column on the name's own line ("Kardigan A 라운드 3 억 달러 ..."). */
		for (const char *p = strchr(s, ' '); p; p = strchr(p + 1, ' ')) {
			char *rest = join(r, m, m + 1 < t->limit ? m + 2 : m + 1, NULL);
			int ok = match_col(second, rest + (p + 1 - s));
			free(rest);
			if (ok) {
				char *name = xstrndup(s, (size_t)(p - s));
				int comma = has_comma(name);
				free(name);
				if (comma)
					return 0;
				*name_end = m;
				*zh = 0;
				*split = (size_t)(p - s);
				return 1;
			}
		}
		if (has_comma(s))
			return 0;
		if (m + 1 < t->limit && col_at(t, second, m + 1)) {
			*name_end = m + 1;
			*zh = 0;
			*split = 0;
			return 1;
		}
	}
	return 0;
}

/* The investors as the store keeps them: "; " between names. Names run together by a full
 * stop ("Group.Generation") are two names, said in a warning; a space before a comma goes. */
static char *list_names(struct reader *r, size_t line, const char *s)
{
	struct buf b = { 0 };
	char *copy = xstrdup(s);
	/* The ideographic comma and the full-width one separate names too. */
	struct buf norm = { 0 };
	for (const char *p = copy; *p;) {
		if (starts(p, "，") || starts(p, "、")) {
			buf_addc(&norm, ',');
			p += 3;
		} else if (*p == ';') {
			buf_addc(&norm, ',');
			p++;
		} else {
			buf_addc(&norm, *p++);
		}
	}
	free(copy);
	char *all = buf_take(&norm);
	for (char *tok = strtok(all, ","); tok; tok = strtok(NULL, ",")) {
		char *name = trim(tok);
		if (!*name)
			continue;
		/* "B Capital Group.Generation Investment Management" */
		for (char *dot = strchr(name, '.'); dot; dot = strchr(dot + 1, '.')) {
			if (dot > name && dot[-1] >= 'a' && dot[-1] <= 'z' && dot[1] >= 'A' &&
			    dot[1] <= 'Z' && dot[2] >= 'a' && dot[2] <= 'z') {
				*dot = '\0';
				warn(r, line, _("read '%s.%s' as two names"), name, dot + 1);
				if (b.len)
					buf_adds(&b, "; ");
				buf_adds(&b, trim(name));
				name = dot + 1;
				dot = name;
			}
		}
		if (b.len)
			buf_adds(&b, "; ");
		buf_adds(&b, trim(name));
	}
	free(all);
	return buf_take(&b);
}

static int free_text_col(enum col c)
{
	return c == C_DESC || c == C_INVESTORS || c == C_ACQUIRER || c == C_OVERVIEW;
}

/* Reads columns [from, to) of a row, from the span's text at off; a column of free text
 * that is the row's last runs to the span's end. Returns where reading stopped. */
static size_t read_row(struct table *t, struct span *sp, size_t off, struct deal *d, int from,
		       int to)
{
	struct reader *r = t->r;
	const char *s = sp->text;
	for (int c = from; c < to; c++) {
		enum col col = t->cols[c];
		int last = c == t->ncols - 1;
		enum col next = last ? C_SKIP : t->cols[c + 1];
		if (off > strlen(s))
			off = strlen(s);
		off = skip_spaces(s, off);
		size_t line = span_line(sp, off);
		size_t end = off;
		char round[32] = "";
		if (col == C_ROUND)
			end = off + match_round(s + off, round, sizeof round);
		else if (col == C_SECTOR)
			end = off + match_sector(s + off);
		else if (!free_text_col(col))
			end = off + match_col(col, s + off);
		if (end == off && !free_text_col(col) && s[off]) {
			/* Not in the vocabulary: the next word, up to its cell's end. */
			size_t fe = span_frag_end(sp, off);
			const char *sp_at = strchr(s + off, ' ');
			end = sp_at && (size_t)(sp_at - s) < fe ? (size_t)(sp_at - s) : fe;
			char *w = trimmed_copy(s, off, end);
			if (col == C_SECTOR || col == C_PLACE) {
				warn(r, line,
				     col == C_PLACE ? _("'%s' is not a place jubo knows: kept as written")
						    : _("'%s' is not a sector jubo knows: kept as written"),
				     w);
			} else {
				warn(r, line, col == C_ROUND ? _("cannot read a round in '%s': left out")
							     : _("cannot read an amount in '%s': left out"),
				     w);
				end = off; /* a wrong value is worse than none */
			}
			free(w);
		}
		if (free_text_col(col)) {
			if (last) {
				end = strlen(s);
			} else if (!free_text_col(next)) {
				/* Up to where the next column's vocabulary reads. */
				end = strlen(s);
				for (size_t p = off; s[p]; p++) {
					if (p > off && s[p - 1] == ' ' && match_col(next, s + p)) {
						end = p;
						break;
					}
				}
			} else {
				/* A 소개 ends with the kind of company it is, at a cell's end. */
				end = 0;
				for (size_t k = span_frag(sp, off); k < sp->to && !end; k++) {
					size_t fs = sp->starts[k - sp->from];
					size_t fe = fs + strlen(r->f[k].text);
					/* Inside a line, only "...업체" ends a 소개 ("제공업체 미공개"):
					 * "라이브거래플랫폼 운영업체" goes on past its 플랫폼. */
					for (size_t p = fs > off ? fs : off; p < fe; p++)
						if (s[p] == ' ' && p >= 6 && memcmp(s + p - 6, "업체", 6) == 0) {
							end = p;
							break;
						}
					if (!end && fe > off && r->f[k].space && ends_like_description(s, fe)) {
						end = fe;
						/* "데이터 플랫폼" / "운영업체": a kind that is only part of
						 * the 소개 when the next line ends in 업체, 기업 or 회사. */
						const char *n = k + 1 < sp->to ? r->f[k + 1].text : "";
						size_t nl = strlen(n);
						int strong = nl >= 6 && (strcmp(n + nl - 6, "업체") == 0 ||
									 strcmp(n + nl - 6, "기업") == 0 ||
									 strcmp(n + nl - 6, "회사") == 0);
						int weak = fe >= 6 && (memcmp(s + fe - 6, "업체", 6) != 0 &&
								       memcmp(s + fe - 6, "기업", 6) != 0 &&
								       memcmp(s + fe - 6, "회사", 6) != 0);
						if (weak && strong && !has_comma(n) && !strchr(n, ' '))
							end = sp->starts[k + 1 - sp->from] + nl;
					}
				}
				if (!end) {
					end = span_frag_end(sp, off);
					warn(r, line, _("cannot tell where this description ends: took "
							"its first line"));
				}
			}
		}
		char *v = trimmed_copy(s, off, end);
		switch (col) {
		case C_ROUND:
			if (round[0] || *v)
				free(d->round), d->round = xstrdup(round[0] ? round : v);
			break;
		case C_AMOUNT:
			free(d->amount), d->amount = *v ? xstrdup(v) : NULL;
			break;
		case C_VALUATION:
			free(d->valuation), d->valuation = *v ? xstrdup(v) : NULL;
			break;
		case C_PLACE:
			free(d->place), d->place = xstrdup(v);
			break;
		case C_SECTOR:
			free(d->sector), d->sector = xstrdup(v);
			break;
		case C_DESC: {
			v = repair_letters(r, line, v);
			free(d->desc), d->desc = xstrdup(v);
			break;
		}
		case C_OVERVIEW:
			/* The M&A table's 기업 개요 follows the 소개: "소개. 개요". */
			if (*v) {
				char *desc = d->desc ? xasprintf("%s. %s", d->desc, v) : xstrdup(v);
				free(d->desc);
				d->desc = desc;
			}
			break;
		case C_INVESTORS:
		case C_ACQUIRER: {
			v = repair_letters(r, line, v);
			char *names = list_names(r, line, v);
			/* A header may name a column twice: the last one read counts. */
			if (col == C_INVESTORS)
				free(d->investors), d->investors = names;
			else
				free(d->acquirer), d->acquirer = names;
			break;
		}
		default:
			break;
		}
		free(v);
		off = end;
	}
	return off;
}


/* ---- a PDF's table of deals, by its cells ----------------------------------------------------- */

/* The company's cell: its Korean (or Latin) name and, after it, its Chinese name. */
static void split_name(const char *cell, char **ko, char **zh)
{
	*ko = *zh = NULL;
	const char *cut = NULL;
	for (const char *p = strchr(cell, ' '); p; p = strchr(p + 1, ' '))
		if (han_only(p + 1)) {
			cut = p;
			break;
		}
	if (!cut && han_only(cell) && strlen(cell) > 0) {
		*zh = xstrdup(cell);
		return;
	}
	if (cut) {
		*ko = trimmed_copy(cell, 0, (size_t)(cut - cell));
		/* A Chinese name has no spaces: a line break inside it is not one. */
		struct buf b = { 0 };
		for (const char *p = cut; *p; p++)
			if (*p != ' ')
				buf_addc(&b, *p);
		*zh = buf_take(&b);
	} else {
		*ko = xstrdup(cell);
	}
}

/* Whether a text is shaped like a list of names: no sentence in it, no amount, no round. */
static int names_shaped(const char *s)
{
	char round[32];
	for (const char *p = s; *p; p++) {
		if ((p == s || p[-1] == ' ' || p[-1] == ',') && (match_amount(p) > 0 ||
								 match_round(p, round, sizeof round)))
			return 0;
	}
	return !strstr(s, "다.") && !strstr(s, "업체");
}

/* One row of a table read by its cells: every cell checked by what its column holds; what
 * fails is left out (a round, an amount) or kept as written (a place, a sector), with a
 * warning that names the row. Returns the warnings given, or -1 when the row is left out. */
static int grid_row(struct reader *r, const struct grid *g, const int *cols, size_t row,
		    size_t line, const char *table, struct deal *d)
{
	int warned = 0;
	const char *const *cells = (const char *const *)g->cells + row * (size_t)g->ncols;
	char *name = NULL;
	for (int c = 0; c < g->ncols; c++)
		if (cols[c] == C_NAME && cells[c][0])
			split_name(cells[c], &d->name_ko, &d->name_zh);
	if (d->name_ko)
		name = xstrdup(d->name_ko);
	else if (d->name_zh)
		name = xstrdup(d->name_zh);
	if (!name) {
		int any = 0;
		for (int c = 0; c < g->ncols; c++)
			any = any || cells[c][0];
		if (any)
			warn(r, line, _("%s, row %zu: no company name: the row is left out"), table,
			     row + 1);
		return -1;
	}
	if (!d->name_ko) {
		warn(r, line, _("%s, row %zu (%s): no Korean name: the Chinese one is kept as both"),
		     table, row + 1, name);
		d->name_ko = xstrdup(d->name_zh);
		warned++;
	}
	d->name_ko = repair_letters(r, line, d->name_ko);
	for (int c = 0; c < g->ncols; c++) {
		const char *v = cells[c];
		char round[32] = "";
		size_t n = strlen(v);
		if (cols[c] < 0 || cols[c] == C_NAME || cols[c] == C_SKIP || !*v)
			continue;
		switch (cols[c]) {
		case C_ROUND:
			if (match_round(v, round, sizeof round) == n) {
				free(d->round), d->round = xstrdup(round);
			} else {
				warn(r, line, _("%s, row %zu (%s): '%s' is not a round jubo knows: left "
						"out"), table, row + 1, name, v);
				warned++;
			}
			break;
		case C_AMOUNT:
		case C_VALUATION:
			if (match_amount(v) == n) {
				char **slot = cols[c] == C_AMOUNT ? &d->amount : &d->valuation;
				free(*slot), *slot = xstrdup(v);
			} else {
				warn(r, line, cols[c] == C_AMOUNT
					      ? _("%s, row %zu (%s): cannot read an amount in '%s': left out")
					      : _("%s, row %zu (%s): cannot read a valuation in '%s': left "
						  "out"), table, row + 1, name, v);
				warned++;
			}
			break;
		case C_PLACE:
			free(d->place), d->place = xstrdup(v);
			if (strcmp(v, "산시") == 0 || strcmp(v, "산시성") == 0) {
				warn(r, line, _("%s, row %zu (%s): '%s' names two provinces, 山西 "
						"(산서) and 陕西 (섬서): kept as written"),
				     table, row + 1, name, v);
				warned++;
			} else if (match_place(v) != n) {
				warn(r, line, _("%s, row %zu (%s): '%s' is not a place jubo knows: kept "
						"as written"), table, row + 1, name, v);
				warned++;
			}
			break;
		case C_SECTOR:
			free(d->sector), d->sector = xstrdup(v);
			if (match_sector(v) != n) {
				warn(r, line, _("%s, row %zu (%s): '%s' is not a sector jubo knows: kept "
						"as written"), table, row + 1, name, v);
				warned++;
			}
			break;
		case C_DESC: {
			char *t = repair_letters(r, line, xstrdup(v));
			free(d->desc), d->desc = t;
			break;
		}
		case C_OVERVIEW:
			if (d->desc) {
				char *t = xasprintf("%s. %s", d->desc, v);
				free(d->desc), d->desc = t;
			} else {
				free(d->desc), d->desc = xasprintf(". %s", v);
			}
			break;
		case C_INVESTORS:
		case C_ACQUIRER: {
			char *t = repair_letters(r, line, xstrdup(v));
			if (!names_shaped(t)) {
				warn(r, line, _("%s, row %zu (%s): '%s' does not read as a list of "
						"names: kept as written"), table, row + 1, name, t);
				warned++;
			}
			char *names = list_names(r, line, t);
			free(t);
			char **slot = cols[c] == C_INVESTORS ? &d->investors : &d->acquirer;
			free(*slot), *slot = names;
			break;
		}
		default:
			break;
		}
	}
	/* An overview whose 소개 was empty. */
	if (d->desc && starts(d->desc, ". ")) {
		char *t = xstrdup(d->desc + 2);
		free(d->desc), d->desc = t;
	}
	free(name);
	return warned;
}

/* A PDF's table of deals (its header at fragment h), read by its cells. */
static void read_grid_deals(struct reader *r, size_t h, const char *caption, struct deals *out)
{
	const struct grid *g = r->f[h].grid;
	int *cols = xmalloc((size_t)g->ncols * sizeof *cols);
	const char *kind = "investment";
	for (int c = 0; c < g->ncols; c++) {
		cols[c] = label_col(g->labels[c]);
		if (cols[c] == C_VALUATION)
			kind = "unicorn";
		else if (cols[c] == C_ACQUIRER)
			kind = "ma";
	}
	r->f[h].used = 1;
	char *table = caption ? xstrdup(caption) : xasprintf(_("the table at line %zu"),
								r->f[h].line % PDF_LINES);
	/* "도표 9. 중국 신규 ..." is named by its number. */
	char *dot = starts(table, "도표") ? strchr(table, '.') : NULL;
	if (dot)
		*dot = '\0';
	size_t read = 0, warned = 0, left = 0;
	for (size_t row = 0; row < g->nrows; row++) {
		struct deal d = { 0 };
		snprintf(d.kind, sizeof d.kind, "%s", kind);
		snprintf(d.scope, sizeof d.scope, "%s",
			 caption && strstr(caption, "해외") ? "overseas" : "china");
		d.line = (size_t)g->row_page[row] * PDF_LINES + (size_t)g->row_line[row];
		int w = grid_row(r, g, cols, row, d.line, table, &d);
		if (w < 0) {
			free_deal(&d);
			left++;
			continue;
		}
		read++;
		warned += w > 0;
		out->items = xrealloc(out->items, (out->count + 1) * sizeof *out->items);
		out->items[out->count++] = d;
	}
	if (g->uncertain) {
		warn(r, r->f[h].line, _("%s: a column's edge was not found in a gap between words: "
					"check its cells"), table);
	}
	buf_printf(&r->summary, _("%s: %zu rows read, %zu with a warning, %zu left out\n"), table,
		   read, warned, left);
	free(table);
	free(cols);
}

/* Reads a table of deals whose header begins at fragment h, up to limit. Returns the
 * fragment after its header (the rows are marked used). */
static size_t read_deal_table(struct reader *r, size_t h, size_t limit, const char *caption,
			      struct deals *out)
{
	if (r->f[h].grid) {
		read_grid_deals(r, h, caption, out);
		return h + 1;
	}
	struct table t = { .r = r, .limit = limit };
	/* The header: lines that are all column labels. */
	size_t k = h;
	int partial = 0;
	for (; k < limit && k < h + 8; k++) {
		char *hdr = join(r, h, k + 1, NULL);
		enum col cols[12];
		int p2;
		int n = read_header(hdr, cols, 12, &p2);
		free(hdr);
		if (n < 0)
			break;
		memcpy(t.cols, cols, sizeof cols);
		t.ncols = n;
		partial = p2;
	}
	if (partial || t.ncols < 4 || t.cols[0] != C_NAME)
		return h + 1;
	const char *kind = "investment";
	for (int c = 0; c < t.ncols; c++) {
		if (t.cols[c] == C_VALUATION)
			kind = "unicorn";
		else if (t.cols[c] == C_ACQUIRER)
			kind = "ma";
	}
	t.overseas = caption && strstr(caption, "해외") != NULL;
	t.first = k;
	for (size_t i = h; i < k; i++)
		r->f[i].used = 1;
	/* The rows end at the next caption, heading or section. */
	size_t end = k;
	while (end < limit && !stop_line(r->f[end].text))
		end++;
	t.limit = end;

	size_t name_end, split;
	int zh;
	size_t row = k;
	if (!row_starts(&t, row, 1, &name_end, &zh, &split)) {
		warn(r, r->f[h].line, _("a table of deals whose rows jubo cannot read: left out"));
		return k;
	}
	while (row < end) {
		struct deal d = { 0 };
		snprintf(d.kind, sizeof d.kind, "%s", kind);
		snprintf(d.scope, sizeof d.scope, "%s", t.overseas ? "overseas" : "china");
		d.line = r->f[row].line;
		size_t body_off = 0;
		if (zh) {
			if (r->no_signal && name_end - 1 - row == 2)
				d.name_ko = xasprintf("%s%s", r->f[row].text, r->f[row + 1].text);
			else
				d.name_ko = join(r, row, name_end - 1, NULL);
			d.name_zh = xstrdup(r->f[name_end - 1].text);
		} else if (split) {
			char *nm = join(r, row, name_end + 1, NULL);
			size_t before = strlen(nm) - strlen(r->f[name_end].text);
			nm[before + split] = '\0';
			d.name_ko = xstrdup(trim(nm));
			free(nm);
			body_off = split + 1;
		} else {
			d.name_ko = join(r, row, name_end, NULL);
		}
		d.name_ko = repair_letters(r, d.line, d.name_ko);
		size_t body_from = name_end;
		struct span sp;
		span_init(&sp, r, body_from, end);
		size_t off = read_row(&t, &sp, body_off, &d, 1, t.ncols - 1);
		off = skip_spaces(sp.text, off);
		size_t last_k = off < sp.starts[end - body_from] ? span_frag(&sp, off) : end - 1;
		/* The next row begins after the last column's first line; a Latin name only where
		 * the last column's cell ended. */
		size_t pure_from = last_k < end && off == sp.starts[last_k - body_from] ? last_k
											: last_k + 1;
		size_t width = t.width;
		size_t next = end, next_name_end = 0, next_split = 0;
		int next_zh = 0;
		/* An empty last cell: the next row may begin where it would have. */
		for (size_t j = pure_from == last_k && last_k > row ? last_k : last_k + 1; j < end; j++) {
			/* A line is measured against the lists before it, not itself. */
			if (row_starts(&t, j, 0, &next_name_end, &next_zh, &next_split) &&
			    (j > last_k || next_zh) &&
			    (next_zh || (next_split && next_name_end == j) ||
			     !cell_goes_on(r, j - 1, j - 1 >= pure_from, width))) {
				next = j;
				break;
			}
			if (j - 1 >= pure_from)
				widen(r, j - 1, &width);
		}
		size_t row_end = next;
		if (next == end) {
			/* The last row: its last cell goes on while the page broke it. */
			size_t m = last_k;
			while (m + 1 < end) {
				if (!cell_goes_on(r, m, m >= pure_from, width))
					break;
				if (m >= pure_from)
					widen(r, m, &width);
				m++;
			}
			row_end = m + 1;
		}
		t.width = width;
		span_free(&sp);
		span_init(&sp, r, body_from, row_end);
		if (off > sp.starts[row_end - body_from])
			off = sp.starts[row_end - body_from];
		read_row(&t, &sp, off, &d, t.ncols - 1, t.ncols);
		span_free(&sp);
		for (size_t i = row; i < row_end; i++)
			r->f[i].used = 1;
		out->items = xrealloc(out->items, (out->count + 1) * sizeof *out->items);
		out->items[out->count++] = d;
		row = next;
		name_end = next_name_end;
		zh = next_zh;
		split = next_split;
	}
	return k;
}

/* Removes what separates names, to compare two printings of one list. */
static char *squash(const char *s)
{
	struct buf b = { 0 };
	for (const char *p = s ? s : ""; *p;) {
		if (*p == ' ' || *p == ',' || *p == ';' || *p == '.') {
			p++;
		} else if (starts(p, "，") || starts(p, "、")) {
			p += 3;
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_take(&b);
}

/* A round printed in two tables: where the new unicorns' table ran the investors together
 * (no comma between two names), the big deals' table's list of the same names is taken. */
static void mend_investors(struct deals *ds)
{
	for (size_t i = 0; i < ds->count; i++) {
		struct deal *u = &ds->items[i];
		if (strcmp(u->kind, "unicorn") != 0 || !u->investors)
			continue;
		for (size_t j = 0; j < ds->count; j++) {
			struct deal *v = &ds->items[j];
			if (strcmp(v->kind, "investment") != 0 || !v->investors ||
			    strcmp(v->name_ko, u->name_ko) != 0 || !u->amount || !v->amount ||
			    strcmp(u->amount, v->amount) != 0)
				continue;
			char *a = squash(u->investors), *b = squash(v->investors);
			if (strcmp(a, b) == 0 && strcmp(u->investors, v->investors) != 0) {
				free(u->investors);
				u->investors = xstrdup(v->investors);
			}
			free(a);
			free(b);
		}
	}
}

static void write_deals(struct reader *r, const struct deals *ds)
{
	struct buf *b = &r->deals;
	if (!b->len)
		buf_adds(b, "kind,scope,period,company,company_zh,round,amount,valuation,acquirer,"
			    "place,sector,description,investors\n");
	for (size_t i = 0; i < ds->count; i++) {
		const struct deal *d = &ds->items[i];
		csv_field(b, d->kind, 0);
		csv_field(b, d->scope, 0);
		csv_field(b, r->period, 0);
		csv_field(b, d->name_ko, 0);
		csv_field(b, d->name_zh, 0);
		csv_field(b, d->round, 0);
		csv_field(b, d->amount, 0);
		csv_field(b, d->valuation, 0);
		csv_field(b, d->acquirer, 0);
		csv_field(b, d->place, 0);
		csv_field(b, d->sector, 0);
		csv_field(b, d->desc, 0);
		csv_field(b, d->investors, 1);
	}
}

/* ---- events ------------------------------------------------------------------------------ */

/* "2025.04.02-2025.04.03" or "2025.04.11" at s: its length, or 0. */
static size_t match_dates(const char *s)
{
	int y, m, d, n = 0;
	if (sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &n) != 3 || n != 10 || y < 1990 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return 0;
	size_t len = 10;
	if (s[10] == '-' || starts(s + 10, "~")) {
		size_t skip = s[10] == '-' ? 1 : 1;
		int n2 = 0;
		if (sscanf(s + 10 + skip, "%4d.%2d.%2d%n", &y, &m, &d, &n2) == 3 && n2 == 10)
			len = 10 + skip + 10;
	}
	return word_end(s, len) ? len : 0;
}

/* The events' header "명칭 기간 장소 분야", on one line or on several: the lines it takes. */
static size_t events_header(const struct reader *r, size_t k)
{
	if (!starts(r->f[k].text, "명칭"))
		return 0;
	for (size_t n = 1; n <= 4 && k + n <= r->n; n++) {
		char *h = join(r, k, k + n, NULL);
		int ok = strstr(h, "기간") && strstr(h, "장소");
		free(h);
		if (ok)
			return n;
	}
	return 0;
}

/* A PDF's events table (its header at fragment h), by its cells. */
static void read_grid_events(struct reader *r, size_t h, size_t limit)
{
	const struct grid *g = r->f[h].grid;
	int at[4] = { -1, -1, -1, -1 };
	static const char *const labels[] = { "명칭", "기간", "장소", "분야" };
	for (int c = 0; c < g->ncols; c++)
		for (int k = 0; k < 4; k++)
			if (strcmp(g->labels[c], labels[k]) == 0)
				at[k] = c;
	r->f[h].used = 1;
	for (size_t k = h + 1; k < limit; k++)
		if (strcmp(r->f[k].text, "행사 정보") == 0) {
			r->f[k].used = 1;
			break;
		}
	struct buf *b = &r->events;
	buf_adds(b, "명칭,기간,장소,분야\n");
	size_t read = 0, warned = 0, left = 0;
	for (size_t row = 0; row < g->nrows; row++) {
		const char *v[4];
		for (int k = 0; k < 4; k++)
			v[k] = at[k] >= 0 ? g->cells[row * (size_t)g->ncols + (size_t)at[k]] : "";
		size_t line = (size_t)g->row_page[row] * PDF_LINES + (size_t)g->row_line[row];
		if (!*v[0] || !*v[2]) {
			warn(r, line, _("the events, row %zu: an event without a name or a place: left "
					"out"), row + 1);
			left++;
			continue;
		}
		char *dates = xstrdup(v[1]);
		if (match_dates(dates) != strlen(dates)) {
			warn(r, line, _("the events, row %zu (%s): cannot read a date or a period in "
					"'%s': left out"), row + 1, v[0], v[1]);
			dates[0] = '\0';
			warned++;
		}
		char *name = repair_letters(r, line, xstrdup(v[0]));
		csv_field(b, name, 0);
		csv_field(b, dates, 0);
		csv_field(b, v[2], 0);
		csv_field(b, v[3], 1);
		free(name);
		free(dates);
		read++;
	}
	buf_printf(&r->summary, _("the events: %zu rows read, %zu with a warning, %zu left out\n"),
		   read, warned, left);
}

/* The events table from fragment h (its header) to limit. */
static void read_events(struct reader *r, size_t h, size_t limit)
{
	if (r->f[h].grid) {
		read_grid_events(r, h, limit);
		return;
	}
	size_t head = events_header(r, h);
	for (size_t k = h; k < h + head; k++)
		r->f[k].used = 1;
	h += head - 1;
	size_t end = h + 1;
	while (end < limit && strcmp(r->f[end].text, "행사 정보") != 0)
		end++;
	if (end < limit)
		r->f[end].used = 1;
	struct span sp;
	span_init(&sp, r, h + 1, end);
	const char *s = sp.text;
	struct buf *b = &r->events;
	buf_adds(b, "명칭,기간,장소,분야\n");
	size_t from = 0;
	for (size_t p = 0; s[p]; p++) {
		if (p > 0 && s[p - 1] != ' ')
			continue;
		size_t n = match_dates(s + p);
		if (!n)
			continue;
		size_t line = span_line(&sp, p);
		char *name = trimmed_copy(s, from, p);
		size_t nl = strlen(name);
		if (nl && name[nl - 1] == ',') {
			name[--nl] = '\0';
			warn(r, line, _("the event's name ends in a comma: read without it"));
		}
		char *dates = xstrndup(s + p, n);
		/* 장소 and 분야: the rest of the line, a word each. */
		size_t q = skip_spaces(s, p + n), fe = span_frag_end(&sp, p);
		size_t place_end = q;
		while (s[place_end] && s[place_end] != ' ' && place_end < fe)
			place_end++;
		char *place = trimmed_copy(s, q, place_end);
		char *field = trimmed_copy(s, place_end, fe > place_end ? fe : place_end);
		if (!*name || !*place)
			warn(r, line, _("an event without a name or a place: left out"));
		else {
			name = repair_letters(r, line, name);
			csv_field(b, name, 0);
			csv_field(b, dates, 0);
			csv_field(b, place, 0);
			csv_field(b, field, 1);
		}
		free(name);
		free(dates);
		free(place);
		free(field);
		from = fe;
		p = fe ? fe - 1 : 0;
	}
	for (size_t k = h; k < end; k++)
		r->f[k].used = 1;
	span_free(&sp);
}

/* ---- the month's statistics ------------------------------------------------------------------ */

/* The sentences the investment analysis writes every month are read with small patterns:
 * ' ' is any run of spaces (or none), '#' a number, '@' the shortest text that lets the rest
 * match (captured), '*' the same, not captured; any other byte itself. */
struct caps {
	double num[8];
	char numtext[8][32];
	const char *numat[8];
	int nn;
	const char *txt[4];
	size_t txtlen[4];
	int nt;
};

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

static const char *pm(const char *pat, const char *s, struct caps *c)
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
				const char *e = pm(pat + 1, s + k, c);
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
static const char *find(const char *text, const char *from, const char *pat, struct caps *c,
			const char **end)
{
	for (const char *p = from; *p; p++) {
		memset(c, 0, sizeof *c);
		const char *e = pm(pat, p, c);
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
		const char *at = find(s, s, kinds[i].pat, &c, &e);
		if (!at || (stop && at > stop))
			continue;
		int dir = direction_after(e);
		char m[48];
		snprintf(m, sizeof m, "%s%s", metric, kinds[i].suffix);
		if (!dir) {
			warn(r, line, _("'%s' says no direction (감소 or 증가): left out"),
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
				warn(r, line, _("'%s' is counted in %s where the others are in %s: taken as %s"),
				     key, unit, count_unit, count_unit);
			stat_row(r, metric, dimension, key, num, count_unit, "", rank);
		} else {
			char out[40];
			if (eok(value, out, sizeof out) == 0)
				stat_row(r, "deal_amount", dimension, key, out, "억 위안", "", rank);
			else
				warn(r, line, _("cannot read '%s' of '%s': left out"), value, key);
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
		const char *a = find(seg, seg, "# 억 위안", &c, &e);
		const char *b = find(seg, seg, "# 건", &c, &e);
		if (b && (!a || b < a)) {
			find(seg, b, "# 건", &c, &e);
			snprintf(value, sizeof value, "%s", c.numtext[0]);
			metric = "deal_count";
			unit = "건";
		} else if (a) {
			find(seg, a, "# 억 위안", &c, &e);
			snprintf(value, sizeof value, "%s", c.numtext[0]);
			metric = "deal_amount";
			unit = "억 위안";
		}
		if (metric) {
			const char *pc = find(seg, e, "#%", &c, NULL);
			if (pc)
				snprintf(share, sizeof share, "%s", c.numtext[0]);
			stat_row(r, metric, "stage", keys[i], value, unit, share,
				 strcmp(metric, "deal_count") == 0 ? ++rank_count : ++rank_amount);
		} else {
			warn(r, line_of(sp, at[i]), _("a stage without a figure: left out"));
		}
		free(seg);
	}
}

/* The slug Regions charts an industry's breakdown under. */
static const char *subsector_dimension(const char *industry)
{
	return strcmp(industry, "스마트 제조") == 0 ? "smart_manufacturing" : "subsector";
}

static void read_stats(struct reader *r, const struct span *sp)
{
	const char *t = sp->text;
	struct caps c;
	const char *e, *at;
	char key[128];
	const char *ma = strstr(t, "인수합병 건수는 총");
	char *deals_part = xstrndup(t, ma ? (size_t)(ma - t) : strlen(t));
	const char *d = deals_part;

	if ((at = find(d, d, "총 # 건의 투자 건수가 발생", &c, &e))) {
		stat_row(r, "deal_count", "total", "전체", c.numtext[0], "건", "", 0);
		changes(r, e, "deal_count", "total", "전체", line_of(sp, t + (at - d)));
	}
	if ((at = find(d, d, "공개된 총 투자 금액은 # 억 위안", &c, &e))) {
		stat_row(r, "deal_amount", "total", "전체", c.numtext[0], "억 위안", "", 0);
		changes(r, e, "deal_amount", "total", "전체", line_of(sp, t + (at - d)));
	}
	char *top = NULL, top_count[32] = "";
	if ((at = find(d, d, "는 가장 인기 있는 산업으로, 총 # 건", &c, &e))) {
		const char *b = at;
		while (b > d && !(b[-1] == ' ' && b - 1 > d && b[-2] == ','))
			b--;
		top = trimmed_copy(d, (size_t)(b - d), (size_t)(at - d));
		snprintf(top_count, sizeof top_count, "%s", c.numtext[0]);
	}
	if ((at = find(d, d,
		       "상위 # 개 산업에서 발생한 투자 건수는 # 건(전체 산업의 #%)*, 이들 산업은 각각 @이다",
		       &c, &e))) {
		names_ranked(r, c.txt[0], c.txtlen[0], "deal_count", "건", top, top_count);
		snprintf(key, sizeof key, "상위 %s 개 산업 (건수 기준)", c.numtext[0]);
		stat_row(r, "deal_count", "industry", key, c.numtext[1], "건", c.numtext[2], 0);
		struct caps c2;
		if (find(d, e, "상위 # 개 산업에서 공개된 총 금액은 # 억 위안(전체 산업의 #%)", &c2,
			 NULL))
			stat_row(r, "deal_amount", "industry", key, c2.numtext[1], "억 위안",
				 c2.numtext[2], 0);
	}
	if ((at = find(d, d,
		       "금액이 가장 많은 상위 # 개 산업은 @ 순으로, 공개된 총 금액은 # 억 위안(전체 산업의 #%)",
		       &c, &e))) {
		names_ranked(r, c.txt[0], c.txtlen[0], "deal_amount", "억 위안", NULL, NULL);
		snprintf(key, sizeof key, "상위 %s 개 산업 (금액 기준)", c.numtext[0]);
		stat_row(r, "deal_amount", "industry", key, c.numtext[1], "억 위안", c.numtext[2], 0);
	}
	if ((at = find(d, d, "는 가장 인기 있는 산업으로, 총 # 건", &c, &e))) {
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
		if (find(d, e, "그 중 @ 분야는 # 건", &c2, NULL)) {
			char *sub = xstrndup(c2.txt[0], c2.txtlen[0]);
			stat_row(r, "deal_count", dim, trim(sub), c2.numtext[0], "건", "", 1);
			free(sub);
		}
		free(industry);
	}
	free(top);
	if ((at = find(d, d, "건수가 가장 많은 상위 # 개 지역은 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "region", 0, line_of(sp, t + (at - d)));
	if ((at = find(d, d, "건수가 가장 많은 상위 # 개 도시는 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "city", 0, line_of(sp, t + (at - d)));
	if ((at = strstr(d, "단계별로"))) {
		const char *to = strstr(at, "대형 투자");
		read_stages(r, sp, at, to ? to : d + strlen(d));
	}
	if (find(d, d, "전 세계에서 # 건의 대형 투자 건수가 신규 발생했으며, 공개된 총 투자 금액만 # 억 위안",
		 &c, &e)) {
		stat_row(r, "deal_count", "big_deal", "전 세계", c.numtext[0], "건", "", 0);
		stat_row(r, "deal_amount", "big_deal", "전 세계", c.numtext[1], "억 위안", "", 0);
	}
	if (find(d, d, "중국에서 발생한 대형 투자 건수는 # 건으로, 전 세계 대형 투자 건수의 #%*투자 금액은 # 억 위안으로, 전 세계 신규 투자 금액의 #%",
		 &c, &e)) {
		stat_row(r, "deal_count", "big_deal", "중국", c.numtext[0], "건", c.numtext[1], 0);
		stat_row(r, "deal_amount", "big_deal", "중국", c.numtext[2], "억 위안", c.numtext[3], 0);
	}
	if (find(d, d, "전 세계에서 # 개의 유니콘 기업이 새롭게 등장", &c, &e))
		stat_row(r, "new_count", "unicorn", "전 세계", c.numtext[0], "개", "", 0);
	if (find(d, d, "중국에서는 # 개의 유니콘 기업이 신규 등장", &c, &e))
		stat_row(r, "new_count", "unicorn", "중국", c.numtext[0], "개", "", 0);
	if (find(d, d, "전 세계에는 총 # 개의 유니콘 기업이", &c, &e))
		stat_row(r, "total_count", "unicorn", "전 세계", c.numtext[0], "개", "", 0);
	if (find(d, d, "중국에는 # 개의 유니콘 기업이 있고, 그 비율은 #%", &c, &e))
		stat_row(r, "total_count", "unicorn", "중국", c.numtext[0], "개", c.numtext[1], 0);
	static const char *const institutions[] = { "VC/PE 기관", "CVC 기관" };
	for (size_t i = 0; i < 2; i++) {
		char pat[64];
		snprintf(pat, sizeof pat, "%s은 # 개로", institutions[i]);
		if ((at = find(d, d, pat, &c, &e))) {
			stat_row(r, "institution_count", "investor", institutions[i], c.numtext[0], "개",
				 "", 0);
			changes(r, e, "institution_count", "investor", institutions[i],
				line_of(sp, t + (at - d)));
		}
	}
	if ((at = find(d, d, "상위 # 개 VC/PE 기관은 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "vcpe", 1, line_of(sp, t + (at - d)));
	if ((at = find(d, d, "상위 # 개 CVC 기관은 @이다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "cvc", 1, line_of(sp, t + (at - d)));
	free(deals_part);

	if (!ma)
		return;
	size_t ma_line = line_of(sp, ma);
	if ((at = find(ma, ma, "인수합병 건수는 총 # 건이 발생", &c, &e))) {
		stat_row(r, "deal_count", "ma", "전체", c.numtext[0], "건", "", 0);
		changes(r, e, "deal_count", "ma", "전체", ma_line);
	}
	if (find(ma, ma, "중국 국내 인수합병 건수는 # 건, 해외 인수합병 건수는 # 건", &c, &e)) {
		struct caps c2;
		const char *share =
			find(ma, ma, "중국 국내 인수합병 건수는 총 # 건으로, 전체 인수합병 건수의 #%", &c2,
			     NULL)
				? c2.numtext[1]
				: "";
		stat_row(r, "deal_count", "ma", "중국 국내", c.numtext[0], "건", share, 0);
		stat_row(r, "deal_count", "ma", "해외", c.numtext[1], "건", "", 0);
	}
	if ((at = find(ma, ma, "공개된 총 거래 금액은 # 억 위안", &c, &e))) {
		stat_row(r, "deal_amount", "ma", "전체", c.numtext[0], "억 위안", "", 0);
		changes(r, e, "deal_amount", "ma", "전체", line_of(sp, at));
	}
	if (find(ma, ma, "총 # 개 산업에 집중", &c, &e))
		stat_row(r, "industry_count", "ma", "전체", c.numtext[0], "개", "", 0);
	if ((at = find(ma, ma, "건수 기준으로 상위 # 개 산업은 @ 산업이었다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "ma_industry", 0, line_of(sp, at));
	if ((at = find(ma, ma, "금액 기준으로 상위 # 개 산업은 @ 산업이었다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "ma_industry", 0, line_of(sp, at));
	if ((at = find(ma, ma, "상위 # 개 지역은 @이었다", &c, &e)))
		ranking(r, c.txt[0], c.txtlen[0], "deal_count", "ma_region", 0, line_of(sp, at));
}

/* ---- articles ---------------------------------------------------------------------------- */

struct article {
	char *title;
	const char *section;
	char date[11];
	char *source;
	struct refs refs;
	size_t from, to;  /* the body's fragments */
	size_t line;
};

static int ends_sentence(const struct frag *f)
{
	size_t n = strlen(f->text);
	const char *s = f->text;
	/* Closing quotes and brackets after the full stop. */
	while (n) {
		if (s[n - 1] == ')' || s[n - 1] == '"' || s[n - 1] == '\'')
			n--;
		else if (n >= 3 && (starts(s + n - 3, "”") || starts(s + n - 3, "’") ||
				    starts(s + n - 3, "）")))
			n -= 3;
		else
			break;
	}
	if (n && (s[n - 1] == '.' || s[n - 1] == '?' || s[n - 1] == '!'))
		return 1;
	return n >= 3 && starts(s + n - 3, "。");
}

/* Takes "(출처: X)" out of a paragraph; returns X (malloc'd) or NULL. */
static char *take_source_note(char *p)
{
	char *at = strstr(p, "(출처:");
	if (!at)
		return NULL;
	char *close = strchr(at, ')');
	if (!close)
		return NULL;
	char *src = trimmed_copy(at, strlen("(출처:"), (size_t)(close - at));
	memmove(at, close + 1, strlen(close + 1) + 1);
	trim(p);
	return src;
}

enum block_kind { B_PARA, B_HEADING, B_BULLET, B_CAPTION };

struct blocks {
	struct buf out;
	struct buf cur;
	enum block_kind kind, last_kind;
	size_t line;
};

static void block_end(struct reader *r, struct blocks *b, char **source_note)
{
	if (!b->cur.len)
		return;
	char *t = buf_take(&b->cur);
	char *src = b->kind == B_PARA || b->kind == B_BULLET ? take_source_note(t) : NULL;
	if (src) {
		free(*source_note);
		*source_note = src;
	}
	t = repair_letters(r, b->line, t);
	char *s = trim(t);
	if (*s) {
		if (b->out.len)
			buf_adds(&b->out, b->kind == B_BULLET && b->last_kind == B_BULLET ? "\n" : "\n\n");
		if (b->kind == B_HEADING)
			buf_adds(&b->out, "## ");
		else if (b->kind == B_BULLET)
			buf_adds(&b->out, "- ");
		else if (starts(s, "- ") || starts(s, "#") || *s == '|')
			buf_addc(&b->out, '\\'); /* text, not Markdown */
		buf_adds(&b->out, s);
		b->last_kind = b->kind;
	}
	free(t);
}

static const char *strip_marker(const char *s, enum block_kind *kind)
{
	static const struct {
		const char *mark;
		enum block_kind kind;
	} marks[] = { { "◼", B_HEADING }, { "－", B_HEADING }, { "⚫", B_BULLET },
		      { "●", B_BULLET },  { "•", B_BULLET } };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		if (starts(s, marks[i].mark)) {
			*kind = marks[i].kind;
			s += strlen(marks[i].mark);
			while (*s == ' ')
				s++;
			return s;
		}
	}
	if (starts(s, "도표") && strlen(s) > 7) {
		*kind = B_CAPTION;
		return s;
	}
	return NULL;
}

/* The body in the bundle's Markdown: paragraphs (a sentence's end at a line's end closes
 * one), "## " headings (◼, －), "- " bullets (⚫) and the captions of figures on their own. */
static char *body_of(struct reader *r, size_t from, size_t to, char **source_note)
{
	struct blocks b = { 0 };
	size_t prev = (size_t)-1;
	for (size_t k = from; k < to; k++) {
		const struct frag *f = &r->f[k];
		if (f->used)
			continue;
		enum block_kind kind;
		const char *rest = strip_marker(f->text, &kind);
		if (rest) {
			block_end(r, &b, source_note);
			b.kind = kind;
			b.line = f->line;
			buf_adds(&b.cur, rest);
			if (kind == B_HEADING || kind == B_CAPTION)
				block_end(r, &b, source_note);
			prev = k;
			continue;
		}
		if (!b.cur.len) {
			b.kind = B_PARA;
			b.line = f->line;
		} else if (prev != (size_t)-1 && r->f[prev].space) {
			buf_addc(&b.cur, ' ');
		}
		buf_adds(&b.cur, f->text);
		prev = k;
		if (f->space && ends_sentence(f))
			block_end(r, &b, source_note);
	}
	block_end(r, &b, source_note);
	buf_free(&b.cur);
	return buf_take(&b.out);
}

/* ---- the issue ---------------------------------------------------------------------------- */

static const struct {
	const char *name, *code;
} section_kinds[] = {
	{ "산업분석", "industry" }, { "투자분석", "investment" }, { "정책소개", "policy" },
	{ "지역소개", "region" },   { "정책분석", "policy" },     { "지역분석", "region" },
	{ "뉴스", "news" },         { "KIC 소식", "kic" },
};

static void add_file(struct bundle *b, const char *name, char *text)
{
	b->files = xrealloc(b->files, (b->count + 1) * sizeof *b->files);
	b->files[b->count++] = (struct bundle_file){ xstrdup(name), text, strlen(text) };
}

/* Curly single quotes in a title are the plain one; a closing quote the title never opened
 * is opened where the body quotes the same words. */
static char *mend_title(struct reader *r, const char *title, size_t from, size_t to,
			size_t line)
{
	struct buf b = { 0 };
	int opened = 0;
	for (const char *p = title; *p;) {
		if (starts(p, "‘")) {
			buf_addc(&b, '\'');
			opened = 1;
			p += strlen("‘");
		} else if (starts(p, "’")) {
			if (!opened && b.len) {
				/* The words before it, back to a space or a comma. */
				size_t end = b.len, start = end;
				while (start > 0 && b.data[start - 1] != ' ' && b.data[start - 1] != ',')
					start--;
				char *words = xstrndup(b.data + start, end - start);
				char *quoted = xasprintf("‘%s’", words);
				int found = 0;
				for (size_t k = from; k < to && !found; k++)
					found = strstr(r->f[k].text, quoted) != NULL;
				if (found && *words) {
					char *rest = xstrdup(b.data + start);
					b.len = start;
					buf_addc(&b, '\'');
					buf_adds(&b, rest);
					free(rest);
					warn(r, line, _("the title closes a quote it never opens: opened "
							"before '%s', as the text quotes it"),
					     words);
				}
				free(words);
				free(quoted);
			}
			buf_addc(&b, '\'');
			opened = 0;
			p += strlen("’");
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_take(&b);
}

static void write_article(struct reader *r, struct article *a)
{
	char *source_note = NULL;
	char *body = body_of(r, a->from, a->to, &source_note);
	struct buf b = { 0 };
	char *title = mend_title(r, a->title, a->from, a->to, a->line);
	title = repair_letters(r, a->line, title);
	buf_printf(&b, "Title: %s\nSection: %s\n", title, a->section);
	if (a->date[0])
		buf_printf(&b, "Date: %s\n", a->date);
	/* The source: the note "(출처: X)" and the reference that names X, else the first. */
	const struct ref *ref = NULL;
	for (size_t i = 0; i < a->refs.count; i++) {
		if (source_note && starts(a->refs.items[i].source, source_note)) {
			ref = &a->refs.items[i];
			break;
		}
	}
	if (!ref && !source_note && a->refs.count)
		ref = &a->refs.items[0];
	if (ref)
		buf_printf(&b, "Source: %s\n", ref->source);
	else if (source_note)
		buf_printf(&b, "Source: %s\n", source_note);
	else if (a->source)
		buf_printf(&b, "Source: %s\n", a->source);
	for (size_t i = 0; i < a->refs.count; i++) {
		/* A news item keeps the reference its note names; an analysis all of its own. */
		const struct ref *x = &a->refs.items[i];
		if (!ref || x == ref || !source_note)
			buf_printf(&b, "Ref: %s <%s>\n", x->label, x->url);
	}
	buf_printf(&b, "\n%s\n", body);
	char name[64];
	snprintf(name, sizeof name, "articles/%02d-%s.md", ++r->articles, a->section);
	add_file(r->out, name, buf_take(&b));
	free(body);
	free(title);
	free(source_note);
}

static void free_article(struct article *a)
{
	free(a->title);
	free(a->source);
	free_refs(&a->refs);
}

/* The year and month of "2025 년 1 월" in s, as YYYY-MM. */
static int find_year_month(const char *s, char *out)
{
	struct caps c;
	if (!find(s, s, "# 년 # 월", &c, NULL) || c.num[0] < 1990 || c.num[1] < 1 || c.num[1] > 12)
		return 0;
	snprintf(out, 8, "%04d-%02d", (int)c.num[0], (int)c.num[1]);
	return 1;
}

/* The date an article leads with: "3 월 26 일" in its first paragraph. */
static void lead_date(struct reader *r, struct article *a, int whole)
{
	size_t to = a->from;
	while (to < a->to && (whole || !(r->f[to].space && ends_sentence(&r->f[to]))))
		to++;
	if (to < a->to)
		to++;
	char *lead = join(r, a->from, to, NULL);
	int year = r->latest[0] ? atoi(r->latest) : 0;
	find_month_day(lead, year, a->date);
	free(lead);
}

int issuetext_recognise(const char *text, size_t len)
{
	int footer = 0;
	size_t sections = 0, refs = 0;
	const char *p = text, *end = text + len;
	while (p < end && !footer) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		char *s = xstrndup(p, (size_t)(e - p));
		char *t = trim(s), kind[32];
		const char *title;
		footer = footer_number(t) > 0;
		if (section_heading(t, kind, sizeof kind, &title))
			sections++;
		if (strcmp(t, "참고자료") == 0)
			refs++;
		free(s);
		p = nl ? nl + 1 : end;
	}
	return footer || (sections && refs);
}

static void monday_after(const char *date, char *out)
{
	struct tm tm = { 0 };
	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8) + 1;
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	while (tm.tm_wday != 1) {
		t += 86400;
		gmtime_r(&t, &tm);
	}
	iso_date(out, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Whether a PDF's table is one the reader takes by its cells: deals or events. */
static int grid_is_read(const struct grid *g)
{
	int mapped = 0, name = g->ncols > 0 && label_col(g->labels[0]) == C_NAME;
	int events = 0;
	for (int c = 0; c < g->ncols; c++) {
		mapped += label_col(g->labels[c]) >= 0;
		events += strcmp(g->labels[c], "기간") == 0 || strcmp(g->labels[c], "장소") == 0;
	}
	return (name && mapped >= 4 && mapped == g->ncols) ||
	       (events == 2 && strcmp(g->labels[0], "명칭") == 0);
}

static int read_issue(struct reader *rp, const struct issuetext_options *opt,
		      struct bundle *out);

int issuetext_read(const char *path, const char *text, size_t len,
		   const struct issuetext_options *opt, struct bundle *out)
{
	memset(out, 0, sizeof *out);
	struct reader r = { .path = path, .out = out };
	split_lines(&r, text, len);
	return read_issue(&r, opt, out);
}

int issuetext_read_pdf(const char *path, const struct issuetext_options *opt, struct bundle *out)
{
	memset(out, 0, sizeof *out);
	struct pdf_doc doc;
	if (pdf_words_read(path, &doc) != 0)
		return -1;
	struct layout lay;
	layout_build(&doc, &lay);
	pdf_doc_free(&doc);
	struct buf all = { 0 };
	for (size_t i = 0; i < lay.count; i++)
		buf_printf(&all, "%s\n", lay.lines[i].text);
	int issue = issuetext_recognise(all.data ? all.data : "", all.len);
	buf_free(&all);
	if (!issue) {
		layout_free(&lay);
		return 1;
	}
	struct reader r = { .path = path, .out = out, .pdf = 1 };
	for (size_t i = 0; i < lay.count; i++) {
		const struct layout_line *l = &lay.lines[i];
		size_t line = (size_t)l->page * PDF_LINES + (size_t)l->line;
		if (!l->grid || grid_is_read(l->grid)) {
			push_frag(&r, l->text, l->space, line, l->grid);
			continue;
		}
		/* Another table (an article's): its header and rows as lines. */
		push_frag(&r, l->text, 1, line, NULL);
		const struct grid *g = l->grid;
		for (size_t row = 0; row < g->nrows; row++) {
			struct buf b = { 0 };
			for (int c = 0; c < g->ncols; c++) {
				const char *v = g->cells[row * (size_t)g->ncols + (size_t)c];
				if (*v && b.len)
					buf_addc(&b, ' ');
				buf_adds(&b, v);
			}
			char *t = buf_take(&b);
			if (*t)
				push_frag(&r, t, 1,
					  (size_t)g->row_page[row] * PDF_LINES + (size_t)g->row_line[row],
					  NULL);
			free(t);
		}
	}
	int rc = read_issue(&r, opt, out);
	layout_free(&lay);
	return rc;
}

char *issuetext_pdf_layout(const char *path)
{
	struct pdf_doc doc;
	if (pdf_words_read(path, &doc) != 0)
		return NULL;
	struct layout lay;
	layout_build(&doc, &lay);
	pdf_doc_free(&doc);
	char *text = layout_dump(&lay);
	layout_free(&lay);
	return text;
}

int issuetext_read_file(const char *path, const char *encoding,
			const struct issuetext_options *opt, struct bundle *out)
{
	memset(out, 0, sizeof *out);
	size_t n = strlen(path);
	if (n > 4 && strcasecmp(path + n - 4, ".pdf") == 0)
		return issuetext_read_pdf(path, opt, out);
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("not a regular file: jubo reads an issue's text from a file"));
		return -1;
	}
	char *bytes;
	size_t len;
	if (read_file(path, &bytes, &len) != 0) {
		diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return -1;
	}
	struct textpos pos;
	char *msg = NULL;
	size_t tlen;
	char *text = decode_to_utf8(bytes, len, encoding, &tlen, &pos, &msg);
	free(bytes);
	if (!text) {
		diag_error_at(path, pos, "%s", msg);
		free(msg);
		return -1;
	}
	if (!issuetext_recognise(text, tlen)) {
		free(text);
		return 1;
	}
	int rc = issuetext_read(path, text, tlen, opt, out);
	free(text);
	return rc;
}

/* Reads the issue from the reader's lines (and takes them over). */
static int read_issue(struct reader *rp, const struct issuetext_options *opt,
		      struct bundle *out)
{
	struct reader r = *rp;
	const char *path = r.path;
	int quiet = opt && opt->quiet;
	int number = opt && opt->number ? opt->number : r.number;
	if (!number) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("no page footer names the issue (such as '주간 중국창업 418 호 【11】'): "
				"give its number with --issue N"));
		goto fail;
	}
	if (opt && opt->number && r.number && opt->number != r.number)
		warn(&r, r.number_line, _("the footers name issue %d; imported as %d (--issue)"),
		     r.number, opt->number);

	/* Numbered sections, and where each one's references end. */
	size_t *heads = NULL, nheads = 0;
	for (size_t k = 0; k < r.n; k++) {
		char kind[32];
		const char *title;
		if (section_heading(r.f[k].text, kind, sizeof kind, &title)) {
			heads = xrealloc(heads, (nheads + 1) * sizeof *heads);
			heads[nheads++] = k;
		}
	}
	/* Tables of deals, wherever they are. */
	struct deals deals = { 0 };
	for (size_t k = 0; k < r.n; k++) {
		if (r.f[k].used || !(starts(r.f[k].text, "기업 명칭") || starts(r.f[k].text, "기업명")))
			continue;
		const char *caption = NULL;
		for (size_t b = k; b > 0 && b + 4 > k; b--) {
			const char *s = r.f[b - 1].text;
			if (starts(s, "도표") || starts(s, "◼")) {
				caption = s;
				break;
			}
		}
		size_t limit = r.n;
		for (size_t h = 0; h < nheads; h++)
			if (heads[h] > k) {
				limit = heads[h];
				break;
			}
		read_deal_table(&r, k, limit, caption, &deals);
	}

	struct article *arts = NULL;
	size_t narts = 0;
	/* The news: "◼" headings before the first section, and their references. */
	size_t news_end = nheads ? heads[0] : r.n;
	size_t after = 0; /* where what follows the last references begins */
	struct refs news_refs = { 0 };
	size_t ref_at = news_end;
	for (size_t k = 0; k < news_end; k++)
		if (strcmp(r.f[k].text, "참고자료") == 0) {
			ref_at = k;
			break;
		}
	size_t news_body_end = news_end;
	if (ref_at < news_end) {
		news_body_end = read_refs(&r, 0, ref_at, &news_refs);
		r.f[ref_at].used = 1;
		for (size_t k = ref_at + 1; k < news_end && is_url(r.f[k].text); k++)
			r.f[k].used = 1;
		after = ref_at + 1;
	}
	for (size_t k = 0; k < news_body_end; k++) {
		if (!starts(r.f[k].text, "◼") || r.f[k].used)
			continue;
		size_t e = k + 1;
		while (e < news_body_end && !(starts(r.f[e].text, "◼") && !r.f[e].used))
			e++;
		struct article a = { 0 };
		a.title = xstrdup(r.f[k].text + strlen("◼"));
		trim(a.title);
		a.section = "news";
		a.from = k + 1;
		a.to = e;
		a.line = r.f[k].line;
		r.f[k].used = 1;
		arts = xrealloc(arts, (narts + 1) * sizeof *arts);
		arts[narts++] = a;
		k = e - 1;
	}
	/* Each news item's reference is the one its note "(출처: X)" names; body_of finds the
	 * note, so every item gets the whole list and write_article picks. */
	for (size_t i = 0; i < narts; i++) {
		arts[i].refs.items = xmalloc((news_refs.count + 1) * sizeof *news_refs.items);
		for (size_t j = 0; j < news_refs.count; j++) {
			arts[i].refs.items[j] = news_refs.items[j];
			arts[i].refs.items[j].source = xstrdup(news_refs.items[j].source);
			arts[i].refs.items[j].label = xstrdup(news_refs.items[j].label);
			arts[i].refs.items[j].url = xstrdup(news_refs.items[j].url);
		}
		arts[i].refs.count = news_refs.count;
	}

	/* The numbered sections. */
	size_t invest_from = 0, invest_to = 0;
	for (size_t h = 0; h < nheads; h++) {
		size_t k = heads[h], limit = h + 1 < nheads ? heads[h + 1] : r.n;
		char kind[32];
		const char *title;
		section_heading(r.f[k].text, kind, sizeof kind, &title);
		struct article a = { 0 };
		a.title = xstrdup(title);
		a.line = r.f[k].line;
		a.section = NULL;
		for (size_t i = 0; i < sizeof section_kinds / sizeof section_kinds[0]; i++)
			if (strcmp(kind, section_kinds[i].name) == 0)
				a.section = section_kinds[i].code;
		if (!a.section) {
			warn(&r, a.line, _("unknown section [%s]: imported as news"), kind);
			a.section = "news";
		}
		r.f[k].used = 1;
		size_t rk = limit;
		for (size_t j = k + 1; j < limit; j++)
			if (strcmp(r.f[j].text, "참고자료") == 0) {
				rk = j;
				break;
			}
		a.from = k + 1;
		a.to = rk;
		if (rk < limit) {
			a.to = read_refs(&r, k + 1, rk, &a.refs);
			r.f[rk].used = 1;
			size_t j = rk + 1;
			while (j < limit && is_url(r.f[j].text))
				r.f[j++].used = 1;
			after = j;
		} else {
			after = limit;
		}
		if (a.refs.count && a.refs.items[0].date[0])
			memcpy(a.date, a.refs.items[0].date, 11);
		if (strcmp(a.section, "investment") == 0 && !r.period[0]) {
			find_year_month(a.title, r.period);
			invest_from = a.from;
			invest_to = a.to;
		}
		/* The last section's own text ends at its references; what follows is apart. */
		arts = xrealloc(arts, (narts + 1) * sizeof *arts);
		arts[narts++] = a;
		if (h + 1 == nheads)
			break;
	}
	/* After the last references: KIC's news, then the events. */
	size_t ev = r.n;
	for (size_t k = after; k < r.n; k++)
		if (events_header(&r, k)) {
			ev = k;
			break;
		}
	{
		size_t k = after;
		while (k < ev && r.f[k].used)
			k++;
		if (k < ev) {
			struct article a = { 0 };
			a.title = xstrdup(r.f[k].text);
			a.line = r.f[k].line;
			r.f[k].used = 1;
			a.section = "news";
			for (size_t j = k + 1; j < ev; j++)
				if (strcmp(r.f[j].text, "KIC 중국 뉴스") == 0 ||
				    strcmp(r.f[j].text, "KIC 뉴스") == 0) {
					r.f[j].used = 1;
					a.section = "kic";
					if (!a.source) /* the label may be on every page */
						a.source = xstrdup("KIC 중국");
				}
			a.from = k + 1;
			a.to = ev;
			arts = xrealloc(arts, (narts + 1) * sizeof *arts);
			arts[narts++] = a;
		}
	}
	if (ev < r.n)
		read_events(&r, ev, r.n);

	/* Dates: the news lead with theirs; the year is the latest reference's. */
	for (size_t i = 0; i < narts; i++)
		note_date(&r, arts[i].date);
	for (size_t i = 0; i < narts; i++) {
		struct article *a = &arts[i];
		if (a->date[0])
			continue;
		lead_date(&r, a, strcmp(a->section, "kic") == 0);
		if (!a->date[0] && strcmp(a->section, "kic") == 0 && r.latest[0]) {
			/* "28 일 오전": a day of the month of the issue's latest source. */
			char *all = join(&r, a->from, a->to, NULL);
			struct caps c;
			const char *at = find(all, all, " # 일 ", &c, NULL);
			if (at && c.num[0] >= 1 && c.num[0] <= 31) {
				snprintf(a->date, sizeof a->date, "%.7s-%02d", r.latest, (int)c.num[0]);
				warn(&r, a->line,
				     _("the article gives only the day ('%s 일'): dated %s, in the month "
				       "of the issue's latest source"),
				     c.numtext[0], a->date);
			}
			free(all);
		}
	}
	for (size_t i = 0; i < narts; i++)
		note_date(&r, arts[i].date);

	if (!r.period[0] && r.latest[0]) {
		snprintf(r.period, sizeof r.period, "%.7s", r.latest);
		if (deals.count)
			warn(&r, 0, _("no month for the deals and statistics: took %s, the issue's"),
			     r.period);
	}
	/* The statistics of the investment analysis. */
	if (invest_to > invest_from) {
		/* Its text without the tables, as one span over the unused lines. */
		size_t *idx = xmalloc((invest_to - invest_from) * sizeof *idx);
		size_t m = 0;
		for (size_t k = invest_from; k < invest_to; k++)
			if (!r.f[k].used)
				idx[m++] = k;
		struct reader sub = r;
		sub.f = xmalloc((m ? m : 1) * sizeof *sub.f);
		for (size_t i = 0; i < m; i++)
			sub.f[i] = r.f[idx[i]];
		sub.n = m;
		struct span sp;
		span_init(&sp, &sub, 0, m);
		sub.stats = r.stats;
		read_stats(&sub, &sp);
		r.stats = sub.stats;
		r.warnings = sub.warnings;
		r.msgs = sub.msgs;
		r.nmsgs = sub.nmsgs;
		r.summary = sub.summary;
		span_free(&sp);
		free(sub.f);
		free(idx);
	}
	mend_investors(&deals);
	if (deals.count)
		write_deals(&r, &deals);
	for (size_t i = 0; i < deals.count; i++)
		free_deal(&deals.items[i]);
	free(deals.items);

	/* The issue. */
	out->number = number;
	if (opt && opt->date) {
		snprintf(out->date, sizeof out->date, "%s", opt->date);
	} else if (r.latest[0]) {
		monday_after(r.latest, out->date);
		out->date_estimated = 1;
		warn(&r, 0, _("the issue prints no date: dated %s, the Monday after its latest dated "
			      "item (%s); --date sets it"),
		     out->date, r.latest);
	} else {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("no date in the issue to date it by: give it with --date YYYY-MM-DD"));
		for (size_t i = 0; i < narts; i++)
			free_article(&arts[i]);
		free(arts);
		free(heads);
		free_refs(&news_refs);
		goto fail;
	}
	struct buf issue = { 0 };
	buf_printf(&issue, "number: %d\ntitle: 주간 중국창업\npublisher: KIC China\ndate: %s\n",
		   number, out->date);
	if (out->date_estimated)
		buf_printf(&issue, "note: 발행일이 인쇄되어 있지 않아 가장 늦은 날짜(%s) 다음 월요일로 정함\n",
			   r.latest);
	add_file(out, "issue.txt", buf_take(&issue));
	for (size_t i = 0; i < narts; i++) {
		write_article(&r, &arts[i]);
		free_article(&arts[i]);
	}
	free(arts);
	free(heads);
	free_refs(&news_refs);
	if (r.deals.len)
		add_file(out, "deals.csv", buf_take(&r.deals));
	if (r.events.len)
		add_file(out, "events.csv", buf_take(&r.events));
	if (r.stats.len)
		add_file(out, "stats.csv", buf_take(&r.stats));
	out->warnings = r.warnings;
	flush_warnings(&r, quiet);
	print_summary(&r, quiet);
	for (size_t k = 0; k < r.n; k++)
		free(r.f[k].text);
	free(r.f);
	return 0;
fail:
	flush_warnings(&r, quiet);
	buf_free(&r.summary);
	for (size_t k = 0; k < r.n; k++)
		free(r.f[k].text);
	free(r.f);
	buf_free(&r.deals);
	buf_free(&r.events);
	buf_free(&r.stats);
	bundle_free(out);
	return -1;
}

void bundle_free(struct bundle *b)
{
	for (size_t i = 0; i < b->count; i++) {
		free(b->files[i].name);
		free(b->files[i].text);
	}
	free(b->files);
	b->files = NULL;
	b->count = 0;
}

/* ---- writing, and PDF ---------------------------------------------------------------------- */

static int write_whole(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	return close(fd);
}

int bundle_write(const struct bundle *b, const char *dir)
{
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		diag_error_at(dir, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		diag_error_at(dir, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return -1;
	}
	struct dirent *e;
	int empty = 1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	if (!empty) {
		diag_error_at(dir, (struct textpos){ 0, 0 },
			      _("this directory holds files already: name a new or empty one"));
		return -1;
	}
	char *articles = xasprintf("%s/articles", dir);
	int rc = mkdir(articles, 0755) == 0 || errno == EEXIST ? 0 : -1;
	if (rc != 0)
		diag_error_at(articles, (struct textpos){ 0, 0 }, "%s", strerror(errno));
	free(articles);
	for (size_t i = 0; i < b->count && rc == 0; i++) {
		char *path = xasprintf("%s/%s", dir, b->files[i].name);
		if (write_whole(path, b->files[i].text, b->files[i].len) != 0) {
			diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
			rc = -1;
		}
		free(path);
	}
	return rc;
}

int issuetext_is_candidate(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	size_t n = strlen(base);
	if (n > 4 && strcasecmp(base + n - 4, ".pdf") == 0)
		return 1;
	return n > 4 && strcasecmp(base + n - 4, ".txt") == 0 && strcasecmp(base, "issue.txt") != 0;
}
