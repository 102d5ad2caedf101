/* linebreak.h: Unicode's line breaking algorithm (UAX #14, Unicode 15.0, with the numbers of
 * its Example 7, as LineBreakTest.txt checks it), on the Line_Break classes of
 * src/linebreak.inc (tools/gen-linebreak.py). text.c tailors it for Korean and Chinese. */
#ifndef JUBO_LINEBREAK_H
#define JUBO_LINEBREAK_H

#include <stddef.h>

/* p[i] (for each byte of s[0..len)) is 1 where a line may start at s[i]: a break
 * opportunity, or the start after a mandatory break; 0 elsewhere and inside characters.
 * s must be valid UTF-8. */
void linebreak_opportunities(const char *s, size_t len, char *p);

#endif
