/* events.c: the events table. See reader.h. */
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

/* ---- events ------------------------------------------------------------------------------ */

/* "2025.04.02-2025.04.03" or "2025.04.11" at s: its length, or 0. */
static size_t match_dates(const char *s)
{
	int y, m, d, n = 0;
	if (sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &n) != 3 || n != 10 || y < 1990 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return 0;
	size_t len = 10;
	if (s[10] == '-' || starts(s + 10, "~")) {
		size_t skip = s[10] == '-' ? 1 : 1;
		int n2 = 0;
		if (sscanf(s + 10 + skip, "%4d.%2d.%2d%n", &y, &m, &d, &n2) == 3 && n2 == 10)
			len = 10 + skip + 10;
	}
	return word_end(s, len) ? len : 0;
}

/* The events' header "명칭 기간 장소 분야", on one line or on several: the lines it takes. */
size_t events_header(const struct reader *r, size_t k)
{
	if (!starts(r->f[k].text, "명칭"))
		return 0;
	for (size_t n = 1; n <= 4 && k + n <= r->n; n++) {
		char *h = join_frags(r, k, k + n, NULL);
		int ok = strstr(h, "기간") && strstr(h, "장소");
		free(h);
		if (ok)
			return n;
	}
	return 0;
}

/* A PDF's events table (its header at fragment h), by its cells. */
static void read_grid_events(struct reader *r, size_t h, size_t limit)
{
	const struct grid *g = r->f[h].grid;
	int at[4] = { -1, -1, -1, -1 };
	static const char *const labels[] = { "명칭", "기간", "장소", "분야" };
	for (int c = 0; c < g->ncols; c++)
		for (int k = 0; k < 4; k++)
			if (strcmp(g->labels[c], labels[k]) == 0)
				at[k] = c;
	r->f[h].used = 1;
	for (size_t k = h + 1; k < limit; k++)
		if (strcmp(r->f[k].text, "행사 정보") == 0) {
			r->f[k].used = 1;
			break;
		}
	struct buf *b = &r->events;
	buf_adds(b, "명칭,기간,장소,분야\n");
	size_t read = 0, warned = 0, left = 0;
	for (size_t row = 0; row < g->nrows; row++) {
		const char *v[4];
		for (int k = 0; k < 4; k++)
			v[k] = at[k] >= 0 ? g->cells[row * (size_t)g->ncols + (size_t)at[k]] : "";
		size_t line = (size_t)g->row_page[row] * PDF_LINES + (size_t)g->row_line[row];
		if (!*v[0] || !*v[2]) {
			reader_warn(r, line, _("the events, row %zu: an event without a name or a place: left "
					"out"), row + 1);
			left++;
			continue;
		}
		char *dates = xstrdup(v[1]);
		if (match_dates(dates) != strlen(dates)) {
			reader_warn(r, line, _("the events, row %zu (%s): cannot read a date or a period in "
					"'%s': left out"), row + 1, v[0], v[1]);
			dates[0] = '\0';
			warned++;
		}
		char *name = repair_letters(r, line, xstrdup(v[0]));
		csv_field(b, name, 0);
		csv_field(b, dates, 0);
		csv_field(b, v[2], 0);
		csv_field(b, v[3], 1);
		free(name);
		free(dates);
		read++;
	}
	buf_printf(&r->summary, _("the events: rows read %zu, with a warning %zu, left out %zu\n"),
		   read, warned, left);
}

/* The events table from fragment h (its header) to limit. */
void read_events(struct reader *r, size_t h, size_t limit)
{
	if (r->f[h].grid) {
		read_grid_events(r, h, limit);
		return;
	}
	size_t head = events_header(r, h);
	for (size_t k = h; k < h + head; k++)
		r->f[k].used = 1;
	h += head - 1;
	size_t end = h + 1;
	while (end < limit && strcmp(r->f[end].text, "행사 정보") != 0)
		end++;
	if (end < limit)
		r->f[end].used = 1;
	struct span sp;
	span_init(&sp, r, h + 1, end);
	const char *s = sp.text;
	struct buf *b = &r->events;
	buf_adds(b, "명칭,기간,장소,분야\n");
	size_t from = 0;
	for (size_t p = 0; s[p]; p++) {
		if (p > 0 && s[p - 1] != ' ')
			continue;
		size_t n = match_dates(s + p);
		if (!n)
			continue;
		size_t line = span_line(&sp, p);
		char *name = trimmed_copy(s, from, p);
		size_t nl = strlen(name);
		if (nl && name[nl - 1] == ',') {
			name[--nl] = '\0';
			reader_warn(r, line, _("the event's name ends in a comma: read without it"));
		}
		char *dates = xstrndup(s + p, n);
		/* 장소 and 분야: the rest of the line where the dates end, or (a period broken over
		 * lines, cells centred apart) the line after it; a word, then the rest. */
		size_t q = skip_spaces(s, p + n), fe = span_frag_end(&sp, p + n - 1);
		if (q >= fe && s[q])
			fe = span_frag_end(&sp, q);
		size_t place_end = q;
		while (s[place_end] && s[place_end] != ' ' && place_end < fe)
			place_end++;
		char *place = trimmed_copy(s, q, place_end);
		char *field = trimmed_copy(s, place_end, fe > place_end ? fe : place_end);
		if (!*name || !*place)
			reader_warn(r, line, _("an event without a name or a place: left out"));
		else {
			name = repair_letters(r, line, name);
			csv_field(b, name, 0);
			csv_field(b, dates, 0);
			csv_field(b, place, 0);
			csv_field(b, field, 1);
		}
		free(name);
		free(dates);
		free(place);
		free(field);
		from = fe;
		p = fe ? fe - 1 : 0;
	}
	for (size_t k = h; k < end; k++)
		r->f[k].used = 1;
	span_free(&sp);
}
