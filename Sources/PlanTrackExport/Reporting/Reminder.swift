import PlanTrackCore

/// One 督办 notice: for an office (a region) or a lead unit, what it must report or correct
/// and which of its targets slip or near their deadline (`plantrack remind`).
public struct Reminder: Sendable {
  public var grouping: ReportingLedger.Grouping
  /// The region's full name, or the lead unit.
  public var name: String
  /// The region's code (offices only).
  public var region: String?
  public var asOf: Day
  /// Figures missing, late or returned: the latest ended period of each series.
  public var figures: [Item]
  /// Targets off track or missed, and those whose deadline is within `soonDays` and that are
  /// not achieved.
  public var targets: [TargetStatus]

  /// A series' period that needs action.
  public struct Item: Sendable {
    public var series: ReportingSeries
    public var review: PeriodReview
    public var cell: ReportingCell
    /// The series' latest figure, whatever its period.
    public var latest: Observation?
  }

  /// A target this close to its deadline (in days) that is not achieved is listed.
  public static let soonDays = 90

  /// Whether anything is due or late: a figure missing, late or returned (cron acts on it:
  /// `remind` exits 3).
  public var hasDueFigures: Bool { !figures.isEmpty }

  /// The notices at `asOf`, offices first (in series order), then lead units: one for each
  /// that has a figure to chase or a target to watch.
  public static func notices(
    series: [ReportingSeries], book: ReviewBook, statuses: [TargetStatus], asOf: Day
  ) -> [Reminder] {
    let latest = ReportingLedger.latest(series, book: book, asOf: asOf)
    var regionNames: [String: String] = [:]
    for s in series { if let code = s.region { regionNames[code] = s.regionName } }
    var out: [Reminder] = []
    for grouping in ReportingLedger.Grouping.allCases {
      var order: [String] = []
      var byName: [String: Reminder] = [:]
      func notice(_ name: String, region: String?) -> String {
        if byName[name] == nil {
          order.append(name)
          byName[name] = Reminder(
            grouping: grouping, name: name, region: region, asOf: asOf, figures: [], targets: [])
        }
        return name
      }
      for (s, review) in zip(series, latest) {
        // The latest ended period if it needs action, and any earlier one still returned.
        var items: [Item] = []
        for r in book.returned(key: s.key, rule: s.rule, asOf: asOf) where r.period < review.period
        {
          items.append(
            Item(series: s, review: r, cell: .returned, latest: book.series[s.key]?.last))
        }
        let cell = ReportingCell(review, asOf: asOf)
        if cell.needsAction {
          items.append(
            Item(series: s, review: review, cell: cell, latest: book.series[s.key]?.last))
        }
        // A series without a lead unit is chased through its office only, one outside the
        // region tree through its lead units only.
        let chased = grouping == .office ? s.region != nil : !s.leads.isEmpty
        for name in s.groups(grouping) where chased {
          guard !items.isEmpty else { break }
          byName[notice(name, region: s.region)]!.figures += items
        }
      }
      for st in statuses where needsWatching(st) {
        let code = st.target.placement?.region?.code
        let names =
          grouping == .office
          ? (code.flatMap { regionNames[$0] }.map { [$0] } ?? []) : st.target.lead
        for name in names {
          byName[notice(name, region: st.target.placement?.region?.code)]!.targets.append(st)
        }
      }
      out += order.map { byName[$0]! }
    }
    return out
  }

  /// Off track or missed, or not achieved with the deadline within `soonDays`.
  static func needsWatching(_ s: TargetStatus) -> Bool {
    switch s.status {
    case .offTrack, .missed: return true
    case .achieved: return false
    default: return (0...soonDays).contains(s.daysToDeadline)
    }
  }

  /// The file name of the notice: `<as-of>-remind-office-371003.md`,
  /// `<as-of>-remind-lead-省工业和信息化厅.md` (a lead unit's name with `/` and control
  /// characters replaced).
  public func fileName(_ format: Format) -> String {
    let id =
      grouping == .office
      ? "office-" + (region ?? "unknown")
      : "lead-"
        + String(
          name.unicodeScalars.map { s -> Character in
            s == "/" || s == "\\" || s.properties.generalCategory == .control
              || s == "." && name.hasPrefix(".") ? "_" : Character(s)
          })
    return "\(asOf.iso)-remind-\(id).\(format.rawValue)"
  }

  public enum Format: String, Sendable, CaseIterable {
    case md, html
  }
}
