/* fts.c: unigram/bigram forms for CJK text search. */
#include "config.h"

#include "fts.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "util.h"

int fts_is_cjk(unsigned int c)
{
	return (c >= 0xAC00 && c <= 0xD7A3) ||  /* Hangul syllables */
	       (c >= 0x1100 && c <= 0x11FF) ||  /* Hangul jamo */
	       (c >= 0x3130 && c <= 0x318F) ||  /* Hangul compatibility jamo */
	       (c >= 0x3040 && c <= 0x30FF) ||  /* kana */
	       (c >= 0x3400 && c <= 0x4DBF) ||  /* Han extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||  /* Han */
	       (c >= 0xF900 && c <= 0xFAFF) ||  /* Han compatibility */
	       (c >= 0x20000 && c <= 0x3FFFF);  /* Han supplementary planes */
}

/* Splits text into segments: each maximal CJK run, and the non-CJK text between them. */
struct segment {
	const char *start;
	size_t len;
	int cjk;
	size_t chars;
};

static size_t next_segment(const char *p, struct segment *seg)
{
	const uint8_t *s = (const uint8_t *)p;
	if (!*s)
		return 0;
	ucs4_t c;
	int n = u8_strmbtouc(&c, s);
	if (n <= 0)
		n = 1;
	int cjk = fts_is_cjk(c);
	size_t len = 0, chars = 0;
	while (s[len]) {
		n = u8_strmbtouc(&c, s + len);
		if (n <= 0)
			n = 1;
		if (fts_is_cjk(c) != cjk)
			break;
		len += (size_t)n;
		chars++;
	}
	*seg = (struct segment){ p, len, cjk, chars };
	return len;
}

/* Appends the CJK run's characters, or its overlapping pairs, separated by spaces. */
static void add_grams(struct buf *out, const struct segment *seg, int pairs)
{
	const uint8_t *s = (const uint8_t *)seg->start, *end = s + seg->len;
	if (!pairs || seg->chars == 1) {
		while (s < end) {
			int n = u8_mblen(s, (size_t)(end - s));
			buf_addc(out, ' ');
			buf_add(out, s, (size_t)n);
			s += n;
		}
		buf_addc(out, ' ');
		return;
	}
	while (s < end) {
		int n1 = u8_mblen(s, (size_t)(end - s));
		if (s + n1 >= end)
			break;
		int n2 = u8_mblen(s + n1, (size_t)(end - s - n1));
		buf_addc(out, ' ');
		buf_add(out, s, (size_t)(n1 + n2));
		s += n1;
	}
	buf_addc(out, ' ');
}

void fts_forms(const char *text, char **uni, char **bi)
{
	struct buf u = { 0 }, b = { 0 };
	struct segment seg;
	size_t n;
	for (const char *p = text; (n = next_segment(p, &seg)) > 0; p += n) {
		if (seg.cjk) {
			add_grams(&u, &seg, 0);
			add_grams(&b, &seg, 1);
		} else {
			buf_add(&b, seg.start, seg.len);
		}
	}
	*uni = buf_take(&u);
	*bi = buf_take(&b);
}

/* Appends s to out as the inside of an FTS5 string, doubling quotes. */
static void add_quoted_inner(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(out, '"');
		buf_addc(out, *s);
	}
}

char *fts_term_query(const char *term, const char *column)
{
	struct segment seg;
	size_t n, cjk_chars = 0, segments = 0, last_cjk_chars = 0;
	int only_cjk = 1, last_cjk = 0;
	for (const char *p = term; (n = next_segment(p, &seg)) > 0; p += n) {
		segments++;
		last_cjk = seg.cjk;
		last_cjk_chars = seg.cjk ? seg.chars : 0;
		if (seg.cjk)
			cjk_chars += seg.chars;
		else
			only_cjk = 0;
	}
	if (segments == 0)
		return NULL;

	struct buf q = { 0 };
	const char *col = column ? column : "";
	int use_uni = only_cjk && segments == 1 && cjk_chars == 1;
	if (column)
		buf_printf(&q, "%s_%s : ", col, use_uni ? "uni" : "bi");
	else
		buf_printf(&q, "{title_%s body_%s} : ", use_uni ? "uni" : "bi",
			   use_uni ? "uni" : "bi");
	char *uni, *bi;
	fts_forms(term, &uni, &bi);
	char *form = trim(use_uni ? uni : bi);
	if (!*form) {
		free(uni);
		free(bi);
		buf_free(&q);
		return NULL;
	}
	buf_addc(&q, '"');
	add_quoted_inner(&q, form);
	buf_addc(&q, '"');
	/* A word may continue in the text: "robot" finds robots; a lone final CJK character
	 * after Latin ("AI칩") may be the start of a longer run ("AI칩셋"). */
	if (!use_uni && (!last_cjk || last_cjk_chars == 1))
		buf_addc(&q, '*');
	free(uni);
	free(bi);
	return buf_take(&q);
}
