/* Decoding: BOMs, UTF-16, legacy CJK encodings through iconv, error positions, NFC. */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

#include "../tap.h"
#include "decode.h"
#include "util.h"

static const char korean_chinese[] = "기업 명칭,소재지\r\n노텔집적 北电集成,베이징\r\n";
static const char expected[] = "기업 명칭,소재지\n노텔집적 北电集成,베이징\n";

/* Encodes UTF-8 text into another encoding with iconv, as a spreadsheet would save it. */
static char *encode(const char *utf8, const char *to, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t in_left = strlen(utf8), out_size = in_left * 4 + 16, out_left = out_size;
	char *out = xmalloc(out_size), *op = out, *ip = (char *)utf8;
	size_t r = iconv(cd, &ip, &in_left, &op, &out_left);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(out);
		return NULL;
	}
	*len = out_size - out_left;
	return out;
}

static void round_trip(const char *encoding, const char *given, const char *bom, size_t bom_len)
{
	size_t len, out_len = 0;
	char *bytes = encode(korean_chinese, encoding, &len);
	if (!ok(bytes != NULL, "%s fixture made", encoding))
		return;
	char *with_bom = xmalloc(len + bom_len);
	memcpy(with_bom, bom, bom_len);
	memcpy(with_bom + bom_len, bytes, len);
	struct textpos pos;
	char *msg = NULL;
	char *text = decode_to_utf8(with_bom, len + bom_len, given, &out_len, &pos, &msg);
	is_str(text, expected, "%s decodes (named %s)", encoding, given ? given : "by BOM");
	free(text);
	free(msg);
	free(bytes);
	free(with_bom);
}

int main(void)
{
	round_trip("UTF-8", NULL, "", 0);
	round_trip("UTF-8", NULL, "\xEF\xBB\xBF", 3);
	round_trip("UTF-16LE", NULL, "\xFF\xFE", 2);
	round_trip("UTF-16BE", NULL, "\xFE\xFF", 2);
	round_trip("UTF-16", "UTF-16", "", 0); /* iconv writes and reads its own BOM */
	round_trip("GB18030", "GB18030", "", 0);

	/* CP949 and EUC-KR hold Hangul but not every Han character; BIG5 holds traditional Han. */
	const char *ko = "기업 명칭,라운드\n완신집적,A 라운드\n";
	size_t len, out_len;
	struct textpos pos;
	char *msg = NULL;
	char *bytes = encode(ko, "CP949", &len);
	char *text = decode_to_utf8(bytes, len, "CP949", &out_len, &pos, &msg);
	is_str(text, ko, "CP949 decodes Korean");
	free(text);
	free(bytes);
	const char *tw = "名稱,地點\n台積電,新竹\n";
	bytes = encode(tw, "BIG5", &len);
	text = decode_to_utf8(bytes, len, "BIG5", &out_len, &pos, &msg);
	is_str(text, tw, "BIG5 decodes traditional Chinese");
	free(text);
	free(bytes);

	/* Invalid UTF-8: the error names the line and the character column. */
	const char bad[] = "a,b\n한국,\xC3\x28x\n";
	text = decode_to_utf8(bad, sizeof bad - 1, NULL, &out_len, &pos, &msg);
	ok(text == NULL, "invalid UTF-8 is refused");
	ok(pos.line == 2 && pos.col == 4, "error at 2:4, got %zu:%zu", pos.line, pos.col);
	ok(msg && strstr(msg, "0xC3"), "message names the byte: %s", msg ? msg : "");
	free(msg);
	msg = NULL;

	/* CP949 text read as UTF-8 fails; a truncated GB18030 sequence fails at its place. */
	bytes = encode(ko, "CP949", &len);
	text = decode_to_utf8(bytes, len, NULL, &out_len, &pos, &msg);
	ok(text == NULL && pos.line == 1 && pos.col == 1, "CP949 read as UTF-8 fails at 1:1");
	free(msg);
	msg = NULL;
	free(bytes);
	const char gb_bad[] = "ab\n\x81\x30";
	text = decode_to_utf8(gb_bad, sizeof gb_bad - 1, "GB18030", &out_len, &pos, &msg);
	ok(text == NULL && pos.line == 2 && pos.col == 1, "truncated GB18030 fails at 2:1");
	free(msg);
	msg = NULL;
	text = decode_to_utf8("x", 1, "NO-SUCH-ENCODING", &out_len, &pos, &msg);
	ok(text == NULL && msg && strstr(msg, "NO-SUCH-ENCODING"), "unknown encoding named");
	free(msg);

	/* A lone CR ends a line too. */
	text = decode_to_utf8("a\rb\r\nc", 6, NULL, &out_len, &pos, &msg);
	is_str(text, "a\nb\nc", "CR and CRLF become LF");
	free(text);

	/* Cleaning: NFC, controls and bidi overrides removed. */
	char *c = clean_text("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 9, 0); /* 한 as jamo */
	is_str(c, "한", "decomposed Hangul becomes NFC");
	free(c);
	const char hostile[] = " A\x1B[2JB\x07\xC2\x9B" "C\xE2\x80\xAE" "D\tE ";
	c = clean_text(hostile, sizeof hostile - 1, 0);
	is_str(c, "A[2JBCD E", "ESC, BEL, C1, RLO removed; tab to space; trimmed");
	free(c);
	c = clean_text("line 1\nline 2", 13, 1);
	is_str(c, "line 1\nline 2", "newlines kept when asked");
	free(c);
	c = clean_text("line 1\nline 2", 13, 0);
	is_str(c, "line 1 line 2", "newlines become spaces otherwise");
	free(c);

	/* Text that NFC would change is normalised, whatever it is mixed with: 2,000 random
	 * strings from characters NFC keeps and characters it does not (combining marks,
	 * conjoining jamo, U+2000, U+212B, a CJK compatibility ideograph), each compared with
	 * libunistring's own NFC of the same string. */
	static const char *const pool[] = {
		"a", "Z", " ", "-", "\xC3\xA9" /* é */, "\xC2\xB7" /* · */, "\xEA\xB0\x80" /* 가 */,
		"\xED\x9E\xA3" /* 힣 */, "\xE5\x8C\x97" /* 北 */, "\xE3\x80\x81" /* 、 */,
		"\xE2\x80\xA6" /* … */, "\xEF\xBC\x91" /* １ */, "\xCC\x81" /* U+0301 */,
		"\xE1\x84\x92" /* U+1112 */, "\xE1\x85\xA1" /* U+1161 */, "\xE1\x86\xAB" /* U+11AB */,
		"\xE2\x80\x80" /* U+2000 */, "\xE2\x84\xAB" /* U+212B */, "\xEF\xA4\x80" /* U+F900 */,
	};
	unsigned seed = 418;
	int same = 0, tries = 2000;
	for (int t = 0; t < tries; t++) {
		char in[128] = "x";
		size_t n = 1;
		for (int k = 0; k < 12; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *piece = pool[(seed >> 16) % (sizeof pool / sizeof pool[0])];
			memcpy(in + n, piece, strlen(piece));
			n += strlen(piece);
		}
		in[n++] = 'x';
		size_t want_len = 0;
		uint8_t *want = u8_normalize(UNINORM_NFC, (const uint8_t *)in, n, NULL, &want_len);
		char *got = clean_text(in, n, 0);
		same += want && strlen(got) == want_len && memcmp(got, want, want_len) == 0;
		free(want);
		free(got);
	}
	is_int(same, tries, "cleaning gives libunistring's NFC for every mixed string");
	return tap_done();
}
