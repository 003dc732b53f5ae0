/// Where the recent trend leads: a recency-weighted linear fit over the latest actuals.
public struct Projection: Hashable, Sendable {
  /// The points the fit used, oldest first, with their weights.
  public let points: [Observation]
  public let weights: [Double]
  /// The fitted value at the latest point's day.
  public let valueAtLatest: Double
  /// The fitted change per day.
  public let slopePerDay: Double
  /// The day the fit is anchored at (the latest point's day).
  public let latestDay: Day

  /// The projected value at `day`.
  public func value(at day: Day) -> Double {
    valueAtLatest + slopePerDay * Double(latestDay.days(to: day))
  }

  /// The first day on which the trend reaches `threshold` in `direction`, or `nil` if it moves
  /// the other way, stands still, or needs more than a century.
  public func day(reaching threshold: Double, direction: Direction) -> Day? {
    let s = direction.sign
    if s * (valueAtLatest - threshold) >= 0 { return latestDay }
    guard s * slopePerDay > 0 else { return nil }
    let days = (threshold - valueAtLatest) / slopePerDay
    guard days.isFinite, days < 36525 else { return nil }
    return latestDay.adding(days: Int(days.rounded(.up)))
  }

  /// Fits the newest `window` points (plus `anchor` when there is only one actual after it).
  ///
  /// The i-th newest point (i = 0 for the newest) of n has weight n − i, so the newest counts
  /// n times as much as the oldest. Weighted least squares of value on day. Returns `nil`
  /// with fewer than two points on distinct days.
  public static func fit(_ observations: [Observation], anchor: Observation?, window: Int)
    -> Projection?
  {
    var points = Array(observations.suffix(window))
    if points.count == 1, let anchor, anchor.day < points[0].day {
      points.insert(anchor, at: 0)
    }
    guard points.count >= 2, let latest = points.last?.day else { return nil }
    let n = points.count
    let weights = (0..<n).map { Double($0 + 1) }  // oldest 1 … newest n
    var sw = 0.0
    var sx = 0.0
    var sy = 0.0
    for (p, w) in zip(points, weights) {
      sw += w
      sx += w * Double(latest.days(to: p.day))
      sy += w * p.value
    }
    let mx = sx / sw
    let my = sy / sw
    var sxx = 0.0
    var sxy = 0.0
    for (p, w) in zip(points, weights) {
      let dx = Double(latest.days(to: p.day)) - mx
      sxx += w * dx * dx
      sxy += w * dx * (p.value - my)
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    return Projection(
      points: points, weights: weights, valueAtLatest: my - slope * mx, slopePerDay: slope,
      latestDay: latest)
  }
}
