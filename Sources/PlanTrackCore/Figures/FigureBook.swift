/// A region's figure as the sum of its children's (docs/STATUS.md, "Roll-up").
public struct RegionRollup: Hashable, Sendable {
  /// The sum of the reported children's latest figures, in the indicator's unit.
  public var value: Double
  /// The oldest of the figures summed: the roll-up holds as of this date.
  public var date: Day
  /// Children with a figure on or before the as-of date that is not stale.
  public var reported: Int
  public var children: Int
  /// How far the region's own figure lies from a complete roll-up (own / roll-up − 1) when
  /// that is more than 1%: the two are counted differently (口径不一致).
  public var discrepancy: Double?

  public var complete: Bool { reported == children }

  public init(value: Double, date: Day, reported: Int, children: Int, discrepancy: Double? = nil) {
    self.value = value
    self.date = date
    self.reported = reported
    self.children = children
    self.discrepancy = discrepancy
  }
}

/// One child's part in a roll-up, for the detail view.
public struct RollupPart: Hashable, Sendable {
  public var region: Region
  /// Its latest figure on or before the as-of date (its own, or its complete roll-up), if any.
  public var figure: Observation?
  /// Whether it counts: a figure that is not stale.
  public var reported: Bool

  public init(region: Region, figure: Observation?, reported: Bool) {
    self.region = region
    self.figure = figure
    self.reported = reported
  }
}

/// An increment target read from a stock (新建 = 总数 now − 总数 at the start).
public struct StockIncrement: Hashable, Sendable {
  /// The start of the counted period.
  public var since: Day
  /// The stock on or before `since`, in the target's unit; nil when none was recorded.
  public var start: Observation?
  /// The latest stock on or before the as-of date, in the target's unit.
  public var latest: Observation?
}

/// What a target reads from the figures: the series the status engine evaluates, and how it
/// was made.
public struct TargetFigures: Sendable {
  /// In the target's unit, sorted by day.
  public var observations: [Observation]
  public var rollup: RegionRollup?
  /// Each child region's part in `rollup`, in the target's unit.
  public var parts: [RollupPart] = []
  public var stock: StockIncrement?
}

/// Every series' figures with what reading them needs: the indicators and the region tree.
/// Built for one as-of date: roll-ups are computed at the indicator's period ends up to it.
///
/// Figures are stored per series in the indicator's unit (or, for a target without an
/// indicator, in the target's). A target reads its series converted to its own unit; an
/// increment target on a stock indicator reads the stock's growth since its start; a region of
/// a summed indicator without a recent figure of its own reads its complete roll-up.
public struct FigureBook: Sendable {
  /// By series key; each sorted by day.
  public let series: [String: [Observation]]
  public let asOf: Day
  private let indicators: [String: Indicator]
  private let regions: RegionTree
  /// Per summed indicator and region: its own figures plus complete roll-ups standing in.
  private var standIn: [String: [Observation]] = [:]
  /// Per summed indicator and region with children: the roll-up at the as-of date.
  private var rollups: [String: RegionRollup] = [:]

  public init(
    series: [String: [Observation]], indicators: [Indicator], regions: RegionTree, asOf: Day
  ) {
    self.series = series
    self.asOf = asOf
    self.regions = regions
    self.indicators = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // The series of each summed indicator by region, split once (not scanned per indicator).
    var byIndicator: [String: [String: [Observation]]] = [:]
    let summed = Set(indicators.filter { $0.rollup == .sum }.map(\.id))
    for (key, obs) in series where !obs.isEmpty {
      guard let slash = key.lastIndex(of: "/") else { continue }
      let id = String(key[key.index(after: slash)...])
      guard summed.contains(id) else { continue }
      byIndicator[id, default: [:]][String(key[..<slash])] = obs
    }
    for indicator in indicators where indicator.rollup == .sum {
      computeRollups(indicator, own: byIndicator[indicator.id] ?? [:])
    }
  }

  /// The series key's figures with complete roll-ups standing in where the region has no
  /// recent figure of its own.
  public func figures(ofSeries key: String) -> [Observation] {
    standIn[key] ?? series[key] ?? []
  }

  /// The roll-up of a series at the as-of date (summed indicators, regions with children).
  public func rollup(ofSeries key: String) -> RegionRollup? { rollups[key] }

  /// Each child's part in the roll-up of `indicator` in `region` at the as-of date.
  public func parts(of indicator: String, in region: String) -> [RollupPart] {
    guard let ind = indicators[indicator] else { return [] }
    return regions.rollupChildren(of: region).map { child in
      let key = SeriesKey.make(region: child.code, indicator: indicator)
      let figure = Self.latest(figures(ofSeries: key), onOrBefore: asOf)
      return RollupPart(
        region: child, figure: figure,
        reported: figure.map { $0.day.days(to: asOf) <= ind.update.allowedAgeDays } ?? false)
    }
  }

  /// What `target` reads at the as-of date.
  public func figures(for target: Target) -> TargetFigures {
    guard let id = target.indicator, let indicator = indicators[id],
      let region = target.placement?.region
    else {
      return TargetFigures(observations: series[target.series] ?? [], rollup: nil, stock: nil)
    }
    let key = SeriesKey.make(region: region.code, indicator: id)
    let factor = indicator.factor(to: target.unit) ?? 1
    let stock = figures(ofSeries: key).map { Observation(day: $0.day, value: $0.value * factor) }
    let rollup = rollups[key]
    var parts: [RollupPart] = []
    if rollup != nil {
      parts = self.parts(of: id, in: region.code).map { p in
        var p = p
        p.figure = p.figure.map { Observation(day: $0.day, value: $0.value * factor) }
        return p
      }
    }
    guard target.kind == .increment, indicator.measure == .stock else {
      return TargetFigures(observations: stock, rollup: rollup, parts: parts, stock: nil)
    }
    // The growth of the stock since the start of the counted period (each year's for a
    // yearly quota).
    let since = Self.start(of: target)
    var out: [Observation] = []
    var base: (year: Int, start: Observation?)?
    for o in stock where o.day > since {
      let periodStart = target.perYear ? Day(year: o.day.year, month: 1, day: 1)! : since
      if base == nil || (target.perYear && base!.year != o.day.year) {
        base = (o.day.year, Self.latest(stock, onOrBefore: periodStart))
      }
      if let s = base?.start { out.append(Observation(day: o.day, value: o.value - s.value)) }
    }
    let countedFrom =
      target.perYear ? Day(year: asOf.year, month: 1, day: 1)! : since
    return TargetFigures(
      observations: out, rollup: rollup, parts: parts,
      stock: StockIncrement(
        since: countedFrom, start: Self.latest(stock, onOrBefore: countedFrom),
        latest: Self.latest(stock, onOrBefore: asOf)))
  }

  /// Where an increment starts counting: its document's period start, else 1 January of its
  /// first milestone's year.
  static func start(of target: Target) -> Day {
    target.document.periodStart ?? Day(year: target.milestones[0].due.year, month: 1, day: 1)!
  }

  /// The last observation on or before `day` of a series sorted by day.
  static func latest(_ series: [Observation], onOrBefore day: Day) -> Observation? {
    var lo = 0
    var hi = series.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if series[mid].day <= day { lo = mid + 1 } else { hi = mid }
    }
    return lo == 0 ? nil : series[lo - 1]
  }

  /// Roll-ups of one summed indicator, from the regions with figures up to the root.
  private mutating func computeRollups(_ indicator: Indicator, own all: [String: [Observation]]) {
    var own: [String: [Observation]] = [:]
    var earliest: Day?
    for (code, obs) in all where regions.region(code: code) != nil {
      own[code] = obs
      earliest = min(earliest ?? obs[0].day, obs[0].day)
    }
    guard let earliest else { return }
    // The regions above a figure, deepest first, so each child is done before its parent.
    var depth: [String: Int] = [:]
    for code in own.keys {
      let above = regions.ancestors(of: code)
      depth[code] = max(depth[code] ?? 0, above.count)
      for (i, a) in above.enumerated() {
        depth[a.code] = max(depth[a.code] ?? 0, above.count - i - 1)
      }
    }
    let order = depth.map { ($1, $0) }.sorted { $0 > $1 }.map(\.1)
    let allowed = indicator.update.allowedAgeDays
    let dates = indicator.update.periodEnds(from: earliest, through: asOf) + [asOf]
    var figures: [String: [Observation]] = own
    for code in order {
      let children = regions.rollupChildren(of: code)
      guard !children.isEmpty else { continue }
      let mine = own[code] ?? []
      var standIns: [Observation] = []
      var atAsOf: RegionRollup?
      // Each child's figures, looked up once; the dates go forward, so does each child's cursor.
      let childFigures = children.map { figures[$0.code] ?? [] }
      var cursors = [Int](repeating: 0, count: children.count)
      for e in dates {
        var sum = 0.0
        var reported = 0
        var oldest: Day?
        for c in childFigures.indices {
          let fs = childFigures[c]
          var i = cursors[c]
          while i < fs.count, fs[i].day <= e { i += 1 }
          cursors[c] = i
          guard i > 0 else { continue }
          let f = fs[i - 1]
          guard f.day.days(to: e) <= allowed else { continue }
          sum += f.value
          reported += 1
          oldest = min(oldest ?? f.day, f.day)
        }
        guard reported > 0, let oldest else {
          if e == asOf { atAsOf = nil }
          continue
        }
        let r = RegionRollup(value: sum, date: oldest, reported: reported, children: children.count)
        if e == asOf { atAsOf = r }
        let ownFresh =
          Self.latest(mine, onOrBefore: e).map { $0.day.days(to: e) <= allowed } ?? false
        if r.complete, !ownFresh, standIns.last?.day != oldest { standIns.append(r.observation) }
      }
      let key = SeriesKey.make(region: code, indicator: indicator.id)
      if var r = atAsOf {
        if r.complete, let o = Self.latest(mine, onOrBefore: asOf), o.day.days(to: asOf) <= allowed,
          r.value != 0
        {
          let share = o.value / r.value - 1
          if abs(share) > 0.01 { r.discrepancy = share }
        }
        rollups[key] = r
      }
      if !standIns.isEmpty {
        let merged = Self.merge(own: mine, standIns: standIns)
        figures[code] = merged
        standIn[key] = merged
      }
    }
  }

  /// Own figures and stand-ins in day order; on the same day the own figure wins.
  static func merge(own: [Observation], standIns: [Observation]) -> [Observation] {
    let days = Set(own.map(\.day))
    return (own + standIns.filter { !days.contains($0.day) }).sorted { $0.day < $1.day }
  }
}

extension RegionRollup {
  /// The roll-up as a figure at its date.
  var observation: Observation { Observation(day: date, value: value) }
}

extension Indicator {
  /// The factor from this indicator's unit to `unit` (nil when they do not convert).
  public func factor(to unit: MeasureUnit) -> Double? {
    accepts(unit) ? self.unit.scale / unit.scale : nil
  }
}

extension UpdateFrequency {
  /// The ends of the reporting periods that end on or after `start` and on or before `end`:
  /// month ends for monthly figures, quarter ends, half-year ends, year ends, or `end` and every
  /// seventh day before it for weekly ones.
  public func periodEnds(from start: Day, through end: Day) -> [Day] {
    guard start <= end else { return [] }
    if self == .weekly {
      return stride(from: end.ordinal, through: start.ordinal, by: -7).reversed().map(
        Day.init(ordinal:))
    }
    let step: Int =
      switch self {
      case .monthly: 1
      case .quarterly: 3
      case .halfyearly: 6
      default: 12
      }
    var out: [Day] = []
    var (y, m, _) = start.components
    // The first period end on or after start.
    m = ((m - 1) / step + 1) * step
    while let d = Day.endOfMonth(year: y, month: m), d <= end {
      if d >= start { out.append(d) }
      m += step
      if m > 12 {
        m -= 12
        y += 1
      }
    }
    return out
  }
}
