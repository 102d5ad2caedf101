/* browser.h: the full-screen browser: four panes (News, Deals, Regions, Calendar), a tab bar,
 * a status line, the prompt and the help screen, driven by the action table. */
#ifndef JUBO_BROWSER_H
#define JUBO_BROWSER_H

#include "store.h"

/* Runs the browser on the terminal until the user quits. week_start: 0 Sunday, 1 Monday,
 * -1 from the locale. state_note: why the reader's state is kept only for this run, or NULL.
 * Returns the exit status. */
int browser_run(struct store *s, int week_start, const char *state_note);

#endif
