/* prompt.c: the line editor. */
#include "config.h"

#include "prompt.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "text.h"
#include "util.h"

#define CTRL(c) ((c) & 0x1f)

void prompt_start(struct prompt *p, const char *initial, struct prompt_history *h)
{
	memset(p, 0, sizeof *p);
	p->text = xstrdup(initial ? initial : "");
	p->len = p->cursor = strlen(p->text);
	p->history = h;
	p->browsing = h ? h->count : 0;
}

static size_t next_char(const struct prompt *p, size_t at);

static void set_text(struct prompt *p, const char *s)
{
	free(p->text);
	p->text = xstrdup(s);
	p->len = p->cursor = strlen(s);
}

void prompt_set(struct prompt *p, const char *text, size_t chars)
{
	set_text(p, text);
	p->cursor = 0;
	for (size_t k = 0; k < chars && p->cursor < p->len; k++)
		p->cursor = next_char(p, p->cursor);
}

/* The prompt moves and deletes by user-perceived character (grapheme cluster): a Hangul
 * syllable written as jamo, an emoji with its modifiers, a letter with its accents. */
static size_t prev_char(const struct prompt *p, size_t at)
{
	size_t start = 0;
	while (start < at) {
		int w;
		size_t n = text_cluster(p->text + start, p->text + p->len, &w);
		if (!n || start + n >= at)
			break;
		start += n;
	}
	return start < at ? start : 0;
}

static size_t next_char(const struct prompt *p, size_t at)
{
	if (at >= p->len)
		return p->len;
	int w;
	size_t n = text_cluster(p->text + at, p->text + p->len, &w);
	return at + (n ? n : 1);
}

static void delete_range(struct prompt *p, size_t from, size_t to)
{
	memmove(p->text + from, p->text + to, p->len - to + 1);
	p->len -= to - from;
	p->cursor = from;
}

static void insert(struct prompt *p, unsigned int ch)
{
	uint8_t buf[8];
	int n = u8_uctomb(buf, ch, sizeof buf);
	if (n <= 0)
		return;
	p->text = xrealloc(p->text, p->len + (size_t)n + 1);
	memmove(p->text + p->cursor + n, p->text + p->cursor, p->len - p->cursor + 1);
	memcpy(p->text + p->cursor, buf, (size_t)n);
	p->len += (size_t)n;
	p->cursor += (size_t)n;
	/* What is before the cursor in NFC: jamo typed or pasted one by one become the syllable
	 * (ᄊ then ᅮ is 쑤), as the store and the filter hold them. */
	size_t m;
	char *head = text_nfc(p->text, p->cursor, &m);
	if (m != p->cursor) {
		char *joined = xmalloc(m + (p->len - p->cursor) + 1);
		memcpy(joined, head, m);
		memcpy(joined + m, p->text + p->cursor, p->len - p->cursor + 1);
		free(p->text);
		p->text = joined;
		p->len = m + (p->len - p->cursor);
		p->cursor = m;
	}
	free(head);
}

static void browse(struct prompt *p, int step)
{
	struct prompt_history *h = p->history;
	if (!h || !h->count)
		return;
	if (p->browsing == h->count) {
		free(p->saved);
		p->saved = xstrdup(p->text);
	}
	if (step < 0 && p->browsing > 0)
		p->browsing--;
	else if (step > 0 && p->browsing < h->count)
		p->browsing++;
	else
		return;
	set_text(p, p->browsing == h->count ? (p->saved ? p->saved : "") : h->items[p->browsing]);
}

enum prompt_result prompt_feed(struct prompt *p, int is_key, unsigned int ch)
{
	if (is_key) {
		switch (ch) {
		case KEY_LEFT:
			p->cursor = prev_char(p, p->cursor);
			break;
		case KEY_RIGHT:
			p->cursor = next_char(p, p->cursor);
			break;
		case KEY_HOME:
			p->cursor = 0;
			break;
		case KEY_END:
			p->cursor = p->len;
			break;
		case KEY_BACKSPACE:
			if (p->cursor)
				delete_range(p, prev_char(p, p->cursor), p->cursor);
			break;
		case KEY_DC:
			if (p->cursor < p->len)
				delete_range(p, p->cursor, next_char(p, p->cursor));
			break;
		case KEY_UP:
			browse(p, -1);
			break;
		case KEY_DOWN:
			browse(p, 1);
			break;
		case KEY_ENTER:
			return PROMPT_ACCEPTED;
		default:
			break;
		}
		return PROMPT_EDITING;
	}
	switch (ch) {
	case '\n':
	case '\r':
		return PROMPT_ACCEPTED;
	case 27:
	case CTRL('g'):
		return PROMPT_CANCELLED;
	case CTRL('a'):
		p->cursor = 0;
		return PROMPT_EDITING;
	case CTRL('e'):
		p->cursor = p->len;
		return PROMPT_EDITING;
	case CTRL('b'):
		p->cursor = prev_char(p, p->cursor);
		return PROMPT_EDITING;
	case CTRL('f'):
		p->cursor = next_char(p, p->cursor);
		return PROMPT_EDITING;
	case CTRL('u'):
		delete_range(p, 0, p->cursor);
		return PROMPT_EDITING;
	case CTRL('k'):
		p->text[p->cursor] = '\0';
		p->len = p->cursor;
		return PROMPT_EDITING;
	case CTRL('w'): {
		size_t at = p->cursor;
		while (at > 0 && p->text[at - 1] == ' ')
			at--;
		while (at > 0 && p->text[at - 1] != ' ')
			at = prev_char(p, at);
		delete_range(p, at, p->cursor);
		return PROMPT_EDITING;
	}
	case 127:
	case CTRL('h'):
		if (p->cursor)
			delete_range(p, prev_char(p, p->cursor), p->cursor);
		return PROMPT_EDITING;
	default:
		/* Printable characters only; controls never enter the line. */
		if (ch >= 0x20 && ch != 0x7F && !(ch >= 0x80 && ch < 0xA0))
			insert(p, ch);
		return PROMPT_EDITING;
	}
}

size_t prompt_cursor_cells(const struct prompt *p)
{
	return text_width(p->text, p->cursor);
}

void prompt_finish(struct prompt *p)
{
	free(p->text);
	free(p->saved);
	memset(p, 0, sizeof *p);
}

void prompt_history_add(struct prompt_history *h, const char *line)
{
	if (!*line || (h->count && strcmp(h->items[h->count - 1], line) == 0))
		return;
	if (h->count == 100) {
		free(h->items[0]);
		memmove(h->items, h->items + 1, (h->count - 1) * sizeof *h->items);
		h->count--;
	}
	h->items = xrealloc(h->items, (h->count + 1) * sizeof *h->items);
	h->items[h->count++] = xstrdup(line);
}

void prompt_history_free(struct prompt_history *h)
{
	for (size_t i = 0; i < h->count; i++)
		free(h->items[i]);
	free(h->items);
	h->items = NULL;
	h->count = 0;
}
