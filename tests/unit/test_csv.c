/* The RFC 4180 reader: quoting, embedded newlines, CRLF, positions and errors. */
#include "config.h"

#include <stdlib.h>

#include "../tap.h"
#include "csv.h"

int main(void)
{
	const char *text = "기업 명칭,투자 금액,투자자\n"
			   "노텔집적,\"199.9 억\n위안\",\"A, B \"\"C\"\"\"\n"
			   ",,\n"
			   "\n"
			   "잔신전자,거의 10 억 위안,\n";
	struct csv_reader r;
	struct csv_record rec = { 0 };
	struct textpos pos;
	char *msg = NULL;
	csv_init(&r, text, strlen(text));
	is_int(csv_next(&r, &rec, &pos, &msg), 1, "header read");
	is_int(rec.count, 3, "header has three fields");
	is_str(rec.fields[2].text, "투자자", "third header");
	is_int(rec.fields[1].pos.col, 7, "column counts characters, not bytes");

	is_int(csv_next(&r, &rec, &pos, &msg), 1, "row 1 read");
	is_str(rec.fields[1].text, "199.9 억\n위안", "quoted newline kept");
	is_str(rec.fields[2].text, "A, B \"C\"", "quoted comma and doubled quotes");
	is_int(rec.line, 2, "row 1 starts on line 2");
	is_int(rec.fields[2].pos.line, 3, "field after an embedded newline is on line 3");

	is_int(csv_next(&r, &rec, &pos, &msg), 1, "row 2 read past blank rows");
	is_str(rec.fields[0].text, "잔신전자", "empty rows are skipped");
	is_int(rec.line, 6, "row 2 is on line 6");
	is_int(rec.count, 3, "trailing empty field counted");
	is_int(csv_next(&r, &rec, &pos, &msg), 0, "end of input");

	const char *unclosed = "a,b\n1,\"never closed\n";
	csv_init(&r, unclosed, strlen(unclosed));
	csv_next(&r, &rec, &pos, &msg);
	is_int(csv_next(&r, &rec, &pos, &msg), -1, "unclosed quote is an error");
	ok(pos.line == 2 && pos.col == 3, "error at the opening quote (2:3), got %zu:%zu",
	   pos.line, pos.col);
	free(msg);
	msg = NULL;

	const char *junk = "a,b\n\"x\"y,2\n";
	csv_init(&r, junk, strlen(junk));
	csv_next(&r, &rec, &pos, &msg);
	is_int(csv_next(&r, &rec, &pos, &msg), -1, "text after a closing quote is an error");
	ok(pos.line == 2 && pos.col == 4, "error after the quote (2:4), got %zu:%zu", pos.line,
	   pos.col);
	free(msg);

	const char *no_newline = "a,\"b\"";
	csv_init(&r, no_newline, strlen(no_newline));
	is_int(csv_next(&r, &rec, &pos, &msg), 1, "last line without a newline");
	is_str(rec.fields[1].text, "b", "quoted last field");
	csv_record_free(&rec);
	return tap_done();
}
