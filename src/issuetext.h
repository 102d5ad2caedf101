/* issuetext.h: an issue as it is published, read into a bundle.
 *
 * The newsletter arrives as a PDF; its text (pdftotext's, or the same layout from any other
 * tool) has lines that end in a space where the page broke between words and without one
 * where it broke inside a word, table cells broken over several lines, page footers such as
 * "주간 중국창업 418 호 【11】" in the middle of a table, "◼" news headings, " 2. [투자분석] ..."
 * sections each ending in its references and "참고자료", "도표 N." captions, the month's
 * statistics in the same sentences every month, and "행사 정보" at the end. This module puts
 * that back together as the bundle `jubo import DIR` reads (DESIGN "Import"): issue.txt,
 * articles/NN-*.md, deals.csv, events.csv and stats.csv, in memory. import.c imports it in one
 * transaction like any bundle; `jubo convert` writes it to a directory to be read and mended.
 *
 * Cells are joined by the line-end rule above; a table's columns come from its header row
 * (기업 명칭, 라운드, 투자 금액, 소재지, 분야, 소개, 투자자, 기업 가치, 인수자, 인수 금액, 기업
 * 개요); rounds, amounts (amount.h), places (the gazetteer) and sectors are recognised by their
 * vocabularies. What cannot be read with confidence is a warning FILE:LINE and is left out or
 * kept as written. */
#ifndef JUBO_ISSUETEXT_H
#define JUBO_ISSUETEXT_H

#include <stddef.h>

struct bundle_file {
	char *name;  /* "issue.txt", "articles/01-news.md", "deals.csv", ... */
	char *text;  /* UTF-8 */
	size_t len;
};

struct bundle {
	struct bundle_file *files;
	size_t count;
	int number;         /* the issue's number */
	char date[11];      /* YYYY-MM-DD */
	int date_estimated; /* the date was not given: estimated from the latest dated item */
	int warnings;       /* warnings printed while reading */
};

struct issuetext_options {
	const char *date;  /* the issue's date (YYYY-MM-DD), or NULL to estimate it */
	int number;        /* the issue's number, or 0 to read it from the footers */
	int quiet;         /* no warnings and no summary printed (still counted) */
};

/* Whether the text is an issue as published: page footers "주간 중국창업 N 호", or numbered
 * sections " N. [산업분석] ..." with their "참고자료". */
int issuetext_recognise(const char *text, size_t len);

/* Reads an issue's text (path names it in messages). Returns 0 and fills *out, or -1 after
 * printing an error; warnings are printed as FILE:LINE and counted in out->warnings. */
int issuetext_read(const char *path, const char *text, size_t len,
		   const struct issuetext_options *opt, struct bundle *out);

/* Reads an issue's PDF by its geometry (reader/pagelayout.h): tables by their cells, every
 * cell checked by what its column holds. As issuetext_read, with places "FILE: page P, line
 * L" and a summary line per table after the warnings. */
int issuetext_read_pdf(const char *path, const struct issuetext_options *opt, struct bundle *out);

/* The page layout jubo reads a PDF by (pagelayout.h's layout_dump), for `jubo convert
 * --layout`. Returns it malloc'd, or NULL after printing an error. */
char *issuetext_pdf_layout(const char *path);

/* Reads an issue's file: a PDF (issuetext_read_pdf) or its text in encoding (NULL: found out).
 * Returns 0 with *out filled, 1 when the file is not an issue's (nothing printed), or -1 after
 * printing an error. A FIFO or a device is refused, never read. */
int issuetext_read_file(const char *path, const char *encoding,
			const struct issuetext_options *opt, struct bundle *out);

/* Writes the bundle's files under dir (made if missing; refused if it holds files already).
 * Returns 0, or -1 after printing an error. */
int bundle_write(const struct bundle *b, const char *dir);

void bundle_free(struct bundle *b);

/* Whether a regular file holds an issue's published text (its page footers or numbered
 * sections): read in full, as issuetext_recognise judges it. */
int issuetext_file_is_published(const char *path);

/* Whether a file name is one this module reads (.pdf, or .txt other than issue.txt). */
int issuetext_is_candidate(const char *name);

#endif
