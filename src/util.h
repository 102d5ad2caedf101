/* util.h: memory helpers that never return NULL, and a growable byte buffer. */
#ifndef JUBO_UTIL_H
#define JUBO_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A NUL-terminated byte buffer that grows as text is appended. */
struct buf {
	char *data;  /* the bytes, always NUL-terminated once anything was added */
	size_t len;  /* bytes used, not counting the NUL */
	size_t cap;  /* bytes allocated */
};

void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_clear(struct buf *b);
/* Returns the text (never NULL) and leaves the buffer empty; the caller frees it. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* Reads a whole file; returns 0, or -1 with errno set. */
int read_file(const char *path, char **data, size_t *len);

/* strtod with the C locale's rules ('.' before the fraction) whatever LC_NUMERIC says: the
 * store, the CSV files and the filter language all write numbers that way. */
double c_strtod(const char *s, char **end);

/* Trims ASCII and Unicode spaces (U+3000, U+00A0) from both ends, in place. */
char *trim(char *s);

/* The directory a path names a file in: "." for a bare name, "/" for one at the root.
 * Malloc'd. */
char *dir_of(const char *path);
/* A file of the user's, by the XDG base directory rules: $env_var when set, else
 * $xdg_var/jubo/name, else ~/home_dir/jubo/name (home_dir ".local/share" or ".local/state").
 * The home is $HOME, else the account's; never the current directory. NULL without a home
 * directory that is there. Malloc'd. */
char *user_file_path(const char *env_var, const char *xdg_var, const char *home_dir,
		     const char *name);
/* A path as typed: a leading ~ or ~/ is the home directory ($HOME). Malloc'd. */
char *expand_home(const char *path);
/* The other way, for showing a path: under $HOME it begins with ~/. Malloc'd. */
char *collapse_home(const char *path);
/* An answer that means yes: y, yes, 예, 네, ㅛ (the y key in a Korean layout), 是. */
int answer_is_yes(const char *answer);

#endif
