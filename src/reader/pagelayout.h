/* pagelayout.h: a PDF's pages put back together from its words' boxes.
 *
 * From the words pdftotext gives with their boxes (pdfwords.h), page by page:
 *
 * - Tables. A header row is a band of words that reads as the newsletter's column labels
 *   (기업 명칭, 라운드, 투자 금액, ... or 명칭, 기간, 장소, 분야), in any set and order, a label
 *   wrapped over lines ("소재" / "지") too. The columns are cut in the gaps that every word of
 *   the table leaves empty, one between each two labels (the widest there); the rows in the
 *   bands that every column leaves empty (cells are centred vertically, so a row is as tall
 *   as its tallest cell). The table ends at a word that crosses a column's edge, a caption,
 *   a heading, a line in a larger type or the page's footer; at the footer it goes on on the
 *   next page, after its header repeated there (or none), and a row whose first cell is empty
 *   at the top of that page is the rest of the row before.
 * - Lines. Every other line, top to bottom, with the page footer kept as a line of its own
 *   (the reader knows it by its words).
 * - Line ends. Where a cell's or a paragraph's line broke is judged from how full the line
 *   is: a line with room for the next line's first character broke between words (or where
 *   the editor broke it); a full one broke inside a word when the document's own breaks
 *   show that its typesetter breaks that script anywhere (Han always; Hangul and Latin by
 *   counting, as word processors differ), else only when the line is a single word. A full
 *   Hangul line whose next word stands alone elsewhere in the document, and joined would
 *   not, broke between words. Digits broken after a thousands comma, and a line that ends
 *   in '-', join without a space. */
#ifndef JUBO_PAGELAYOUT_H
#define JUBO_PAGELAYOUT_H

#include <stddef.h>

#include "reader/pdfwords.h"

/* A table: its header's labels and its cells, row by row, each cell's lines joined. */
struct grid {
	int ncols;
	char **labels;   /* as printed, e.g. "기업 명칭" (a wrapped label joined) */
	size_t nrows;
	char **cells;    /* nrows * ncols, never NULL ("" for an empty cell) */
	char **notes;    /* nrows * ncols: NULL, or the words a full line's break was judged
			  * between by the words the document uses elsewhere ("Box Group") */
	int *row_page;   /* where each row begins: page (from 1) */
	int *row_line;   /* and line on that page (from 1, counted as the lines read) */
	int pages;       /* the pages it is printed on */
	int uncertain;   /* a column's edge was not found in a gap: cells may be cut wrong */
};

struct layout_line {
	char *text;        /* the line's words, one space between them */
	int space;         /* the line broke between words (or ends its paragraph) */
	int page, line;    /* from 1 */
	struct grid *grid; /* a table in the place of its header, text its labels */
};

struct layout {
	struct layout_line *lines;
	size_t count;
};

/* Lays the document's pages out. Never fails: what is not a table is lines. */
void layout_build(const struct pdf_doc *doc, struct layout *out);
void layout_free(struct layout *l);

/* The layout as text, to see what was read: "P:L" and each line (a '⏎' where it ended between
 * words), a table as its labels and then each row's cells between '|'. Malloc'd. */
char *layout_dump(const struct layout *l);

/* Whether the header labels (space-free) name a table jubo reads: a label list for tests. */
extern const char *const layout_labels[];

#endif
