/* diag.c: error and warning messages. */
#include "config.h"

#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/* Writes a message to standard error with every control shown, never obeyed: a file name,
 * a sort key or a value from the user can hold an escape sequence (OSC 0 sets the title).
 * C0 controls and DEL become \xHH; in a UTF-8 locale also C1 controls, bidirectional
 * overrides and bytes that are not UTF-8 (\uHHHH, \xHH). */
static void put_shown(const char *s)
{
	int utf8 = text_locale_is_utf8();
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	while (p < end) {
		if (*p < 0x20 || *p == 0x7F) {
			fprintf(stderr, "\\x%02X", *p++);
			continue;
		}
		if (!utf8 || *p < 0x80) {
			fputc(*p++, stderr);
			continue;
		}
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));
		if (n <= 0) {
			/* Not UTF-8. */
			fprintf(stderr, "\\x%02X", *p++);
			continue;
		}
		if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
		    (c >= 0x2066 && c <= 0x2069))
			fprintf(stderr, "\\u%04X", (unsigned)c);
		else
			fwrite(p, 1, (size_t)n, stderr);
		p += n;
	}
}

static void vreport(const char *file, struct textpos pos, const char *kind, const char *fmt,
		    va_list ap)
{
	struct buf b = { 0 };
	if (file && pos.line)
		buf_printf(&b, "%s:%zu:%zu: ", file, pos.line, pos.col);
	else if (file)
		buf_printf(&b, "%s: ", file);
	if (kind)
		buf_printf(&b, "%s: ", kind);
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	char *msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	buf_adds(&b, msg);
	free(msg);
	fputs("jubo: ", stderr);
	put_shown(b.data ? b.data : "");
	fputc('\n', stderr);
	buf_free(&b);
}

void diag_error_at(const char *file, struct textpos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(file, pos, NULL, fmt, ap);
	va_end(ap);
}

void diag_warning_at(const char *file, struct textpos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(file, pos, _("warning"), fmt, ap);
	va_end(ap);
}

void diag_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(NULL, (struct textpos){ 0, 0 }, NULL, fmt, ap);
	va_end(ap);
}
