/* doc.c: documents and the article layout. */
#include "config.h"

#include "doc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "util.h"

void doc_init(struct doc *d, const char *title)
{
	memset(d, 0, sizeof *d);
	d->title = xstrdup(title ? title : "");
	d->match = -1;
}

void doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->lines[i].text);
	free(d->lines);
	for (size_t i = 0; i < d->nlinks; i++)
		free(d->links[i]);
	free(d->links);
	free(d->title);
	free(d->search);
	memset(d, 0, sizeof *d);
}

void doc_add(struct doc *d, const char *text, enum ui_role role)
{
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->lines = xrealloc(d->lines, d->cap * sizeof *d->lines);
	}
	d->lines[d->count++] = (struct doc_line){ xstrdup(text), role };
}

void doc_add_wrapped(struct doc *d, const char *text, size_t indent, const char *lead,
		     enum ui_role role)
{
	size_t lead_cells = lead ? text_strwidth(lead) : 0;
	if (lead) {
		/* "[100]" keeps a space before its text ("- " has its own). */
		size_t need = lead_cells + (*lead && lead[strlen(lead) - 1] != ' ');
		if (need > indent)
			indent = need;
	}
	if (indent + 2 > d->width) {
		/* Too narrow to indent and still hold a wide character: the lead on its own line,
		 * the text from the margin. */
		if (lead)
			doc_add_wrapped(d, lead, 0, NULL, role);
		lead = NULL;
		indent = 0;
	}
	size_t room = d->width > indent ? d->width - indent : 1;
	struct text_line *lines;
	size_t n = text_wrap(text, strlen(text), room, &lines);
	for (size_t i = 0; i < n; i++) {
		struct buf b = { 0 };
		if (i == 0 && lead) {
			buf_adds(&b, lead);
			for (size_t k = lead_cells; k < indent; k++)
				buf_addc(&b, ' ');
		} else {
			for (size_t k = 0; k < indent; k++)
				buf_addc(&b, ' ');
		}
		buf_add(&b, text + lines[i].start, lines[i].len);
		doc_add(d, b.data ? b.data : "", role);
		buf_free(&b);
	}
	if (n == 0 && lead)
		doc_add_wrapped(d, lead, 0, NULL, role);
	else if (n == 0)
		doc_add(d, "", role);
	free(lines);
}

/* ---- tables -------------------------------------------------------------------------------- */

/* Splits "| a | b |" into trimmed cells. */
static size_t split_cells(const char *line, char ***cells)
{
	char *copy = xstrdup(line), *p = trim(copy);
	if (*p == '|')
		p++;
	size_t len = strlen(p);
	if (len && p[len - 1] == '|')
		p[len - 1] = '\0';
	size_t n = 0;
	*cells = NULL;
	for (;;) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = '\0';
		*cells = xrealloc(*cells, (n + 1) * sizeof **cells);
		(*cells)[n++] = trim(xstrdup(p));
		if (!bar)
			break;
		p = bar + 1;
	}
	free(copy);
	return n;
}

static int is_separator_row(const char *line)
{
	for (const char *p = line; *p; p++)
		if (!strchr("|-: ", *p))
			return 0;
	return strchr(line, '-') != NULL;
}

/* A table too wide to draw: each row a list of "header: value" lines (a table of one row
 * lists its cells), which any width can show. */
static void add_table_as_list(struct doc *d, char ***cells, const size_t *ncells, size_t nrows)
{
	for (size_t r = nrows > 1; r < nrows; r++) {
		if (r > 1)
			doc_add(d, "", ROLE_NORMAL);
		for (size_t c = 0; c < ncells[r]; c++) {
			const char *head = r && c < ncells[0] ? cells[0][c] : "";
			char *item = *head ? xasprintf("%s: %s", head, cells[r][c]) : xstrdup(cells[r][c]);
			doc_add_wrapped(d, item, 2, "- ", ROLE_NORMAL);
			free(item);
		}
	}
}

/* Draws a pipe table: columns as wide as their widest cell, shrunk (widest first) to fit the
 * width; cells wrap within their column. The first row is the header. */
static void add_table(struct doc *d, char **rows, size_t nrows)
{
	char ***cells = xcalloc(nrows, sizeof *cells);
	size_t *ncells = xcalloc(nrows, sizeof *ncells), ncols = 0;
	for (size_t r = 0; r < nrows; r++) {
		ncells[r] = split_cells(rows[r], &cells[r]);
		if (ncells[r] > ncols)
			ncols = ncells[r];
	}
	size_t *w = xcalloc(ncols, sizeof *w);
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncells[r]; c++) {
			size_t cw = text_strwidth(cells[r][c]);
			if (cw > w[c])
				w[c] = cw;
		}
	const size_t gap = 3; /* " | " */
	size_t total = 0;
	for (size_t c = 0; c < ncols; c++)
		total += w[c] + (c ? gap : 0);
	while (total > d->width) {
		size_t widest = 0;
		for (size_t c = 1; c < ncols; c++)
			if (w[c] > w[widest])
				widest = c;
		if (w[widest] <= 4)
			break;
		w[widest]--;
		total--;
	}
	/* Too many columns for the width even at four cells each. */
	int as_list = total > d->width;
	if (as_list)
		add_table_as_list(d, cells, ncells, nrows);
	for (size_t r = 0; !as_list && r < nrows; r++) {
		/* Wrap every cell, then emit as many lines as the tallest. */
		struct text_line **wl = xcalloc(ncols, sizeof *wl);
		size_t *nl = xcalloc(ncols, sizeof *nl), height = 1;
		for (size_t c = 0; c < ncols; c++) {
			const char *t = c < ncells[r] ? cells[r][c] : "";
			nl[c] = text_wrap(t, strlen(t), w[c] ? w[c] : 1, &wl[c]);
			if (nl[c] > height)
				height = nl[c];
		}
		for (size_t k = 0; k < height; k++) {
			struct buf b = { 0 };
			for (size_t c = 0; c < ncols; c++) {
				const char *t = c < ncells[r] ? cells[r][c] : "";
				char *piece = k < nl[c] ? xstrndup(t + wl[c][k].start, wl[c][k].len)
							: xstrdup("");
				char *padded = text_fit_pad(piece, w[c], ALIGN_LEFT, ui_marker());
				if (c)
					buf_adds(&b, " | ");
				buf_adds(&b, padded);
				free(padded);
				free(piece);
			}
			while (b.len && b.data[b.len - 1] == ' ')
				b.data[--b.len] = '\0';
			doc_add(d, b.data ? b.data : "", r == 0 ? ROLE_HEADER : ROLE_NORMAL);
			buf_free(&b);
		}
		if (r == 0) {
			struct buf b = { 0 };
			for (size_t c = 0; c < ncols; c++) {
				if (c)
					buf_adds(&b, "-+-");
				for (size_t k = 0; k < w[c]; k++)
					buf_addc(&b, '-');
			}
			doc_add(d, b.data ? b.data : "", ROLE_DIM);
			buf_free(&b);
		}
		for (size_t c = 0; c < ncols; c++)
			free(wl[c]);
		free(wl);
		free(nl);
	}
	for (size_t r = 0; r < nrows; r++) {
		for (size_t c = 0; c < ncells[r]; c++)
			free(cells[r][c]);
		free(cells[r]);
	}
	free(cells);
	free(ncells);
	free(w);
}

/* ---- articles ------------------------------------------------------------------------------ */

/* What of the body is open while it is read: a paragraph (or bullet) and a table. */
struct block {
	struct doc *d;
	struct buf para;
	int bullet;
	char **table;
	size_t ntable;
};

/* A blank line before a new block, unless one is there already. */
static void separate(struct doc *d)
{
	if (d->count && d->lines[d->count - 1].text[0] &&
	    d->lines[d->count - 1].role != ROLE_HEADING)
		doc_add(d, "", ROLE_NORMAL);
}

static void flush_paragraph(struct block *b)
{
	if (!b->para.len)
		return;
	if (b->bullet)
		doc_add_wrapped(b->d, b->para.data, 2, ui_bullet(), ROLE_NORMAL);
	else
		doc_add_wrapped(b->d, b->para.data, 0, NULL, ROLE_NORMAL);
	buf_clear(&b->para);
	b->bullet = 0;
}

static void flush_table(struct block *b)
{
	if (!b->ntable)
		return;
	separate(b->d);
	add_table(b->d, b->table, b->ntable);
	for (size_t i = 0; i < b->ntable; i++)
		free(b->table[i]);
	b->ntable = 0;
	doc_add(b->d, "", ROLE_NORMAL);
}

static void flush(struct block *b)
{
	flush_paragraph(b);
	flush_table(b);
}

void doc_article(struct doc *d, const struct article_view *a, size_t width)
{
	char *title = xstrdup(a->title ? a->title : "");
	doc_free(d);
	doc_init(d, title);
	free(title);
	d->width = width ? width : 1;
	doc_add_wrapped(d, a->title ? a->title : "", 0, NULL, ROLE_HEADING);
	char *meta = xasprintf(_("No. %d · %s%s%s"), a->issue, a->section ? a->section : "",
			       a->date ? " · " : "", a->date ? a->date : "");
	doc_add_wrapped(d, meta, 0, NULL, ROLE_DIM);
	free(meta);
	doc_add(d, "", ROLE_NORMAL);

	/* The body, line by line: a blank line ends a block; "|" lines make a table; "## " is
	 * a subheading; "- " starts a bullet; other lines continue the open paragraph. */
	struct block body = { d, { 0 }, 0, NULL, 0 };
	const char *p = a->body ? a->body : "";
	for (;;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		char *t = trim(xstrndup(p, n));
		if (*t == '\0') {
			flush(&body);
		} else if (*t == '|') {
			flush_paragraph(&body);
			if (!is_separator_row(t)) {
				body.table = xrealloc(body.table, (body.ntable + 1) * sizeof *body.table);
				body.table[body.ntable++] = xstrdup(t);
			}
		} else if (strncmp(t, "## ", 3) == 0) {
			flush(&body);
			separate(d);
			doc_add_wrapped(d, t + 3, 0, NULL, ROLE_HEADING);
		} else if (strncmp(t, "- ", 2) == 0) {
			flush(&body);
			body.bullet = 1;
			buf_adds(&body.para, t + 2);
		} else {
			flush_table(&body);
			if (body.para.len)
				buf_addc(&body.para, ' ');
			else
				separate(d);
			buf_adds(&body.para, t);
		}
		free(t);
		if (!eol)
			break;
		p = eol + 1;
	}
	flush(&body);
	free(body.table);
	buf_free(&body.para);

	if (a->nsources) {
		doc_add(d, "", ROLE_NORMAL);
		struct buf b = { 0 };
		for (size_t i = 0; i < a->nsources; i++)
			buf_printf(&b, "%s%s", i ? "; " : "", a->sources[i]);
		char *line = xasprintf(_("Source: %s"), b.data);
		doc_add_wrapped(d, line, 0, NULL, ROLE_DIM);
		free(line);
		buf_free(&b);
	}
	if (a->nrefs) {
		doc_add(d, "", ROLE_NORMAL);
		doc_add_wrapped(d, _("Links (o N opens, y N copies):"), 0, NULL, ROLE_HEADING);
		d->links = xcalloc(a->nrefs, sizeof *d->links);
		for (size_t i = 0; i < a->nrefs; i++) {
			char lead[32];
			snprintf(lead, sizeof lead, "[%zu]", i + 1);
			doc_add_wrapped(d, a->refs[i].label && *a->refs[i].label ? a->refs[i].label
										 : a->refs[i].url,
					5, lead, ROLE_NORMAL);
			doc_add_wrapped(d, a->refs[i].url, 5, NULL, ROLE_LINK);
			d->links[i] = xstrdup(a->refs[i].url);
		}
		d->nlinks = a->nrefs;
	}
}

/* ---- viewing ------------------------------------------------------------------------------- */

void doc_draw(const struct doc *d, WINDOW *w, int height, int width)
{
	for (int y = 0; y < height; y++) {
		size_t i = d->top + (size_t)y;
		if (i >= d->count) {
			wmove(w, y, 0);
			wclrtoeol(w);
			continue;
		}
		size_t from = 0, to = 0;
		if (d->search && text_find_cells(d->lines[i].text, d->search, &from, &to))
			ui_put_marked(w, y, 0, d->lines[i].text, (size_t)width, d->lines[i].role, from,
				      to);
		else
			ui_put(w, y, 0, d->lines[i].text, (size_t)width, ALIGN_LEFT, d->lines[i].role);
	}
}

void doc_scroll(struct doc *d, long n, int height)
{
	long max = (long)d->count - height;
	if (max < 0)
		max = 0;
	long top = (long)d->top + n;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	d->top = (size_t)top;
}

int doc_find(struct doc *d, int dir, int height)
{
	if (!d->search || !*d->search || !d->count)
		return 0;
	long start = d->match >= 0 ? d->match : (long)d->top - (dir > 0 ? 1 : 0);
	for (long k = 1; k <= (long)d->count; k++) {
		long i = ((start + dir * k) % (long)d->count + (long)d->count) % (long)d->count;
		size_t a, b;
		if (text_find_cells(d->lines[i].text, d->search, &a, &b)) {
			d->match = i;
			if ((size_t)i < d->top || (size_t)i >= d->top + (size_t)height) {
				d->top = (size_t)i;
				doc_scroll(d, -(height / 3), height);
			}
			return 1;
		}
	}
	return 0;
}
