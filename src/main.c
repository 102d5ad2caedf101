/* main.c: the command line: global options, subcommands, exit status.
 *
 * Exit status: 0 success, 1 failure (bad input, store errors), 2 usage errors. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actions.h"
#include "browser.h"
#include "decode.h"
#include "diag.h"
#include "i18n.h"
#include "ics.h"
#include "import.h"
#include "issuetext.h"
#include "query.h"
#include "state.h"
#include "list.h"
#include "store.h"
#include "text.h"
#include "util.h"

enum { EXIT_USAGE = 2 };

/* Where the sample store is looked for: $JUBO_SAMPLE_DB, else the installed copy. */
static const char *sample_store_path(void)
{
	const char *env = getenv("JUBO_SAMPLE_DB");
	return env && *env ? env : PKGDATADIR "/jubo-sample.db";
}

static void print_usage(FILE *f)
{
	fprintf(f, _("Usage: jubo [--db FILE] [COMMAND [ARGS...]]\n"
		     "A terminal browser for an archive of newsletter issues about the Chinese\n"
		     "startup and technology scene (주간 중국창업).\n"
		     "\n"
		     "Commands:\n"
		     "  import [--encoding ENC] [--replace] [--dry-run] [--quiet] [--issue N]\n"
		     "         [--date D] PATH...\n"
		     "                      import issue bundles (directories), single files, or\n"
		     "                      an issue as published (its text, .txt, or its .pdf,\n"
		     "                      read by the words' places on the page)\n"
		     "  convert [--issue N] [--date D] [--encoding ENC] [--quiet] -o DIR ISSUE\n"
		     "                      write the bundle an issue's text or PDF holds, to read\n"
		     "                      and mend before 'jubo import DIR'\n"
		     "  convert --layout ISSUE.pdf\n"
		     "                      show the lines and tables a PDF is read by\n"
		     "  list [OPTIONS] deals|articles|events|regions|issues|starred|watch\n"
		     "                      print what the store holds\n"
		     "  export --ics [--filter EXPR] [-o FILE]\n"
		     "                      write the events as iCalendar (RFC 5545)\n"
		     "  follow|unfollow company|investor|sector|place NAME\n"
		     "                      follow an entity across the issues (the Watch pane,\n"
		     "                      'jubo list watch')\n"
		     "  state export [-o FILE] | state import FILE\n"
		     "                      move the reader's marks, notes and follows (CSV)\n"
		     "\n"
		     "Options:\n"
		     "  --db FILE           use the store FILE (default: $JUBO_DB, else\n"
		     "                      $XDG_DATA_HOME/jubo/jubo.db)\n"
		     "  --ambiguous=WIDTH   East Asian Ambiguous characters (· … × →) take\n"
		     "                      'narrow' (1, the default) or 'wide' (2) cells\n"
		     "  --week-start=DAY    the calendar's weeks start on sunday or monday\n"
		     "                      (default: the locale's first weekday)\n"
		     "  --state FILE        keep the reader's marks, notes and follows in FILE\n"
		     "                      (default: $JUBO_STATE, else\n"
		     "                      $XDG_STATE_HOME/jubo/state.db)\n"
		     "  --wait=SECONDS      wait up to SECONDS for a store another program has\n"
		     "                      locked, counting down (default 5; 0: not at all)\n"
		     "  --keys              list the browser's keys and exit\n"
		     "  -h, --help          show this help and exit\n"
		     "  -V, --version       show the version and exit\n"
		     "\n"
		     "Import options:\n"
		     "  --encoding ENC      read the files as ENC (CP949, GB18030, BIG5, UTF-16 ...);\n"
		     "                      by default UTF-8, or UTF-16 when the file has a BOM\n"
		     "  --replace           import an issue that is already in the store again\n"
		     "  --dry-run           check everything and report, but write nothing\n"
		     "  --issue N           add single files to issue N, already in the store;\n"
		     "                      an issue's text: its number, if its footers lack it\n"
		     "  --date YYYY-MM-DD   an issue's text: its date (by default the Monday\n"
		     "                      after its latest dated item, said in a warning)\n"
		     "  --quiet             print no warnings and no summary of an issue's tables\n"
		     "\n"
		     "List options:\n"
		     "  --filter EXPR       only rows matching EXPR: words, field:value,\n"
		     "                      amount>=10억, date:2025-04, -term (see jubo(1))\n"
		     "  --sort KEY[,KEY...] sort by these keys; -KEY or KEY:desc descends\n"
		     "  --reverse           reverse every sort direction\n"
		     "  --columns LIST      show these columns, comma-separated\n"
		     "  --format FORMAT     table (aligned, the default), csv or tsv\n"
		     "  --bom               CSV: begin with a UTF-8 byte order mark, so that\n"
		     "                      Excel reads Hangul and Han right\n"
		     "  --width N           table width in cells (default: the terminal's, or 80)\n"
		     "\n"
		     "With no command, jubo opens the browser (in a pipe: lists the issues).\n"
		     "Without a store of your own, jubo reads the sample issue shipped with it.\n"
		     "See jubo(1) for the file formats.\n"));
}

/* The browser's key table, one action a line: keys, name, help. */
static void print_keys(void)
{
	for (const struct action *a = actions; a->name; a++)
		printf("%s\t%s\t%s\n", a->keys, a->name, _(a->help));
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("jubo: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s\n", _("Try 'jubo --help' for more information."));
	return EXIT_USAGE;
}

/* An option a command does not know, named as typed; a file whose name begins with '-' is
 * an option to getopt, so the message says how to name it. Call with opterr 0, at once after
 * getopt_long returned '?'. */
static int unknown_option(const char *command, char **argv, const char *optstring)
{
	char opt[64];
	if (optopt)
		snprintf(opt, sizeof opt, "-%c", optopt);
	else
		snprintf(opt, sizeof opt, "%s", argv[optind - 1]);
	if (optopt && strchr(optstring, optopt)) {
		fprintf(stderr, _("jubo: %s: option '%s' needs a value\n"), command, opt);
		fprintf(stderr, "%s\n", _("Try 'jubo --help' for more information."));
		return EXIT_USAGE;
	}
	/* The whole argument: in a cluster ("-v.pdf") getopt has not moved past it yet. */
	const char *arg = argv[optind - 1];
	if (optopt && argv[optind] && argv[optind][0] == '-' && argv[optind][1] != '-' &&
	    strchr(argv[optind], optopt))
		arg = argv[optind];
	fprintf(stderr, _("jubo: %s: unknown option '%s' (a file whose name begins with '-' is "
			  "named ./%s)\n"),
		command, opt, arg[0] == '-' ? arg : opt);
	fprintf(stderr, "%s\n", _("Try 'jubo --help' for more information."));
	return EXIT_USAGE;
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Opens a file to be named TO once it is whole: where the system allows, a file with no name
 * yet in TO's directory (O_TMPFILE), which a kill before it is named leaves nothing of;
 * otherwise a temporary file beside TO, named in *tmp. -1 with errno set. */
static int open_unnamed_beside(const char *to, char **tmp)
{
	*tmp = NULL;
#ifdef O_TMPFILE
	char *dir = dir_of(to);
	int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
	free(dir);
	/* Naming it goes through /proc; without /proc the named temporary is used. */
	if (fd >= 0 && access("/proc/self/fd", X_OK) == 0)
		return fd;
	if (fd >= 0)
		close(fd);
#endif
	*tmp = xasprintf("%s.XXXXXX", to);
	int named = mkstemp(*tmp);
	if (named < 0) {
		int e = errno;
		free(*tmp);
		*tmp = NULL;
		errno = e;
	}
	return named;
}

/* Gives the file FD opened by open_unnamed_beside its name TO, unless TO exists by now
 * (EEXIST): link() never replaces a file, where rename() would. */
static int name_file(int fd, const char *tmp, const char *to)
{
	if (!tmp) {
		char proc[64];
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		return linkat(AT_FDCWD, proc, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
	}
	if (link(tmp, to) == 0)
		return 0;
	/* A file system without hard links gets the rename, the target absent a moment ago. */
	if ((errno == EPERM || errno == ENOSYS || errno == EOPNOTSUPP) && !file_exists(to))
		return rename(tmp, to);
	return -1;
}

/* Copies a file byte for byte, atomically: written whole and synced before it takes its
 * name, so that a kill during the copy leaves no half a store behind (a later run starts
 * again from the sample), and where the system allows (O_TMPFILE) no temporary file
 * either. 0 or -1 with errno set; an existing target is not replaced. */
static int copy_file(const char *from, const char *to)
{
	char *data;
	size_t len;
	if (read_file(from, &data, &len) != 0)
		return -1;
	char *tmp;
	int fd = open_unnamed_beside(to, &tmp);
	if (fd < 0) {
		int e = errno;
		free(data);
		errno = e;
		return -1;
	}
	int failed = 0;
	for (size_t done = 0; done < len && !failed;) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			failed = 1;
		else
			done += (size_t)n;
	}
	int e = errno;
	free(data);
	if (!failed && (fchmod(fd, 0644) != 0 || fsync(fd) != 0))
		failed = 1, e = errno;
	if (!failed && name_file(fd, tmp, to) != 0)
		failed = 1, e = errno;
	if (close(fd) != 0 && !failed)
		failed = 1, e = errno;
	if (tmp)
		unlink(tmp);
	free(tmp);
	errno = e;
	return failed ? -1 : 0;
}

/* Opens the store for writing. The user's default store is created on first use, with its
 * directory, starting from the sample so that the issue shipped with jubo stays in view. */
static struct store *open_for_writing(const char *db_option)
{
	char *path = db_option ? xstrdup(db_option) : store_default_path();
	char *err = NULL;
	if (!path) {
		char *why = store_home_problem();
		diag_error("%s", why);
		free(why);
		return NULL;
	}
	if (!db_option && !file_exists(path)) {
		if (store_make_parent_dirs(path) != 0) {
			diag_error(_("cannot create the directory for %s: %s"), path, strerror(errno));
			free(path);
			return NULL;
		}
		const char *sample = sample_store_path();
		if (file_exists(sample) && copy_file(sample, path) != 0) {
			diag_error(_("cannot create %s: %s"), path, strerror(errno));
			free(path);
			return NULL;
		}
	}
	struct store *s = store_open(path, STORE_OPEN_CREATE, &err);
	if (!s) {
		diag_error("%s", err);
		free(err);
	}
	free(path);
	return s;
}

/* Opens the store for reading: the user's, else the sample shipped with jubo. */
/* --state FILE, and why the reader's state is kept only for this run (or NULL). */
static const char *state_option;
static char *state_note;

/* Attaches the reader's state to a store opened for reading. A state that cannot be kept is
 * kept in memory: said by the browser, and by the commands that write it. */
static int attach_state(struct store *s)
{
	char *path = state_option ? xstrdup(state_option) : state_default_path();
	free(state_note);
	state_note = NULL;
	int rc = state_attach(s, path, &state_note);
	free(path);
	if (rc != 0)
		diag_error(_("cannot read the reader's state: %s"), store_errmsg(s));
	return rc;
}

static struct store *open_for_reading(const char *db_option)
{
	char *path = db_option ? xstrdup(db_option) : store_default_path();
	char *err = NULL;
	/* Without a home directory, reading goes on with the sample. */
	if (!path || !file_exists(path)) {
		const char *sample = sample_store_path();
		const char *env = getenv("JUBO_DB");
		if (db_option || (env && *env) || !file_exists(sample)) {
			if (path)
				diag_error(_("there is no store at %s yet: import an issue with 'jubo "
					     "import PATH'"),
					   path);
			else {
				char *why = store_home_problem();
				diag_error("%s", why);
				free(why);
			}
			free(path);
			return NULL;
		}
		free(path);
		path = xstrdup(sample);
	}
	struct store *s = store_open(path, STORE_OPEN_READONLY, &err);
	if (!s) {
		diag_error("%s", err);
		free(err);
	} else if (store_note(s)) {
		diag_warning_at(NULL, (struct textpos){ 0, 0 }, "%s", store_note(s));
	}
	free(path);
	if (s && attach_state(s) != 0) {
		store_close(s);
		return NULL;
	}
	return s;
}

/* YYYY-MM-DD, a day that exists. */
static int valid_iso_date(const char *s)
{
	int y, m, d, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || s[10] || y < 1900 ||
	    m < 1 || m > 12 || d < 1)
		return 0;
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] && !(m == 2 && d == 29 && !leap);
}

/* jubo convert: an issue's text into a bundle directory, nothing written to the store. */
static int cmd_convert(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "issue", required_argument, NULL, 'i' },
		{ "date", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "layout", no_argument, NULL, 'L' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL, *encoding = NULL;
	struct issuetext_options io = { 0 };
	int c, layout = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:i:d:e:qh", options, NULL)) != -1) {
		switch (c) {
		case 'L':
			layout = 1;
			break;
		case 'q':
			io.quiet = 1;
			diag_set_quiet(1);
			break;
		case 'o':
			dir = optarg;
			break;
		case 'e':
			encoding = optarg;
			break;
		case 'i': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n <= 0 || n > 1000000)
				return usage_error(_("--issue expects an issue number, not '%s'"), optarg);
			io.number = (int)n;
			break;
		}
		case 'd':
			if (!valid_iso_date(optarg))
				return usage_error(_("--date expects a date such as 2025-03-31, not '%s'"),
						   optarg);
			io.date = optarg;
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		default:
			return unknown_option("convert", argv, "o:i:d:e:qh");
		}
	}
	if (optind >= argc)
		return usage_error("%s", _("convert needs the issue's text or PDF"));
	if (optind + 1 < argc)
		return usage_error(_("unexpected argument '%s'"), argv[optind + 1]);
	const char *path = argv[optind];
	if (layout) {
		char *text = issuetext_pdf_layout(path);
		if (!text)
			return 1;
		fputs(text, stdout);
		free(text);
		return 0;
	}
	if (!dir)
		return usage_error("%s", _("convert needs -o DIR, the bundle to write"));
	struct bundle b;
	int rc = issuetext_read_file(path, encoding, &io, &b);
	if (rc == 1)
		diag_error_at(path, (struct textpos){ 0, 0 },
			      _("this is not an issue's text: no page footer such as '주간 중국창업 "
				"418 호' and no numbered section such as '1. [산업분석] ...'"));
	if (rc != 0)
		return 1;
	rc = bundle_write(&b, dir);
	if (rc == 0)
		printf(_("wrote %s: issue %d of %s, %zu files; warnings %d\n"), dir, b.number, b.date,
		       b.count, b.warnings);
	bundle_free(&b);
	return rc == 0 ? 0 : 1;
}

static int cmd_import(const char *db, int argc, char **argv)
{
	static const struct option options[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "replace", no_argument, NULL, 'r' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "issue", required_argument, NULL, 'i' },
		{ "date", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_options opt = { 0 };
	int c;
	optind = 0; /* 0 makes glibc start afresh, permuting options after operands */
	while ((c = getopt_long(argc, argv, "e:rni:d:qh", options, NULL)) != -1) {
		switch (c) {
		case 'q':
			opt.quiet = 1;
			diag_set_quiet(1);
			break;
		case 'e':
			opt.encoding = optarg;
			break;
		case 'r':
			opt.replace = 1;
			break;
		case 'n':
			opt.dry_run = 1;
			break;
		case 'i': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n <= 0 || n > 1000000)
				return usage_error(_("--issue expects an issue number, not '%s'"), optarg);
			opt.issue_number = (int)n;
			break;
		}
		case 'd':
			if (!valid_iso_date(optarg))
				return usage_error(_("--date expects a date such as 2025-03-31, not '%s'"),
						   optarg);
			opt.date = optarg;
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		default:
			return unknown_option("import", argv, "e:rni:d:qh");
		}
	}
	if (optind >= argc)
		return usage_error("%s", _("import needs at least one PATH"));
	struct store *s = open_for_writing(db);
	if (!s)
		return 1;
	struct import_counts n;
	int rc = import_paths(s, argv + optind, argc - optind, &opt, &n);
	store_close(s);
	if (rc != 0)
		return 1;
	printf(opt.dry_run ? _("checked (nothing written): issues %d, articles %d, deals %d "
			       "(investors %d), events %d, statistics %d, places %d, rates %d; "
			       "warnings %d\n")
			   : _("imported: issues %d, articles %d, deals %d (investors %d), events "
			       "%d, statistics %d, places %d, rates %d; warnings %d\n"),
	       n.issues, n.articles, n.deals, n.investors, n.events, n.stats, n.places, n.rates,
	       n.warnings);
	if (n.merged)
		printf(ngettext("%d row was a deal printed in another table too: stored once, "
				"with both tables as tags\n",
				"%d rows were deals printed in another table too: stored once, "
				"with both tables as tags\n",
				(unsigned long)n.merged),
		       n.merged);
	return 0;
}

static int cmd_list(const char *db, int argc, char **argv)
{
	static const struct option options[] = {
		{ "filter", required_argument, NULL, 'f' },
		{ "sort", required_argument, NULL, 's' },
		{ "reverse", no_argument, NULL, 'r' },
		{ "columns", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'F' },
		{ "width", required_argument, NULL, 'w' },
		{ "bom", no_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct list_options o = { .format = FORMAT_TABLE };
	int c;
	optind = 0; /* 0 makes glibc start afresh, permuting options after operands */
	while ((c = getopt_long(argc, argv, "f:s:rc:F:w:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			o.filter = optarg;
			break;
		case 's':
			o.sort = optarg;
			break;
		case 'r':
			o.reverse = 1;
			break;
		case 'c':
			o.columns = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "table") == 0)
				o.format = FORMAT_TABLE;
			else if (strcmp(optarg, "csv") == 0)
				o.format = FORMAT_CSV;
			else if (strcmp(optarg, "tsv") == 0)
				o.format = FORMAT_TSV;
			else
				return usage_error(_("unknown format '%s': expected table, csv or tsv"),
						   optarg);
			break;
		case 'w': {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || w < 10 || w > 1000)
				return usage_error(_("--width expects a number of cells from 10 to 1000, "
						     "not '%s'"),
						   optarg);
			o.width = (int)w;
			break;
		}
		case 'B':
			o.bom = 1;
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		default:
			return unknown_option("list", argv, "f:s:rc:F:w:h");
		}
	}
	o.what = optind < argc ? argv[optind] : "issues";
	if (optind + 1 < argc)
		return usage_error(_("unexpected argument '%s'"), argv[optind + 1]);
	if (!list_known(o.what))
		return usage_error(_("unknown listing '%s': expected deals, articles, events, "
				     "regions, issues, starred or watch"),
				   o.what);
	struct store *s = open_for_reading(db);
	if (!s)
		return 1;
	int rc = list_run(s, &o);
	store_close(s);
	return rc;
}

static int cmd_export(const char *db, int argc, char **argv)
{
	static const struct option options[] = {
		{ "ics", no_argument, NULL, 'i' },
		{ "filter", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *filter = "", *output = NULL;
	int ics = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "if:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'i':
			ics = 1;
			break;
		case 'f':
			filter = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		default:
			return unknown_option("export", argv, "if:o:h");
		}
	}
	if (!ics)
		return usage_error("%s", _("export needs a format: --ics"));
	if (optind < argc)
		return usage_error(_("unexpected argument '%s'"), argv[optind]);
	struct query q;
	struct query_error err;
	if (query_parse(TARGET_EVENTS, filter, strlen(filter), &q, &err) != 0) {
		diag_error("--filter: %zu: %s", err.pos, err.msg);
		return EXIT_USAGE;
	}
	struct store *s = open_for_reading(db);
	if (!s) {
		query_free(&q);
		return 1;
	}
	FILE *f = output ? fopen(output, "wb") : stdout;
	long count = 0;
	int rc = 1;
	if (!f) {
		diag_error(_("cannot write %s: %s"), output, strerror(errno));
	} else if (ics_export(s, &q, f, &count) != 0) {
		diag_error(_("cannot export the events: %s"), store_errmsg(s));
	} else {
		rc = 0;
	}
	if (f && f != stdout && fclose(f) != 0) {
		diag_error(_("cannot write %s: %s"), output, strerror(errno));
		rc = 1;
	}
	if (rc == 0 && output)
		fprintf(stderr, _("%ld events written to %s\n"), count, output);
	query_free(&q);
	store_close(s);
	return rc;
}

/* jubo follow|unfollow KIND NAME */
static int cmd_follow(const char *db, int argc, char **argv, int on)
{
	if (argc != 3)
		return usage_error("%s", on ? _("follow needs a kind and a name: follow company 노텔집적")
					    : _("unfollow needs a kind and a name: unfollow company "
						"노텔집적"));
	int kind = state_kind_by_name(argv[1]);
	if (kind < 0)
		return usage_error(_("unknown kind '%s': expected company, investor, sector or place"),
				   argv[1]);
	if (!*argv[2])
		return usage_error("%s", _("the name is empty"));
	struct store *s = open_for_reading(db);
	if (!s)
		return 1;
	if (state_note)
		diag_warning_at(NULL, (struct textpos){ 0, 0 }, "%s", state_note);
	int rc = state_follow(s, (enum state_kind)kind, argv[2], on);
	if (rc < 0)
		diag_error(_("cannot write the reader's state: %s"), store_errmsg(s));
	else if (on)
		printf(rc ? _("following %s %s\n") : _("already following %s %s\n"),
		       state_kind_name((enum state_kind)kind), argv[2]);
	else
		printf(rc ? _("no longer following %s %s\n") : _("not following %s %s\n"),
		       state_kind_name((enum state_kind)kind), argv[2]);
	store_close(s);
	return rc < 0 ? 1 : 0;
}

/* jubo state export [-o FILE] | jubo state import FILE */
static int cmd_state(const char *db, int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", _("state needs export or import"));
	int export = strcmp(argv[1], "export") == 0;
	if (!export && strcmp(argv[1], "import") != 0)
		return usage_error(_("unknown state command '%s': expected export or import"), argv[1]);
	const char *file = NULL;
	if (export && argc == 4 && (strcmp(argv[2], "-o") == 0 || strcmp(argv[2], "--output") == 0))
		file = argv[3];
	else if (export && argc != 2)
		return usage_error("%s", _("state export takes -o FILE or nothing (standard output)"));
	else if (!export && argc != 3)
		return usage_error("%s", _("state import needs one FILE"));
	else if (!export)
		file = argv[2];
	struct store *s = open_for_reading(db);
	if (!s)
		return 1;
	if (state_note)
		diag_warning_at(NULL, (struct textpos){ 0, 0 }, "%s", state_note);
	int rc = 0;
	if (export) {
		FILE *f = file ? fopen(file, "wb") : stdout;
		if (!f) {
			diag_error(_("cannot write %s: %s"), file, strerror(errno));
			rc = 1;
		} else {
			if (state_export(s, f) != 0) {
				diag_error(_("cannot read the reader's state: %s"), store_errmsg(s));
				rc = 1;
			}
			if (f != stdout && fclose(f) != 0 && rc == 0) {
				diag_error(_("cannot write %s: %s"), file, strerror(errno));
				rc = 1;
			} else if (f == stdout && fflush(stdout) != 0 && rc == 0) {
				rc = 1;
			}
		}
	} else {
		long long n;
		char *err;
		if (state_import(s, file, &n, &err) != 0) {
			diag_error("%s", err);
			free(err);
			rc = 1;
		} else {
			printf(ngettext("read %lld record of the reader's state\n",
					"read %lld records of the reader's state\n", (unsigned long)n),
			       n);
		}
	}
	store_close(s);
	return rc;
}

/* The countdown while a store another program holds is waited for, a line a second. */
static void tell_waiting(void *ctx, const char *path, const char *holder, int left)
{
	(void)ctx;
	diag_error(_("%s is locked by %s: waiting %d s more (Ctrl-C gives up)"), path,
		   holder ? holder : _("another program"), left);
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "ambiguous", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "keys", no_argument, NULL, 'K' },
		{ "week-start", required_argument, NULL, 'W' },
		{ "wait", required_argument, NULL, 'w' },
		{ "state", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	setlocale(LC_ALL, "");
	/* Numbers are read and written with a point whatever the locale (1.5, not 1,5). */
	setlocale(LC_NUMERIC, "C");
	/* JUBO_LOCALEDIR lets an uninstalled build (and its tests) find its translations. */
	const char *localedir = getenv("JUBO_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	textdomain(PACKAGE);

	const char *db = NULL;
	int ambiguous = -1; /* -1: from the locale */
	int week_start = -1; /* -1: from the locale */
	int c;
	opterr = 1;
	while ((c = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'a':
			if (strcmp(optarg, "wide") == 0)
				ambiguous = 1;
			else if (strcmp(optarg, "narrow") == 0)
				ambiguous = 0;
			else
				return usage_error(_("--ambiguous expects wide or narrow, not '%s'"),
						   optarg);
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		case 'V':
			printf("jubo %s\n", PACKAGE_VERSION);
			return 0;
		case 'K':
			print_keys();
			return 0;
		case 'w': {
			char *end;
			errno = 0;
			long seconds = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || seconds < 0 || seconds > 86400)
				return usage_error(_("--wait expects seconds from 0 to 86400, not '%s'"),
						   optarg);
			store_set_lock_wait((int)seconds);
			break;
		}
		case 'S':
			if (!*optarg)
				return usage_error("%s", _("--state expects a file name"));
			state_option = optarg;
			break;
		case 'W':
			if (strcmp(optarg, "sunday") == 0)
				week_start = 0;
			else if (strcmp(optarg, "monday") == 0)
				week_start = 1;
			else
				return usage_error(_("--week-start expects sunday or monday, not '%s'"),
						   optarg);
			break;
		default:
			fprintf(stderr, "%s\n", _("Try 'jubo --help' for more information."));
			return EXIT_USAGE;
		}
	}
	if (db && !*db)
		return usage_error("%s", _("--db expects a file name"));
	opterr = 0; /* the commands name what they cannot read (unknown_option) */
	store_set_wait_notice(tell_waiting, NULL, NULL);
	text_policy_from_locale();
	if (ambiguous >= 0)
		text_set_ambiguous_wide(ambiguous);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		/* The browser on a terminal; in a pipe, the list of issues. */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			char *list_argv[] = { "list", "issues", NULL };
			return cmd_list(db, 2, list_argv);
		}
		struct store *s = open_for_reading(db);
		if (!s)
			return 1;
		int rc = browser_run(s, week_start, state_note);
		store_close(s);
		return rc;
	}
	if (strcmp(argv[0], "import") == 0)
		return cmd_import(db, argc, argv);
	if (strcmp(argv[0], "convert") == 0)
		return cmd_convert(argc, argv);
	if (strcmp(argv[0], "list") == 0)
		return cmd_list(db, argc, argv);
	if (strcmp(argv[0], "export") == 0)
		return cmd_export(db, argc, argv);
	if (strcmp(argv[0], "follow") == 0 || strcmp(argv[0], "unfollow") == 0)
		return cmd_follow(db, argc, argv, argv[0][0] == 'f');
	if (strcmp(argv[0], "state") == 0)
		return cmd_state(db, argc, argv);
	return usage_error(_("unknown command '%s': expected import, convert, list, export, "
			     "follow, unfollow or state"),
			   argv[0]);
}
