// The C side of the terminal backend. Only DoorstepTerminal imports this module.
// Wraps what Swift cannot import from ncurses directly: the globals (stdscr, LINES, COLS,
// COLORS), attribute and key macros, getmaxyx, wcwidth, and async-signal-safe handlers.
#ifndef DOORSTEP_NCURSES_SHIM_H
#define DOORSTEP_NCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

static inline WINDOW *doorstep_stdscr(void) { return stdscr; }
/* The next refresh clears the terminal and writes every cell again (Ctrl-L). */
static inline void doorstep_clearok_curscr(void) { clearok(curscr, TRUE); }
/* The mouse events the wall asks for: a click, a double click, the wheel. */
static inline mmask_t doorstep_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
/* A mouse event's kind: 1 click, 2 double click, 3 wheel up, 4 wheel down, 0 anything else. */
static inline int doorstep_mouse_kind(mmask_t state) {
    if (state & BUTTON1_DOUBLE_CLICKED) return 2;
    if (state & BUTTON1_CLICKED) return 1;
    if (state & BUTTON4_PRESSED) return 3;
#ifdef BUTTON5_PRESSED
    if (state & BUTTON5_PRESSED) return 4;
#endif
    return 0;
}
static inline int doorstep_lines(void) { return LINES; }
static inline int doorstep_cols(void) { return COLS; }
static inline int doorstep_colors(void) { return COLORS; }
static inline int doorstep_color_pairs(void) { return COLOR_PAIRS; }
static inline int doorstep_key_f(int n) { return KEY_F(n); }
static inline int doorstep_wcwidth(wchar_t c) { return wcwidth(c); }
static inline void doorstep_getmaxyx(WINDOW *w, int *y, int *x) {
    int yy, xx;
    getmaxyx(w, yy, xx);
    *y = yy;
    *x = xx;
}

static inline attr_t doorstep_a_normal(void) { return A_NORMAL; }
static inline attr_t doorstep_a_bold(void) { return A_BOLD; }
static inline attr_t doorstep_a_dim(void) { return A_DIM; }
static inline attr_t doorstep_a_reverse(void) { return A_REVERSE; }
static inline attr_t doorstep_a_underline(void) { return A_UNDERLINE; }
static inline attr_t doorstep_a_blink(void) { return A_BLINK; }

/// Puts one cell: a grapheme cluster of up to CCHARW_MAX wide characters, with attributes
/// and a colour pair. Returns the result of mvwadd_wch.
static inline int doorstep_put_cell(WINDOW *w, int y, int x, const wchar_t *chars, int count,
                                    attr_t attrs, int pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = chars[i];
    buffer[n] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, buffer, attrs, (short)pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

/// Puts one character of the terminal's line-drawing set (ACS: `letter` is its VT100 letter,
/// 'q' for the horizontal line) at (y, x) with the given attributes and colour pair. Terminals
/// draw these one column wide whatever their CJK setting; ncurses falls back to ASCII when the
/// terminal has no line-drawing set.
static inline int doorstep_put_acs(WINDOW *w, int y, int x, unsigned char letter, attr_t attrs, int pair) {
    chtype ch = NCURSES_ACS(letter) | (attrs & ~A_COLOR) | COLOR_PAIR(pair);
    return mvwaddch(w, y, x, ch);
}

/// Sends the terminal's "enable line-drawing set" string (enacs) when it has one: terminals that
/// select the line-drawing set by shifting to G1 (tmux, GNU screen) need it again after the
/// screen has been suspended and resumed. Written straight to the terminal (after a
/// `doupdate`, which leaves nothing of ncurses' own in its buffer).
static inline void doorstep_enable_acs(int out_fd) {
    const char *enacs = ena_acs;
    if (enacs == NULL || enacs == (char *)-1) return;
    size_t length = strlen(enacs);
    while (length > 0) {
        ssize_t written = write(out_fd, enacs, length);
        if (written <= 0) return;
        enacs += written;
        length -= (size_t)written;
    }
}

/// Checks, without printing anything, that `term` names a terminal the terminfo database
/// knows and that it can address the cursor. Returns 1 when usable, 0 when the terminal
/// is unknown, -1 when it is known but cannot position the cursor (a "dumb" terminal),
/// -2 when the terminfo database could not be found.
static inline int doorstep_check_terminal(const char *term) {
    int err = 0;
    if (setupterm((char *)term, 1, &err) != OK) {
        return err == -1 ? -2 : 0;
    }
    char *cup = tigetstr("cup");
    int usable = (cup != NULL && cup != (char *)-1) ? 1 : -1;
    del_curterm(cur_term);
    return usable;
}

/// A colour pair with colour numbers beyond 16 bits (direct colour: 0xRRGGBB).
static inline int doorstep_init_pair(int pair, int foreground, int background) {
    return init_extended_pair(pair, foreground, background);
}

/// newterm on the given file descriptors; standard output and input use the C library's own
/// streams (Swift 6 cannot name stdout/stdin), others are opened with fdopen.
static inline SCREEN *doorstep_newterm(const char *term, int out_fd, int in_fd) {
    FILE *out = out_fd == STDOUT_FILENO ? stdout : fdopen(out_fd, "w");
    FILE *in = in_fd == STDIN_FILENO ? stdin : fdopen(in_fd, "r");
    if (out == NULL || in == NULL) return NULL;
    return newterm(term, out, in);
}

/// fflush(stderr), for the same reason.
static inline void doorstep_flush_stderr(void) { fflush(stderr); }

/// The current locale's character set (nl_langinfo(CODESET)).
static inline const char *doorstep_codeset(void) { return nl_langinfo(CODESET); }

// ---- Signals -------------------------------------------------------------------------------
// A quit signal (INT, TERM, HUP) only sets a flag: the single UI thread sees it on its next
// read timeout and leaves through the normal restore path. A crash signal restores the
// terminal here (as htop does) and re-raises with the default action so it is still reported.

static volatile sig_atomic_t doorstep_quit_signal = 0;

static void doorstep_on_quit_signal(int sig) { doorstep_quit_signal = sig; }

static void doorstep_on_crash_signal(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void doorstep_install_signal_handlers(void) {
    struct sigaction quit;
    sigemptyset(&quit.sa_mask);
    quit.sa_flags = 0; // no SA_RESTART: a blocked read returns so the flag is seen at once
    quit.sa_handler = doorstep_on_quit_signal;
    sigaction(SIGINT, &quit, NULL);
    sigaction(SIGTERM, &quit, NULL);
    sigaction(SIGHUP, &quit, NULL);
    sigaction(SIGQUIT, &quit, NULL);

    struct sigaction crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_RESETHAND;
    crash.sa_handler = doorstep_on_crash_signal;
    sigaction(SIGSEGV, &crash, NULL);
    sigaction(SIGBUS, &crash, NULL);
    sigaction(SIGFPE, &crash, NULL);
    sigaction(SIGILL, &crash, NULL);
    sigaction(SIGABRT, &crash, NULL);
    sigaction(SIGTRAP, &crash, NULL);
}

static inline void doorstep_restore_default_signal_handlers(void) {
    int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], SIG_DFL);
}

/// The signal that asked us to quit, or 0.
static inline int doorstep_pending_quit_signal(void) { return (int)doorstep_quit_signal; }

#endif
