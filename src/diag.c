/* diag.c: error and warning messages. */
#include "config.h"

#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/* A message with every control shown, never obeyed: a file name, a sort key or a value from
 * the user can hold an escape sequence (OSC 0 sets the title). C0 controls and DEL become
 * \xHH; in a UTF-8 locale also C1 controls, bidirectional overrides and bytes that are not
 * UTF-8 (\uHHHH, \xHH). Malloc'd. */
static char *shown_text(const char *s)
{
	int utf8 = text_locale_is_utf8();
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	struct buf b = { 0 };
	while (p < end) {
		if (*p < 0x20 || *p == 0x7F) {
			buf_printf(&b, "\\x%02X", *p++);
			continue;
		}
		if (!utf8 || *p < 0x80) {
			buf_addc(&b, (char)*p++);
			continue;
		}
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));
		if (n <= 0) {
			/* Not UTF-8. */
			buf_printf(&b, "\\x%02X", *p++);
			continue;
		}
		if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
		    (c >= 0x2066 && c <= 0x2069))
			buf_printf(&b, "\\u%04X", (unsigned)c);
		else
			buf_add(&b, p, (size_t)n);
		p += n;
	}
	return b.data ? buf_take(&b) : xstrdup("");
}

static void progress_erase(void);

/* The message fmt and ap make, malloc'd. */
static char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	char *msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	return msg;
}

static void vreport(const char *file, struct textpos pos, const char *kind, const char *fmt,
		    va_list ap)
{
	progress_erase();
	struct buf b = { 0 };
	if (file && pos.line)
		buf_printf(&b, "%s:%zu:%zu: ", file, pos.line, pos.col);
	else if (file)
		buf_printf(&b, "%s: ", file);
	if (kind)
		buf_printf(&b, "%s: ", kind);
	char *msg = vformat(fmt, ap);
	buf_adds(&b, msg);
	free(msg);
	char *shown = shown_text(b.data ? b.data : "");
	fprintf(stderr, "jubo: %s\n", shown);
	free(shown);
	buf_free(&b);
}

void diag_error_at(const char *file, struct textpos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(file, pos, NULL, fmt, ap);
	va_end(ap);
}

static int quiet_warnings;

void diag_set_quiet(int quiet)
{
	quiet_warnings = quiet;
}

void diag_warning_at(const char *file, struct textpos pos, const char *fmt, ...)
{
	if (quiet_warnings)
		return;
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

/* ---- progress -------------------------------------------------------------------------- */

static struct {
	int tty;        /* standard error is a terminal; -1 not yet asked */
	double start;   /* when the first message came, 0 none since the last end */
	double shown;   /* when the line was last written */
	char *text;     /* the latest message */
	int due;        /* text is newer than the line */
	size_t cells;   /* cells the line takes on the terminal, 0 none */
} progress = { .tty = -1 };

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void put_spaces(size_t n)
{
	while (n--)
		fputc(' ', stderr);
}

static void progress_erase(void)
{
	if (!progress.cells)
		return;
	fputc('\r', stderr);
	put_spaces(progress.cells);
	fputc('\r', stderr);
	fflush(stderr);
	progress.cells = 0;
	progress.due = progress.text != NULL;
}

/* Writes the latest message over the line, fitted to one row less a cell (a line that
 * filled the row would wrap on some terminals, and \r would not reach its start). */
static void progress_show(double now)
{
	struct winsize ws;
	size_t width = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1
			       ? (size_t)ws.ws_col - 1
			       : 79;
	char *line = xasprintf("jubo: %s", progress.text);
	char *safe = shown_text(line);
	struct text_fit fit;
	text_fit(safe, strlen(safe), width, "…", &fit);
	char *cut = xasprintf("%.*s%s", (int)fit.bytes, safe, fit.cut ? "…" : "");
	size_t cells = fit.cells + (fit.cut ? (size_t)text_strwidth("…") : 0);
	char *out = text_for_locale(cut, strlen(cut));
	fputc('\r', stderr);
	fputs(out, stderr);
	if (progress.cells > cells)
		put_spaces(progress.cells - cells);
	fflush(stderr);
	progress.cells = progress.cells > cells ? progress.cells : cells;
	progress.shown = now;
	progress.due = 0;
	free(out);
	free(cut);
	free(safe);
	free(line);
}

void diag_progress_tick(void)
{
	if (!progress.tty || !progress.text || !progress.due)
		return;
	double now = seconds_now();
	if (now - progress.start >= 0.5 && now - progress.shown >= 0.1)
		progress_show(now);
}

static void progress_message(int stage, const char *fmt, va_list ap)
{
	if (progress.tty < 0)
		progress.tty = isatty(STDERR_FILENO);
	if (!progress.tty)
		return;
	double now = seconds_now();
	if (!progress.start)
		progress.start = now;
	free(progress.text);
	progress.text = vformat(fmt, ap);
	progress.due = 1;
	if (stage)
		progress.shown = 0; /* a new stage is not held back by the last step */
	diag_progress_tick();
}

void diag_progress(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	progress_message(1, fmt, ap);
	va_end(ap);
}

void diag_progress_step(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	progress_message(0, fmt, ap);
	va_end(ap);
}

void diag_progress_end(void)
{
	progress_erase();
	free(progress.text);
	progress.text = NULL;
	progress.due = 0;
	progress.start = 0;
	progress.shown = 0;
	progress.tty = -1; /* asked again: standard error may be elsewhere by the next */
}
