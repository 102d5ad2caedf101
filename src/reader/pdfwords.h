/* pdfwords.h: the words of a PDF with their boxes, from poppler.
 *
 * jubo reads a PDF by its geometry: every word with the box it is drawn in, page by page,
 * from Debian's pdftotext (poppler-utils) run as `pdftotext -bbox-layout FILE -` through
 * execvp (no shell), its XHTML parsed here. pdftotext rather than libpoppler-glib in-process:
 * the same words and boxes, no GLib in jubo's process, a crash or a hang of the PDF library
 * that cannot take jubo with it (the child has a time limit), and the package jubo already
 * needed. Rulings (the table's lines) are not needed: columns come from where the header's
 * and the rows' words stand, rows from the bands every column leaves empty (pagelayout.h). */
#ifndef JUBO_PDFWORDS_H
#define JUBO_PDFWORDS_H

#include <stddef.h>

struct pdf_word {
	double x0, y0, x1, y1; /* points from the page's top left */
	char *text;            /* UTF-8, no spaces */
	int line;              /* poppler's line: words of one line share it (page-wide index) */
	int block;             /* poppler's block */
};

struct pdf_page {
	double width, height;
	struct pdf_word *words;
	size_t count;
};

struct pdf_doc {
	struct pdf_page *pages;
	size_t count;
};

/* Reads pdftotext -bbox-layout's XHTML (as text, len bytes) into doc. Returns 0, or -1 when it
 * is not that format. Entities (&amp; &lt; &gt; &quot; &apos; &#N; &#xN;) are decoded. */
int pdf_words_parse(const char *xhtml, size_t len, struct pdf_doc *doc);

/* Runs pdftotext on a regular file (a FIFO or a device is refused: it could block forever)
 * and parses its output. The child is killed after $JUBO_PDF_TIMEOUT seconds (default 60).
 * Returns 0, or -1 after printing an error that names the file and the reason. */
int pdf_words_read(const char *path, struct pdf_doc *doc);

void pdf_doc_free(struct pdf_doc *doc);

#endif
