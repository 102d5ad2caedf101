/* regions.h: the Regions pane: where in China the deals are. A map of the provincial-level
 * divisions as a tile grid, each tile in its rough place, shaded by count with a legend
 * (attributes that read in monochrome too); and bar charts of every breakdown the issue
 * reports (regions, cities, industries, stages, VC/PE and CVC rankings, M&A). Counts are the
 * issue's own or computed from the deals in the store (c switches). */
#ifndef JUBO_REGIONS_H
#define JUBO_REGIONS_H

#include <stddef.h>

#include "actions.h"
#include "store.h"
#include "ui.h"

#define REGIONS_TILES 34

struct region_tile {
	const char *code;      /* ISO 3166-2:CN */
	int row, col;          /* place on the grid */
	const char *label;     /* short Korean label */
	char *name;            /* the gazetteer's Korean name, for filters */
	int has_reported;
	double reported;
	long long computed;
	int has_previous;      /* the previous issue reports a count */
	double previous;
};

struct stats;

struct chart_line {
	char *text;            /* laid out for the width */
	int role;              /* enum ui_role */
	char *filter;          /* a Deals filter for Enter, or NULL */
	char *place;           /* the place it is about (for its history), or NULL */
	char *dimension;       /* region or city, with place */
	double bar;            /* 0..1 of the bar, -1 for none */
};

struct regions {
	struct store *store;
	int loaded;
	int from, to;                    /* the issues in view (0: no bound) */
	int issue;                       /* the issue shown, 0 if no statistics */
	char period[8];
	int previous;                    /* the issue before it with statistics, 0 for none */
	char prev_period[8];
	char *history;                   /* the place whose history is shown (H), or NULL */
	char *history_dimension;         /* region or city */
	int history_charts;              /* the view the history was opened from */
	char *headline;                  /* the month's deals and amount, under the map */
	struct stats *stats, *prev_stats; /* the issue's statistics and the previous issue's,
					   * read once per issue (regions.c) */
	int computed;                    /* show counts computed from deals */
	int charts;                      /* the charts view instead of the map */
	struct region_tile tiles[REGIONS_TILES];
	int cursor;                      /* the chosen tile */
	struct chart_line *lines;        /* the charts */
	size_t nlines, line, top;        /* chosen line and first shown */
	size_t width;                    /* width the charts were laid out for */
};

void regions_init(struct regions *r, struct store *s);
void regions_free(struct regions *r);
void regions_act(struct regions *r, enum action_id a, int rows);
/* Reads what the next draw shows (the issue's statistics, the charts laid out for the width). */
void regions_sync(struct regions *r, int rows, int cols);
/* Draws the pane into w, rows x cols, without reading the store. */
void regions_draw(struct regions *r, WINDOW *w, int rows, int cols);
char *regions_status(struct regions *r);
/* The Deals filter for the chosen tile or line (caller frees), or NULL. */
char *regions_filter(struct regions *r);
/* Esc: leaves the history of a place; 0 when there was none to leave. */
int regions_back(struct regions *r);
/* Shows the latest issue with statistics among from..to (0, 0: all issues). */
void regions_set_scope(struct regions *r, int from, int to);
/* "+12", "-3", "0": a change between two counts (out: at least 32 bytes). */
void regions_format_change(char *out, size_t size, double now, double before);

#endif
