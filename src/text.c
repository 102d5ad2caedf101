/* text.c: widths, fitting, wrapping and sanitizing on top of libunistring. */
#include "config.h"

#include "text.h"
#include "linebreak.h"

#include <iconv.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <uninorm.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "util.h"

static int ambiguous_wide;

void text_set_ambiguous_wide(int wide)
{
	ambiguous_wide = wide != 0;
}

int text_ambiguous_wide(void)
{
	return ambiguous_wide;
}

static const char *locale_charset_name(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && *cs ? cs : "ANSI_X3.4-1968";
}

int text_locale_is_utf8(void)
{
	const char *cs = locale_charset_name();
	return strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0;
}

void text_policy_from_locale(void)
{
	static const char *const cjk[] = { "EUC-KR", "CP949", "UHC", "JOHAB", "GB18030", "GBK",
					   "GB2312", "EUC-CN", "BIG5", "BIG5-HKSCS", "EUC-TW",
					   "EUC-JP", "SHIFT_JIS", "CP932" };
	const char *cs = locale_charset_name();
	ambiguous_wide = 0;
	for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
		if (strcasecmp(cs, cjk[i]) == 0)
			ambiguous_wide = 1;
}

/* East Asian Ambiguous (A) ranges of EastAsianWidth.txt, Unicode 15.0.0 (Debian unicode-data),
 * merged where adjacent. Wide under the wide policy. */
static const struct { unsigned int from, to; } ambiguous_ranges[] = {
	{ 0x00A1, 0x00A1 }, { 0x00A4, 0x00A4 }, { 0x00A7, 0x00A8 }, { 0x00AA, 0x00AA },
	{ 0x00AD, 0x00AE }, { 0x00B0, 0x00B4 }, { 0x00B6, 0x00BA }, { 0x00BC, 0x00BF },
	{ 0x00C6, 0x00C6 }, { 0x00D0, 0x00D0 }, { 0x00D7, 0x00D8 }, { 0x00DE, 0x00E1 },
	{ 0x00E6, 0x00E6 }, { 0x00E8, 0x00EA }, { 0x00EC, 0x00ED }, { 0x00F0, 0x00F0 },
	{ 0x00F2, 0x00F3 }, { 0x00F7, 0x00FA }, { 0x00FC, 0x00FC }, { 0x00FE, 0x00FE },
	{ 0x0101, 0x0101 }, { 0x0111, 0x0111 }, { 0x0113, 0x0113 }, { 0x011B, 0x011B },
	{ 0x0126, 0x0127 }, { 0x012B, 0x012B }, { 0x0131, 0x0133 }, { 0x0138, 0x0138 },
	{ 0x013F, 0x0142 }, { 0x0144, 0x0144 }, { 0x0148, 0x014B }, { 0x014D, 0x014D },
	{ 0x0152, 0x0153 }, { 0x0166, 0x0167 }, { 0x016B, 0x016B }, { 0x01CE, 0x01CE },
	{ 0x01D0, 0x01D0 }, { 0x01D2, 0x01D2 }, { 0x01D4, 0x01D4 }, { 0x01D6, 0x01D6 },
	{ 0x01D8, 0x01D8 }, { 0x01DA, 0x01DA }, { 0x01DC, 0x01DC }, { 0x0251, 0x0251 },
	{ 0x0261, 0x0261 }, { 0x02C4, 0x02C4 }, { 0x02C7, 0x02C7 }, { 0x02C9, 0x02CB },
	{ 0x02CD, 0x02CD }, { 0x02D0, 0x02D0 }, { 0x02D8, 0x02DB }, { 0x02DD, 0x02DD },
	{ 0x02DF, 0x02DF }, { 0x0300, 0x036F }, { 0x0391, 0x03A1 }, { 0x03A3, 0x03A9 },
	{ 0x03B1, 0x03C1 }, { 0x03C3, 0x03C9 }, { 0x0401, 0x0401 }, { 0x0410, 0x044F },
	{ 0x0451, 0x0451 }, { 0x2010, 0x2010 }, { 0x2013, 0x2016 }, { 0x2018, 0x2019 },
	{ 0x201C, 0x201D }, { 0x2020, 0x2022 }, { 0x2024, 0x2027 }, { 0x2030, 0x2030 },
	{ 0x2032, 0x2033 }, { 0x2035, 0x2035 }, { 0x203B, 0x203B }, { 0x203E, 0x203E },
	{ 0x2074, 0x2074 }, { 0x207F, 0x207F }, { 0x2081, 0x2084 }, { 0x20AC, 0x20AC },
	{ 0x2103, 0x2103 }, { 0x2105, 0x2105 }, { 0x2109, 0x2109 }, { 0x2113, 0x2113 },
	{ 0x2116, 0x2116 }, { 0x2121, 0x2122 }, { 0x2126, 0x2126 }, { 0x212B, 0x212B },
	{ 0x2153, 0x2154 }, { 0x215B, 0x215E }, { 0x2160, 0x216B }, { 0x2170, 0x2179 },
	{ 0x2189, 0x2189 }, { 0x2190, 0x2199 }, { 0x21B8, 0x21B9 }, { 0x21D2, 0x21D2 },
	{ 0x21D4, 0x21D4 }, { 0x21E7, 0x21E7 }, { 0x2200, 0x2200 }, { 0x2202, 0x2203 },
	{ 0x2207, 0x2208 }, { 0x220B, 0x220B }, { 0x220F, 0x220F }, { 0x2211, 0x2211 },
	{ 0x2215, 0x2215 }, { 0x221A, 0x221A }, { 0x221D, 0x2220 }, { 0x2223, 0x2223 },
	{ 0x2225, 0x2225 }, { 0x2227, 0x222C }, { 0x222E, 0x222E }, { 0x2234, 0x2237 },
	{ 0x223C, 0x223D }, { 0x2248, 0x2248 }, { 0x224C, 0x224C }, { 0x2252, 0x2252 },
	{ 0x2260, 0x2261 }, { 0x2264, 0x2267 }, { 0x226A, 0x226B }, { 0x226E, 0x226F },
	{ 0x2282, 0x2283 }, { 0x2286, 0x2287 }, { 0x2295, 0x2295 }, { 0x2299, 0x2299 },
	{ 0x22A5, 0x22A5 }, { 0x22BF, 0x22BF }, { 0x2312, 0x2312 }, { 0x2460, 0x24E9 },
	{ 0x24EB, 0x254B }, { 0x2550, 0x2573 }, { 0x2580, 0x258F }, { 0x2592, 0x2595 },
	{ 0x25A0, 0x25A1 }, { 0x25A3, 0x25A9 }, { 0x25B2, 0x25B3 }, { 0x25B6, 0x25B7 },
	{ 0x25BC, 0x25BD }, { 0x25C0, 0x25C1 }, { 0x25C6, 0x25C8 }, { 0x25CB, 0x25CB },
	{ 0x25CE, 0x25D1 }, { 0x25E2, 0x25E5 }, { 0x25EF, 0x25EF }, { 0x2605, 0x2606 },
	{ 0x2609, 0x2609 }, { 0x260E, 0x260F }, { 0x261C, 0x261C }, { 0x261E, 0x261E },
	{ 0x2640, 0x2640 }, { 0x2642, 0x2642 }, { 0x2660, 0x2661 }, { 0x2663, 0x2665 },
	{ 0x2667, 0x266A }, { 0x266C, 0x266D }, { 0x266F, 0x266F }, { 0x269E, 0x269F },
	{ 0x26BF, 0x26BF }, { 0x26C6, 0x26CD }, { 0x26CF, 0x26D3 }, { 0x26D5, 0x26E1 },
	{ 0x26E3, 0x26E3 }, { 0x26E8, 0x26E9 }, { 0x26EB, 0x26F1 }, { 0x26F4, 0x26F4 },
	{ 0x26F6, 0x26F9 }, { 0x26FB, 0x26FC }, { 0x26FE, 0x26FF }, { 0x273D, 0x273D },
	{ 0x2776, 0x277F }, { 0x2B56, 0x2B59 }, { 0x3248, 0x324F }, { 0xE000, 0xF8FF },
	{ 0xFE00, 0xFE0F }, { 0xFFFD, 0xFFFD }, { 0x1F100, 0x1F10A }, { 0x1F110, 0x1F12D },
	{ 0x1F130, 0x1F169 }, { 0x1F170, 0x1F18D }, { 0x1F18F, 0x1F190 }, { 0x1F19B, 0x1F1AC },
	{ 0xE0100, 0xE01EF }, { 0xF0000, 0xFFFFD }, { 0x100000, 0x10FFFD },
};

static int is_ambiguous(unsigned int c)
{
	size_t lo = 0, hi = sizeof ambiguous_ranges / sizeof ambiguous_ranges[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < ambiguous_ranges[mid].from)
			hi = mid;
		else if (c > ambiguous_ranges[mid].to)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int text_char_width(unsigned int c)
{
	/* libunistring's own CJK mode widens every non-ASCII character below U+FF61, Latin and
	 * Cyrillic letters too; the policy widens only the East Asian Ambiguous ones. */
	int w = uc_width(c, "UTF-8");
	if (w < 0)
		return 1;
	if (w == 1 && ambiguous_wide && is_ambiguous(c))
		return 2;
	return w;
}

static int is_regional_indicator(ucs4_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Pictographic characters that a zero-width joiner binds into one emoji. */
static int is_pictographic(ucs4_t c)
{
	return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
	       (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2B00 && c <= 0x2BFF) || c == 0x00A9 ||
	       c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139;
}

/* The last code point before end (which follows valid UTF-8 starting at start). */
static ucs4_t last_char(const uint8_t *start, const uint8_t *end)
{
	const uint8_t *q = end;
	while (q > start && (q[-1] & 0xC0) == 0x80)
		q--;
	if (q > start)
		q--;
	while (q > start && (*q & 0xC0) == 0x80)
		q--;
	ucs4_t c = 0;
	u8_mbtouc(&c, q, (size_t)(end - q));
	return c;
}

/* Grapheme clusters by libunistring, extended with the two emoji rules of Unicode 11 that
 * libunistring 1.0 lacks: ZWJ sequences (GB11) and flag pairs (GB12/13). */
static const uint8_t *cluster_end(const uint8_t *p, const uint8_t *e)
{
	const uint8_t *next = u8_grapheme_next(p, e);
	if (!next || next <= p)
		next = p + 1;
	ucs4_t first;
	u8_mbtouc(&first, p, (size_t)(e - p));
	int regional = is_regional_indicator(first), joined_flag = 0;
	while (next < e) {
		ucs4_t c;
		u8_mbtouc(&c, next, (size_t)(e - next));
		ucs4_t last = last_char(p, next);
		if (last == 0x200D && is_pictographic(c)) {
			next = u8_grapheme_next(next, e);
		} else if (regional && !joined_flag && is_regional_indicator(c) &&
			   is_regional_indicator(last)) {
			next = u8_grapheme_next(next, e);
			joined_flag = 1;
		} else {
			break;
		}
		if (!next)
			next = e;
	}
	/* GB11 joins after a ZWJ only in an emoji sequence (\p{ExtPict} Extend* ZWJ); where
	 * libunistring joins anything after a ZWJ, the cluster ends after the ZWJ. */
	int pict = 0;
	for (const uint8_t *q = p; q < next;) {
		ucs4_t c;
		int n = u8_mbtouc(&c, q, (size_t)(e - q));
		if (n <= 0)
			n = 1;
		if (c == 0x200D && q + n < next && !pict) {
			/* GB9 and GB9a still hold after it: Extend, ZWJ and SpacingMark join. */
			ucs4_t d;
			u8_mbtouc(&d, q + n, (size_t)(e - q - n));
			int gb = uc_graphemeclusterbreak_property(d);
			if (gb != GBP_EXTEND && gb != GBP_ZWJ && gb != GBP_SPACINGMARK)
				return q + n;
		}
		if (uc_graphemeclusterbreak_property(c) != GBP_EXTEND && c != 0x200D)
			pict = is_pictographic(c) && !is_regional_indicator(c);
		q += n;
	}
	return next;
}

size_t text_cluster(const char *s, const char *end, int *cells)
{
	const uint8_t *p = (const uint8_t *)s, *e = (const uint8_t *)end;
	if (p >= e) {
		*cells = 0;
		return 0;
	}
	const uint8_t *next = cluster_end(p, e);
	ucs4_t first;
	u8_mbtouc(&first, p, (size_t)(e - p));
	/* A cluster takes the cells of its first character: combining marks, joiners and the
	 * vowels and finals of a jamo sequence draw on top of it. A first character of no
	 * width (a prepended sign such as U+0604, a format character) leaves the cells to the
	 * character it stands before. An emoji presentation selector or a flag pair makes the
	 * cluster wide. */
	int w = text_char_width(first);
	for (const uint8_t *q = p + u8_mblen(p, (size_t)(e - p)); q < next && w < 2;) {
		ucs4_t c;
		int n = u8_mbtouc(&c, q, (size_t)(next - q));
		if (c == 0xFE0F || (is_regional_indicator(first) && is_regional_indicator(c)))
			w = 2;
		else if (w == 0)
			w = text_char_width(c);
		q += n > 0 ? n : 1;
	}
	*cells = w;
	return (size_t)(next - p);
}

size_t text_width(const char *s, size_t len)
{
	const char *end = s + len;
	size_t total = 0;
	while (s < end) {
		int w;
		s += text_cluster(s, end, &w);
		total += (size_t)w;
	}
	return total;
}

size_t text_strwidth(const char *s)
{
	return text_width(s, strlen(s));
}

/* Fits clusters of s into max cells; returns bytes and fills cells. */
static size_t fit_clusters(const char *s, size_t len, size_t max, size_t *cells)
{
	const char *p = s, *end = s + len;
	size_t used = 0;
	while (p < end) {
		int w;
		size_t n = text_cluster(p, end, &w);
		if (used + (size_t)w > max)
			break;
		used += (size_t)w;
		p += n;
	}
	*cells = used;
	return (size_t)(p - s);
}

void text_fit(const char *s, size_t len, size_t max_cells, const char *marker,
	      struct text_fit *out)
{
	size_t cells;
	size_t bytes = fit_clusters(s, len, max_cells, &cells);
	memset(out, 0, sizeof *out);
	if (bytes == len) {
		out->bytes = bytes;
		out->cells = cells;
		return;
	}
	out->cut = 1;
	size_t marker_cells = marker ? text_strwidth(marker) : 0;
	if (marker && marker_cells <= max_cells)
		bytes = fit_clusters(s, len, max_cells - marker_cells, &cells);
	out->bytes = bytes;
	out->cells = cells;
	/* What is left of the room, short of the marker, could not take the next cluster. */
	size_t room = max_cells - (marker && marker_cells <= max_cells ? marker_cells : 0);
	out->pad = room - cells;
}

/* 1 when s begins with a character that joins the one before it (a combining or spacing
 * mark, a joiner): after the spaces of an alignment or a column's edge it would become part
 * of a space's cluster and its cell would be lost. */
static int begins_with_mark(const char *s)
{
	ucs4_t c;
	if (!*s || u8_mbtouc(&c, (const uint8_t *)s, strlen(s)) <= 0)
		return 0;
	int gb = uc_graphemeclusterbreak_property(c);
	return gb == GBP_EXTEND || gb == GBP_SPACINGMARK || gb == GBP_ZWJ;
}

char *text_fit_pad(const char *s, size_t cells, enum text_align align, const char *marker)
{
	/* A mark with nothing to stand on is shown on a dotted circle, as fonts show it, so
	 * that it keeps its own cluster wherever the text is put. */
	if (begins_with_mark(s)) {
		char *based = xasprintf("\xE2\x97\x8C%s", s); /* U+25CC ◌ */
		char *out = text_fit_pad(based, cells, align, marker);
		free(based);
		return out;
	}
	struct text_fit f;
	size_t len = strlen(s);
	text_fit(s, len, cells, marker, &f);
	struct buf b = { 0 };
	size_t marker_cells = f.cut && marker ? text_strwidth(marker) : 0;
	if (marker_cells > cells)
		marker_cells = 0;
	/* A wide character that did not fit before the marker leaves a space (pad) there; the
	 * rest of the room is the alignment's, on one side only. */
	size_t pad = marker_cells ? f.pad : 0;
	size_t used = f.cells + marker_cells + pad;
	size_t spaces = cells > used ? cells - used : 0;
	if (align == ALIGN_RIGHT)
		for (size_t i = 0; i < spaces; i++)
			buf_addc(&b, ' ');
	buf_add(&b, s, f.bytes);
	if (marker_cells) {
		for (size_t i = 0; i < pad; i++)
			buf_addc(&b, ' ');
		buf_adds(&b, marker);
	}
	if (align == ALIGN_LEFT)
		for (size_t i = 0; i < spaces; i++)
			buf_addc(&b, ' ');
	return buf_take(&b);
}

/* ---- line breaking ---------------------------------------------------------------------- */

static int is_hangul(ucs4_t c)
{
	return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
	       (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
	       (c >= 0xD7B0 && c <= 0xD7FF);
}

/* The counters and units that stay with the number before them, even across the space the
 * newsletter writes there ("985.54 억 위안", "39 건이", "实现1亿度"): a word that begins with
 * one of these after a number is not a place to break. */
static const char *const unit_words[] = {
	"억", "만", "천", "조", "위안", "달러", "홍콩달러", "유로", "엔", "원", "건", "개", "명",
	"년", "월", "일", "회", "배", "위", "차", "호", "층", "톤", "곳", "종", "대", "주", "시",
	"분", "초", "포인트", "%", "％", "亿", "万", "元", "年", "月", "日", "度", "个", "家",
	"名", "次", "倍", "美元", "港元", "号",
};
/* The ones that are single ideographs: after a digit, or after each other ("1亿度"). */
static const char unit_ideographs[] = "亿万元年月日度个家名次倍美港号%％";

static size_t unit_word_at(const char *s, const char *end)
{
	for (size_t i = 0; i < sizeof unit_words / sizeof unit_words[0]; i++) {
		size_t n = strlen(unit_words[i]);
		if ((size_t)(end - s) >= n && memcmp(s, unit_words[i], n) == 0)
			return n;
	}
	return 0;
}

static int is_unit_ideograph(ucs4_t c)
{
	uint8_t buf[6];
	int n = u8_uctomb(buf, c, sizeof buf);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strstr(unit_ideographs, (const char *)buf) != NULL;
}

static int is_middle_dot(ucs4_t c)
{
	return c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0x2219 || c == 0xFF65;
}

static int is_space_char(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0x3000 || c == 0x00A0;
}

/* The tailoring of UAX #14 for Korean and Chinese text (K1-K6 in text.h), on p. */
static void tailor_breaks(const char *s, size_t len, char *p)
{
	const uint8_t *u = (const uint8_t *)s;
	ucs4_t prev = 0;
	int in_number = 0; /* digits, then the unit ideographs after them */
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int n = u8_mbtouc(&c, u + i, len - i);
		if (i > 0 && p[i] && !is_space_char(prev) && !is_space_char(c)) {
			/* K2: a middle dot never begins a line. */
			if (is_middle_dot(c))
				p[i] = 0;
			/* K3: no break before an opening bracket inside a word ("운항인증서(OC)"). */
			if (uc_is_general_category(c, UC_CATEGORY_Ps))
				p[i] = 0;
			/* K4: a number keeps its unit ideographs ("1亿度", "2025年"). */
			if (in_number && is_unit_ideograph(c))
				p[i] = 0;
		}
		if (c >= '0' && c <= '9')
			in_number = 1;
		else if (!(in_number && (c == '.' || c == ',' || is_unit_ideograph(c))))
			in_number = 0;
		prev = c;
		i += (size_t)(n > 0 ? n : 1);
	}
	/* By words (runs between spaces): K5, a number keeps the unit words after it across a
	 * space ("985.54 억 위안이다"); K6, a URL breaks nowhere inside (when it is longer than
	 * the line, the line cuts it by cells). */
	int after_number = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int n = u8_mbtouc(&c, u + i, len - i);
		if (is_space_char(c)) {
			i += (size_t)(n > 0 ? n : 1);
			continue;
		}
		size_t start = i, end = i;
		while (end < len) {
			ucs4_t d;
			int m = u8_mbtouc(&d, u + end, len - end);
			if (is_space_char(d))
				break;
			end += (size_t)(m > 0 ? m : 1);
		}
		/* K1 keep-all: a word that holds Hangul breaks nowhere inside, with its
		 * particles, brackets and signs ("(OC)를", "68%)이었고", "AI칩", "(通义)가"). */
		int hangul = 0;
		for (size_t k = start; k < end && !hangul;) {
			ucs4_t d;
			int m = u8_mbtouc(&d, u + k, end - k);
			hangul = is_hangul(d);
			k += (size_t)(m > 0 ? m : 1);
		}
		if (hangul)
			memset(p + start + 1, 0, end - start - 1);
		size_t unit = unit_word_at(s + start, s + end);
		if (start > 0 && after_number && unit)
			p[start] = 0;
		if (strncmp(s + start, "http://", 7) == 0 || strncmp(s + start, "https://", 8) == 0 ||
		    strncmp(s + start, "www.", 4) == 0)
			memset(p + start + 1, 0, end - start - 1);
		/* What follows stays with this word if it ends in a digit, or is a unit word
		 * that follows one ("억" in "10 억 위안"). */
		unsigned char last = (unsigned char)s[end - 1];
		after_number = (last >= '0' && last <= '9') || (after_number && unit == end - start);
		i = end;
	}
}

void text_break_opportunities(const char *s, size_t len, int tailored, char *p)
{
	/* UAX #14 of jubo's own (linebreak.c): libunistring 1.0 follows an older Unicode. */
	linebreak_opportunities(s, len, p);
	if (tailored)
		tailor_breaks(s, len, p);
}

/* Characters a line must not start with when it is cut by cells: closing brackets and
 * quotes, and the punctuation that ends a phrase. */
static int is_closing(ucs4_t c)
{
	static const char closing[] = "!),.:;?]}、。，．：；！？」』】〕〉》・ー～";
	if (uc_is_general_category(c, UC_CATEGORY_Pe) || uc_is_general_category(c, UC_CATEGORY_Pf))
		return 1;
	uint8_t buf[6];
	int n = u8_uctomb(buf, c, sizeof buf);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return c != 0 && strstr(closing, (const char *)buf) != NULL;
}

/* A space a line may end or begin with and drop: one alone, not the base of combining
 * marks (" \u0301" is a visible cluster and takes its cell like any other). */
static int is_break_space(const char *s, const char *end)
{
	int w;
	return *s == ' ' && text_cluster(s, end, &w) == 1;
}

struct lines {
	struct text_line *v;
	size_t n, cap;
};

static void add_line(struct lines *l, const char *base, size_t start, size_t end)
{
	/* Spaces before a break are not part of the line. */
	while (end > start && base[end - 1] == ' ')
		end--;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct text_line){ start, end - start, text_width(base + start, end - start) };
}

/* Wraps one paragraph (no newline inside) into lines of at most width cells. */
static void wrap_paragraph(const char *s, size_t start, size_t end, size_t width,
			   struct lines *out)
{
	size_t len = end - start;
	if (len == 0) {
		add_line(out, s, start, start);
		return;
	}
	/* Where UAX #14 alone would break (plain: the cut of a word too long for the line, a
	 * URL after a '/') and where the tailored rules let a line break (p). */
	char *p = xmalloc(len), *plain = xmalloc(len);
	linebreak_opportunities(s + start, len, plain);
	memcpy(p, plain, len);
	tailor_breaks(s + start, len, p);
	size_t line = start;
	while (line < end) {
		/* Skip the spaces a break leaves at the start of a line. */
		while (line < end && is_break_space(s + line, s + end))
			line++;
		if (line >= end)
			break;
		size_t at = line, cells = 0, last_break = 0;
		while (at < end) {
			int w;
			size_t n = text_cluster(s + at, s + end, &w);
			if (at > line && p[at - start])
				last_break = at;
			if (cells + (size_t)w > width && !is_break_space(s + at, s + end))
				break;
			cells += (size_t)w;
			at += n;
		}
		if (at >= end) {
			add_line(out, s, line, end);
			break;
		}
		size_t cut = last_break;
		if (!cut) {
			/* The last of UAX #14's own breaks in what fits. */
			for (size_t k = at; k > line; k--)
				if (plain[k - start] && !is_break_space(s + k - 1, s + end)) {
					cut = k;
					break;
				}
		}
		if (!cut) {
			/* A word wider than the line: cut by cells, but never so that the next line
			 * starts with closing punctuation. */
			cut = at > line ? at : line + text_cluster(s + at, s + end, &(int){ 0 });
			ucs4_t c;
			u8_mbtouc(&c, (const uint8_t *)s + cut, end - cut);
			while (cut < end && is_closing(c)) {
				size_t back = line, prev = line;
				while (back < cut) {
					prev = back;
					back += text_cluster(s + back, s + end, &(int){ 0 });
				}
				if (prev <= line)
					break;
				cut = prev;
				u8_mbtouc(&c, (const uint8_t *)s + cut, end - cut);
			}
		}
		add_line(out, s, line, cut);
		line = cut;
	}
	free(p);
	free(plain);
}

size_t text_wrap(const char *s, size_t len, size_t width, struct text_line **lines)
{
	struct lines out = { 0 };
	if (width == 0)
		width = 1;
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || s[i] == '\n') {
			wrap_paragraph(s, start, i, width, &out);
			start = i + 1;
		}
	}
	*lines = out.v;
	return out.n;
}

/* ---- sanitizing and output -------------------------------------------------------------- */

static int is_bidi_control(ucs4_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	       c == 0x200F || c == 0x061C;
}

char *text_sanitize(const char *s, size_t len, int keep_newlines)
{
	struct buf b = { 0 };
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));
		if (n < 0) {
			buf_adds(&b, "\xEF\xBF\xBD"); /* U+FFFD for each invalid byte */
			p++;
			continue;
		}
		if (c == '\n' && keep_newlines) {
			buf_addc(&b, '\n');
		} else if (c == '\t') {
			buf_addc(&b, ' ');
		} else if (c < 0x20) {
			uint8_t pic[4];
			int m = u8_uctomb(pic, 0x2400 + c, sizeof pic);
			buf_add(&b, pic, (size_t)m);
		} else if (c == 0x7F) {
			buf_adds(&b, "\xE2\x90\xA1"); /* ␡ */
		} else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
			buf_adds(&b, "\xE2\x90\xA6"); /* ␦ */
		} else {
			buf_add(&b, p, (size_t)n);
		}
		p += n;
	}
	return buf_take(&b);
}

/* The converters to the locale's charset, opened once (and again if the locale changes):
 * text_for_locale runs for every cell drawn. */
static struct {
	char charset[64];
	iconv_t plain, loose;
} converters = { "", (iconv_t)-1, (iconv_t)-1 };

static void open_converters(const char *cs)
{
	if (strcmp(converters.charset, cs) == 0)
		return;
	if (converters.plain != (iconv_t)-1)
		iconv_close(converters.plain);
	if (converters.loose != (iconv_t)-1)
		iconv_close(converters.loose);
	char *translit = xasprintf("%s//TRANSLIT", cs);
	converters.plain = iconv_open(cs, "UTF-8");
	converters.loose = iconv_open(translit, "UTF-8");
	free(translit);
	snprintf(converters.charset, sizeof converters.charset, "%s", cs);
}

char *text_for_locale(const char *s, size_t len)
{
	if (text_locale_is_utf8())
		return xstrndup(s, len);
	open_converters(locale_charset_name());
	struct buf b = { 0 };
	const char *p = s, *end = s + len;
	while (p < end) {
		int w;
		size_t n = text_cluster(p, end, &w);
		char out[64];
		int done = 0;
		iconv_t tries[2] = { converters.plain, converters.loose };
		for (int t = 0; t < 2 && !done; t++) {
			if (tries[t] == (iconv_t)-1)
				continue;
			char *in = (char *)p, *o = out;
			size_t in_left = n, out_left = sizeof out;
			iconv(tries[t], NULL, NULL, NULL, NULL);
			if (iconv(tries[t], &in, &in_left, &o, &out_left) == (size_t)-1 || in_left)
				continue;
			size_t got = sizeof out - out_left;
			/* A transliteration must keep the width ("…" -> "..." would not). */
			if (t == 1 && (got != (size_t)w || memchr(out, '?', got)))
				continue;
			buf_add(&b, out, got);
			done = 1;
		}
		if (!done)
			for (int i = 0; i < (w ? w : 1); i++)
				buf_addc(&b, '?');
		p += n;
	}
	return buf_take(&b);
}

int text_find_cells(const char *hay, const char *needle, size_t *from, size_t *to)
{
	size_t n = strlen(needle);
	if (!n)
		return 0;
	/* Cluster by cluster, so that a match that begins or ends inside a cluster (a part of
	 * an emoji sequence, a jamo of a syllable) covers the whole cluster's cells. */
	const char *end = hay + strlen(hay);
	size_t cells = 0;
	for (const char *p = hay; p < end;) {
		int w;
		size_t len = text_cluster(p, end, &w);
		for (const char *q = p; q < p + len; q++) {
			if (strncasecmp(q, needle, n) != 0)
				continue;
			size_t span = 0;
			for (const char *c = p; c < q + n;) {
				int cw;
				c += text_cluster(c, end, &cw);
				span += (size_t)cw;
			}
			*from = cells;
			*to = cells + span;
			return 1;
		}
		cells += (size_t)w;
		p += len;
	}
	return 0;
}

char *text_nfc(const char *s, size_t len, size_t *out_len)
{
	size_t n = 0;
	uint8_t *nfc = u8_check((const uint8_t *)s, len)
			       ? NULL
			       : u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &n);
	char *out;
	if (nfc) {
		out = xmalloc(n + 1);
		memcpy(out, nfc, n);
		free(nfc);
	} else {
		out = xmalloc(len + 1);
		memcpy(out, s, len);
		n = len;
	}
	out[n] = '\0';
	if (out_len)
		*out_len = n;
	return out;
}

size_t text_fold_fullwidth(char *s, size_t len)
{
	char *w = s;
	const char *r = s, *end = s + len;
	while (r < end) {
		const unsigned char *u = (const unsigned char *)r;
		/* U+FF01..U+FF5E: EF BC 81..EF BC BF, EF BD 80..EF BD 9E; U+3000: E3 80 80. */
		if (end - r >= 3 && u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD) && u[2] >= 0x80 &&
		    u[2] <= 0xBF) {
			unsigned cp = 0xFF00 + ((unsigned)(u[1] - 0xBC) << 6) + (unsigned)(u[2] - 0x80);
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				*w++ = (char)(cp - 0xFF01 + 0x21);
				r += 3;
				continue;
			}
		}
		if (end - r >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
			*w++ = ' ';
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	if (w < end)
		*w = '\0';
	return (size_t)(w - s);
}
