/// A terminal the dashboard can run on: what `DashboardLoop` needs and nothing more, like
/// ratatui's `Backend`. `Terminal` (PlanTrackTerminal) is the ncurses one; `TestBackend` plays a
/// script in memory and records every frame.
///
/// A backend draws whole `ScreenBuffer`s, writing what changed since the last one (see
/// `FrameDiff`), and reads keys already decoded. It reports a resize either as an input or,
/// when it learns of one without an input, through `size`: the loop compares `size` with the
/// state's size every turn.
public protocol TerminalBackend: AnyObject {
  /// The size of the screen now: columns and rows.
  var size: (width: Int, height: Int) { get }
  /// Whether the terminal shows UTF-8; otherwise the dashboard draws with ASCII glyphs.
  var isUTF8: Bool { get }
  /// Whether colours are used unless the settings say otherwise: the terminal has them and
  /// the user did not turn them off (`NO_COLOR`).
  var hasColor: Bool { get }
  /// How many colours the terminal has (ncurses' `COLORS`: 8, 16, 256…; 0 without colours),
  /// `NO_COLOR` or not. With `hasColor` it chooses the colour mode (`ColorMode.resolved`).
  var colors: Int { get }
  /// Whether the terminal has gone away; the loop then ends.
  var isDisconnected: Bool { get }
  /// Shows `buffer`, writing only what differs from the last frame shown.
  func draw(_ buffer: ScreenBuffer)
  /// Forgets the last frame, so the next `draw` writes every row (after a resize).
  func invalidate()
  /// Waits up to `timeout` milliseconds for an input; nil when none came.
  func readInput(timeout: Int) -> TerminalInput?
  /// Restores the terminal. Safe to call more than once.
  func stop()
}

extension TerminalBackend {
  /// Eight colours when colours are used, none otherwise: for backends that cannot count them.
  public var colors: Int { hasColor ? 8 : 0 }
}
