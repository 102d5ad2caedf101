/* deals.c: the tables of deals, from the text's lines or a PDF's cells. See reader.h. */
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

/* ---- tables of deals --------------------------------------------------------------------- */


static const struct {
	const char *label;
	enum col col;
} header_labels[] = {
	{ "기업 명칭", C_NAME },      { "기업명", C_NAME },         { "기업 가치", C_VALUATION },
	{ "기업가치", C_VALUATION },  { "최근 투자 사건", C_SKIP }, { "투자 금액", C_AMOUNT },
	{ "인수 금액", C_AMOUNT },    { "거래 금액", C_AMOUNT },    { "라운드", C_ROUND },
	{ "소재지", C_PLACE },        { "분야", C_SECTOR },         { "소개", C_DESC },
	{ "투자자", C_INVESTORS },    { "투자 기관", C_INVESTORS }, { "인수자", C_ACQUIRER },
	{ "기업 개요", C_OVERVIEW },  { "투자 일자", C_DATE },     { "일자", C_DATE },
};

/* A label's column, or -1. */
int label_col(const char *label)
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



void free_deal(struct deal *d)
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

/* A day as the tables print it, "2025.04.03": its length, or 0. */
static size_t match_day(const char *s)
{
	int y, m, d, n = 0;
	if (sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &n) != 3 || n != 10 || y < 1990 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return 0;
	return word_end(s, 10) ? 10 : 0;
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
	case C_DATE:
		return match_day(s);
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
	char *s = join_frags(t->r, k, to, NULL);
	int ok = match_col(c, s) > 0;
	free(s);
	return ok;
}

static int free_text_col(enum col c)
{
	return c == C_DESC || c == C_INVESTORS || c == C_ACQUIRER || c == C_OVERVIEW;
}

/* A Chinese name on a line: Han, with perhaps Latin letters or digits ("智行医疗AI"), no
 * Hangul. */
static int zh_name(const char *s)
{
	if (han_only(s))
		return 1;
	int han = 0;
	for (const char *q = s; *q;) {
		ucs4_t c;
		int n = u8_mbtouc(&c, (const uint8_t *)q, strlen(q));
		if (is_han(c))
			han++;
		else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return 0;
		else if (!han)
			return 0; /* it begins with Han */
		q += n > 0 ? n : 1;
	}
	return han >= 2;
}

/* A line of one Han character: the end of a Chinese name the page broke ("百川智慧物" / "流"). */
static int one_han(const char *s)
{
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)s, strlen(s));
	return n > 0 && s[n] == '\0' && is_han(c);
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
		if (!zh_name(r->f[j].text) || han_only(r->f[k].text) || has_comma(r->f[k].text) ||
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
		/* The Chinese name may go on over lines broken inside it. */
		size_t z = j;
		while (z + 2 < t->limit && !r->f[z].space &&
		       (han_only(r->f[z + 1].text) || one_han(r->f[z + 1].text)))
			z++;
		/* The second column read by its vocabulary, or (a column of free text, such as
		 * 인수자) taken on the Chinese name's word. */
		if (col_at(t, second, z + 1) || (free_text_col(second) && !t->overseas)) {
			*name_end = z + 1;
			*zh = (int)(z - j + 1);
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
			char *rest = join_frags(r, m, m + 1 < t->limit ? m + 2 : m + 1, NULL);
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
				reader_warn(r, line, _("read '%s.%s' as two names"), name, dot + 1);
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


/* Where a column of free text (a 소개, a list of names) that starts at off ends, the next
 * column being free text too: a 소개 with the kind of company it is, at a cell's end, never in
 * the next row. A list of names where a 소개 would be means its cell is empty (said); no end
 * found, the line (said), or for a list of names nothing (said). */
static size_t description_end(struct table *t, struct span *sp, size_t off, size_t line,
			      const char *company, enum col col)
{
	struct reader *r = t->r;
	const char *s = sp->text;
	size_t end = 0;
	size_t first_k = span_frag(sp, off);
	for (size_t k = first_k; k < sp->to && !end; k++) {
		size_t fs = sp->starts[k - sp->from];
		/* Never into the next row. */
		size_t ne, sl;
		int z;
		if (k > first_k && row_starts(t, k, 0, &ne, &z, &sl) && z)
			break;
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
	if (!end && has_comma(r->f[first_k].text) &&
	    !ends_like_description(r->f[first_k].text, strlen(r->f[first_k].text))) {
		/* A list of names where the 소개 would be: its cell is empty. */
		end = off;
		char *w = trimmed_copy(s, off, span_frag_end(sp, off));
		reader_warn(r, line, _("%s: no 소개 before '%s': read as the next column"), company, w);
		free(w);
	} else if (!end) {
		end = span_frag_end(sp, off);
		char *w = trimmed_copy(s, off, end);
		/* The text gives two cells of free text on one line when they stand side by side
		 * on one baseline: where the one ends and the other begins is a guess. A list of
		 * names is left out rather than guessed (the line goes to the column after it); a
		 * 소개 takes the line. */
		if (col == C_ACQUIRER || col == C_INVESTORS) {
			end = off;
			reader_warn(r, line, _("%s: cannot tell where the names end in '%s': left "
					       "out, the line read as the next column"),
				    company, w);
		} else {
			reader_warn(r, line, _("%s: cannot tell where a column of free text ends in "
					       "'%s': took the line whole for it"),
				    company, w);
		}
		free(w);
	}
	return end;
}

/* Whether a text is shaped like a list of names: no sentence in it, no amount, no round. */
static int names_shaped(const char *s)
{
	char round[32];
	if (strcmp(s, "미공개") == 0 || strcmp(s, "비공개") == 0)
		return 1; /* the investors were not disclosed */
	for (const char *p = s; *p; p++) {
		if ((p == s || p[-1] == ' ' || p[-1] == ',') && (match_amount(p) > 0 ||
								 match_round(p, round, sizeof round)))
			return 0;
	}
	return !strstr(s, "다.") && !strstr(s, "업체");
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
				reader_warn(r, line,
				     col == C_PLACE ? _("'%s' is not a place jubo knows: kept as written")
						    : _("'%s' is not a sector jubo knows: kept as written"),
				     w);
			} else {
				reader_warn(r, line, col == C_ROUND  ? _("cannot read a round in '%s': left out")
						     : col == C_DATE ? _("cannot read a day in '%s': left out")
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
				end = description_end(t, sp, off, line, d->name_ko ? d->name_ko : "",
						      col);
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
			if (*v && place_homonym(v) == strlen(v))
				reader_warn(r, line, _("%s: '%s' names two provinces, 山西 (산서) and 陕西 "
						       "(섬서): kept as written"), d->name_ko, v);
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
			if (*v && !names_shaped(v))
				reader_warn(r, line, _("%s: '%s' does not read as a list of names: kept as "
						       "written"), d->name_ko ? d->name_ko : "", v);
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
	/* The Chinese name: the words from the first that begins with Han to the end, Han with
	 * Latin letters or digits in it ("智行医疗AI"). */
	for (const char *p = strchr(cell, ' '); p; p = strchr(p + 1, ' ')) {
		ucs4_t c;
		if (u8_mbtouc(&c, (const uint8_t *)p + 1, strlen(p + 1)) > 0 &&
		    is_han(c)) {
			int hangul = 0;
			for (const char *q = p + 1; *q;) {
				ucs4_t d;
				int n = u8_mbtouc(&d, (const uint8_t *)q, strlen(q));
				hangul = hangul || (d >= 0xAC00 && d <= 0xD7A3);
				q += n > 0 ? n : 1;
			}
			if (!hangul) {
				cut = p;
				break;
			}
		}
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

/* An amount as the newsletter spaces it: its currency a word apart from 억 or 만 ("96.0006억
 * 위안"), which a line break between them cannot tell. Malloc'd. */
static char *spaced_amount(const char *v)
{
	static const char *const units[] = { "억", "만", "천", NULL };
	static const char *const currencies[] = { "위안", "달러", "유로", "엔", "원", "파운드",
						  "홍콩달러", NULL };
	struct buf b = { 0 };
	for (const char *p = v; *p;) {
		int glued = 0;
		for (const char *const *u = units; *u && !glued; u++)
			if (starts(p, *u))
				for (const char *const *c = currencies; *c && !glued; c++)
					if (starts(p + strlen(*u), *c)) {
						buf_adds(&b, *u);
						buf_addc(&b, ' ');
						p += strlen(*u);
						glued = 1;
					}
		if (!glued)
			buf_addc(&b, *p++);
	}
	return buf_take(&b);
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
			reader_warn(r, line, _("%s, row %zu: no company name: the row is left out"), table,
			     row + 1);
		return -1;
	}
	if (!d->name_ko) {
		reader_warn(r, line, _("%s, row %zu (%s): no Korean name: the Chinese one is kept as both"),
		     table, row + 1, name);
		d->name_ko = xstrdup(d->name_zh);
		warned++;
	}
	d->name_ko = repair_letters(r, line, d->name_ko);
	for (int c = 0; c < g->ncols; c++) {
		const char *v = cells[c];
		const char *note = g->notes[row * (size_t)g->ncols + (size_t)c];
		if (note && *v) {
			reader_warn(r, line, _("%s, row %zu (%s): a full line broke at '%s', which could "
					       "be read two ways: read as here, check it"),
				    table, row + 1, name, note);
			warned++;
		}
		char round[32] = "";
		size_t n = strlen(v);
		if (cols[c] < 0 || cols[c] == C_NAME || cols[c] == C_SKIP || cols[c] == C_DATE || !*v)
			continue;
		switch (cols[c]) {
		case C_ROUND:
			if (match_round(v, round, sizeof round) == n) {
				free(d->round), d->round = xstrdup(round);
			} else {
				reader_warn(r, line, _("%s, row %zu (%s): '%s' is not a round jubo knows: left "
						"out"), table, row + 1, name, v);
				warned++;
			}
			break;
		case C_AMOUNT:
		case C_VALUATION:
			if (match_amount(v) == n) {
				char **slot = cols[c] == C_AMOUNT ? &d->amount : &d->valuation;
				free(*slot), *slot = spaced_amount(v);
			} else {
				reader_warn(r, line, cols[c] == C_AMOUNT
					      ? _("%s, row %zu (%s): cannot read an amount in '%s': left out")
					      : _("%s, row %zu (%s): cannot read a valuation in '%s': left "
						  "out"), table, row + 1, name, v);
				warned++;
			}
			break;
		case C_PLACE:
			free(d->place), d->place = xstrdup(v);
			if (place_homonym(v) == n) {
				reader_warn(r, line, _("%s, row %zu (%s): '%s' names two provinces, 山西 "
						"(산서) and 陕西 (섬서): kept as written"),
				     table, row + 1, name, v);
				warned++;
			} else if (match_place(v) != n) {
				reader_warn(r, line, _("%s, row %zu (%s): '%s' is not a place jubo knows: kept "
						"as written"), table, row + 1, name, v);
				warned++;
			}
			break;
		case C_SECTOR:
			free(d->sector), d->sector = xstrdup(v);
			if (match_sector(v) != n) {
				reader_warn(r, line, _("%s, row %zu (%s): '%s' is not a sector jubo knows: kept "
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
				reader_warn(r, line, _("%s, row %zu (%s): '%s' does not read as a list of "
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

/* The number of rows a caption promises ("... (거래 금액 상위 5 개)"), or 0. */
static size_t caption_count(const char *caption)
{
	const char *at = caption ? strstr(caption, "상위 ") : NULL;
	if (!at)
		return 0;
	char *end;
	long n = strtol(at + strlen("상위 "), &end, 10);
	while (*end == ' ')
		end++;
	return n > 0 && n < 1000 && starts(end, "개") ? (size_t)n : 0;
}

/* Says so when a table holds other than the rows its caption promises. */
static void check_count(struct reader *r, size_t line, const char *caption, const char *table,
			size_t rows)
{
	size_t promised = caption_count(caption);
	if (promised && promised != rows)
		reader_warn(r, line, _("%s: its caption promises %zu rows, %zu were read: check the "
				       "table"), table, promised, rows);
}

/* A table as warnings and the summary name it: "도표 9. 중국 신규 ..." by its number,
 * "◼ 2025 년 ... 인수합병" by its words, one without a caption by its line. Malloc'd. */
static char *table_name(const char *caption, size_t line)
{
	if (!caption)
		return xasprintf(_("the table at line %zu"), line);
	char *table = xstrdup(caption);
	char *dot = starts(table, "도표") ? strchr(table, '.') : NULL;
	if (dot)
		*dot = '\0';
	if (starts(table, "◼")) {
		char *t2 = xstrdup(trim(table + strlen("◼")));
		free(table);
		table = t2;
	}
	return table;
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
	char *table = table_name(caption, r->f[h].line % PDF_LINES);
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
		reader_warn(r, r->f[h].line, _("%s: a column's edge was not found in a gap between words: "
					"check its cells"), table);
	}
	check_count(r, r->f[h].line, caption, table, read);
	buf_printf(&r->summary, _("%s: rows read %zu, with a warning %zu, left out %zu\n"), table,
		   read, warned, left);
	free(table);
	free(cols);
}

void drop_repeated_headers(struct reader *r)
{
	for (size_t k = 0; k < r->n; k++) {
		enum col cols[16];
		int partial;
		const char *t = r->f[k].text;
		int events = strcmp(t, "명칭 기간 장소 분야") == 0;
		if (r->f[k].grid || (!events && (!(starts(t, "기업 명칭") || starts(t, "기업명")) ||
						 read_header(t, cols, 16, &partial) < 4 || partial)))
			continue;
		size_t w = k + 1, m = k + 1;
		for (; m < r->n && !stop_line(r->f[m].text); m++) {
			if (strcmp(r->f[m].text, r->f[k].text) == 0) {
				free(r->f[m].text);
				continue;
			}
			r->f[w++] = r->f[m];
		}
		memmove(r->f + w, r->f + m, (r->n - m) * sizeof *r->f);
		r->n -= m - w;
	}
}

/* Where the next row starts, after line last_k where this row's last column begins (at end
 * when none does), with its name's end, Chinese lines and split as row_starts gives them;
 * *row_end gets where this row's last cell ends. Widens the table's measure of its lists. */
struct row_start {
	size_t at, name_end, split;
	int zh;
};

static struct row_start next_row(struct table *t, size_t row, size_t last_k, size_t pure_from,
				 size_t end, size_t *row_end)
{
	struct reader *r = t->r;
	size_t width = t->width;
	struct row_start n = { end, 0, 0, 0 };
	/* An empty last cell: the next row may begin where it would have. */
	for (size_t j = pure_from == last_k && last_k > row ? last_k : last_k + 1; j < end; j++) {
		/* A line is measured against the lists before it, not itself. */
		if (row_starts(t, j, 0, &n.name_end, &n.zh, &n.split) && (j > last_k || n.zh) &&
		    (n.zh || (n.split && n.name_end == j) ||
		     /* A Latin name on a line or two and then the second column's vocabulary: no
		      * list goes on into a round or an amount. */
		     (!n.split && !free_text_col(t->cols[1]) &&
		      (n.name_end == j + 1 || (n.name_end == j + 2 && !r->f[j].space))) ||
		     !cell_goes_on(r, j - 1, j - 1 >= pure_from, width))) {
			n.at = j;
			break;
		}
		if (j - 1 >= pure_from)
			widen(r, j - 1, &width);
	}
	*row_end = n.at;
	if (n.at == end) {
		n.name_end = n.split = 0;
		n.zh = 0;
		/* The last row: its last cell goes on while the page broke it. */
		size_t m = last_k;
		while (m + 1 < end) {
			if (!cell_goes_on(r, m, m >= pure_from, width))
				break;
			if (m >= pure_from)
				widen(r, m, &width);
			m++;
		}
		*row_end = m + 1;
	}
	t->width = width;
	return n;
}

/* The most lines a row of a table may take. */
#define ROW_WINDOW 200

/* Reads a table of deals whose header begins at fragment h, up to limit. Returns the
 * fragment after its header (the rows are marked used). */
size_t read_deal_table(struct reader *r, size_t h, size_t limit, const char *caption,
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
		char *hdr = join_frags(r, h, k + 1, NULL);
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
	char *table = table_name(caption, r->f[h].line);
	if (!row_starts(&t, row, 1, &name_end, &zh, &split)) {
		reader_warn(r, r->f[h].line, _("%s: a table of deals whose rows jubo cannot read "
					       "(%zu lines): left out"),
			    table, end - k);
		buf_printf(&r->summary, _("%s: rows read 0, lines left out %zu\n"), table, end - k);
		free(table);
		return k;
	}
	size_t rows_read = 0, rows_warned = 0;
	while (row < end) {
		size_t warned_before = r->nmsgs;
		struct deal d = { 0 };
		snprintf(d.kind, sizeof d.kind, "%s", kind);
		snprintf(d.scope, sizeof d.scope, "%s", t.overseas ? "overseas" : "china");
		d.line = r->f[row].line;
		size_t body_off = 0;
		if (zh) {
			size_t zh_from = name_end - (size_t)zh;
			if (r->no_signal && zh_from - row == 2)
				d.name_ko = xasprintf("%s%s", r->f[row].text, r->f[row + 1].text);
			else
				d.name_ko = join_frags(r, row, zh_from, NULL);
			struct buf zb = { 0 };
			for (size_t i = zh_from; i < name_end; i++)
				buf_adds(&zb, r->f[i].text);
			d.name_zh = buf_take(&zb);
		} else if (split) {
			char *nm = join_frags(r, row, name_end + 1, NULL);
			size_t before = strlen(nm) - strlen(r->f[name_end].text);
			nm[before + split] = '\0';
			d.name_ko = xstrdup(trim(nm));
			free(nm);
			body_off = split + 1;
		} else {
			d.name_ko = join_frags(r, row, name_end, NULL);
		}
		d.name_ko = repair_letters(r, d.line, d.name_ko);
		size_t body_from = name_end;
		struct span sp;
		/* A row's cells lie within a window of lines, never the rest of the table (which
		 * made a long table's reading quadratic). */
		size_t win = end - body_from > ROW_WINDOW ? body_from + ROW_WINDOW : end;
		span_init(&sp, r, body_from, win);
		size_t off = read_row(&t, &sp, body_off, &d, 1, t.ncols - 1);
		off = skip_spaces(sp.text, off);
		size_t last_k = off < sp.starts[win - body_from] ? span_frag(&sp, off) : win - 1;
		/* The next row begins after the last column's first line; a Latin name only where
		 * the last column's cell ended. */
		size_t pure_from = last_k < end && off == sp.starts[last_k - body_from] ? last_k
											: last_k + 1;
		size_t row_end;
		struct row_start next = next_row(&t, row, last_k, pure_from, end, &row_end);
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
		rows_read++;
		rows_warned += r->nmsgs > warned_before;
		row = next.at;
		name_end = next.name_end;
		zh = next.zh;
		split = next.split;
	}
	check_count(r, r->f[h].line, caption, table, rows_read);
	buf_printf(&r->summary, _("%s: rows read %zu, with a warning %zu, left out %zu\n"), table,
		   rows_read, rows_warned, (size_t)0);
	free(table);
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
void mend_investors(struct deals *ds)
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

void write_deals(struct reader *r, const struct deals *ds)
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
