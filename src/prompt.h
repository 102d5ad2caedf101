/* prompt.h: the one-line editor for filters, searches and file names.
 *
 * Text is UTF-8; the cursor moves and deletes by whole characters (Korean typed through an
 * input method arrives as wide characters and is edited like any other) and knows their
 * cells. Keys: Left/Right, Home/Ctrl-A, End/Ctrl-E, Backspace, Delete, Ctrl-U (delete to the
 * start), Ctrl-W (delete a word), Up/Down (history), Enter (accept), Esc or Ctrl-G (cancel). */
#ifndef JUBO_PROMPT_H
#define JUBO_PROMPT_H

#include <stddef.h>

struct prompt_history {
	char **items;   /* oldest first */
	size_t count;
};

struct prompt {
	char *text;          /* the line being edited, UTF-8 */
	size_t len;          /* bytes */
	size_t cursor;       /* byte offset, always at a character boundary */
	struct prompt_history *history;
	size_t browsing;     /* history index while moving through it; count when not */
	char *saved;         /* the line typed before browsing the history */
};

enum prompt_result { PROMPT_EDITING, PROMPT_ACCEPTED, PROMPT_CANCELLED };

void prompt_start(struct prompt *p, const char *initial, struct prompt_history *h);
/* Replaces the line, with the cursor after `chars` characters (to point at a mistake). */
void prompt_set(struct prompt *p, const char *text, size_t chars);
/* Feeds one key: a curses key code (is_key) or a character (a Unicode code point). */
enum prompt_result prompt_feed(struct prompt *p, int is_key, unsigned int ch);
/* Cells before the cursor, for placing it on the screen. */
size_t prompt_cursor_cells(const struct prompt *p);
void prompt_finish(struct prompt *p);
void prompt_history_add(struct prompt_history *h, const char *line);
void prompt_history_free(struct prompt_history *h);

#endif
