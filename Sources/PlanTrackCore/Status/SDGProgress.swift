#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Open SDG progress measure (Statistics Canada's method, used by national statistics
/// offices): the observed compound annual growth rate against the one required to reach the
/// target on time.
public struct SDGProgress: Hashable, Sendable {
  /// The Open SDG categories.
  public enum Category: String, Sendable {
    case targetAchieved = "target-achieved"
    case onTrack = "on-track"
    case accelerationNeeded = "acceleration-needed"
    case limitedProgress = "limited-progress"
    case deterioration = "deterioration"
  }

  /// Observed CAGR from the start value to the latest actual.
  public let observedCAGR: Double
  /// CAGR required from the start value to the final goal by the deadline.
  public let requiredCAGR: Double
  /// R = d × observed / |required|.
  public let ratio: Double
  public let category: Category
  /// −5 … 5; 5 when achieved.
  public let score: Double

  /// Computes the measure, or `nil` when it cannot be assessed: the latest actual is not after
  /// the start, the deadline is not after the start, values have mixed signs, or the required
  /// rate is zero. Zeros are replaced by 0.001, as Open SDG does.
  public static func assess(
    start: Observation, latest: Observation, goal: Double, deadline: Day, direction: Direction,
    achieved: Bool
  ) -> SDGProgress? {
    let t = start.day.years(to: latest.day)
    let tT = start.day.years(to: deadline)
    guard t > 0, tT > 0 else { return nil }
    func nz(_ v: Double) -> Double { v == 0 ? 0.001 : v }
    var y0 = nz(start.value)
    var yi = nz(latest.value)
    var yT = nz(goal)
    var d = direction.sign
    if y0 < 0, yi < 0, yT < 0 {
      (y0, yi, yT, d) = (-y0, -yi, -yT, -d)
    }
    guard y0 > 0, yi > 0, yT > 0 else { return nil }
    let observed = pow(yi / y0, 1 / t) - 1
    let required = pow(yT / y0, 1 / tT) - 1
    guard required != 0 else { return nil }
    let r = d * observed / abs(required)
    let category: Category
    if achieved {
      category = .targetAchieved
    } else if r >= 0.95 {
      category = .onTrack
    } else if r >= 0.6 {
      category = .accelerationNeeded
    } else if r >= 0 {
      category = .limitedProgress
    } else {
      category = .deterioration
    }
    return SDGProgress(
      observedCAGR: observed, requiredCAGR: required, ratio: r, category: category,
      score: achieved ? 5 : score(ratio: r))
  }

  /// The linear score transformation: R ≤ −0.6 → −5; −0.6…0.6 → −5…0; 0.6…1.3 → 0…5; above → 5.
  public static func score(ratio r: Double) -> Double {
    if r <= -0.6 { return -5 }
    if r < 0.6 { return -5 + (r + 0.6) / 1.2 * 5 }
    if r < 1.3 { return (r - 0.6) / 0.7 * 5 }
    return 5
  }
}
