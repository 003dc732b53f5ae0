import Testing

@testable import PlanTrackCore

/// Table-driven tests of the status rules R1–R7 of docs/STATUS.md.
///
/// Fixture: a plan period 2023-01-01…2025-12-31. From 2022-12-31 to 2025-12-31 is 1,096
/// days; to 2024-06-30 is 547 days.
@Suite("Status engine")
struct StatusEngineTests {
  static let document = PlanDocument(
    id: "doc", title: "测试规划", level: "province", region: "山东省",
    periodStart: d("2023-01-01"), periodEnd: d("2025-12-31"))

  static func d(_ s: String) -> Day { Day(iso: s)! }

  static func target(
    kind: TargetKind = .level, direction: Direction = .increase, baseline: (Double, String)? = nil,
    _ milestones: [(String, Goal)], update: UpdateFrequency = .monthly
  ) -> Target {
    Target(
      document: document, id: "t", name: "测试目标", category: "ev", kind: kind,
      unit: try! MeasureUnit(parsing: "万辆"), direction: direction,
      baseline: baseline.map { Baseline(value: $0.0, date: d($0.1)) },
      milestones: milestones.map { Milestone(due: d($0.0), goal: $0.1) }, update: update)
  }

  static func series(_ points: [(String, Double)]) -> [Observation] {
    points.map { Observation(day: d($0.0), value: $0.1) }
  }

  /// Increase: 100 at the end of 2022 → at least 200 by the end of 2025.
  static let up = target(baseline: (100, "2022-12-31"), [("2025-12-31", .atLeast(200))])
  /// Decrease: 50 at the end of 2022 → at most 30 by the end of 2025.
  static let down = target(
    direction: .decrease, baseline: (50, "2022-12-31"), [("2025-12-31", .atMost(30))])
  /// A range 1–2 of new things, no baseline (0 at the period start).
  static let range = target(kind: .increment, [("2025-12-31", .range(min: 1, max: 2))])
  /// About 1,000 (±5%) from 500.
  static let about = target(
    baseline: (500, "2022-12-31"), [("2025-12-31", .about(1000, tolerance: 0.05))])
  /// Exactly 100 from 0.
  static let exact = target(baseline: (0, "2022-12-31"), [("2025-12-31", .exactly(100))])
  /// 60 new by the end of 2025, no baseline.
  static let increment = target(kind: .increment, [("2025-12-31", .atLeast(60))])
  /// A level without a baseline: the first actual is the start.
  static let levelNoBaseline = target([("2025-12-31", .atLeast(20))])
  /// Two milestones, as in the Shandong plan: 140 by 2023, 240 by 2025.
  static let twoMilestones = target(
    baseline: (103.7, "2022-12-31"), [("2023-12-31", .atLeast(140)), ("2025-12-31", .atLeast(240))])
  /// A quota of at least 60 a year (每年不少于60场), 2023–2025; actuals are each year's total so far.
  static let quota: Target = {
    var t = target(
      kind: .increment,
      [("2023-12-31", .atLeast(60)), ("2024-12-31", .atLeast(60)), ("2025-12-31", .atLeast(60))])
    t.perYear = true
    return t
  }()
  /// A growth rate of at least 30% a year: a flat goal.
  static let growth = target(kind: .growth, [("2025-12-31", .atLeast(30))])

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let target: Target
    let series: [Observation]
    let asOf: Day
    let status: Status
    let rule: StatusRule
    var testDescription: String { name }
  }

  static func c(
    _ name: String, _ target: Target, _ points: [(String, Double)], _ asOf: String,
    _ status: Status,
    _ rule: StatusRule
  ) -> Case {
    Case(
      name: name, target: target, series: series(points), asOf: d(asOf), status: status, rule: rule)
  }

  static let cases: [Case] = [
    // Increase, 100 → 200; expected at 2024-06-30 is 149.91.
    c("up: no data", up, [], "2024-06-30", .noData, .noActual),
    c("up: no data after the deadline", up, [], "2026-03-01", .noData, .noActual),
    c(
      "up: an actual after the as-of date is ignored", up, [("2024-06-30", 160)], "2024-01-01",
      .noData, .noActual),
    c(
      "up: ahead of the trajectory", up, [("2024-06-30", 160)], "2024-06-30", .onTrack,
      .withinTolerance),
    c(
      "up: 3.9% behind is within tolerance", up, [("2024-06-30", 146)], "2024-06-30", .onTrack,
      .withinTolerance),
    c(
      "up: 14.9% behind, trend short of the goal", up, [("2024-06-30", 135)], "2024-06-30",
      .needsAcceleration, .withinAccelerationBand),
    c(
      "up: 14.9% behind, but the recent trend reaches the goal", up,
      [("2024-03-31", 110), ("2024-06-30", 135)], "2024-06-30", .onTrack, .projectionMeetsGoal),
    c(
      "up: 39.9% behind", up, [("2024-06-30", 110)], "2024-06-30", .offTrack,
      .beyondAccelerationBand),
    c("up: goal met early", up, [("2025-06-30", 205)], "2025-07-01", .achieved, .finalGoalMet),
    c("up: goal met exactly", up, [("2025-12-31", 200)], "2025-12-31", .achieved, .finalGoalMet),
    c(
      "up: deadline passed, not met", up, [("2025-12-31", 190)], "2026-01-15", .missed,
      .deadlinePassed),
    c(
      "up: met after the deadline", up, [("2025-12-31", 190), ("2026-02-28", 201)], "2026-03-01",
      .achieved, .finalGoalMet),
    c(
      "up: on the deadline day, not met, is not yet missed", up, [("2025-12-31", 199)],
      "2025-12-31", .onTrack, .withinTolerance),
    // Decrease, 50 → 30; expected at 2024-06-30 is 40.02.
    c("down: no data", down, [], "2024-06-30", .noData, .noActual),
    c("down: ahead (lower)", down, [("2024-06-30", 38)], "2024-06-30", .onTrack, .withinTolerance),
    c(
      "down: 14.9% behind", down, [("2024-06-30", 43)], "2024-06-30", .needsAcceleration,
      .withinAccelerationBand),
    c(
      "down: 40% behind", down, [("2024-06-30", 48)], "2024-06-30", .offTrack,
      .beyondAccelerationBand),
    c("down: below the cap", down, [("2024-06-30", 29.5)], "2024-06-30", .achieved, .finalGoalMet),
    c(
      "down: deadline passed above the cap", down, [("2025-12-31", 31)], "2026-02-01", .missed,
      .deadlinePassed),
    // Ranges, ~ and =.
    c(
      "range: the minimum meets it", range, [("2024-06-30", 1)], "2024-06-30", .achieved,
      .finalGoalMet),
    c(
      "range: more than the maximum is more than asked", range, [("2024-06-30", 3)], "2024-06-30",
      .achieved, .finalGoalMet),
    c(
      "range: nothing yet, halfway through", range, [("2024-06-30", 0)], "2024-06-30", .offTrack,
      .beyondAccelerationBand),
    c(
      "range: deadline passed with nothing", range, [("2025-12-31", 0)], "2026-01-01", .missed,
      .deadlinePassed),
    c(
      "about: within 5% below", about, [("2025-06-30", 960)], "2025-06-30", .achieved, .finalGoalMet
    ),
    c(
      "about: 6% below, trend reaches 950", about, [("2025-12-01", 940)], "2025-12-01", .onTrack,
      .projectionMeetsGoal),
    c(
      "about: 6% below after the deadline", about, [("2025-12-31", 940)], "2026-01-31", .missed,
      .deadlinePassed),
    c("exact: met", exact, [("2025-06-30", 100)], "2025-06-30", .achieved, .finalGoalMet),
    c(
      "exact: just short, after the deadline", exact, [("2025-12-31", 99.9)], "2026-01-01", .missed,
      .deadlinePassed),
    // Increments without a baseline start from 0 at the period start.
    c(
      "increment: on the line", increment, [("2024-06-30", 30)], "2024-06-30", .onTrack,
      .withinTolerance),
    c(
      "increment: a third of the expected", increment, [("2024-06-30", 10)], "2024-06-30",
      .offTrack, .beyondAccelerationBand),
    // Levels without a baseline start from their first actual.
    c(
      "level, no baseline: one point is its own start", levelNoBaseline, [("2024-06-30", 12)],
      "2024-06-30", .onTrack, .withinTolerance),
    c(
      "level, no baseline: one old point, a year on", levelNoBaseline, [("2024-06-30", 12)],
      "2025-06-30", .offTrack, .beyondAccelerationBand),
    c(
      "level, no baseline: two points, 15% behind", levelNoBaseline,
      [("2023-06-30", 10), ("2024-06-30", 12.5)], "2024-06-30", .needsAcceleration,
      .withinAccelerationBand),
    // Several milestones: the next one due governs.
    c(
      "two milestones: ahead in 2023", twoMilestones, [("2023-06-30", 125)], "2023-06-30", .onTrack,
      .withinTolerance),
    c(
      "two milestones: 2023 goal missed, 2025 still open", twoMilestones, [("2023-12-31", 130)],
      "2024-01-15", .needsAcceleration, .withinAccelerationBand),
    c(
      "two milestones: final goal met", twoMilestones, [("2025-03-31", 241)], "2025-04-30",
      .achieved, .finalGoalMet),
    // Flat goals (growth rates): achieved only once the period is over.
    c(
      "growth: above the rate during the period", growth, [("2024-12-31", 32)], "2025-01-31",
      .onTrack, .withinTolerance),
    c(
      "growth: 10% short of the rate", growth, [("2024-12-31", 27)], "2025-01-31",
      .needsAcceleration, .withinAccelerationBand),
    c(
      "growth: a third short of the rate", growth, [("2024-12-31", 20)], "2025-01-31", .offTrack,
      .beyondAccelerationBand),
    c(
      "growth: above the rate when the period is over", growth, [("2025-12-31", 32)], "2026-02-01",
      .achieved, .finalGoalMet),
    c(
      "growth: below the rate when the period is over", growth, [("2025-12-31", 27)], "2026-02-01",
      .missed, .deadlinePassed),
    // A yearly quota of 60: 2024 is 366 days from 2023-12-31; at 2024-06-30 (182 days) the
    // year's expected total is 29.84.
    c(
      "quota: this year's total on the path", quota, [("2024-06-30", 30)], "2024-06-30", .onTrack,
      .withinTolerance),
    c(
      "quota: this year's total far behind", quota, [("2024-06-30", 10)], "2024-06-30", .offTrack,
      .beyondAccelerationBand),
    c(
      "quota: last year's figure says nothing of this year", quota, [("2023-12-15", 70)],
      "2024-06-30", .noData, .noActual),
    c(
      "quota: met for the year before the last year", quota, [("2024-09-30", 65)], "2024-10-01",
      .onTrack, .yearQuotaMet),
    c(
      "quota: the last year's quota met", quota, [("2025-12-20", 61)], "2026-01-15", .achieved,
      .finalGoalMet),
    c(
      "quota: the last year's quota not met", quota, [("2024-12-20", 80), ("2025-12-20", 40)],
      "2026-01-15", .missed, .deadlinePassed),
  ]

  @Test func aYearlyQuotaExpectsTheShareOfTheYearElapsed() {
    let s = StatusEngine().evaluate(
      Self.quota, series: Self.series([("2024-06-30", 30)]), asOf: Self.d("2024-06-30"))
    #expect(abs(s.expected! - 60 * 182 / 366) < 1e-9)
    #expect(s.target.perYear)
    #expect(s.governing.due == Self.d("2024-12-31"))
    #expect(s.start == Observation(day: Self.d("2023-12-31"), value: 0))
  }

  @Test(arguments: cases)
  func status(_ c: Case) {
    let result = StatusEngine().evaluate(c.target, series: c.series, asOf: c.asOf)
    #expect(result.status == c.status)
    #expect(result.rule == c.rule)
  }

  static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
  }

  @Test func figuresForAnIncreaseTargetAhead() {
    let s = StatusEngine().evaluate(
      Self.up, series: Self.series([("2024-06-30", 160)]), asOf: Self.d("2024-06-30"))
    let expected = 100 + 100 * 547.0 / 1096
    #expect(Self.close(s.expected, expected))
    #expect(Self.close(s.gap, 160 - expected))
    #expect(Self.close(s.progress, 0.6))
    #expect(s.shortfallShare == 0)
    // The trajectory reaches 160 after 0.6 × 1096 = 657.6 days, i.e. day 658.
    #expect(s.daysAhead == 658 - 547)
    #expect(s.goal == 200)
    #expect(s.governing.due == Self.d("2025-12-31"))
    #expect(s.startSource == .baseline)
    #expect(s.actualCount == 1)
    #expect(s.daysLeft == 549)
  }

  @Test func gapIsSignedByDirection() {
    let s = StatusEngine().evaluate(
      Self.down, series: Self.series([("2024-06-30", 38)]), asOf: Self.d("2024-06-30"))
    let expected = 50 - 20 * 547.0 / 1096
    #expect(Self.close(s.gap, expected - 38))
    #expect(s.gap! > 0)
    #expect(Self.close(s.progress, 12.0 / 20))
  }

  @Test func shortfallIsAShareOfThePlannedChange() {
    let s = StatusEngine().evaluate(
      Self.up, series: Self.series([("2024-06-30", 135)]), asOf: Self.d("2024-06-30"))
    let expected = 100 + 100 * 547.0 / 1096
    #expect(Self.close(s.shortfallShare, (expected - 135) / 100))
    // One actual: the projection runs from the baseline through it.
    let slope = 35.0 / 547
    #expect(Self.close(s.projected, 135 + slope * 549, 1e-9))
    #expect(Self.close(s.projectedShortfallShare, (200 - (135 + slope * 549)) / 65, 1e-9))
    // 65 more at 35/547 per day: 1015.9 days → day 1016 after 2024-06-30.
    #expect(s.estimatedCompletion == Self.d("2024-06-30").adding(days: 1016))
  }

  @Test func governingMilestoneIsTheNextOneDue() {
    let engine = StatusEngine()
    let early = engine.evaluate(
      Self.twoMilestones, series: Self.series([("2023-06-30", 125)]), asOf: Self.d("2023-06-30"))
    #expect(early.goal == 140)
    #expect(Self.close(early.expected, 103.7 + 36.3 * 181 / 365))
    let later = engine.evaluate(
      Self.twoMilestones, series: Self.series([("2023-12-31", 130)]), asOf: Self.d("2024-01-15"))
    #expect(later.goal == 240)
    #expect(Self.close(later.expected, 140 + 100 * 15.0 / 731))
    #expect(Self.close(later.progress, (130 - 103.7) / (240 - 103.7)))
  }

  @Test func startOfTheTrajectory() {
    let engine = StatusEngine()
    let inc = engine.evaluate(
      Self.increment, series: Self.series([("2024-06-30", 30)]), asOf: Self.d("2024-06-30"))
    #expect(inc.startSource == .periodStart)
    #expect(inc.start == Observation(day: Self.d("2022-12-31"), value: 0))
    let level = engine.evaluate(
      Self.levelNoBaseline, series: Self.series([("2023-06-30", 10), ("2024-06-30", 12.5)]),
      asOf: Self.d("2024-06-30"))
    #expect(level.startSource == .firstActual)
    #expect(level.start == Observation(day: Self.d("2023-06-30"), value: 10))
    let growth = engine.evaluate(Self.growth, series: [], asOf: Self.d("2024-06-30"))
    #expect(growth.startSource == .flat)
    #expect(growth.expected == 30)
    #expect(growth.projected == nil)
  }

  struct StaleCase: Sendable, CustomTestStringConvertible {
    let update: UpdateFrequency
    let latest: String
    let asOf: String
    let stale: Bool
    var testDescription: String { "\(update) \(latest) at \(asOf) → \(stale)" }
  }

  @Test(arguments: [
    StaleCase(update: .monthly, latest: "2024-01-31", asOf: "2024-03-15", stale: false),
    StaleCase(update: .monthly, latest: "2024-01-31", asOf: "2024-04-02", stale: false),  // 62 days
    StaleCase(update: .monthly, latest: "2024-01-31", asOf: "2024-04-03", stale: true),  // 63 days
    StaleCase(update: .quarterly, latest: "2024-01-31", asOf: "2024-05-31", stale: false),
    StaleCase(update: .quarterly, latest: "2024-01-31", asOf: "2024-06-30", stale: true),
    StaleCase(update: .yearly, latest: "2023-12-31", asOf: "2024-12-31", stale: false),
    StaleCase(update: .yearly, latest: "2023-12-31", asOf: "2025-02-28", stale: true),
  ])
  func staleFlag(_ c: StaleCase) {
    let t = Self.target(
      baseline: (100, "2022-12-31"), [("2025-12-31", .atLeast(200))], update: c.update)
    let s = StatusEngine().evaluate(t, series: Self.series([(c.latest, 150)]), asOf: Self.d(c.asOf))
    #expect(s.stale == c.stale)
  }

  @Test func noDataIsNeverStale() {
    let s = StatusEngine().evaluate(Self.up, series: [], asOf: Self.d("2025-06-30"))
    #expect(!s.stale)
    #expect(s.actual == nil && s.progress == nil && s.gap == nil && s.sdg == nil)
  }

  @Test func sdgMeasureIsComputedBesideTheStatus() {
    let s = StatusEngine().evaluate(
      Self.up, series: Self.series([("2024-06-30", 160)]), asOf: Self.d("2024-06-30"))
    let sdg = try! #require(s.sdg)
    let observed = pow(1.6, 365.25 / 547) - 1
    let required = pow(2.0, 365.25 / 1096) - 1
    #expect(Self.close(sdg.ratio, observed / required, 1e-9))
    #expect(sdg.category == .onTrack)
    let achieved = StatusEngine().evaluate(
      Self.up, series: Self.series([("2025-06-30", 205)]), asOf: Self.d("2025-07-01"))
    #expect(achieved.sdg?.category == .targetAchieved)
    #expect(achieved.sdg?.score == 5)
  }

  @Test func thresholdsAreParameters() {
    var strict = StatusThresholds()
    strict.onTrackShortfall = 0.01
    // 3.9% behind: on track by the standard 5%, not by a 1% tolerance.
    let series = Self.series([("2024-06-30", 146)])
    #expect(
      StatusEngine().evaluate(Self.up, series: series, asOf: Self.d("2024-06-30")).status
        == .onTrack)
    #expect(
      StatusEngine(thresholds: strict).evaluate(Self.up, series: series, asOf: Self.d("2024-06-30"))
        .status == .needsAcceleration)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
