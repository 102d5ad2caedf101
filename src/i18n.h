/* i18n.h: gettext shorthands. _() translates now, N_() marks a string for later translation. */
#ifndef JUBO_I18N_H
#define JUBO_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* Marks s for translation in a context (a column label: "column"), so that the same English
 * word elsewhere ("start" of a week) can be translated differently; C_() translates it. */
#define NC_(ctx, s) (s)
const char *C_(const char *ctx, const char *s);

#endif
