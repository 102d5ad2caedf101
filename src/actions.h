/* actions.h: the one table of what keys do. Key dispatch, the help screen, the status-line
 * hints and the man page's key table (checked by a test through `jubo --keys`) all come from
 * it, so they cannot drift apart. */
#ifndef JUBO_ACTIONS_H
#define JUBO_ACTIONS_H

enum action_id {
	ACT_NONE,
	ACT_QUIT, ACT_HELP, ACT_REDRAW,
	ACT_PANE_NEWS, ACT_PANE_DEALS, ACT_PANE_REGIONS, ACT_PANE_CALENDAR, ACT_NEXT_PANE,
	ACT_PREV_PANE,
	ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_HALF_DOWN, ACT_HALF_UP, ACT_TOP,
	ACT_BOTTOM, ACT_LEFT, ACT_RIGHT,
	ACT_SORT, ACT_SORT_REVERSE, ACT_SORT_NATURAL,
	ACT_FILTER, ACT_FILTER_CLEAR, ACT_SEARCH, ACT_NEXT_MATCH, ACT_PREV_MATCH,
	ACT_OPEN, ACT_BACK, ACT_BREAKDOWN, ACT_EXPORT, ACT_OPEN_LINK, ACT_COPY_LINK,
	ACT_PREV_MONTH, ACT_NEXT_MONTH, ACT_PREV_YEAR, ACT_NEXT_YEAR, ACT_TODAY, ACT_WEEK_START,
	ACT_VIEW, ACT_COUNTS, ACT_ISSUES, ACT_HISTORY,
	ACT_PANE_WATCH, ACT_TOGGLE_READ, ACT_NEXT_UNREAD, ACT_PREV_UNREAD, ACT_MARK_ALL_READ,
	ACT_STAR, ACT_NOTE, ACT_FOLLOW, ACT_UNFOLLOW, ACT_WATCH_ARTICLES,
	ACT_COUNT
};

/* Where an action applies. */
enum {
	IN_LIST = 1 << 0,     /* the News and Deals lists */
	IN_READER = 1 << 1,   /* the article reader and a deal's detail */
	IN_DEALS = 1 << 2,    /* only the Deals list */
	IN_CALENDAR = 1 << 3, /* the Calendar pane */
	IN_REGIONS = 1 << 4,  /* the Regions pane */
	IN_WATCH = 1 << 5,    /* the Watch pane */
	IN_PANES = IN_LIST | IN_CALENDAR | IN_REGIONS | IN_WATCH,
	IN_ALL = IN_LIST | IN_READER | IN_DEALS | IN_CALENDAR | IN_REGIONS | IN_WATCH,
};

struct action {
	enum action_id id;
	const char *name;    /* stable name, e.g. "sort" */
	const char *keys;    /* the keys as the help screen and the man page show them */
	int codes[4];        /* key codes (curses KEY_* or characters), 0-terminated */
	const char *help;    /* translatable: N_() */
	unsigned where;      /* IN_* */
	int hint;            /* shown in the status-line hints */
};

extern const struct action actions[];

/* The action a key does where the user is (IN_*), or ACT_NONE. */
enum action_id action_for_key(int key, unsigned where);
const struct action *action_get(enum action_id id);
/* Where a movement action takes a cursor in a list of count lines shown height at a time
 * (down, up, pages, half pages, top, bottom), kept within the list; the cursor as it was
 * for any other action. */
long action_move(enum action_id a, long cursor, long count, long height);

#endif
