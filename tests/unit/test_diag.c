/* Messages on standard error: the file:line:column form, controls shown and not obeyed, and
 * the progress line (only on a terminal, after half a second, at most ten times a second,
 * cut to the width, erased before an error and at the end). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../tap.h"
#include "diag.h"
#include "util.h"

static int saved_stderr;

/* Standard error into fd until taken back. */
static void stderr_to(int fd)
{
	fflush(stderr);
	dup2(fd, STDERR_FILENO);
}

static void stderr_back(void)
{
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
}

/* Everything written to the file or terminal behind fd so far. */
static char *drain(int fd)
{
	struct buf b = { 0 };
	char chunk[4096];
	int flags = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	fcntl(fd, F_SETFL, flags);
	return b.data ? buf_take(&b) : xstrdup("");
}

/* What has been written to the terminal behind master since the last look is want. */
static void written_is(int master, const char *want, const char *what)
{
	fflush(stderr);
	char *got = drain(master);
	is_str(got, want, "%s", what);
	free(got);
}

/* What erasing a line of n cells writes. */
static char *erase_of(size_t n)
{
	char *s = xmalloc(n + 3);
	s[0] = '\r';
	memset(s + 1, ' ', n);
	s[n + 1] = '\r';
	s[n + 2] = '\0';
	return s;
}

static void pause_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&t, NULL);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	saved_stderr = dup(STDERR_FILENO);

	/* To a file: the message form, and no progress at all. */
	char path[] = "/tmp/jubo-test-diag-XXXXXX";
	int file = mkstemp(path);
	stderr_to(file);
	diag_error_at("deals.csv", (struct textpos){ 3, 25 }, "expected %s", "a date");
	diag_warning_at("a\033]0;x\007.csv", (struct textpos){ 0, 0 }, "kept");
	diag_progress("a stage");
	pause_ms(600);
	diag_progress_step("a step");
	diag_progress_tick();
	diag_progress_end();
	stderr_back();
	lseek(file, 0, SEEK_SET);
	char *got = drain(file);
	is_str(got,
	       "jubo: deals.csv:3:25: expected a date\n"
	       "jubo: a\\x1B]0;x\\x07.csv: warning: kept\n",
	       "to a file: the place, the message, controls shown as \\xHH, and no progress");
	free(got);
	close(file);
	unlink(path);

	/* To a terminal of 30 columns (raw, so that what is written is what is read). */
	int master, slave;
	struct winsize ws = { .ws_row = 10, .ws_col = 30 };
	if (openpty(&master, &slave, NULL, NULL, &ws) != 0) {
		printf("1..0 # SKIP no pseudo-terminal: %s\n", strerror(errno));
		return 0;
	}
	struct termios raw;
	tcgetattr(slave, &raw);
	cfmakeraw(&raw);
	tcsetattr(slave, TCSANOW, &raw);
	stderr_to(slave);
	diag_progress("reading");
	written_is(master, "", "nothing in the first half second");
	pause_ms(550);
	diag_progress_tick();
	written_is(master, "\rjubo: reading", "then the line, from the start of the row");
	pause_ms(120);
	diag_progress_step("row 1");
	diag_progress_step("row 2");
	written_is(master, "\rjubo: row 1  ",
		   "a step over a longer line pads it out; a second at once waits");
	pause_ms(120);
	diag_progress_tick();
	written_is(master, "\rjubo: row 2  ", "and comes at the next tick");
	diag_progress("장쑤성 쑤저우시의 투자 기록을 읽는 중");
	written_is(master, "\rjubo: 장쑤성 쑤저우시의 투자…",
		   "a new stage shows at once, cut to 29 cells with an ellipsis");
	diag_error("a failure");
	char *erase = erase_of(29), *want = xasprintf("%sjubo: a failure\n", erase);
	written_is(master, want, "an error erases the line first (29 spaces), then is written whole");
	free(want);
	pause_ms(120);
	diag_progress_tick();
	written_is(master, "\rjubo: 장쑤성 쑤저우시의 투자…", "the line comes back under it");
	diag_progress_end();
	written_is(master, erase, "the end erases it");
	free(erase);
	diag_progress("again");
	diag_progress_tick();
	written_is(master, "", "a new run waits its own half second");
	diag_progress_end();
	stderr_back();
	close(slave);
	close(master);
	return tap_done();
}
