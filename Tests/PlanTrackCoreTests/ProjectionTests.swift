import Testing

@testable import PlanTrackCore

struct ProjectionTests {
  static let d0 = Day(iso: "2024-01-01")!

  static func point(_ offset: Int, _ value: Double) -> Observation {
    Observation(day: d0.adding(days: offset), value: value)
  }

  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance
  }

  /// A projection with exactly the given trend, anchored at `d0 + offset`.
  static func trend(value: Double, slope: Double, at offset: Int = 0) -> Projection {
    Projection(
      points: [], weights: [], valueAtLatest: value, slopePerDay: slope,
      latestDay: d0.adding(days: offset))
  }

  @Test func exactLinearDataGivesExactSlope() throws {
    let data = [Self.point(0, 10), Self.point(10, 15), Self.point(30, 25), Self.point(40, 30)]
    let p = try #require(Projection.fit(data, anchor: nil, window: 6))
    #expect(Self.close(p.slopePerDay, 0.5))
    #expect(Self.close(p.valueAtLatest, 30))
    #expect(p.latestDay == Self.d0.adding(days: 40))
    #expect(p.weights == [1, 2, 3, 4])
    #expect(p.points == data)
    #expect(Self.close(p.value(at: Self.d0.adding(days: 100)), 60))
    #expect(Self.close(p.value(at: Self.d0), 10))
  }

  /// Points (day −20, 0), (−10, 4), (0, 6) relative to the newest, with weights 1, 2, 3:
  /// Σw = 6, x̄ = −40/6 = −20/3, ȳ = 26/6 = 13/3; Sxx = (1·1600 + 2·100 + 3·400)/9 = 1000/3;
  /// Sxy = (1·(−40)(−13) + 2·(−10)(−1) + 3·20·5)/9 = 280/3; slope = 0.28;
  /// value at the newest day = 13/3 + 0.28 · 20/3 = 6.2.
  /// (Unweighted it would be slope 0.3 and 6 + 1/3; reversed weights give another line again.)
  @Test func weightsFavourTheNewestPoints() throws {
    let data = [Self.point(0, 0), Self.point(10, 4), Self.point(20, 6)]
    let p = try #require(Projection.fit(data, anchor: nil, window: 6))
    #expect(p.weights == [1, 2, 3])
    #expect(Self.close(p.slopePerDay, 0.28), "\(p.slopePerDay)")
    #expect(Self.close(p.valueAtLatest, 6.2), "\(p.valueAtLatest)")
    #expect(Self.close(p.value(at: Self.d0.adding(days: 30)), 9))
  }

  @Test func anchorIsUsedWhenThereIsOnlyOneObservation() throws {
    let p = try #require(
      Projection.fit([Self.point(10, 20)], anchor: Self.point(0, 10), window: 6))
    #expect(p.points == [Self.point(0, 10), Self.point(10, 20)])
    #expect(p.weights == [1, 2])
    #expect(Self.close(p.slopePerDay, 1))
    #expect(Self.close(p.valueAtLatest, 20))
  }

  @Test func anchorIsIgnoredWithTwoObservations() throws {
    let p = try #require(
      Projection.fit(
        [Self.point(10, 20), Self.point(20, 30)], anchor: Self.point(0, 1000), window: 6))
    #expect(p.points.count == 2)
    #expect(Self.close(p.slopePerDay, 1))
    #expect(Self.close(p.valueAtLatest, 30))
  }

  @Test func noFitWithoutTwoDistinctDays() {
    #expect(Projection.fit([], anchor: nil, window: 6) == nil)
    #expect(Projection.fit([], anchor: Self.point(0, 1), window: 6) == nil)
    #expect(Projection.fit([Self.point(10, 20)], anchor: nil, window: 6) == nil)
    // An anchor on or after the only observation is no help.
    #expect(Projection.fit([Self.point(10, 20)], anchor: Self.point(10, 5), window: 6) == nil)
    #expect(Projection.fit([Self.point(10, 20)], anchor: Self.point(20, 5), window: 6) == nil)
    // Two points on the same day have no slope.
    #expect(
      Projection.fit([Self.point(10, 20), Self.point(10, 25)], anchor: nil, window: 6) == nil)
  }

  @Test func windowKeepsTheNewestPoints() throws {
    let data = [
      Self.point(0, 1000), Self.point(10, -500), Self.point(20, 10), Self.point(30, 20),
      Self.point(40, 30),
    ]
    let p = try #require(Projection.fit(data, anchor: nil, window: 3))
    #expect(p.points == Array(data.suffix(3)))
    #expect(p.weights == [1, 2, 3])
    #expect(Self.close(p.slopePerDay, 1))
    #expect(Self.close(p.valueAtLatest, 30))
    // A window of 1 leaves one point, and the anchor then makes the second.
    let q = try #require(Projection.fit(data, anchor: Self.point(35, 25), window: 1))
    #expect(Self.close(q.slopePerDay, 1))
  }

  @Test(arguments: [
    (30.0, 10),
    (25.5, 6),  // 5.5 days, rounded up
    (20, 0),  // already there
    (15, 0),  // already past
  ])
  func dayReachingOnIncrease(threshold: Double, offset: Int) {
    let p = Self.trend(value: 20, slope: 1, at: 10)
    #expect(p.day(reaching: threshold, direction: .increase) == Self.d0.adding(days: 10 + offset))
  }

  @Test(arguments: [
    (80.0, 10),
    (89, 6),  // 5.5 days, rounded up
    (100, 0),
    (120, 0),
  ])
  func dayReachingOnDecrease(threshold: Double, offset: Int) {
    let p = Self.trend(value: 100, slope: -2)
    #expect(p.day(reaching: threshold, direction: .decrease) == Self.d0.adding(days: offset))
  }

  @Test func dayReachingIsNilWhenTheTrendIsWrong() {
    // Rising, but the goal is to fall below 10.
    #expect(Self.trend(value: 20, slope: 1).day(reaching: 10, direction: .decrease) == nil)
    // Falling, but the goal is to rise above 30.
    #expect(Self.trend(value: 20, slope: -1).day(reaching: 30, direction: .increase) == nil)
    // Standing still.
    #expect(Self.trend(value: 20, slope: 0).day(reaching: 30, direction: .increase) == nil)
    // More than a century: 1/1024 per day needs 102,400 days for 100 more.
    #expect(Self.trend(value: 0, slope: 1.0 / 1024).day(reaching: 100, direction: .increase) == nil)
    #expect(
      Self.trend(value: 0, slope: 1.0 / 1024).day(reaching: 10, direction: .increase)
        == Self.d0.adding(days: 10240))
  }

  @Test func valueAt() {
    let p = Self.trend(value: 100, slope: -2, at: 10)
    #expect(p.value(at: Self.d0.adding(days: 10)) == 100)
    #expect(p.value(at: Self.d0.adding(days: 15)) == 90)
    #expect(p.value(at: Self.d0) == 120)
  }
}
