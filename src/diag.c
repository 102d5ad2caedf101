/* diag.c: error and warning messages. */
#include "config.h"

#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

#include "i18n.h"

static void vreport(const char *file, struct textpos pos, const char *kind, const char *fmt,
		    va_list ap)
{
	fputs("jubo: ", stderr);
	if (file && pos.line)
		fprintf(stderr, "%s:%zu:%zu: ", file, pos.line, pos.col);
	else if (file)
		fprintf(stderr, "%s: ", file);
	if (kind)
		fprintf(stderr, "%s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
