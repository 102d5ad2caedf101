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
/* --quiet: warnings are not printed (their callers still count them). */
void diag_set_quiet(int quiet);

/* An error with no file. */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A line of progress for work that takes a while ("jubo: deals.csv: row 45000"), rewritten
 * in place on standard error: only when it is a terminal, only once the work has gone on for
 * half a second (a quick import shows nothing), cut to the terminal's width, controls shown
 * and not obeyed. diag_progress shows a new stage at once; diag_progress_step a counter that
 * moves, at most ten times a second; diag_progress_tick shows what is due (for long
 * statements); diag_progress_end erases the line. An error or warning erases it first. */
void diag_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_progress_step(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_progress_tick(void);
void diag_progress_end(void);

#endif
