/* i18n.h: gettext shorthands. _() translates now, N_() marks a string for later translation. */
#ifndef JUBO_I18N_H
#define JUBO_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
