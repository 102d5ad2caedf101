/* actions.c: the key table. */
#include "config.h"

#include "actions.h"

#include <curses.h>

#include "i18n.h"

#define CTRL(c) ((c) & 0x1f)

const struct action actions[] = {
	{ ACT_QUIT, N_("quit"), "q", { 'q', 0 }, N_("Quit jubo (in a reader: back to the list)"), IN_ALL, 1 },
	{ ACT_HELP, N_("help"), "?", { '?', KEY_F(1), 0 }, N_("Show this help"), IN_ALL, 1 },
	{ ACT_REDRAW, N_("redraw"), "Ctrl-L", { CTRL('l'), 0 }, N_("Redraw the screen"), IN_ALL, 0 },
	{ ACT_PANE_NEWS, N_("pane-news"), "1", { '1', 0 }, N_("News pane"), IN_ALL, 0 },
	{ ACT_PANE_DEALS, N_("pane-deals"), "2", { '2', 0 }, N_("Deals pane"), IN_ALL, 0 },
	{ ACT_PANE_REGIONS, N_("pane-regions"), "3", { '3', 0 }, N_("Regions pane"), IN_ALL, 0 },
	{ ACT_PANE_CALENDAR, N_("pane-calendar"), "4", { '4', 0 }, N_("Calendar pane"), IN_ALL, 0 },
	{ ACT_PANE_WATCH, N_("pane-watch"), "5", { '5', 0 },
	  N_("Watch pane (what you follow)"), IN_ALL, 0 },
	{ ACT_NEXT_PANE, N_("next-pane"), "Tab", { '\t', 0 }, N_("Next pane"), IN_ALL, 0 },
	{ ACT_PREV_PANE, N_("previous-pane"), "Shift-Tab", { KEY_BTAB, 0 }, N_("Previous pane"),
	  IN_ALL, 0 },
	{ ACT_DOWN, N_("down"), "j Down", { 'j', KEY_DOWN, 0 }, N_("Move down (Calendar: a week, Regions: a tile)"), IN_ALL, 0 },
	{ ACT_UP, N_("up"), "k Up", { 'k', KEY_UP, 0 }, N_("Move up (Calendar: a week, Regions: a tile)"), IN_ALL, 0 },
	{ ACT_PAGE_DOWN, N_("page-down"), "PgDn Space", { KEY_NPAGE, ' ', 0 }, N_("Page down"),
	  IN_ALL, 0 },
	{ ACT_PAGE_UP, N_("page-up"), "PgUp b", { KEY_PPAGE, 'b', 0 }, N_("Page up"), IN_ALL, 0 },
	{ ACT_HALF_DOWN, N_("half-page-down"), "Ctrl-D", { CTRL('d'), 0 }, N_("Half a page down"),
	  IN_ALL, 0 },
	{ ACT_HALF_UP, N_("half-page-up"), "Ctrl-U", { CTRL('u'), 0 }, N_("Half a page up"), IN_ALL, 0 },
	{ ACT_TOP, N_("top"), "g Home", { 'g', KEY_HOME, 0 }, N_("Go to the first row"), IN_ALL, 0 },
	{ ACT_BOTTOM, N_("bottom"), "G End", { 'G', KEY_END, 0 }, N_("Go to the last row"), IN_ALL, 0 },
	{ ACT_LEFT, N_("column-left"), "h Left", { 'h', KEY_LEFT, 0 }, N_("Column to the left (Calendar: a day back, Regions: a tile)"),
	  IN_PANES, 0 },
	{ ACT_RIGHT, N_("column-right"), "l Right", { 'l', KEY_RIGHT, 0 },
	  N_("Column to the right (Calendar: a day on, Regions: a tile)"),
	  IN_PANES, 0 },
	{ ACT_SORT, N_("sort"), "s", { 's', 0 }, N_("Sort by the current column; again turns it around"),
	  IN_LIST, 1 },
	{ ACT_SORT_REVERSE, N_("sort-reverse"), "S", { 'S', 0 },
	  N_("Sort by the current column, descending"), IN_LIST, 0 },
	{ ACT_SORT_NATURAL, N_("sort-natural"), "u", { 'u', 0 }, N_("Back to the natural order"),
	  IN_LIST, 0 },
	{ ACT_FILTER, N_("filter"), "f", { 'f', 0 }, N_("Filter with the filter language"),
	  IN_LIST | IN_CALENDAR, 1 },
	{ ACT_FILTER_CLEAR, N_("filter-clear"), "F", { 'F', 0 }, N_("Clear the filter"), IN_LIST | IN_CALENDAR, 0 },
	{ ACT_SEARCH, N_("search"), "/", { '/', 0 }, N_("Search the rows (or the article)"), IN_LIST | IN_READER, 1 },
	{ ACT_NEXT_MATCH, N_("next-match"), "n", { 'n', 0 }, N_("Next match"), IN_LIST | IN_READER, 0 },
	{ ACT_PREV_MATCH, N_("previous-match"), "N", { 'N', 0 }, N_("Previous match"), IN_LIST | IN_READER, 0 },
	{ ACT_OPEN, N_("open"), "Enter", { '\n', '\r', KEY_ENTER, 0 }, N_("Open the row (Calendar: the day's events, Regions: the place's deals)"),
	  IN_PANES, 1 },
	{ ACT_BACK, N_("back"), "Esc", { 27, KEY_BACKSPACE, 0 }, N_("Back to the list"), IN_READER, 0 },
	{ ACT_BREAKDOWN, N_("breakdown"), "B", { 'B', 0 },
	  N_("Break the current column down: count and amount per value"), IN_DEALS, 1 },
	{ ACT_EXPORT, N_("export"), "e", { 'e', 0 }, N_("Export the rows as shown to a CSV file (Calendar: the events to .ics)"),
	  IN_DEALS | IN_CALENDAR, 0 },
	{ ACT_OPEN_LINK, N_("open-link"), "o", { 'o', 0 }, N_("Open link N with $BROWSER"), IN_READER,
	  1 },
	{ ACT_COPY_LINK, N_("copy-link"), "y", { 'y', 0 }, N_("Copy link N to the clipboard (OSC 52)"),
	  IN_READER, 0 },
	{ ACT_PREV_MONTH, N_("previous-month"), "[", { '[', 0 }, N_("Previous month"), IN_CALENDAR,
	  1 },
	{ ACT_NEXT_MONTH, N_("next-month"), "]", { ']', 0 }, N_("Next month"), IN_CALENDAR, 1 },
	{ ACT_PREV_YEAR, N_("previous-year"), "{", { '{', 0 }, N_("Previous year"), IN_CALENDAR, 0 },
	{ ACT_NEXT_YEAR, N_("next-year"), "}", { '}', 0 }, N_("Next year"), IN_CALENDAR, 0 },
	{ ACT_TODAY, N_("today"), "t", { 't', 0 }, N_("Go to today"), IN_CALENDAR, 1 },
	{ ACT_WEEK_START, N_("week-start"), "w", { 'w', 0 },
	  N_("Start the week on Sunday or Monday"), IN_CALENDAR, 0 },
	{ ACT_VIEW, N_("view"), "v", { 'v', 0 }, N_("Switch between the map and the charts"),
	  IN_REGIONS, 1 },
	{ ACT_COUNTS, N_("counts"), "c", { 'c', 0 },
	  N_("Switch between reported counts and counts computed from the deals"), IN_REGIONS, 1 },
	{ ACT_ISSUES, N_("issues"), "i", { 'i', 0 },
	  N_("Choose the issues shown: one, a range (Space marks its start) or all"),
	  IN_LIST | IN_REGIONS, 1 },
	{ ACT_HISTORY, N_("history"), "H", { 'H', 0 },
	  N_("The place's reported deals across the issues in view"), IN_REGIONS, 0 },
	{ ACT_TOGGLE_READ, N_("toggle-read"), "m", { 'm', 0 },
	  N_("Mark the row read, or unread again (opening a row marks it read)"),
	  IN_LIST | IN_READER, 0 },
	{ ACT_NEXT_UNREAD, N_("next-unread"), "J", { 'J', 0 },
	  N_("Next unread row (in a reader: open it)"), IN_LIST | IN_READER, 0 },
	{ ACT_PREV_UNREAD, N_("previous-unread"), "K", { 'K', 0 },
	  N_("Previous unread row (in a reader: open it)"), IN_LIST | IN_READER, 0 },
	{ ACT_MARK_ALL_READ, N_("mark-all-read"), "A", { 'A', 0 },
	  N_("Mark every row in view read (the issues chosen, under the filter)"), IN_LIST, 0 },
	{ ACT_STAR, N_("star"), "*", { '*', 0 },
	  N_("Star the row, or take its star away (Calendar: the day's events)"),
	  IN_LIST | IN_READER | IN_CALENDAR, 0 },
	{ ACT_NOTE, N_("note"), "a", { 'a', 0 },
	  N_("Write a note on the row (Calendar: the day's events; empty: none)"),
	  IN_LIST | IN_READER | IN_CALENDAR, 0 },
	{ ACT_FOLLOW, N_("follow"), "w", { 'w', 0 },
	  N_("Follow the company, investor, sector or place under the cursor (again: stop)"),
	  IN_DEALS, 0 },
	{ ACT_UNFOLLOW, N_("unfollow"), "d", { 'd', 0 }, N_("Stop following the entity"),
	  IN_WATCH, 0 },
	{ ACT_WATCH_ARTICLES, N_("articles"), "r", { 'r', 0 },
	  N_("The entity's articles in News (Enter: its deals)"), IN_WATCH, 0 },
	{ ACT_NONE, NULL, NULL, { 0 }, NULL, 0, 0 },
};

enum action_id action_for_key(int key, unsigned where)
{
	for (const struct action *a = actions; a->name; a++) {
		if (!(a->where & where))
			continue;
		for (int i = 0; i < 4 && a->codes[i]; i++)
			if (a->codes[i] == key)
				return a->id;
	}
	return ACT_NONE;
}

const struct action *action_get(enum action_id id)
{
	for (const struct action *a = actions; a->name; a++)
		if (a->id == id)
			return a;
	return NULL;
}

long action_move(enum action_id a, long cursor, long count, long height)
{
	long c = cursor, page = height > 1 ? height : 1;
	switch (a) {
	case ACT_DOWN:
		c++;
		break;
	case ACT_UP:
		c--;
		break;
	case ACT_PAGE_DOWN:
		c += page;
		break;
	case ACT_PAGE_UP:
		c -= page;
		break;
	case ACT_HALF_DOWN:
		c += page / 2 > 0 ? page / 2 : 1;
		break;
	case ACT_HALF_UP:
		c -= page / 2 > 0 ? page / 2 : 1;
		break;
	case ACT_TOP:
		c = 0;
		break;
	case ACT_BOTTOM:
		c = count - 1;
		break;
	default:
		break;
	}
	if (c >= count)
		c = count - 1;
	return c < 0 ? 0 : c;
}
