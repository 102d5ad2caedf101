/* decode.c: input decoding through iconv, UTF-8 validation with positions, NFC cleaning. */
#include "config.h"

#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include <uninorm.h>

#include "i18n.h"
#include "util.h"

void textpos_advance(struct textpos *pos, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			pos->line++;
			pos->col = 1;
		} else if ((c & 0xC0) != 0x80) {
			pos->col++;
		}
	}
}

/* Copies src into out with CRLF and lone CR turned into LF. */
static void add_normalised_newlines(struct buf *out, const char *src, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (src[i] == '\r') {
			buf_addc(out, '\n');
			if (i + 1 < len && src[i + 1] == '\n')
				i++;
		} else {
			buf_addc(out, src[i]);
		}
	}
}

static char *fail_at(const char *valid, size_t valid_len, struct textpos *errpos, char **errmsg,
		     char *msg)
{
	struct textpos pos = { 1, 1 };
	textpos_advance(&pos, valid, valid_len);
	/* A CR before the failure counts as a line end, as it will after normalising. */
	size_t crs_alone = 0;
	for (size_t i = 0; i < valid_len; i++)
		if (valid[i] == '\r' && (i + 1 == valid_len || valid[i + 1] != '\n'))
			crs_alone++;
	pos.line += crs_alone;
	*errpos = pos;
	*errmsg = msg;
	return NULL;
}

static char *decode_utf8(const char *bytes, size_t len, size_t *out_len, struct textpos *errpos,
			 char **errmsg)
{
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
		bytes += 3;
		len -= 3;
	}
	const uint8_t *bad = u8_check((const uint8_t *)bytes, len);
	if (bad) {
		size_t at = (size_t)((const char *)bad - bytes);
		return fail_at(bytes, at, errpos, errmsg,
			       xasprintf(_("byte 0x%02X is not valid UTF-8 (name the file's "
					   "encoding with --encoding, e.g. CP949 or GB18030)"),
					 (unsigned char)bytes[at]));
	}
	struct buf out = { 0 };
	add_normalised_newlines(&out, bytes, len);
	*out_len = out.len;
	return buf_take(&out);
}

static char *decode_iconv(const char *bytes, size_t len, const char *encoding, size_t *out_len,
			  struct textpos *errpos, char **errmsg)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1) {
		*errpos = (struct textpos){ 0, 0 };
		*errmsg = xasprintf(_("unknown encoding '%s' (see 'iconv --list')"), encoding);
		return NULL;
	}
	struct buf raw = { 0 };
	char *in = (char *)bytes;
	size_t in_left = len;
	char chunk[8192];
	char *result = NULL;
	for (;;) {
		char *out = chunk;
		size_t out_left = sizeof chunk;
		size_t r = iconv(cd, in_left ? &in : NULL, in_left ? &in_left : NULL, &out, &out_left);
		buf_add(&raw, chunk, sizeof chunk - out_left);
		if (r != (size_t)-1) {
			if (in_left == 0)
				break;
			continue;
		}
		if (errno == E2BIG)
			continue;
		size_t at = (size_t)(in - bytes);
		char *msg = errno == EINVAL
				    ? xasprintf(_("the file ends inside a %s character"), encoding)
				    : xasprintf(_("byte 0x%02X is not valid %s"), (unsigned char)bytes[at],
						encoding);
		fail_at(raw.data ? raw.data : "", raw.len, errpos, errmsg, msg);
		goto done;
	}
	/* iconv passes a BOM through for UTF-8 and some UTF-16 names; drop it. */
	const char *text = raw.data ? raw.data : "";
	size_t tlen = raw.len;
	if (tlen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		tlen -= 3;
	}
	const uint8_t *bad = u8_check((const uint8_t *)text, tlen);
	if (bad) {
		size_t at = (size_t)((const char *)bad - text);
		fail_at(text, at, errpos, errmsg, xasprintf(_("not valid UTF-8 after conversion")));
		goto done;
	}
	struct buf out = { 0 };
	add_normalised_newlines(&out, text, tlen);
	*out_len = out.len;
	result = buf_take(&out);
done:
	buf_free(&raw);
	iconv_close(cd);
	return result;
}

static int is_utf8_name(const char *e)
{
	return strcasecmp(e, "UTF-8") == 0 || strcasecmp(e, "UTF8") == 0;
}

static char *decode_any(const char *bytes, size_t len, const char *encoding, size_t *out_len,
			struct textpos *errpos, char **errmsg);

char *decode_to_utf8(const char *bytes, size_t len, const char *encoding, size_t *out_len,
		     struct textpos *errpos, char **errmsg)
{
	char *text = decode_any(bytes, len, encoding, out_len, errpos, errmsg);
	/* A NUL would end every string made from the text where it stands, and what follows
	 * would be lost without a word: it is an error, at its place. */
	const char *nul = text ? memchr(text, '\0', *out_len) : NULL;
	if (nul) {
		memset(errpos, 0, sizeof *errpos);
		errpos->line = 1;
		errpos->col = 1;
		textpos_advance(errpos, text, (size_t)(nul - text));
		*errmsg = xstrdup(_("a NUL character (byte 0) in the text; it would cut what follows"));
		free(text);
		return NULL;
	}
	return text;
}

static char *decode_any(const char *bytes, size_t len, const char *encoding, size_t *out_len,
			struct textpos *errpos, char **errmsg)
{
	/* A byte-order mark says more than a name given for a whole set of files. */
	int has_bom = (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) ||
		      (len >= 2 && (memcmp(bytes, "\xFF\xFE", 2) == 0 ||
				    memcmp(bytes, "\xFE\xFF", 2) == 0));
	if (!encoding || has_bom) {
		if (len >= 2 && (unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE)
			return decode_iconv(bytes + 2, len - 2, "UTF-16LE", out_len, errpos, errmsg);
		if (len >= 2 && (unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF)
			return decode_iconv(bytes + 2, len - 2, "UTF-16BE", out_len, errpos, errmsg);
		return decode_utf8(bytes, len, out_len, errpos, errmsg);
	}
	if (is_utf8_name(encoding))
		return decode_utf8(bytes, len, out_len, errpos, errmsg);
	return decode_iconv(bytes, len, encoding, out_len, errpos, errmsg);
}

/* Characters removed from stored text: C0 and C1 controls, DEL, and the bidirectional
 * embeddings, overrides and isolates that could reorder what the screen shows. */
static int is_removed(ucs4_t c, int keep_newlines)
{
	if (c == '\n')
		return !keep_newlines;
	if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
		return 1;
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		return 1;
	return c == 0xFEFF; /* a stray BOM inside the text */
}

/* 1 when NFC leaves every character of s as it is, whatever follows it: ASCII, Latin-1,
 * Hangul syllables, CJK unified ideographs and the common CJK and general punctuation
 * (Unicode's NFC_Quick_Check=Yes with combining class 0). Most cells of an import are such
 * text, and normalising them is most of the cost of cleaning them. */
static int nfc_stable(const uint8_t *s, size_t len)
{
	const uint8_t *end = s + len;
	while (s < end) {
		if (*s < 0x80) {
			s++;
			continue;
		}
		ucs4_t c;
		int n = u8_mbtouc(&c, s, (size_t)(end - s));
		if (!((c >= 0xA0 && c <= 0xFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
		      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
		      (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
		      (c >= 0xFF01 && c <= 0xFF5E)))
			return 0;
		s += n;
	}
	return 1;
}

char *clean_text(const char *text, size_t len, int keep_newlines)
{
	struct buf kept = { 0 };
	const uint8_t *p = (const uint8_t *)text, *end = p + len;
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p, (size_t)(end - p));
		if (c == '\t' || (c == '\n' && !keep_newlines))
			buf_addc(&kept, ' ');
		else if (!is_removed(c, keep_newlines))
			buf_add(&kept, p, (size_t)n);
		p += n;
	}
	if (nfc_stable((const uint8_t *)(kept.data ? kept.data : ""), kept.len))
		return trim(kept.data ? buf_take(&kept) : xstrdup(""));
	size_t nlen = 0;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)(kept.data ? kept.data : ""),
				    kept.len, NULL, &nlen);
	buf_free(&kept);
	if (!nfc)
		return xstrdup("");
	char *s = xstrndup((const char *)nfc, nlen);
	free(nfc);
	return trim(s);
}
