/* csv.c: RFC 4180 records with field positions. */
#include "config.h"

#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

void csv_init(struct csv_reader *r, const char *text, size_t len)
{
	r->p = text;
	r->end = text + len;
	r->pos = (struct textpos){ 1, 1 };
}

static void advance(struct csv_reader *r, size_t n)
{
	textpos_advance(&r->pos, r->p, n);
	r->p += n;
}

static void clear_record(struct csv_record *rec)
{
	for (size_t i = 0; i < rec->count; i++)
		free(rec->fields[i].text);
	rec->count = 0;
}

static void add_field(struct csv_record *rec, struct buf *value, struct textpos pos)
{
	if (rec->count == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 16;
		rec->fields = xrealloc(rec->fields, rec->cap * sizeof *rec->fields);
	}
	rec->fields[rec->count].text = buf_take(value);
	rec->fields[rec->count].pos = pos;
	rec->count++;
}

static int record_is_empty(const struct csv_record *rec)
{
	for (size_t i = 0; i < rec->count; i++) {
		char *copy = xstrdup(rec->fields[i].text);
		int empty = trim(copy)[0] == '\0';
		free(copy);
		if (!empty)
			return 0;
	}
	return 1;
}

/* Reads one record; returns 1, 0 at end of input, -1 on error. */
static int read_record(struct csv_reader *r, struct csv_record *rec, struct textpos *errpos,
		       char **errmsg)
{
	clear_record(rec);
	if (r->p >= r->end)
		return 0;
	rec->line = r->pos.line;
	struct buf value = { 0 };
	for (;;) {
		struct textpos start = r->pos;
		buf_clear(&value);
		if (r->p < r->end && *r->p == '"') {
			struct textpos open = r->pos;
			advance(r, 1);
			for (;;) {
				if (r->p >= r->end) {
					buf_free(&value);
					*errpos = open;
					*errmsg = xstrdup(_("a quoted field is never closed: expected a "
							    "closing '\"'"));
					return -1;
				}
				if (*r->p == '"') {
					if (r->p + 1 < r->end && r->p[1] == '"') {
						buf_addc(&value, '"');
						advance(r, 2);
						continue;
					}
					advance(r, 1);
					break;
				}
				buf_addc(&value, *r->p);
				advance(r, 1);
			}
			/* Spreadsheets sometimes pad after the closing quote; allow spaces. */
			while (r->p < r->end && (*r->p == ' ' || *r->p == '\t'))
				advance(r, 1);
			if (r->p < r->end && *r->p != ',' && *r->p != '\n') {
				buf_free(&value);
				*errpos = r->pos;
				*errmsg = xstrdup(_("expected ',' or the end of the line after a "
						    "closing '\"'"));
				return -1;
			}
		} else {
			while (r->p < r->end && *r->p != ',' && *r->p != '\n') {
				buf_addc(&value, *r->p);
				advance(r, 1);
			}
		}
		add_field(rec, &value, start);
		if (r->p >= r->end)
			break;
		if (*r->p == '\n') {
			advance(r, 1);
			break;
		}
		advance(r, 1); /* the comma */
	}
	buf_free(&value);
	return 1;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, struct textpos *errpos,
	     char **errmsg)
{
	int got;
	while ((got = read_record(r, rec, errpos, errmsg)) == 1 && record_is_empty(rec))
		;
	return got;
}

void csv_record_free(struct csv_record *rec)
{
	clear_record(rec);
	free(rec->fields);
	rec->fields = NULL;
	rec->cap = 0;
}
