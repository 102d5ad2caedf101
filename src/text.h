/* text.h: the text engine: how many terminal cells text takes, where it may be cut or
 * wrapped, and what of it may reach the terminal.
 *
 * Widths come from libunistring with one policy for East Asian Ambiguous characters (◼ · …
 * × →): narrow by default, wide after text_set_ambiguous_wide(1) (--ambiguous=wide) or in a
 * CJK legacy locale. Grapheme clusters are measured and cut whole: a base with its combining
 * marks, a Hangul jamo sequence, an emoji with its modifiers and joiners. Every function here
 * expects valid UTF-8; text_sanitize makes any bytes so. */
#ifndef JUBO_TEXT_H
#define JUBO_TEXT_H

#include <stddef.h>

/* The ambiguous-width policy, for every caller alike. */
void text_set_ambiguous_wide(int wide);
int text_ambiguous_wide(void);
/* Chooses the policy from the locale: wide in a CJK legacy charset (EUC-KR, CP949, GB18030,
 * GBK, BIG5, EUC-JP, Shift_JIS), narrow otherwise. */
void text_policy_from_locale(void);

/* Cells of one code point: 0 (combining, zero-width), 1 or 2. Controls count 1, the width
 * of the placeholder text_sanitize shows for them. */
int text_char_width(unsigned int c);

/* Cells of a whole string, cluster by cluster. */
size_t text_width(const char *s, size_t len);
size_t text_strwidth(const char *s);

/* Byte length of the grapheme cluster starting at s (at most end - s), and its cells. */
size_t text_cluster(const char *s, const char *end, int *cells);

/* The longest prefix of s that fits in max_cells.
 * With a marker (e.g. "…"), a string that does not fit is cut so that the marker fits after
 * it; the marker's own width is measured. */
struct text_fit {
	size_t bytes;   /* bytes of s that fit */
	size_t cells;   /* cells those bytes take */
	int cut;        /* s did not fit whole */
	size_t pad;     /* cells left empty because a wide character did not fit at the edge */
};
void text_fit(const char *s, size_t len, size_t max_cells, const char *marker,
	      struct text_fit *out);

enum text_align { ALIGN_LEFT, ALIGN_RIGHT };

/* s fitted into exactly `cells` cells: cut with the marker if too long, padded with spaces
 * (left- or right-aligned) if short; a wide character that would straddle the edge becomes a
 * space. The caller frees the result. */
char *text_fit_pad(const char *s, size_t cells, enum text_align align, const char *marker);

/* Line breaking by UAX #14 (libunistring) tailored for Korean: no break inside a word of
 * Hangul (and letters or digits touching it), as CSS word-break: keep-all; Chinese breaks
 * between ideographs; no line starts with closing punctuation; words wider than the line,
 * URLs among them, are broken by cells. '\n' forces a break. Spaces at a break are dropped. */
struct text_line {
	size_t start;  /* byte offset in the text */
	size_t len;    /* bytes, without the break's spaces or newline */
	size_t cells;  /* cells of those bytes */
};
/* Returns the number of lines and a malloc'd array of them in *lines. */
size_t text_wrap(const char *s, size_t len, size_t width, struct text_line **lines);

/* The break opportunities text_wrap uses: p[i] is nonzero when a line may start at s[i]
 * (after a mandatory break too). Untailored, they are UAX #14's (linebreak.h: every case of
 * LineBreakTest passes). Tailored (what
 * text_wrap uses), Korean keep-all and Chinese kinsoku on top of it:
 *   K1  no break inside a run of non-space characters that holds Hangul: a word keeps its
 *       particles, brackets and signs ("(OC)를", "(전체의 68%)이었고", "AI칩");
 *   K2  no line begins with a middle dot (· ・ ‧ ∙);
 *   K3  no break before an opening bracket inside a word ("운항인증서(OC)");
 *   K4  a number keeps its unit ideographs ("1亿度", "2025年", "985.54亿元");
 *   K5  a number keeps the unit words after it across a space: 억, 만, 위안, 달러, 건, 개,
 *       년, 월, 일, 회, %, 亿, 元 ... ("985.54 억 위안이다", "39 건이");
 *   K6  a URL (http://, https://, www.) has no break inside: only a line too short for it
 *       cuts it, by cells.
 * UAX #14's own rules keep closing punctuation off the start of a line and opening
 * punctuation off its end (Chinese kinsoku). tests/unit/keepall.txt holds the cases. */
void text_break_opportunities(const char *s, size_t len, int tailored, char *p);

/* A copy safe to show: C0 controls become Control Pictures (␀..␟, ␛ for ESC), DEL ␡, C1
 * controls and bidirectional embeddings, overrides and isolates ␦, invalid UTF-8 U+FFFD;
 * tab becomes a space. Newlines are kept when keep_newlines is set. Caller frees. */
char *text_sanitize(const char *s, size_t len, int keep_newlines);

/* NFC of valid UTF-8 (decomposed Hangul as an input method or a paste may give it: ᄌ ᅡ ᆼ
 * becomes 장); invalid input is copied as it is. Malloc'd, its length in *out_len if not NULL. */
char *text_nfc(const char *s, size_t len, size_t *out_len);
/* Full-width ASCII (U+FF01..U+FF5E, and the ideographic space U+3000) as ASCII, in place in
 * s[0..len): "date:２０２５-０４" reads as "date:2025-04". One character stays one
 * character, so positions counted in characters do not move. Returns the new length. */
size_t text_fold_fullwidth(char *s, size_t len);

/* Output for the terminal in the locale's charset. In a UTF-8 locale a copy; otherwise each
 * cluster converted through iconv (transliterated where that keeps its width), and what
 * cannot be shown becomes '?' repeated to the same width. Caller frees. */
char *text_for_locale(const char *s, size_t len);
/* The cells [from, to) of the first place needle stands in hay, widened to whole grapheme
 * clusters where it begins or ends inside one (ASCII letters compared
 * without case): what a search highlights. 0 if it is not there. */
int text_find_cells(const char *hay, const char *needle, size_t *from, size_t *to);

/* 1 when the locale's charset is UTF-8. */
int text_locale_is_utf8(void);

#endif
