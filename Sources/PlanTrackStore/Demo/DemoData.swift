import PlanTrackCore

/// Generated actuals for `plantrack demo`: monthly figures that put the targets in every
/// status, deterministically (the n-th target gets the n-th scenario), so the dashboard can be
/// tried without real data.
public enum DemoData {
  /// The scenarios, cycled over the targets.
  public enum Scenario: CaseIterable, Sendable {
    case achieved, onTrack, needsAcceleration, offTrack, noData, behindThenRecovering
  }

  /// The effective series the demo entries give: each is the only entry of its date.
  public static func series(for targets: TargetSet, asOf: Day) -> [String: [Observation]] {
    Dictionary(grouping: entries(for: targets, asOf: asOf, user: "demo", time: "demo"), by: \.key)
      .mapValues { $0.map { Observation(day: $0.asOf, value: $0.value!) } }
  }

  /// Entries for every series up to `asOf`. The first target on a series drives it: its
  /// scenario's figures go into the series in the indicator's unit (for an increment on a
  /// stock, as a stock that grows by them).
  public static func entries(for set: TargetSet, asOf: Day, user: String, time: String)
    -> [NewEntry]
  {
    let engine = StatusEngine()
    var result: [NewEntry] = []
    var driven = Set<String>()
    for (n, target) in set.targets.enumerated() {
      let scenario = Scenario.allCases[n % Scenario.allCases.count]
      guard scenario != .noData, driven.insert(target.series).inserted else { continue }
      let indicator = target.indicator.flatMap(set.catalog.indicator)
      let toSeries = indicator?.factor(from: target.unit) ?? 1
      // An increment read from a stock: the stock starts well above 0 and grows by the
      // increment (a yearly quota's running totals carry over into the next year).
      let fromStock = target.kind == .increment && indicator?.measure == .stock
      let stockStart = fromStock ? target.final.goal.pathValue(target.direction) * 3 : 0
      var carried = 0.0
      var lastValue = 0.0
      var lastYear: Int?
      func append(_ day: Day, _ value: Double) {
        let rounded = NumberText.rounded(value, digits: 4)
        result.append(
          .value(
            key: target.series, asOf: day, value: rounded, input: NumberText.plain(rounded),
            note: "演示数据 demo", source: "plantrack demo", by: user, at: time))
      }
      let goal = target.final.goal.pathValue(target.direction)
      let begin =
        target.baseline?.date ?? target.document.periodStart?.adding(days: -1)
        ?? target.final.due.adding(days: -730)
      let startValue =
        target.baseline?.value
        ?? (target.kind.startsFromZero ? 0 : goal * (target.direction == .increase ? 0.6 : 1.4))
      let start = Observation(day: begin, value: startValue)
      if fromStock { append(begin, stockStart * toSeries) }
      let path = engine.trajectory(for: target, series: [start])
      let factor: Double
      switch scenario {
      case .achieved: factor = 1.25
      case .onTrack: factor = 1.0
      case .needsAcceleration: factor = 0.88
      case .offTrack, .behindThenRecovering: factor = 0.55
      case .noData: factor = 0
      }
      var day = Day.endOfMonth(year: begin.year, month: begin.components.month)!
      while day <= asOf, day <= target.final.due.adding(days: 31) {
        if day > begin {
          var planned = target.kind.isFlat ? goal : path?.value(at: day) ?? goal
          if target.perYear {
            // A yearly quota: this year's running total.
            let yearStart = Day(year: day.year, month: 1, day: 1)!.adding(days: -1)
            planned = goal * Double(yearStart.days(to: day)) / 365
          }
          var f = factor
          if scenario == .behindThenRecovering, day.days(to: asOf) < 120 { f = 0.95 }
          var value = target.perYear ? f * planned : startValue + f * (planned - startValue)
          if target.kind.isFlat { value = goal * f }
          if scenario == .achieved, day.days(to: asOf) < 31 {
            value =
              target.direction == .increase ? max(value, goal * 1.02) : min(value, goal * 0.98)
          }
          if fromStock {
            if target.perYear, let y = lastYear, y != day.year { carried += lastValue }
            lastValue = value
            lastYear = day.year
            append(day, (stockStart + carried + value) * toSeries)
          } else {
            append(day, value * toSeries)
          }
        }
        let c = day.components
        day =
          c.month == 12
          ? Day.endOfMonth(year: c.year + 1, month: 1)!
          : Day.endOfMonth(year: c.year, month: c.month + 1)!
      }
    }
    return result
  }
}
