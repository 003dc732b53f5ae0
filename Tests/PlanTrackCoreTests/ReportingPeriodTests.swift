import PlanTrackCore
import Testing

@Suite("Reporting periods and deadlines")
struct ReportingPeriodTests {
  static func day(_ s: String) -> Day { Day(iso: s)! }

  /// (frequency, a day, its period's label, first day, last day, deadline with the usual rule)
  static let periods: [(UpdateFrequency, String, String, String, String, String)] = [
    (.monthly, "2025-06-15", "2025-06", "2025-06-01", "2025-06-30", "2025-07-10"),
    (.monthly, "2024-02-29", "2024-02", "2024-02-01", "2024-02-29", "2024-03-10"),
    (.monthly, "2025-12-31", "2025-12", "2025-12-01", "2025-12-31", "2026-01-10"),
    (.quarterly, "2025-05-01", "2025-Q2", "2025-04-01", "2025-06-30", "2025-07-15"),
    (.quarterly, "2025-10-01", "2025-Q4", "2025-10-01", "2025-12-31", "2026-01-15"),
    (.halfyearly, "2025-06-30", "2025-H1", "2025-01-01", "2025-06-30", "2025-07-20"),
    (.halfyearly, "2025-07-01", "2025-H2", "2025-07-01", "2025-12-31", "2026-01-20"),
    (.yearly, "2024-08-15", "2024", "2024-01-01", "2024-12-31", "2025-01-31"),
    (.weekly, "2025-06-04", "2025-W23", "2025-06-02", "2025-06-08", "2025-06-11"),
    (.weekly, "2021-01-03", "2020-W53", "2020-12-28", "2021-01-03", "2021-01-06"),
    (.weekly, "2024-12-30", "2025-W01", "2024-12-30", "2025-01-05", "2025-01-08"),
  ]

  @Test(arguments: periods)
  func aDayFallsInItsPeriod(
    _ f: UpdateFrequency, _ on: String, _ label: String, _ start: String, _ end: String,
    _ deadline: String
  ) {
    let p = ReportingPeriod(f, containing: Self.day(on))
    #expect(p.label == label)
    #expect(p.start == Self.day(start))
    #expect(p.end == Self.day(end))
    #expect(ReportingRule(frequency: f).deadline(of: p) == Self.day(deadline))
    #expect(ReportingPeriod(parsing: label) == p, "the label reads back")
    #expect(p.next.previous == p)
  }

  @Test(arguments: [
    "2025-13", "2025-00", "2025-6", "25-06", "2025-Q5", "2025-Q0", "2025-H3",
    "2025-W54", "2021-W53", "2025-06-01", "", "abcd", "２０２５-06", "2025-q2",
  ])
  func aPeriodWrittenWronglyIsRefused(_ text: String) {
    #expect(ReportingPeriod(parsing: text) == nil, "\(text)")
  }

  /// (period given, frequency of the series, the series' period that closes with it)
  static let closing: [(String, UpdateFrequency, String?)] = [
    ("2025-06", .quarterly, "2025-Q2"),
    ("2025-05", .quarterly, nil),
    ("2025-06", .halfyearly, "2025-H1"),
    ("2025-12", .yearly, "2025"),
    ("2025-06", .yearly, nil),
    ("2025-Q4", .yearly, "2025"),
    ("2025-06", .monthly, "2025-06"),
  ]

  @Test(arguments: closing)
  func aMonthNamesThePeriodThatClosesWithIt(
    _ given: String, _ f: UpdateFrequency, _ expected: String?
  ) {
    #expect(ReportingPeriod(parsing: given)!.closing(as: f)?.label == expected)
  }

  /// (frequency, as-of, the latest period that has ended)
  static let latest: [(UpdateFrequency, String, String)] = [
    (.monthly, "2024-08-15", "2024-07"),
    (.monthly, "2024-08-01", "2024-07"),
    (.monthly, "2024-07-31", "2024-07"),
    (.quarterly, "2024-08-15", "2024-Q2"),
    (.yearly, "2024-08-15", "2023"),
    (.yearly, "2024-12-31", "2024"),
  ]

  @Test(arguments: latest)
  func statusReportsOnTheLatestEndedPeriod(_ f: UpdateFrequency, _ asOf: String, _ label: String) {
    #expect(ReportingRule(frequency: f).latestEnded(asOf: Self.day(asOf)).label == label)
  }

  @Test func anIndicatorMayMoveTheDeadline() {
    let rule = ReportingRule(frequency: .monthly, deadlineDays: 20)
    let june = ReportingPeriod(parsing: "2025-06")!
    #expect(rule.deadline(of: june) == Self.day("2025-07-20"))
  }
}
