/* decode.h: turns the bytes of an input file into UTF-8 text, and cleans text for the store.
 *
 * Files arrive as UTF-8 (with or without a BOM), UTF-16 with a BOM, or any encoding iconv
 * knows when the user names it (CP949, GB18030, BIG5 ...). Bytes that are not valid in the
 * encoding are an error with the line and column where they occur, never silently replaced. */
#ifndef JUBO_DECODE_H
#define JUBO_DECODE_H

#include <stddef.h>

/* A place in a text: 1-based line, and 1-based column counted in characters. */
struct textpos {
	size_t line;
	size_t col;
};

/* Decodes bytes[0..len) from `encoding` (NULL: UTF-8; a BOM always wins) into UTF-8 with
 * line ends normalised to '\n'. Returns the text (caller frees) and its length in *out_len,
 * or NULL with *errpos and *errmsg (caller frees) describing the first bad byte. */
char *decode_to_utf8(const char *bytes, size_t len, const char *encoding, size_t *out_len,
		     struct textpos *errpos, char **errmsg);

/* Advances pos over text[0..len), counting lines and characters. */
void textpos_advance(struct textpos *pos, const char *text, size_t len);

/* Returns a cleaned copy of valid UTF-8 text: NFC-normalised, C0/C1 controls, DEL and
 * bidirectional overrides removed (tabs become spaces; newlines are kept only when
 * keep_newlines is set), surrounding space trimmed. The caller frees it. */
char *clean_text(const char *text, size_t len, int keep_newlines);

#endif
