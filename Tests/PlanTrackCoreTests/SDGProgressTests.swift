#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import PlanTrackCore

/// The Open SDG measure with exact year counts: 2020-01-01 → 2024-01-01 and 2024-01-01 →
/// 2028-01-01 are both 1461 days, so t = 4 and T = 8 years exactly.
struct SDGProgressTests {
  static let start = Day(iso: "2020-01-01")!
  static let latestDay = Day(iso: "2024-01-01")!
  static let deadline = Day(iso: "2028-01-01")!

  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance
  }

  static func assess(
    from startValue: Double = 100, latest: Double, goal: Double,
    direction: Direction = .increase, achieved: Bool = false
  ) -> SDGProgress? {
    SDGProgress.assess(
      start: Observation(day: start, value: startValue),
      latest: Observation(day: latestDay, value: latest), goal: goal, deadline: deadline,
      direction: direction, achieved: achieved)
  }

  /// A goal that needs exactly 10% a year over 8 years, and a latest value that grew at
  /// `rate` a year over 4 years: R = rate / 0.1.
  static func assess(observedRate rate: Double) -> SDGProgress? {
    assess(latest: 100 * pow(1 + rate, 4), goal: 100 * pow(1.1, 8))
  }

  @Test func ratioIsObservedOverRequiredGrowth() throws {
    let p = try #require(Self.assess(observedRate: 0.05))
    #expect(Self.close(p.observedCAGR, 0.05))
    #expect(Self.close(p.requiredCAGR, 0.1))
    #expect(Self.close(p.ratio, 0.5))
    #expect(p.category == .limitedProgress)
    #expect(Self.close(p.score, -5 + 1.1 / 1.2 * 5))
  }

  @Test func ratioFromHandComputedGrowth() throws {
    // 100 → 121 in 4 years is 1.21^(1/4) − 1 = √1.1 − 1 a year; 100 → 1600 in 8 years is
    // 16^(1/8) − 1 = √2 − 1 a year.
    let p = try #require(Self.assess(latest: 121, goal: 1600))
    let observed = 1.1.squareRoot() - 1
    let required = 2.0.squareRoot() - 1
    #expect(Self.close(p.observedCAGR, observed))
    #expect(Self.close(p.requiredCAGR, required))
    #expect(Self.close(p.ratio, observed / required))
  }

  @Test(arguments: [
    (0.0951, SDGProgress.Category.onTrack),
    (0.0949, .accelerationNeeded),
    (0.12, .onTrack),
    (0.0601, .accelerationNeeded),
    (0.0599, .limitedProgress),
    (0.0001, .limitedProgress),
    (0.0, .limitedProgress),
    (-0.0001, .deterioration),
    (-0.05, .deterioration),
  ])
  func categoryThresholds(rate: Double, category: SDGProgress.Category) throws {
    let p = try #require(Self.assess(observedRate: rate))
    #expect(Self.close(p.ratio, rate / 0.1, 1e-9))
    #expect(p.category == category)
  }

  @Test(arguments: [
    (-2.0, -5.0),
    (-0.6, -5),
    (-0.3, -3.75),
    (0, -2.5),
    (0.3, -1.25),
    (0.6, 0),
    (0.95, 2.5),
    (1.0, 2.0 / 0.7),
    (1.3, 5),
    (1.31, 5),
    (10, 5),
  ])
  func scoreTransformation(ratio: Double, score: Double) {
    #expect(
      Self.close(SDGProgress.score(ratio: ratio), score), "\(SDGProgress.score(ratio: ratio))")
  }

  @Test func scoreOfAnAssessmentFollowsItsRatio() throws {
    let p = try #require(Self.assess(observedRate: 0.1))
    #expect(Self.close(p.ratio, 1))
    #expect(p.category == .onTrack)
    #expect(Self.close(p.score, 2.0 / 0.7))
  }

  @Test func achievedIsTargetAchievedWithScoreFive() throws {
    // The ratio is poor, but the goal is met: achieved wins.
    let p = try #require(Self.assess(latest: 90, goal: 214, achieved: true))
    #expect(p.category == .targetAchieved)
    #expect(p.score == 5)
    #expect(p.ratio < 0)
  }

  @Test func zeroIsReplacedByOneThousandth() throws {
    // 0 → 0.001; 0.001 → 0.016 in 4 years is ×2 a year, and 0.001 → 0.256 in 8 years too.
    let p = try #require(Self.assess(from: 0, latest: 0.016, goal: 0.256))
    #expect(Self.close(p.observedCAGR, 1))
    #expect(Self.close(p.requiredCAGR, 1))
    #expect(Self.close(p.ratio, 1))
    #expect(p.category == .onTrack)
  }

  @Test func notAssessable() {
    let s = Observation(day: Self.start, value: 100)
    // The latest actual is not after the start.
    #expect(
      SDGProgress.assess(
        start: s, latest: Observation(day: Self.start, value: 120), goal: 200,
        deadline: Self.deadline, direction: .increase, achieved: false) == nil)
    #expect(
      SDGProgress.assess(
        start: s, latest: Observation(day: Self.start.adding(days: -1), value: 120), goal: 200,
        deadline: Self.deadline, direction: .increase, achieved: false) == nil)
    // The deadline is not after the start.
    #expect(
      SDGProgress.assess(
        start: s, latest: Observation(day: Self.latestDay, value: 120), goal: 200,
        deadline: Self.start, direction: .increase, achieved: false) == nil)
    // Mixed signs.
    #expect(Self.assess(from: -10, latest: 5, goal: 20) == nil)
    #expect(Self.assess(from: 10, latest: -5, goal: 20) == nil)
    #expect(Self.assess(from: 10, latest: 5, goal: -20) == nil)
    // No change required.
    #expect(Self.assess(from: 100, latest: 120, goal: 100) == nil)
  }

  @Test func allNegativeValuesAreMirrored() throws {
    // −100 → −50 → −25 rising toward zero is, mirrored, 100 → 50 → 25 falling: on track.
    let p = try #require(Self.assess(from: -100, latest: -50, goal: -25))
    #expect(Self.close(p.observedCAGR, pow(0.5, 0.25) - 1))
    #expect(Self.close(p.ratio, 1))
    #expect(p.category == .onTrack)
  }

  @Test func decreaseTarget() throws {
    // 100 → 50 in 4 years is the rate that reaches 25 in 8: on track.
    let good = try #require(Self.assess(latest: 50, goal: 25, direction: .decrease))
    #expect(Self.close(good.observedCAGR, pow(0.5, 0.25) - 1))
    #expect(Self.close(good.requiredCAGR, pow(0.5, 0.25) - 1))
    #expect(Self.close(good.ratio, 1))
    #expect(good.category == .onTrack)
    // Rising to 200 moves away: R = −(2^¼ − 1)/(1 − 2^−¼) = −2^¼.
    let bad = try #require(Self.assess(latest: 200, goal: 25, direction: .decrease))
    #expect(Self.close(bad.ratio, -pow(2, 0.25)))
    #expect(bad.category == .deterioration)
    #expect(bad.score == -5)
    // Falling, but at half the rate needed in log terms: 100 → 70.71 (√0.5) in 4 years.
    let slow = try #require(
      Self.assess(latest: 100 * 0.5.squareRoot(), goal: 25, direction: .decrease))
    let r = -(pow(0.5, 0.125) - 1) / (1 - pow(0.5, 0.25))
    #expect(Self.close(slow.ratio, r))
    #expect(slow.category == .limitedProgress)
  }
}
