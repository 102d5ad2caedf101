/* articles.c: references, and the articles' bodies as Markdown. See reader.h. */
#include "config.h"

#include "reader/reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistr.h>

#include "amount.h"
#include "diag.h"
#include "gazetteer.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* ---- references ------------------------------------------------------------------------ */



int is_url(const char *s)
{
	return starts(s, "http://") || starts(s, "https://") || starts(s, "www.");
}

/* "신화망(新华网). title": where the title begins, or 0. */
static size_t ref_start(const char *s)
{
	const char *close = strstr(s, "). ");
	if (!close)
		return 0;
	const char *open = NULL;
	for (const char *p = s; p < close; p++)
		if (*p == '(')
			open = p;
	if (!open || open == s || open - s > 90)
		return 0;
	int spaces = 0;
	for (const char *p = s; p < open; p++)
		spaces += *p == ' ';
	return spaces <= 1 ? (size_t)(close - s) + 3 : 0;
}

void free_refs(struct refs *rs)
{
	for (size_t i = 0; i < rs->count; i++) {
		free(rs->items[i].source);
		free(rs->items[i].label);
		free(rs->items[i].url);
	}
	free(rs->items);
	rs->items = NULL;
	rs->count = 0;
}

/* The references before "참고자료" at index end, back to lo: each source and title, its date
 * "(25.03.26)", and its address. Returns the index of the first. */
size_t read_refs(struct reader *r, size_t lo, size_t end, struct refs *out)
{
	size_t first = end;
	size_t k = end;
	while (k > lo) {
		/* An address (one or more lines), then the title lines back to the entry's start. */
		size_t url_end = k, u = k;
		while (u > lo && is_url(r->f[u - 1].text))
			u--;
		if (u == url_end)
			break;
		/* The earliest line that opens an entry, within a few lines before the address. */
		size_t s = u, at = u;
		int found = 0;
		while (s > lo && u - s < 5) {
			s--;
			if (is_url(r->f[s].text))
				break;
			if (ref_start(r->f[s].text)) {
				found = 1;
				at = s;
			}
		}
		s = at;
		if (!found) {
			if (first == end)
				first = u; /* bare addresses only */
			for (size_t i = u; i < url_end; i++)
				r->f[i].used = 1;
			k = u;
			break;
		}
		struct ref ref = { 0 };
		ref.line = r->f[s].line;
		const char *t = r->f[s].text;
		size_t title_at = ref_start(t);
		ref.source = xstrndup(t, title_at - 2);
		char *label = join_frags(r, s, u, NULL);
		char *lt = xstrdup(label + title_at);
		free(label);
		/* "(25.03.26)" at the end: the date. */
		char *tail = trim(lt);
		size_t n = strlen(tail);
		if (n >= 10 && tail[n - 1] == ')') {
			char *open = strrchr(tail, '(');
			int yy, mm, dd;
			char rest;
			if (open && sscanf(open, "(%2d.%2d.%2d%c", &yy, &mm, &dd, &rest) == 4 &&
			    rest == ')' && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
				iso_date(ref.date, 2000 + yy, mm, dd);
				*open = '\0';
			}
		}
		tail = trim(tail);
		n = strlen(tail);
		if (n && tail[n - 1] == '.')
			tail[--n] = '\0';
		ref.label = xstrdup(trim(tail));
		free(lt);
		char *url = join_frags(r, u, url_end, NULL);
		char *w = url;
		int spaced = 0;
		for (char *p = url; *p; p++) {
			if (*p == ' ')
				spaced = 1;
			else
				*w++ = *p;
		}
		*w = '\0';
		if (spaced)
			reader_warn(r, r->f[u].line, _("an address with spaces in it: read without them (%s)"),
			     url);
		ref.url = url;
		for (size_t i = s; i < url_end; i++)
			r->f[i].used = 1;
		out->items = xrealloc(out->items, (out->count + 1) * sizeof *out->items);
		memmove(out->items + 1, out->items, out->count * sizeof *out->items);
		out->items[0] = ref;
		out->count++;
		note_date(r, ref.date);
		first = s;
		k = s;
	}
	return first;
}

/* ---- articles ---------------------------------------------------------------------------- */


int ends_sentence(const struct frag *f)
{
	size_t n = strlen(f->text);
	const char *s = f->text;
	/* Closing quotes and brackets after the full stop. */
	while (n) {
		if (s[n - 1] == ')' || s[n - 1] == '"' || s[n - 1] == '\'')
			n--;
		else if (n >= 3 && (starts(s + n - 3, "”") || starts(s + n - 3, "’") ||
				    starts(s + n - 3, "）")))
			n -= 3;
		else
			break;
	}
	if (n && (s[n - 1] == '.' || s[n - 1] == '?' || s[n - 1] == '!'))
		return 1;
	return n >= 3 && starts(s + n - 3, "。");
}

/* Takes "(출처: X)" out of a paragraph; returns X (malloc'd) or NULL. */
static char *take_source_note(char *p)
{
	char *at = strstr(p, "(출처:");
	if (!at)
		return NULL;
	char *close = strchr(at, ')');
	if (!close)
		return NULL;
	char *src = trimmed_copy(at, strlen("(출처:"), (size_t)(close - at));
	memmove(at, close + 1, strlen(close + 1) + 1);
	trim(p);
	return src;
}

enum block_kind { B_PARA, B_HEADING, B_BULLET, B_CAPTION, B_TABLE };

struct blocks {
	struct buf out;
	struct buf cur;
	enum block_kind kind, last_kind;
	size_t line;
};

static void block_end(struct reader *r, struct blocks *b, char **source_note)
{
	if (!b->cur.len)
		return;
	char *t = buf_take(&b->cur);
	char *src = b->kind == B_PARA || b->kind == B_BULLET ? take_source_note(t) : NULL;
	if (src) {
		free(*source_note);
		*source_note = src;
	}
	t = repair_letters(r, b->line, t);
	char *s = trim(t);
	if (*s) {
		if (b->out.len)
			buf_adds(&b->out, b->kind == B_BULLET && b->last_kind == B_BULLET ? "\n" : "\n\n");
		if (b->kind == B_HEADING)
			buf_adds(&b->out, "## ");
		else if (b->kind == B_BULLET)
			buf_adds(&b->out, "- ");
		else if (starts(s, "- ") || starts(s, "#") || *s == '|')
			buf_addc(&b->out, '\\'); /* text, not Markdown */
		buf_adds(&b->out, s);
		b->last_kind = b->kind;
	}
	free(t);
}

static const char *strip_marker(const char *s, enum block_kind *kind)
{
	static const struct {
		const char *mark;
		enum block_kind kind;
	} marks[] = { { "◼", B_HEADING }, { "－", B_HEADING }, { "⚫", B_BULLET },
		      { "●", B_BULLET },  { "•", B_BULLET } };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		if (starts(s, marks[i].mark)) {
			*kind = marks[i].kind;
			s += strlen(marks[i].mark);
			while (*s == ' ')
				s++;
			return s;
		}
	}
	if (starts(s, "도표") && strlen(s) > 7) {
		*kind = B_CAPTION;
		return s;
	}
	return NULL;
}

/* The body in the bundle's Markdown: paragraphs (a sentence's end at a line's end closes
 * one), "## " headings (◼, －), "- " bullets (⚫) and the captions of figures on their own. */
/* How wide a full line of the text is: the widest that many lines reach (the page broke
 * those by width). 0 when the text has too few lines to tell. */
static size_t full_width(const struct reader *r)
{
	size_t widths[64] = { 0 };
	size_t n = 0;
	for (size_t k = 0; k < r->n; k++) {
		size_t w = text_strwidth(r->f[k].text);
		if (w >= 64)
			w = 63;
		widths[w]++;
		n++;
	}
	if (n < 20)
		return 0;
	/* The width at which a tenth of the lines are as wide or wider. */
	size_t seen = 0;
	for (size_t w = 63; w > 0; w--) {
		seen += widths[w];
		if (seen * 10 >= n)
			return w;
	}
	return 0;
}

char *body_of(struct reader *r, size_t from, size_t to, char **source_note)
{
	struct blocks b = { 0 };
	size_t prev = (size_t)-1;
	size_t full = r->pdf ? 0 : full_width(r);
	int figure = 0; /* after a 도표 caption: numbered rows and their bullets */
	for (size_t k = from; k < to; k++) {
		const struct frag *f = &r->f[k];
		if (f->used)
			continue;
		if (f->table_row) {
			/* A row of an article's table: a line of its own, the rows together. */
			block_end(r, &b, source_note);
			if (b.out.len)
				buf_adds(&b.out, b.last_kind == B_TABLE ? "\n" : "\n\n");
			buf_adds(&b.out, f->text);
			b.last_kind = B_TABLE;
			prev = (size_t)-1;
			continue;
		}
		enum block_kind kind;
		const char *rest = strip_marker(f->text, &kind);
		if (rest && kind == B_CAPTION)
			figure = 1;
		/* In a figure, a numbered row's title after its header's labels or after the
		 * bullets of the row before ("2 4 세대 고에너지 방사광원") begins a block of its own. */
		if (!rest && figure && b.cur.len && (b.kind == B_BULLET || figure == 1) &&
		    f->text[0] >= '0' && f->text[0] <= '9') {
			const char *q = f->text;
			while (*q >= '0' && *q <= '9')
				q++;
			if (*q == ' ' && q - f->text <= 2) {
				block_end(r, &b, source_note);
				figure = 2; /* its rows have begun */
			}
		}
		if (rest) {
			block_end(r, &b, source_note);
			b.kind = kind;
			b.line = f->line;
			buf_adds(&b.cur, rest);
			if (kind == B_HEADING || kind == B_CAPTION)
				block_end(r, &b, source_note);
			prev = k;
			continue;
		}
		if (!b.cur.len) {
			b.kind = B_PARA;
			b.line = f->line;
		} else if (prev != (size_t)-1 && r->f[prev].space) {
			buf_addc(&b.cur, ' ');
		}
		buf_adds(&b.cur, f->text);
		prev = k;
		if (f->space && ends_sentence(f))
			block_end(r, &b, source_note);
		/* A short line the page did not break by its width (a figure's label: "업스트림",
		 * "핵심 장치") is an item of its own, not glued to the next. */
		else if (!f->space && full && text_strwidth(f->text) * 2 < full)
			block_end(r, &b, source_note);
	}
	block_end(r, &b, source_note);
	buf_free(&b.cur);
	return buf_take(&b.out);
}
