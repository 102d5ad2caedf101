/* The action table: complete entries, and no key doing two things in one place. */
#include "config.h"

#include <curses.h>

#include "../tap.h"
#include "actions.h"

int main(void)
{
	int complete = 1, count = 0;
	for (const struct action *a = actions; a->name; a++) {
		count++;
		if (!a->keys || !*a->keys || !a->help || !*a->help || !a->where || !a->codes[0])
			complete = 0;
	}
	ok(count > 30, "the table has its %d actions", count);
	ok(complete, "every action has a name, keys, help, a place and a key code");
	int clashes = 0;
	static const unsigned places[] = { IN_LIST, IN_READER, IN_DEALS, IN_CALENDAR, IN_REGIONS };
	for (const struct action *a = actions; a->name; a++)
		for (const struct action *b = a + 1; b->name; b++)
			for (size_t p = 0; p < sizeof places / sizeof places[0]; p++) {
				if (!(a->where & places[p]) || !(b->where & places[p]))
					continue;
				for (int i = 0; i < 4 && a->codes[i]; i++)
					for (int j = 0; j < 4 && b->codes[j]; j++)
						if (a->codes[i] == b->codes[j]) {
							printf("# '%s' and '%s' share a key\n", a->name, b->name);
							clashes++;
						}
			}
	is_int(clashes, 0, "no key does two things in one place");
	is_int(action_for_key('s', IN_LIST), ACT_SORT, "s sorts a list");
	is_int(action_for_key('s', IN_READER), ACT_NONE, "s does nothing in the reader");
	is_int(action_for_key(KEY_DOWN, IN_CALENDAR), ACT_DOWN, "Down moves in the calendar");
	is_int(action_for_key(']', IN_CALENDAR), ACT_NEXT_MONTH, "] is the next month");
	is_int(action_for_key(']', IN_LIST), ACT_NONE, "] does nothing in a list");
	is_int(action_for_key('B', IN_LIST | IN_DEALS), ACT_BREAKDOWN, "B breaks down in Deals");
	is_int(action_for_key('B', IN_LIST), ACT_NONE, "but not in News");
	is_int(action_for_key('v', IN_REGIONS), ACT_VIEW, "v switches the Regions view");
	is_int(action_for_key('\n', IN_REGIONS), ACT_OPEN, "Enter opens in Regions");
	ok(action_get(ACT_HELP) && action_get(ACT_HELP)->hint, "help is among the hints");
	/* Moving in a list of 10 lines shown 4 at a time. */
	is_int(action_move(ACT_DOWN, 0, 10, 4), 1, "down one");
	is_int(action_move(ACT_DOWN, 9, 10, 4), 9, "not past the last line");
	is_int(action_move(ACT_UP, 0, 10, 4), 0, "not above the first");
	is_int(action_move(ACT_PAGE_DOWN, 1, 10, 4), 5, "a page is the height");
	is_int(action_move(ACT_PAGE_DOWN, 8, 10, 4), 9, "a page down near the end stops at the end");
	is_int(action_move(ACT_HALF_UP, 5, 10, 4), 3, "half a page up");
	is_int(action_move(ACT_HALF_DOWN, 0, 10, 1), 1, "half of one line is still a line");
	is_int(action_move(ACT_BOTTOM, 0, 10, 4), 9, "bottom");
	is_int(action_move(ACT_TOP, 7, 10, 4), 0, "top");
	is_int(action_move(ACT_SORT, 7, 10, 4), 7, "other actions leave it");
	is_int(action_move(ACT_DOWN, 0, 0, 4), 0, "an empty list keeps 0");
	return tap_done();
}
