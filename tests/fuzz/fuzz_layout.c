/* fuzz_layout.c: pdftotext -bbox-layout's XHTML read into words (pdfwords.h) and laid out
 * into lines and tables (pagelayout.h).
 *
 * Input: the XHTML, any bytes. Promises checked: what is not that XHTML is refused, never
 * half read; every word has its text; the layout never fails, keeps every line's place on a
 * page that exists, and every table has two columns or more, as many labels as columns, a cell (never NULL) for
 * each row and column, and each row's page within the document; the dump of it is text. */
#include <unistr.h>

#include "fuzz.h"
#include "reader/pagelayout.h"
#include "reader/pdfwords.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *x = malloc(size + 1);
	memcpy(x, data, size);
	x[size] = '\0';
	struct pdf_doc d;
	if (pdf_words_parse(x, size, &d) != 0) {
		FUZZ_CHECK(d.count == 0 && d.pages == NULL);
		free(x);
		return 0;
	}
	for (size_t p = 0; p < d.count; p++)
		for (size_t w = 0; w < d.pages[p].count; w++)
			FUZZ_CHECK(d.pages[p].words[w].text != NULL);
	struct layout l;
	layout_build(&d, &l);
	for (size_t i = 0; i < l.count; i++) {
		const struct layout_line *ll = &l.lines[i];
		FUZZ_CHECK(ll->text != NULL);
		FUZZ_CHECK(ll->page >= 1 && (size_t)ll->page <= d.count);
		const struct grid *g = ll->grid;
		if (!g)
			continue;
		FUZZ_CHECK(g->ncols >= 2);
		for (int c = 0; c < g->ncols; c++)
			FUZZ_CHECK(g->labels[c] != NULL);
		for (size_t r = 0; r < g->nrows; r++) {
			FUZZ_CHECK(g->row_page[r] >= 1 && (size_t)g->row_page[r] <= d.count);
			for (int c = 0; c < g->ncols; c++)
				FUZZ_CHECK(g->cells[r * (size_t)g->ncols + (size_t)c] != NULL);
		}
	}
	char *dump = layout_dump(&l);
	FUZZ_CHECK(dump != NULL);
	free(dump);
	layout_free(&l);
	pdf_doc_free(&d);
	free(x);
	return 0;
}
