/* Article layout: headings, bullets, wrapped paragraphs and pipe tables drawn as aligned
 * tables within the width, sources and numbered links. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "doc.h"
#include "text.h"
#include "util.h"

/* Column of the n-th " | " in a line, in cells, or -1. */
static long bar_cell(const char *line, int n)
{
	const char *p = line;
	for (int i = 0; i <= n; i++) {
		p = strstr(p, " | ");
		if (!p)
			return -1;
		if (i < n)
			p += 3;
	}
	return (long)text_width(line, (size_t)(p - line));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	char *sources[] = { "기술전환연구원(技术转移研究院)" };
	struct article_view a = {
		.title = "2025 년 뇌-컴퓨터 인터페이스 산업 발전 현황",
		.section = "산업분석",
		.date = "2025-03-26",
		.issue = 418,
		.body = "## 산업 체인 구조\n\n현재는 업스트림과 미드스트림 기술이 상대적으로 빨리 발전하고 있어, "
			"다운스트림 응용이 넓어질 토대가 되고 있다.\n\n"
			"| 단계 | 구성 | 내용 |\n|---|---|---|\n"
			"| 업스트림 | 핵심 장치 | 뇌파 수집 장비, BCI 칩 등 |\n"
			"| 미드스트림 | 툴 소프트웨어 | 신호처리, 디코딩 알고리즘 등 |\n\n"
			"- 첫째 항목은 길어서 두 줄로 넘어가야 하는 아주 긴 문장입니다 정말로요\n"
			"- 둘째\n",
		.sources = sources,
		.nsources = 1,
	};
	a.refs = xcalloc(1, sizeof *a.refs);
	a.refs[0].label = "참고";
	a.refs[0].url = "https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA";
	a.nrefs = 1;
	struct doc d;
	doc_init(&d, "");
	doc_article(&d, &a, 40);
	int fits = 1, table_rows = 0;
	long first_bar = -1, second_bar = -1;
	int aligned = 1, heading = 0, bullets = 0, continuation = 0;
	for (size_t i = 0; i < d.count; i++) {
		const char *l = d.lines[i].text;
		if (text_strwidth(l) > 40)
			fits = 0;
		if (strcmp(l, "산업 체인 구조") == 0 && d.lines[i].role == ROLE_HEADING)
			heading = 1;
		if (strncmp(l, "• ", strlen("• ")) == 0)
			bullets++;
		if (i > 0 && strncmp(d.lines[i - 1].text, "• 첫째", strlen("• 첫째")) == 0 &&
		    strncmp(l, "  ", 2) == 0)
			continuation = 1;
		if (strstr(l, " | ")) {
			table_rows++;
			long b1 = bar_cell(l, 0), b2 = bar_cell(l, 1);
			if (first_bar < 0) {
				first_bar = b1;
				second_bar = b2;
			} else if (b1 != first_bar || (b2 >= 0 && b2 != second_bar)) {
				aligned = 0;
			}
		}
	}
	ok(fits, "every line fits 40 cells");
	ok(heading, "## makes a subheading");
	is_int(bullets, 2, "two bullets");
	ok(continuation, "a long bullet wraps under its text");
	ok(table_rows >= 3, "the table has its header and rows (%d lines)", table_rows);
	ok(aligned, "the table's columns are on the same cell on every line");
	ok(strcmp(d.lines[0].text, "2025 년 뇌-컴퓨터 인터페이스 산업") == 0 ||
		   strncmp(d.lines[0].text, "2025 년", strlen("2025 년")) == 0,
	   "the title comes first");
	is_int(d.nlinks, 1, "one link");
	is_str(d.links[0], "https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA", "link 1");
	int source = 0;
	for (size_t i = 0; i < d.count; i++)
		if (strstr(d.lines[i].text, "기술전환연구원"))
			source = 1;
	ok(source, "the source is at the end");

	/* Scrolling and search. */
	doc_scroll(&d, 1000, 10);
	is_int(d.top, d.count - 10, "scrolling stops at the last screen");
	doc_scroll(&d, -1000, 10);
	is_int(d.top, 0, "and at the top");
	d.search = xstrdup("디코딩");
	ok(doc_find(&d, 1, 10), "search finds a word");
	ok(strstr(d.lines[d.match].text, "디코딩") != NULL, "on the right line");
	free(d.search);
	d.search = xstrdup("없는말");
	ok(!doc_find(&d, 1, 10), "and says when it is not there");
	doc_free(&d);
	free(a.refs);
	/* A table line that holds only bars: laid out, not a crash (a NULL line once). */
	static char *bars[] = { "|", "||", "| |", "|\n|---|\n|", "a\n|\n|" };
	for (size_t i = 0; i < sizeof bars / sizeof bars[0]; i++) {
		struct article_view e = { .title = "t", .section = "news", .issue = 1,
					  .body = bars[i] };
		struct doc ed;
		doc_init(&ed, "");
		doc_article(&ed, &e, 40);
		int all_text = 1;
		for (size_t k = 0; k < ed.count; k++)
			all_text &= ed.lines[k].text != NULL;
		ok(ed.count > 0 && all_text, "a table of bars only (%zu) is laid out", i);
		doc_free(&ed);
	}

	/* Narrow readers: every line fits, whatever the article holds. A table that cannot fit
	 * even at four cells a column becomes a list of "header: value". */
	struct article_view n = { .title = "좁은 화면", .section = "뉴스", .date = "2025-04-02",
				  .issue = 418,
				  .body = "| 순위 | 지역 | 건수 | 도시 | 건수 |\n|---|---|---|---|---|\n"
					  "| 1 | 장쑤 | 130 | 쑤저우 | 40 |\n" };
	n.refs = xcalloc(1, sizeof *n.refs);
	n.refs[0].label = "참고";
	n.refs[0].url = "https://example.com/a";
	n.nrefs = 1;
	for (size_t width = 4; width <= 24; width += 4) {
		doc_init(&d, "");
		doc_article(&d, &n, width);
		size_t widest = 0;
		int listed = 0, lead_alone = 0;
		for (size_t i = 0; i < d.count; i++) {
			size_t w = text_strwidth(d.lines[i].text);
			widest = w > widest ? w : widest;
			listed |= strstr(d.lines[i].text, "지역: 장쑤") != NULL;
			lead_alone |= strcmp(d.lines[i].text, "[1]") == 0;
		}
		ok(widest <= width, "an article at width %zu: its widest line takes %zu cells", width,
		   widest);
		if (width == 20)
			ok(listed, "at 20 cells the five-column table is a list ('- 지역: 장쑤')");
		if (width == 4)
			ok(lead_alone, "at 4 cells a link's number stands on its own line");
		doc_free(&d);
	}
	free(n.refs);
	return tap_done();
}
