/* reader.h: what the modules of the issue reader share (see issuetext.h for what it offers).
 *
 * An issue as published is read as lines ("fragments": lines.c) with tables beside them
 * (a PDF's, by their cells: pagelayout.h); deals.c, events.c, stats.c and articles.c each
 * take what is theirs and mark it used; issuetext.c puts the bundle together. */
#ifndef JUBO_READER_H
#define JUBO_READER_H

#include <stddef.h>
#include <unitypes.h>

#include "issuetext.h"
#include "reader/pagelayout.h"
#include "util.h"

/* A PDF's places are a page and a line on it, kept in one number: page * PDF_LINES + line. */
#define PDF_LINES 10000

/* A line of the text that holds something: trimmed, with whether the page broke it after a
 * space (between words) or not (inside a word). */
struct frag {
	char *text;
	size_t line;
	int space;  /* the line ended in a space */
	int used;   /* taken by a table, a reference or a heading: not part of a body */
	const struct grid *grid; /* a PDF's table, read by its geometry: text is its labels */
	int table_row;  /* a row of an article's table, as a Markdown pipe row ("| a | b |") */
};

/* A warning kept until the reading ends, to be printed in order and once. */
struct wmsg {
	size_t line;
	size_t seq;
	char *text;
};

struct reader {
	const char *path;
	struct frag *f;
	size_t n, cap;
	int warnings;
	int number;             /* from the footers */
	int no_signal;          /* no line ends in a space: breaks are taken as between words */
	size_t number_line;
	char latest[11];        /* the latest date of a reference or an article */
	char period[8];         /* YYYY-MM of the investment analysis */
	struct buf deals, events, stats;
	struct bundle *out;
	int articles;
	int pdf;                /* lines are PDF places (PDF_LINES) */
	struct wmsg *msgs;      /* warnings, printed by flush_warnings */
	size_t nmsgs;
	struct buf summary;     /* a line per table: rows read, warned, left out */
};

/* A span of fragments joined, with the fragment of each byte. */
struct span {
	const struct reader *r;
	size_t from, to;
	char *text;
	size_t *starts;  /* to - from + 1 entries, the last the length */
};

struct ref {
	char *source;  /* 신화망(新华网) */
	char *label;
	char *url;
	char date[11];
	size_t line;
};

struct refs {
	struct ref *items;
	size_t count;
};

enum col {
	C_NAME, C_ROUND, C_AMOUNT, C_VALUATION, C_PLACE, C_SECTOR, C_DESC, C_INVESTORS,
	C_ACQUIRER, C_OVERVIEW, C_DATE, C_SKIP,
};

struct deal {
	char kind[12], scope[10];
	char *name_ko, *name_zh, *round, *amount, *valuation, *acquirer, *place, *sector, *desc,
		*investors;
	size_t line;
};

struct deals {
	struct deal *items;
	size_t count;
};

/* The sentences the investment analysis writes every month are read with small patterns:
 * ' ' is any run of spaces (or none), '#' a number, '@' the shortest text that lets the rest
 * match (captured), '*' the same, not captured; any other byte itself. */
struct caps {
	double num[8];
	char numtext[8][32];
	const char *numat[8];
	int nn;
	const char *txt[4];
	size_t txtlen[4];
	int nt;
};

struct article {
	char *title;
	const char *section;
	char date[11];
	char *source;
	struct refs refs;
	size_t from, to;  /* the body's fragments */
	size_t line;
};

/* ---- lines.c: the text as lines, the warnings, and lines joined where the page broke them */
void reader_warn(struct reader *r, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void print_summary(struct reader *r, int quiet);
void flush_warnings(struct reader *r, int quiet);
void iso_date(char *out, long y, long m, long d);
int starts(const char *s, const char *prefix);
/* A Han character (CJK ideographs, extensions, compatibility). */
int is_han(ucs4_t c);
int han_only(const char *s);
int has_comma(const char *s);
int footer_number(const char *s);
int section_heading(const char *s, char *kind, size_t ksize, const char **title);
void push_frag(struct reader *r, const char *k, int space, size_t line,
		      const struct grid *grid);
void split_lines(struct reader *r, const char *text, size_t len);
char *join_frags(const struct reader *r, size_t from, size_t to, size_t *starts);
/* Bytes joined into spans so far, in this process. */
unsigned long long reader_work(void);
void span_init(struct span *sp, const struct reader *r, size_t from, size_t to);
void span_free(struct span *sp);
size_t span_frag(const struct span *sp, size_t off);
size_t span_line(const struct span *sp, size_t off);
size_t span_frag_end(const struct span *sp, size_t off);
size_t skip_spaces(const char *s, size_t off);
char *trimmed_copy(const char *s, size_t from, size_t to);

/* ---- vocab.c: what a column or a sentence may hold: rounds, amounts, places, sectors, dates; CSV */
int word_end(const char *s, size_t len);
size_t match_round(const char *s, char *out, size_t size);
size_t match_amount(const char *s);
/* 산시성 or 산시 at s, which in Korean names both 山西 and 陕西: its length, or 0. match_place
 * reads it as a place; its reader warns that it cannot tell which. */
size_t place_homonym(const char *s);
size_t match_place(const char *s);
size_t match_sector(const char *s);
size_t match_sector_in_sentence(const char *s);
int ends_like_description(const char *s, size_t len);
char *repair_letters(struct reader *r, size_t line, char *s);
void csv_field(struct buf *b, const char *v, int last);
void note_date(struct reader *r, const char *date);
int find_month_day(const char *s, int year, char *out);

/* ---- deals.c: the tables of deals, from the text's lines or a PDF's cells */
int label_col(const char *label);
void free_deal(struct deal *d);
size_t read_deal_table(struct reader *r, size_t h, size_t limit, const char *caption,
			      struct deals *out);
void mend_investors(struct deals *ds);
/* A table's header printed again after a page break, inside the table: gone. */
void drop_repeated_headers(struct reader *r);
void write_deals(struct reader *r, const struct deals *ds);

/* ---- events.c: the events table */
size_t events_header(const struct reader *r, size_t k);
void read_events(struct reader *r, size_t h, size_t limit);

/* ---- stats.c: the month's statistics from the investment analysis */
const char *pat_find(const char *text, const char *from, const char *pat, struct caps *c,
			const char **end);
void read_stats(struct reader *r, const struct span *sp);

/* ---- articles.c: references, and the articles' bodies as Markdown */
int is_url(const char *s);
void free_refs(struct refs *rs);
size_t read_refs(struct reader *r, size_t lo, size_t end, struct refs *out);
int ends_sentence(const struct frag *f);
char *body_of(struct reader *r, size_t from, size_t to, char **source_note);

#endif
