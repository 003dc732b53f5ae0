#ifndef PLANTRACK_CNCURSESW_SHIM_H
#define PLANTRACK_CNCURSESW_SHIM_H

// Wide-character ncurses: must be defined before the header is included.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// wcwidth, wrapped so Swift sees one stable symbol.
static inline int pt_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/// getmaxyx is a macro; Swift cannot import it.
static inline void pt_getmaxyx(WINDOW *w, int *y, int *x) {
  int yy, xx;
  getmaxyx(w, yy, xx);
  *y = yy;
  *x = xx;
}

static inline int pt_a_bold(void) { return (int)A_BOLD; }
static inline int pt_a_reverse(void) { return (int)A_REVERSE; }
static inline int pt_a_underline(void) { return (int)A_UNDERLINE; }
static inline int pt_a_dim(void) { return (int)A_DIM; }
static inline int pt_color_pair(int n) { return (int)COLOR_PAIR(n); }

#endif
