/* diag.h: messages to the user on standard error, in the form editors and CI understand:
 *   jubo: FILE:LINE:COLUMN: message
 *   jubo: FILE:LINE:COLUMN: warning: message */
#ifndef JUBO_DIAG_H
#define JUBO_DIAG_H

#include "decode.h"

/* An error about a place in a file; a zero line leaves the position out. */
void diag_error_at(const char *file, struct textpos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning_at(const char *file, struct textpos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An error with no file. */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
