/* csv.h: an RFC 4180 reader over decoded UTF-8 text.
 *
 * Fields may be quoted; quoted fields hold commas, doubled quotes and newlines. Each field
 * remembers where it began so that later checks can name FILE:LINE:COLUMN. Records whose
 * fields are all empty (blank lines, ",,,," rows from spreadsheets) are skipped. */
#ifndef JUBO_CSV_H
#define JUBO_CSV_H

#include <stddef.h>

#include "decode.h"

struct csv_field {
	char *text;          /* the field's value, unquoted, raw (not yet cleaned) */
	struct textpos pos;  /* where the field starts in the file */
};

struct csv_record {
	struct csv_field *fields;  /* fields in file order */
	size_t count;              /* fields in use */
	size_t cap;                /* fields allocated */
	size_t line;               /* line the record starts on */
};

struct csv_reader {
	const char *p;        /* next character to read */
	const char *end;      /* end of the text */
	struct textpos pos;   /* position of p */
};

void csv_init(struct csv_reader *r, const char *text, size_t len);

/* Reads the next non-empty record into rec (reusing its storage). Returns 1 for a record,
 * 0 at the end, -1 on malformed input with *errpos and *errmsg (caller frees) set. */
int csv_next(struct csv_reader *r, struct csv_record *rec, struct textpos *errpos,
	     char **errmsg);

void csv_record_free(struct csv_record *rec);

#endif
