/* fuzz_csv.c: a file's bytes decoded and read as CSV, each field cleaned for the store, and
 * each record written as `jubo list --format csv` writes it and read back.
 *
 * Input: the first byte chooses the encoding the user would name (none: UTF-8 or a BOM's,
 * CP949, GB18030, BIG5, UTF-16LE); the rest is the file. Promises checked: a decoding or CSV
 * error names a line and column inside the text; decoded text is valid UTF-8 with '\n'
 * line ends; fields are valid UTF-8; a cleaned field has no control but newlines; a record
 * written out reads back as the same fields, sanitized, a formula behind an apostrophe. */
#include <unistr.h>

#include "csv.h"
#include "decode.h"
#include "fuzz.h"
#include "list.h"
#include "text.h"

static const char *const encodings[] = { NULL, "CP949", "GB18030", "BIG5", "UTF-16LE" };

static void check_pos(struct textpos pos, const char *text, size_t len)
{
	struct textpos end = { 1, 1 };
	textpos_advance(&end, text, len);
	FUZZ_CHECK(pos.line >= 1 && pos.col >= 1);
	FUZZ_CHECK(pos.line <= end.line + 1);
}

/* Writes rec as one CSV row and reads it back. */
static void check_round_trip(const struct csv_record *rec)
{
	const char **values = malloc(rec->count * sizeof *values);
	char **shown = malloc(rec->count * sizeof *shown);
	if (!values || !shown)
		abort();
	int any = 0;
	for (size_t i = 0; i < rec->count; i++) {
		values[i] = rec->fields[i].text;
		shown[i] = text_sanitize(values[i], strlen(values[i]), 1);
		any |= shown[i][0] != '\0';
	}
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	if (!f)
		abort();
	/* A header first, as in a listing: a value that starts with a byte order mark is then
	 * not at the start of the file, where reading drops it. */
	fputs("header\r\n", f);
	list_csv_row(f, (int)rec->count, values);
	fclose(f);
	size_t textlen;
	struct textpos pos;
	char *msg = NULL;
	char *text = decode_to_utf8(out, outlen, NULL, &textlen, &pos, &msg);
	FUZZ_CHECK(text != NULL);
	struct csv_reader r;
	struct csv_record back = { 0 };
	csv_init(&r, text, textlen);
	FUZZ_CHECK(csv_next(&r, &back, &pos, &msg) == 1 && back.count == 1);
	int rc = csv_next(&r, &back, &pos, &msg);
	FUZZ_CHECK(rc == (any ? 1 : 0));
	if (rc == 1) {
		FUZZ_CHECK(back.count == rec->count);
		for (size_t i = 0; i < rec->count; i++) {
			const char *got = back.fields[i].text;
			FUZZ_CHECK(strcmp(got, shown[i]) == 0 ||
				   (got[0] == '\'' && strcmp(got + 1, shown[i]) == 0));
		}
		FUZZ_CHECK(csv_next(&r, &back, &pos, &msg) == 0);
	}
	csv_record_free(&back);
	free(text);
	free(out);
	for (size_t i = 0; i < rec->count; i++)
		free(shown[i]);
	free(shown);
	free(values);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *encoding = encodings[data[0] % (sizeof encodings / sizeof *encodings)];
	size_t len;
	struct textpos pos = { 0, 0 };
	char *msg = NULL;
	char *text = decode_to_utf8((const char *)data + 1, size - 1, encoding, &len, &pos, &msg);
	if (!text) {
		FUZZ_CHECK(msg && *msg && pos.line >= 1 && pos.col >= 1);
		free(msg);
		return 0;
	}
	FUZZ_CHECK(u8_check((const uint8_t *)text, len) == NULL);
	FUZZ_CHECK(!memchr(text, '\r', len));

	struct csv_reader r;
	struct csv_record rec = { 0 };
	csv_init(&r, text, len);
	int rc;
	size_t records = 0;
	while ((rc = csv_next(&r, &rec, &pos, &msg)) == 1) {
		records++;
		for (size_t i = 0; i < rec.count; i++) {
			const char *t = rec.fields[i].text;
			FUZZ_CHECK(u8_check((const uint8_t *)t, strlen(t)) == NULL);
			check_pos(rec.fields[i].pos, text, len);
			for (int keep = 0; keep <= 1; keep++) {
				char *clean = clean_text(t, strlen(t), keep);
				for (const unsigned char *c = (const unsigned char *)clean; *c; c++)
					FUZZ_CHECK(*c >= 0x20 || (*c == '\n' && keep));
				free(clean);
			}
		}
		if (records <= 16)
			check_round_trip(&rec);
	}
	if (rc < 0) {
		FUZZ_CHECK(msg && *msg);
		check_pos(pos, text, len);
		free(msg);
	}
	csv_record_free(&rec);
	free(text);
	return 0;
}
