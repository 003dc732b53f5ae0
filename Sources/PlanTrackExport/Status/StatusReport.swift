import PlanTrackCore

/// The status of a set of targets at one as-of date: what `status` prints and snapshots hold.
public struct StatusReport: Sendable {
  public let asOf: Day
  /// In display order.
  public let statuses: [TargetStatus]

  public init(asOf: Day, statuses: [TargetStatus]) {
    self.asOf = asOf
    self.statuses = statuses
  }

  /// Counts of each status over the whole report.
  public var totals: Rollup.Group { Rollup.totals(statuses) }
}
