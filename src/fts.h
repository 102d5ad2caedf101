/* fts.h: how article text is indexed so that short Korean and Chinese words are found.
 *
 * FTS5's tokenizers see a run of Hangul or Han as one long token, and its trigram tokenizer
 * cannot match words shorter than three characters; yet 칩, 로봇 and 北京 are whole words.
 * jubo indexes two forms of each text: the CJK characters one by one ("uni"), and the text
 * with every CJK run cut into overlapping pairs ("bi": 반도체 -> 반도 도체). A one-character
 * query looks in uni; a longer one becomes a phrase of pairs in bi, which matches exactly
 * where the characters stand together. Latin words and numbers pass through to bi whole. */
#ifndef JUBO_FTS_H
#define JUBO_FTS_H

/* Builds the two indexed forms of text (valid UTF-8). Both are malloc'd. */
void fts_forms(const char *text, char **uni, char **bi);

/* Builds an FTS5 query for one search term over the columns named by prefix ("title",
 * "body", or NULL for both). Returns NULL if the term has nothing searchable. Caller frees.
 * The result is bound as a parameter of MATCH, never pasted into SQL. */
char *fts_term_query(const char *term, const char *column);

/* 1 if c is a Hangul, Han or kana character (a "CJK" character for indexing). */
int fts_is_cjk(unsigned int c);

#endif
