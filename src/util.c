/* util.c: memory helpers and the growable buffer. */
#include "config.h"

#include "util.h"
#include "i18n.h"

#include <locale.h>

#include <errno.h>
#include <pwd.h>
#include <unistd.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void out_of_memory(void)
{
	fputs("jubo: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory();
	b.data = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

static void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	buf_reserve(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *buf_take(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int read_file(const char *path, char **data, size_t *len)
{
	/* Only a regular file: a device (/dev/zero) would be read without end, a FIFO with no
	 * writer would wait for ever (O_NONBLOCK: the open does not wait, the check refuses). */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : ENODEV;
		close(fd);
		errno = e;
		return -1;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		return -1;
	}
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		buf_free(&b);
		errno = saved ? saved : EIO;
		return -1;
	}
	*len = b.len;
	*data = buf_take(&b);
	return 0;
}

/* Length of a space character at s (ASCII space or tab, U+00A0, U+3000), else 0. */
static size_t space_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' || u[0] == '\r')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

char *trim(char *s)
{
	size_t n;
	char *start = s;
	while ((n = space_len(start)) > 0)
		start += n;
	size_t len = strlen(start);
	memmove(s, start, len + 1);
	/* Walk forward to find the end of the last non-space character. */
	char *end = s, *p = s;
	while (*p) {
		n = space_len(p);
		if (n) {
			p += n;
		} else {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
			end = p;
		}
	}
	*end = '\0';
	return s;
}

double c_strtod(const char *s, char **end)
{
	static locale_t c_locale;
	if (!c_locale)
		c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!c_locale)
		return strtod(s, end);
	return strtod_l(s, end, c_locale);
}

const char *C_(const char *ctx, const char *s)
{
	/* gettext's own pgettext: the context and the text joined by EOT. */
	char key[256];
	int n = snprintf(key, sizeof key, "%s\004%s", ctx, s);
	if (n < 0 || (size_t)n >= sizeof key)
		return s;
	const char *t = gettext(key);
	return t == key ? s : t;
}

char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

char *user_file_path(const char *env_var, const char *xdg_var, const char *home_dir,
		     const char *name)
{
	const char *env = getenv(env_var);
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv(xdg_var);
	if (xdg && *xdg == '/')
		return xasprintf("%s/jubo/%s", xdg, name);
	/* Without HOME, the home directory of the user's account; never the current directory,
	 * where a file would be made without a word. A home that is not there is not made. */
	const char *home = getenv("HOME");
	if (!home || *home != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir && *pw->pw_dir == '/' ? pw->pw_dir : NULL;
	}
	struct stat st;
	if (!home || stat(home, &st) != 0 || !S_ISDIR(st.st_mode))
		return NULL;
	return xasprintf("%s/%s/jubo/%s", home, home_dir, name);
}

char *expand_home(const char *path)
{
	const char *home = getenv("HOME");
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') && home && *home)
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

char *collapse_home(const char *path)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;
	while (n > 1 && home[n - 1] == '/')
		n--;
	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		return xasprintf("~%s", path + n);
	return xstrdup(path);
}

int answer_is_yes(const char *answer)
{
	static const char *const yes[] = { "y", "yes", "예", "네", "ㅛ", "是" };
	while (*answer == ' ')
		answer++;
	size_t n = strlen(answer);
	while (n && answer[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strlen(yes[i]) == n && strncasecmp(answer, yes[i], n) == 0)
			return 1;
	return 0;
}
