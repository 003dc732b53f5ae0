/// Every review event of a store, indexed by series and period, with the series' figures: what
/// approval states, timeliness and approved-only series are read from.
public struct ReviewBook: Sendable {
  /// Events by series key, then period label, oldest first.
  private let events: [String: [String: [ReviewEvent]]]
  public let series: [String: [Observation]]

  public init(events: [ReviewEvent], series: [String: [Observation]]) {
    var byKey: [String: [String: [ReviewEvent]]] = [:]
    for e in events.sorted(by: { $0.id < $1.id }) {
      byKey[e.key, default: [:]][e.period, default: []].append(e)
    }
    self.events = byKey
    self.series = series
  }

  /// No events: every figure is recorded, nothing submitted.
  public static let empty = ReviewBook(events: [], series: [:])

  /// Whether any step was ever taken on `key`.
  public func hasEvents(key: String) -> Bool { events[key] != nil }

  /// The series keys with events.
  public var keysWithEvents: Dictionary<String, [String: [ReviewEvent]]>.Keys { events.keys }

  /// The events of one series, oldest first.
  public func events(key: String) -> [ReviewEvent] {
    (events[key] ?? [:]).values.flatMap { $0 }.sorted { $0.id < $1.id }
  }

  /// One period of `key` as it stood at the end of `asOf`: its latest figure on or before
  /// `asOf` and the events entered by then.
  public func review(
    key: String, period: ReportingPeriod, rule: ReportingRule, asOf: Day
  ) -> PeriodReview {
    let figure = (series[key] ?? []).last { period.contains($0.day) && $0.day <= asOf }
    let steps = (events[key]?[period.label] ?? []).filter { ($0.enteredOn ?? asOf) <= asOf }
    return PeriodReview(
      key: key, period: period, deadline: rule.deadline(of: period),
      figure: figure.map(PeriodReview.Figure.init), events: steps)
  }

  /// The periods of `key` whose last step by `asOf` is a return (not submitted again since),
  /// oldest first.
  public func returned(key: String, rule: ReportingRule, asOf: Day) -> [PeriodReview] {
    (events[key] ?? [:]).keys.compactMap(ReportingPeriod.init(parsing:)).sorted().map {
      review(key: key, period: $0, rule: rule, asOf: asOf)
    }.filter { $0.returnComment != nil }
  }

  /// The approval state of the figure a status used, nil when it used none of the series'
  /// own (no figure, or a roll-up of the regions below standing in: nobody submits those).
  public func approval(key: String, used: Observation?, rule: ReportingRule, asOf: Day)
    -> ApprovalState?
  {
    guard let used, series[key]?.contains(used) == true else { return nil }
    return approval(key: key, observation: used, rule: rule, asOf: asOf)
  }

  /// The approval state of `observation` (a figure of `key` that a status used), at `asOf`.
  public func approval(
    key: String, observation: Observation, rule: ReportingRule, asOf: Day
  ) -> ApprovalState {
    var r = review(
      key: key, period: rule.period(containing: observation.day), rule: rule, asOf: asOf)
    r.figure = .init(observation)
    // The figure last approved stays approved while a correction of it waits (what
    // `--approved-only` reports show).
    if r.state == .recorded, r.approvedFigure == r.figure { return .approved }
    return r.state ?? .recorded
  }

}
