/* pagelayout.c: pages of words back into lines and tables. See pagelayout.h. */
#include "config.h"

#include "reader/pagelayout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "util.h"

const char *const layout_labels[] = {
	"기업 명칭", "기업명", "라운드", "투자 금액", "소재지", "분야", "소개", "투자자",
	"투자 기관", "기업 가치", "인수자", "인수 금액", "거래 금액", "기업 개요", "투자 일자",
	"최근 투자 사건", "일자", "주요 활동", "명칭", "기간", "장소", NULL,
};

/* ---- text lines with their geometry ------------------------------------------------------- */

/* A line of text as drawn: its words joined by spaces, its box, and how wide its first
 * character is (to tell whether it would have fitted at the end of the line before). */
struct tline {
	char *text;
	double x0, y0, x1, y1;
	double first_width;
	double first_word;  /* how wide its first word is */
	int block;
	int words;
};

struct cell {
	struct tline *l;
	size_t n;
};

struct tab {
	int ncols;
	char **labels;
	double *edge;   /* ncols - 1 edges between columns */
	double *limit;  /* each column's rightmost text */
	double height;  /* the header's type */
	size_t nrows;
	struct cell *cells; /* nrows * ncols */
	int *row_page, *row_line;
	int pages, uncertain;
	int open;       /* ran to the page's footer: may go on on the next page */
};

/* What a page holds, top to bottom, before the line ends are judged. */
struct item {
	double y;
	struct tline line; /* when tab is NULL */
	struct tab *tab;
	int page, lineno;
};

struct builder {
	struct item *items;
	size_t n, cap;
	struct tab *open; /* a table that may go on on the next page */
	/* Line ends counted by script (see judge_engines). */
	int full[4], roomy[4];
	int whole[4];   /* full lines whose next line begins with a word the issue uses alone */
	int anywhere[4];
	/* Words that stand alone inside a line somewhere in the document. */
	char **lexicon;
	size_t nlex, caplex;
};

enum script { S_OTHER, S_HANGUL, S_HAN, S_LATIN };

static enum script script_of(ucs4_t c)
{
	if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
	    (c >= 0x3130 && c <= 0x318F))
		return S_HANGUL;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF))
		return S_HAN;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F))
		return S_LATIN;
	return S_OTHER;
}

static ucs4_t first_char(const char *s)
{
	ucs4_t c = 0;
	if (*s)
		u8_mbtouc(&c, (const uint8_t *)s, strlen(s));
	return c;
}

static ucs4_t last_char(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return 0;
	ucs4_t c = 0;
	if (!u8_prev(&c, (const uint8_t *)s + n, (const uint8_t *)s))
		return 0;
	return c;
}

static int is_digit(ucs4_t c)
{
	return c >= '0' && c <= '9';
}

/* A text without its spaces, to compare labels however they were broken. */
static char *squeeze(const char *s)
{
	struct buf b = { 0 };
	for (; *s; s++)
		if (*s != ' ')
			buf_addc(&b, *s);
	return buf_take(&b);
}

static int cmp_word_y(const void *a, const void *b)
{
	const struct pdf_word *x = *(const struct pdf_word *const *)a;
	const struct pdf_word *y = *(const struct pdf_word *const *)b;
	if (x->y0 != y->y0)
		return x->y0 < y->y0 ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_word_x(const void *a, const void *b)
{
	const struct pdf_word *x = *(const struct pdf_word *const *)a;
	const struct pdf_word *y = *(const struct pdf_word *const *)b;
	if (x->x0 != y->x0)
		return x->x0 < y->x0 ? -1 : 1;
	return x->y0 < y->y0 ? -1 : x->y0 > y->y0;
}

/* The words (any order) copied and sorted by cmp. Malloc'd, never NULL. */
static const struct pdf_word **sorted_copy(const struct pdf_word **w, size_t n,
					   int (*cmp)(const void *, const void *))
{
	const struct pdf_word **s = xmalloc((n ? n : 1) * sizeof *s);
	if (n)
		memcpy(s, w, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp);
	return s;
}

/* Words on one baseline: their vertical extents overlap by more than half the smaller. */
static int same_line(double a0, double a1, double b0, double b1)
{
	double overlap = fmin(a1, b1) - fmax(a0, b0);
	return overlap > 0.5 * fmin(a1 - a0, b1 - b0);
}

/* How wide this document's space is, for the height of a word's box: set by layout_build
 * from the gaps between words of one script (0.215 in LibreOffice's Korean, 0.17 with its
 * Chinese spacing). A file-wide setting because every line of the document is read by it. */
static double space_ratio = 0.215;

/* How wide a Hangul syllable is for the height of its word's box (they are all alike wide):
 * set by layout_build from the words of Hangul alone. */
static double syllable_ratio = 0.7;

/* Whether two words side by side on a line have a space between them. poppler parts words at
 * a gap and where the font changes; a word processor puts a little room between Hangul and
 * Latin letters with no space ("시광" "AI" of 시광AI, a little less than a space), but none
 * between two words of one script that it did not part by a space. */
static int spaced(const struct pdf_word *a, const struct pdf_word *b)
{
	double h = fmin(a->y1 - a->y0, b->y1 - b->y0);
	double gap = b->x0 - a->x1;
	if (script_of(last_char(a->text)) == script_of(first_char(b->text)) &&
	    script_of(last_char(a->text)) != S_OTHER)
		return gap > 0.08 * h;
	/* The room a word processor leaves between scripts is about 0.15 of the height, a
	 * space at least 0.17 (narrower spacing) to 0.22. */
	return gap > fmin(0.93 * space_ratio, 0.185) * h;
}

/* Words (any order) as lines, top to bottom, each left to right. *count gets how many. */
static struct tline *lines_of(const struct pdf_word **w, size_t n, size_t *count)
{
	const struct pdf_word **s = sorted_copy(w, n, cmp_word_y);
	struct tline *out = NULL;
	size_t nl = 0;
	size_t *member = xmalloc((n ? n : 1) * sizeof *member);
	for (size_t i = 0; i < n; i++) {
		size_t k = nl;
		for (size_t j = 0; j < nl; j++)
			if (same_line(out[j].y0, out[j].y1, s[i]->y0, s[i]->y1)) {
				k = j;
				break;
			}
		if (k == nl) {
			out = xrealloc(out, (nl + 1) * sizeof *out);
			out[nl++] = (struct tline){ NULL, s[i]->x0, s[i]->y0, s[i]->x1, s[i]->y1, 0, 0,
						    s[i]->block, 0 };
		}
		member[i] = k;
		struct tline *t = &out[k];
		t->x0 = fmin(t->x0, s[i]->x0);
		t->x1 = fmax(t->x1, s[i]->x1);
		t->y0 = fmin(t->y0, s[i]->y0);
		t->y1 = fmax(t->y1, s[i]->y1);
	}
	for (size_t k = 0; k < nl; k++) {
		/* The line's words left to right. */
		const struct pdf_word **lw = xmalloc(n * sizeof *lw);
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (member[i] == k)
				lw[m++] = s[i];
		qsort(lw, m, sizeof *lw, cmp_word_x);
		struct buf b = { 0 };
		for (size_t i = 0; i < m; i++) {
			if (i && spaced(lw[i - 1], lw[i]))
				buf_addc(&b, ' ');
			buf_adds(&b, lw[i]->text);
		}
		out[k].text = buf_take(&b);
		out[k].words = (int)m;
		size_t chars = m ? u8_mbsnlen((const uint8_t *)lw[0]->text, strlen(lw[0]->text)) : 0;
		out[k].first_width = chars ? (lw[0]->x1 - lw[0]->x0) / (double)chars : 0;
		out[k].first_word = m ? lw[0]->x1 - lw[0]->x0 : 0;
		free(lw);
	}
	free(member);
	free(s);
	/* Top to bottom. */
	for (size_t i = 1; i < nl; i++)
		for (size_t j = i; j > 0 && out[j - 1].y0 > out[j].y0; j--) {
			struct tline t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	*count = nl;
	return out;
}

/* ---- headers ---------------------------------------------------------------------------------- */

/* Reads the words of a band as column labels, left to right. Returns how many (with their
 * printed forms and horizontal extents), or 0 when the band holds anything else. */
static int read_labels(const struct pdf_word **w, size_t n, char ***labels, double **x0,
		       double **x1)
{
	const struct pdf_word **s = sorted_copy(w, n, cmp_word_x);
	/* Stacked words (a label wrapped in its cell) overlap horizontally: one cluster. */
	size_t nc = 0;
	size_t *start = xmalloc((n + 1) * sizeof *start);
	double right = -1e9;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || s[i]->x0 >= right - 0.5) {
			start[nc++] = i;
			right = s[i]->x1;
		} else {
			right = fmax(right, s[i]->x1);
		}
	}
	start[nc] = n;
	char **text = xmalloc((nc ? nc : 1) * sizeof *text);
	for (size_t c = 0; c < nc; c++) {
		size_t m = start[c + 1] - start[c];
		const struct pdf_word **cw = xmalloc(m * sizeof *cw);
		if (m)
			memcpy(cw, s + start[c], m * sizeof *cw);
		qsort(cw, m, sizeof *cw, cmp_word_y);
		struct buf b = { 0 };
		for (size_t i = 0; i < m; i++)
			buf_adds(&b, cw[i]->text);
		text[c] = buf_take(&b);
		free(cw);
	}
	int count = 0;
	*labels = NULL;
	*x0 = *x1 = NULL;
	size_t c = 0;
	while (c < nc) {
		int found = 0;
		for (size_t j = c + 4 < nc ? c + 3 : nc - 1; j + 1 > c && !found; j--) {
			struct buf b = { 0 };
			for (size_t k = c; k <= j; k++)
				buf_adds(&b, text[k]);
			char *joined = buf_take(&b);
			for (const char *const *l = layout_labels; *l && !found; l++) {
				char *sq = squeeze(*l);
				if (strcmp(sq, joined) == 0) {
					*labels = xrealloc(*labels, (size_t)(count + 1) * sizeof **labels);
					*x0 = xrealloc(*x0, (size_t)(count + 1) * sizeof **x0);
					*x1 = xrealloc(*x1, (size_t)(count + 1) * sizeof **x1);
					(*labels)[count] = xstrdup(*l);
					double a = 1e9, z = -1e9;
					for (size_t i = start[c]; i < start[j + 1]; i++) {
						a = fmin(a, s[i]->x0);
						z = fmax(z, s[i]->x1);
					}
					(*x0)[count] = a;
					(*x1)[count] = z;
					count++;
					c = j + 1;
					found = 1;
				}
				free(sq);
			}
			free(joined);
		}
		if (!found) {
			count = -count - 1; /* not a header */
			break;
		}
	}
	for (size_t k = 0; k < nc; k++)
		free(text[k]);
	free(text);
	free(start);
	free(s);
	int ok = count >= 3 && (strcmp((*labels)[0], "기업 명칭") == 0 ||
				strcmp((*labels)[0], "기업명") == 0 || strcmp((*labels)[0], "명칭") == 0);
	if (!ok) {
		int made = count < 0 ? -count - 1 : count;
		for (int k = 0; k < made; k++)
			free((*labels)[k]);
		free(*labels);
		free(*x0);
		free(*x1);
		*labels = NULL;
		*x0 = *x1 = NULL;
		return 0;
	}
	return count;
}

/* The header band that the words of pline [a, b) begin: every unused word that overlaps it
 * vertically, grown until nothing more does. Returns the words (malloc'd), *n their count. */
static const struct pdf_word **header_band(const struct pdf_page *pg, const char *used, size_t a,
					   size_t b, size_t *n, double *top, double *bottom)
{
	double y0 = pg->words[a].y0, y1 = pg->words[a].y1;
	for (size_t i = a; i < b; i++) {
		y0 = fmin(y0, pg->words[i].y0);
		y1 = fmax(y1, pg->words[i].y1);
	}
	double h = y1 - y0;
	char *in = xcalloc(pg->count ? pg->count : 1, 1);
	for (int grew = 1; grew;) {
		grew = 0;
		for (size_t i = 0; i < pg->count; i++) {
			const struct pdf_word *w = &pg->words[i];
			if (in[i] || used[i] || w->y1 - w->y0 > 1.3 * h)
				continue;
			if (fmin(w->y1, y1) - fmax(w->y0, y0) > 0.3 * (w->y1 - w->y0)) {
				in[i] = 1;
				y0 = fmin(y0, w->y0);
				y1 = fmax(y1, w->y1);
				grew = 1;
			}
		}
	}
	const struct pdf_word **out = xmalloc((pg->count ? pg->count : 1) * sizeof *out);
	size_t m = 0;
	for (size_t i = 0; i < pg->count; i++)
		if (in[i])
			out[m++] = &pg->words[i];
	free(in);
	*n = m;
	*top = y0;
	*bottom = y1;
	return out;
}

/* ---- columns and rows --------------------------------------------------------------------- */

struct span {
	double a, z;
};

static int cmp_span(const void *x, const void *y)
{
	const struct span *a = x, *b = y;
	return a->a < b->a ? -1 : a->a > b->a;
}

/* The edges between columns: in each gap between two labels' words, the widest stretch that
 * no word of the table covers. */
static void find_edges(struct tab *t, const struct pdf_word **w, size_t n, const double *lx0,
		       const double *lx1)
{
	struct span *sp = xmalloc((n ? n : 1) * sizeof *sp);
	for (size_t i = 0; i < n; i++)
		sp[i] = (struct span){ w[i]->x0, w[i]->x1 };
	qsort(sp, n, sizeof *sp, cmp_span);
	/* Covered stretches. */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && sp[i].a <= sp[m - 1].z + 0.3)
			sp[m - 1].z = fmax(sp[m - 1].z, sp[i].z);
		else
			sp[m++] = sp[i];
	}
	for (int c = 0; c + 1 < t->ncols; c++) {
		double best = -1, at = (lx1[c] + lx0[c + 1]) / 2;
		for (size_t k = 0; k + 1 < m; k++) {
			double ga = sp[k].z, gz = sp[k + 1].a;
			if (ga >= lx1[c] - 0.01 && gz <= lx0[c + 1] + 0.01 && gz - ga > best) {
				best = gz - ga;
				/* Near the next column's text, which starts where its cells start; a
				 * column's own text ends wherever its lines do (another page's may
				 * reach further). */
				at = gz - fmin(2.0, (gz - ga) / 2);
			}
		}
		if (best < 0) {
			/* Text that touches (a table without padding): where the fewest words cross,
			 * the nearest to the next label among equals. */
			int fewest = -1;
			for (size_t k = 0; k <= n; k++) {
				double x = k < n ? w[k]->x0 : lx0[c + 1];
				if (x < lx1[c] || x > lx0[c + 1])
					continue;
				int crossing = 0;
				for (size_t i = 0; i < n; i++)
					crossing += w[i]->x0 < x - 0.5 && w[i]->x1 > x + 0.5;
				if (fewest < 0 || crossing < fewest || (crossing == fewest && x > at)) {
					fewest = crossing;
					at = x;
				}
			}
			at -= 0.25;
			t->uncertain = fewest != 0;
		}
		t->edge[c] = at;
	}
	free(sp);
}

static int column_of(const struct tab *t, const struct pdf_word *w)
{
	double mid = (w->x0 + w->x1) / 2;
	int c = 0;
	while (c + 1 < t->ncols && mid > t->edge[c])
		c++;
	return c;
}

static int straddles(const struct tab *t, const struct pdf_word *w)
{
	for (int c = 0; c + 1 < t->ncols; c++)
		if (w->x0 < t->edge[c] - 0.5 && w->x1 > t->edge[c] + 0.5)
			return 1;
	return 0;
}

/* A band of words that ends a table: the page's footer, a caption or heading, type larger
 * than the table's, a line of a paragraph (words across three or more labels with no gap
 * between them wider than a space), or (with edges set) a word across a column's edge.
 * *footer is set for the footer. */
static int ends_table(const struct tab *t, const struct pdf_word **w, size_t n, double page_h,
		      int edges, const double *lx0, int *footer)
{
	*footer = 0;
	size_t count;
	struct tline *ls = lines_of(w, n, &count);
	int end = 0;
	for (size_t i = 0; i < count && !end; i++) {
		const char *s = ls[i].text;
		if (lx0 && t->ncols >= 3) {
			/* The labels whose start the line runs past. */
			int across = 0;
			for (int c = 1; c < t->ncols; c++)
				across += ls[i].x0 < lx0[c] && ls[i].x1 > lx0[c];
			if (across >= 2) {
				const struct pdf_word **lw = xmalloc(n * sizeof *lw);
				size_t m = 0;
				for (size_t k = 0; k < n; k++)
					if (same_line(ls[i].y0, ls[i].y1, w[k]->y0, w[k]->y1))
						lw[m++] = w[k];
				qsort(lw, m, sizeof *lw, cmp_word_x);
				double widest = 0, h = ls[i].y1 - ls[i].y0;
				for (size_t k = 1; k < m; k++)
					widest = fmax(widest, lw[k]->x0 - lw[k - 1]->x1);
				free(lw);
				if (widest < 0.35 * h)
					end = 1;
			}
		}
		if (ls[i].y0 > page_h * 0.85 && strstr(s, "주간 중국창업")) {
			*footer = 1;
			end = 1;
		} else if ((strncmp(s, "도표", 6) == 0 && strlen(s) > 7) || strncmp(s, "◼", 3) == 0 ||
			   strcmp(s, "참고자료") == 0 || strcmp(s, "행사 정보") == 0 ||
			   (s[0] >= '0' && s[0] <= '9' && strstr(s, ". [") && strstr(s, "]"))) {
			end = 1;
		}
	}
	for (size_t i = 0; i < count; i++)
		free(ls[i].text);
	free(ls);
	for (size_t i = 0; i < n && !end; i++) {
		if (w[i]->y1 - w[i]->y0 > 1.25 * t->height || (edges && straddles(t, w[i])))
			end = 1;
	}
	return end;
}

/* The vertical gap that parts rows: between the gaps inside a cell (lines of one cell, all
 * alike) and the larger ones between rows, judged from the gaps in each column. */
static double row_gap(const struct tab *t, const struct pdf_word **w, size_t n, int *alike)
{
	double *gaps = NULL;
	size_t ng = 0;
	const struct pdf_word **cw = xmalloc((n ? n : 1) * sizeof *cw);
	for (int c = 0; c < t->ncols; c++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (column_of(t, w[i]) == c)
				cw[m++] = w[i];
		size_t nl;
		struct tline *ls = lines_of(cw, m, &nl);
		for (size_t i = 0; i + 1 < nl; i++) {
			gaps = xrealloc(gaps, (ng + 1) * sizeof *gaps);
			gaps[ng++] = ls[i + 1].y0 - ls[i].y1;
		}
		for (size_t i = 0; i < nl; i++)
			free(ls[i].text);
		free(ls);
	}
	free(cw);
	double h = t->height;
	double theta = 0.5 * h;
	*alike = 0;
	if (ng) {
		double gmin = gaps[0];
		for (size_t i = 1; i < ng; i++)
			gmin = fmin(gmin, gaps[i]);
		double g2 = -1;
		for (size_t i = 0; i < ng; i++)
			if (gaps[i] > gmin + fmax(1.5, 0.15 * h) && (g2 < 0 || gaps[i] < g2))
				g2 = gaps[i];
		if (g2 > 0) /* rows part by at least their cells' padding more than lines do */
			theta = fmin(gmin + fmax(1.5, 0.15 * h), (gmin + g2) / 2);
		else if (gmin < 0.2 * h)
			theta = gmin + fmax(1.0, 0.1 * h); /* lines of cells, no row below another */
		else {
			theta = gmin * 0.6; /* every gap may part rows */
			*alike = 1;
		}
	}
	free(gaps);
	return theta;
}

static void add_row(struct tab *t, int page, int lineno)
{
	t->cells = xrealloc(t->cells, (t->nrows + 1) * (size_t)t->ncols * sizeof *t->cells);
	memset(t->cells + t->nrows * (size_t)t->ncols, 0, (size_t)t->ncols * sizeof *t->cells);
	t->row_page = xrealloc(t->row_page, (t->nrows + 1) * sizeof *t->row_page);
	t->row_line = xrealloc(t->row_line, (t->nrows + 1) * sizeof *t->row_line);
	t->row_page[t->nrows] = page;
	t->row_line[t->nrows] = lineno;
	t->nrows++;
}

/* The line number of a point on the page: how many lines begin above it, plus one. */
static int line_at(const double *tops, size_t ntops, double y)
{
	int k = 1;
	for (size_t i = 0; i < ntops; i++)
		if (tops[i] < y - 1.0)
			k++;
	return k;
}

/* Takes the table's rows from the words below y on the page (marking them used). */
static void grow_table(struct tab *t, const struct pdf_page *pg, char *used, double y,
		       int page, const double *tops, size_t ntops, int fix_edges,
		       const double *lx0, const double *lx1, const struct pdf_word **head,
		       size_t nhead)
{
	const struct pdf_word **w = xmalloc((pg->count ? pg->count : 1) * sizeof *w);
	size_t n = 0;
	for (size_t i = 0; i < pg->count; i++)
		if (!used[i] && pg->words[i].y0 >= y - 0.5)
			w[n++] = &pg->words[i];
	qsort(w, n, sizeof *w, cmp_word_y);
	/* Bands of words, loosely, until one cannot be part of the table. */
	double loose = 0.5 * t->height;
	size_t take = 0;
	t->open = 1;
	for (int pass = 0; pass < 2; pass++) {
		take = 0;
		t->open = 1;
		size_t i = 0;
		while (i < n) {
			size_t j = i + 1;
			double bottom = w[i]->y1;
			while (j < n && w[j]->y0 <= bottom + loose) {
				bottom = fmax(bottom, w[j]->y1);
				j++;
			}
			int footer;
			if (ends_table(t, w + i, j - i, pg->height, fix_edges || pass == 1, lx0,
				       &footer)) {
				t->open = footer;
				break;
			}
			take = j;
			i = j;
		}
		if (fix_edges || pass == 1)
			break;
		/* The edges from the header and the rows found, then the rows again by them. */
		const struct pdf_word **all = xmalloc((take + nhead + 1) * sizeof *all);
		if (nhead)
			memcpy(all, head, nhead * sizeof *all);
		if (take)
			memcpy(all + nhead, w, take * sizeof *all);
		find_edges(t, all, take + nhead, lx0, lx1);
		free(all);
	}
	n = take;
	for (size_t i = 0; i < n; i++)
		used[w[i] - pg->words] = 1;
	/* Where each column's text may reach: its widest line, or as near the next column's
	 * text as the narrowest gap between two columns' text (the cells' padding) allows. */
	double *start = xmalloc((size_t)t->ncols * sizeof *start);
	for (int c = 0; c < t->ncols; c++)
		start[c] = 1e9;
	for (size_t i = 0; i < n; i++) {
		int c = column_of(t, w[i]);
		t->limit[c] = fmax(t->limit[c], w[i]->x1);
		start[c] = fmin(start[c], w[i]->x0);
	}
	double pad = 1e9;
	for (int c = 0; c + 1 < t->ncols; c++)
		if (start[c + 1] < 1e9 && t->limit[c] > 0)
			pad = fmin(pad, start[c + 1] - t->limit[c]);
	if (pad < 1e9)
		for (int c = 0; c + 1 < t->ncols; c++)
			if (start[c + 1] < 1e9)
				t->limit[c] = fmax(t->limit[c], start[c + 1] - fmax(pad, 1.0));
	free(start);
	/* Rows: bands parted by more than the gap inside a cell. */
	int alike;
	double theta = row_gap(t, w, n, &alike);
	int first_row = 1;
	size_t i = 0;
	const struct pdf_word **cw = xmalloc((n ? n : 1) * sizeof *cw);
	while (i < n) {
		size_t j = i + 1;
		double bottom = w[i]->y1;
		while (j < n && w[j]->y0 <= bottom + theta) {
			bottom = fmax(bottom, w[j]->y1);
			j++;
		}
		/* The rest of the row before, at the top of a page: its first cell is empty. */
		int empty_first = 1;
		for (size_t k = i; k < j; k++)
			if (column_of(t, w[k]) == 0)
				empty_first = 0;
		int filled = 0;
		for (int c = 0; c < t->ncols; c++)
			for (size_t k = i; k < j; k++)
				if (column_of(t, w[k]) == c) {
					filled++;
					break;
				}
		/* The rest of a row the page broke, at the top of the next page: its first cell
		 * empty, or no more than half its cells holding anything. */
		int merge = first_row && fix_edges && t->nrows > 0 &&
			    (empty_first || filled * 2 <= t->ncols);
		/* Gaps all alike: a band that fills no more than half the columns is the rest of
		 * the row above (cells aligned at their top, some longer). */
		if (alike && !first_row)
			merge = merge || filled * 2 <= t->ncols;
		if (!merge)
			add_row(t, page, line_at(tops, ntops, w[i]->y0));
		else
			t->pages++;
		size_t r = t->nrows - 1;
		for (int c = 0; c < t->ncols; c++) {
			size_t m = 0;
			for (size_t k = i; k < j; k++)
				if (column_of(t, w[k]) == c)
					cw[m++] = w[k];
			size_t nl;
			struct tline *ls = lines_of(cw, m, &nl);
			struct cell *cell = &t->cells[r * (size_t)t->ncols + (size_t)c];
			cell->l = xrealloc(cell->l, (cell->n + nl + 1) * sizeof *cell->l);
			if (nl)
				memcpy(cell->l + cell->n, ls, nl * sizeof *ls);
			cell->n += nl;
			free(ls);
		}
		first_row = 0;
		i = j;
	}
	free(cw);
	free(w);
}

static void free_tab(struct tab *t)
{
	for (int c = 0; c < t->ncols; c++)
		free(t->labels[c]);
	free(t->labels);
	free(t->edge);
	free(t->limit);
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++) {
		for (size_t k = 0; k < t->cells[i].n; k++)
			free(t->cells[i].l[k].text);
		free(t->cells[i].l);
	}
	free(t->cells);
	free(t->row_page);
	free(t->row_line);
	free(t);
}

/* ---- tables of any labels (an article's) -------------------------------------------------- */

/* A band's words as cells: words that overlap or stand closer than a wide space are one
 * cell. Returns how many, with each cell's extent and text (malloc'd) in the arrays given
 * (at most max). */
static int band_cells(const struct pdf_word **w, size_t n, int max, double *x0, double *x1,
		      char **text)
{
	const struct pdf_word **s = sorted_copy(w, n, cmp_word_x);
	int count = 0;
	size_t from = 0;
	for (size_t i = 0; i <= n; i++) {
		double h = i < n ? s[i]->y1 - s[i]->y0 : 0;
		if (i < n && i > from && s[i]->x0 - x1[count] < 0.6 * h) {
			x1[count] = fmax(x1[count], s[i]->x1);
			continue;
		}
		if (i > from || i == n) {
			if (i > from) {
				/* The cell's words top to bottom, each line left to right. */
				size_t nl;
				struct tline *ls = lines_of(s + from, i - from, &nl);
				struct buf b = { 0 };
				for (size_t k = 0; k < nl; k++) {
					if (k)
						buf_addc(&b, ' ');
					buf_adds(&b, ls[k].text);
					free(ls[k].text);
				}
				free(ls);
				if (count < max)
					text[count] = buf_take(&b);
				else
					buf_free(&b);
				count++;
			}
			if (i == n)
				break;
		}
		if (count >= max)
			break;
		from = i;
		x0[count] = s[i]->x0;
		x1[count] = s[i]->x1;
	}
	free(s);
	return count < max ? count : max;
}

#define MAX_COLS 12

/* Whether two bands' cells stand in the same columns: as many, and each gap between two
 * cells of one open where the other's is (a white channel down the table; a justified
 * line's wide spaces never line up so). */
static int same_columns(int n1, const double *a0, const double *a1, int n2, const double *b0,
			const double *b1)
{
	if (n1 != n2 || n1 < 2)
		return 0;
	for (int c = 0; c + 1 < n1; c++) {
		double lo = fmax(a1[c], b1[c]), hi = fmin(a0[c + 1], b0[c + 1]);
		if (hi - lo < 1.0)
			return 0;
	}
	return 1;
}

/* A table whose header is any words (an article's "번호 성과 발표기관 주요 내용"): a band of
 * two or more cells with a band below it in the same columns. Returns the table (its rows
 * taken, its words marked used) or NULL. */
static struct tab *any_table(const struct pdf_page *pg, char *used, size_t a, size_t z,
			     int page, const double *tops, size_t ntops, double *at)
{
	size_t nh;
	double ht, hb;
	const struct pdf_word **hw = header_band(pg, used, a, z, &nh, &ht, &hb);
	double hx0[MAX_COLS], hx1[MAX_COLS];
	char *labels[MAX_COLS];
	int nc = band_cells(hw, nh, MAX_COLS, hx0, hx1, labels);
	struct tab *t = NULL;
	if (nc >= 2 && nh) {
		/* The row below: unused words from under the header down to the first gap wider
		 * than the gap between a cell's lines (rows part by their cells' padding). */
		double h = hw[0]->y1 - hw[0]->y0;
		const struct pdf_word **bw = xmalloc((pg->count ? pg->count : 1) * sizeof *bw);
		size_t nb = 0;
		for (size_t i = 0; i < pg->count; i++)
			if (!used[i] && pg->words[i].y0 > hb - 0.5)
				bw[nb++] = &pg->words[i];
		qsort(bw, nb, sizeof *bw, cmp_word_y);
		size_t take = 0;
		if (nb && bw[0]->y0 < hb + 2 * h) {
			double bottom = bw[0]->y1;
			take = 1;
			while (take < nb && bw[take]->y0 <= bottom + 0.3 * h) {
				bottom = fmax(bottom, bw[take]->y1);
				take++;
			}
		}
		nb = take;
		if (nb) {
			double bx0[MAX_COLS], bx1[MAX_COLS];
			char *btext[MAX_COLS];
			int nbc = band_cells(bw, nb, MAX_COLS, bx0, bx1, btext);
			for (int c = 0; c < nbc; c++)
				free(btext[c]);
			if (same_columns(nc, hx0, hx1, nbc, bx0, bx1)) {
				t = xcalloc(1, sizeof *t);
				t->ncols = nc;
				t->labels = xmalloc((size_t)nc * sizeof *t->labels);
				for (int c = 0; c < nc; c++)
					t->labels[c] = labels[c];
				nc = 0; /* taken */
				t->edge = xcalloc((size_t)t->ncols, sizeof *t->edge);
				t->limit = xcalloc((size_t)t->ncols, sizeof *t->limit);
				t->height = h;
				t->pages = 1;
				for (size_t i = 0; i < nh; i++)
					used[hw[i] - pg->words] = 1;
				find_edges(t, hw, nh, hx0, hx1);
				grow_table(t, pg, used, hb, page, tops, ntops, 0, hx0, hx1, hw, nh);
				*at = ht;
			}
		}
		free(bw);
	}
	for (int c = 0; c < nc; c++)
		free(labels[c]);
	free(hw);
	return t;
}

/* ---- a page --------------------------------------------------------------------------------- */

static void add_item(struct builder *b, struct item it)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->items = xrealloc(b->items, b->cap * sizeof *b->items);
	}
	b->items[b->n++] = it;
}

static int starts_header(const char *s)
{
	char *q = squeeze(s);
	int yes = strncmp(q, "기업", 6) == 0 || strncmp(q, "명칭", 6) == 0;
	free(q);
	return yes;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	if (x->page != y->page)
		return x->page - y->page;
	if (fabs(x->y - y->y) > 0.01)
		return x->y < y->y ? -1 : 1;
	double ax = x->tab ? 0 : x->line.x0, bx = y->tab ? 0 : y->line.x0;
	return ax < bx ? -1 : ax > bx;
}

/* A table from the page before goes on: after its header repeated, or at once. */
static void continue_table(struct builder *b, const struct pdf_page *pg, int page, char *used,
			   const double *tops, size_t ntops)
{
	if (b->open) {
		struct tab *t = b->open;
		b->open = NULL;
		size_t top = pg->count;
		for (size_t i = 0; i < pg->count; i++)
			if (top == pg->count || pg->words[i].y0 < pg->words[top].y0)
				top = i;
		if (top < pg->count) {
			size_t a = top, z = top;
			while (a > 0 && pg->words[a - 1].line == pg->words[top].line)
				a--;
			while (z < pg->count && pg->words[z].line == pg->words[top].line)
				z++;
			size_t nh;
			double ht, hb;
			const struct pdf_word **hw = header_band(pg, used, a, z, &nh, &ht, &hb);
			char **labels;
			double *x0, *x1;
			int nl = read_labels(hw, nh, &labels, &x0, &x1);
			double from = ht;
			if (nl == t->ncols) {
				int same = 1;
				for (int c = 0; c < nl; c++)
					same = same && strcmp(labels[c], t->labels[c]) == 0;
				if (same) {
					for (size_t i = 0; i < nh; i++)
						used[hw[i] - pg->words] = 1;
					from = hb;
				}
			}
			for (int c = 0; c < nl; c++)
				free(labels[c]);
			free(labels);
			free(x0);
			free(x1);
			if (from == ht && t->ncols <= MAX_COLS) {
				/* A header of any labels (an article's table), printed again. */
				double cx0[MAX_COLS], cx1[MAX_COLS];
				char *cells[MAX_COLS];
				int nc = band_cells(hw, nh, MAX_COLS, cx0, cx1, cells);
				int same = nc == t->ncols;
				for (int c = 0; c < nc; c++) {
					same = same && strcmp(cells[c], t->labels[c]) == 0;
					free(cells[c]);
				}
				if (same) {
					for (size_t i = 0; i < nh; i++)
						used[hw[i] - pg->words] = 1;
					from = hb;
				}
			}
			free(hw);
			size_t before = t->nrows;
			int pages = t->pages;
			grow_table(t, pg, used, from, page, tops, ntops, 1, NULL, NULL, NULL, 0);
			/* New rows on this page (a row's rest joined counts its page already). */
			if (t->nrows > before && t->pages == pages)
				t->pages++;
			if (t->open)
				b->open = t;
		}
	}
}

/* Tables whose header reads as the newsletter's column labels. */
static void vocabulary_tables(struct builder *b, const struct pdf_page *pg, int page, char *used,
			      const double *tops, size_t ntops)
{
	for (size_t a = 0; a < pg->count;) {
		size_t z = a + 1;
		while (z < pg->count && pg->words[z].line == pg->words[a].line)
			z++;
		int fresh = 1;
		for (size_t i = a; i < z; i++)
			fresh = fresh && !used[i];
		struct buf lb = { 0 };
		for (size_t i = a; i < z; i++)
			buf_adds(&lb, pg->words[i].text);
		char *text = buf_take(&lb);
		if (fresh && starts_header(text)) {
			size_t nh;
			double ht, hb;
			const struct pdf_word **hw = header_band(pg, used, a, z, &nh, &ht, &hb);
			char **labels;
			double *x0, *x1;
			int nl = read_labels(hw, nh, &labels, &x0, &x1);
			if (nl > 0) {
				struct tab *t = xcalloc(1, sizeof *t);
				t->ncols = nl;
				t->labels = labels;
				t->edge = xcalloc((size_t)nl, sizeof *t->edge);
				t->limit = xcalloc((size_t)nl, sizeof *t->limit);
				t->height = hw[0]->y1 - hw[0]->y0;
				t->pages = 1;
				for (size_t i = 0; i < nh; i++)
					used[hw[i] - pg->words] = 1;
				find_edges(t, hw, nh, x0, x1);
				grow_table(t, pg, used, hb, page, tops, ntops, 0, x0, x1, hw, nh);
				add_item(b, (struct item){ ht, { 0 }, t, page, line_at(tops, ntops, ht) });
				if (b->open && b->open != t)
					b->open = NULL;
				if (t->open)
					b->open = t;
				free(x0);
				free(x1);
			}
			free(hw);
		}
		free(text);
		a = z;
	}
}

/* Tables of any labels (an article's), top to bottom. */
static void any_tables(struct builder *b, const struct pdf_page *pg, int page, char *used,
		       const double *tops, size_t ntops)
{
	for (int found = 1; found;) {
		found = 0;
		size_t best = pg->count;
		for (size_t i = 0; i < pg->count; i++)
			if (!used[i] && (best == pg->count || pg->words[i].y0 < pg->words[best].y0))
				best = i;
		/* Each unused line in turn, from the top; a table found starts the search again. */
		double from_y = best < pg->count ? pg->words[best].y0 - 1 : 0;
		while (!found) {
			size_t next = pg->count;
			for (size_t i = 0; i < pg->count; i++)
				if (!used[i] && pg->words[i].y0 > from_y &&
				    (next == pg->count || pg->words[i].y0 < pg->words[next].y0))
					next = i;
			if (next == pg->count)
				break;
			size_t a = next, z = next;
			while (a > 0 && pg->words[a - 1].line == pg->words[next].line)
				a--;
			while (z < pg->count && pg->words[z].line == pg->words[next].line)
				z++;
			double at;
			struct tab *t = any_table(pg, used, a, z, page, tops, ntops, &at);
			if (t && t->nrows) {
				add_item(b, (struct item){ at, { 0 }, t, page, line_at(tops, ntops, at) });
				if (t->open)
					b->open = t;
				found = 1;
			} else if (t) {
				free_tab(t);
			}
			from_y = pg->words[next].y0 + 0.5;
		}
	}
}

/* Every other word: lines, one per baseline. */
static void page_lines(struct builder *b, const struct pdf_page *pg, int page, const char *used,
		       const double *tops, size_t ntops)
{
	const struct pdf_word **rest = xmalloc((pg->count ? pg->count : 1) * sizeof *rest);
	size_t nr = 0;
	for (size_t i = 0; i < pg->count; i++)
		if (!used[i])
			rest[nr++] = &pg->words[i];
	size_t nl;
	struct tline *ls = lines_of(rest, nr, &nl);
	for (size_t i = 0; i < nl; i++)
		add_item(b, (struct item){ ls[i].y0, ls[i], NULL, page, line_at(tops, ntops, ls[i].y0) });
	free(ls);
	free(rest);
}

static void lay_page(struct builder *b, const struct pdf_page *pg, int page)
{
	char *used = xcalloc(pg->count ? pg->count : 1, 1);
	/* Where poppler's lines begin, for line numbers. */
	double *tops = xmalloc((pg->count ? pg->count : 1) * sizeof *tops);
	size_t ntops = 0;
	for (size_t i = 0; i < pg->count; i++)
		if (i == 0 || pg->words[i].line != pg->words[i - 1].line)
			tops[ntops++] = pg->words[i].y0;
	qsort(tops, ntops, sizeof *tops, cmp_double);
	size_t dedup = 0;
	for (size_t i = 0; i < ntops; i++)
		if (!dedup || tops[i] > tops[dedup - 1] + 2.0)
			tops[dedup++] = tops[i];
	ntops = dedup;

	continue_table(b, pg, page, used, tops, ntops);
	vocabulary_tables(b, pg, page, used, tops, ntops);
	any_tables(b, pg, page, used, tops, ntops);
	page_lines(b, pg, page, used, tops, ntops);
	free(used);
	free(tops);
}

/* ---- line ends ------------------------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int lex_has(const struct builder *b, const char *w)
{
	return b->nlex && bsearch(&w, b->lexicon, b->nlex, sizeof *b->lexicon, cmp_str) != NULL;
}

/* The words of a line that no line end can have cut, without the punctuation after them: those
 * inside it, its first when it begins its cell or paragraph (whole_start), its last when it
 * ends it (whole_end). */
static void learn_words(struct builder *b, const char *text, int whole_start, int whole_end)
{
	char *copy = xstrdup(text);
	char *save = NULL;
	char *tok = strtok_r(copy, " ", &save);
	int first = 1;
	while (tok) {
		char *next = strtok_r(NULL, " ", &save);
		enum script sc = script_of(first_char(tok));
		size_t n = strlen(tok);
		while (n && strchr(",.;)", tok[n - 1]))
			tok[--n] = '\0';
		if ((!first || whole_start) && (next || whole_end) && n &&
		    (sc == S_HANGUL || sc == S_LATIN)) {
			if (b->nlex == b->caplex) {
				b->caplex = b->caplex ? b->caplex * 2 : 256;
				b->lexicon = xrealloc(b->lexicon, b->caplex * sizeof *b->lexicon);
			}
			b->lexicon[b->nlex++] = xstrdup(tok);
		}
		first = 0;
		tok = next;
	}
	free(copy);
}

/* Sorts the words learnt, each once, for lex_has. */
static void settle_words(struct builder *b)
{
	if (!b->nlex)
		return;
	qsort(b->lexicon, b->nlex, sizeof *b->lexicon, cmp_str);
	size_t w = 1;
	for (size_t i = 1; i < b->nlex; i++) {
		if (strcmp(b->lexicon[i], b->lexicon[w - 1]) == 0)
			free(b->lexicon[i]);
		else
			b->lexicon[w++] = b->lexicon[i];
	}
	b->nlex = w;
}

/* Whether line a (ending at a->x1, with text up to limit) is full: the next line's first
 * character would not have fitted after it. */
static int is_full(const struct tline *a, const struct tline *n, double limit)
{
	/* A Hangul syllable's width is known to the point; other letters' by the average of
	 * the next line's first word, with room for a wide one. */
	if (script_of(first_char(n->text)) == S_HANGUL)
		return limit - a->x1 < syllable_ratio * (n->y1 - n->y0) + 0.3;
	double cw = n->first_width > 0 ? n->first_width : (a->y1 - a->y0) * 0.7;
	return limit - a->x1 < cw * 1.3;
}

/* A line's first word without the punctuation after it ("Ventures," is Ventures). Malloc'd. */
static char *first_word(const char *text)
{
	const char *e = strchr(text, ' ');
	char *w = xstrndup(text, e ? (size_t)(e - text) : strlen(text));
	size_t n = strlen(w);
	while (n && strchr(",.;)", w[n - 1]))
		w[--n] = '\0';
	return w;
}

/* A line's last word. */
static const char *last_word(const char *text)
{
	const char *sp = strrchr(text, ' ');
	return sp ? sp + 1 : text;
}

/* Counts a line end of one script for judge_engines. */
static void count_end(struct builder *b, const struct tline *a, const struct tline *n,
		      double limit)
{
	enum script sa = script_of(last_char(a->text)), sn = script_of(first_char(n->text));
	if (sa != sn || sa == S_OTHER || !strchr(a->text, ' '))
		return;
	if (!is_full(a, n, limit)) {
		b->roomy[sa]++;
		return;
	}
	b->full[sa]++;
	char *next = first_word(n->text);
	b->whole[sa] += lex_has(b, next);
	free(next);
}

/* A script that the typesetter breaks anywhere leaves every line it broke full, to within a
 * character (only the editor's own breaks leave room); one that it breaks between words
 * leaves room wherever the next word was longer than a character. */
static void judge_engines(struct builder *b)
{
	for (int s = 0; s < 4; s++) {
		int n = b->full[s] + b->roomy[s];
		/* Too few to tell: Hangul as Korean word processors break it (anywhere), Latin
		 * between words (two full lines of Latin and none with room are telling: a word
		 * processor that breaks between words leaves one full in several). */
		if (n < (s == S_LATIN ? 2 : 4))
			b->anywhere[s] = s != S_LATIN;
		else /* Nearly every line full; or most, and what follows them is mostly not a
		      * word the issue uses alone (a word's rest: "ement", "rthwell"). */
			b->anywhere[s] = b->roomy[s] * 10 <= n ||
					 (b->full[s] >= 2 * b->roomy[s] && b->whole[s] * 5 < b->full[s] * 2);
		if (s == S_HAN)
			b->anywhere[s] = 1;
	}
}

/* Words that stand apart in the newsletter's cells: the kinds of company a 소개 ends with, the
 * words it writes apart in a fund's name, the qualifier after an amount (not 기금, 투자 or
 * 그룹, which names write both ways: 발전기금, 발전 기금). */
static int word_start(const char *w)
{
	static const char *const words[] = {
		"개발업체", "제조업체", "운영업체", "설계업체", "공급업체", "제공업체", "서비스",
		"플랫폼", "솔루션", "시스템", "알고리즘", "캐피탈", "펀드", "파트너스", "벤처스",
		"이상", "이하", NULL,
	};
	for (const char *const *p = words; *p; p++)
		if (strcmp(w, *p) == 0)
			return 1;
	return 0;
}

/* Whether the break between lines a and n is inside a word. */
static int inside_word(const struct builder *b, const struct tline *a, const struct tline *n,
		       double limit, int *guessed)
{
	ucs4_t la = last_char(a->text), fn = first_char(n->text);
	size_t al = strlen(a->text);
	/* "9," / "800 만 위안": a number broken after its thousands comma. */
	if (la == ',' && al >= 2 && is_digit((ucs4_t)a->text[al - 2]) && is_digit(fn))
		return 1;
	/* "2025.06.10-2025." / "06.12": a date or a number broken after its point. */
	if ((la == '.' || la == '/' || la == ':') && al >= 2 && is_digit((ucs4_t)a->text[al - 2]) &&
	    is_digit(fn) && is_full(a, n, limit))
		return 1;
	/* "2025.08.31-" / "2025.09.02", "Pre-" / "IPO". */
	if (la == '-' && al >= 2 && a->text[al - 2] != ' ')
		return 1;
	enum script sa = script_of(la), sn = script_of(fn);
	/* A number broken over lines: the line is full, or what follows it ("31%,") would not
	 * have fitted where "3" ended. */
	if (is_digit(la) && is_digit(fn))
		return is_full(a, n, limit) || limit - a->x1 < n->first_word;
	if (sa != sn || sa == S_OTHER)
		return 0;
	if (!is_full(a, n, limit))
		return 0;
	/* A Latin word that stands alone elsewhere, where the two joined never do
	 * ("Industrious" / "Ventures"). */
	if (sa == S_LATIN && b->anywhere[sa]) {
		const char *last = last_word(a->text);
		char *next = first_word(n->text);
		size_t nl = strlen(next);
		char *joined = xasprintf("%s%s", last, next);
		/* A letter or two ("A" of "NVIDI" / "A") stands alone too often to tell. */
		int apart = nl >= 3 && lex_has(b, next) && !lex_has(b, joined);
		free(next);
		free(joined);
		if (apart) {
			*guessed = 1;
			return 0;
		}
	}
	if (!b->anywhere[sa]) {
		/* Only a word longer than the line: the line is that one word, and it and the next
		 * line's first word together would not have fitted where the line starts. */
		return strchr(a->text, ' ') == NULL && a->x1 - a->x0 + n->first_word > limit - a->x0;
	}
	if (sa == S_HANGUL) {
		const char *last = last_word(a->text);
		char *next = first_word(n->text);
		char *joined = xasprintf("%s%s", last, next);
		size_t syl_last = u8_mbsnlen((const uint8_t *)last, strlen(last));
		size_t syl_next = u8_mbsnlen((const uint8_t *)next, strlen(next));
		int inside = 1;
		if (lex_has(b, joined) || word_start(joined)) {
			inside = 1; /* the two make a word the issue uses */
		} else if (syl_next >= 2 && (lex_has(b, next) || word_start(next))) {
			/* A word that stands alone elsewhere (or begins a company's kind, a fund's
			 * name), where the two joined never do. A syllable alone ("펀" / "드")
			 * stands alone too often to tell. */
			inside = 0;
			*guessed = 1;
		} else if (syl_last >= 2 && syl_next >= 2) {
			/* Two pieces that could each be a word: read as one, and said. */
			*guessed = 1;
		}
		free(next);
		free(joined);
		return inside;
	}
	return 1;
}

/* A cell's lines as one text. Where a full line's break could be read two ways (two words, or
 * one the line cut), *note gets the words at the break as read ("Box Group", "배터리제조업체"),
 * malloc'd (else NULL). */
static char *join_lines(const struct builder *b, const struct tline *l, size_t n, double limit,
			char **note)
{
	struct buf out = { 0 };
	*note = NULL;
	for (size_t i = 0; i < n; i++) {
		int guessed = 0;
		if (i) {
			int inside = inside_word(b, &l[i - 1], &l[i], limit, &guessed);
			if (!inside)
				buf_addc(&out, ' ');
			if (guessed && !*note) {
				/* The words at the break, as read. */
				const char *e = strchr(l[i].text, ' ');
				*note = xasprintf("%s%s%.*s", last_word(l[i - 1].text), inside ? "" : " ",
						  (int)(e ? (size_t)(e - l[i].text) : strlen(l[i].text)),
						  l[i].text);
			}
		}
		buf_adds(&out, l[i].text);
	}
	return buf_take(&out);
}

/* ---- the whole document -------------------------------------------------------------------- */

/* The middle of n values (taken over and freed), or fallback with fewer than at_least. */
static double median_or(double *v, size_t n, size_t at_least, double fallback)
{
	double m = fallback;
	if (n >= at_least) {
		qsort(v, n, sizeof *v, cmp_double);
		m = v[n / 2];
	}
	free(v);
	return m;
}

/* The document's space: the middle of the gaps between two Hangul (or two Latin) words of one
 * poppler line, for their height. */
static double measure_space(const struct pdf_doc *doc)
{
	size_t n = 0, cap = 0;
	double *r = NULL;
	for (size_t p = 0; p < doc->count; p++) {
		const struct pdf_page *pg = &doc->pages[p];
		for (size_t i = 1; i < pg->count; i++) {
			const struct pdf_word *a = &pg->words[i - 1], *b = &pg->words[i];
			enum script sa = script_of(last_char(a->text));
			if (a->line != b->line || sa == S_OTHER || sa != script_of(first_char(b->text)))
				continue;
			double h = fmin(a->y1 - a->y0, b->y1 - b->y0);
			if (h <= 0 || b->x0 - a->x1 <= 0 || b->x0 - a->x1 > h)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				r = xrealloc(r, cap * sizeof *r);
			}
			r[n++] = (b->x0 - a->x1) / h;
		}
	}
	return median_or(r, n, 20, 0.215);
}

/* The document's Hangul syllable: the middle of the widths of words of Hangul alone, each for
 * its syllables and its height. */
static double measure_syllable(const struct pdf_doc *doc)
{
	size_t n = 0, cap = 0;
	double *r = NULL;
	for (size_t p = 0; p < doc->count; p++) {
		const struct pdf_page *pg = &doc->pages[p];
		for (size_t i = 0; i < pg->count; i++) {
			const struct pdf_word *w = &pg->words[i];
			size_t syl = 0, len = strlen(w->text);
			int pure = len > 0;
			for (const char *q = w->text; *q && pure;) {
				ucs4_t c;
				int k = u8_mbtouc(&c, (const uint8_t *)q, strlen(q));
				pure = c >= 0xAC00 && c <= 0xD7A3;
				syl++;
				q += k > 0 ? k : 1;
			}
			double h = w->y1 - w->y0;
			if (!pure || h <= 0)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				r = xrealloc(r, cap * sizeof *r);
			}
			r[n++] = (w->x1 - w->x0) / ((double)syl * h);
		}
	}
	return median_or(r, n, 10, 0.7);
}

void layout_build(const struct pdf_doc *doc, struct layout *out)
{
	memset(out, 0, sizeof *out);
	struct builder b = { 0 };
	space_ratio = measure_space(doc);
	syllable_ratio = measure_syllable(doc);
	for (size_t p = 0; p < doc->count; p++) {
		size_t from = b.n;
		lay_page(&b, &doc->pages[p], (int)p + 1);
		if (b.n > from)
			qsort(b.items + from, b.n - from, sizeof *b.items, cmp_item);
	}
	/* The page's right edge of text, for lines outside tables: the furthest that three
	 * lines reach alike (a long address may run past the margin). */
	double *right = xcalloc(doc->count + 1, sizeof *right);
	double *ends = xmalloc((b.n + 1) * sizeof *ends);
	for (size_t p = 1; p <= doc->count; p++) {
		size_t m = 0;
		for (size_t i = 0; i < b.n; i++)
			if (!b.items[i].tab && b.items[i].page == (int)p)
				ends[m++] = b.items[i].line.x1;
		qsort(ends, m, sizeof *ends, cmp_double);
		right[p] = m ? ends[m - 1] : 0;
		for (size_t i = m; i >= 3; i--)
			if (ends[i - 1] - ends[i - 3] <= 1.5) {
				right[p] = ends[i - 1];
				break;
			}
	}
	free(ends);
	/* The words that stand alone, then how lines end. */
	for (size_t i = 0; i < b.n; i++) {
		struct item *it = &b.items[i];
		if (!it->tab) {
			learn_words(&b, it->line.text, 0, 0);
			continue;
		}
		struct tab *t = it->tab;
		for (size_t r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->ncols; c++) {
				struct cell *cell = &t->cells[r * (size_t)t->ncols + (size_t)c];
				/* A cell's first word and its last are whole. */
				for (size_t k = 0; k < cell->n; k++)
					learn_words(&b, cell->l[k].text, k == 0, k + 1 == cell->n);
			}
	}
	settle_words(&b);

	for (size_t i = 0; i < b.n; i++) {
		struct item *it = &b.items[i];
		if (!it->tab) {
			if (i + 1 < b.n && !b.items[i + 1].tab && b.items[i + 1].page == it->page &&
			    b.items[i + 1].line.block == it->line.block)
				count_end(&b, &it->line, &b.items[i + 1].line, right[it->page]);
			continue;
		}
		struct tab *t = it->tab;
		for (size_t r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->ncols; c++) {
				struct cell *cell = &t->cells[r * (size_t)t->ncols + (size_t)c];
				for (size_t k = 0; k + 1 < cell->n; k++)
					count_end(&b, &cell->l[k], &cell->l[k + 1], t->limit[c]);
			}
	}
	judge_engines(&b);
	out->lines = xmalloc((b.n ? b.n : 1) * sizeof *out->lines);
	for (size_t i = 0; i < b.n; i++) {
		struct item *it = &b.items[i];
		struct layout_line *ll = &out->lines[out->count++];
		*ll = (struct layout_line){ NULL, 1, it->page, it->lineno, NULL };
		if (!it->tab) {
			ll->text = it->line.text;
			const struct item *nx = i + 1 < b.n ? &b.items[i + 1] : NULL;
			int guessed = 0;
			if (nx && !nx->tab && nx->page == it->page && nx->line.block == it->line.block)
				ll->space = !inside_word(&b, &it->line, &nx->line, right[it->page],
							 &guessed);
			continue;
		}
		struct tab *t = it->tab;
		struct grid *g = xcalloc(1, sizeof *g);
		g->ncols = t->ncols;
		g->labels = xmalloc((size_t)t->ncols * sizeof *g->labels);
		struct buf hb = { 0 };
		for (int c = 0; c < t->ncols; c++) {
			g->labels[c] = xstrdup(t->labels[c]);
			if (c)
				buf_addc(&hb, ' ');
			buf_adds(&hb, t->labels[c]);
		}
		ll->text = buf_take(&hb);
		g->nrows = t->nrows;
		g->cells = xmalloc((t->nrows * (size_t)t->ncols + 1) * sizeof *g->cells);
		g->notes = xmalloc((t->nrows * (size_t)t->ncols + 1) * sizeof *g->notes);
		for (size_t r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->ncols; c++) {
				size_t at = r * (size_t)t->ncols + (size_t)c;
				struct cell *cell = &t->cells[at];
				g->cells[at] = join_lines(&b, cell->l, cell->n, t->limit[c], &g->notes[at]);
			}
		g->row_page = xmalloc((t->nrows + 1) * sizeof *g->row_page);
		g->row_line = xmalloc((t->nrows + 1) * sizeof *g->row_line);
		if (t->nrows) {
			memcpy(g->row_page, t->row_page, t->nrows * sizeof *g->row_page);
			memcpy(g->row_line, t->row_line, t->nrows * sizeof *g->row_line);
		}
		g->pages = t->pages;
		g->uncertain = t->uncertain;
		ll->grid = g;
		free_tab(t);
	}
	free(right);
	for (size_t i = 0; i < b.nlex; i++)
		free(b.lexicon[i]);
	free(b.lexicon);
	free(b.items);
}

void layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->lines[i].text);
		struct grid *g = l->lines[i].grid;
		if (!g)
			continue;
		for (int c = 0; c < g->ncols; c++)
			free(g->labels[c]);
		free(g->labels);
		for (size_t k = 0; k < g->nrows * (size_t)g->ncols; k++) {
			free(g->cells[k]);
			free(g->notes[k]);
		}
		free(g->cells);
		free(g->notes);
		free(g->row_page);
		free(g->row_line);
		free(g);
	}
	free(l->lines);
	memset(l, 0, sizeof *l);
}

char *layout_dump(const struct layout *l)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < l->count; i++) {
		const struct layout_line *ll = &l->lines[i];
		const struct grid *g = ll->grid;
		if (!g) {
			buf_printf(&b, "%d:%d %s%s\n", ll->page, ll->line, ll->text, ll->space ? "⏎" : "");
			continue;
		}
		buf_printf(&b, "%d:%d table of %d columns, %zu rows, %d pages%s\n", ll->page, ll->line,
			   g->ncols, g->nrows, g->pages, g->uncertain ? ", an edge uncertain" : "");
		for (int c = 0; c < g->ncols; c++)
			buf_printf(&b, "%s%s", c ? " | " : "  | ", g->labels[c]);
		buf_adds(&b, " |\n");
		for (size_t r = 0; r < g->nrows; r++) {
			buf_printf(&b, "%d:%d", g->row_page[r], g->row_line[r]);
			for (int c = 0; c < g->ncols; c++)
				buf_printf(&b, " | %s", g->cells[r * (size_t)g->ncols + (size_t)c]);
			buf_adds(&b, " |\n");
		}
	}
	return buf_take(&b);
}
