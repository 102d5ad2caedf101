/* Which links leave jubo, and the clipboard sequence (base64 checked against Python's
 * base64 module, run when these values were written). */
#include "config.h"

#include <stdlib.h>

#include "../tap.h"
#include "url.h"

static void osc52(const char *text, const char *b64)
{
	char *seq = url_osc52(text);
	char want[256];
	snprintf(want, sizeof want, "\033]52;c;%s\a", b64);
	is_str(seq, want, "OSC 52 of '%s' carries %s", text, b64);
	free(seq);
}

int main(void)
{
	static const char *const good[] = {
		"http://example.com/", "https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA",
		"https://예.kr/중국",
	};
	static const char *const bad[] = {
		"javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/", "mailto:a@b.c",
		"HTTP://example.com/", "https://a b", "https://a\tb", "https://a\nb",
		"https://a\033]0;x\a", "https://a\x7f", "", "//example.com", " https://example.com",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ok(url_is_safe(good[i]), "opened: %s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ok(!url_is_safe(bad[i]), "refused: link %zu of the bad ones", i + 1);
	osc52("a", "YQ==");
	osc52("ab", "YWI=");
	osc52("abc", "YWJj");
	osc52("https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA",
	      "aHR0cHM6Ly9tcC53ZWl4aW4ucXEuY29tL3MvTkstalJtMXVtakdCWkZuS3N0ZklFQQ==");
	osc52("https://예.kr/중국", "aHR0cHM6Ly/smIgua3Iv7KSR6rWt");
	return tap_done();
}
