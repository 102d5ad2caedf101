/* ui.h: the terminal: start and stop curses, colours by role, and drawing text that has been
 * measured, fitted and sanitized by the text engine. Every string that reaches the screen
 * goes through ui_put. */
#ifndef JUBO_UI_H
#define JUBO_UI_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stddef.h>

#include "text.h"

/* What a piece of the screen is; each role has a colour pair (256 or 8 colours) and an
 * attribute that works without colour (NO_COLOR, monochrome terminals). */
enum ui_role {
	ROLE_NORMAL, ROLE_TITLE, ROLE_TAB, ROLE_TAB_ACTIVE, ROLE_HEADER, ROLE_SELECTED,
	ROLE_STATUS, ROLE_HINT, ROLE_ERROR, ROLE_MATCH, ROLE_DIM, ROLE_HEADING, ROLE_LINK,
	ROLE_COUNT
};

/* Starts curses on the terminal. An unknown TERM falls back to xterm-256color, xterm, then
 * vt100; *note is set to a message saying so (or NULL). Returns 0, or -1 with the reason in
 * *note (no terminal, or one that cannot move the cursor, such as TERM=dumb). */
int ui_start(const char **note);
/* After an Esc from the keyboard: reads and drops the rest of an escape sequence curses did
 * not know (Esc [ ... final, Esc O x) and returns 1, or 0 for a lone Esc. */
int ui_skip_sequence(void);
/* The next key, as get_wch() gives it (OK and a character, KEY_CODE_YES and a KEY_ code, or
 * ERR), but a byte sequence that is not a character in the locale's encoding (a broken
 * terminal's or a paste's: ff, e0 80 80, a lead byte cut short) costs its own bytes only:
 * the first byte is dropped and the rest read again as keys. get_wch() instead gathers the
 * keys typed after it into the broken character and loses them. */
int ui_get_key(wint_t *ch);
void ui_stop(void);
/* doupdate(), then the clusters whose width curses would get wrong, written to the terminal
 * at the cells jubo measured (see ui.c). Instead of doupdate() after drawing. */
void ui_update(void);
/* Forgets the overlays drawn so far (before drawing a screen afresh). */
void ui_clear_overlays(void);
int ui_utf8(void);          /* the locale can show UTF-8 */
attr_t ui_attr(enum ui_role role);

/* Draws s at (y, x) in exactly `cells` cells (cut with a marker, padded), sanitized and in
 * the locale's charset. */
void ui_put(WINDOW *w, int y, int x, const char *s, size_t cells, enum text_align align,
	    enum ui_role role);
/* The same, highlighting the cells [hl_from, hl_to) of the fitted text with ROLE_MATCH. */
void ui_put_marked(WINDOW *w, int y, int x, const char *s, size_t cells, enum ui_role role,
		   size_t hl_from, size_t hl_to);
/* A horizontal rule of `cells` cells (ACS line or '-'). */
void ui_rule(WINDOW *w, int y, int x, int cells, enum ui_role role);

/* The marker that ends a cut cell: "…" where UTF-8 can be shown, "~" otherwise. */
const char *ui_marker(void);
/* A bullet for lists: "•" or "*". */
const char *ui_bullet(void);

#endif
