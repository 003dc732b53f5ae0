import PlanTrackCore

/// What the reporting board and the overview's approval marks are read from: the series as
/// the reporting cycle sees them (office, lead units, rule), every review step of the store
/// and the series' figures. The frontend loads it with the targets; nothing here reads a store.
public struct ReportingData: Hashable, Sendable {
  public let series: [ReportingSeries]
  public let events: [ReviewEvent]
  /// The review steps and figures, indexed.
  public let book: ReviewBook
  /// Each series' rule, by key.
  let rules: [String: ReportingRule]

  /// Whether the store has any review step (those loaded may be none of them).
  public let usesCycle: Bool

  public init(
    series: [ReportingSeries], events: [ReviewEvent], figures: [String: [Observation]],
    usesCycle: Bool? = nil
  ) {
    self.series = series
    self.events = events
    self.usesCycle = usesCycle ?? !events.isEmpty
    book = ReviewBook(events: events, series: figures)
    rules = Dictionary(series.map { ($0.key, $0.rule) }) { a, _ in a }
  }

  /// Whether the overview marks `status`'s figure as not yet approved at `asOf`: the store uses
  /// the cycle and the figure is one of the target's own series (not a roll-up's sum or a
  /// stand-in) whose period is not approved.
  public func isUnapproved(_ status: TargetStatus, asOf: Day) -> Bool {
    let key = status.target.series
    guard usesCycle, let rule = rules[key],
      let approval = book.approval(key: key, used: status.actual, rule: rule, asOf: asOf)
    else { return false }
    return approval != .approved
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.series == b.series && a.events == b.events && a.book.series == b.book.series
      && a.usesCycle == b.usesCycle
  }

  public func hash(into h: inout Hasher) {
    h.combine(series)
    h.combine(events)
  }
}
