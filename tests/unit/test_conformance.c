/* Conformance of the text engine with the Unicode Consortium's own test data, from Debian's
 * unicode-data package (/usr/share/unicode, or $UNICODE_DATA):
 *   auxiliary/LineBreakTest.txt      the break finder beneath text_wrap (untailored)
 *   auxiliary/GraphemeBreakTest.txt  the clusters text_fit and text_width keep whole
 *   EastAsianWidth.txt               every code point's cell width under both policies
 * Each part reports its pass rate, and failures by class and rule. Line breaking
 * (linebreak.c, on the classes of src/linebreak.inc) and clusters pass every case; widths
 * disagree only where a listed exception says why. The tables follow Unicode 15.0, as
 * Debian 12's unicode-data does: a newer unicode-data may need tools/gen-linebreak.py run
 * again. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unictype.h>
#include <unistr.h>

#include "../tap.h"
#include "text.h"
#include "util.h"

static char *data_path(const char *name)
{
	const char *dir = getenv("UNICODE_DATA");
	return xasprintf("%s/%s", dir && *dir ? dir : "/usr/share/unicode", name);
}

/* One test case: the code points as UTF-8, and for each code point i > 0 whether the data
 * says a break comes before it. */
struct tcase {
	char utf8[512];
	size_t len;
	size_t offsets[128];   /* byte offset of each code point */
	int breaks[128];       /* breaks[i]: break between code point i-1 and i */
	size_t count;
};

static int parse_case(const char *line, struct tcase *c)
{
	memset(c, 0, sizeof *c);
	const char *p = line;
	int pending = -1;
	while (*p && *p != '#') {
		if (strncmp(p, "\xC3\xB7", 2) == 0) { /* ÷ */
			pending = 1;
			p += 2;
		} else if (strncmp(p, "\xC3\x97", 2) == 0) { /* × */
			pending = 0;
			p += 2;
		} else if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F')) {
			char *end;
			unsigned long cp = strtoul(p, &end, 16);
			if (c->count >= 128 || c->len + 4 >= sizeof c->utf8)
				return -1;
			c->offsets[c->count] = c->len;
			c->breaks[c->count] = pending;
			int n = u8_uctomb((uint8_t *)c->utf8 + c->len, (ucs4_t)cp, 4);
			if (n <= 0)
				return -1;
			c->len += (size_t)n;
			c->count++;
			p = end;
		} else {
			p++;
		}
	}
	return c->count ? 0 : -1;
}

/* The rule and classes at the place the data and the engine disagree, from the comment:
 * "× [0.3] NUMBER SIGN (AL) × [28.0] NUMBER SIGN (AL) ÷ [0.3]" -> "AL [28.0] AL". */
static void describe(const char *line, size_t at, char *out, size_t size)
{
	const char *comment = strchr(line, '#');
	char classes[128][24];
	char rules[128][12];
	size_t n = 0;
	for (const char *p = comment ? comment : ""; *p && n < 128; p++) {
		if (*p == '[') {
			const char *e = strchr(p, ']');
			if (!e)
				break;
			snprintf(rules[n], sizeof rules[n], "%.*s", (int)(e - p + 1), p);
			const char *open = strchr(e, '(');
			const char *close = open ? strchr(open, ')') : NULL;
			const char *nextrule = strchr(e, '[');
			if (open && close && (!nextrule || open < nextrule))
				snprintf(classes[n], sizeof classes[n], "%.*s", (int)(close - open - 1),
					 open + 1);
			else
				classes[n][0] = '\0';
			n++;
			p = e;
		}
	}
	if (at >= 1 && at < n)
		snprintf(out, size, "%s %s %s", classes[at - 1], rules[at], classes[at]);
	else
		snprintf(out, size, "?");
}

/* Counts of failures by description, to list each kind once. */
struct tally {
	char what[80];
	int count;
	char example[200];
};

static void tally_add(struct tally *t, size_t *n, size_t cap, const char *what, const char *ex)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(t[i].what, what) == 0) {
			t[i].count++;
			return;
		}
	if (*n < cap) {
		snprintf(t[*n].what, sizeof t[*n].what, "%s", what);
		/* The example is cut to fit: it is only there to show the kind of failure. */
		size_t len = strlen(ex);
		if (len >= sizeof t[*n].example)
			len = sizeof t[*n].example - 1;
		memcpy(t[*n].example, ex, len);
		t[*n].example[len] = '\0';
		t[*n].count = 1;
		(*n)++;
	}
}

static void print_tally(const char *title, struct tally *t, size_t n)
{
	printf("# %s: %zu kinds of failure\n", title, n);
	for (size_t i = 0; i < n; i++)
		printf("#   %4d x %s   e.g. %s\n", t[i].count, t[i].what, t[i].example);
}

static void strip_newline(char *line)
{
	line[strcspn(line, "\r\n")] = '\0';
}

/* Where a test's engine says breaks are: starts[i] set when a break comes before byte i. */
typedef void (*break_finder)(const char *s, size_t len, char *starts);

static void find_line_breaks(const char *s, size_t len, char *starts)
{
	text_break_opportunities(s, len, 0, starts);
}

static void find_clusters(const char *s, size_t len, char *starts)
{
	memset(starts, 0, len);
	for (size_t at = 0; at < len;) {
		int w;
		starts[at] = 1;
		at += text_cluster(s + at, s + len, &w);
	}
}

/* Runs every case of one of Unicode's break test files through a finder, reports the pass
 * rate and the failures by classes and rule, and checks the rate against a floor. */
static void break_test(const char *file, const char *what_for, break_finder find,
		       int min_cases, double floor)
{
	char *path = data_path(file);
	const char *name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	FILE *f = fopen(path, "r");
	if (!ok(f != NULL, "%s is readable at %s", name, path)) {
		free(path);
		return;
	}
	char line[4096];
	int total = 0, passed = 0;
	static struct tally tally[256];
	size_t kinds = 0;
	struct tcase c;
	while (fgets(line, sizeof line, f)) {
		strip_newline(line);
		if (line[0] == '#' || parse_case(line, &c) != 0)
			continue;
		char starts[512] = { 0 };
		find(c.utf8, c.len, starts);
		size_t bad = 0;
		for (size_t i = 1; i < c.count && !bad; i++)
			if ((starts[c.offsets[i]] != 0) != (c.breaks[i] != 0))
				bad = i;
		total++;
		if (!bad) {
			passed++;
			continue;
		}
		char what[80];
		describe(line, bad, what, sizeof what);
		tally_add(tally, &kinds, 256, what, line);
	}
	fclose(f);
	double rate = total ? 100.0 * passed / total : 0;
	printf("# %s: %d of %d cases pass (%.2f%%)\n", name, passed, total, rate);
	char title[128];
	snprintf(title, sizeof title, "%s failures by classes and rule", name);
	print_tally(title, tally, kinds);
	ok(total > min_cases, "%s has its %d cases", name, total);
	ok(rate >= floor, "%s passes %.2f%% of %s (at least %.2f%%)", what_for, rate, name, floor);
	free(path);
}

/* Expected cells of a code point from its East_Asian_Width value, or -1 to skip it. */
static int expected_width(ucs4_t c, const char *eaw, int wide_policy)
{
	if (uc_is_general_category(c, UC_CATEGORY_Cc) || uc_is_general_category(c, UC_CATEGORY_Cs))
		return -1; /* controls are never shown raw; surrogates are not characters */
	if (uc_is_general_category(c, UC_CATEGORY_Mn) || uc_is_general_category(c, UC_CATEGORY_Me) ||
	    uc_is_general_category(c, UC_CATEGORY_Cf) || (c >= 0x1160 && c <= 0x11FF) ||
	    (c >= 0xD7B0 && c <= 0xD7FF))
		return 0; /* combining, format, and jamo vowels and finals draw on their base */
	if (strcmp(eaw, "W") == 0 || strcmp(eaw, "F") == 0)
		return 2;
	if (strcmp(eaw, "A") == 0)
		return wide_policy ? 2 : 1;
	return 1;
}

/* Known disagreements, each with its reason. */
struct exception {
	ucs4_t from, to;
	const char *why;
};

static const struct exception width_exceptions[] = {
	{ 0x0CBF, 0x0CBF, "KANNADA VOWEL SIGN I: Mn, spacing in libunistring 1.0" },
	{ 0x0CC6, 0x0CC6, "KANNADA VOWEL SIGN E: Mn, spacing in libunistring 1.0" },
	{ 0x11A07, 0x11A08, "ZANABAZAR SQUARE vowel signs: Mn since Unicode 15, spacing before" },
	{ 0x11C3F, 0x11C3F, "BHAIKSUKI VOWEL SIGN VOCALIC L: Mn, spacing in libunistring 1.0" },
	{ 0x1B132, 0x1B132, "HIRAGANA SMALL KO: added in Unicode 15, unknown to libunistring 1.0" },
	{ 0x1B155, 0x1B155, "KATAKANA SMALL KO: added in Unicode 15, unknown to libunistring 1.0" },
	{ 0x1F6DC, 0x1F6DC, "WIRELESS emoji: added in Unicode 15, unknown to libunistring 1.0" },
	{ 0x1FA75, 0x1FAF8, "emoji added in Unicode 15, unknown to libunistring 1.0" },
};

static const struct exception *width_exception(ucs4_t c)
{
	for (size_t i = 0; i < sizeof width_exceptions / sizeof width_exceptions[0]; i++)
		if (c >= width_exceptions[i].from && c <= width_exceptions[i].to)
			return &width_exceptions[i];
	return NULL;
}

static void east_asian_width_test(double floor)
{
	char *path = data_path("EastAsianWidth.txt");
	FILE *f = fopen(path, "r");
	if (!ok(f != NULL, "EastAsianWidth.txt is readable at %s", path)) {
		free(path);
		return;
	}
	char line[1024];
	long total = 0, passed = 0, excused = 0, unexplained = 0;
	int used[sizeof width_exceptions / sizeof width_exceptions[0]] = { 0 };
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		unsigned long from, to;
		char eaw[4];
		char *semi = strchr(line, ';');
		if (!semi)
			continue;
		if (sscanf(line, "%lx..%lx", &from, &to) != 2) {
			if (sscanf(line, "%lx", &from) != 1)
				continue;
			to = from;
		}
		if (sscanf(semi + 1, "%3[A-Za-z]", eaw) != 1)
			continue;
		for (unsigned long c = from; c <= to; c++) {
			for (int policy = 0; policy < 2; policy++) {
				int want = expected_width((ucs4_t)c, eaw, policy);
				if (want < 0)
					continue;
				text_set_ambiguous_wide(policy);
				int got = text_char_width((unsigned)c);
				total++;
				if (got == want) {
					passed++;
					continue;
				}
				const struct exception *e = width_exception((ucs4_t)c);
				if (e) {
					excused++;
					used[e - width_exceptions]++;
					if (getenv("JUBO_LIST_EXCUSED"))
						printf("#   excused U+%04lX %s %d\n", c, eaw, got);
				} else if (unexplained++ < 40) {
					printf("#   U+%04lX (%s, %s policy): width %d, expected %d\n", c, eaw,
					       policy ? "wide" : "narrow", got, want);
				}
			}
		}
	}
	fclose(f);
	text_set_ambiguous_wide(0);
	double rate = total ? 100.0 * passed / total : 0;
	printf("# EastAsianWidth.txt: %ld of %ld code point widths agree (%.2f%%), %ld excused, "
	       "%ld unexplained\n",
	       passed, total, rate, excused, unexplained);
	for (size_t i = 0; i < sizeof width_exceptions / sizeof width_exceptions[0]; i++)
		if (used[i])
			printf("#   %6d x U+%04X..U+%04X: %s\n", used[i], width_exceptions[i].from,
			       width_exceptions[i].to, width_exceptions[i].why);
	ok(unexplained == 0, "every width that disagrees with EastAsianWidth.txt is a listed "
			     "exception (%ld are not)",
	   unexplained);
	ok(rate >= floor, "widths agree for %.2f%% of EastAsianWidth.txt (at least %.2f%%)", rate,
	   floor);
	/* The characters jubo's data is made of are exact. */
	ok(text_char_width(0xAC00) == 2 && text_char_width(0xD7A3) == 2, "Hangul syllables are wide");
	ok(text_char_width(0x4E00) == 2 && text_char_width(0x9FA5) == 2, "CJK ideographs are wide");
	free(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	char *probe = data_path("EastAsianWidth.txt");
	FILE *f = fopen(probe, "r");
	free(probe);
	if (!f) {
		printf("1..0 # SKIP Unicode data not installed (Debian: unicode-data)\n");
		return 0;
	}
	fclose(f);
	break_test("auxiliary/LineBreakTest.txt", "line breaking", find_line_breaks, 7000, 100.0);
	break_test("auxiliary/GraphemeBreakTest.txt", "clusters", find_clusters, 600, 100.0);
	east_asian_width_test(99.99);
	return tap_done();
}
