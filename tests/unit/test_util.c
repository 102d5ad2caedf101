/* The small helpers every module uses: paths, the home directory, trimming, answers. */
#include "config.h"

#include <stdlib.h>

#include "../tap.h"
#include "util.h"

static void dir(const char *path, const char *want)
{
	char *got = dir_of(path);
	is_str(got, want, "the directory of '%s' is '%s'", path, want);
	free(got);
}

static void trimmed(const char *text, const char *want, const char *what)
{
	char *copy = xstrdup(text);
	is_str(trim(copy), want, "trim: %s", what);
	free(copy);
}

int main(void)
{
	dir("/home/u/.local/share/jubo/jubo.db", "/home/u/.local/share/jubo");
	dir("jubo.db", ".");
	dir("/jubo.db", "/");
	dir("data/jubo-sample.db", "data");
	dir("./x.db", ".");
	dir("/저장소/주보.db", "/저장소");

	setenv("HOME", "/home/u", 1);
	char *p = expand_home("~/x.db");
	is_str(p, "/home/u/x.db", "~/ is the home directory");
	free(p);
	p = expand_home("~other/x.db");
	is_str(p, "~other/x.db", "~name is left as typed");
	free(p);
	p = collapse_home("/home/u/a/b.db");
	is_str(p, "~/a/b.db", "a path under the home directory is shown with ~/");
	free(p);
	p = collapse_home("/home/user2/b.db");
	is_str(p, "/home/user2/b.db", "a home directory's name is not a prefix of another's");
	free(p);

	trimmed("  a b \t", "a b", "ASCII spaces");
	trimmed("\u3000장쑤\u00a0", "장쑤", "the ideographic space and NO-BREAK SPACE");
	trimmed("\u3000 \u00a0", "", "nothing but spaces");

	/* c_strtod under a locale that writes a comma before the fraction: tests/cli/redesign.sh,
	 * which makes de_DE.UTF-8 with localedef. */

	static const char *const yes[] = { "y", "Yes", " 예 ", "네", "ㅛ", "是" };
	static const char *const no[] = { "", "n", "yess", "아니요", "예예" };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ok(answer_is_yes(yes[i]), "'%s' is yes", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		ok(!answer_is_yes(no[i]), "'%s' is not yes", no[i]);
	return tap_done();
}
