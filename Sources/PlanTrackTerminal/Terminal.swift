import CNCursesW
import PlanTrackUI

#if canImport(Glibc)
  import Glibc
#endif

/// The ncurses `TerminalBackend`: starts and restores the terminal, draws a `ScreenBuffer` by
/// writing the `FrameDiff` runs since the last frame, and reads keys and mouse events
/// (`KeyDecoder`).
public final class Terminal: TerminalBackend {
  /// Why the terminal could not be started.
  public enum StartError: Error, CustomStringConvertible {
    case noTerminal
    public var description: String { "cannot start the terminal (is TERM set?)" }
  }

  private let window: UnsafeMutablePointer<WINDOW>
  private var last: ScreenBuffer?
  private var pairs: [Ink: Int16] = [:]
  /// Colours are used unless the settings say otherwise: the terminal has them and NO_COLOR
  /// is not set.
  public let hasColor: Bool
  /// The terminal's colours (`COLORS`), started whenever it has them, so that settings asking
  /// for colours can have them under NO_COLOR; 0 without colours.
  public let colors: Int
  /// The locale could be made UTF-8; otherwise callers should use ASCII glyphs.
  public let isUTF8: Bool
  private var stopped = false
  /// Whether ncurses reports mouse events (asked for, and the terminal has a mouse).
  public let hasMouse: Bool

  /// Sets the locale (from the environment, falling back to C.UTF-8 when it is not UTF-8),
  /// then starts ncurses: no echo, keys one at a time, keypad keys decoded, cursor hidden, and
  /// mouse events when `mouse` (`Settings.mouse`) asks for them.
  public init(noColor: Bool, mouse: Bool) throws {
    setlocale(LC_ALL, "")
    var utf8 = pt_codeset_is_utf8() != 0
    if !utf8 {
      utf8 = setlocale(LC_ALL, "C.UTF-8") != nil && pt_codeset_is_utf8() != 0
    }
    isUTF8 = utf8
    set_escdelay(25)
    guard let w = initscr() else { throw StartError.noTerminal }
    window = w
    cbreak()
    noecho()
    nonl()
    keypad(w, true)
    curs_set(0)
    var count = 0
    if has_colors() {
      start_color()
      use_default_colors()
      count = Int(pt_colors())
    }
    colors = count >= 8 ? count : 0
    hasColor = !noColor && colors >= 8
    hasMouse = Self.enableMouse(mouse, mousemask: pt_mousemask)
  }

  /// Asks for the dashboard's mouse events through `mousemask` when `on`; when off, does not
  /// call it at all (the terminal keeps its own selection by mouse). Whether events will come.
  static func enableMouse(_ on: Bool, mousemask: (UInt) -> UInt) -> Bool {
    guard on else { return false }
    return mousemask(KeyDecoder.mouseEvents) != 0
  }

  deinit { stop() }

  /// The size of the screen: columns and rows.
  public var size: (width: Int, height: Int) {
    var y: Int32 = 0
    var x: Int32 = 0
    pt_getmaxyx(window, &y, &x)
    return (Int(x), Int(y))
  }

  /// Restores the terminal. Safe to call more than once.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    if hasMouse { _ = pt_mousemask(0) }
    curs_set(1)
    endwin()
  }

  /// Whether the terminal has gone away (the SSH connection or the terminal window closed
  /// without a SIGHUP reaching us): reading it then fails at once instead of waiting, and a
  /// loop that only waits for keys would spin.
  public var isDisconnected: Bool {
    var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&p, 1, 0) >= 0 else { return errno != EINTR }
    return p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }

  /// Forgets the last frame, so the next `draw` writes every row (after a resize).
  public func invalidate() {
    last = nil
    clearok(window, true)
  }

  /// Draws `buffer`, writing only the rows that differ from the last frame.
  public func draw(_ buffer: ScreenBuffer) {
    let old = last
    if old?.width != buffer.width || old?.height != buffer.height { werase(window) }
    for run in FrameDiff.runs(from: old, to: buffer) {
      pt_wattrset(window, attributes(run.style))
      let wide = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
      _ = mvwaddnwstr(window, Int32(run.row), Int32(run.column), wide, Int32(wide.count))
    }
    pt_wattrset(window, 0)
    last = buffer
    wnoutrefresh(window)
    doupdate()
  }

  /// What a style's colours become on a terminal of `colors` colours: the colour numbers of
  /// its pair (nil: the terminal's own), and bold. A bright foreground is its colour + 8 where
  /// there are 16 colours or more, bold where there are fewer; without colours (fewer than
  /// eight) there is no pair.
  public struct Ink: Hashable, Sendable {
    public var foreground: Int16?
    public var background: Int16?
    public var bold: Bool

    public init(foreground: Int16? = nil, background: Int16? = nil, bold: Bool = false) {
      self.foreground = foreground
      self.background = background
      self.bold = bold
    }

    public init(_ s: Style, colors: Int) {
      let brightColor = s.bright && s.foreground != nil && colors >= 16
      self.init(bold: s.bold || (s.bright && !brightColor))
      guard colors >= 8 else { return }
      foreground = s.foreground.map { Int16($0.rawValue + (brightColor ? 8 : 0)) }
      background = s.background.map { Int16($0.rawValue) }
    }
  }

  private func attributes(_ s: Style) -> Int32 {
    let ink = Ink(s, colors: colors)
    var a: Int32 = 0
    if ink.bold { a |= pt_a_bold() }
    if s.reverse { a |= pt_a_reverse() }
    if s.dim { a |= pt_a_dim() }
    if s.underline { a |= pt_a_underline() }
    if ink.foreground != nil || ink.background != nil {
      let key = Ink(foreground: ink.foreground, background: ink.background)
      let pair: Int16
      if let p = pairs[key] {
        pair = p
      } else {
        pair = Int16(pairs.count + 1)
        init_pair(pair, ink.foreground ?? -1, ink.background ?? -1)
        pairs[key] = pair
      }
      a |= pt_color_pair(Int32(pair))
    }
    return a
  }

  /// The terminal's size as the kernel knows it, when it differs from the screen's: a resize
  /// that ncurses has not reported (SIGWINCH can reach a thread that is not reading keys).
  private func pendingResize() -> (width: Int, height: Int)? {
    var ws = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else {
      return nil
    }
    let now = size
    guard Int(ws.ws_col) != now.width || Int(ws.ws_row) != now.height else { return nil }
    resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
    invalidate()
    return (Int(ws.ws_col), Int(ws.ws_row))
  }

  /// Waits up to `timeout` milliseconds for an input; nil when none came.
  public func readInput(timeout: Int) -> TerminalInput? {
    if let s = pendingResize() { return .resize(width: s.width, height: s.height) }
    wtimeout(window, Int32(timeout))
    var ch: wint_t = 0
    let r = wget_wch(window, &ch)
    if r == ERR {
      if let s = pendingResize() { return .resize(width: s.width, height: s.height) }
      return nil
    }
    switch KeyDecoder.decode(UInt32(ch), isKeyCode: r == KEY_CODE_YES) {
    case .key(let k)?:
      return .key(k)
    case .resize?:
      invalidate()
      let s = size
      return .resize(width: s.width, height: s.height)
    case .mouse?:
      var x: Int32 = 0
      var y: Int32 = 0
      var state: UInt = 0
      guard hasMouse, pt_getmouse(&x, &y, &state) == 0 else { return nil }
      return KeyDecoder.decodeMouse(x: Int(x), y: Int(y), state: state).map { .mouse($0) }
    case nil:
      return nil
    }
  }
}
