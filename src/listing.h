/* listing.h: the one description of each listing (deals, articles, events, regions).
 *
 * For every column: its name, the label the browser shows, its SQL expression, its sort
 * expression, the filter field that narrows it to one value, and how it is laid out when space
 * is short. For every listing: its filter fields with their synonyms, the tables it reads and
 * its natural order. sqlgen, the filter parser, the windowed table, `jubo list` and the panes
 * all read these tables; nothing else describes a column. */
#ifndef JUBO_LISTING_H
#define JUBO_LISTING_H

#include "query.h"
#include "text.h"

#define LISTING_MAX_COLUMNS 24

struct listing_column {
	const char *name;      /* in --columns and --sort, the CSV header and the status line */
	const char *synonyms;  /* other names accepted for it ('|'-separated), or NULL */
	const char *label;     /* N_() header in the browser */
	const char *expr;      /* its SQL expression (fixed text) */
	const char *sort;      /* its sort expression, NULL if it cannot be sorted */
	const char *field;     /* the filter field that narrows it to one value, or NULL */
	enum text_align align; /* numbers right, text left */
	int shown;             /* in the default columns */
	int browse;            /* shown by the browser, not by jubo list unless asked (state) */
	int min;               /* cells kept for it when space is short (0: 6) */
	int priority;          /* when space is short, the lowest gives way first */
	int whole;             /* never cut: an amount keeps its number, unit, currency and
				* qualifier ("거의 10 억 위안", "1 억 달러 이상") */
	int keep;              /* left out last when the line is too narrow (a title, a name) */
	int coded;             /* its values are codes shown translated (investment, news):
				* gettext context "value", parts joined by '+' each */
	/* A breakdown counts by an indexed key instead of by the value (region: by province):
	 * the key, the value of a key ("k" in it), and the value of rows without a key. */
	const char *group, *group_value, *group_rest;
	/* Its values are kept counted for every deal and each province's (store version 11,
	 * deal_tally under the column's name), and the expression that names a kept value "t.value"
	 * when it is a key (the id), or NULL. */
	int tallied;
	const char *tally_name;
	/* A sort through a joined table (region: the province's name): the FROM that walks that
	 * table in sort order with each row's deals inside, and the deal column whose NULL
	 * means no value to sort by. */
	const char *sort_from, *sort_null;
};

/* One term of an order: an expression that is never NULL (natural orders). */
struct listing_order {
	const char *expr;
	int desc;
};

/* A join that counts and breakdowns add only when their SQL names its alias. */
struct listing_join {
	const char *alias;
	const char *sql;
};

struct listing {
	enum query_target target;
	const char *name;                      /* deals, articles, events, regions */
	const struct listing_column *columns;  /* ending with a NULL name */
	const struct query_field *fields;      /* filter fields, the bare word first; NULL name ends */
	const char *from;                      /* " FROM ..." for reading rows */
	const char *count_base;                /* " FROM ..." of the main table alone, for counts */
	const struct listing_join *joins;      /* what from joins to it, NULL alias ending */
	const char *natural_from;              /* " FROM ..." for the natural order, or NULL */
	const char *id;                        /* the row id, the last tie-breaker */
	const struct listing_order *natural;   /* the natural order, ending with a NULL expr */
};

const struct listing *listing_get(enum query_target target);
/* A column by name or synonym: its index, or -1. */
int listing_column_index(const struct listing *l, const char *name);
/* A value as the browser shows it: a coded column's code translated ("investment" is 투자
 * under ko), anything else as it is. Malloc'd. */
char *listing_display_value(const struct listing_column *c, const char *value);
/* The index of the row id column ("id"). */
int listing_id_column(const struct listing *l);
/* 1 when the column's sort is the same as that of an earlier column (amount_cny: amount). */
int listing_sort_repeats(const struct listing *l, int col);
/* The names of the sortable columns or of the filter fields, separated by sep; malloc'd. */
char *listing_sort_names(const struct listing *l, const char *sep);
char *listing_field_names(const struct listing *l, const char *sep);

#endif
