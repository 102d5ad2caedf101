/* pagelayout and pdfwords: pages of words (written here as pdftotext -bbox-layout writes
 * them, with boxes laid out by hand as a word processor would) back into lines and tables:
 * entities, columns from a header's labels in any order, a label wrapped in its cell, rows
 * parted by the bands every column leaves empty with cells centred, a cell broken inside a
 * word or between words, a table over a page break with its header again, the rest of a row
 * on the next page, and a paragraph after a table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "reader/pagelayout.h"
#include "reader/pdfwords.h"
#include "util.h"

/* A page being written: words in poppler's XHTML. */
struct page {
	struct buf b;
	int open;
};

static void begin(struct buf *doc)
{
	buf_adds(doc, "<html><body>\n<doc>\n");
}

static void page(struct buf *doc)
{
	buf_adds(doc, "<page width=\"595.3\" height=\"841.9\">\n");
}

static void end_page(struct buf *doc)
{
	buf_adds(doc, "</page>\n");
}

/* A line of words: each "text@x0-x1" at the line's top y, height h; one block, one line. */
static void line(struct buf *doc, double y, double h, const char *words)
{
	buf_adds(doc, "<flow><block><line>\n");
	char *copy = xstrdup(words);
	char *save = NULL;
	for (char *w = strtok_r(copy, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
		char *at = strrchr(w, '@');
		*at = '\0';
		double x0, x1;
		sscanf(at + 1, "%lf-%lf", &x0, &x1);
		buf_printf(doc,
			   "<word xMin=\"%.2f\" yMin=\"%.2f\" xMax=\"%.2f\" yMax=\"%.2f\">%s</word>\n",
			   x0, y, x1, y + h, w);
	}
	free(copy);
	buf_adds(doc, "</line></block></flow>\n");
}

static void end(struct buf *doc)
{
	buf_adds(doc, "</doc>\n</body></html>\n");
}

static char *lay(const char *xhtml, struct layout *l)
{
	struct pdf_doc d;
	if (pdf_words_parse(xhtml, strlen(xhtml), &d) != 0)
		return xstrdup("(not parsed)");
	layout_build(&d, l);
	pdf_doc_free(&d);
	return layout_dump(l);
}

static const struct grid *first_grid(const struct layout *l)
{
	for (size_t i = 0; i < l->count; i++)
		if (l->lines[i].grid)
			return l->lines[i].grid;
	return NULL;
}

static const char *cell(const struct grid *g, size_t r, int c)
{
	return g && r < g->nrows && c < g->ncols ? g->cells[r * (size_t)g->ncols + (size_t)c] : "";
}

static void test_parse(void)
{
	const char *x = "<doc>\n<page width=\"100\" height=\"200\">\n<flow><block><line>"
			"<word xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\">A&amp;B&lt;&#50900;&#x5317;</word>"
			"</line></block></flow></page>\n<page width=\"100\" height=\"200\"></page></doc>";
	struct pdf_doc d;
	ok(pdf_words_parse(x, strlen(x), &d) == 0, "poppler's XHTML parses");
	ok(d.count == 2 && d.pages[0].count == 1 && d.pages[1].count == 0, "two pages, one word");
	is_str(d.pages[0].words[0].text, "A&B<월北", "entities decoded, named and numeric");
	ok(d.pages[0].words[0].x0 == 1 && d.pages[0].words[0].y1 == 4, "the word's box");
	pdf_doc_free(&d);
	ok(pdf_words_parse("plain text", 10, &d) != 0, "what is not that XHTML is refused");
}

/* A deals table: left-aligned cells, centred vertically; the name cell two lines (Korean,
 * Chinese), a long investors cell three lines, the amount broken between words, the place
 * in a column whose text runs close to the next one's. */
static void deal_page(struct buf *doc, int with_header, double top)
{
	double h = 9.75;
	if (with_header)
		line(doc, top, h,
		     "기업@53-67|명칭@69-83|라운드@115-136|투자@155-169|금액@171-185|소재지@201-222|"
		     "투자자@240-261");
	double y = top + 15;
	/* Row 1: 4 lines tall (investors); the others centred. */
	line(doc, y + 5.4, h, "헝위안생명과학@53-101");
	line(doc, y + 16.3, h, "恒远生命科学@53-98");
	line(doc, y + 10.8, h, "C@115-120|라운드@122-143");
	line(doc, y + 5.4, h, "199.9@155-176|억@178-185");
	line(doc, y + 16.3, h, "위안@155-169");
	line(doc, y + 10.8, h, "장쑤@201-215");
	line(doc, y + 0, h, "쑤저우@240-261|바이오산업기금,@263-330");
	line(doc, y + 10.8, h, "위안허@240-261|원점,@263-280|궈타이쥔안@282-316");
	line(doc, y + 21.6, h, "창업투자@240-268");
	y += 37;
	/* Row 2: 2 lines tall. */
	line(doc, y, h, "화신전력@53-81");
	line(doc, y + 10.8, h, "华信电力@53-81");
	line(doc, y + 5.4, h, "전략@115-129|투자@131-145");
	line(doc, y + 5.4, h, "95.5@155-172|억@174-181|위안@183-197");
	line(doc, y + 5.4, h, "베이징@201-222");
	line(doc, y + 5.4, h, "국가전력투자그룹@240-296");
}

static void test_table(void)
{
	struct buf doc = { 0 };
	begin(&doc);
	page(&doc);
	line(&doc, 40, 13, "도표@51-69|9.@71-78|중국@80-98");
	deal_page(&doc, 1, 60);
	line(&doc, 140, 13, "◼@51-58|다음@61-79|단락@82-100");
	line(&doc, 800, 10, "주간@51-66|중국창업@68-98|421@100-112|호@114-120");
	end_page(&doc);
	end(&doc);
	struct layout l;
	char *dump = lay(doc.data, &l);
	const struct grid *g = first_grid(&l);
	ok(g && g->ncols == 5, "a header of five labels, '기업 명칭' from two words");
	if (g) {
		is_str(g->labels[0], "기업 명칭", "the first label");
		is_str(g->labels[4], "투자자", "the last label");
	}
	ok(g && g->nrows == 2, "two rows: a four-line row and a two-line one parted by the gap "
			       "every column leaves");
	is_str(cell(g, 0, 0), "헝위안생명과학 恒远生命科学", "a name cell: Korean and Chinese lines");
	is_str(cell(g, 0, 1), "C 라운드", "a round");
	is_str(cell(g, 0, 2), "199.9 억 위안", "an amount broken between words, with room left");
	is_str(cell(g, 0, 4), "쑤저우 바이오산업기금, 위안허 원점, 궈타이쥔안 창업투자",
	       "three lines of investors, none leaking into the place beside them");
	is_str(cell(g, 1, 3), "베이징", "the next row's place");
	ok(strstr(dump, "다음 단락⏎") != NULL, "the heading after the table is a line of its own");
	ok(strstr(dump, "주간 중국창업 421 호") != NULL, "the footer is a line the reader knows");
	free(dump);
	layout_free(&l);
	buf_free(&doc);
}

/* A cell full to its edge, broken inside a word; a column whose header is wrapped. */
static void test_breaks(void)
{
	struct buf doc = { 0 };
	double h = 9.75;
	begin(&doc);
	page(&doc);
	/* 소재 / 지 stacked in one narrow header cell. */
	line(&doc, 65.4, h, "기업@53-67|명칭@69-83|라운드@105-126");
	line(&doc, 60, h, "소재@150-164");
	line(&doc, 70.8, h, "지@150-157");
	line(&doc, 65.4, h, "분야@190-204");
	double y = 90;
	for (int r = 0; r < 3; r++, y += 30) {
		/* The name cell is 45 points: "바이촨스마" fills it, "트물류" goes on. */
		line(&doc, y, h, "바이촨스마@53-88");
		line(&doc, y + 10.8, h, "트물류@53-74");
		line(&doc, y + 5.4, h, "B@105-110|라운드@112-133");
		line(&doc, y + 5.4, h, "저장@150-164");
		line(&doc, y + 5.4, h, "물류@190-204");
	}
	/* Another table's name cells filled to the same edge by whole words (a narrow
	 * column's widest line is the edge). */
	end_page(&doc);
	end(&doc);
	struct layout l;
	char *dump = lay(doc.data, &l);
	const struct grid *g = first_grid(&l);
	ok(g && g->ncols == 4, "a label wrapped in its cell ('소재' / '지') is one label");
	if (g)
		is_str(g->labels[2], "소재지", "read whole");
	ok(g && g->nrows == 3, "three rows");
	is_str(cell(g, 1, 0), "바이촨스마트물류",
	       "a full line of a name broken inside the word: no space (Hangul, few line ends "
	       "to judge by: broken anywhere, as Korean word processors do)");
	free(dump);
	layout_free(&l);
	buf_free(&doc);
}

/* A table over a page break: the header printed again, and the rest of a row the page broke
 * (its first cell empty) at the top of the next page. */
static void test_pages(void)
{
	struct buf doc = { 0 };
	double h = 9.75;
	begin(&doc);
	page(&doc);
	deal_page(&doc, 1, 60);
	/* A third row cut by the page: its investors go on overleaf. */
	line(&doc, 160, h, "완신집적@53-81");
	line(&doc, 170.8, h, "皖芯集成@53-81");
	line(&doc, 165.4, h, "A@115-120|라운드@122-143");
	line(&doc, 165.4, h, "95.5@155-172|억@174-181|위안@183-197");
	line(&doc, 165.4, h, "안후이@201-222");
	line(&doc, 160, h, "중국농업은행@240-282|투자,@284-300");
	line(&doc, 800, 10, "주간@51-66|중국창업@68-98|421@100-112|호@114-120|【2】@520-540");
	end_page(&doc);
	page(&doc);
	line(&doc, 40, h,
	     "기업@53-67|명칭@69-83|라운드@115-136|투자@155-169|금액@171-185|소재지@201-222|"
	     "투자자@240-261");
	line(&doc, 55, h, "ICBC@240-262|캐피탈@264-285");
	line(&doc, 75, h, "징허집적@53-81");
	line(&doc, 85.8, h, "晶合集成@53-81");
	line(&doc, 80.4, h, "B@115-120|라운드@122-143");
	line(&doc, 80.4, h, "10@155-163|억@165-172|위안@174-188");
	line(&doc, 80.4, h, "안후이@201-222");
	line(&doc, 80.4, h, "허페이@240-261|건투@263-277");
	line(&doc, 110, 13, "참고자료@51-80");
	end_page(&doc);
	end(&doc);
	struct layout l;
	char *dump = lay(doc.data, &l);
	const struct grid *g = first_grid(&l);
	ok(g && g->nrows == 4, "one table of four rows over two pages, its header read again");
	ok(g && g->pages == 2, "printed on two pages");
	is_str(cell(g, 2, 4), "중국농업은행 투자, ICBC 캐피탈",
	       "the rest of a row on the next page joined to it");
	is_str(cell(g, 3, 0), "징허집적 晶合集成", "the next page's own row");
	ok(g && g->row_page[3] == 2, "and its page is said");
	free(dump);
	layout_free(&l);
	buf_free(&doc);
}

/* Where a space is: words of one script that poppler parted are a word apart; Hangul and
 * Latin letters a little apart (a word processor's room between scripts) are one word, a
 * space's width apart two. */
static void test_spaces(void)
{
	struct buf doc = { 0 };
	double h = 10;
	begin(&doc);
	page(&doc);
	/* Lines of Hangul words 1.7 apart (a narrow space, 0.17 of the height). */
	for (int i = 0; i < 30; i++)
		line(&doc, 40 + 14 * i, h, "가나@51-71|다라@72.7-92.7|마바@94.4-114.4");
	line(&doc, 500, h, "시광@51-71|AI@72.5-80|모델@81.8-101.8");
	end_page(&doc);
	end(&doc);
	struct layout l;
	char *dump = lay(doc.data, &l);
	ok(strstr(dump, "가나 다라 마바") != NULL, "Hangul words 0.17 apart are words apart");
	ok(strstr(dump, "시광AI 모델") != NULL,
	   "Hangul and Latin 0.15 apart are one word (the room between scripts), 0.18 apart two");
	free(dump);
	layout_free(&l);
	buf_free(&doc);
}

int main(void)
{
	test_spaces();
	test_parse();
	test_table();
	test_breaks();
	test_pages();
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}
