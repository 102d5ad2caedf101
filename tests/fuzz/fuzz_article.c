/* fuzz_article.c: an article laid out for the reader, from its Markdown subset: paragraphs,
 * "## " subheadings, "- " bullets, "|" tables, sources and numbered links.
 *
 * Input: the first byte chooses the width (1..160); the rest is the article: its first line
 * the title, its second the section, its third a link, the rest the body. Bytes that are not
 * UTF-8 and controls are shown the way the store would keep them (sanitized). Promises
 * checked: every line laid out is valid UTF-8 and fits the width (a lone cluster wider than
 * the width excepted); searching the laid-out document finds what it shows and scrolling
 * stays inside it. */
#include <unistr.h>

#include "doc.h"
#include "fuzz.h"
#include "text.h"

static void check_fits(const struct doc *d)
{
	for (size_t i = 0; i < d->count; i++) {
		const char *t = d->lines[i].text;
		size_t len = strlen(t);
		FUZZ_CHECK(u8_check((const uint8_t *)t, len) == NULL);
		FUZZ_CHECK(!strchr(t, '\n'));
		size_t cells = text_width(t, len);
		if (cells > d->width) {
			int c;
			fprintf(stderr, "line %zu: %zu cells in %zu: [%s]\n", i, cells, d->width, t);
			FUZZ_CHECK(text_cluster(t, t + len, &c) == len);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t width = 1 + data[0] % 160;
	char *text = text_sanitize((const char *)data + 1, size - 1, 1);
	const char *p = text, *end = text + strlen(text);
	char *title = fuzz_line(&p, end);
	char *section = fuzz_line(&p, end);
	char *url = fuzz_line(&p, end);
	char *source = "KIC China";
	char *body = fuzz_string((const uint8_t *)p, (size_t)(end - p));
	struct article_view a = { .title = title, .section = section, .date = "2025-04-02",
				  .body = body, .issue = 418, .sources = &source, .nsources = 1 };
	struct {
		char *label;
		char *url;
	} ref = { title, url };
	a.refs = (void *)&ref;
	a.nrefs = *url ? 1 : 0;

	struct doc d;
	doc_init(&d, "");
	doc_article(&d, &a, width);
	check_fits(&d);
	/* A word of the body, searched for. */
	if (d.count > 3) {
		const char *shown = d.lines[d.count / 2].text;
		size_t n = strcspn(shown, " ");
		if (n) {
			free(d.search);
			d.search = fuzz_string((const uint8_t *)shown, n);
			d.match = -1;
			doc_find(&d, 1, 10);
			FUZZ_CHECK(d.match >= 0 && (size_t)d.match < d.count);
		}
	}
	doc_scroll(&d, 1000000, 10);
	FUZZ_CHECK(d.top < d.count || d.count == 0);
	doc_scroll(&d, -1000000, 10);
	FUZZ_CHECK(d.top == 0);
	doc_free(&d);
	free(title);
	free(section);
	free(url);
	free(body);
	free(text);
	return 0;
}
