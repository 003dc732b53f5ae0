import PlanTrackCore

/// The status of a set of targets at one as-of date: what `status` prints and snapshots hold.
public struct StatusReport: Sendable {
  public let asOf: Day
  /// In display order.
  public let statuses: [TargetStatus]
  /// Each target's place in the reporting cycle, by target key (empty: every target's
  /// `approval` and `reporting` are null).
  public let reporting: [String: TargetReporting]

  public init(
    asOf: Day, statuses: [TargetStatus], reporting: [String: TargetReporting] = [:]
  ) {
    self.asOf = asOf
    self.statuses = statuses
    self.reporting = reporting
  }

  /// Counts of each status over the whole report.
  public var totals: Rollup.Group { Rollup.totals(statuses) }
}
