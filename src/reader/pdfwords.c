/* pdfwords.c: a PDF's words and boxes through pdftotext -bbox-layout. See pdfwords.h. */
#include "config.h"

#include "reader/pdfwords.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "diag.h"
#include "i18n.h"
#include "util.h"

/* The value of attribute name="..." in the tag that starts at tag (up to its '>'). */
static double attr(const char *tag, const char *end, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = tag; p && p + n + 2 < end; p = strchr(p + 1, ' ')) {
		if (p[0] == ' ' && strncmp(p + 1, name, n) == 0 && p[n + 1] == '=' && p[n + 2] == '"')
			return c_strtod(p + n + 3, NULL);
	}
	return 0;
}

/* Text between tags with its entities decoded. */
static char *decode_entities(const char *s, size_t len)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < len;) {
		if (s[i] != '&') {
			buf_addc(&b, s[i++]);
			continue;
		}
		const char *semi = memchr(s + i, ';', len - i);
		size_t n = semi ? (size_t)(semi - (s + i)) : 0;
		static const struct {
			const char *name, *text;
		} named[] = { { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
			      { "apos", "'" } };
		int done = 0;
		for (size_t k = 0; semi && k < sizeof named / sizeof named[0] && !done; k++) {
			if (n - 1 == strlen(named[k].name) &&
			    strncmp(s + i + 1, named[k].name, n - 1) == 0) {
				buf_adds(&b, named[k].text);
				done = 1;
			}
		}
		if (!done && semi && n > 2 && s[i + 1] == '#') {
			unsigned long c = s[i + 2] == 'x' || s[i + 2] == 'X'
						  ? strtoul(s + i + 3, NULL, 16)
						  : strtoul(s + i + 2, NULL, 10);
			uint8_t u[6];
			int k = c > 0 && c < 0x110000 ? u8_uctomb(u, (ucs4_t)c, sizeof u) : -1;
			if (k > 0)
				buf_add(&b, u, (size_t)k);
			done = 1;
		}
		if (done) {
			i += n + 1;
		} else {
			buf_addc(&b, s[i++]);
		}
	}
	return buf_take(&b);
}

int pdf_words_parse(const char *x, size_t len, struct pdf_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	const char *end = x + len;
	struct pdf_page *page = NULL;
	size_t cap = 0;
	int line = -1, block = -1;
	int seen_doc = 0;
	for (const char *p = x; p < end;) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		if (!lt)
			break;
		const char *gt = memchr(lt, '>', (size_t)(end - lt));
		if (!gt)
			break;
		if (strncmp(lt, "<doc>", 5) == 0) {
			seen_doc = 1;
		} else if (strncmp(lt, "<page ", 6) == 0) {
			doc->pages = xrealloc(doc->pages, (doc->count + 1) * sizeof *doc->pages);
			page = &doc->pages[doc->count++];
			*page = (struct pdf_page){ attr(lt, gt, "width"), attr(lt, gt, "height"), NULL, 0 };
			cap = 0;
		} else if (strncmp(lt, "<block", 6) == 0 && (lt[6] == ' ' || lt[6] == '>')) {
			block++;
		} else if (strncmp(lt, "<line", 5) == 0 && (lt[5] == ' ' || lt[5] == '>')) {
			line++;
		} else if (strncmp(lt, "<word ", 6) == 0 && page) {
			const char *close = gt + 1;
			const char *etag = NULL;
			for (const char *q = close; q + 7 <= end; q++)
				if (q[0] == '<' && strncmp(q, "</word>", 7) == 0) {
					etag = q;
					break;
				}
			if (!etag)
				break;
			if (page->count == cap) {
				cap = cap ? cap * 2 : 256;
				page->words = xrealloc(page->words, cap * sizeof *page->words);
			}
			page->words[page->count++] = (struct pdf_word){
				attr(lt, gt, "xMin"), attr(lt, gt, "yMin"), attr(lt, gt, "xMax"),
				attr(lt, gt, "yMax"), decode_entities(close, (size_t)(etag - close)),
				line, block,
			};
			p = etag + 7;
			continue;
		}
		p = gt + 1;
	}
	if (!seen_doc) {
		pdf_doc_free(doc);
		return -1;
	}
	return 0;
}

void pdf_doc_free(struct pdf_doc *doc)
{
	for (size_t i = 0; i < doc->count; i++) {
		for (size_t k = 0; k < doc->pages[i].count; k++)
			free(doc->pages[i].words[k].text);
		free(doc->pages[i].words);
	}
	free(doc->pages);
	memset(doc, 0, sizeof *doc);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int pdf_words_read(const char *path, struct pdf_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	/* A FIFO or a device named x.pdf would block pdftotext (and jubo) forever. */
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("not a regular file: jubo reads an issue's PDF from a file"));
		return -1;
	}
	double limit = 60;
	const char *env = getenv("JUBO_PDF_TIMEOUT");
	if (env && c_strtod(env, NULL) > 0)
		limit = c_strtod(env, NULL);
	int out[2], err[2];
	if (pipe(out) != 0 || pipe(err) != 0) {
		diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		return -1;
	}
	/* A name that begins with '-' would be read as an option. */
	char *arg = path[0] == '-' ? xasprintf("./%s", path) : xstrdup(path);
	pid_t pid = fork();
	if (pid < 0) {
		diag_error_at(path, (struct textpos){ 0, 0 }, "%s", strerror(errno));
		free(arg);
		return -1;
	}
	if (pid == 0) {
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(out[0]);
		close(out[1]);
		close(err[0]);
		close(err[1]);
		/* No shell: the file name is one argument, whatever it holds. */
		char *const argv[] = { "pdftotext", "-bbox-layout", "-enc", "UTF-8", arg, "-", NULL };
		execvp("pdftotext", argv);
		_exit(errno == ENOENT ? 127 : 126);
	}
	free(arg);
	close(out[1]);
	close(err[1]);
	struct buf b = { 0 }, e = { 0 };
	struct pollfd fds[2] = { { out[0], POLLIN, 0 }, { err[0], POLLIN, 0 } };
	double start = now_seconds();
	int timed_out = 0, open_fds = 2;
	char chunk[65536];
	while (open_fds > 0) {
		double left = limit - (now_seconds() - start);
		if (left <= 0) {
			timed_out = 1;
			break;
		}
		int r = poll(fds, 2, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			} else if (i == 0) {
				buf_add(&b, chunk, (size_t)n);
			} else if (e.len < 4096) {
				buf_add(&e, chunk, (size_t)n);
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	if (timed_out)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = -1;
	if (timed_out) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("pdftotext did not finish in %g seconds: stopped "
				"($JUBO_PDF_TIMEOUT sets the limit)"),
			      limit);
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("reading a PDF needs pdftotext: install Debian's poppler-utils "
				"(apt-get install poppler-utils), or give the text"));
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* pdftotext's own words say why (an encrypted file, a damaged one): its last
		 * line, without its "Syntax Error" noise when there is more. */
		char *msg = buf_take(&e);
		char *t = trim(msg);
		char *last = strrchr(t, '\n');
		const char *why = last ? trim(last + 1) : t;
		if (!*why)
			why = WIFSIGNALED(status) ? _("it stopped on a signal") : _("it gave no reason");
		diag_error_at(path, (struct textpos){ 0, 0 }, _("pdftotext cannot read this PDF: %s"),
			      why);
		free(msg);
	} else if (pdf_words_parse(b.data ? b.data : "", b.len, doc) != 0) {
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("pdftotext gave no page of this PDF"));
	} else {
		rc = 0;
	}
	buf_free(&b);
	buf_free(&e);
	return rc;
}
