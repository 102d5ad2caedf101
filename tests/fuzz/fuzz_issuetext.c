/* fuzz_issuetext.c: an issue's published text read into a bundle (issuetext.h).
 *
 * Input: the text (made valid UTF-8 the way an import decodes it). Promises checked: the
 * reader returns a bundle or refuses, never anything between; every file of the bundle is
 * valid UTF-8; every CSV file reads back whole with the CSV reader, each row with its
 * header's number of fields; issue.txt gives the number and a date; every article begins
 * with its Title and Section lines. */
#include <unistr.h>

#include "csv.h"
#include "fuzz.h"
#include "issuetext.h"
#include "text.h"

static void check_csv(const struct bundle_file *f)
{
	struct csv_reader r;
	struct csv_record rec = { 0 };
	struct textpos pos;
	char *msg = NULL;
	size_t header = 0;
	int got;
	csv_init(&r, f->text, f->len);
	while ((got = csv_next(&r, &rec, &pos, &msg)) == 1) {
		if (!header)
			header = rec.count;
		else if (rec.count != header)
			fprintf(stderr, "%s: %zu fields, the header %zu\n", f->name, rec.count, header);
		FUZZ_CHECK(rec.count == header);
	}
	FUZZ_CHECK(got == 0);
	csv_record_free(&rec);
	free(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = text_sanitize((const char *)data, size, 1);
	struct bundle b;
	int rc = issuetext_read("fuzz.txt", text, strlen(text), &(struct issuetext_options){ 0 }, &b);
	FUZZ_CHECK(rc == 0 || rc == -1);
	if (rc == 0) {
		int has_issue = 0;
		for (size_t i = 0; i < b.count; i++) {
			const struct bundle_file *f = &b.files[i];
			FUZZ_CHECK(strlen(f->text) == f->len);
			FUZZ_CHECK(u8_check((const uint8_t *)f->text, f->len) == NULL);
			size_t n = strlen(f->name);
			if (n > 4 && strcmp(f->name + n - 4, ".csv") == 0)
				check_csv(f);
			if (strcmp(f->name, "issue.txt") == 0) {
				has_issue = 1;
				FUZZ_CHECK(strncmp(f->text, "number: ", 8) == 0);
				FUZZ_CHECK(strstr(f->text, "\ndate: ") != NULL);
			}
			if (strncmp(f->name, "articles/", 9) == 0)
				FUZZ_CHECK(strncmp(f->text, "Title: ", 7) == 0 &&
					   strstr(f->text, "\nSection: ") != NULL);
		}
		FUZZ_CHECK(has_issue);
		bundle_free(&b);
	} else {
		FUZZ_CHECK(b.count == 0);
	}
	free(text);
	return 0;
}
