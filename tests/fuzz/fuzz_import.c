/* fuzz_import.c: one file imported as `jubo import --dry-run --issue 418 FILE` would, into a
 * copy of the sample store: decoding, the CSV reader, the table guessed from the header,
 * every row's amounts, dates, places and names, an article's header and body, all the way
 * to the rows written and rolled back.
 *
 * Input: the first byte chooses the file's name (deals.csv, events.csv, stats.csv,
 * places.csv, rates.csv, a CSV of another name, an article) and whether it is read as CP949;
 * the rest is the file. Promises checked: the import succeeds or fails (with its message),
 * and either way the store holds exactly what it held. */
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "import.h"
#include "store.h"
#include "util.h"

static struct store *store;
static char dir[] = "/tmp/jubo-fuzz-import.XXXXXX";
static const char *const tables[] = { "issue", "deal", "deal_investor", "article", "event",
				      "stat", "place", "rate" };
static long long held[sizeof tables / sizeof *tables];

static void copy_file(const char *from, const char *to)
{
	char *data;
	size_t len;
	FILE *out = NULL;
	if (read_file(from, &data, &len) != 0 || !(out = fopen(to, "wb")) ||
	    fwrite(data, 1, len, out) != len || fclose(out) != 0) {
		fprintf(stderr, "fuzz_import: cannot copy %s to %s\n", from, to);
		exit(2);
	}
	free(data);
}

/* The copy of the store and its directory go when the run ends. */
static void remove_copy(void)
{
	store_close(store);
	static const char *const files[] = { "store.db", "store.db-wal", "store.db-shm" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!mkdtemp(dir))
		exit(2);
	const char *sample = getenv("JUBO_SAMPLE_DB");
	char *path = xasprintf("%s/store.db", dir);
	copy_file(sample && *sample ? sample : "data/jubo-sample.db", path);
	char *err = NULL;
	store = store_open(path, STORE_OPEN_CREATE, &err);
	if (!store) {
		fprintf(stderr, "fuzz_import: %s\n", err);
		exit(2);
	}
	free(path);
	atexit(remove_copy);
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		held[i] = store_count(store, tables[i]);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "deals.csv", "events.csv", "stats.csv", "places.csv",
					     "rates.csv", "table.csv", "01-news.md", "deals.csv" };
	if (size == 0)
		return 0;
	char *path = xasprintf("%s/%s", dir, names[data[0] & 7]);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data + 1, 1, size - 1, f);
	fclose(f);

	struct import_options opt = { .dry_run = 1, .issue_number = 418,
				      .encoding = data[0] & 8 ? "CP949" : NULL };
	struct import_counts counts;
	/* The import's messages are its business, not the fuzzer's log: standard error goes
	 * nowhere while it runs (the sanitizers write to the descriptor, not the stream). */
	FILE *shown = stderr, *quiet = fopen("/dev/null", "w");
	if (quiet)
		stderr = quiet;
	int rc = import_paths(store, &path, 1, &opt, &counts);
	stderr = shown;
	if (quiet)
		fclose(quiet);
	FUZZ_CHECK(rc == 0 || rc == -1);
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		FUZZ_CHECK(store_count(store, tables[i]) == held[i]);
	unlink(path);
	free(path);
	return 0;
}
