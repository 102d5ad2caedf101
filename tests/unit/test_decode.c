/* Decoding: BOMs, UTF-16, legacy CJK encodings through iconv, error positions, NFC. */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>

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
	return tap_done();
}
