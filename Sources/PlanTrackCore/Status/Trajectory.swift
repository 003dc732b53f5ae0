#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The planned path of a target: from its start value through its milestones.
public struct Trajectory: Hashable, Sendable {
  /// The points of the path, sorted by day; the first is the start.
  public let points: [Observation]
  public let shape: PathShape
  public let direction: Direction

  public init(points: [Observation], shape: PathShape, direction: Direction) {
    precondition(!points.isEmpty, "a trajectory needs a point")
    self.points = points.sorted { $0.day < $1.day }
    self.shape = shape
    self.direction = direction
  }

  /// The planned value at `day`: the start value before the start, the last milestone's value
  /// after the last, and in between linear (or geometric) interpolation.
  /// - Complexity: O(number of milestones).
  public func value(at day: Day) -> Double {
    if day <= points[0].day { return points[0].value }
    for (a, b) in zip(points, points.dropFirst()) where day <= b.day {
      let span = Double(a.day.days(to: b.day))
      guard span > 0 else { return b.value }
      let f = Double(a.day.days(to: day)) / span
      return Trajectory.interpolate(a.value, b.value, f, shape)
    }
    return points[points.count - 1].value
  }

  /// The first day on which the path reaches `value` in its direction, extrapolating the last
  /// segment beyond the last milestone; `nil` if it never does.
  public func day(reaching value: Double) -> Day? {
    let s = direction.sign
    if s * (points[0].value - value) >= 0 { return points[0].day }
    for (a, b) in zip(points, points.dropFirst()) where s * (b.value - value) >= 0 {
      let rise = b.value - a.value
      guard rise != 0 else { return b.day }
      let f = (value - a.value) / rise
      return a.day.adding(days: Int((f * Double(a.day.days(to: b.day))).rounded()))
    }
    guard points.count >= 2 else { return nil }
    let a = points[points.count - 2]
    let b = points[points.count - 1]
    let perDay = (b.value - a.value) / Double(max(1, a.day.days(to: b.day)))
    guard s * perDay > 0 else { return nil }
    let days = (value - b.value) / perDay
    guard days < 36525 else { return nil }
    return b.day.adding(days: Int(days.rounded(.up)))
  }

  static func interpolate(_ a: Double, _ b: Double, _ f: Double, _ shape: PathShape) -> Double {
    if shape == .geometric, a > 0, b > 0 {
      return a * pow(b / a, f)
    }
    return a + (b - a) * f
  }
}
