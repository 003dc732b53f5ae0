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
#include <langinfo.h>
#include <string.h>
#include <strings.h>
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

/// The number of colours (COLORS is a global Swift 6 will not read).
static inline int pt_colors(void) { return COLORS; }

/// wattrset may be a macro.
static inline int pt_wattrset(WINDOW *w, int a) { return wattrset(w, a); }

// The mouse. The BUTTON* masks are macros Swift cannot import; they travel as unsigned long.
static inline unsigned long pt_button1_pressed(void) { return (unsigned long)BUTTON1_PRESSED; }
static inline unsigned long pt_button1_released(void) { return (unsigned long)BUTTON1_RELEASED; }
static inline unsigned long pt_button1_clicked(void) { return (unsigned long)BUTTON1_CLICKED; }
static inline unsigned long pt_button1_double_clicked(void) {
  return (unsigned long)BUTTON1_DOUBLE_CLICKED;
}
static inline unsigned long pt_button4_pressed(void) { return (unsigned long)BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline unsigned long pt_button5_pressed(void) { return (unsigned long)BUTTON5_PRESSED; }
#else
static inline unsigned long pt_button5_pressed(void) { return 0; }
#endif

/// mousemask: asks for `events` and returns those the terminal will report (0: none).
static inline unsigned long pt_mousemask(unsigned long events) {
  return (unsigned long)mousemask((mmask_t)events, NULL);
}

/// getmouse after KEY_MOUSE: the event's cell and button state; 0 when there was one.
static inline int pt_getmouse(int *x, int *y, unsigned long *bstate) {
  MEVENT e;
  if (getmouse(&e) != OK) return -1;
  *x = e.x;
  *y = e.y;
  *bstate = (unsigned long)e.bstate;
  return 0;
}

/// Whether the current locale's character set is UTF-8.
static inline int pt_codeset_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

#endif
