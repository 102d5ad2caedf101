/* ui.c: curses setup, colour roles and measured drawing. */
#include "config.h"

#include "ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "i18n.h"
#include "util.h"

static SCREEN *screen;
static int utf8_ok = -1; /* the locale can show UTF-8; -1 until asked */
static attr_t role_attrs[ROLE_COUNT];

int ui_utf8(void)
{
	if (utf8_ok < 0)
		utf8_ok = text_locale_is_utf8();
	return utf8_ok;
}

const char *ui_marker(void)
{
	return ui_utf8() ? "…" : "~";
}

const char *ui_bullet(void)
{
	return ui_utf8() ? "•" : "*";
}

attr_t ui_attr(enum ui_role role)
{
	return role_attrs[role];
}

/* Roles: foreground, background (for 8 colours; -1 is the terminal's default) and the
 * attribute used with or without colour. */
static void setup_roles(void)
{
	static const struct {
		short fg, bg;
		attr_t with_colour, without;
	} roles[ROLE_COUNT] = {
		[ROLE_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
		[ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD | A_REVERSE },
		[ROLE_TAB] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
		[ROLE_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_BOLD },
		[ROLE_HEADER] = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
		[ROLE_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
		[ROLE_STATUS] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
		[ROLE_HINT] = { -1, -1, A_DIM, A_NORMAL },
		[ROLE_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE },
		[ROLE_MATCH] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE | A_UNDERLINE },
		[ROLE_DIM] = { -1, -1, A_DIM, A_NORMAL },
		[ROLE_HEADING] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
		[ROLE_LINK] = { COLOR_CYAN, -1, A_UNDERLINE, A_UNDERLINE },
	};
	const char *no_color = getenv("NO_COLOR");
	int colour = has_colors() && !(no_color && *no_color);
	if (colour && start_color() == OK) {
		use_default_colors();
		for (int r = 1; r < ROLE_COUNT; r++) {
			init_pair((short)r, roles[r].fg, roles[r].bg);
			role_attrs[r] = COLOR_PAIR(r) | roles[r].with_colour;
		}
	} else {
		for (int r = 0; r < ROLE_COUNT; r++)
			role_attrs[r] = roles[r].without;
	}
}

int ui_start(const char **note)
{
	*note = NULL;
	utf8_ok = text_locale_is_utf8();
	const char *term = getenv("TERM");
	static const char *const fallbacks[] = { "xterm-256color", "xterm", "vt100" };
	screen = term && *term ? newterm(NULL, stdout, stdin) : NULL;
	for (size_t i = 0; !screen && i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
		screen = newterm(fallbacks[i], stdout, stdin);
		if (screen) {
			static char msg[160];
			snprintf(msg, sizeof msg, _("unknown terminal type '%s': using %s"),
				 term && *term ? term : "", fallbacks[i]);
			*note = msg;
		}
	}
	if (!screen) {
		*note = _("cannot start the terminal (is TERM set?)");
		return -1;
	}
	set_term(screen);
	/* A terminal that cannot move the cursor (TERM=dumb, a printing terminal) would get
	 * every screen as a stream of text: refuse it and say why. */
	const char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1 || !*cup) {
		endwin();
		delscreen(screen);
		screen = NULL;
		static char msg[200];
		snprintf(msg, sizeof msg,
			 _("the terminal '%s' cannot move the cursor; jubo needs one that can "
			   "(TERM=xterm-256color, screen, tmux, linux ...); 'jubo list' works anywhere"),
			 term && *term ? term : "");
		*note = msg;
		return -1;
	}
	/* Home, End and Delete as PuTTY, rxvt and the Linux console send them, whatever the
	 * terminfo entry says: else they arrive as Esc, '[', a digit and '~'. */
	static const struct {
		const char *seq;
		int key;
	} variants[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME },  { "\033[4~", KEY_END },  { "\033[8~", KEY_END },
		{ "\033[F", KEY_END },   { "\033OF", KEY_END },   { "\033[3~", KEY_DC },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	};
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
		if (key_defined(variants[i].seq) <= 0)
			define_key(variants[i].seq, variants[i].key);
	/* A short Esc delay, unless the user chose one. */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	setup_roles();
	return 0;
}

int ui_skip_sequence(void)
{
	/* ncurses gives an escape sequence it does not know as Esc and the rest of it, which is
	 * already waiting: a CSI (Esc [ parameters final) or an SS3 (Esc O final) is read to its
	 * end and dropped. A lone Esc has nothing after it. */
	nodelay(stdscr, TRUE);
	int c = getch(), dropped = 0;
	if (c == '[') {
		dropped = 1;
		/* Parameters and intermediates (0x20-0x3F), up to the final byte (0x40-0x7E). */
		for (int n = 0; n < 32; n++) {
			c = getch();
			if (c == ERR || (c >= 0x40 && c <= 0x7E))
				break;
		}
	} else if (c == 'O') {
		dropped = 1;
		getch();
	} else if (c != ERR) {
		ungetch(c);
	}
	nodelay(stdscr, FALSE);
	return dropped;
}

/* Bytes read and given back: what followed a byte that began no character. */
static int pending[16];
static int npending;

/* The next byte (or KEY_ code): given back ones first, else from curses, waiting at most
 * wait_ms (or, with -1, for as long as it takes). */
static int next_input(int wait_ms)
{
	if (npending) {
		int c = pending[0];
		memmove(pending, pending + 1, (size_t)--npending * sizeof *pending);
		return c;
	}
	if (wait_ms < 0)
		return getch();
	timeout(wait_ms);
	int c = getch();
	timeout(-1);
	return c;
}

static void give_back(const int *in, int n)
{
	if (n > (int)(sizeof pending / sizeof *pending) - npending)
		n = (int)(sizeof pending / sizeof *pending) - npending;
	memmove(pending + n, pending, (size_t)npending * sizeof *pending);
	memcpy(pending, in, (size_t)n * sizeof *in);
	npending += n;
}

int ui_get_key(wint_t *ch)
{
	int c = next_input(-1);
	if (c == ERR)
		return ERR;
	if (c > 0xFF) {
		*ch = (wint_t)c;
		return KEY_CODE_YES;
	}
	/* The bytes of one character come together; a short wait covers a slow link. */
	int in[MB_LEN_MAX + 1];
	char bytes[MB_LEN_MAX + 1];
	int n = 0;
	in[n] = c;
	bytes[n++] = (char)c;
	for (;;) {
		mbstate_t st;
		memset(&st, 0, sizeof st);
		wchar_t wc;
		size_t r = mbrtowc(&wc, bytes, (size_t)n, &st);
		if (r != (size_t)-1 && r != (size_t)-2) {
			*ch = r == 0 ? 0 : (wint_t)wc;
			return OK;
		}
		if (r == (size_t)-2 && n < MB_LEN_MAX) {
			int b = next_input(100);
			if (b != ERR && b <= 0xFF) {
				in[n] = b;
				bytes[n++] = (char)b;
				continue;
			}
			if (b != ERR) /* a function key after a cut sequence is a key */
				give_back(&b, 1);
		}
		/* Not a character: its first byte goes, what came after it is read again. */
		give_back(in + 1, n - 1);
		return ERR;
	}
}

void ui_stop(void)
{
	if (!screen)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
}

/* Clusters curses would count otherwise than jubo and the terminal (an emoji sequence, an
 * ambiguous character drawn wide, U+00AD): curses gets spaces in their cells, so that its
 * idea of where the cursor is never drifts, and ui_update writes them to the terminal
 * itself at their place after curses is done. */
struct overlay {
	int y, x;
	attr_t attr;
	char *text;
};
static struct overlay *overlays;
static size_t noverlays;

static void add_overlay(WINDOW *w, int y, int x, const char *s, size_t n)
{
	int by, bx;
	getbegyx(w, by, bx);
	overlays = xrealloc(overlays, (noverlays + 1) * sizeof *overlays);
	attr_t attr;
	short pair;
	wattr_get(w, &attr, &pair, NULL);
	overlays[noverlays++] = (struct overlay){ by + y, bx + x, attr | COLOR_PAIR(pair),
						  xstrndup(s, n) };
}

void ui_update(void)
{
	doupdate();
	if (!noverlays)
		return;
	int cy, cx;
	getyx(curscr, cy, cx);
	const char *cup = tigetstr("cup");
	for (size_t i = 0; i < noverlays; i++) {
		if (cup && cup != (char *)-1)
			putp(tiparm(cup, overlays[i].y, overlays[i].x));
		vidattr(overlays[i].attr);
		fputs(overlays[i].text, stdout);
		free(overlays[i].text);
	}
	vidattr(A_NORMAL);
	noverlays = 0;
	/* The cursor back where curses believes it is. */
	if (cup && cup != (char *)-1)
		putp(tiparm(cup, cy, cx));
	fflush(stdout);
}

void ui_clear_overlays(void)
{
	for (size_t i = 0; i < noverlays; i++)
		free(overlays[i].text);
	noverlays = 0;
}

/* Draws s from (y, x), each grapheme cluster at the column jubo measured for it. Runs of
 * clusters that curses counts as jubo does (ASCII, Hangul, Han) go to curses in one piece;
 * any other cluster is an overlay, with spaces in its cells for curses. */
static void draw_string(WINDOW *w, int y, int x, const char *s, size_t len)
{
	char *shown = text_for_locale(s, len);
	if (!ui_utf8()) {
		/* The locale's own charset: curses counts what it is given. */
		mvwaddstr(w, y, x, shown);
		free(shown);
		return;
	}
	const char *p = shown, *end = shown + strlen(shown), *run = shown;
	int at = x, run_x = x;
	while (p < end) {
		int cells;
		size_t n = text_cluster(p, end, &cells);
		if (!n)
			break;
		wchar_t wc;
		mbstate_t state;
		memset(&state, 0, sizeof state);
		int single = mbrtowc(&wc, p, n, &state) == n;
		if (!single || wcwidth(wc) != cells) {
			if (p > run)
				mvwaddnstr(w, y, run_x, run, (int)(p - run));
			for (int k = 0; k < cells; k++)
				mvwaddch(w, y, at + k, ' ');
			if (cells > 0 && screen)
				add_overlay(w, y, at, p, n);
			run = p + n;
			run_x = at + cells;
		}
		at += cells;
		p += n;
	}
	if (p > run)
		mvwaddnstr(w, y, run_x, run, (int)(p - run));
	wmove(w, y, at);
	free(shown);
}

static void put(WINDOW *w, int y, int x, const char *s, size_t cells, enum text_align align,
		enum ui_role role, size_t hl_from, size_t hl_to)
{
	char *clean = text_sanitize(s ? s : "", s ? strlen(s) : 0, 0);
	char *fitted = text_fit_pad(clean, cells, align, ui_marker());
	free(clean);
	wattrset(w, ui_attr(role));
	if (hl_to <= hl_from) {
		draw_string(w, y, x, fitted, strlen(fitted));
	} else {
		/* Split at the cells of the highlight. */
		const char *p = fitted, *end = fitted + strlen(fitted);
		size_t at = 0, part_at = 0;
		struct buf part = { 0 };
		int in = 0;
		while (p < end) {
			int cw;
			size_t n = text_cluster(p, end, &cw);
			int now = at >= hl_from && at < hl_to;
			if (now != in && part.len) {
				draw_string(w, y, x + (int)part_at, part.data, part.len);
				buf_clear(&part);
			}
			if (now != in)
				wattrset(w, ui_attr(now ? ROLE_MATCH : role));
			if (!part.len)
				part_at = at;
			in = now;
			buf_add(&part, p, n);
			at += (size_t)cw;
			p += n;
		}
		if (part.len)
			draw_string(w, y, x + (int)part_at, part.data, part.len);
		buf_free(&part);
	}
	wattrset(w, ui_attr(ROLE_NORMAL));
	free(fitted);
}

void ui_put(WINDOW *w, int y, int x, const char *s, size_t cells, enum text_align align,
	    enum ui_role role)
{
	put(w, y, x, s, cells, align, role, 0, 0);
}

void ui_put_marked(WINDOW *w, int y, int x, const char *s, size_t cells, enum ui_role role,
		   size_t hl_from, size_t hl_to)
{
	put(w, y, x, s, cells, ALIGN_LEFT, role, hl_from, hl_to);
}

void ui_rule(WINDOW *w, int y, int x, int cells, enum ui_role role)
{
	wattrset(w, ui_attr(role));
	mvwhline(w, y, x, ACS_HLINE, cells);
	wattrset(w, ui_attr(ROLE_NORMAL));
}
