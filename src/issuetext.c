/* issuetext.c: an issue's published text (pdftotext's) back into a bundle. See issuetext.h. */
#include "config.h"

#include "issuetext.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>
#include <strings.h>
#include <time.h>
#include <unistr.h>

#include "amount.h"
#include "decode.h"
#include "diag.h"
#include "reader/pagelayout.h"
#include "reader/pdfwords.h"
#include "reader/reader.h"
#include "gazetteer.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* ---- the issue ---------------------------------------------------------------------------- */

static const struct {
	const char *name, *code;
} section_kinds[] = {
	{ "산업분석", "industry" }, { "투자분석", "investment" }, { "정책소개", "policy" },
	{ "지역소개", "region" },   { "정책분석", "policy" },     { "지역분석", "region" },
	{ "뉴스", "news" },         { "KIC 소식", "kic" },
};

static void add_file(struct bundle *b, const char *name, char *text)
{
	b->files = xrealloc(b->files, (b->count + 1) * sizeof *b->files);
	b->files[b->count++] = (struct bundle_file){ xstrdup(name), text, strlen(text) };
}

/* Curly single quotes in a title are the plain one; a closing quote the title never opened
 * is opened where the body quotes the same words. */
static char *mend_title(struct reader *r, const char *title, size_t from, size_t to,
			size_t line)
{
	struct buf b = { 0 };
	int opened = 0;
	for (const char *p = title; *p;) {
		if (starts(p, "‘")) {
			buf_addc(&b, '\'');
			opened = 1;
			p += strlen("‘");
		} else if (starts(p, "’")) {
			if (!opened && b.len) {
				/* The words before it, back to a space or a comma. */
				size_t end = b.len, start = end;
				while (start > 0 && b.data[start - 1] != ' ' && b.data[start - 1] != ',')
					start--;
				char *words = xstrndup(b.data + start, end - start);
				char *quoted = xasprintf("‘%s’", words);
				int found = 0;
				for (size_t k = from; k < to && !found; k++)
					found = strstr(r->f[k].text, quoted) != NULL;
				if (found && *words) {
					char *rest = xstrdup(b.data + start);
					b.len = start;
					buf_addc(&b, '\'');
					buf_adds(&b, rest);
					free(rest);
					reader_warn(r, line, _("the title closes a quote it never opens: opened "
							"before '%s', as the text quotes it"),
					     words);
				}
				free(words);
				free(quoted);
			}
			buf_addc(&b, '\'');
			opened = 0;
			p += strlen("’");
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_take(&b);
}

static void write_article(struct reader *r, struct article *a)
{
	char *source_note = NULL;
	char *body = body_of(r, a->from, a->to, &source_note);
	struct buf b = { 0 };
	char *title = mend_title(r, a->title, a->from, a->to, a->line);
	title = repair_letters(r, a->line, title);
	buf_printf(&b, "Title: %s\nSection: %s\n", title, a->section);
	if (a->date[0])
		buf_printf(&b, "Date: %s\n", a->date);
	/* The source: the note "(출처: X)" and the reference that names X, else the first. */
	const struct ref *ref = NULL;
	for (size_t i = 0; i < a->refs.count; i++) {
		if (source_note && starts(a->refs.items[i].source, source_note)) {
			ref = &a->refs.items[i];
			break;
		}
	}
	if (!ref && !source_note && a->refs.count)
		ref = &a->refs.items[0];
	if (ref)
		buf_printf(&b, "Source: %s\n", ref->source);
	else if (source_note)
		buf_printf(&b, "Source: %s\n", source_note);
	else if (a->source)
		buf_printf(&b, "Source: %s\n", a->source);
	for (size_t i = 0; i < a->refs.count; i++) {
		/* A news item keeps the reference its note names; an analysis all of its own. */
		const struct ref *x = &a->refs.items[i];
		if (!ref || x == ref || !source_note)
			buf_printf(&b, "Ref: %s <%s>\n", x->label, x->url);
	}
	buf_printf(&b, "\n%s\n", body);
	char name[64];
	snprintf(name, sizeof name, "articles/%02d-%s.md", ++r->articles, a->section);
	add_file(r->out, name, buf_take(&b));
	free(body);
	free(title);
	free(source_note);
}

static void free_article(struct article *a)
{
	free(a->title);
	free(a->source);
	free_refs(&a->refs);
}

/* The year and month of "2025 년 1 월" in s, as YYYY-MM. */
static int find_year_month(const char *s, char *out)
{
	struct caps c;
	if (!pat_find(s, s, "# 년 # 월", &c, NULL) || c.num[0] < 1990 || c.num[1] < 1 || c.num[1] > 12)
		return 0;
	snprintf(out, 8, "%04d-%02d", (int)c.num[0], (int)c.num[1]);
	return 1;
}

/* The date an article leads with: "3 월 26 일" in its first paragraph. */
static void lead_date(struct reader *r, struct article *a, int whole)
{
	size_t to = a->from;
	while (to < a->to && (whole || !(r->f[to].space && ends_sentence(&r->f[to]))))
		to++;
	if (to < a->to)
		to++;
	char *lead = join_frags(r, a->from, to, NULL);
	int year = r->latest[0] ? atoi(r->latest) : 0;
	find_month_day(lead, year, a->date);
	free(lead);
}

int issuetext_recognise(const char *text, size_t len)
{
	int footer = 0;
	size_t sections = 0, refs = 0;
	const char *p = text, *end = text + len;
	while (p < end && !footer) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		char *s = xstrndup(p, (size_t)(e - p));
		char *t = trim(s), kind[32];
		const char *title;
		footer = footer_number(t) > 0;
		if (section_heading(t, kind, sizeof kind, &title))
			sections++;
		if (strcmp(t, "참고자료") == 0)
			refs++;
		free(s);
		p = nl ? nl + 1 : end;
	}
	return footer || (sections && refs);
}

static void monday_after(const char *date, char *out)
{
	struct tm tm = { 0 };
	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8) + 1;
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	while (tm.tm_wday != 1) {
		t += 86400;
		gmtime_r(&t, &tm);
	}
	iso_date(out, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Whether a PDF's table is one the reader takes by its cells: deals or events. */
static int grid_is_read(const struct grid *g)
{
	int mapped = 0, name = g->ncols > 0 && label_col(g->labels[0]) == C_NAME;
	int events = 0;
	for (int c = 0; c < g->ncols; c++) {
		mapped += label_col(g->labels[c]) >= 0;
		events += strcmp(g->labels[c], "기간") == 0 || strcmp(g->labels[c], "장소") == 0;
	}
	return (name && mapped >= 4 && mapped == g->ncols) ||
	       (events == 2 && strcmp(g->labels[0], "명칭") == 0);
}

static int read_issue(struct reader *rp, const struct issuetext_options *opt,
		      struct bundle *out);

int issuetext_read(const char *path, const char *text, size_t len,
		   const struct issuetext_options *opt, struct bundle *out)
{
	memset(out, 0, sizeof *out);
	struct reader r = { .path = path, .out = out };
	split_lines(&r, text, len);
	return read_issue(&r, opt, out);
}

int issuetext_read_pdf(const char *path, const struct issuetext_options *opt, struct bundle *out)
{
	memset(out, 0, sizeof *out);
	struct pdf_doc doc;
	if (pdf_words_read(path, &doc) != 0)
		return -1;
	struct layout lay;
	layout_build(&doc, &lay);
	pdf_doc_free(&doc);
	struct buf all = { 0 };
	for (size_t i = 0; i < lay.count; i++)
		buf_printf(&all, "%s\n", lay.lines[i].text);
	int issue = issuetext_recognise(all.data ? all.data : "", all.len);
	buf_free(&all);
	if (!issue) {
		layout_free(&lay);
		return 1;
	}
	struct reader r = { .path = path, .out = out, .pdf = 1 };
	for (size_t i = 0; i < lay.count; i++) {
		const struct layout_line *l = &lay.lines[i];
		size_t line = (size_t)l->page * PDF_LINES + (size_t)l->line;
		if (!l->grid || grid_is_read(l->grid)) {
			push_frag(&r, l->text, l->space, line, l->grid);
			continue;
		}
		/* Another table (an article's): drawn as a table in the article, its header and
		 * rows as Markdown pipe rows. */
		const struct grid *g = l->grid;
		for (size_t row = 0; row <= g->nrows; row++) {
			struct buf b = { 0 };
			buf_adds(&b, "|");
			for (int c = 0; c < g->ncols; c++) {
				const char *v = row == 0 ? g->labels[c]
							 : g->cells[(row - 1) * (size_t)g->ncols + (size_t)c];
				buf_addc(&b, ' ');
				for (; *v; v++) /* a bar in a cell is not a column's end */
					buf_addc(&b, *v == '|' ? '/' : *v);
				buf_adds(&b, " |");
			}
			char *t = buf_take(&b);
			push_frag(&r, t, 1,
				  row ? (size_t)g->row_page[row - 1] * PDF_LINES + (size_t)g->row_line[row - 1]
				      : line,
				  NULL);
			r.f[r.n - 1].table_row = 1;
			free(t);
		}
	}
	int rc = read_issue(&r, opt, out);
	layout_free(&lay);
	return rc;
}

char *issuetext_pdf_layout(const char *path)
{
	struct pdf_doc doc;
	if (pdf_words_read(path, &doc) != 0)
		return NULL;
	struct layout lay;
	layout_build(&doc, &lay);
	pdf_doc_free(&doc);
	char *text = layout_dump(&lay);
	layout_free(&lay);
	return text;
}

int issuetext_read_file(const char *path, const char *encoding,
			const struct issuetext_options *opt, struct bundle *out)
{
	memset(out, 0, sizeof *out);
	size_t n = strlen(path);
	if (n > 4 && strcasecmp(path + n - 4, ".pdf") == 0)
		return issuetext_read_pdf(path, opt, out);
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("not a regular file: jubo reads an issue's text from a file"));
		return -1;
	}
	char *bytes;
	size_t len;
	if (read_file(path, &bytes, &len) != 0) {
		diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return -1;
	}
	struct textpos pos;
	char *msg = NULL;
	size_t tlen;
	char *text = decode_to_utf8(bytes, len, encoding, &tlen, &pos, &msg);
	free(bytes);
	if (!text) {
		diag_error_at(path, pos, "%s", msg);
		free(msg);
		return -1;
	}
	if (!issuetext_recognise(text, tlen)) {
		free(text);
		return 1;
	}
	int rc = issuetext_read(path, text, tlen, opt, out);
	free(text);
	return rc;
}

/* Reads the issue from the reader's lines (and takes them over). */
/* What the reader gathers of an issue, step by step (read_issue). */
struct issue_parts {
	struct reader r;
	size_t *heads, nheads;      /* the numbered sections' headings */
	struct deals deals;
	struct article *arts;
	size_t narts;
	struct refs news_refs;
	size_t after;               /* where what follows the last references begins */
	size_t invest_from, invest_to; /* the investment analysis's text */
};

/* The numbered sections ("2. [투자분석] ..."): where each begins. */
static void find_sections(struct issue_parts *p)
{
	/* Numbered sections, and where each one's references end. */
	for (size_t k = 0; k < p->r.n; k++) {
		char kind[32];
		const char *title;
		if (section_heading(p->r.f[k].text, kind, sizeof kind, &title)) {
			p->heads = xrealloc(p->heads, (p->nheads + 1) * sizeof *p->heads);
			p->heads[p->nheads++] = k;
		}
	}
}

/* Every table of deals, each up to the next section. */
static void read_tables(struct issue_parts *p)
{
	/* Tables of p->deals, wherever they are. */
	for (size_t k = 0; k < p->r.n; k++) {
		if (p->r.f[k].used || !(starts(p->r.f[k].text, "기업 명칭") || starts(p->r.f[k].text, "기업명")))
			continue;
		const char *caption = NULL;
		for (size_t b = k; b > 0 && b + 4 > k; b--) {
			const char *s = p->r.f[b - 1].text;
			if (starts(s, "도표") || starts(s, "◼")) {
				caption = s;
				break;
			}
		}
		size_t limit = p->r.n;
		for (size_t h = 0; h < p->nheads; h++)
			if (p->heads[h] > k) {
				limit = p->heads[h];
				break;
			}
		read_deal_table(&p->r, k, limit, caption, &p->deals);
	}
}

static void read_news(struct issue_parts *p)
{
	/* The news: "◼" headings before the first section, and their references. */
	size_t news_end = p->nheads ? p->heads[0] : p->r.n;
	size_t ref_at = news_end;
	for (size_t k = 0; k < news_end; k++)
		if (strcmp(p->r.f[k].text, "참고자료") == 0) {
			ref_at = k;
			break;
		}
	size_t news_body_end = news_end;
	if (ref_at < news_end) {
		news_body_end = read_refs(&p->r, 0, ref_at, &p->news_refs);
		p->r.f[ref_at].used = 1;
		for (size_t k = ref_at + 1; k < news_end && is_url(p->r.f[k].text); k++)
			p->r.f[k].used = 1;
		p->after = ref_at + 1;
	}
	for (size_t k = 0; k < news_body_end; k++) {
		if (!starts(p->r.f[k].text, "◼") || p->r.f[k].used)
			continue;
		size_t e = k + 1;
		while (e < news_body_end && !(starts(p->r.f[e].text, "◼") && !p->r.f[e].used))
			e++;
		struct article a = { 0 };
		a.title = xstrdup(p->r.f[k].text + strlen("◼"));
		trim(a.title);
		a.section = "news";
		a.from = k + 1;
		a.to = e;
		a.line = p->r.f[k].line;
		p->r.f[k].used = 1;
		p->arts = xrealloc(p->arts, (p->narts + 1) * sizeof *p->arts);
		p->arts[p->narts++] = a;
		k = e - 1;
	}
	/* Each news item's reference is the one its note "(출처: X)" names; body_of finds the
	 * note, so every item gets the whole list and write_article picks. */
	for (size_t i = 0; i < p->narts; i++) {
		p->arts[i].refs.items = xmalloc((p->news_refs.count + 1) * sizeof *p->news_refs.items);
		for (size_t j = 0; j < p->news_refs.count; j++) {
			p->arts[i].refs.items[j] = p->news_refs.items[j];
			p->arts[i].refs.items[j].source = xstrdup(p->news_refs.items[j].source);
			p->arts[i].refs.items[j].label = xstrdup(p->news_refs.items[j].label);
			p->arts[i].refs.items[j].url = xstrdup(p->news_refs.items[j].url);
		}
		p->arts[i].refs.count = p->news_refs.count;
	}
}

static void read_sections(struct issue_parts *p)
{
	/* The numbered sections. */
	for (size_t h = 0; h < p->nheads; h++) {
		size_t k = p->heads[h], limit = h + 1 < p->nheads ? p->heads[h + 1] : p->r.n;
		char kind[32];
		const char *title;
		section_heading(p->r.f[k].text, kind, sizeof kind, &title);
		struct article a = { 0 };
		a.title = xstrdup(title);
		a.line = p->r.f[k].line;
		a.section = NULL;
		for (size_t i = 0; i < sizeof section_kinds / sizeof section_kinds[0]; i++)
			if (strcmp(kind, section_kinds[i].name) == 0)
				a.section = section_kinds[i].code;
		if (!a.section) {
			reader_warn(&p->r, a.line, _("unknown section [%s]: imported as news"), kind);
			a.section = "news";
		}
		p->r.f[k].used = 1;
		size_t rk = limit;
		for (size_t j = k + 1; j < limit; j++)
			if (strcmp(p->r.f[j].text, "참고자료") == 0) {
				rk = j;
				break;
			}
		a.from = k + 1;
		a.to = rk;
		if (rk < limit) {
			a.to = read_refs(&p->r, k + 1, rk, &a.refs);
			p->r.f[rk].used = 1;
			size_t j = rk + 1;
			while (j < limit && is_url(p->r.f[j].text))
				p->r.f[j++].used = 1;
			p->after = j;
		} else {
			p->after = limit;
		}
		if (a.refs.count && a.refs.items[0].date[0])
			memcpy(a.date, a.refs.items[0].date, 11);
		if (strcmp(a.section, "investment") == 0 && !p->r.period[0]) {
			find_year_month(a.title, p->r.period);
			p->invest_from = a.from;
			p->invest_to = a.to;
		}
		/* The last section's own text ends at its references; what follows is apart. */
		p->arts = xrealloc(p->arts, (p->narts + 1) * sizeof *p->arts);
		p->arts[p->narts++] = a;
		if (h + 1 == p->nheads)
			break;
	}
}

static void read_kic_and_events(struct issue_parts *p)
{
	/* After the last references: KIC's news, then the events. */
	size_t ev = p->r.n;
	for (size_t k = p->after; k < p->r.n; k++)
		if (events_header(&p->r, k)) {
			ev = k;
			break;
		}
	{
		size_t k = p->after;
		while (k < ev && p->r.f[k].used)
			k++;
		if (k < ev) {
			struct article a = { 0 };
			a.title = xstrdup(p->r.f[k].text);
			a.line = p->r.f[k].line;
			p->r.f[k].used = 1;
			a.section = "news";
			for (size_t j = k + 1; j < ev; j++)
				if (strcmp(p->r.f[j].text, "KIC 중국 뉴스") == 0 ||
				    strcmp(p->r.f[j].text, "KIC 뉴스") == 0) {
					p->r.f[j].used = 1;
					a.section = "kic";
					if (!a.source) /* the label may be on every page */
						a.source = xstrdup("KIC 중국");
				}
			a.from = k + 1;
			a.to = ev;
			p->arts = xrealloc(p->arts, (p->narts + 1) * sizeof *p->arts);
			p->arts[p->narts++] = a;
		}
	}
	if (ev < p->r.n)
		read_events(&p->r, ev, p->r.n);
}

static void date_articles(struct issue_parts *p)
{
	/* Dates: the news lead with theirs; the year is the latest reference's. */
	for (size_t i = 0; i < p->narts; i++)
		note_date(&p->r, p->arts[i].date);
	for (size_t i = 0; i < p->narts; i++) {
		struct article *a = &p->arts[i];
		if (a->date[0])
			continue;
		lead_date(&p->r, a, strcmp(a->section, "kic") == 0);
		if (!a->date[0] && strcmp(a->section, "kic") == 0 && p->r.latest[0]) {
			/* "28 일 오전": a day of the month of the issue's latest source. */
			char *all = join_frags(&p->r, a->from, a->to, NULL);
			struct caps c;
			const char *at = pat_find(all, all, " # 일 ", &c, NULL);
			if (at && c.num[0] >= 1 && c.num[0] <= 31) {
				snprintf(a->date, sizeof a->date, "%.7s-%02d", p->r.latest, (int)c.num[0]);
				reader_warn(&p->r, a->line,
				     _("the article gives only the day ('%s 일'): dated %s, in the month "
				       "of the issue's latest source"),
				     c.numtext[0], a->date);
			}
			free(all);
		}
	}
	for (size_t i = 0; i < p->narts; i++)
		note_date(&p->r, p->arts[i].date);
}

/* The month of the deals and statistics, the statistics, the deals as CSV. */
static void read_figures(struct issue_parts *p)
{
	if (!p->r.period[0] && p->r.latest[0]) {
		snprintf(p->r.period, sizeof p->r.period, "%.7s", p->r.latest);
		if (p->deals.count)
			reader_warn(&p->r, 0, _("no month for the deals and statistics: took %s, the issue's"),
			     p->r.period);
	}
	/* The statistics of the investment analysis. */
	if (p->invest_to > p->invest_from) {
		/* Its text without the tables, as one span over the unused lines. */
		size_t *idx = xmalloc((p->invest_to - p->invest_from) * sizeof *idx);
		size_t m = 0;
		for (size_t k = p->invest_from; k < p->invest_to; k++)
			if (!p->r.f[k].used)
				idx[m++] = k;
		struct reader sub = p->r;
		sub.f = xmalloc((m ? m : 1) * sizeof *sub.f);
		for (size_t i = 0; i < m; i++)
			sub.f[i] = p->r.f[idx[i]];
		sub.n = m;
		struct span sp;
		span_init(&sp, &sub, 0, m);
		sub.stats = p->r.stats;
		read_stats(&sub, &sp);
		p->r.stats = sub.stats;
		p->r.warnings = sub.warnings;
		p->r.msgs = sub.msgs;
		p->r.nmsgs = sub.nmsgs;
		p->r.summary = sub.summary;
		span_free(&sp);
		free(sub.f);
		free(idx);
	}
	mend_investors(&p->deals);
	if (p->deals.count)
		write_deals(&p->r, &p->deals);
	for (size_t i = 0; i < p->deals.count; i++)
		free_deal(&p->deals.items[i]);
	free(p->deals.items);
}

/* The bundle: issue.txt with the issue's date, the articles, the tables. Returns 0, or -1
 * after an error when nothing dates the issue. */
static int write_issue(struct issue_parts *p, int number, const struct issuetext_options *opt,
		       struct bundle *out)
{
	const char *path = p->r.path;
	/* The issue. */
	out->number = number;
	if (opt && opt->date) {
		snprintf(out->date, sizeof out->date, "%s", opt->date);
	} else if (p->r.latest[0]) {
		monday_after(p->r.latest, out->date);
		out->date_estimated = 1;
		reader_warn(&p->r, 0, _("the issue prints no date: dated %s, the Monday after its latest dated "
			      "item (%s); --date sets it"),
		     out->date, p->r.latest);
	} else {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("no date in the issue to date it by: give it with --date YYYY-MM-DD"));
		for (size_t i = 0; i < p->narts; i++)
			free_article(&p->arts[i]);
		free(p->arts);
		free(p->heads);
		free_refs(&p->news_refs);
		return -1;
	}
	struct buf issue = { 0 };
	buf_printf(&issue, "number: %d\ntitle: 주간 중국창업\npublisher: KIC China\ndate: %s\n",
		   number, out->date);
	if (out->date_estimated)
		buf_printf(&issue, "note: 발행일이 인쇄되어 있지 않아 가장 늦은 날짜(%s) 다음 월요일로 정함\n",
			   p->r.latest);
	add_file(out, "issue.txt", buf_take(&issue));
	for (size_t i = 0; i < p->narts; i++) {
		write_article(&p->r, &p->arts[i]);
		free_article(&p->arts[i]);
	}
	free(p->arts);
	free(p->heads);
	free_refs(&p->news_refs);
	if (p->r.deals.len)
		add_file(out, "deals.csv", buf_take(&p->r.deals));
	if (p->r.events.len)
		add_file(out, "events.csv", buf_take(&p->r.events));
	if (p->r.stats.len)
		add_file(out, "stats.csv", buf_take(&p->r.stats));
	return 0;
}

static int read_issue(struct reader *rp, const struct issuetext_options *opt,
		      struct bundle *out)
{
	struct reader r = *rp;
	const char *path = r.path;
	int quiet = opt && opt->quiet;
	int number = opt && opt->number ? opt->number : r.number;
	if (!number) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("no page footer names the issue (such as '주간 중국창업 418 호 【11】'): "
				"give its number with --issue N"));
		goto fail;
	}
	if (opt && opt->number && r.number && opt->number != r.number)
		reader_warn(&r, r.number_line, _("the footers name issue %d; imported as %d (--issue)"),
		     r.number, opt->number);

	drop_repeated_headers(&r);
	struct issue_parts parts = { .r = r };
	find_sections(&parts);
	read_tables(&parts);
	read_news(&parts);
	read_sections(&parts);
	read_kic_and_events(&parts);
	date_articles(&parts);
	read_figures(&parts);
	int dated = write_issue(&parts, number, opt, out);
	r = parts.r;
	if (dated != 0)
		goto fail;
	out->warnings = r.warnings;
	flush_warnings(&r, quiet);
	if (getenv("JUBO_READER_WORK"))
		fprintf(stderr, "jubo: %s: the reader joined %llu bytes\n", path, reader_work());
	print_summary(&r, quiet);
	for (size_t k = 0; k < r.n; k++)
		free(r.f[k].text);
	free(r.f);
	return 0;
fail:
	flush_warnings(&r, quiet);
	buf_free(&r.summary);
	for (size_t k = 0; k < r.n; k++)
		free(r.f[k].text);
	free(r.f);
	buf_free(&r.deals);
	buf_free(&r.events);
	buf_free(&r.stats);
	bundle_free(out);
	return -1;
}

void bundle_free(struct bundle *b)
{
	for (size_t i = 0; i < b->count; i++) {
		free(b->files[i].name);
		free(b->files[i].text);
	}
	free(b->files);
	b->files = NULL;
	b->count = 0;
}

/* ---- writing, and PDF ---------------------------------------------------------------------- */

static int write_whole(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	return close(fd);
}

/* Removes a directory written by bundle_write and what is in it (files and articles/). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = xasprintf("%s/%s", dir, e->d_name);
			struct stat st;
			if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
				remove_tree(p);
			else
				unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

static int dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	int empty = 1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

int bundle_write(const struct bundle *b, const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			diag_error_at(dir, (struct textpos){ 0, 0 }, "%s", strerror(ENOTDIR));
			return -1;
		}
		int empty = dir_is_empty(dir);
		if (empty < 0) {
			diag_error_at(dir, (struct textpos){ 0, 0 }, "%s", strerror(errno));
			return -1;
		}
		if (!empty) {
			diag_error_at(dir, (struct textpos){ 0, 0 },
				      _("this directory holds files already: name a new or empty one"));
			return -1;
		}
	}
	/* Written whole beside it, then renamed into its place: a full disk or a kill leaves
	 * no half-written bundle under the name asked for. */
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	char *tmp = xasprintf("%.*s.tmp-XXXXXX", (int)n, dir);
	if (!mkdtemp(tmp)) {
		diag_error_at(dir, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		free(tmp);
		return -1;
	}
	chmod(tmp, 0755);
	char *articles = xasprintf("%s/articles", tmp);
	int rc = mkdir(articles, 0755) == 0 ? 0 : -1;
	if (rc != 0)
		diag_error_at(dir, (struct textpos){ 0, 0 }, "%s", strerror(errno));
	free(articles);
	for (size_t i = 0; i < b->count && rc == 0; i++) {
		char *path = xasprintf("%s/%s", tmp, b->files[i].name);
		if (write_whole(path, b->files[i].text, b->files[i].len) != 0) {
			char *shown = xasprintf("%s/%s", dir, b->files[i].name);
			diag_error_at(shown, (struct textpos){ 0, 0 }, "%s", strerror(errno));
			free(shown);
			rc = -1;
		}
		free(path);
	}
	/* rename() takes the place of an empty directory. */
	if (rc == 0 && rename(tmp, dir) != 0) {
		diag_error_at(dir, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		remove_tree(tmp);
	free(tmp);
	return rc;
}

int issuetext_file_is_published(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	char *bytes;
	size_t len;
	if (read_file(path, &bytes, &len) != 0)
		return 0;
	struct textpos pos;
	char *msg = NULL;
	size_t tlen;
	char *text = decode_to_utf8(bytes, len, NULL, &tlen, &pos, &msg);
	free(bytes);
	free(msg);
	int yes = text && issuetext_recognise(text, tlen);
	free(text);
	return yes;
}

int issuetext_is_candidate(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	size_t n = strlen(base);
	if (n > 4 && strcasecmp(base + n - 4, ".pdf") == 0)
		return 1;
	return n > 4 && strcasecmp(base + n - 4, ".txt") == 0 && strcasecmp(base, "issue.txt") != 0;
}
