/* issuetext: an issue's published text into a bundle, piece by piece: the line-end rule,
 * footers inside tables, cells broken over lines, the vocabularies, the monthly sentences,
 * the repairs that are said, and what is refused. Each text here is written for the test. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "issuetext.h"
#include "util.h"

static const char *file_of(const struct bundle *b, const char *name)
{
	for (size_t i = 0; i < b->count; i++)
		if (strcmp(b->files[i].name, name) == 0)
			return b->files[i].text;
	return NULL;
}

/* Reads text; returns 0 and the bundle, or -1. */
static int read_text(const char *text, const char *date, struct bundle *b)
{
	struct issuetext_options opt = { date, 0, 0 };
	return issuetext_read("test.txt", text, strlen(text), &opt, b);
}

/* The line of a CSV file that begins with prefix, or NULL. */
static char *line_of(const char *csv, const char *prefix)
{
	for (const char *p = csv; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			return xstrndup(p, n);
		p = nl ? nl + 1 : NULL;
	}
	return NULL;
}

static void expect_line(const char *csv, const char *prefix, const char *want, const char *what)
{
	char *got = line_of(csv ? csv : "", prefix);
	is_str(got, want, "%s", what);
	free(got);
}

/* A page of the investment analysis with two tables; a footer falls inside the first. */
static const char deals_page[] =
	" 2. [투자분석] 2030 년 7 월 중국 투융자 현황 \n"
	"\n"
	"도표 9. 중국 신규 대형 투자 사건(일부분) \n"
	"기업 명칭 라운드 투자 금액 소재지 분야 소개 투자자 \n"
	"\n"
	"가람전자 \n"
	"\n"
	"嘉蓝电子 \n"
	"B 라운드 \n"
	"\n"
	"35.5 억 위\n"
	"\n"
	"안 \n"
	"광둥 스마트 제조 전력 반도체 \n"
	"\n"
	"제조업체 \n"
	"\n"
	"선전창투, 광저우 산업기\n"
	"\n"
	"금，둥관 투자 \n"
	"\n"
	"\n"
	"주간 중국창업 900 호                                            【7】    \n"
	"\f \n"
	"나래바이오 \n"
	"\n"
	"娜莱生物 \n"
	"Pre-A 라운드 미공개 후난 의료 건강 항체 개발업체 \n"
	"\n"
	"샹장자본 \n"
	"\n"
	"도표 10. 해외 신규 대형 투자 사건(일부분) \n"
	"기업 명칭 라운드 투자 금액 소재지 분야 소개 투자자 \n"
	"\n"
	"Quill Robotics F 轮 \n"
	"\n"
	"2.5 억 달\n"
	"\n"
	"러 \n"
	"미국 인공지능 가정용 로봇 개발업체 \n"
	"\n"
	"B Capital Group.Generation Investment \n"
	"\n"
	"Management, llumina Ventures \n"
	"\n"
	"Orbit Data \n"
	"\n"
	"Systems \n"
	"C 라운드 \n"
	"\n"
	"1 억 달러 \n"
	"\n"
	"이상 \n"
	"영국 기업 서비스 데이터 플랫폼 \n"
	"\n"
	"운영업체 \n"
	"\n"
	"Hippocratic Al Fund \n"
	"\n"
	"루이서우(睿兽) 분석에 따르면, 2030 년 7 월 중국 1 급 시장에서는 총 420 건의 투자 건수가 발생했으며, 이는 전월 대비 5% 증가, 작년 동기 대비 \n"
	"\n"
	"9% 감소한 수치이다. \n"
	"\n"
	"가람신문(嘉蓝日报). 7 월 투자 동향. (30.08.02) \n"
	"\n"
	"https://example.net/report \n"
	"\n"
	"참고자료 \n";

static void test_deals(void)
{
	struct bundle b;
	ok(issuetext_recognise(deals_page, strlen(deals_page)), "a text with a footer is an issue's");
	int rc = read_text(deals_page, "2030-08-04", &b);
	is_int(rc, 0, "the page reads");
	is_int(b.number, 900, "the issue's number is the footer's");
	is_str(b.date, "2030-08-04", "--date dates it");
	ok(!b.date_estimated, "nothing estimated with --date");
	const char *deals = file_of(&b, "deals.csv");
	ok(deals != NULL, "a deals table is written");
	expect_line(deals, "investment,china,2030-07,가람전자",
		    "investment,china,2030-07,가람전자,嘉蓝电子,B 라운드,35.5 억 위안,,,광둥,스마트 제조,"
		    "전력 반도체 제조업체,선전창투; 광저우 산업기금; 둥관 투자",
		    "a cell broken inside a word is joined without a space (위/안, 산업기/금), between "
		    "words with one; a full-width comma separates investors");
	expect_line(deals, "investment,china,2030-07,나래바이오",
		    "investment,china,2030-07,나래바이오,娜莱生物,Pre-A 라운드,미공개,,,후난,의료 건강,"
		    "항체 개발업체,샹장자본",
		    "the row after the page's footer reads, with cells on one line");
	expect_line(deals, "investment,overseas,2030-07,Quill Robotics",
		    "investment,overseas,2030-07,Quill Robotics,,F 라운드,2.5 억 달러,,,미국,인공지능,"
		    "가정용 로봇 개발업체,B Capital Group; Generation Investment Management; Illumina "
		    "Ventures",
		    "a Latin name on the round's line; 轮 is 라운드; names run together by a full stop "
		    "are two; llumina lost its I");
	expect_line(deals, "investment,overseas,2030-07,Orbit Data Systems",
		    "investment,overseas,2030-07,Orbit Data Systems,,C 라운드,1 억 달러 이상,,,영국,"
		    "기업 서비스,데이터 플랫폼 운영업체,Hippocratic AI Fund",
		    "a name over two lines, an amount with its qualifier on the next; Al is AI");
	const char *stats = file_of(&b, "stats.csv");
	expect_line(stats, "2030-07,deal_count,", "2030-07,deal_count,total,전체,420,건,,",
		    "the month's total from its sentence");
	expect_line(stats, "2030-07,deal_count_mom", "2030-07,deal_count_mom,total,전체,5,%,,",
		    "an increase month on month is positive");
	expect_line(stats, "2030-07,deal_count_yoy", "2030-07,deal_count_yoy,total,전체,-9,%,,",
		    "a decrease year on year is negative, each change its own direction");
	const char *article = file_of(&b, "articles/01-investment.md");
	ok(article && strstr(article, "Title: 2030 년 7 월 중국 투융자 현황\nSection: investment\n"
					"Date: 2030-08-02\nSource: 가람신문(嘉蓝日报)\n"
					"Ref: 7 월 투자 동향 <https://example.net/report>\n"),
	   "the section's title, kind, date, source and reference");
	const char *body = article ? strstr(article, "\n\n") : NULL;
	if (!ok(body && !strstr(body, "가람전자") && !strstr(body, "https://") &&
		    strstr(body, "\n\n도표 9. 중국 신규 대형 투자 사건(일부분)\n\n"),
		"the table's rows and the references are not in the body; its caption is"))
		printf("# %s\n", article ? article : "(none)");
	ok(b.warnings >= 2, "the repairs of letters are warnings (%d)", b.warnings);
	bundle_free(&b);
}

static const char news_page[] =
	" ◼ 첫 소식, ‘시험’ 제목 \n"
	"\n"
	"2031 년 5 월 3 일, 한 도시가 새 제도를 발표했다. 시행은 다음 달부터이며 세부 내용은 곧 \n"
	"\n"
	"공개된다. (출처: 가람신문) \n"
	"◼ 둘째 소식 \n"
	"\n"
	"5 월 6 일 두 번째 소식이다. (출처: 나래일보) \n"
	"\n"
	" 가람신문(嘉蓝日报). 첫 소식 원문 \n"
	"https://example.net/1 \n"
	" 나래일보(娜莱日报). 둘째 소식 원문 \n"
	"https://example.net/2 \n"
	"참고자료 \n"
	" 1. [정책소개] 도시의 새 제도(2031 년) \n"
	"본문이다. \n"
	" 다른연구원(别的研究院). 새 제도 해설. (31.05.\n"
	"07) \n"
	"https:// example.net/3 \n"
	"참고자료 \n"
	"행사를 알리는 글 \n"
	"5 월 9 일 행사가 열렸다. \n"
	"KIC 중국 뉴스 \n"
	" 명칭 기간 장소 분야 \n"
	"제 1 회 시험 박람\n"
	"회, \n"
	"2031.06.01-2031.06.03 상하이 전시 \n"
	"둘째 행사 2031.06.10 베이징 포럼 \n"
	"행사 정보 \n";

/* The month's figures worded otherwise, a ranking that ends "... 순이었다", an M&A part. */
static const char stats_page[] =
	" 2. [투자분석] 2030 년 8 월 중국 투융자 현황 \n"
	"중국 1 급 시장 투자 분석 \n"
	"2030 년 8 월 중국 1 급 시장에서 공개된 투자 금액은 512.5 억 위안이었고(전월 대비 4%, 작년 "
	"동기 대비 7% 증가), 투자 건수는 모두 712 건이었다(전월보다 12% 늘었으며, 1 년 전보다는 "
	"3% 줄었다). \n"
	"◼ 지역별 분포 \n"
	"지역별 투자 건수는 광둥성(广东, 168 건), 장쑤성(江苏, 150 건), 베이징(北京, 99 건) 순이었다. \n"
	"◼ 인기 도시 분포 \n"
	"도시별로는 선전(深圳, 80 건), 상하이(上海, 75 건) 순으로 투자가 많았다. \n"
	"중국 인수합병 시장 분석 \n"
	"이번 달 인수합병은 모두 40 건으로 전월보다 10% 늘었다. 공개된 거래 금액은 20.5 억 위안이다. \n"
	"가람신문(嘉蓝日报). 8 월 투자 동향. (30.09.02) \n"
	"https://example.net/report8 \n"
	"참고자료 \n";

static void test_stats_by_meaning(void)
{
	char *text = xasprintf("%s주간 중국창업 901 호 【1】 \n", stats_page);
	struct bundle b;
	ok(read_text(text, "2030-09-08", &b) == 0, "an analysis worded otherwise reads");
	const char *st = file_of(&b, "stats.csv");
	expect_line(st, "2030-08,deal_count,total,", "2030-08,deal_count,total,전체,712,건,,",
		    "the month's count, after its amount in the sentence, not a region's 168");
	expect_line(st, "2030-08,deal_count_mom,total,", "2030-08,deal_count_mom,total,전체,12,%,,",
		    "'전월보다 12% 늘었으며': up 12% on the month");
	expect_line(st, "2030-08,deal_count_yoy,total,", "2030-08,deal_count_yoy,total,전체,-3,%,,",
		    "'1 년 전보다는 3% 줄었다': down 3% on the year");
	expect_line(st, "2030-08,deal_amount_yoy,total,", "2030-08,deal_amount_yoy,total,전체,7,%,,",
		    "the amount's changes, in brackets after it, share their direction");
	expect_line(st, "2030-08,deal_count,region,장쑤성", "2030-08,deal_count,region,장쑤성,150,건,,2",
		    "a ranking that ends '... 순이었다'");
	expect_line(st, "2030-08,deal_count,city,상하이", "2030-08,deal_count,city,상하이,75,건,,2",
		    "the cities' ranking in other words");
	expect_line(st, "2030-08,deal_count_mom,ma,", "2030-08,deal_count_mom,ma,전체,10,%,,",
		    "M&A's count and its change");
	expect_line(st, "2030-08,deal_amount,ma,", "2030-08,deal_amount,ma,전체,20.5,억 위안,,",
		    "M&A's amount");
	ok(b.warnings == 0, "parts the analysis does not have are not asked for");
	bundle_free(&b);
	free(text);
}

/* The text form: a table with a 투자 일자 column, a row whose 소개 cell is empty, a Chinese
 * name over two lines, the header printed again after a footer. */
static const char dated_table[] =
	" 2. [투자분석] 2030 년 7 월 중국 투융자 현황 \n"
	"도표 9. 중국 신규 대형 투자 사건(일부분) \n"
	"기업 명칭 투자 일자 라운드 투자 금액 소재지 분야 소개 투자자 \n"
	"가람전자 \n"
	"嘉蓝电子 \n"
	"2030.07.0\n"
	"3 \n"
	"B 라운드 \n"
	"35.5 억 위안 \n"
	"광둥 스마트 제조 \n"
	"항저우 창업투자, 알리바바 \n"
	"주간 중국창업 900 호                                            【7】    \n"
	"\f \n"
	"기업 명칭 투자 일자 라운드 투자 금액 소재지 분야 소개 투자자 \n"
	"나래바이오과학 \n"
	"娜莱生物科\n"
	"学 \n"
	"2030.07.11 \n"
	"A 라운드 미공개 후난 의료 건강 항체 개발업체 \n"
	"샹장자본 \n"
	"가람신문(嘉蓝日报). 7 월 투자 동향. (30.08.02) \n"
	"https://example.net/report \n"
	"참고자료 \n";

static void test_text_tables(void)
{
	struct bundle b;
	ok(read_text(dated_table, "2030-08-04", &b) == 0, "a table with a 투자 일자 column reads");
	const char *d = file_of(&b, "deals.csv");
	expect_line(d, "investment,china,2030-07,가람전자",
		    "investment,china,2030-07,가람전자,嘉蓝电子,B 라운드,35.5 억 위안,,,광둥,스마트 제조,,"
		    "항저우 창업투자; 알리바바",
		    "the day read and set aside; an empty 소개 beside a list of names");
	expect_line(d, "investment,china,2030-07,나래바이오과학",
		    "investment,china,2030-07,나래바이오과학,娜莱生物科学,A 라운드,미공개,,,후난,의료 건강,"
		    "항체 개발업체,샹장자본",
		    "after the header printed again: a Chinese name over two lines");
	bundle_free(&b);
}

static void test_articles_events(void)
{
	struct bundle b;
	int rc = issuetext_read("news.txt", news_page, strlen(news_page),
				&(struct issuetext_options){ NULL, 901, 0 }, &b);
	is_int(rc, 0, "sections and references without a footer read with the number given");
	is_int(b.number, 901, "the number given");
	is_str(b.date, "2031-05-12", "the date: the Monday after the latest dated item (05-09)");
	ok(b.date_estimated, "and said to be estimated");
	const char *a1 = file_of(&b, "articles/01-news.md");
	ok(a1 && strstr(a1, "Title: 첫 소식, 'ㅅ") == NULL && strstr(a1, "Title: 첫 소식, '시험' 제목\n"),
	   "a news heading is a title; curly quotes are plain");
	ok(a1 && strstr(a1, "Date: 2031-05-03\nSource: 가람신문(嘉蓝日报)\nRef: 첫 소식 원문 "
				"<https://example.net/1>\n"),
	   "a news item's date from its lead, its source and reference by its note");
	ok(a1 && strstr(a1, "세부 내용은 곧 공개된다.") && !strstr(a1, "출처"),
	   "the body's lines are joined and the note taken out");
	const char *a2 = file_of(&b, "articles/02-news.md");
	ok(a2 && strstr(a2, "Date: 2031-05-06\nSource: 나래일보(娜莱日报)\n"),
	   "the year of a date without one is the issue's");
	const char *a3 = file_of(&b, "articles/03-policy.md");
	ok(a3 && strstr(a3, "Title: 도시의 새 제도(2031 년)\nSection: policy\nDate: 2031-05-07\n"),
	   "a numbered section's kind; its reference's date broken over two lines");
	ok(a3 && strstr(a3, "<https://example.net/3>"), "an address with a space is read without it");
	const char *a4 = file_of(&b, "articles/04-kic.md");
	ok(a4 && strstr(a4, "Title: 행사를 알리는 글\nSection: kic\nDate: 2031-05-09\nSource: KIC 중국\n"),
	   "the text after the last references is KIC's news");
	const char *ev = file_of(&b, "events.csv");
	is_str(ev, "명칭,기간,장소,분야\n제 1 회 시험 박람회,2031.06.01-2031.06.03,상하이,전시\n"
		   "둘째 행사,2031.06.10,베이징,포럼\n",
	       "events: a name over two lines, its stray comma gone; one line with all its cells");
	bundle_free(&b);
}

static void test_refused(void)
{
	static const char plain[] = "장보기 목록\n사과\n배\n";
	ok(!issuetext_recognise(plain, strlen(plain)), "a plain text is not an issue's");
	static const char no_number[] = " 1. [산업분석] 제목 \n본문. \n참고자료 \n";
	ok(issuetext_recognise(no_number, strlen(no_number)),
	   "numbered sections with references are an issue's");
	struct bundle b;
	fprintf(stderr, "# an error follows: no footer, no --issue\n");
	is_int(read_text(no_number, NULL, &b), -1, "without a footer or --issue it is refused");
	is_int((int)b.count, 0, "and gives no files");
}

/* pdftotext drops the space at a line's end: such a text joins every break with a space. */
static void test_no_line_end_spaces(void)
{
	struct buf t = { 0 };
	buf_adds(&t, " 1. [산업분석] 공백 없는 줄\n");
	for (int i = 0; i < 30; i++)
		buf_printf(&t, "%d 번째 줄의 글은\n여기서 이어진다.\n", i);
	buf_adds(&t, "가람(嘉蓝). 원문. (31.01.02)\nhttps://example.net/x\n참고자료\n");
	struct bundle b;
	int rc = issuetext_read("raw.txt", t.data, t.len, &(struct issuetext_options){ NULL, 7, 0 },
				&b);
	is_int(rc, 0, "a text without line-end spaces reads");
	const char *a = file_of(&b, "articles/01-industry.md");
	ok(a && strstr(a, "0 번째 줄의 글은 여기서 이어진다."), "its lines are joined with a space");
	ok(b.warnings >= 1, "and that it cannot tell a broken word is said");
	bundle_free(&b);
	buf_free(&t);
}

int main(void)
{
	test_deals();
	test_stats_by_meaning();
	test_text_tables();
	test_articles_events();
	test_refused();
	test_no_line_end_spaces();
	printf("1..%d\n", tap_count);
	return tap_failures != 0;
}
