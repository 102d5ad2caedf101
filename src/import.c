/* import.c: reading bundles, articles and CSV tables into the store. */
#include "config.h"

#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "amount.h"
#include "csv.h"
#include "date.h"
#include "decode.h"
#include "diag.h"
#include "i18n.h"
#include "issuetext.h"
#include "util.h"

/* What a file holds, in the order a bundle is imported: places and rates before the deals
 * that refer to them, the issue before what belongs to it. */
enum file_kind {
	FILE_PLACES,
	FILE_RATES,
	FILE_ISSUE,
	FILE_ARTICLE,
	FILE_CSV,      /* recognised by its header when read */
	FILE_DEALS,
	FILE_EVENTS,
	FILE_STATS,
};

struct input {
	char *path;
	enum file_kind kind;
	size_t group;  /* the bundle it belongs to: each bundle is imported whole, in turn */
	size_t order;  /* position in the command line, to keep the sort stable */
	char *text;    /* a file of a bundle read from an issue's text: what it holds */
	size_t len;
};

struct import {
	struct store *store;
	const struct import_options *opt;
	struct import_counts *counts;
	long long issue_id;   /* the issue files are added to; 0 before one is known */
	int issue_number;
	char issue_period[8]; /* YYYY-MM of the issue's date */
	int article_seq;      /* last sequence numbers used in this issue */
	int deal_seq;
	int event_seq;
	int cleared[4];       /* parts of the issue already cleared for --replace */
	int issue_is_new;     /* the issue was created (or re-created) by this import */
	/* The currencies whose rates this import changed, each with the earliest period it
	 * changed: the deals already in the store that those changes reach are converted
	 * again at the end (a rates file that says what the store holds changes nothing). */
	struct rate_change {
		char currency[8];
		char since[8];
	} *rate_changes;
	size_t nrate_changes;
	long long deals_before_rates;  /* the last deal id when the rates last changed */
	const struct input *current;   /* the file being imported */
	size_t file_number;   /* of file_count, for the progress line */
	size_t file_count;
};

/* ---- files ----------------------------------------------------------------------------- */

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int kind_of_name(const char *name, enum file_kind *kind)
{
	static const struct {
		const char *name;
		enum file_kind kind;
	} names[] = {
		{ "issue.txt", FILE_ISSUE },   { "places.csv", FILE_PLACES },
		{ "rates.csv", FILE_RATES },   { "deals.csv", FILE_DEALS },
		{ "events.csv", FILE_EVENTS }, { "stats.csv", FILE_STATS },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			*kind = names[i].kind;
			return 1;
		}
	}
	if (has_suffix(name, ".md")) {
		*kind = FILE_ARTICLE;
		return 1;
	}
	if (has_suffix(name, ".csv")) {
		*kind = FILE_CSV;
		return 1;
	}
	return 0;
}

struct input_list {
	struct input *items;
	size_t count, cap;
	size_t group;        /* the group of the files added now */
	size_t loose_group;  /* the group of files named one by one, 0 until there is one */
	size_t groups;       /* groups handed out so far */
	const struct import_options *opt;
	int warnings;        /* printed while reading an issue's text */
};

static void add_input(struct input_list *l, const char *path, enum file_kind kind)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->count] = (struct input){ xstrdup(path), kind, l->group, l->count, NULL, 0 };
	l->count++;
}

/* An issue's text (or its PDF) as the bundle it holds: one group of files in memory, each
 * named "PATH[deals.csv]" in messages. Returns 0, 1 when the file is not an issue's text,
 * or -1 after reporting. */
static int collect_issue_text(struct input_list *l, const char *path)
{
	struct issuetext_options io = { l->opt->date, l->opt->issue_number, l->opt->quiet };
	struct bundle b;
	int rc = issuetext_read_file(path, l->opt->encoding, &io, &b);
	if (rc != 0)
		return rc;
	l->warnings += b.warnings;
	l->group = ++l->groups;
	for (size_t i = 0; i < b.count; i++) {
		enum file_kind kind = FILE_ARTICLE;
		const char *name = b.files[i].name;
		if (strncmp(name, "articles/", 9) != 0)
			kind_of_name(name, &kind);
		char *label = xasprintf("%s[%s]", path, name);
		add_input(l, label, kind);
		free(label);
		l->items[l->count - 1].text = b.files[i].text;
		l->items[l->count - 1].len = b.files[i].len;
		b.files[i].text = NULL;
	}
	bundle_free(&b);
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the files of dir with the given suffix (sorted by name) or, with suffix NULL, the
 * bundle's known files. */
static int add_dir(struct input_list *l, const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, compare_names);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct stat st;
		enum file_kind kind = FILE_ARTICLE;
		int known = suffix ? has_suffix(names[i], suffix)
				   : kind_of_name(names[i], &kind) && kind != FILE_ARTICLE;
		if (known && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			add_input(l, path, suffix ? FILE_ARTICLE : kind);
		} else if (known && rc == 0) {
			/* A bundle's file that cannot be read as a file (a link to /dev/zero, a
			 * FIFO) is an error, not a file left out without a word. */
			diag_error_at(path, (struct textpos){ 0, 0 },
				      _("not a regular file (a device, a FIFO or a socket): jubo imports "
					"files"));
			rc = -2;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int collect(struct input_list *l, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		char *issue = xasprintf("%s/issue.txt", path);
		int is_bundle = access(issue, R_OK) == 0;
		free(issue);
		if (!is_bundle) {
			diag_error_at(path, (struct textpos){ 0, 0 },
				      _("not an issue bundle: expected an issue.txt in it"));
			return -1;
		}
		/* A bundle is one issue: its files go in together, after the bundles before it. */
		l->group = ++l->groups;
		int rc = add_dir(l, path, NULL);
		if (rc == 0) {
			char *articles = xasprintf("%s/articles", path);
			rc = stat(articles, &st) == 0 && S_ISDIR(st.st_mode) ? add_dir(l, articles, ".md")
									     : 0;
			free(articles);
		}
		if (rc == -2)
			return -1; /* reported */
		if (rc != 0)
			goto unreadable;
		return 0;
	}
	enum file_kind kind;
	/* The issue's published text saved as issue.txt is that, not a bundle's header. */
	if (strcmp(base_name(path), "issue.txt") == 0 && issuetext_file_is_published(path)) {
		int rc = collect_issue_text(l, path);
		if (rc <= 0)
			return rc;
	}
	if (!kind_of_name(base_name(path), &kind) && issuetext_is_candidate(path)) {
		int rc = collect_issue_text(l, path);
		if (rc <= 0)
			return rc;
	}
	if (!kind_of_name(base_name(path), &kind)) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("cannot tell what this file holds: expected issue.txt, an article "
				"(.md), a table (.csv), or an issue's text (.txt, .pdf) with its page "
				"footers and sections"));
		return -1;
	}
	/* Files named one by one make one group together, in the place of the first. */
	if (!l->loose_group)
		l->loose_group = ++l->groups;
	l->group = l->loose_group;
	add_input(l, path, kind);
	return 0;
unreadable:
	diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
	return -1;
}

static int compare_inputs(const void *a, const void *b)
{
	const struct input *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	/* Within a bundle, a CSV recognised later by its header is a deals, events or stats table: keep it with
	 * them, after the issue and articles. */
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Reads and decodes a file. Returns the text or NULL after reporting. */
static char *load(struct import *im, const char *path, size_t *len)
{
	char *bytes;
	size_t n;
	if (im->current && im->current->text && strcmp(path, im->current->path) == 0) {
		*len = im->current->len;
		char *copy = xmalloc(*len + 1);
		memcpy(copy, im->current->text, *len);
		copy[*len] = '\0';
		return copy;
	}
	if (read_file(path, &bytes, &n) != 0) {
		if (errno == ENODEV)
			diag_error_at(path, (struct textpos){ 0, 0 },
				      _("not a regular file (a device, a FIFO or a socket): jubo imports "
					"files"));
		else
			diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return NULL;
	}
	struct textpos pos;
	char *msg = NULL;
	char *text = decode_to_utf8(bytes, n, im->opt->encoding, len, &pos, &msg);
	free(bytes);
	if (!text) {
		diag_error_at(path, pos, "%s", msg);
		free(msg);
	}
	return text;
}

/* ---- the issue ------------------------------------------------------------------------- */

static int db_error(const char *path, struct import *im)
{
	diag_error_at(path, (struct textpos){ 0, 0 }, _("cannot write the store: %s"),
		      store_errmsg(im->store));
	return -1;
}

static void reset_issue(struct import *im, long long id, int number, const char *date)
{
	im->issue_id = id;
	im->issue_number = number;
	snprintf(im->issue_period, sizeof im->issue_period, "%.7s", date);
	im->article_seq = im->deal_seq = im->event_seq = 0;
	memset(im->cleared, 0, sizeof im->cleared);
	/* Deals are one deal within an issue: what the last issue's tables held is forgotten. */
	store_forget_seen_deals(im->store);
}

/* Makes the issue named by --issue current, for single files. */
static int use_issue_option(struct import *im, const char *path)
{
	long long id;
	int found = store_find_issue(im->store, im->opt->issue_number, &id);
	if (found < 0)
		return db_error(path, im);
	if (!found) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("there is no issue %d in the store: import its issue.txt first"),
			      im->opt->issue_number);
		return -1;
	}
	char date[11];
	if (store_issue_date(im->store, id, date) != 0)
		return db_error(path, im);
	reset_issue(im, id, im->opt->issue_number, date);
	im->issue_is_new = 0;
	/* New rows follow the ones the issue already has. */
	if (store_max_seq(im->store, id, PART_ARTICLES, &im->article_seq) != 0 ||
	    store_max_seq(im->store, id, PART_DEALS, &im->deal_seq) != 0 ||
	    store_max_seq(im->store, id, PART_EVENTS, &im->event_seq) != 0)
		return db_error(path, im);
	return 0;
}

static int need_issue(struct import *im, const char *path)
{
	if (im->issue_id)
		return 0;
	if (im->opt->issue_number > 0)
		return use_issue_option(im, path);
	diag_error_at(path, (struct textpos){ 0, 0 },
		      _("no issue to add this file to: import it with its issue.txt, or name the "
			"issue with --issue N"));
	return -1;
}

/* Splits "key: value" in place; returns 0 and the trimmed parts, or -1. */
static int split_key_value(char *line, char **key, char **value)
{
	char *colon = strchr(line, ':');
	if (!colon)
		return -1;
	*colon = '\0';
	*key = trim(line);
	*value = trim(colon + 1);
	return **key ? 0 : -1;
}

static int key_is(const char *key, const char *const *names)
{
	for (; *names; names++)
		if (strcasecmp(key, *names) == 0)
			return 1;
	return 0;
}

static const char *const issue_number_keys[] = { "number", "no", "호", "번호", "호수", NULL };
static const char *const issue_title_keys[] = { "title", "제목", "이름", NULL };
static const char *const issue_publisher_keys[] = { "publisher", "발행", "발행처", "발행인", NULL };
static const char *const issue_date_keys[] = { "date", "날짜", "발행일", NULL };
static const char *const issue_note_keys[] = { "date note", "date_note", "note", "비고", NULL };

/* Column of a value within its line: the characters before it, plus one. */
static size_t column_of(const char *line_start, const char *at)
{
	return u8_mbsnlen((const uint8_t *)line_start, (size_t)(at - line_start)) + 1;
}

static int import_issue(struct import *im, const char *path)
{
	size_t len;
	char *text = load(im, path, &len);
	if (!text)
		return -1;
	int rc = -1, number = 0;
	char *title = NULL, *publisher = NULL, *note = NULL;
	char date[11] = "";
	struct textpos number_pos = { 1, 1 };
	size_t line_no = 0;
	char *copy = xstrdup(text);
	char *line = copy;
	while (line) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else if (*line == '\0')
			break; /* nothing after the last newline */
		line_no++;
		char *orig = xstrdup(line);
		char *t = trim(line);
		if (*t == '\0' || *t == '#') {
			free(orig);
			line = next;
			continue;
		}
		char *key, *value;
		char *colon = strchr(orig, ':');
		if (split_key_value(t, &key, &value) != 0 || !colon) {
			diag_error_at(path, (struct textpos){ line_no, 1 },
				      _("expected 'key: value' (number, title, publisher, date)"));
			free(orig);
			goto done;
		}
		const char *vstart = colon + 1;
		while (*vstart == ' ' || *vstart == '\t')
			vstart++;
		struct textpos vpos = { line_no, column_of(orig, vstart) };
		char *clean = clean_text(value, strlen(value), 0);
		free(orig);
		if (key_is(key, issue_number_keys)) {
			char *end;
			long n = strtol(clean, &end, 10);
			if (*clean == '\0' || *end != '\0' || n <= 0 || n > 1000000) {
				diag_error_at(path, vpos, _("expected an issue number such as 418"));
				free(clean);
				goto done;
			}
			number = (int)n;
			number_pos = vpos;
		} else if (key_is(key, issue_title_keys)) {
			free(title);
			title = xstrdup(clean);
		} else if (key_is(key, issue_publisher_keys)) {
			free(publisher);
			publisher = xstrdup(clean);
		} else if (key_is(key, issue_date_keys)) {
			struct date d;
			if (date_parse(clean, &d) != 0) {
				diag_error_at(path, vpos,
					      _("expected a date such as 2025-03-31 or 2025.03.31"));
				free(clean);
				goto done;
			}
			date_format(d, date);
		} else if (key_is(key, issue_note_keys)) {
			free(note);
			note = xstrdup(clean);
		} else {
			diag_error_at(path, (struct textpos){ line_no, 1 },
				      _("unknown key '%s': expected number, title, publisher, date "
					"or note"),
				      key);
			free(clean);
			goto done;
		}
		free(clean);
		line = next;
	}
	struct textpos end_pos = { line_no ? line_no : 1, 1 };
	if (!number) {
		diag_error_at(path, end_pos, _("expected a 'number:' line"));
		goto done;
	}
	if (!title || !*title) {
		diag_error_at(path, end_pos, _("expected a 'title:' line"));
		goto done;
	}
	if (!*date) {
		diag_error_at(path, end_pos, _("expected a 'date:' line"));
		goto done;
	}
	long long id;
	int found = store_find_issue(im->store, number, &id);
	if (found < 0) {
		db_error(path, im);
		goto done;
	}
	if (found && !im->opt->replace) {
		diag_error_at(path, number_pos,
			      _("issue %d is already in the store (use --replace to import it "
				"again)"),
			      number);
		goto done;
	}
	if (found && store_delete_issue(im->store, id) != 0) {
		db_error(path, im);
		goto done;
	}
	struct issue_row row = { number, title, publisher, date, note };
	if (store_add_issue(im->store, &row, &id) != 0) {
		db_error(path, im);
		goto done;
	}
	reset_issue(im, id, number, date);
	im->issue_is_new = 1;
	im->counts->issues++;
	rc = 0;
done:
	free(copy);
	free(text);
	free(title);
	free(publisher);
	free(note);
	return rc;
}

/* Clears one part of an existing issue once, when --replace re-imports it file by file. */
static int clear_part(struct import *im, const char *path, enum store_part part)
{
	if (im->issue_is_new || !im->opt->replace || im->cleared[part])
		return 0;
	im->cleared[part] = 1;
	if (store_delete_issue_part(im->store, im->issue_id, part) != 0)
		return db_error(path, im);
	if (part == PART_ARTICLES)
		im->article_seq = 0;
	else if (part == PART_DEALS) {
		im->deal_seq = 0;
		store_forget_seen_deals(im->store);
	}
	else if (part == PART_EVENTS)
		im->event_seq = 0;
	return 0;
}

/* ---- articles -------------------------------------------------------------------------- */

static int is_http_url(const char *url)
{
	return (strncasecmp(url, "http://", 7) == 0 && url[7]) ||
	       (strncasecmp(url, "https://", 8) == 0 && url[8]);
}

/* "label <url>", "<url>" or a bare url. Returns 0 and malloc'd parts, or -1. */
static int parse_ref(const char *value, char **label, char **url)
{
	const char *lt = strrchr(value, '<');
	if (lt) {
		const char *gt = strchr(lt, '>');
		if (!gt || gt[1] != '\0')
			return -1;
		*url = trim(xstrndup(lt + 1, (size_t)(gt - lt - 1)));
		*label = trim(xstrndup(value, (size_t)(lt - value)));
	} else {
		*url = trim(xstrdup(value));
		*label = xstrdup("");
	}
	if (strpbrk(*url, " \t") || !is_http_url(*url)) {
		free(*url);
		free(*label);
		return -1;
	}
	return 0;
}

static const char *const art_title_keys[] = { "title", "제목", NULL };
static const char *const art_section_keys[] = { "section", "섹션", "분류", NULL };
static const char *const art_date_keys[] = { "date", "날짜", NULL };
static const char *const art_source_keys[] = { "source", "출처", NULL };
static const char *const art_ref_keys[] = { "ref", "link", "참고", "참고자료", NULL };

struct ref {
	char *label;
	char *url;
};

static int import_article(struct import *im, const char *path)
{
	if (need_issue(im, path) != 0 || clear_part(im, path, PART_ARTICLES) != 0)
		return -1;
	size_t len;
	char *text = load(im, path, &len);
	if (!text)
		return -1;
	int rc = -1;
	char *title = NULL, *date = NULL;
	char section[16] = "";
	char **sources = NULL;
	size_t nsources = 0;
	struct ref *refs = NULL;
	size_t nrefs = 0;
	size_t line_no = 0;
	char *p = text, *line = NULL;
	while (*p) {
		char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		free(line);
		line = xstrndup(p, n);
		p += n + (eol ? 1 : 0);
		line_no++;
		char *orig = xstrdup(line);
		if (*trim(line) == '\0') {
			free(orig);
			break; /* the blank line before the body */
		}
		char *key, *value;
		char *colon = strchr(orig, ':');
		if (split_key_value(line, &key, &value) != 0 || !colon) {
			diag_error_at(path, (struct textpos){ line_no, 1 },
				      _("expected a header line such as 'Title: ...' (Title, Section, "
					"Date, Source, Ref), then a blank line and the body"));
			free(orig);
			goto done;
		}
		const char *vstart = colon + 1;
		while (*vstart == ' ' || *vstart == '\t')
			vstart++;
		struct textpos vpos = { line_no, column_of(orig, vstart) };
		free(orig);
		char *clean = clean_text(value, strlen(value), 0);
		if (key_is(key, art_title_keys)) {
			free(title);
			title = clean;
		} else if (key_is(key, art_section_keys)) {
			int found = store_find_section(im->store, clean, section);
			if (found <= 0) {
				if (found < 0)
					db_error(path, im);
				else
					diag_error_at(path, vpos,
						      _("unknown section '%s': expected news, industry, "
							"investment, policy, region or kic (or 뉴스, "
							"산업분석, 투자분석, 정책소개, 지역소개, KIC 소식)"),
						      clean);
				free(clean);
				goto done;
			}
			free(clean);
		} else if (key_is(key, art_date_keys)) {
			struct date d;
			if (date_parse(clean, &d) != 0) {
				diag_error_at(path, vpos, _("expected a date such as 2025-03-28"));
				free(clean);
				goto done;
			}
			free(date);
			date = xmalloc(11);
			date_format(d, date);
			free(clean);
		} else if (key_is(key, art_source_keys)) {
			sources = xrealloc(sources, (nsources + 1) * sizeof *sources);
			sources[nsources++] = clean;
		} else if (key_is(key, art_ref_keys)) {
			char *label, *url;
			if (parse_ref(clean, &label, &url) != 0) {
				diag_error_at(path, vpos,
					      _("expected a reference as 'label <http(s)://...>'"));
				free(clean);
				goto done;
			}
			refs = xrealloc(refs, (nrefs + 1) * sizeof *refs);
			refs[nrefs++] = (struct ref){ label, url };
			free(clean);
		} else {
			diag_error_at(path, (struct textpos){ line_no, 1 },
				      _("unknown header '%s': expected Title, Section, Date, Source or "
					"Ref"),
				      key);
			free(clean);
			goto done;
		}
	}
	if (!title || !*title) {
		diag_error_at(path, (struct textpos){ 1, 1 }, _("expected a 'Title:' line"));
		goto done;
	}
	if (!*section) {
		diag_error_at(path, (struct textpos){ 1, 1 }, _("expected a 'Section:' line"));
		goto done;
	}
	char *body = clean_text(p, strlen(p), 1);
	struct article_row row = { im->issue_id, ++im->article_seq, section, date, title, body };
	long long id;
	int ok = store_add_article(im->store, &row, &id) == 0;
	for (size_t i = 0; ok && i < nsources; i++)
		ok = store_add_article_source(im->store, id, (int)i + 1, sources[i]) == 0;
	for (size_t i = 0; ok && i < nrefs; i++)
		ok = store_add_article_ref(im->store, id, (int)i + 1, refs[i].label, refs[i].url) == 0;
	free(body);
	if (!ok) {
		db_error(path, im);
		goto done;
	}
	im->counts->articles++;
	rc = 0;
done:
	free(line);
	for (size_t i = 0; i < nsources; i++)
		free(sources[i]);
	free(sources);
	for (size_t i = 0; i < nrefs; i++) {
		free(refs[i].label);
		free(refs[i].url);
	}
	free(refs);
	free(title);
	free(date);
	free(text);
	return rc;
}

/* ---- CSV tables ------------------------------------------------------------------------ */

/* Columns of every table kind. Names are compared without case, spaces or underscores. */
enum column {
	COL_KIND, COL_SCOPE, COL_NAME_KO, COL_NAME_ZH, COL_ROUND, COL_AMOUNT, COL_VALUATION,
	COL_ACQUIRER, COL_PLACE, COL_COUNTRY, COL_SECTOR, COL_DESCRIPTION, COL_INVESTORS,
	COL_DATE, COL_PERIOD,
	COL_EVENT_NAME, COL_DATES, COL_START, COL_END, COL_CITY, COL_FIELD,
	COL_METRIC, COL_DIMENSION, COL_KEY, COL_VALUE, COL_UNIT, COL_SHARE, COL_RANK,
	COL_CURRENCY, COL_RATE, COL_SOURCE,
	COL_CODE, COL_PLACE_KIND, COL_PARENT, COL_LEVEL, COL_PLACE_KO, COL_PLACE_ZH, COL_PINYIN,
	COL_PLACE_EN, COL_ALIASES,
	COL_COUNT
};

struct column_names {
	enum file_kind table;
	enum column column;
	const char *names;  /* '|'-separated, the first is the English name used in messages */
};

static const struct column_names column_names[] = {
	{ FILE_DEALS, COL_KIND, "kind|종류|구분|유형" },
	{ FILE_DEALS, COL_SCOPE, "scope|범위|국내외" },
	{ FILE_DEALS, COL_NAME_KO, "company|기업 명칭|기업명|기업|회사명|name|name_ko|피인수 기업|"
				   "인수 대상" },
	{ FILE_DEALS, COL_NAME_ZH, "company_zh|name_zh|중문 명칭|중국어 명칭|중문명|中文名|"
				   "企业名称|企業名稱" },
	{ FILE_DEALS, COL_ROUND, "round|라운드|투자 라운드|투자 단계" },
	{ FILE_DEALS, COL_AMOUNT, "amount|투자 금액|인수 금액|거래 금액|금액|투자금액|인수금액" },
	{ FILE_DEALS, COL_VALUATION, "valuation|기업 가치|기업가치|밸류에이션|估值" },
	{ FILE_DEALS, COL_ACQUIRER, "acquirer|인수자|인수 기업|인수측|인수사" },
	{ FILE_DEALS, COL_PLACE, "place|location|소재지|지역|所在地" },
	{ FILE_DEALS, COL_COUNTRY, "country|국가" },
	{ FILE_DEALS, COL_SECTOR, "sector|industry|분야|산업|업종|行业|行業" },
	{ FILE_DEALS, COL_DESCRIPTION, "description|소개|기업 소개|설명|简介|簡介" },
	{ FILE_DEALS, COL_INVESTORS, "investors|investor|투자자|투자 기관|투자사|投资方|投資方" },
	{ FILE_DEALS, COL_DATE, "date|일자|날짜|발표일" },
	{ FILE_DEALS, COL_PERIOD, "period|기준월|대상 기간" },

	{ FILE_EVENTS, COL_EVENT_NAME, "name|명칭|행사명|행사|이벤트|event" },
	{ FILE_EVENTS, COL_DATES, "dates|기간|일정|날짜|일시|date" },
	{ FILE_EVENTS, COL_START, "start|start_date|시작일|시작" },
	{ FILE_EVENTS, COL_END, "end|end_date|종료일|종료" },
	{ FILE_EVENTS, COL_CITY, "city|장소|도시|개최지|place|location" },
	{ FILE_EVENTS, COL_FIELD, "field|분야|산업" },

	{ FILE_STATS, COL_PERIOD, "period|기간|기준월" },
	{ FILE_STATS, COL_METRIC, "metric|지표" },
	{ FILE_STATS, COL_DIMENSION, "dimension|구분|차원" },
	{ FILE_STATS, COL_KEY, "key|항목|이름" },
	{ FILE_STATS, COL_VALUE, "value|값|수치" },
	{ FILE_STATS, COL_UNIT, "unit|단위" },
	{ FILE_STATS, COL_SHARE, "share|비중|점유율" },
	{ FILE_STATS, COL_RANK, "rank|순위" },

	{ FILE_RATES, COL_CURRENCY, "currency|통화" },
	{ FILE_RATES, COL_PERIOD, "period|기간|기준월" },
	{ FILE_RATES, COL_RATE, "cny_per_unit|rate|환율" },
	{ FILE_RATES, COL_SOURCE, "source|출처" },

	{ FILE_PLACES, COL_CODE, "code|코드" },
	{ FILE_PLACES, COL_PLACE_KIND, "kind|종류" },
	{ FILE_PLACES, COL_PARENT, "parent|상위" },
	{ FILE_PLACES, COL_LEVEL, "level|등급" },
	{ FILE_PLACES, COL_PLACE_KO, "name_ko|한국어|한국어 이름" },
	{ FILE_PLACES, COL_PLACE_ZH, "name_zh|중국어|중국어 이름" },
	{ FILE_PLACES, COL_PINYIN, "pinyin|병음" },
	{ FILE_PLACES, COL_PLACE_EN, "name_en|영어|영어 이름" },
	{ FILE_PLACES, COL_ALIASES, "aliases|별칭" },
};

#define COLUMN_NAMES_COUNT (sizeof column_names / sizeof column_names[0])

/* Lowercases ASCII and drops spaces, underscores and hyphens, for comparing header names. */
static char *header_key(const char *s)
{
	struct buf b = { 0 };
	for (; *s; s++) {
		if (*s == ' ' || *s == '_' || *s == '-')
			continue;
		buf_addc(&b, (char)((*s >= 'A' && *s <= 'Z') ? *s - 'A' + 'a' : *s));
	}
	return buf_take(&b);
}

static int names_contain(const char *names, const char *key)
{
	char *list = xstrdup(names), *save = NULL;
	int found = 0;
	for (char *n = strtok_r(list, "|", &save); n && !found; n = strtok_r(NULL, "|", &save)) {
		char *k = header_key(n);
		found = strcmp(k, key) == 0;
		free(k);
	}
	free(list);
	return found;
}

/* The English name of a column, for messages. */
static char *column_label(enum file_kind table, enum column col)
{
	for (size_t i = 0; i < COLUMN_NAMES_COUNT; i++) {
		if (column_names[i].table == table && column_names[i].column == col) {
			const char *bar = strchr(column_names[i].names, '|');
			const char *names = column_names[i].names;
			/* "company (기업 명칭)": the English name and the newsletter's. */
			const char *second_end = bar ? strchr(bar + 1, '|') : NULL;
			if (!bar)
				return xstrdup(names);
			return xasprintf("%.*s (%.*s)", (int)(bar - names), names,
					 (int)(second_end ? second_end - bar - 1 : (long)strlen(bar + 1)),
					 bar + 1);
		}
	}
	return xstrdup("?");
}

struct table {
	const char *path;
	enum file_kind kind;
	/* A table the issue reader wrote from an issue's text or PDF: it checked every value and
	 * warned with the user's own file, page and line, so its values are not warned again
	 * with a file the user never sees. */
	int from_issue;
	int index[COL_COUNT];         /* field index of each column, -1 if absent */
	struct csv_record header;
};

/* Which kind of table a header describes, for CSV files of other names. */
static enum file_kind guess_table(const struct csv_record *header)
{
	/* The table whose column names the header holds most of: an events table's 명칭 is
	 * also a word of the deals' 기업 명칭, but 기간, 장소 and 분야 settle it. */
	static const enum file_kind kinds[] = { FILE_DEALS, FILE_EVENTS, FILE_STATS, FILE_RATES,
						FILE_PLACES };
	enum file_kind best = FILE_CSV;
	int best_hits = 0;
	for (size_t t = 0; t < sizeof kinds / sizeof kinds[0]; t++) {
		int hits = 0;
		for (size_t f = 0; f < header->count; f++) {
			char *clean = clean_text(header->fields[f].text,
						 strlen(header->fields[f].text), 0);
			char *key = header_key(clean);
			for (size_t i = 0; i < COLUMN_NAMES_COUNT; i++)
				if (column_names[i].table == kinds[t] &&
				    names_contain(column_names[i].names, key)) {
					hits++;
					break;
				}
			free(key);
			free(clean);
		}
		if (hits > best_hits) {
			best = kinds[t];
			best_hits = hits;
		}
	}
	return best;
}

/* Maps the header's fields to columns. Unknown columns are warned about and ignored. */
static int map_header(struct import *im, struct table *t)
{
	for (int c = 0; c < COL_COUNT; c++)
		t->index[c] = -1;
	for (size_t f = 0; f < t->header.count; f++) {
		const struct csv_field *field = &t->header.fields[f];
		char *clean = clean_text(field->text, strlen(field->text), 0);
		char *key = header_key(clean);
		int mapped = 0;
		for (size_t i = 0; i < COLUMN_NAMES_COUNT && !mapped; i++) {
			if (column_names[i].table != t->kind || !names_contain(column_names[i].names, key))
				continue;
			mapped = 1;
			enum column col = column_names[i].column;
			if (t->index[col] >= 0) {
				char *label = column_label(t->kind, col);
				diag_error_at(t->path, field->pos,
					      _("column '%s' repeats the column %s"), clean, label);
				free(label);
				free(key);
				free(clean);
				return -1;
			}
			t->index[col] = (int)f;
		}
		if (!mapped && *clean) {
			diag_warning_at(t->path, field->pos, _("unknown column '%s' is ignored"),
					clean);
			im->counts->warnings++;
		}
		free(key);
		free(clean);
	}
	return 0;
}

static int require_column(struct table *t, enum column col)
{
	if (t->index[col] >= 0)
		return 0;
	char *label = column_label(t->kind, col);
	diag_error_at(t->path, (struct textpos){ t->header.line, 1 },
		      _("expected a column %s in the header"), label);
	free(label);
	return -1;
}

/* A record's cleaned values, one per column of the table ("" for a column the table lacks),
 * each with the place in the file where it starts. */
struct cells {
	char *v[COL_COUNT];
	struct textpos pos[COL_COUNT];
};

static void read_cells(const struct table *t, const struct csv_record *rec, struct cells *c)
{
	for (int col = 0; col < COL_COUNT; col++) {
		int i = t->index[col];
		if (i < 0 || (size_t)i >= rec->count) {
			c->v[col] = xstrdup("");
			c->pos[col] = (struct textpos){ rec->line, 1 };
			continue;
		}
		const char *raw = rec->fields[i].text;
		c->v[col] = clean_text(raw, strlen(raw), col == COL_DESCRIPTION);
		c->pos[col] = rec->fields[i].pos;
	}
}

static void free_cells(struct cells *c)
{
	for (int col = 0; col < COL_COUNT; col++)
		free(c->v[col]);
}

/* Reads an amount cell into m (which points into c). Unreadable amounts are kept as
 * written, with a warning at the place reading stopped. */
static void read_money(struct import *im, const struct table *t, const struct cells *c,
		       enum column col, struct money *m, char currency[4])
{
	const char *text = c->v[col];
	memset(m, 0, sizeof *m);
	m->text = *text ? text : NULL;
	struct amount a;
	size_t stop = 0;
	const char *why = NULL;
	switch (amount_parse(text, &a, &stop, &why)) {
	case AMOUNT_OK:
		m->known = 1;
		m->value = a.value;
		memcpy(currency, a.currency, 4);
		m->currency = currency;
		m->qualifier = amount_qualifier_name(a.qualifier);
		break;
	case AMOUNT_UNDISCLOSED:
		m->undisclosed = 1;
		break;
	case AMOUNT_EMPTY:
		break;
	case AMOUNT_UNREADABLE: {
		if (t->from_issue)
			break;
		struct textpos pos = c->pos[col];
		pos.col += u8_mbsnlen((const uint8_t *)text, stop);
		diag_warning_at(t->path, pos, _("cannot read the amount '%s' (%s); it is kept as "
						"written and sorts last"),
				text, _(why));
		im->counts->warnings++;
		break;
	}
	}
}

static int value_in(const char *v, const char *list)
{
	char *key = header_key(v);
	int found = names_contain(list, key);
	free(key);
	return found;
}

/* Where a place found in the gazetteer belongs: province, city (with its province) or
 * country. */
struct located {
	struct place province;
	struct place city;
	struct place country;
};

static void locate(const struct place *p, struct located *out)
{
	if (strcmp(p->kind, "city") == 0) {
		out->city = *p;
		if (!out->province.id)
			out->province.id = p->province_id;
	} else if (strcmp(p->kind, "province") == 0) {
		out->province = *p;
	} else {
		out->country = *p;
	}
}

/* The length of a separator between the parts of a 소재지 at p (space, comma, slash, the
 * middle dots · and ∙), or 0. The dots are multibyte: they are compared whole, never byte by
 * byte, or Hangul that shares a byte with them would be cut. */
static size_t place_separator(const char *p)
{
	if (*p == ' ' || *p == ',' || *p == '/')
		return 1;
	static const char *const dots[] = { "·", "∙", "・", "，" };
	for (size_t i = 0; i < sizeof dots / sizeof dots[0]; i++)
		if (strncmp(p, dots[i], strlen(dots[i])) == 0)
			return strlen(dots[i]);
	return 0;
}

/* Resolves a 소재지 such as "장쑤", "광둥성 선전", "미국" through the gazetteer: its parts one by
 * one, else the whole text (a name with a space in it). 1 found, 0 not, -1 error. */
static int resolve_place(struct import *im, const char *text, struct located *out)
{
	memset(out, 0, sizeof *out);
	if (!*text)
		return 0;
	char *copy = xstrdup(text);
	int any = 0;
	for (char *p = copy; *p;) {
		size_t sep;
		while ((sep = place_separator(p)) > 0)
			p += sep;
		if (!*p)
			break;
		char *part = p;
		while (*p && !place_separator(p))
			p++;
		char saved = *p;
		*p = '\0';
		struct place found_place;
		int found = store_find_place(im->store, part, &found_place);
		*p = saved;
		if (found < 0) {
			free(copy);
			return -1;
		}
		if (found) {
			any = 1;
			locate(&found_place, out);
		}
	}
	free(copy);
	if (!any) {
		struct place p;
		int found = store_find_place(im->store, text, &p);
		if (found <= 0)
			return found;
		any = 1;
		locate(&p, out);
	}
	return any;
}

static int split_investors(struct import *im, long long deal_id, const char *text)
{
	if (!*text || value_in(text, "미공개|비공개|undisclosed|未披露|-"))
		return 0;
	/* Split on commas, semicolons and their full-width forms and the ideographic comma;
	 * names keep their inner spaces. */
	struct buf name = { 0 };
	int seq = 0, rc = 0;
	const char *p = text;
	for (;;) {
		int sep = *p == ',' || *p == ';' || *p == '\0' || strncmp(p, "、", 3) == 0 ||
			  strncmp(p, "，", 3) == 0 || strncmp(p, "；", 3) == 0;
		if (sep) {
			char *n = trim(buf_take(&name));
			if (*n && rc == 0) {
				rc = store_add_deal_investor(im->store, deal_id, ++seq, n);
				im->counts->investors++;
			}
			free(n);
			if (*p == '\0')
				break;
			p += (*p == ',' || *p == ';') ? 1 : 3;
			continue;
		}
		buf_addc(&name, *p++);
	}
	buf_free(&name);
	return rc;
}

/* A month (YYYY-MM) from a cell, into period; 0, or -1 after reporting. */
static int read_period(const struct table *t, const struct cells *c, enum column col,
		       char period[8])
{
	int y, m;
	if (date_parse_period(c->v[col], &y, &m) != 0) {
		diag_error_at(t->path, c->pos[col], _("expected a month such as 2025-01"));
		return -1;
	}
	date_format_period(y, m, period);
	return 0;
}

static void warn_unknown_place(struct import *im, const struct table *t, struct textpos pos,
			       const char *name)
{
	if (t->from_issue)
		return;
	diag_warning_at(t->path, pos, _("unknown place '%s'; it is kept as written"), name);
	im->counts->warnings++;
}

static int import_deal_row(struct import *im, struct table *t, const struct csv_record *rec,
			   struct cells *c)
{
	struct deal_row row = { 0 };
	char date[11] = "", period[8] = "";
	char amount_currency[4] = "", valuation_currency[4] = "";
	const char *kind = c->v[COL_KIND], *scope = c->v[COL_SCOPE];

	if (!*c->v[COL_NAME_KO] && !*c->v[COL_NAME_ZH]) {
		diag_error_at(t->path, (struct textpos){ rec->line, 1 },
			      _("expected a company name (기업 명칭)"));
		return -1;
	}
	/* The table a row comes from is a tag; what the deal is, its kind: an M&A or a financing
	 * round, whether printed among the big deals or the new unicorns. */
	if (*kind) {
		if (value_in(kind, "investment|투자|대형 투자|invest"))
			row.tags = DEAL_TAG_BIG;
		else if (value_in(kind, "unicorn|유니콘"))
			row.tags = DEAL_TAG_UNICORN;
		else if (value_in(kind, "ma|m&a|인수합병|인수|merger|acquisition"))
			row.tags = DEAL_TAG_MA;
		else {
			diag_error_at(t->path, c->pos[COL_KIND],
				      _("unknown kind '%s': expected investment, unicorn or ma (투자, "
					"유니콘, 인수합병)"),
				      kind);
			return -1;
		}
	} else if (t->index[COL_ACQUIRER] >= 0) {
		row.tags = DEAL_TAG_MA;
	} else if (t->index[COL_VALUATION] >= 0 && t->index[COL_AMOUNT] < 0) {
		row.tags = DEAL_TAG_UNICORN;
	} else {
		row.tags = DEAL_TAG_BIG;
	}
	row.kind = row.tags == DEAL_TAG_MA ? "ma" : "investment";

	struct located where;
	int found = resolve_place(im, c->v[COL_PLACE], &where);
	if (found < 0)
		return db_error(t->path, im);
	if (*c->v[COL_PLACE] && !found)
		warn_unknown_place(im, t, c->pos[COL_PLACE], c->v[COL_PLACE]);
	if (*c->v[COL_COUNTRY]) {
		struct place p;
		int f = store_find_place(im->store, c->v[COL_COUNTRY], &p);
		if (f < 0)
			return db_error(t->path, im);
		if (f && strcmp(p.kind, "country") == 0) {
			where.country = p;
		} else {
			if (!t->from_issue) {
				diag_warning_at(t->path, c->pos[COL_COUNTRY],
						_("unknown country '%s'; it is kept as written"),
						c->v[COL_COUNTRY]);
				im->counts->warnings++;
			}
			snprintf(where.country.name_ko, sizeof where.country.name_ko, "%s",
				 c->v[COL_COUNTRY]);
		}
	}
	int abroad = where.country.id || *where.country.name_ko;
	if (*scope) {
		if (value_in(scope, "china|중국|국내|中国"))
			row.scope = "china";
		else if (value_in(scope, "overseas|해외|global|글로벌|海外"))
			row.scope = "overseas";
		else {
			diag_error_at(t->path, c->pos[COL_SCOPE],
				      _("unknown scope '%s': expected china or overseas (중국, 해외)"),
				      scope);
			return -1;
		}
	} else {
		row.scope = abroad ? "overseas" : "china";
	}
	if (*c->v[COL_DATE]) {
		struct date d;
		if (date_parse(c->v[COL_DATE], &d) != 0) {
			diag_error_at(t->path, c->pos[COL_DATE],
				      _("expected a date such as 2025-01-15"));
			return -1;
		}
		date_format(d, date);
		date_format_period(d.year, d.month, period);
	}
	if (*c->v[COL_PERIOD] && read_period(t, c, COL_PERIOD, period) != 0)
		return -1;
	if (!*period)
		memcpy(period, im->issue_period, sizeof period);

	read_money(im, t, c, COL_AMOUNT, &row.amount, amount_currency);
	read_money(im, t, c, COL_VALUATION, &row.valuation, valuation_currency);
	row.issue_id = im->issue_id;
	row.seq = ++im->deal_seq;
	row.period = period;
	row.date = *date ? date : NULL;
	row.name_ko = c->v[COL_NAME_KO];
	row.name_zh = c->v[COL_NAME_ZH];
	row.round = c->v[COL_ROUND];
	row.acquirer = c->v[COL_ACQUIRER];
	row.investors = c->v[COL_INVESTORS];
	row.place = c->v[COL_PLACE];
	row.province_id = where.province.id;
	row.city_id = where.city.id;
	row.country = abroad ? where.country.name_ko : (where.province.id ? "중국" : NULL);
	row.sector = c->v[COL_SECTOR];
	row.description = c->v[COL_DESCRIPTION];
	long long id;
	int merged, has_investors = 0;
	if (store_add_or_merge_deal(im->store, &row, &id, &merged) != 0 ||
	    (merged && (has_investors = store_deal_has_investors(im->store, id)) < 0) ||
	    (!has_investors && split_investors(im, id, c->v[COL_INVESTORS]) != 0))
		return db_error(t->path, im);
	if (merged)
		im->counts->merged++;
	else
		im->counts->deals++;
	return 0;
}

static int date_before(struct date a, struct date b)
{
	return a.year * 10000 + a.month * 100 + a.day < b.year * 10000 + b.month * 100 + b.day;
}

static int import_event_row(struct import *im, struct table *t, const struct csv_record *rec,
			    struct cells *c)
{
	const char *city = c->v[COL_CITY];
	struct date start, end;
	size_t stop = 0;
	if (!*c->v[COL_EVENT_NAME]) {
		diag_error_at(t->path, (struct textpos){ rec->line, 1 }, _("expected an event name"));
		return -1;
	}
	if (*c->v[COL_DATES]) {
		if (date_parse_range(c->v[COL_DATES], &start, &end, &stop) != 0) {
			struct textpos pos = c->pos[COL_DATES];
			pos.col += u8_mbsnlen((const uint8_t *)c->v[COL_DATES], stop);
			diag_error_at(t->path, pos,
				      _("expected a date or a range such as "
					"2025.04.02-2025.04.03"));
			return -1;
		}
	} else {
		if (date_parse(c->v[COL_START], &start) != 0) {
			diag_error_at(t->path, c->pos[COL_START],
				      _("expected a start date such as 2025-04-02"));
			return -1;
		}
		end = start;
		if (*c->v[COL_END] && date_parse(c->v[COL_END], &end) != 0) {
			diag_error_at(t->path, c->pos[COL_END],
				      _("expected an end date such as 2025-04-03"));
			return -1;
		}
		if (date_before(end, start)) {
			diag_error_at(t->path, c->pos[COL_END],
				      _("expected an end date not before the start"));
			return -1;
		}
	}
	struct place p = { 0 };
	int found = *city ? store_find_place(im->store, city, &p) : 0;
	if (found < 0)
		return db_error(t->path, im);
	if (*city && !found)
		warn_unknown_place(im, t, c->pos[COL_CITY], city);
	char s[11], e[11];
	date_format(start, s);
	date_format(end, e);
	struct event_row row = { im->issue_id, ++im->event_seq, c->v[COL_EVENT_NAME], s, e, city,
				 found ? p.id : 0, c->v[COL_FIELD] };
	if (store_add_event(im->store, &row) != 0)
		return db_error(t->path, im);
	im->counts->events++;
	return 0;
}

/* A number such as 118, 530.86, 1,066, -33 or 74.51%; 0 or -1. */
static int parse_number(const char *s, double *v)
{
	char digits[64];
	size_t n = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ',')
			continue;
		if (*p == '%' && p[1] == '\0')
			break;
		if (n + 1 >= sizeof digits)
			return -1;
		digits[n++] = *p;
	}
	digits[n] = '\0';
	if (n == 0)
		return -1;
	char *end;
	*v = c_strtod(digits, &end);
	return *end == '\0' ? 0 : -1;
}

static int import_stat_row(struct import *im, struct table *t, const struct csv_record *rec,
			   struct cells *c)
{
	struct stat_row row = { 0 };
	const char *dimension = c->v[COL_DIMENSION], *key = c->v[COL_KEY];
	const char *value = c->v[COL_VALUE], *share = c->v[COL_SHARE], *rank = c->v[COL_RANK];
	char period[8];
	if (!*c->v[COL_METRIC] || !*dimension) {
		diag_error_at(t->path, (struct textpos){ rec->line, 1 },
			      _("expected a metric and a dimension"));
		return -1;
	}
	if (*c->v[COL_PERIOD]) {
		if (read_period(t, c, COL_PERIOD, period) != 0)
			return -1;
	} else {
		memcpy(period, im->issue_period, sizeof period);
	}
	if (*value || !*rank) {
		if (parse_number(value, &row.value) != 0) {
			diag_error_at(t->path, c->pos[COL_VALUE],
				      _("expected a number such as 118 or 530.86"));
			return -1;
		}
		row.has_value = 1;
	}
	if (*share) {
		if (parse_number(share, &row.share) != 0) {
			diag_error_at(t->path, c->pos[COL_SHARE],
				      _("expected a share such as 74.51 or 74.51%%"));
			return -1;
		}
		row.has_share = 1;
	}
	if (*rank) {
		double r;
		if (parse_number(rank, &r) != 0 || r < 1 || r != (int)r) {
			diag_error_at(t->path, c->pos[COL_RANK], _("expected a rank such as 1"));
			return -1;
		}
		row.rank = (int)r;
	}
	if (value_in(dimension, "region|city|ma_region")) {
		struct place p;
		int found = store_find_place(im->store, key, &p);
		if (found < 0)
			return db_error(t->path, im);
		if (found)
			row.place_id = p.id;
		else
			warn_unknown_place(im, t, c->pos[COL_KEY], key);
	}
	row.issue_id = im->issue_id;
	row.period = period;
	row.metric = c->v[COL_METRIC];
	row.dimension = dimension;
	row.key = key;
	row.unit = c->v[COL_UNIT];
	if (store_add_stat(im->store, &row) != 0)
		return db_error(t->path, im);
	im->counts->stats++;
	return 0;
}

/* Remembers that the rate of currency changed for period (kept: the earliest per currency). */
static void note_rate_change(struct import *im, const char *currency, const char *period)
{
	for (size_t i = 0; i < im->nrate_changes; i++) {
		struct rate_change *c = &im->rate_changes[i];
		if (strcmp(c->currency, currency) == 0) {
			if (strcmp(period, c->since) < 0)
				snprintf(c->since, sizeof c->since, "%s", period);
			return;
		}
	}
	im->rate_changes = xrealloc(im->rate_changes,
				    (im->nrate_changes + 1) * sizeof *im->rate_changes);
	struct rate_change *c = &im->rate_changes[im->nrate_changes++];
	snprintf(c->currency, sizeof c->currency, "%s", currency);
	snprintf(c->since, sizeof c->since, "%s", period);
}

static int import_rate_row(struct import *im, struct table *t, const struct csv_record *rec,
			   struct cells *c)
{
	const char *currency = c->v[COL_CURRENCY];
	const char *code = NULL;
	size_t n = amount_match_currency(currency, &code);
	char period[8];
	double v;
	if (!n || currency[n] != '\0') {
		diag_error_at(t->path, c->pos[COL_CURRENCY],
			      _("expected a currency such as USD or HKD"));
		return -1;
	}
	if (read_period(t, c, COL_PERIOD, period) != 0)
		return -1;
	if (parse_number(c->v[COL_RATE], &v) != 0 || v <= 0) {
		diag_error_at(t->path, c->pos[COL_RATE],
			      _("expected a positive rate in CNY per unit"));
		return -1;
	}
	if (!*c->v[COL_SOURCE]) {
		diag_error_at(t->path, (struct textpos){ rec->line, 1 },
			      _("expected the source of the rate"));
		return -1;
	}
	struct rate_row row = { code, period, v, c->v[COL_SOURCE] };
	int changed = store_set_rate(im->store, &row);
	if (changed < 0)
		return db_error(t->path, im);
	im->counts->rates++;
	if (changed)
		note_rate_change(im, code, period);
	return 0;
}

static int import_place_row(struct import *im, struct table *t, const struct csv_record *rec,
			    struct cells *c)
{
	if (!*c->v[COL_CODE] || !*c->v[COL_PLACE_KO]) {
		diag_error_at(t->path, (struct textpos){ rec->line, 1 },
			      _("expected a code and a Korean name"));
		return -1;
	}
	if (!value_in(c->v[COL_PLACE_KIND], "province|city|country")) {
		diag_error_at(t->path, c->pos[COL_PLACE_KIND],
			      _("expected a kind: province, city or country"));
		return -1;
	}
	char *kind = header_key(c->v[COL_PLACE_KIND]);
	struct place_row row = { c->v[COL_CODE], kind,
				 *c->v[COL_PARENT] ? c->v[COL_PARENT] : NULL, c->v[COL_LEVEL],
				 c->v[COL_PLACE_KO], c->v[COL_PLACE_ZH], c->v[COL_PINYIN],
				 c->v[COL_PLACE_EN], c->v[COL_ALIASES] };
	int ok = store_add_place(im->store, &row) == 0;
	free(kind);
	if (!ok)
		return db_error(t->path, im);
	im->counts->places++;
	return 0;
}

static int import_table(struct import *im, const char *path, enum file_kind kind)
{
	size_t len;
	char *text = load(im, path, &len);
	if (!text)
		return -1;
	struct csv_reader r;
	struct table t = { .path = path, .kind = kind };
	t.from_issue = im->current && im->current->text && strcmp(path, im->current->path) == 0;
	struct csv_record rec = { 0 };
	struct textpos pos;
	char *msg = NULL;
	int rc = -1, got;
	csv_init(&r, text, len);
	got = csv_next(&r, &t.header, &pos, &msg);
	if (got <= 0) {
		if (got < 0)
			diag_error_at(path, pos, "%s", msg);
		else
			diag_error_at(path, (struct textpos){ 1, 1 }, _("expected a header row"));
		goto done;
	}
	if (t.kind == FILE_CSV && (t.kind = guess_table(&t.header)) == FILE_CSV) {
		diag_error_at(path, (struct textpos){ 1, 1 },
			      _("cannot tell what this table holds: expected the header of deals "
				"(기업 명칭 ...), events (명칭, 기간 ...), stats (metric ...), rates or "
				"places"));
		goto done;
	}
	if (map_header(im, &t) != 0)
		goto done;
	int (*row_fn)(struct import *, struct table *, const struct csv_record *,
		      struct cells *) = NULL;
	switch (t.kind) {
	case FILE_DEALS:
		if (t.index[COL_NAME_KO] < 0 && require_column(&t, COL_NAME_ZH) != 0)
			goto done;
		if (need_issue(im, path) != 0 || clear_part(im, path, PART_DEALS) != 0)
			goto done;
		row_fn = import_deal_row;
		break;
	case FILE_EVENTS:
		if (require_column(&t, COL_EVENT_NAME) != 0 ||
		    (t.index[COL_DATES] < 0 && require_column(&t, COL_START) != 0))
			goto done;
		if (need_issue(im, path) != 0 || clear_part(im, path, PART_EVENTS) != 0)
			goto done;
		row_fn = import_event_row;
		break;
	case FILE_STATS:
		if (require_column(&t, COL_METRIC) != 0 || require_column(&t, COL_DIMENSION) != 0 ||
		    require_column(&t, COL_KEY) != 0 || require_column(&t, COL_VALUE) != 0)
			goto done;
		if (need_issue(im, path) != 0 || clear_part(im, path, PART_STATS) != 0)
			goto done;
		row_fn = import_stat_row;
		break;
	case FILE_RATES:
		if (require_column(&t, COL_CURRENCY) != 0 || require_column(&t, COL_PERIOD) != 0 ||
		    require_column(&t, COL_RATE) != 0 || require_column(&t, COL_SOURCE) != 0)
			goto done;
		row_fn = import_rate_row;
		break;
	case FILE_PLACES:
		if (require_column(&t, COL_CODE) != 0 || require_column(&t, COL_PLACE_KIND) != 0 ||
		    require_column(&t, COL_PLACE_KO) != 0)
			goto done;
		row_fn = import_place_row;
		break;
	default:
		goto done;
	}
	while ((got = csv_next(&r, &rec, &pos, &msg)) == 1) {
		struct cells c;
		if (rec.line % 1024 == 0)
			diag_progress_step(_("%s: line %zu (file %zu of %zu)"), path, rec.line,
					   im->file_number, im->file_count);
		/* A row shorter than the header may be a line cut short: said, not passed over. */
		if (rec.count < t.header.count && !(rec.count == 1 && !*rec.fields[0].text)) {
			diag_warning_at(path, (struct textpos){ rec.line, 1 },
					_("this row has %zu of the header's %zu fields; the rest are "
					  "taken as empty"),
					rec.count, t.header.count);
			im->counts->warnings++;
		}
		read_cells(&t, &rec, &c);
		int failed = row_fn(im, &t, &rec, &c) != 0;
		free_cells(&c);
		if (failed)
			goto done;
	}
	if (got < 0) {
		diag_error_at(path, pos, "%s", msg);
		goto done;
	}
	if (t.kind == FILE_DEALS && store_convert_amounts(im->store, im->issue_id, 0, NULL, NULL) != 0) {
		db_error(path, im);
		goto done;
	}
	/* Deals added after new rates are converted with them as their issue comes in; only
	 * the ones already there need converting again at the end. */
	if (t.kind == FILE_RATES &&
	    (im->deals_before_rates = store_last_deal_id(im->store)) < 0) {
		db_error(path, im);
		goto done;
	}
	rc = 0;
done:
	free(msg);
	csv_record_free(&rec);
	csv_record_free(&t.header);
	free(text);
	return rc;
}

/* ---- the whole import ------------------------------------------------------------------ */

static int import_one(struct import *im, const struct input *in)
{
	im->current = in;
	switch (in->kind) {
	case FILE_ISSUE:
		return import_issue(im, in->path);
	case FILE_ARTICLE:
		return import_article(im, in->path);
	default:
		return import_table(im, in->path, in->kind);
	}
}

static int progress_tick(void *ctx)
{
	(void)ctx;
	diag_progress_tick();
	return 0; /* go on */
}

/* Whether any file to import holds deals. */
static int has_deal_files(const struct input_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].kind == FILE_DEALS || list->items[i].kind == FILE_CSV)
			return 1;
	return 0;
}

/* Whether the deal files to import are large beside the store (over 256 KB, and over a
 * fifth of the deals already there, at about 200 bytes a deal): rebuilding the indexes then
 * costs less than keeping them up to date row by row. Measured (bench/RESULTS.md): into an
 * empty store the bulk path is about twice as fast from 1,000 deals on; into 100,000 deals
 * it costs 2.4 s for 5,000 (row by row 1.05 s) and is even at 20,000 (4.8 and 4.5 s). */
static int bulk_worthwhile(struct store *s, const struct input_list *list)
{
	long long bytes = 0;
	for (size_t i = 0; i < list->count; i++) {
		struct stat st;
		if (list->items[i].kind != FILE_DEALS && list->items[i].kind != FILE_CSV)
			continue;
		if (list->items[i].text)
			bytes += (long long)list->items[i].len;
		else if (stat(list->items[i].path, &st) == 0)
			bytes += st.st_size;
	}
	if (bytes <= 256 * 1024)
		return 0; /* the deals in the store are not counted for a small import */
	long long deals = store_count(s, "deal");
	return bytes / 200 > deals / 5;
}

int import_paths(struct store *s, char *const *paths, int count,
		 const struct import_options *opt, struct import_counts *counts)
{
	struct input_list list = { .opt = opt };
	struct import im = { .store = s, .opt = opt, .counts = counts };
	int rc = -1;
	memset(counts, 0, sizeof *counts);
	for (int i = 0; i < count; i++)
		if (collect(&list, paths[i]) != 0)
			goto done;
	counts->warnings += list.warnings;
	if (list.count)
		qsort(list.items, list.count, sizeof *list.items, compare_inputs);

	if (store_begin(s) != 0) {
		diag_error(_("cannot write the store: %s"), store_errmsg(s));
		goto done;
	}
	im.file_count = list.count;
	/* Long statements (the indexes built at the end) keep the progress line going. */
	store_set_progress(s, 100000, progress_tick, NULL);
	/* Many deals at once (a first import of an archive, a benchmark) are loaded with the
	 * indexes built once at the end. */
	int bulk = bulk_worthwhile(s, &list);
	/* Deals, few or many, have their text indexed at the end in one statement. */
	if (has_deal_files(&list) && store_bulk_begin(s, bulk) != 0) {
		diag_error(_("cannot write the store: %s"), store_errmsg(s));
		store_rollback(s);
		goto done;
	}
	for (size_t i = 0; i < list.count; i++) {
		im.file_number = i + 1;
		diag_progress_step(_("%s (file %zu of %zu)"), list.items[i].path, i + 1, list.count);
		if (import_one(&im, &list.items[i]) != 0) {
			store_rollback(s);
			goto done;
		}
	}
	if (bulk)
		diag_progress(_("building the indexes and the text index"));
	/* Amounts are converted again before the indexes come back, not through them. */
	/* Deals added after the last change of rates were converted with them as their issue
	 * came in; those from before are converted again here. */
	int failed = 0;
	for (size_t i = 0; i < im.nrate_changes && im.deals_before_rates > 0 && !failed; i++)
		failed = store_convert_amounts(s, 0, im.deals_before_rates,
					       im.rate_changes[i].currency,
					       im.rate_changes[i].since) != 0;
	if (failed || store_bulk_end(s) != 0) {
		diag_error(_("cannot write the store: %s"), store_errmsg(s));
		store_rollback(s);
		goto done;
	}
	if (opt->dry_run) {
		store_rollback(s);
	} else {
		diag_progress(_("writing the store"));
		if (store_commit(s) != 0) {
			diag_error(_("cannot write the store: %s"), store_errmsg(s));
			store_rollback(s);
			goto done;
		}
	}
	rc = 0;
done:
	store_set_progress(s, 0, NULL, NULL);
	diag_progress_end();
	free(im.rate_changes);
	for (size_t i = 0; i < list.count; i++) {
		free(list.items[i].path);
		free(list.items[i].text);
	}
	free(list.items);
	return rc;
}
