/* gazetteer.h: the places every store starts with: all provincial-level divisions of China,
 * their main cities, and the countries the newsletter's overseas tables name. */
#ifndef JUBO_GAZETTEER_H
#define JUBO_GAZETTEER_H

#include <stddef.h>

#include "store.h"

extern const struct place_row gazetteer_places[];
extern const size_t gazetteer_count;

#endif
