import PlanTrackCore

/// What a figure is recorded for: a target's key or a series key resolved to the series its
/// figures are stored under, the unit they are stored in, and the targets that read them.
public struct RecordPoint: Sendable {
  /// The store key: `<region code>/<indicator>` or a target's own key.
  public let series: String
  /// The unit stored figures are in (the indicator's, or the target's).
  public let unit: MeasureUnit
  /// Counting words that are the same count as `unit`'s (an indicator's `counts`).
  public let sameCount: [String]
  /// The targets whose figures these are (none for a region no plan sets a goal for).
  public let targets: [Target]
  /// `威海市 5G基站` for a series, the target's name for a target of its own.
  public let title: String
  /// Keys of targets on the series whose figures were recorded under their own key (before
  /// they named an indicator), with the factor from their unit into `unit`.
  public let legacy: [(key: String, factor: Double)]
}

extension TargetSet {
  /// Resolves a target key (`sd-domestic-demand/base-stations-5g`) or a series key
  /// (`山东省/5g-base-stations`, `370000/5g-base-stations`).
  public func recordPoint(for key: String) throws(StoreError) -> RecordPoint {
    if let target = target(key: key) {
      return point(series: target.series, fallback: target)
    }
    guard let slash = key.lastIndex(of: "/") else {
      throw StoreError.unknownTarget(
        key: key, suggestion: EntryInput.suggestion(for: key, in: self))
    }
    let regionText = String(key[..<slash])
    let indicatorID = String(key[key.index(after: slash)...])
    guard catalog.indicator(indicatorID) != nil else {
      throw StoreError.unknownTarget(
        key: key, suggestion: EntryInput.suggestion(for: key, in: self))
    }
    switch catalog.regions.resolve(regionText) {
    case .found(let region):
      return point(
        series: SeriesKey.make(region: region.code, indicator: indicatorID), fallback: nil)
    case .ambiguous(let many):
      throw StoreError.unknownSeries(
        key: key, reason: RegionText.ambiguous(regionText, many, in: catalog.regions))
    case .unknown(let suggestions):
      throw StoreError.unknownSeries(key: key, reason: RegionText.unknown(regionText, suggestions))
    }
  }

  private func point(series: String, fallback: Target?) -> RecordPoint {
    let on = targets(onSeries: series)
    let parts = series.split(separator: "/", maxSplits: 1).map(String.init)
    if parts.count == 2, let indicator = catalog.indicator(parts[1]),
      let region = catalog.regions.region(code: parts[0])
    {
      return RecordPoint(
        series: series, unit: indicator.unit, sameCount: indicator.counts, targets: on,
        title: "\(region.name) \(indicator.name)",
        legacy: on.compactMap { t in indicator.factor(from: t.unit).map { (t.key, $0) } })
    }
    let target = fallback ?? on[0]
    return RecordPoint(
      series: series, unit: target.unit, sameCount: [], targets: on.isEmpty ? [target] : on,
      title: target.name, legacy: [])
  }
}

extension Indicator {
  /// The factor from `unit` into this indicator's unit (nil when they do not convert).
  public func factor(from unit: MeasureUnit) -> Double? {
    accepts(unit) ? unit.scale / self.unit.scale : nil
  }
}

extension ActualsStore {
  /// Every entry of a record point, oldest first: its series' and those its targets recorded
  /// under their own keys before they named an indicator (values converted into the point's
  /// unit).
  public func entries(of point: RecordPoint) throws(StoreError) -> [ActualEntry] {
    var all = try entries(key: point.series)
    for (key, factor) in point.legacy {
      all += try entries(key: key).map { e in
        var e = e
        e.value = e.value.map { $0 * factor }
        return e
      }
    }
    return all.sorted { $0.id < $1.id }
  }
}
