import Testing

@testable import PlanTrackCore

struct GoalTests {
  @Test(arguments: [
    (Goal.atLeast(1), ">="),
    (Goal.atMost(1), "<="),
    (Goal.about(1, tolerance: 0.05), "~"),
    (Goal.exactly(1), "="),
    (Goal.range(min: 1, max: 2), "range"),
  ])
  func comparatorString(goal: Goal, comparator: String) {
    #expect(goal.comparator == comparator)
  }

  static let pathValueCases: [(Goal, Direction, Double)] = [
    (Goal.atLeast(240), Direction.increase, 240.0),
    (Goal.atLeast(240), Direction.decrease, 240),
    (Goal.atMost(3.5), Direction.decrease, 3.5),
    (Goal.about(1000, tolerance: 0.05), Direction.increase, 1000),
    (Goal.about(1000, tolerance: 0.05), Direction.decrease, 1000),
    (Goal.exactly(12), Direction.increase, 12),
    (Goal.range(min: 1, max: 2), Direction.increase, 1),
    (Goal.range(min: 1, max: 2), Direction.decrease, 2),
  ]

  @Test(arguments: pathValueCases)
  func pathValue(goal: Goal, direction: Direction, expected: Double) {
    #expect(goal.pathValue(direction) == expected)
  }

  static let thresholdCases: [(Goal, Direction, Double)] = [
    (Goal.atLeast(240), Direction.increase, 240.0),
    (Goal.atMost(3.5), Direction.decrease, 3.5),
    (Goal.about(1000, tolerance: 0.05), Direction.increase, 950),
    (Goal.about(1000, tolerance: 0.05), Direction.decrease, 1050),
    (Goal.about(200, tolerance: 0.1), Direction.increase, 180),
    (Goal.about(-10, tolerance: 0.1), Direction.increase, -11),
    (Goal.about(-10, tolerance: 0.1), Direction.decrease, -9),
    (Goal.about(1000, tolerance: 0), Direction.increase, 1000),
    (Goal.exactly(12), Direction.increase, 12),
    (Goal.exactly(12), Direction.decrease, 12),
    (Goal.range(min: 1, max: 2), Direction.increase, 1),
    (Goal.range(min: 1, max: 2), Direction.decrease, 2),
  ]

  @Test(arguments: thresholdCases)
  func threshold(goal: Goal, direction: Direction, expected: Double) {
    #expect(abs(goal.threshold(direction) - expected) < 1e-9)
  }

  struct MetCase: Sendable, CustomTestStringConvertible {
    var goal: Goal
    var direction: Direction
    var actual: Double
    var met: Bool
    var testDescription: String { "\(goal) \(direction) actual \(actual) → \(met)" }
  }

  static let metCases: [MetCase] = [
    // >= on an increase target
    MetCase(goal: .atLeast(240), direction: .increase, actual: 240, met: true),
    MetCase(goal: .atLeast(240), direction: .increase, actual: 300, met: true),
    MetCase(goal: .atLeast(240), direction: .increase, actual: 239.9, met: false),
    // the tolerance for floating-point noise is 1e-9 relative, no more
    MetCase(goal: .atLeast(1000), direction: .increase, actual: 999.999_999_9, met: true),
    MetCase(goal: .atLeast(1000), direction: .increase, actual: 999.999, met: false),
    // <= on a decrease target
    MetCase(goal: .atMost(3.5), direction: .decrease, actual: 3.5, met: true),
    MetCase(goal: .atMost(3.5), direction: .decrease, actual: 2, met: true),
    MetCase(goal: .atMost(3.5), direction: .decrease, actual: 3.6, met: false),
    // ~ with 5%: favourable overshoot meets, a shortfall beyond the tolerance does not
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .increase, actual: 1200, met: true),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .increase, actual: 1000, met: true),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .increase, actual: 950, met: true),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .increase, actual: 960, met: true),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .increase, actual: 949, met: false),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .increase, actual: 940, met: false),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .decrease, actual: 800, met: true),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .decrease, actual: 1050, met: true),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .decrease, actual: 1051, met: false),
    MetCase(goal: .about(1000, tolerance: 0.05), direction: .decrease, actual: 1200, met: false),
    // = : reaching the value, or passing it in the favourable direction
    MetCase(goal: .exactly(12), direction: .increase, actual: 12, met: true),
    MetCase(goal: .exactly(12), direction: .increase, actual: 13, met: true),
    MetCase(goal: .exactly(12), direction: .increase, actual: 11, met: false),
    MetCase(goal: .exactly(12), direction: .decrease, actual: 11, met: true),
    MetCase(goal: .exactly(12), direction: .decrease, actual: 13, met: false),
    // ranges: the bound in the direction of travel
    MetCase(goal: .range(min: 1, max: 2), direction: .increase, actual: 1, met: true),
    MetCase(goal: .range(min: 1, max: 2), direction: .increase, actual: 1.5, met: true),
    MetCase(goal: .range(min: 1, max: 2), direction: .increase, actual: 3, met: true),
    MetCase(goal: .range(min: 1, max: 2), direction: .increase, actual: 0.5, met: false),
    MetCase(goal: .range(min: 1, max: 2), direction: .decrease, actual: 2, met: true),
    MetCase(goal: .range(min: 1, max: 2), direction: .decrease, actual: 0, met: true),
    MetCase(goal: .range(min: 1, max: 2), direction: .decrease, actual: 2.5, met: false),
  ]

  @Test(arguments: metCases)
  func isMet(c: MetCase) {
    #expect(c.goal.isMet(by: c.actual, direction: c.direction) == c.met)
  }

  @Test func impliedDirection() {
    #expect(Goal.atLeast(1).impliedDirection == .increase)
    #expect(Goal.atMost(1).impliedDirection == .decrease)
    #expect(Goal.about(1, tolerance: 0.05).impliedDirection == nil)
    #expect(Goal.exactly(1).impliedDirection == nil)
    #expect(Goal.range(min: 1, max: 2).impliedDirection == nil)
  }

  @Test func directionSign() {
    #expect(Direction.increase.sign == 1)
    #expect(Direction.decrease.sign == -1)
  }
}

/// The goal as people read it, written once for the screen and the files.
struct GoalTextTests {
  @Test(arguments: [
    (Goal.atLeast(240), "≥ 240 万辆", "240"),
    (Goal.atMost(3.456), "≤ 3.46 万辆", "≤3.46"),
    (Goal.about(10, tolerance: 0.05), "≈ 10 万辆 (±5%)", "~10"),
    (Goal.exactly(1), "= 1 万辆", "1"),
    (Goal.range(min: 0.5, max: 1250), "0.5–1250 万辆", "0.5–1250"),
  ])
  func fullAndCompact(_ goal: Goal, _ full: String, _ compact: String) {
    #expect(goal.text(unit: "万辆") == full)
    #expect(goal.compactText == compact)
  }

  static func status(_ goal: Goal, actual: Double?, asOf: String) -> TargetStatus {
    let day = { (s: String) in Day(iso: s)! }
    let target = Target(
      document: PlanDocument(id: "d", title: "t"), id: "x", name: "x", category: "c",
      kind: .level, unit: try! MeasureUnit(parsing: "万辆"), direction: .increase,
      milestones: [Milestone(due: day("2025-12-31"), goal: goal)], update: .monthly)
    let series = actual.map { [Observation(day: day("2024-01-31"), value: $0)] } ?? []
    return StatusEngine().evaluate(target, series: series, asOf: day(asOf))
  }

  @Test(
    arguments: [
      (Goal.atLeast(240), 140.2, "2024-01-31", false, "140.2 / 240 万辆"),
      (Goal.atLeast(240), nil, "2024-01-31", true, "— / 240 万辆"),
      (Goal.atMost(3), 2.5, "2024-06-30", false, "2.5 / ≤3 万辆"),
      (Goal.atMost(3), 2.5, "2024-06-30", true, "2.5* / ≤3 万辆"),
    ] as [(Goal, Double?, String, Bool, String)])
  func actualOverGoal(_ goal: Goal, _ actual: Double?, _ asOf: String, _ mark: Bool, _ text: String)
  {
    #expect(Self.status(goal, actual: actual, asOf: asOf).actualOverGoal(markStale: mark) == text)
  }
}
