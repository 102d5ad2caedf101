/* doc.h: a scrollable document of styled lines: the article reader, a deal in full, the help
 * screen. Articles are laid out from their Markdown subset (paragraphs wrapped with the text
 * engine, "## " subheadings, "- " bullets, "|" tables drawn as aligned tables), with their
 * sources and numbered links at the end. */
#ifndef JUBO_DOC_H
#define JUBO_DOC_H

#include <stddef.h>

#include "store.h"
#include "ui.h"

struct doc_line {
	char *text;          /* what the line shows, already fitted to the width */
	enum ui_role role;
};

struct doc {
	char *title;               /* for the status line */
	struct doc_line *lines;
	size_t count, cap;
	char **links;              /* link N is links[N-1] */
	size_t nlinks;
	size_t top;                /* first line on screen */
	char *search;              /* text searched for, highlighted where found */
	long match;                /* line of the current match, -1 for none */
	size_t width;              /* width the lines were laid out for */
};

void doc_init(struct doc *d, const char *title);
void doc_free(struct doc *d);
void doc_add(struct doc *d, const char *text, enum ui_role role);
/* Adds text wrapped to the width, each line after `indent` spaces (the first after `lead`). */
void doc_add_wrapped(struct doc *d, const char *text, size_t indent, const char *lead,
		     enum ui_role role);

/* Lays out an article for a width. */
void doc_article(struct doc *d, const struct article_view *a, size_t width);

/* Draws rows [0, height) of the window from the document's top line. */
void doc_draw(const struct doc *d, WINDOW *w, int height, int width);
/* Scrolls by n lines (negative up), keeping the top within the document. */
void doc_scroll(struct doc *d, long n, int height);
/* Moves to the next (dir 1) or previous (dir -1) line holding the search text; returns 0 if
 * there is none. */
int doc_find(struct doc *d, int dir, int height);

#endif
