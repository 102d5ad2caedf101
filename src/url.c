/* url.c: safe links and the clipboard sequence. */
#include "config.h"

#include "url.h"

#include <string.h>

#include "util.h"

int url_is_safe(const char *url)
{
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7F)
			return 0;
	return 1;
}

char *url_osc52(const char *text)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf s = { 0 };
	buf_adds(&s, "\033]52;c;");
	size_t n = strlen(text);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)(unsigned char)text[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)(unsigned char)text[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)text[i + 2];
		buf_addc(&s, b64[(v >> 18) & 63]);
		buf_addc(&s, b64[(v >> 12) & 63]);
		buf_addc(&s, i + 1 < n ? b64[(v >> 6) & 63] : '=');
		buf_addc(&s, i + 2 < n ? b64[v & 63] : '=');
	}
	buf_adds(&s, "\a");
	return buf_take(&s);
}
