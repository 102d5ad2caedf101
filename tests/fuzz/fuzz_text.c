/* fuzz_text.c: the text engine on any bytes: sanitizing, widths, fitting, padding, wrapping,
 * break opportunities, NFC and full-width folding.
 *
 * Input: the first byte chooses a width (0..127) and the ambiguous-width policy; the rest is
 * the text. Promises checked: sanitized text is valid UTF-8 with no control left; a fit is no
 * wider than asked; a padded fit exactly as wide; wrapped lines in order, inside the text,
 * each measured right and no wider than the width (a lone cluster wider than the width
 * excepted); folding keeps the number of characters. */
#include <unistr.h>

#include "fuzz.h"
#include "text.h"

static size_t chars(const char *s, size_t len)
{
	return u8_mbsnlen((const uint8_t *)s, len);
}

static void check_sanitized(const char *s, size_t len, int keep_newlines)
{
	FUZZ_CHECK(u8_check((const uint8_t *)s, len) == NULL);
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));
		FUZZ_CHECK(n > 0);
		FUZZ_CHECK(c >= 0x20 || (c == '\n' && keep_newlines));
		FUZZ_CHECK(c != 0x7F && !(c >= 0x80 && c <= 0x9F));
		FUZZ_CHECK(!(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069));
		p += n;
	}
}

static void check_wrap(const char *s, size_t len, size_t width)
{
	struct text_line *lines;
	size_t n = text_wrap(s, len, width, &lines);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(lines[i].start >= at);
		FUZZ_CHECK(lines[i].start + lines[i].len <= len);
		FUZZ_CHECK(text_width(s + lines[i].start, lines[i].len) == lines[i].cells);
		if (lines[i].cells > (width ? width : 1)) {
			/* Only a single cluster may stand wider than the line. */
			int cells;
			FUZZ_CHECK(text_cluster(s + lines[i].start, s + lines[i].start + lines[i].len,
						&cells) == lines[i].len);
		}
		at = lines[i].start + lines[i].len;
	}
	free(lines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t width = data[0] & 0x7F;
	text_set_ambiguous_wide(data[0] >> 7);
	const char *raw = (const char *)data + 1;
	size_t rawlen = size - 1;

	for (int keep = 0; keep <= 1; keep++) {
		char *clean = text_sanitize(raw, rawlen, keep);
		check_sanitized(clean, strlen(clean), keep);
		free(clean);
	}
	char *s = text_sanitize(raw, rawlen, 1);
	size_t len = strlen(s);

	size_t whole = text_width(s, len);
	FUZZ_CHECK(whole == text_strwidth(s));
	struct text_fit fit;
	text_fit(s, len, width, NULL, &fit);
	FUZZ_CHECK(fit.bytes <= len && fit.cells <= width && fit.cells + fit.pad <= width);
	FUZZ_CHECK(fit.cut == (fit.bytes < len));
	text_fit(s, len, width, "\xE2\x80\xA6", &fit); /* … */
	FUZZ_CHECK(fit.bytes <= len && fit.cells <= width);
	for (int align = ALIGN_LEFT; align <= ALIGN_RIGHT; align++) {
		char *padded = text_fit_pad(s, width, (enum text_align)align, "\xE2\x80\xA6");
		/* Newlines are the caller's to split; a padded cell is one line of text. */
		if (!strchr(s, '\n'))
			FUZZ_CHECK(text_strwidth(padded) == width);
		free(padded);
	}

	check_wrap(s, len, width);
	char *breaks = malloc(len + 1);
	if (!breaks)
		abort();
	text_break_opportunities(s, len, 0, breaks);
	text_break_opportunities(s, len, 1, breaks);
	free(breaks);

	size_t nfc_len;
	char *nfc = text_nfc(s, len, &nfc_len);
	FUZZ_CHECK(u8_check((const uint8_t *)nfc, nfc_len) == NULL);
	size_t before = chars(nfc, nfc_len);
	size_t folded = text_fold_fullwidth(nfc, nfc_len);
	FUZZ_CHECK(folded <= nfc_len && chars(nfc, folded) == before);
	free(nfc);

	/* The text searched for in itself, from its middle. */
	size_t from, to;
	if (len > 2 && !strchr(s + len / 2, '\n')) {
		const char *needle = s + len / 2;
		while (needle > s && (*needle & 0xC0) == 0x80)
			needle--;
		if (*needle && text_find_cells(s, needle, &from, &to)) {
			if (!(from <= to && to <= whole))
				fprintf(stderr, "found at cells %zu..%zu of %zu\n", from, to, whole);
			FUZZ_CHECK(from <= to && to <= whole);
		}
	}

	char *shown = text_for_locale(s, len);
	free(shown);
	free(s);
	return 0;
}
