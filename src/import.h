/* import.h: `jubo import`: issue bundles and single files into the store.
 *
 * A bundle is a directory with issue.txt, articles/NN-name.md, deals.csv, events.csv, stats.csv and
 * optionally places.csv and rates.csv (see DESIGN "Import" and man jubo). Single files may be
 * given too; a CSV file of another name is recognised by its header; an issue's text as
 * published (.txt, or .pdf through pdftotext) is read into a bundle by issuetext.h. One call is one
 * transaction: on any error nothing is written and the error names FILE:LINE:COLUMN. */
#ifndef JUBO_IMPORT_H
#define JUBO_IMPORT_H

#include "store.h"

struct import_options {
	const char *encoding;  /* iconv name for every file, or NULL to detect a BOM / UTF-8 */
	int replace;           /* re-import an issue (or one part of it) in place */
	int dry_run;           /* check and count, then write nothing */
	int issue_number;      /* issue that single files belong to when no issue.txt is given;
				* for an issue's text, its number when the footers do not say */
	const char *date;      /* an issue's text: its date (YYYY-MM-DD), or NULL to estimate */
	int quiet;             /* no warnings printed, and no summary of an issue's tables */
};

struct import_counts {
	int issues;
	int articles;
	int deals;
	int merged;     /* rows that were a deal already added (printed in two tables) */
	int investors;
	int events;
	int stats;
	int places;
	int rates;
	int warnings;
};

/* Imports the paths in one transaction. Returns 0 on success, -1 after printing an error. */
int import_paths(struct store *s, char *const *paths, int count,
		 const struct import_options *opt, struct import_counts *counts);

#endif
