/* mksample.c: builds the sample store at make time: imports a bundle into a new store and
 * leaves it in rollback-journal mode, compacted, so that it can be installed read-only (a WAL
 * store cannot be opened by a user who cannot write beside it). Not installed.
 *
 * Usage: mksample OUT.db BUNDLE... */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "import.h"
#include "store.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers are read and written with a point whatever the locale (1.5, not 1,5). */
	setlocale(LC_NUMERIC, "C");
	if (argc < 3) {
		fputs("usage: mksample OUT.db BUNDLE...\n", stderr);
		return 2;
	}
	char *err = NULL;
	struct store *s = store_open(argv[1], STORE_OPEN_CREATE, &err);
	if (!s) {
		diag_error("%s", err);
		free(err);
		return 1;
	}
	struct import_options opt = { 0 };
	struct import_counts counts;
	int rc = import_paths(s, argv + 2, argc - 2, &opt, &counts);
	if (rc == 0 && counts.warnings > 0) {
		diag_error("the sample has %d warnings; it must import cleanly", counts.warnings);
		rc = -1;
	}
	if (rc == 0 && store_make_distributable(s) != 0) {
		diag_error("cannot finish %s: %s", argv[1], store_errmsg(s));
		rc = -1;
	}
	store_close(s);
	return rc == 0 ? 0 : 1;
}
