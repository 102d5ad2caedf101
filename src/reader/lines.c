/* lines.c: the text as lines, the warnings, and lines joined where the page broke them. See reader.h. */
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

/* ---- lines ----------------------------------------------------------------------------- */





void reader_warn(struct reader *r, size_t line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	/* Said once: the same words about the same line come close together (a cell read twice),
	 * so the last few are enough to look at, whatever the number of warnings. */
	for (size_t i = r->nmsgs > 16 ? r->nmsgs - 16 : 0; i < r->nmsgs; i++)
		if (r->msgs[i].line == line && strcmp(r->msgs[i].text, msg) == 0) {
			free(msg);
			return;
		}
	if ((r->nmsgs & (r->nmsgs - 1)) == 0) /* 0, 1, 2, 4, ...: grown by doubling */
		r->msgs = xrealloc(r->msgs, (r->nmsgs ? r->nmsgs * 2 : 1) * sizeof *r->msgs);
	r->msgs[r->nmsgs] = (struct wmsg){ line, r->nmsgs, msg };
	r->nmsgs++;
	r->warnings++;
}

/* What each table gave: "FILE: 도표 9: rows read 7, with a warning 1, left out 0". */
void print_summary(struct reader *r, int quiet)
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
void flush_warnings(struct reader *r, int quiet)
{
	if (r->nmsgs)
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

int is_han(ucs4_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* YYYY-MM-DD into out (11 bytes). */
void iso_date(char *out, long y, long m, long d)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y % 10000, m % 100, d % 100);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A line of Han characters only (a company's Chinese name), at least two. */
int han_only(const char *s)
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

int has_comma(const char *s)
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
int footer_number(const char *s)
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
int section_heading(const char *s, char *kind, size_t ksize, const char **title)
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

/* Keeps a line that holds something (k, trimmed): a page footer gives the number and
 * the running head goes; runs of spaces become one. */
void push_frag(struct reader *r, const char *k, int space, size_t line,
		      const struct grid *grid)
{
	int number = grid ? 0 : footer_number(k);
	if (number) {
		if (r->number && r->number != number)
			reader_warn(r, line, _("this footer names issue %d, an earlier one %d"), number,
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
	r->f[r->n++] = (struct frag){ q, line, space, 0, grid, 0 };
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

void split_lines(struct reader *r, const char *text, size_t len)
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
		reader_warn(r, 0, _("no line of this text ends in a space (as pdftotext writes it): every "
			     "line break is read as one between words, so a word the page broke in "
			     "two is read as two"));
}

/* ---- joining what the page broke ------------------------------------------------------- */

/* Fragments [from, to) as one text: a space between them where the line ended in one. The
 * byte offset where each begins goes to starts[k - from] when starts is not NULL. */
char *join_frags(const struct reader *r, size_t from, size_t to, size_t *starts)
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


/* Bytes joined into spans: the reader's work, which must grow with the text and no faster
 * (tests/cli/issuetext.sh doubles a table and reads JUBO_READER_WORK's count). */
static unsigned long long joined_bytes;

unsigned long long reader_work(void)
{
	return joined_bytes;
}

void span_init(struct span *sp, const struct reader *r, size_t from, size_t to)
{
	sp->r = r;
	sp->from = from;
	sp->to = to;
	sp->starts = xmalloc((to - from + 1) * sizeof *sp->starts);
	sp->text = join_frags(r, from, to, sp->starts);
	sp->starts[to - from] = strlen(sp->text);
	joined_bytes += sp->starts[to - from];
}

void span_free(struct span *sp)
{
	free(sp->text);
	free(sp->starts);
}

/* The fragment a byte offset falls in. */
size_t span_frag(const struct span *sp, size_t off)
{
	size_t k = sp->from;
	while (k + 1 < sp->to && sp->starts[k + 1 - sp->from] <= off)
		k++;
	return k;
}

size_t span_line(const struct span *sp, size_t off)
{
	return sp->to > sp->from ? sp->r->f[span_frag(sp, off)].line : 0;
}

/* The end of the fragment that off is in (before the joining space). */
size_t span_frag_end(const struct span *sp, size_t off)
{
	size_t k = span_frag(sp, off);
	return sp->starts[k - sp->from] + strlen(sp->r->f[k].text);
}

size_t skip_spaces(const char *s, size_t off)
{
	while (s[off] == ' ')
		off++;
	return off;
}

char *trimmed_copy(const char *s, size_t from, size_t to)
{
	char *c = xstrndup(s + from, to > from ? to - from : 0);
	char *t = trim(c);
	char *out = xstrdup(t);
	free(c);
	return out;
}
