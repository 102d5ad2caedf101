/* The prompt's line editor: whole characters, cells, word and line deletion, history. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "../tap.h"
#include "prompt.h"

#define CTRL(c) ((c) & 0x1f)

static void type(struct prompt *p, const char *s)
{
	/* Feeds UTF-8 as the code points an input method delivers. */
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		unsigned int c = *u;
		int n = 1;
		if (c >= 0xF0) {
			c &= 0x07;
			n = 4;
		} else if (c >= 0xE0) {
			c &= 0x0F;
			n = 3;
		} else if (c >= 0xC0) {
			c &= 0x1F;
			n = 2;
		}
		for (int i = 1; i < n; i++)
			c = (c << 6) | (u[i] & 0x3F);
		prompt_feed(p, 0, c);
		u += n;
	}
}

int main(void)
{
	struct prompt p;
	struct prompt_history h = { 0 };
	prompt_start(&p, "", &h);
	type(&p, "region:장쑤");
	is_str(p.text, "region:장쑤", "Korean typed through an input method arrives as text");
	is_int(prompt_cursor_cells(&p), 11, "the cursor is after 11 cells (7 + two wide syllables)");
	prompt_feed(&p, 1, KEY_LEFT);
	is_int(p.cursor, strlen("region:장"), "Left moves back one whole syllable");
	is_int(prompt_cursor_cells(&p), 9, "and two cells");
	prompt_feed(&p, 1, KEY_BACKSPACE);
	is_str(p.text, "region:쑤", "Backspace deletes the whole syllable before the cursor");
	prompt_feed(&p, 1, KEY_DC);
	is_str(p.text, "region:", "Delete removes the whole syllable under the cursor");
	type(&p, "北京");
	prompt_feed(&p, 0, CTRL('a'));
	is_int(p.cursor, 0, "Ctrl-A goes to the start");
	prompt_feed(&p, 0, CTRL('e'));
	is_int(p.cursor, p.len, "Ctrl-E goes to the end");
	type(&p, " sector:인공지능");
	prompt_feed(&p, 0, CTRL('w'));
	is_str(p.text, "region:北京 ", "Ctrl-W deletes the word before the cursor");
	prompt_feed(&p, 0, 0x1B);
	is_int(prompt_feed(&p, 0, 0x1B), PROMPT_CANCELLED, "Esc cancels");
	prompt_feed(&p, 0, CTRL('u'));
	is_str(p.text, "", "Ctrl-U deletes to the start");
	prompt_feed(&p, 0, 0x07);
	prompt_feed(&p, 0, 0x9B);
	is_str(p.text, "", "control characters never enter the line");
	type(&p, "칩");
	is_int(prompt_feed(&p, 0, '\r'), PROMPT_ACCEPTED, "Enter accepts");
	prompt_history_add(&h, p.text);
	prompt_finish(&p);

	prompt_history_add(&h, "amount>=10억");
	prompt_history_add(&h, "amount>=10억"); /* no duplicate in a row */
	is_int(h.count, 2, "history keeps each line once in a row");
	prompt_start(&p, "", &h);
	type(&p, "new");
	prompt_feed(&p, 1, KEY_UP);
	is_str(p.text, "amount>=10억", "Up brings back the last line");
	prompt_feed(&p, 1, KEY_UP);
	is_str(p.text, "칩", "Up again, the one before");
	prompt_feed(&p, 1, KEY_UP);
	is_str(p.text, "칩", "and stops at the oldest");
	prompt_feed(&p, 1, KEY_DOWN);
	prompt_feed(&p, 1, KEY_DOWN);
	is_str(p.text, "new", "Down returns to what was being typed");
	prompt_feed(&p, 1, KEY_HOME);
	prompt_feed(&p, 1, KEY_RIGHT);
	is_int(p.cursor, 1, "Right moves one character");
	prompt_finish(&p);
	prompt_history_free(&h);
	/* Decomposed Hangul, as a paste or an input method may give it, is kept composed: the
	 * filter and the store hold NFC. Backspace takes the syllable, not its last jamo. */
	prompt_start(&p, "", NULL);
	type(&p, "region:\xe1\x84\x8c\xe1\x85\xa1\xe1\x86\xbc\xe1\x84\x8a\xe1\x85\xae");
	is_str(p.text, "region:장쑤", "jamo typed one by one become the syllables (NFC)");
	prompt_feed(&p, 1, KEY_BACKSPACE);
	is_str(p.text, "region:장", "Backspace deletes 쑤, not its vowel");
	prompt_finish(&p);
	/* A character with a combining mark is one step for the cursor. */
	prompt_start(&p, "", NULL);
	type(&p, "a\xcc\x81\xe2\x83\x9d");   /* a, combining acute (composes to á), combining enclosing circle */
	prompt_feed(&p, 1, KEY_LEFT);
	is_int((long long)p.cursor, 0, "Left moves over the whole cluster");
	prompt_feed(&p, 1, KEY_DC);
	is_str(p.text, "", "Delete takes it whole");
	prompt_finish(&p);
	return tap_done();
}
