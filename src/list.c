/* list.c: listing rows as tables, CSV or TSV. */
#include "config.h"

#include "list.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "listing.h"
#include "query.h"
#include "sqlgen.h"
#include "state.h"
#include "text.h"
#include "util.h"

static void put_csv(FILE *f, const char *v);

#define COLUMN_GAP 2      /* spaces between table columns */
#define MARKER "…"        /* shows that a cell was cut */

int list_known(const char *what)
{
	return strcmp(what, "issues") == 0 || strcmp(what, "starred") == 0 ||
	       strcmp(what, "watch") == 0 || query_target_by_name(what) >= 0;
}

/* Shows a filter mistake under the filter, with a caret at its cell. */
static void report_filter_error(const char *option, const char *text,
				const struct query_error *err)
{
	if (err->pos == 0) {
		diag_error("%s: %s", option, err->msg);
		return;
	}
	diag_error("%s: %zu: %s", option, err->pos, err->msg);
	char *shown = text_sanitize(text, strlen(text), 0);
	/* Cells before the mistake: the characters before it, measured. */
	size_t bytes = 0, chars = 1;
	while (shown[bytes] && chars < err->pos) {
		bytes++;
		while ((shown[bytes] & 0xC0) == 0x80)
			bytes++;
		chars++;
	}
	char *line = text_for_locale(shown, strlen(shown));
	fprintf(stderr, "  %s\n  %*s^\n", line, (int)text_width(shown, bytes), "");
	free(line);
	free(shown);
}

/* ---- output formats ----------------------------------------------------------------------- */

void list_csv_row(FILE *f, int ncols, const char *const *values)
{
	for (int i = 0; i < ncols; i++) {
		if (i)
			fputc(',', f);
		put_csv(f, values[i] ? values[i] : "");
	}
	fputs("\r\n", f);
}

/* A cell a spreadsheet would run as a formula (=, +, -, @ first, after the sanitizing that
 * trims a leading tab) gets a leading apostrophe, which spreadsheets show as text. Plain
 * numbers (-4, +12, -33%) stay as they are. Returns clean or a new string (frees clean). */
static char *defuse_formula(char *clean)
{
	/* Spreadsheets skip the spaces before a formula too. */
	const char *first = clean + strspn(clean, " ");
	if (!*first || !strchr("=+-@", *first))
		return clean;
	const char *p = first + (*first == '+' || *first == '-');
	int digits = 0, number = *p != '\0';
	for (; *p && number; p++) {
		if (*p >= '0' && *p <= '9')
			digits = 1;
		else if (!(*p == '.' || *p == ',' || (*p == '%' && p[1] == '\0')))
			number = 0;
	}
	if (number && digits)
		return clean;
	char *safe = xasprintf("'%s", clean);
	free(clean);
	return safe;
}

static void put_csv(FILE *f, const char *v)
{
	char *clean = defuse_formula(text_sanitize(v, strlen(v), 1));
	if (!strpbrk(clean, ",\"\n\r")) {
		fputs(clean, f);
	} else {
		fputc('"', f);
		for (const char *p = clean; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	}
	free(clean);
}

static void put_tsv(FILE *f, const char *v)
{
	char *clean = defuse_formula(text_sanitize(v, strlen(v), 1));
	for (char *p = clean; *p; p++)
		if (*p == '\n')
			*p = ' ';
	fputs(clean, f);
	free(clean);
}

struct out {
	const struct list_options *o;
	int ncols;
	size_t *natural;   /* widest cell of each column (pass 1) */
	size_t *widths;    /* allotted cells of each column (pass 2) */
	const int *numeric;
	size_t rows;
	int pass;          /* 1 measure, 2 print */
};

static size_t cell_width(const char *v)
{
	char *clean = text_sanitize(v ? v : "", v ? strlen(v) : 0, 0);
	size_t w = text_strwidth(clean);
	free(clean);
	return w;
}

static int emit_row(void *ctx, int header, int ncols, const char *const *values)
{
	struct out *out = ctx;
	if (out->o->format != FORMAT_TABLE) {
		/* A byte order mark before the header, for spreadsheets that guess otherwise. */
		if (header && out->o->bom && out->o->format == FORMAT_CSV)
			fputs("\xEF\xBB\xBF", stdout);
		for (int i = 0; i < ncols; i++) {
			if (i)
				putchar(out->o->format == FORMAT_CSV ? ',' : '\t');
			if (out->o->format == FORMAT_CSV)
				put_csv(stdout, values[i] ? values[i] : "");
			else
				put_tsv(stdout, values[i] ? values[i] : "");
		}
		fputs(out->o->format == FORMAT_CSV ? "\r\n" : "\n", stdout);
		return ferror(stdout) ? -1 : 0;
	}
	if (out->pass == 1) {
		for (int i = 0; i < ncols; i++) {
			size_t w = cell_width(values[i]);
			if (w > out->natural[i])
				out->natural[i] = w;
		}
		out->rows += !header;
		return 0;
	}
	struct buf line = { 0 };
	for (int i = 0; i < ncols; i++) {
		const char *v = values[i] ? values[i] : "";
		char *clean = text_sanitize(v, strlen(v), 0);
		enum text_align align = out->numeric[i] && !header ? ALIGN_RIGHT : ALIGN_LEFT;
		char *cell = text_fit_pad(clean, out->widths[i], align, MARKER);
		if (i)
			buf_adds(&line, "  ");
		buf_adds(&line, cell);
		free(cell);
		free(clean);
	}
	/* The last column's padding is not needed on screen. */
	while (line.len && line.data[line.len - 1] == ' ')
		line.data[--line.len] = '\0';
	char *shown = text_for_locale(line.data ? line.data : "", line.len);
	puts(shown);
	free(shown);
	buf_free(&line);
	if (header) {
		size_t total = 0;
		for (int i = 0; i < ncols; i++)
			total += out->widths[i] + (i ? COLUMN_GAP : 0);
		for (size_t i = 0; i < total; i++)
			putchar('-');
		putchar('\n');
	}
	return ferror(stdout) ? -1 : 0;
}

/* Fits the columns into the width: the widest shrink first, down to their header's width
 * (or 4 cells), and if that is still too wide, down to one cell from the right. */
static void allot_widths(const size_t *natural, size_t *widths, const size_t *floor_w, int n,
			 size_t width)
{
	size_t total = 0;
	for (int i = 0; i < n; i++) {
		widths[i] = natural[i];
		total += widths[i] + (i ? COLUMN_GAP : 0);
	}
	while (total > width) {
		int widest = -1;
		for (int i = 0; i < n; i++)
			if (widths[i] > floor_w[i] && (widest < 0 || widths[i] > widths[widest]))
				widest = i;
		if (widest < 0)
			break;
		widths[widest]--;
		total--;
	}
	for (int i = n - 1; i >= 0 && total > width; i--) {
		while (widths[i] > 1 && total > width) {
			widths[i]--;
			total--;
		}
	}
}

static int terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Resolves --columns against the target's columns. Returns the count, or -1 after an error. */
/* Resolves --columns against the listing's columns. Returns the count, or -1 after an error. */
static int choose_columns(const struct listing *l, const char *spec, int *out, int max)
{
	const struct listing_column *cols = l->columns;
	int n = 0;
	if (!spec) {
		for (int i = 0; cols[i].name && n < max; i++)
			if (cols[i].shown)
				out[n++] = i;
		return n;
	}
	char *copy = xstrdup(spec), *save = NULL;
	for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		name = trim(name);
		int found = listing_column_index(l, name);
		if (found < 0 || n >= max) {
			struct buf all = { 0 };
			for (int i = 0; cols[i].name; i++)
				buf_printf(&all, "%s%s", i ? ", " : "", cols[i].name);
			diag_error(_("unknown column '%s' (columns: %s)"), name, all.data);
			buf_free(&all);
			free(copy);
			return -1;
		}
		out[n++] = found;
	}
	free(copy);
	return n;
}

static int list_issues(struct store *s, const struct list_options *o)
{
	struct out out = { .o = o };
	struct list_options csv = *o;
	if (o->format == FORMAT_TABLE)
		csv.format = FORMAT_TSV; /* issues are few and short: tab-separated */
	out.o = &csv;
	return store_list_issues(s, emit_row, &out) == 0 ? 0 : 1;
}

/* The followed entities, a row for each issue that holds any of their deals or articles. */
static int list_watch(struct store *s, int (*emit)(void *, int, int, const char *const *),
		      void *ctx)
{
	struct state_watch w;
	if (state_watch_read(s, &w) != 0)
		return -1;
	static const char *const header[] = { "kind", "name", "names", "issue", "date", "deals",
					      "amount_cny", "articles", "new" };
	emit(ctx, 1, 9, header);
	for (size_t e = 0; e < w.n; e++) {
		const struct state_entity *en = &w.entities[e];
		for (size_t i = 0; i < en->nissues; i++) {
			const struct state_issue_line *l = &en->issues[i];
			char issue[16], deals[24], amount[40] = "", articles[24];
			snprintf(issue, sizeof issue, "%d", l->number);
			snprintf(deals, sizeof deals, "%lld", l->deals);
			if (l->amounts)
				snprintf(amount, sizeof amount, "%.0f", l->amount);
			snprintf(articles, sizeof articles, "%lld", l->articles);
			const char *v[] = { state_kind_name(en->kind), en->name, en->names, issue,
					    l->date, deals, amount, articles, l->fresh ? "N" : "" };
			emit(ctx, 0, 9, v);
		}
		if (!en->nissues) {
			const char *v[] = { state_kind_name(en->kind), en->name, en->names, "", "",
					    "0", "", "0", "" };
			emit(ctx, 0, 9, v);
		}
	}
	state_watch_free(&w);
	return 0;
}

int list_run(struct store *s, const struct list_options *o)
{
	if (strcmp(o->what, "issues") == 0)
		return list_issues(s, o);
	if (strcmp(o->what, "starred") == 0 || strcmp(o->what, "watch") == 0) {
		struct out out = { .o = o };
		struct list_options tsv = *o;
		if (o->format == FORMAT_TABLE)
			tsv.format = FORMAT_TSV;
		out.o = &tsv;
		int rc = strcmp(o->what, "watch") == 0 ? list_watch(s, emit_row, &out)
						      : state_list_marked(s, emit_row, &out);
		if (rc != 0)
			diag_error(_("cannot read the reader's state: %s"), store_errmsg(s));
		return rc == 0 ? 0 : 1;
	}
	enum query_target target = (enum query_target)query_target_by_name(o->what);
	struct query q;
	struct query_error err;
	const char *filter = o->filter ? o->filter : "";
	if (query_parse(target, filter, strlen(filter), &q, &err) != 0) {
		report_filter_error("--filter", filter, &err);
		return 2;
	}
	struct sort_key keys[QUERY_MAX_SORT_KEYS];
	int nkeys = 0;
	if (o->sort && (nkeys = query_parse_sort(target, o->sort, keys, QUERY_MAX_SORT_KEYS,
						 &err)) < 0) {
		report_filter_error("--sort", o->sort, &err);
		query_free(&q);
		return 2;
	}
	int columns[64];
	const struct listing *l = listing_get(target);
	int ncols = choose_columns(l, o->columns, columns, 64);
	if (ncols < 0) {
		query_free(&q);
		return 2;
	}
	struct sql_stmt st;
	if (sqlgen_select(s, &q, keys, (size_t)nkeys, o->reverse, columns, (size_t)ncols, &st,
			  &err) != 0) {
		report_filter_error("--filter", filter, &err);
		query_free(&q);
		return 2;
	}
	query_free(&q);

	const struct listing_column *cols = l->columns;
	int numeric[64];
	size_t natural[64] = { 0 }, widths[64], floors[64];
	for (int i = 0; i < ncols; i++)
		numeric[i] = cols[columns[i]].align == ALIGN_RIGHT;
	struct out out = { .o = o, .ncols = ncols, .natural = natural, .widths = widths,
			   .numeric = numeric, .pass = 2 };
	int rc = 0;
	if (o->format == FORMAT_TABLE) {
		out.pass = 1;
		rc = store_run(s, &st, emit_row, &out);
		for (int i = 0; i < ncols; i++) {
			size_t head = text_strwidth(cols[columns[i]].name);
			floors[i] = head > 4 ? head : 4;
			if (floors[i] > natural[i])
				floors[i] = natural[i];
		}
		allot_widths(natural, widths, floors, ncols,
			     (size_t)(o->width > 0 ? o->width : terminal_width()));
		out.pass = 2;
	}
	if (rc == 0)
		rc = store_run(s, &st, emit_row, &out);
	sql_stmt_free(&st);
	if (rc != 0) {
		diag_error(_("cannot read the store: %s"), store_errmsg(s));
		return 1;
	}
	if (fflush(stdout) != 0) {
		diag_error(_("cannot write the listing: %s"), strerror(errno));
		return 1;
	}
	return 0;
}
