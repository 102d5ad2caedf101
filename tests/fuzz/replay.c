/* replay.c: runs saved inputs through a harness without libFuzzer, for `make check`.
 *
 * Usage: replay_NAME FILE|DIRECTORY...  Every regular file named (or found directly in a
 * directory named) is read whole and given to LLVMFuzzerTestOneInput, in name order so that
 * runs repeat. The name of each is written to standard error before it runs, so a crash
 * (the sanitizers' report, or the harness's abort) is followed to its input. Prints how many
 * inputs ran. */
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

/* Weak, so that a harness without an initializer links too. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static size_t replayed;

static int replay_file(const char *path)
{
	char *buf;
	size_t len;
	if (read_file(path, &buf, &len) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	replayed++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t count = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof *names);
			if (!names)
				abort();
		}
		size_t need = strlen(dir) + strlen(e->d_name) + 2;
		names[count] = malloc(need);
		if (!names[count])
			abort();
		snprintf(names[count++], need, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (count)
		qsort(names, count, sizeof *names, by_name);
	int rc = 0;
	for (size_t i = 0; i < count; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode) && replay_file(names[i]) != 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode) ? replay_dir(argv[i]) != 0
					       : replay_file(argv[i]) != 0) {
			rc = 1;
		}
	}
	printf("%zu inputs replayed\n", replayed);
	return rc;
}
