/* The text engine: widths, fit, wrap, sanitize and locale output, with Korean, Chinese, mixed
 * and hostile strings. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "text.h"
#include "util.h"

static void width_is(const char *s, size_t want)
{
	is_int(text_strwidth(s), want, "width of '%s'", s);
}

static void pad_is(const char *s, size_t cells, enum text_align align, const char *want)
{
	char *got = text_fit_pad(s, cells, align, "…");
	is_str(got, want, "'%s' in %zu cells", s, cells);
	is_int(text_strwidth(got), cells, "'%s' padded to exactly %zu cells", s, cells);
	free(got);
}

/* Wraps and joins the lines with '|'. */
static void wrap_is(const char *s, size_t width, const char *want)
{
	struct text_line *lines;
	size_t n = text_wrap(s, strlen(s), width, &lines);
	struct buf b = { 0 };
	int within = 1;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(&b, '|');
		buf_add(&b, s + lines[i].start, lines[i].len);
		if (lines[i].cells > width)
			within = 0;
		if (lines[i].cells != text_width(s + lines[i].start, lines[i].len))
			within = 0;
	}
	is_str(b.data ? b.data : "", want, "wrap '%s' at %zu", s, width);
	ok(within, "every line of '%s' fits %zu cells and knows its width", s, width);
	buf_free(&b);
	free(lines);
}

/* tests/unit/keepall.txt: each line a case, '|' where the rules allow a break. */
static void keepall_cases(void)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/unit/keepall.txt", top ? top : ".");
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("ok %d # SKIP %s cannot be read\n", ++tap_count, path);
		free(path);
		return;
	}
	char line[1024];
	int cases = 0, passed = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!*line)
			continue;
		struct buf in = { 0 };
		for (const char *c = line; *c; c++)
			if (*c != '|')
				buf_addc(&in, *c);
		char *text = buf_take(&in);
		size_t len = strlen(text);
		char *p = xmalloc(len + 1);
		text_break_opportunities(text, len, 1, p);
		struct buf got = { 0 };
		for (size_t i = 0; i < len; i++) {
			if (i > 0 && p[i])
				buf_addc(&got, '|');
			buf_addc(&got, text[i]);
		}
		cases++;
		if (strcmp(got.data ? got.data : "", line) == 0)
			passed++;
		else
			printf("# keep-all: want %s\n#            got  %s\n", line, got.data ? got.data : "");
		buf_free(&got);
		free(p);
		free(text);
	}
	fclose(f);
	free(path);
	ok(cases >= 200 && passed == cases, "keep-all and kinsoku: %d of %d cases of keepall.txt",
	   passed, cases);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	width_is("abc", 3);
	width_is("한국어", 6);
	width_is("北电集成", 8);
	width_is("노텔집적 北电集成 A", 19);
	width_is("", 0);
	width_is("e\xCC\x81", 1);                         /* e + combining acute */
	width_is("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 2); /* 한 as a jamo sequence */
	width_is("\xEF\xBC\xA1", 2);                      /* fullwidth A */
	width_is("\xEF\xBD\xB1", 1);                      /* halfwidth katakana */
	width_is("a\xE2\x80\x8B" "b", 2);                 /* zero-width space */

	/* The ambiguous policy: one switch for every caller. */
	width_is("•·…×→", 5); /* all East Asian Ambiguous */
	width_is("◼", 1);     /* U+25FC is Neutral, not Ambiguous */
	text_set_ambiguous_wide(1);
	width_is("•·…×→", 10);
	width_is("◼", 1);
	width_is("한국", 4);
	width_is("abc", 3);
	text_set_ambiguous_wide(0);

	/* Clusters stay whole. */
	int w;
	const char *family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
	is_int(text_cluster(family, family + strlen(family), &w), strlen(family),
	       "an emoji ZWJ family is one cluster");
	is_int(w, 2, "and takes two cells");
	const char *thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"; /* thumbs up + skin tone */
	is_int(text_cluster(thumbs, thumbs + strlen(thumbs), &w), strlen(thumbs),
	       "an emoji with a modifier is one cluster");
	const char *heart = "\xE2\x9D\xA4\xEF\xB8\x8F"; /* heart + VS16 */
	text_cluster(heart, heart + strlen(heart), &w);
	is_int(w, 2, "VS16 makes a text-default emoji wide");
	const char *flag = "\xF0\x9F\x87\xB0\xF0\x9F\x87\xB7"; /* KR flag */
	is_int(text_cluster(flag, flag + strlen(flag), &w), 8, "a flag is one cluster");
	is_int(w, 2, "a flag takes two cells");

	/* fit: never half a wide character; the marker is measured. */
	struct text_fit f;
	text_fit("한국어", strlen("한국어"), 5, NULL, &f);
	ok(f.bytes == 6 && f.cells == 4 && f.cut && f.pad == 1,
	   "5 cells take two syllables and leave one empty");
	text_fit("한국어", strlen("한국어"), 5, "…", &f);
	ok(f.bytes == 6 && f.cells == 4 && f.pad == 0, "with a one-cell marker: two syllables");
	text_fit("한국어", strlen("한국어"), 6, "…", &f);
	ok(!f.cut && f.bytes == 9, "exactly fitting text is not cut");
	text_fit("e\xCC\x81" "e\xCC\x81" "e", 5, 1, NULL, &f);
	is_int(f.bytes, 3, "a combining mark stays with its base");
	pad_is("한국어", 5, ALIGN_LEFT, "한국…");
	pad_is("한국어", 4, ALIGN_LEFT, "한 …");
	pad_is("北电集成", 7, ALIGN_LEFT, "北电集…");
	pad_is("abc", 6, ALIGN_RIGHT, "   abc");
	/* Right-aligned and cut where a wide character does not fit before the marker: the gap
	 * stays before the marker, and the whole is as wide as asked (it was one cell wider). */
	pad_is("가나다라마", 8, ALIGN_RIGHT, "가나다 …");
	pad_is("가나다라마", 7, ALIGN_RIGHT, "가나다…");
	pad_is("北电集成", 6, ALIGN_RIGHT, "北电 …");
	pad_is("ab가나다", 6, ALIGN_RIGHT, "ab가 …");
	pad_is("노텔", 6, ALIGN_LEFT, "노텔  ");
	pad_is("노텔", 6, ALIGN_RIGHT, "  노텔");
	pad_is("Anthropic", 5, ALIGN_LEFT, "Anth…");
	pad_is("한", 1, ALIGN_LEFT, "…");
	pad_is("", 3, ALIGN_LEFT, "   ");
	text_set_ambiguous_wide(1);
	char *wide = text_fit_pad("abcdef", 4, ALIGN_LEFT, "…");
	is_str(wide, "ab…", "a wide marker takes two cells under --ambiguous=wide");
	free(wide);
	text_set_ambiguous_wide(0);

	/* wrap: Korean keeps words whole, Chinese breaks between ideographs. */
	wrap_is("중국 창업 생태계가 빠르게 성장하고 있다", 12, "중국 창업|생태계가|빠르게|성장하고|있다");
	wrap_is("人工智能产业发展行动方案", 10, "人工智能产|业发展行动|方案");
	wrap_is("AI칩 개발업체", 8, "AI칩|개발업체");
	wrap_is("알리바바의 대형언어모델 퉁이(通义)가 들어간다.", 14,
		"알리바바의|대형언어모델|퉁이(通义)가|들어간다.");
	wrap_is("첫줄\n둘째 줄", 20, "첫줄|둘째 줄");
	wrap_is("https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA", 20,
		"https://|mp.weixin.qq.com/s/|NK-|jRm1umjGBZFnKstfIEA");
	wrap_is("가나다라마바사아자차카타파하", 10, "가나다라마|바사아자차|카타파하");
	wrap_is("「中国」，创业。", 6, "「中|国」，|创业。");
	wrap_is("", 10, "");
	wrap_is("a  b", 1, "a|b");

	/* sanitize: nothing from the data reaches the terminal raw. */
	char *s = text_sanitize("a\x1b[2Jb\x07", 7, 0);
	is_str(s, "a\xE2\x90\x9B[2Jb\xE2\x90\x87", "ESC and BEL become ␛ and ␇");
	free(s);
	const char osc[] = "\x1b]52;c;aGk=\x07";
	s = text_sanitize(osc, sizeof osc - 1, 0);
	ok(!strchr(s, 0x1b) && !strchr(s, 0x07), "an OSC 52 clipboard write is defused");
	free(s);
	s = text_sanitize("x\xC2\x9By\xE2\x80\xAEz\x7F", 9, 0);
	is_str(s, "x\xE2\x90\xA6y\xE2\x90\xA6z\xE2\x90\xA1", "C1 CSI, RLO and DEL become visible");
	free(s);
	s = text_sanitize("a\xFF\xFE" "b", 4, 0);
	is_str(s, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b", "invalid UTF-8 becomes U+FFFD");
	free(s);
	s = text_sanitize("l1\nl2\tx", 7, 1);
	is_str(s, "l1\nl2 x", "newline kept on request, tab to space");
	free(s);
	s = text_sanitize("l1\nl2", 5, 0);
	is_str(s, "l1\xE2\x90\x8Al2", "newline shown as ␊ otherwise");
	free(s);
	width_is("\xE2\x90\x9B", 1);

	/* Output in a non-UTF-8 locale: placeholders of the same width. */
	if (setlocale(LC_ALL, "C")) {
		char *o = text_for_locale("a한b", 5);
		is_str(o, "a??b", "in the C locale a syllable becomes two question marks");
		free(o);
		o = text_for_locale("x…y", 5);
		is_str(o, "x?y", "an ellipsis becomes one, not three");
		free(o);
	}
	/* A prepended sign (U+0604, no width of its own) before a space: the space's cell. */
	width_is("\xD8\x84 ", 1);
	width_is("a\xD8\x84", 1);
	pad_is("a\xD8\x84", 5, ALIGN_LEFT, "a\xD8\x84    ");
	/* A text that begins with a mark (U+AA30, a spacing vowel sign; U+0301) stands on a
	 * dotted circle when it is padded: after the alignment's spaces it would join one. */
	pad_is("\xEA\xA8\xB0x", 5, ALIGN_RIGHT, "   \xE2\x97\x8C\xEA\xA8\xB0x");
	pad_is("\xCC\x81", 3, ALIGN_RIGHT, "  \xE2\x97\x8C\xCC\x81");
	/* A space under a combining mark is a visible cluster: it takes its cell on a line. */
	struct text_line *ml;
	const char *marked = "ab \xCC\x81";
	size_t nml = text_wrap(marked, strlen(marked), 2, &ml);
	ok(nml == 2 && ml[0].cells == 2 && ml[1].cells == 1 && ml[1].len == 3,
	   "'ab' and a space with an acute accent at width 2: two lines of 2 and 1 cells (got %zu, "
	   "first %zu cells)", nml, nml ? ml[0].cells : 0);
	free(ml);
	/* A search that matches inside a cluster highlights the cluster, no cell beyond it. */
	size_t from = 0, to = 0;
	int found = text_find_cells("a\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
				    "\xF0\x9F\x91\xA7" "b",
				    "\xF0\x9F\x91\xA7", &from, &to);
	ok(found && from == 1 && to == 3,
	   "a girl inside a family emoji highlights its 2 cells at 1..3 (got %zu..%zu)", from, to);
	found = text_find_cells("\xED\x95\x9C\xEA\xB0\x81 \xEA\xB0\x81", "\xEA\xB0\x81 ", &from, &to);
	ok(found && from == 2 && to == 5, "a match at a cluster's start keeps its cells (got %zu..%zu)",
	   from, to);
	keepall_cases();
	return tap_done();
}
