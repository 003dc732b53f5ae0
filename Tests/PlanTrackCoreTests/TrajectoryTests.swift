import Testing

@testable import PlanTrackCore

struct TrajectoryTests {
  static let d0 = Day(iso: "2023-01-01")!

  static func point(_ offset: Int, _ value: Double) -> Observation {
    Observation(day: d0.adding(days: offset), value: value)
  }

  /// Baseline 100 on day 0, milestones 200 on day 10 and 400 on day 30.
  static let rising = Trajectory(
    points: [point(0, 100), point(10, 200), point(30, 400)], shape: .linear,
    direction: .increase)

  @Test(arguments: [
    (-100, 100.0),  // before the start: the start value
    (-1, 100),
    (0, 100),
    (1, 110),
    (5, 150),
    (10, 200),
    (11, 210),
    (20, 300),
    (25, 350),
    (30, 400),
    (31, 400),  // after the last milestone: its value
    (1000, 400),
  ])
  func linearValue(offset: Int, expected: Double) {
    #expect(abs(Self.rising.value(at: Self.d0.adding(days: offset)) - expected) < 1e-9)
  }

  @Test func pointsAreSorted() {
    let t = Trajectory(
      points: [Self.point(30, 400), Self.point(0, 100), Self.point(10, 200)], shape: .linear,
      direction: .increase)
    #expect(t.points.map(\.value) == [100, 200, 400])
    #expect(abs(t.value(at: Self.d0.adding(days: 5)) - 150) < 1e-9)
  }

  @Test func decreasingLinearValue() {
    let t = Trajectory(
      points: [Self.point(0, 100), Self.point(10, 50)], shape: .linear, direction: .decrease)
    #expect(abs(t.value(at: Self.d0.adding(days: 4)) - 80) < 1e-9)
    #expect(t.value(at: Self.d0.adding(days: 40)) == 50)
  }

  @Test(arguments: [
    (0, 100.0),
    (10, 200),  // half-way: the geometric mean
    (5, 141.421_356_237_309_5),  // 100·4^(1/4)
    (15, 282.842_712_474_619),  // 100·4^(3/4)
    (20, 400),
    (25, 400),
  ])
  func geometricValue(offset: Int, expected: Double) {
    let t = Trajectory(
      points: [Self.point(0, 100), Self.point(20, 400)], shape: .geometric, direction: .increase)
    #expect(abs(t.value(at: Self.d0.adding(days: offset)) - expected) < 1e-9)
  }

  @Test func geometricFallsBackToLinearWithoutPositiveValues() {
    let t = Trajectory(
      points: [Self.point(0, 0), Self.point(20, 400)], shape: .geometric, direction: .increase)
    #expect(abs(t.value(at: Self.d0.adding(days: 10)) - 200) < 1e-9)
  }

  @Test(arguments: [
    (150.0, 5),
    (100, 0),  // already at the start
    (50, 0),  // below the start: reached from the start
    (200, 10),
    (205, 11),  // 10 + 5/200 × 20 days = 10.5, rounded to 11
    (300, 20),
    (400, 30),
    (500, 40),  // extrapolating the last segment, 10 per day
    (401, 31),  // rounded up
  ])
  func dayReachingOnIncrease(value: Double, offset: Int) {
    #expect(Self.rising.day(reaching: value) == Self.d0.adding(days: offset))
  }

  @Test(arguments: [
    (75.0, 5),
    (100, 0),
    (120, 0),  // above the start of a decrease path: reached at once
    (50, 10),
    (40, 12),  // extrapolated at −5 per day
    (49, 11),  // 0.2 day rounded up
  ])
  func dayReachingOnDecrease(value: Double, offset: Int) {
    let t = Trajectory(
      points: [Self.point(0, 100), Self.point(10, 50)], shape: .linear, direction: .decrease)
    #expect(t.day(reaching: value) == Self.d0.adding(days: offset))
  }

  @Test func dayReachingIsNilWhenThePathNeverGetsThere() {
    // The last segment is flat: no extrapolation reaches 300.
    let flat = Trajectory(
      points: [Self.point(0, 100), Self.point(10, 200), Self.point(20, 200)], shape: .linear,
      direction: .increase)
    #expect(flat.day(reaching: 300) == nil)
    #expect(flat.day(reaching: 200) == Self.d0.adding(days: 10))
    // The last segment moves the wrong way.
    let turning = Trajectory(
      points: [Self.point(0, 100), Self.point(10, 200), Self.point(20, 150)], shape: .linear,
      direction: .increase)
    #expect(turning.day(reaching: 250) == nil)
    // A single point has nothing to extrapolate.
    let single = Trajectory(points: [Self.point(0, 100)], shape: .linear, direction: .increase)
    #expect(single.day(reaching: 101) == nil)
    #expect(single.day(reaching: 99) == Self.d0)
    // More than a century away.
    let slow = Trajectory(
      points: [Self.point(0, 0), Self.point(1024, 1)], shape: .linear, direction: .increase)
    #expect(slow.day(reaching: 100) == nil)
    #expect(slow.day(reaching: 2) == Self.d0.adding(days: 2048))
  }
}
