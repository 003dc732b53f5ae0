import PlanTrackCore

/// What the dashboard asks its frontend to do. The frontend carries it out (writes to the
/// store, writes files, reads the store) and answers with a `Message`. Effects are values, so
/// tests assert on them exactly.
public enum Effect: Hashable, Sendable {
  /// Record `input` (a value as typed, e.g. `140.2万`) for `key` at `date`.
  case record(key: String, input: String, date: Day, note: String?, source: String?)
  /// Retract the user's last entry.
  case undo
  /// Write a status snapshot at the as-of date.
  case export(asOf: Day)
  /// Load the targets and the actuals again.
  case reload
  /// Load the entry history of a target for the detail view.
  case loadHistory(key: String)
  /// Approve (`.approve`) or return with `comment` (`.return`) the submitted figures of the
  /// series `keys` in `period` (a month: series that report less often take their period
  /// that closes with it) — those the user may review.
  case review(action: ReviewAction, keys: [String], period: ReportingPeriod, comment: String?)
  /// Leave the dashboard and restore the terminal.
  case quit
}
