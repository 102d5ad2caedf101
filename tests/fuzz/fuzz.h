/* fuzz.h: what every harness in tests/fuzz/ shares.
 *
 * Each harness defines LLVMFuzzerTestOneInput, libFuzzer's entry point: it hands the bytes
 * to one parser and checks what the parser promises (widths within the width asked for,
 * generated SQL that SQLite accepts, a CSV row that reads back as written). A broken promise
 * is abort(), which libFuzzer and the replay driver both report with the input. The same
 * file links either with libFuzzer (./configure --enable-fuzzing; make fuzz) or with
 * replay.c, which runs saved inputs through it in `make check`. */
#ifndef JUBO_FUZZ_H
#define JUBO_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional; called once before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A NUL-terminated copy of the input (parsers that read C strings stop at an inner NUL,
 * as they would in a file's field). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* The piece of [*p, end) up to a newline (or the end), as a NUL-terminated copy; *p moves
 * past the newline. Harnesses whose input has several parts put one on each line. */
static inline char *fuzz_line(const char **p, const char *end)
{
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	const char *stop = nl ? nl : end;
	char *s = fuzz_string((const uint8_t *)*p, (size_t)(stop - *p));
	*p = nl ? nl + 1 : end;
	return s;
}

/* Stops the run with the reason when a promise does not hold. */
#define FUZZ_CHECK(cond)                                                                     \
	do {                                                                                 \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: broken: %s\n", __FILE__, __LINE__, #cond);   \
			abort();                                                             \
		}                                                                            \
	} while (0)

#endif
