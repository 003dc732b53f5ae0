/// A series as the reporting cycle sees it: who reports it and when it is due.
public struct ReportingSeries: Hashable, Sendable {
  /// The series key.
  public var key: String
  /// `文登区 5G基站`, or the target's name for a series of its own.
  public var title: String
  /// The office that reports it: its region's code and full name (`山东省威海市文登区`).
  public var region: String?
  public var regionName: String
  /// The lead units of the targets on it (牵头单位), in file order.
  public var leads: [String]
  public var rule: ReportingRule

  /// The rows it belongs to: its office, or each of its lead units (`—` without one).
  public func groups(_ grouping: ReportingLedger.Grouping) -> [String] {
    grouping == .office ? [regionName] : (leads.isEmpty ? ["—"] : leads)
  }

  /// `series` by office or lead unit, in the order each group first appears (a series with
  /// two lead units is in both); an office's group carries its region's code.
  public static func grouped(_ series: [ReportingSeries], by grouping: ReportingLedger.Grouping)
    -> [(name: String, region: String?, series: [ReportingSeries])]
  {
    var out: [(name: String, region: String?, series: [ReportingSeries])] = []
    var index: [String: Int] = [:]
    for s in series {
      for name in s.groups(grouping) {
        if index[name] == nil {
          index[name] = out.count
          out.append((name, grouping == .office ? s.region : nil, []))
        }
        out[index[name]!].series.append(s)
      }
    }
    return out
  }

  public init(
    key: String, title: String, region: String?, regionName: String, leads: [String],
    rule: ReportingRule
  ) {
    self.key = key
    self.title = title
    self.region = region
    self.regionName = regionName
    self.leads = leads
    self.rule = rule
  }
}

/// Where one period of one series stands at an as-of date: approval and timeliness in one
/// word, as the reporting board and reminders show it.
public enum ReportingCell: String, Hashable, Sendable, CaseIterable {
  /// The deadline passed with nothing submitted.
  case missing
  /// Returned with a comment: the office must correct it.
  case returned
  /// Submitted after the deadline, not yet approved.
  case late
  /// Submitted on time, waiting for the office above.
  case waiting
  /// Not due yet, nothing submitted.
  case notDue = "not-due"
  /// Approved.
  case approved

  /// The period's cell: approval first (approved, returned, waiting or late), then
  /// timeliness for what was never submitted.
  public init(_ review: PeriodReview, asOf: Day) {
    let timeliness = review.timeliness(asOf: asOf)
    switch review.state {
    case .approved?: self = .approved
    case .returned?: self = .returned
    case .submitted?: self = timeliness == .late ? .late : .waiting
    case .recorded?, nil:
      if review.returnComment != nil {
        // Returned, and corrected but not submitted again: still the office's to act on.
        self = .returned
      } else {
        // Never submitted, changed since its last step, or withdrawn: what stands (if
        // anything) is not submitted.
        self = review.deadline < asOf ? .missing : .notDue
      }
    }
  }

  /// Whether it needs someone to act: missing, returned or late.
  public var needsAction: Bool { self == .missing || self == .returned || self == .late }

  /// The order in which a group's cell shows its worst series.
  public var severity: Int { Self.allCases.firstIndex(of: self)! }
}

/// Every series' last periods at an as-of date, grouped by office or by lead unit: what the
/// reporting board draws, reminders list and snapshots count (报送及时率).
public struct ReportingLedger: Sendable {
  public enum Grouping: String, Sendable, CaseIterable {
    case office, lead
  }

  /// One row: an office (region) or a lead unit, with its series' reviews per period.
  public struct Row: Hashable, Sendable {
    /// The region's full name, or the lead unit.
    public var name: String
    /// The region's code (offices only).
    public var region: String?
    public var series: [ReportingSeries]
    /// One column per period label of `ReportingLedger.columns`: each series' review in it
    /// (series that report less often have none in some columns).
    public var cells: [[PeriodReview]]

    /// The worst cell of a column, nil when no series reports in it.
    public func worst(_ column: Int, asOf: Day) -> ReportingCell? {
      cells[column].map { ReportingCell($0, asOf: asOf) }.max { $0.severity > $1.severity }
    }
  }

  public let asOf: Day
  /// The period labels, oldest first: the last `periods` ended monthly periods by default.
  public let columns: [String]
  public let rows: [Row]

  /// The ledger of `series` at `asOf`: the last `periods` periods that have ended (each
  /// series in its own frequency: a quarterly series has a cell in the column of its
  /// quarter's last month).
  /// How many months the board shows.
  public static let defaultPeriods = 6

  public init(
    series: [ReportingSeries], book: ReviewBook, asOf: Day, grouping: Grouping,
    periods: Int = defaultPeriods
  ) {
    self.asOf = asOf
    var months: [ReportingPeriod] = []
    var p = ReportingRule(frequency: .monthly).latestEnded(asOf: asOf)
    for _ in 0..<max(periods, 1) {
      months.insert(p, at: 0)
      p = p.previous
    }
    columns = months.map(\.label)
    rows = ReportingSeries.grouped(series, by: grouping).map { g in
      let cells = months.map { month in
        g.series.compactMap { s -> PeriodReview? in
          guard let period = month.closing(as: s.rule.frequency) else { return nil }
          return book.review(key: s.key, period: period, rule: s.rule, asOf: asOf)
        }
      }
      return Row(name: g.name, region: g.region, series: g.series, cells: cells)
    }
  }

  /// Each series' latest period that has ended, by row: what reminders and the snapshot's
  /// timeliness count (its deadline may not have passed yet).
  public static func latest(
    _ series: [ReportingSeries], book: ReviewBook, asOf: Day
  ) -> [PeriodReview] {
    series.map { s in
      book.review(key: s.key, period: s.rule.latestEnded(asOf: asOf), rule: s.rule, asOf: asOf)
    }
  }
}
