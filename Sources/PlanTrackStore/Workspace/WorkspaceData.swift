import PlanTrackCore

/// A workspace's targets and the effective series of its store, read together: what every
/// status, export and dashboard view is computed from.
public struct WorkspaceData: Sendable {
  public let targets: TargetSet
  /// The effective series by series key (a target's own key when it has no indicator).
  public let series: [String: [Observation]]
  /// The steps of the reporting cycle that were loaded (`ReviewLoad`), in order.
  public let reviews: [ReviewEvent]
  /// Whether the store has any review step at all (loaded or not): whether the office uses
  /// the reporting cycle, so that reports show timeliness and the dashboard approval marks.
  public let usesReportingCycle: Bool

  public init(
    targets: TargetSet, series: [String: [Observation]], reviews: [ReviewEvent] = [],
    usesReportingCycle: Bool? = nil, approved: [String: [Observation]]? = nil
  ) {
    self.targets = targets
    self.series = series
    self.reviews = reviews
    self.usesReportingCycle = usesReportingCycle ?? !reviews.isEmpty
    self.approved = approved
  }

  /// The review steps with the figures they are about.
  public var reviewBook: ReviewBook { ReviewBook(events: reviews, series: series) }

  /// The approved figures (`ActualsStore.approvedFigures`), when the load asked for them
  /// (`ReviewLoad.at(_:approved: true)`).
  public let approved: [String: [Observation]]?

  /// The same workspace with approved figures only (`--approved-only`): for each period, the
  /// figure last approved by the load's date; roll-ups then add up approved figures only.
  /// Without approved figures loaded, none.
  public func approvedOnly() -> WorkspaceData {
    WorkspaceData(
      targets: targets, series: approved ?? [:], reviews: reviews,
      usesReportingCycle: usesReportingCycle, approved: approved)
  }

  /// Every series someone reports: those the targets read (in file order), then the others
  /// with figures or review steps, by key.
  public var reportingSeries: [ReportingSeries] {
    let keys = ReportingCycle.allSeries(
      in: targets, stored: Set(series.keys).union(reviews.map(\.key)))
    return ReportingCycle.reportingSeries(keys, in: targets)
  }

  /// Timeliness per office and per lead unit at `asOf`; none where no step of the cycle was
  /// ever taken (a workspace that does not use it).
  public func timeliness(asOf: Day) -> [TimelinessSummary] {
    guard usesReportingCycle else { return [] }
    let all = reportingSeries
    let book = reviewBook
    return ReportingLedger.Grouping.allCases.map {
      TimelinessSummary(series: all, book: book, asOf: asOf, grouping: $0)
    }
  }

  /// Each status's reporting at `asOf`, by target key: the approval of the figure it used
  /// and the timeliness of its series' latest ended period.
  public func reporting(_ statuses: [TargetStatus], asOf: Day) -> [String: TargetReporting] {
    let book = reviewBook
    var out: [String: TargetReporting] = [:]
    for s in statuses {
      let key = s.target.series
      out[s.target.key] = TargetReporting(
        series: key, rule: ReportingCycle.rule(forSeries: key, in: targets), used: s.actual,
        book: book, asOf: asOf)
    }
    return out
  }

  /// The figures as they stand at `asOf`: each series, roll-ups, stand-ins.
  public func book(asOf: Day) -> FigureBook {
    FigureBook(
      series: series, indicators: targets.catalog.indicators, regions: targets.catalog.regions,
      asOf: asOf)
  }

  /// Every target's status at `asOf`, in target-file order, keeping those `filter` lets
  /// through (see `StatusEngine.evaluate(_:book:filter:)`).
  public func statuses(asOf: Day, filter: TargetFilter = .all) -> [TargetStatus] {
    StatusEngine(thresholds: targets.catalog.thresholds).evaluate(
      targets.targets, book: book(asOf: asOf), filter: filter)
  }
}

/// Which review steps `Workspace.load` reads.
public enum ReviewLoad: Sendable, Equatable {
  /// None: commands that do not show the reporting cycle.
  case none
  /// Every step.
  case all
  /// What statuses, reports and reminders at a date need: each series' latest period that
  /// has ended and the period of its latest figure by then, the periods of the last `months`
  /// months (the dashboard's board), every step of a period that was ever returned, and with
  /// `approved`, the approved figures (`--approved-only`).
  case at(Day, months: Int = 1, approved: Bool = false)

  /// The period labels `.at` reads for `series` (keys with their rules and figures).
  static func labels(
    asOf: Day, months: Int, series: [(rule: ReportingRule, figures: [Observation]?)]
  ) -> [String] {
    var labels = Set<String>()
    var frequencies = Set<UpdateFrequency>()
    for s in series {
      frequencies.insert(s.rule.frequency)
      labels.insert(s.rule.latestEnded(asOf: asOf).label)
      if let last = s.figures?.last(where: { $0.day <= asOf }) {
        labels.insert(s.rule.period(containing: last.day).label)
      }
    }
    var month = ReportingRule(frequency: .monthly).latestEnded(asOf: asOf)
    for _ in 0..<months {
      for f in frequencies { if let p = month.closing(as: f) { labels.insert(p.label) } }
      month = month.previous
    }
    return labels.sorted()
  }
}

extension Workspace {
  /// Reads the target files (on other threads) while `store`'s series is read on this one.
  /// With no store (nothing recorded yet) every series is empty.
  public func load(store: (any ActualsStore)?, reviews load: ReviewLoad = .none)
    throws(StoreError) -> WorkspaceData
  {
    do {
      let (targets, read) = try Parallel.pair({ [self] in loadTargets() }) {
        () throws(StoreError) in try store?.seriesByKey() ?? [:]
      }
      var approved: [String: [Observation]]?
      if case .at(let asOf, _, true) = load {
        approved = try store?.approvedFigures(asOf: asOf) ?? [:]
      }
      let reviews =
        try store.map { store throws(StoreError) in
          try Self.reviews(
            load, store: store, targets: targets, series: read, approved: approved ?? [:])
        } ?? []
      let uses = load == .none ? false : try store?.hasReviews() ?? false
      var series = read
      // Targets that named an indicator after figures were recorded under their own key: those
      // figures count for the series (rare; read entry by entry to resolve them together).
      if let store {
        var merged = Set<String>()
        for t in targets.targets where t.series != t.key && read[t.key] != nil {
          guard merged.insert(t.series).inserted else { continue }
          let point = try targets.recordPoint(for: t.key)
          series[t.series] = EntryLog.series(try store.entries(of: point))
        }
      }
      return WorkspaceData(
        targets: targets, series: series, reviews: reviews, usesReportingCycle: uses,
        approved: approved)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(readFailure: error)
    }
  }
}

extension Workspace {
  /// The review steps `load` asks for.
  static func reviews(
    _ load: ReviewLoad, store: any ActualsStore, targets: TargetSet,
    series: [String: [Observation]], approved: [String: [Observation]]
  ) throws(StoreError) -> [ReviewEvent] {
    switch load {
    case .none: return []
    case .all: return try store.allReviews()
    case .at(let asOf, let months, _):
      let keys = ReportingCycle.allSeries(in: targets, stored: series.keys)
      // The periods of the figures a status may use: the latest, and the latest approved.
      let labels = ReviewLoad.labels(
        asOf: asOf, months: months,
        series: keys.flatMap { key in
          let rule = ReportingCycle.rule(forSeries: key, in: targets)
          return [(rule, series[key])] + (approved[key].map { [(rule, $0)] } ?? [])
        })
      return try store.reviews(ReviewQuery(periods: labels, periodsWith: [.return]))
    }
  }
}
