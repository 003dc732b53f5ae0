import PlanTrackCore
import Testing

@Suite("How a period's review steps resolve")
struct PeriodReviewTests {
  static let june = ReportingPeriod(parsing: "2025-06")!
  static let rule = ReportingRule(frequency: .monthly)

  /// A step on 2025-06 about the figure `value` (dated 2025-06-30), entered on `day`.
  static func step(
    _ id: Int64, _ action: ReviewAction, _ value: Double, on day: String = "2025-07-08",
    comment: String? = nil, by: String = "wendeng"
  ) -> ReviewEvent {
    ReviewEvent(
      id: id, key: "371003/5g-base-stations", period: "2025-06", action: action, entry: id,
      asOf: Day(iso: "2025-06-30")!, value: value, comment: comment, enteredBy: by,
      enteredAt: day + "T09:00:00Z")
  }

  static func review(figure: Double?, _ steps: [ReviewEvent]) -> PeriodReview {
    PeriodReview(
      key: "371003/5g-base-stations", period: june, deadline: rule.deadline(of: june),
      figure: figure.map { .init(asOf: Day(iso: "2025-06-30")!, value: $0) }, events: steps)
  }

  /// (what happened, the figure that stands, the steps, the state)
  static let states: [(String, Double?, [ReviewEvent], ApprovalState?)] = [
    ("nothing recorded", nil, [], nil),
    ("recorded", 1500, [], .recorded),
    ("submitted", 1500, [step(1, .submit, 1500)], .submitted),
    ("approved", 1500, [step(1, .submit, 1500), step(2, .approve, 1500)], .approved),
    (
      "returned", 1500, [step(1, .submit, 1500), step(2, .return, 1500, comment: "核实")],
      .returned
    ),
    (
      "corrected after a return: a draft again", 1520,
      [step(1, .submit, 1500), step(2, .return, 1500, comment: "核实")], .recorded
    ),
    (
      "corrected and submitted again", 1520,
      [step(1, .submit, 1500), step(2, .return, 1500, comment: "核实"), step(3, .submit, 1520)],
      .submitted
    ),
    ("changed while submitted: a draft again", 1510, [step(1, .submit, 1500)], .recorded),
    (
      "an approved figure corrected with a reason: submitted", 1530,
      [step(1, .submit, 1500), step(2, .approve, 1500), step(3, .correct, 1530, comment: "修订")],
      .submitted
    ),
    (
      "the correction approved", 1530,
      [
        step(1, .submit, 1500), step(2, .approve, 1500), step(3, .correct, 1530, comment: "修订"),
        step(4, .approve, 1530),
      ], .approved
    ),
  ]

  @Test(arguments: states)
  func theLastStepOnTheStandingFigureDecides(
    _ what: String, _ figure: Double?, _ steps: [ReviewEvent], _ state: ApprovalState?
  ) {
    #expect(Self.review(figure: figure, steps).state == state, "\(what)")
  }

  @Test func aReturnShowsItsCommentUntilTheFigureIsSubmittedAgain() {
    let steps = [Self.step(1, .submit, 1500), Self.step(2, .return, 1500, comment: "口径不一致")]
    #expect(Self.review(figure: 1500, steps).returnComment == "口径不一致")
    // Corrected, not yet submitted: the office still needs to see why.
    #expect(Self.review(figure: 1520, steps).returnComment == "口径不一致")
    let again = steps + [Self.step(3, .submit, 1520)]
    #expect(Self.review(figure: 1520, again).returnComment == nil)
  }

  /// (what happened, the figure that stands, the steps, the as-of day, the board's word);
  /// the deadline is 2025-07-10.
  static let cells: [(String, Double?, [ReviewEvent], String, ReportingCell)] = [
    ("nothing, before the deadline", nil, [], "2025-07-09", .notDue),
    ("nothing, after it", nil, [], "2025-07-11", .missing),
    ("a draft, after it", 1500, [], "2025-07-11", .missing),
    ("submitted on time", 1500, [step(1, .submit, 1500, on: "2025-07-08")], "2025-07-11", .waiting),
    ("submitted late", 1500, [step(1, .submit, 1500, on: "2025-07-12")], "2025-07-13", .late),
    (
      "approved", 1500,
      [step(1, .submit, 1500, on: "2025-07-12"), step(2, .approve, 1500, on: "2025-07-13")],
      "2025-07-14", .approved
    ),
    (
      "returned", 1500, [step(1, .submit, 1500), step(2, .return, 1500, comment: "核实")],
      "2025-07-11", .returned
    ),
    (
      "returned, corrected, not submitted again", 1520,
      [step(1, .submit, 1500), step(2, .return, 1500, comment: "核实")], "2025-07-11", .returned
    ),
    (
      "changed while it waited, after the deadline", 1510, [step(1, .submit, 1500)], "2025-07-11",
      .missing
    ),
    (
      "withdrawn after it was submitted", nil, [step(1, .submit, 1500)], "2025-07-11", .missing
    ),
  ]

  @Test(arguments: cells)
  func theBoardsWordForAPeriod(
    _ what: String, _ figure: Double?, _ steps: [ReviewEvent], _ asOf: String,
    _ cell: ReportingCell
  ) {
    #expect(
      ReportingCell(Self.review(figure: figure, steps), asOf: Day(iso: asOf)!) == cell, "\(what)")
  }

  @Test func officialReportsKeepTheLastApprovedFigureWhileACorrectionWaits() {
    let steps = [
      Self.step(1, .submit, 1500), Self.step(2, .approve, 1500),
      Self.step(3, .correct, 1530, comment: "修订"),
    ]
    let r = Self.review(figure: 1530, steps)
    #expect(r.approvedFigure?.value == 1500)
    #expect(r.isCorrectionOfApproved)
    #expect(Self.review(figure: 1500, Array(steps.prefix(2))).isCorrectionOfApproved == false)
  }

  /// (as-of, the day of the first submission or nil, timeliness); the deadline is 2025-07-10.
  static let timeliness: [(String, String?, Timeliness)] = [
    ("2025-07-09", nil, .notDue),
    ("2025-07-10", nil, .notDue),
    ("2025-07-11", nil, .missing),
    ("2025-07-11", "2025-07-10", .onTime),
    ("2025-07-11", "2025-07-01", .onTime),
    ("2025-07-12", "2025-07-11", .late),
    ("2025-08-30", "2025-08-29", .late),
  ]

  @Test(arguments: timeliness)
  func onTimeLateMissingOrNotDue(_ asOf: String, _ submitted: String?, _ expected: Timeliness) {
    let steps = submitted.map { [Self.step(1, .submit, 1500, on: $0)] } ?? []
    #expect(Self.review(figure: 1500, steps).timeliness(asOf: Day(iso: asOf)!) == expected)
  }

  @Test func aResubmissionAfterAReturnDoesNotMakeAnOnTimeFigureLate() {
    let steps = [
      Self.step(1, .submit, 1500, on: "2025-07-09"),
      Self.step(2, .return, 1500, on: "2025-07-10", comment: "核实", by: "weihai"),
      Self.step(3, .submit, 1520, on: "2025-07-15"),
    ]
    #expect(Self.review(figure: 1520, steps).timeliness(asOf: Day(iso: "2025-07-20")!) == .onTime)
  }

  @Test func theBookSeesOnlyStepsTakenByTheAsOfDate() {
    let steps = [
      Self.step(1, .submit, 1500, on: "2025-07-09"),
      Self.step(2, .approve, 1500, on: "2025-07-12", by: "weihai"),
    ]
    let book = ReviewBook(
      events: steps,
      series: ["371003/5g-base-stations": [Observation(day: Day(iso: "2025-06-30")!, value: 1500)]])
    func state(_ asOf: String) -> ApprovalState? {
      book.review(
        key: "371003/5g-base-stations", period: Self.june, rule: Self.rule,
        asOf: Day(iso: asOf)!
      ).state
    }
    #expect(state("2025-07-08") == .recorded)
    #expect(state("2025-07-10") == .submitted)
    #expect(state("2025-07-12") == .approved)

  }
}

@Suite("The approval of the figure a status used")
struct FigureApprovalTests {
  @Test func theApprovedFigureStaysApprovedWhileACorrectionWaits() {
    let steps = [
      PeriodReviewTests.step(1, .submit, 1500), PeriodReviewTests.step(2, .approve, 1500),
      PeriodReviewTests.step(3, .correct, 1530, comment: "修订"),
    ]
    let june30 = Day(iso: "2025-06-30")!
    let book = ReviewBook(
      events: steps,
      series: ["371003/5g-base-stations": [Observation(day: june30, value: 1530)]])
    func approval(_ value: Double) -> ApprovalState {
      book.approval(
        key: "371003/5g-base-stations", observation: Observation(day: june30, value: value),
        rule: PeriodReviewTests.rule, asOf: Day(iso: "2025-08-01")!)
    }
    #expect(approval(1530) == .submitted)
    #expect(approval(1500) == .approved)
    #expect(approval(1400) == .recorded)
  }
}

@Suite("Timeliness around each frequency's deadline")
struct DeadlineTimelinessTests {
  /// (frequency, the period, the as-of day, the day of the first submission or nil, result):
  /// around the usual deadlines (monthly the 10th, quarterly the 15th, yearly 31 January).
  static let cases: [(UpdateFrequency, String, String, String?, Timeliness)] = [
    (.monthly, "2024-07", "2024-08-10", nil, .notDue),
    (.monthly, "2024-07", "2024-08-11", nil, .missing),
    (.monthly, "2024-07", "2024-08-11", "2024-08-10", .onTime),
    (.monthly, "2024-07", "2024-08-12", "2024-08-11", .late),
    (.quarterly, "2024-Q2", "2024-07-15", nil, .notDue),
    (.quarterly, "2024-Q2", "2024-07-16", nil, .missing),
    (.quarterly, "2024-Q2", "2024-07-16", "2024-07-15", .onTime),
    (.quarterly, "2024-Q2", "2024-07-20", "2024-07-16", .late),
    (.yearly, "2024", "2025-01-31", nil, .notDue),
    (.yearly, "2024", "2025-02-01", nil, .missing),
    (.yearly, "2024", "2025-02-01", "2025-01-31", .onTime),
    (.yearly, "2024", "2025-03-01", "2025-02-01", .late),
    (.halfyearly, "2024-H1", "2024-07-21", "2024-07-20", .onTime),
    (.weekly, "2024-W27", "2024-07-11", "2024-07-11", .late),
  ]

  @Test(arguments: cases)
  func aroundTheDeadline(
    _ f: UpdateFrequency, _ label: String, _ asOf: String, _ submitted: String?,
    _ expected: Timeliness
  ) throws {
    let period = try #require(ReportingPeriod(parsing: label))
    #expect(period.frequency == f)
    let rule = ReportingRule(frequency: f)
    let key = "370000/x"
    let figure = Observation(day: period.end, value: 1)
    let steps =
      submitted.map {
        [
          ReviewEvent(
            id: 1, key: key, period: label, action: .submit, entry: 1, asOf: period.end, value: 1,
            enteredBy: "clerk", enteredAt: $0 + "T23:59:59Z")
        ]
      } ?? []
    let book = ReviewBook(events: steps, series: [key: [figure]])
    let day = try #require(Day(iso: asOf))
    #expect(
      book.review(key: key, period: period, rule: rule, asOf: day).timeliness(asOf: day) == expected
    )
  }
}
