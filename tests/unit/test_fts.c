/* The unigram/bigram forms behind article search, and the queries built from terms. */
#include "config.h"

#include <stdlib.h>

#include "../tap.h"
#include "fts.h"

static void forms(const char *text, const char *uni, const char *bi)
{
	char *u, *b;
	fts_forms(text, &u, &b);
	is_str(u, uni, "uni form of '%s'", text);
	is_str(b, bi, "bi form of '%s'", text);
	free(u);
	free(b);
}

static void query(const char *term, const char *column, const char *want)
{
	char *q = fts_term_query(term, column);
	is_str(q, want, "query for '%s'", term);
	free(q);
}

int main(void)
{
	forms("반도체", " 반 도 체 ", " 반도 도체 ");
	forms("칩", " 칩 ", " 칩 ");
	forms("AI 칩 北京大学", " 칩  北 京 大 学 ", "AI  칩   北京 京大 大学 ");
	forms("BMW와", " 와 ", "BMW 와 ");
	query("칩", NULL, "{title_uni body_uni} : \"칩\"");
	query("로봇", NULL, "{title_bi body_bi} : \"로봇\"");
	query("北京", "title", "title_bi : \"北京\"");
	query("반도체", NULL, "{title_bi body_bi} : \"반도 도체\"");
	query("robot", "body", "body_bi : \"robot\"*");
	query("AI칩", NULL, "{title_bi body_bi} : \"AI 칩\"*");
	query("say\"hi", NULL, "{title_bi body_bi} : \"say\"\"hi\"*");
	ok(fts_term_query("", NULL) == NULL, "empty term has no query");
	ok(fts_is_cjk(0xAC00) && fts_is_cjk(0x4E2D) && !fts_is_cjk('A'), "CJK classes");
	return tap_done();
}
