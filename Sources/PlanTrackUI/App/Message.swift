import PlanTrackCore

/// Everything that can happen to the dashboard: a key, a mouse event, a resize, or the answer
/// to an effect.
public enum Message: Hashable, Sendable {
  case key(Key)
  /// A click, double click or wheel turn (only when `Settings.mouse` is on).
  case mouse(MouseEvent)
  case resized(width: Int, height: Int)
  /// Targets and figures (re)loaded, by `g` or because the store changed.
  case loaded(statuses: [TargetStatus], asOf: Day)
  /// The reporting cycle's data (re)loaded with the targets: what the board shows.
  case reportingLoaded(ReportingData)
  /// Figures were approved or returned from the board; `summary` says what.
  case reviewed(summary: String)
  /// An entry was saved; `summary` says what.
  case recorded(key: String, summary: String)
  /// An effect failed; the one-line reason is shown and nothing else changes.
  case failed(String)
  /// The store cannot be reached (a server gone away): the footer says so until the next
  /// `.loaded`; the figures shown stay as they were.
  case storeLost(String)
  /// A snapshot was written to these paths.
  case exported([String])
  case historyLoaded(key: String, lines: [HistoryLine])
}
