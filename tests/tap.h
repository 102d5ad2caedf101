/* tap.h: a tiny Test Anything Protocol emitter for unit tests run by automake's tap-driver. */
#ifndef JUBO_TAP_H
#define JUBO_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failures;

__attribute__((format(printf, 4, 5))) static inline int tap_ok(int pass, const char *file, int line,
							   const char *fmt, ...)
{
	va_list ap;
	printf("%s %d - ", pass ? "ok" : "not ok", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!pass) {
		printf("#   failed at %s:%d\n", file, line);
		tap_failures++;
	}
	return pass;
}

static inline int tap_close(double got, double want)
{
	double diff = got > want ? got - want : want - got;
	double scale = want < 0 ? -want : want;
	return diff <= 1e-9 * (scale > 1 ? scale : 1);
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* String equality, showing both sides when they differ. */
#define is_str(got, want, ...)                                                              \
	do {                                                                                \
		const char *g_ = (got), *w_ = (want);                                       \
		if (!ok(g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_, __VA_ARGS__))             \
			printf("#   got:  '%s'\n#   want: '%s'\n", g_ ? g_ : "(null)",        \
			       w_ ? w_ : "(null)");                                         \
	} while (0)

#define is_int(got, want, ...)                                                              \
	do {                                                                                \
		long long g_ = (long long)(got), w_ = (long long)(want);                    \
		if (!ok(g_ == w_, __VA_ARGS__))                                             \
			printf("#   got:  %lld\n#   want: %lld\n", g_, w_);                   \
	} while (0)

/* Doubles equal to a relative 1e-9. */
#define is_num(got, want, ...)                                                              \
	do {                                                                                \
		double g_ = (got), w_ = (want);                                             \
		if (!ok(tap_close(g_, w_), __VA_ARGS__))                                   \
			printf("#   got:  %.10g\n#   want: %.10g\n", g_, w_);                 \
	} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}

#endif
