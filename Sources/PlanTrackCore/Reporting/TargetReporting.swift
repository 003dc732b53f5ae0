/// Where a target's figures stand in the reporting cycle at an as-of date: the approval of
/// the figure its status used, and the timeliness of its series' latest ended period (the
/// `approval` and `reporting` fields of the status JSON).
public struct TargetReporting: Hashable, Sendable {
  /// The state of the figure the status used; nil without one (or when the figure is a
  /// roll-up of the regions below, which nobody submits as such).
  public var approval: ApprovalState?
  /// The latest period that has ended by the as-of date, its deadline and timeliness.
  public var period: ReportingPeriod
  public var deadline: Day
  public var timeliness: Timeliness
  /// The comment of a return that stands on that period.
  public var returnComment: String?

  public init(
    approval: ApprovalState?, period: ReportingPeriod, deadline: Day, timeliness: Timeliness,
    returnComment: String? = nil
  ) {
    self.approval = approval
    self.period = period
    self.deadline = deadline
    self.timeliness = timeliness
    self.returnComment = returnComment
  }

  /// The reporting of `series` (the target's series, with its rule) at `asOf`, given the
  /// figure its status used.
  public init(
    series key: String, rule: ReportingRule, used: Observation?, book: ReviewBook, asOf: Day
  ) {
    approval = book.approval(key: key, used: used, rule: rule, asOf: asOf)
    let latest = book.review(key: key, period: rule.latestEnded(asOf: asOf), rule: rule, asOf: asOf)
    period = latest.period
    deadline = latest.deadline
    timeliness = latest.timeliness(asOf: asOf)
    returnComment = latest.returnComment
  }
}

/// Timeliness counted per office or lead unit (报送及时率): of the series' latest ended
/// periods whose deadline has passed, the share submitted on time.
public struct TimelinessSummary: Hashable, Sendable {
  public struct Row: Hashable, Sendable {
    public var name: String
    public var onTime = 0
    public var late = 0
    public var missing = 0
    public var notDue = 0

    /// On time over all that were due (on time, late or missing); nil when none was.
    public var rate: Double? {
      let due = onTime + late + missing
      return due == 0 ? nil : Double(onTime) / Double(due)
    }

    mutating func count(_ t: Timeliness) {
      switch t {
      case .onTime: onTime += 1
      case .late: late += 1
      case .missing: missing += 1
      case .notDue: notDue += 1
      }
    }
  }

  public var grouping: ReportingLedger.Grouping
  public var rows: [Row]

  public init(
    series: [ReportingSeries], book: ReviewBook, asOf: Day, grouping: ReportingLedger.Grouping
  ) {
    self.grouping = grouping
    let latest = Dictionary(
      zip(series.map(\.key), ReportingLedger.latest(series, book: book, asOf: asOf)),
      uniquingKeysWith: { a, _ in a })
    rows = ReportingSeries.grouped(series, by: grouping).map { g in
      var row = Row(name: g.name)
      for s in g.series { if let r = latest[s.key] { row.count(r.timeliness(asOf: asOf)) } }
      return row
    }
  }
}
