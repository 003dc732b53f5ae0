import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// Two offices reporting across the six months before 2024-06-30 (the fixture's as-of date):
/// one period of each kind — approved, waiting, returned with a comment, late, missing, not due.
enum BoardFixture {
  static func d(_ s: String) -> Day { Day(iso: s)! }

  static let monthly = ReportingRule(frequency: .monthly)
  static let quarterly = ReportingRule(frequency: .quarterly)

  static let series = [
    ReportingSeries(
      key: "371003/5g-base-stations", title: "文登区 5G基站", region: "371003",
      regionName: "山东省威海市文登区", leads: ["市工业和信息化局"], rule: monthly),
    ReportingSeries(
      key: "371003/chargers", title: "文登区 公共充电桩", region: "371003",
      regionName: "山东省威海市文登区", leads: ["市发展改革委"], rule: quarterly),
    ReportingSeries(
      key: "371082/5g-base-stations", title: "荣成市 5G基站", region: "371082",
      regionName: "山东省威海市荣成市", leads: ["市工业和信息化局"], rule: monthly),
  ]

  /// Each series' figure per period: the last day of the period, value 100 + month.
  static let figures: [String: [Observation]] = [
    "371003/5g-base-stations": ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"].map {
      Observation(day: d($0), value: 600 + Double(d($0).components.month))
    },
    "371003/chargers": [Observation(day: d("2024-03-31"), value: 12)],
    "371082/5g-base-stations": ["2024-04-30", "2024-05-31"].map {
      Observation(day: d($0), value: 400 + Double(d($0).components.month))
    },
  ]

  static func event(
    _ id: Int64, _ key: String, _ period: String, _ action: ReviewAction, on day: String,
    figure: String, comment: String? = nil
  ) -> ReviewEvent {
    let f = figures[key]!.first { $0.day == d(figure) }!
    return ReviewEvent(
      id: id, key: key, period: period, action: action, entry: id, asOf: f.day, value: f.value,
      comment: comment, enteredBy: action == .submit ? "wendeng" : "weihai",
      enteredAt: day + "T08:00:00Z")
  }

  static let events: [ReviewEvent] = [
    // 文登区 5G: January approved, February returned, March late, April waiting, May missing.
    event(1, "371003/5g-base-stations", "2024-01", .submit, on: "2024-02-05", figure: "2024-01-31"),
    event(
      2, "371003/5g-base-stations", "2024-01", .approve, on: "2024-02-07", figure: "2024-01-31"),
    event(3, "371003/5g-base-stations", "2024-02", .submit, on: "2024-03-08", figure: "2024-02-29"),
    event(
      4, "371003/5g-base-stations", "2024-02", .return, on: "2024-03-09", figure: "2024-02-29",
      comment: "与统计局口径不一致，请核对"),
    event(5, "371003/5g-base-stations", "2024-03", .submit, on: "2024-04-20", figure: "2024-03-31"),
    event(6, "371003/5g-base-stations", "2024-04", .submit, on: "2024-05-06", figure: "2024-04-30"),
    // 文登区 chargers: 2024-Q1 waiting (in March's column).
    event(7, "371003/chargers", "2024-Q1", .submit, on: "2024-04-10", figure: "2024-03-31"),
    // 荣成市 5G: April approved, May waiting; the others missing.
    event(8, "371082/5g-base-stations", "2024-04", .submit, on: "2024-05-09", figure: "2024-04-30"),
    event(
      9, "371082/5g-base-stations", "2024-04", .approve, on: "2024-05-10", figure: "2024-04-30"),
    event(
      10, "371082/5g-base-stations", "2024-05", .submit, on: "2024-06-03", figure: "2024-05-31"),
  ]

  static let data = ReportingData(series: series, events: events, figures: figures)

  static func state(
    width: Int = 80, height: Int = 24, language: Language = .en, ascii: Bool = false
  ) -> AppState {
    var s = Fixture.state(width: width, height: height, language: language, ascii: ascii)
    _ = s.update(.reportingLoaded(data))
    _ = s.update(.key(.char("r")))
    return s
  }
}

@Suite("Reporting board")
struct BoardTests {
  static func press(_ s: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { s.update(.key($0)) }
  }

  @Test(arguments: [Language.en, .zh])
  func boardScreen(_ language: Language) {
    var s = BoardFixture.state(language: language)
    // The cursor opens on the latest period; on 文登区's February, the return's comment shows.
    #expect(s.mode == .board)
    #expect(s.boardColumn == 5)
    _ = Self.press(&s, .left, .left, .left, .left)
    assertScreen(s.render(), "board-80x24-\(language.rawValue)")
  }

  @Test func byLeadUnitInMonochromeASCII() {
    var s = BoardFixture.state(width: 100, height: 24, ascii: true)
    s.color = false
    _ = Self.press(&s, .char("g"), .left, .left, .left)
    #expect(s.boardGrouping == .lead)
    #expect(s.ledger?.rows.map(\.name) == ["市工业和信息化局", "市发展改革委"])
    assertScreen(s.render(), "board-lead-100x24-ascii")
    // Without colour every cell still says its state in a word.
    let row = s.render().lines[2]
    #expect(row.contains("missing 1") && row.contains("waiting 1") && row.contains("not due 2"))
  }

  @Test func cellsSayTheWorstStateAndHowManyAreInIt() {
    let s = BoardFixture.state()
    let view = BoardView(state: s, theme: Theme(ascii: false, color: true))
    let ledger = s.ledger!
    #expect(ledger.columns == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"])
    let wendeng = ledger.rows[0]
    #expect(wendeng.name == "山东省威海市文登区")
    let words = ledger.columns.indices.map { view.cellText(wendeng, $0)?.text }
    // March has the 5G figure submitted late and the quarter's waiting: the worst, late.
    #expect(words == ["approved", "returned", "late 1", "waiting", "missing", "not due 2"])
    let rongcheng = ledger.rows[1]
    #expect(
      ledger.columns.indices.map { view.cellText(rongcheng, $0)?.text } == [
        "missing", "missing", "missing", "approved", "waiting", "not due",
      ])
  }

  @Test func theCursorMovesAcrossRowsAndColumnsAndStopsAtTheEdges() {
    var s = BoardFixture.state()
    #expect((s.boardRow, s.boardColumn) == (0, 5))
    _ = Self.press(&s, .right, .char("l"))
    #expect(s.boardColumn == 5)
    _ = Self.press(&s, .down, .char("j"), .down)
    #expect(s.boardRow == 1)
    _ = Self.press(&s, .char("h"), .left)
    #expect(s.boardColumn == 3)
    _ = Self.press(&s, .up, .char("k"))
    #expect(s.boardRow == 0)
    for _ in 0..<9 { _ = s.update(.key(.left)) }
    #expect(s.boardColumn == 0)
    #expect(s.selectedBoardCell?.period.label == "2024-01")
    _ = Self.press(&s, .end)
    #expect(s.selectedBoardCell?.row.name == "山东省威海市荣成市")
    // Esc goes back to the overview; `r` opens the board where it was.
    _ = Self.press(&s, .escape)
    #expect(s.mode == .overview)
    _ = Self.press(&s, .char("r"))
    #expect(s.mode == .board)
    #expect((s.boardRow, s.boardColumn) == (1, 0))
    // Help returns to the board.
    _ = Self.press(&s, .char("?"))
    #expect(s.mode == .help)
    _ = Self.press(&s, .char("x"))
    #expect(s.mode == .board)
  }

  @Test(arguments: [Language.en, .zh])
  func helpFromTheBoardListsItsKeysAndWords(_ language: Language) {
    var s = BoardFixture.state(language: language)
    _ = Self.press(&s, .char("?"))
    let b = s.render()
    assertScreen(b, "help-board-80x24-\(language.rawValue)")
    #expect(b.lines.dropLast().allSatisfy { $0.hasSuffix(" ") })
  }

  @Test func approveAsksToApproveTheCellsSubmittedFigures() {
    var s = BoardFixture.state()
    _ = Self.press(&s, .left, .left)  // 文登区, 2024-04: waiting
    let april = ReportingPeriod(parsing: "2024-04")!
    #expect(
      Self.press(&s, .char("A")) == [
        .review(action: .approve, keys: ["371003/5g-base-stations"], period: april, comment: nil)
      ])
    // March: the late 5G figure and the waiting quarter are both submitted.
    _ = Self.press(&s, .left)
    #expect(
      Self.press(&s, .char("A")) == [
        .review(
          action: .approve, keys: ["371003/5g-base-stations", "371003/chargers"],
          period: ReportingPeriod(parsing: "2024-03")!, comment: nil)
      ])
    // February was returned: nothing submitted, so nothing to ask, and the footer says so.
    _ = Self.press(&s, .left)
    #expect(Self.press(&s, .char("A")).isEmpty)
    #expect(s.message == "nothing submitted in 2024-02 here to approve or return")
    #expect(Self.press(&s, .char("R")).isEmpty)
    #expect(s.commentForm == nil)
  }

  @Test func returnNeedsAComment() {
    var s = BoardFixture.state()
    _ = Self.press(&s, .down, .left)  // 荣成市, 2024-05: waiting
    #expect(Self.press(&s, .char("R")).isEmpty)
    #expect(s.commentForm?.keys == ["371082/5g-base-stations"])
    // An empty (or blank) comment is refused in the form; nothing is asked of the store.
    #expect(Self.press(&s, .char(" "), .enter).isEmpty)
    #expect(s.commentForm?.error == Labels(.en).commentRequired)
    assertScreen(s.render(), "board-return-empty-80x24-en")
    for c in "请补充说明" { _ = s.update(.key(.char(c))) }
    #expect(s.commentForm?.error == nil)
    #expect(
      Self.press(&s, .enter) == [
        .review(
          action: .return, keys: ["371082/5g-base-stations"],
          period: ReportingPeriod(parsing: "2024-05")!, comment: "请补充说明")
      ])
    // Done: the footer says what, and the data reloads.
    #expect(s.update(.reviewed(summary: "returned 1 of 2024-05")) == [.reload])
    #expect(s.commentForm == nil)
    #expect(s.message == "returned 1 of 2024-05")
  }

  @Test func escapeCancelsTheCommentAndARefusalShowsInTheFooter() {
    var s = BoardFixture.state()
    _ = Self.press(&s, .down, .left, .char("R"), .char("x"), .escape)
    #expect(s.commentForm == nil)
    #expect(s.mode == .board)
    _ = Self.press(&s, .char("R"), .char("x"), .enter)
    let refusal = "weihai cannot approve or return 371082/5g-base-stations: …"
    #expect(s.update(.failed(refusal)).isEmpty)
    #expect(s.commentForm == nil)
    #expect(s.render().lines[22].hasPrefix("weihai cannot approve"))
  }

  @Test func aReadOnlyStoreCannotApprove() {
    var s = BoardFixture.state()
    s.readOnly = true
    _ = Self.press(&s, .left)
    #expect(Self.press(&s, .char("A")).isEmpty)
    #expect(s.message == Labels(.en).readOnly)
  }

  @Test func reloadedDataKeepsTheCursorOnTheBoard() {
    var s = BoardFixture.state()
    _ = Self.press(&s, .down, .left)
    let fewer = ReportingData(
      series: Array(BoardFixture.series.prefix(1)), events: [], figures: BoardFixture.figures)
    _ = s.update(.reportingLoaded(fewer))
    #expect(s.ledger?.rows.count == 1)
    #expect((s.boardRow, s.boardColumn) == (0, 4))
  }
}

@Suite("Approval marks in the overview")
struct ApprovalMarkTests {
  /// The fixture's targets as reporting series of their own, with the 180 of nev-stock
  /// approved and the 8 of chargers submitted.
  static func data(events: Bool) -> ReportingData {
    let statuses = Fixture.statuses()
    let series = statuses.map {
      ReportingSeries(
        key: $0.target.series, title: $0.target.name, region: nil, regionName: "山东省",
        leads: $0.target.lead, rule: ReportingRule(frequency: .monthly))
    }
    var figures: [String: [Observation]] = [:]
    for (t, points) in Fixture.targets {
      figures[t.series] = points.map { Observation(day: Fixture.d($0.0), value: $0.1) }
    }
    func step(_ id: Int64, _ key: String, _ action: ReviewAction, _ day: String, _ v: Double)
      -> ReviewEvent
    {
      ReviewEvent(
        id: id, key: key, period: String(day.prefix(7)), action: action, entry: id,
        asOf: Fixture.d(day), value: v, enteredBy: "x", enteredAt: "2024-06-30T08:00:00Z")
    }
    let steps = [
      step(1, "sd-nev/nev-stock", .submit, "2024-06-30", 180),
      step(2, "sd-nev/nev-stock", .approve, "2024-06-30", 180),
      step(3, "sd-nev/chargers", .submit, "2024-05-31", 8),
    ]
    return ReportingData(series: series, events: events ? steps : [], figures: figures)
  }

  @Test func figuresNotYetApprovedAreMarked() {
    var s = Fixture.state(width: 160, height: 50)
    _ = s.update(.reportingLoaded(Self.data(events: true)))
    let lines = s.render().lines
    func row(_ name: String) -> String { lines.first { $0.contains(name) }! }
    #expect(row("全省新能源汽车保有量").contains("180 / 240 万辆"))
    #expect(row("公共充电基础设施 ").contains("8? / 18 万台"))
    // Stale and never submitted: both marks.
    #expect(row("千兆宽带用户").contains("21*? / 20 万户"))
    // No figure, nothing to mark.
    #expect(row("5G基站").contains("— / 1500 座"))
    #expect(lines[48].hasPrefix("* stale  ? not yet approved"))
    #expect(lines[49].contains("r board"))
  }

  /// A store without review steps shows the overview exactly as before.
  @Test(arguments: [(160, 50, "overview-160x50-en"), (80, 24, "overview-80x24-en")])
  func withoutReviewStepsNothingChanges(_ width: Int, _ height: Int, _ golden: String) {
    var s = Fixture.state(width: width, height: height)
    _ = s.update(.reportingLoaded(Self.data(events: false)))
    assertScreen(s.render(), golden)
  }
}
