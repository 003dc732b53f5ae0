import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// Clicks, double clicks and the wheel, as the terminal layer decodes them, on the fixture's
/// 80×24 overview: row 3 is 山东省's heading, rows 4–7 its targets (公共充电基础设施 first),
/// row 8 威海市's heading, rows 9–10 its targets.
@Suite("Mouse")
struct MouseTests {
  static func send(_ s: inout AppState, _ events: MouseEvent...) -> [Effect] {
    events.flatMap { s.update(.mouse($0)) }
  }

  @Test func aClickOnARowSelectsIt() {
    var s = Fixture.state()
    #expect(s.selectedKey == "sd-nev/chargers")
    #expect(Self.send(&s, .click(x: 20, y: 6)) == [])
    #expect(s.selectedKey == "sd-nev/trucks")
    #expect(s.mode == .overview)
    _ = Self.send(&s, .click(x: 0, y: 10))
    #expect(s.selectedKey == "wh-digital/gigabit")
    // A group heading, the blank rows under the table and the footer select nothing.
    for y in [3, 8, 11, 15, 22, 23] {
      _ = Self.send(&s, .click(x: 5, y: y))
      #expect(s.selectedKey == "wh-digital/gigabit", "row \(y)")
    }
  }

  @Test func aDoubleClickOpensTheTarget() {
    var s = Fixture.state()
    #expect(Self.send(&s, .doubleClick(x: 30, y: 9)) == [.loadHistory(key: "wh-digital/5g")])
    #expect(s.selectedKey == "wh-digital/5g")
    #expect(s.mode == .detail)
  }

  @Test func theWheelMovesTheSelectionByThree() {
    var s = Fixture.state()
    _ = Self.send(&s, .wheelDown())
    #expect(s.selectedKey == "sd-nev/nev-stock")
    _ = Self.send(&s, .wheelDown(), .wheelDown())
    #expect(s.selectedKey == "wh-digital/gigabit")
    _ = Self.send(&s, .wheelUp())
    #expect(s.selectedKey == "sd-nev/trucks")
  }

  /// On a long table the wheel scrolls: the selection stays on the screen.
  @Test func theWheelScrollsALongTable() {
    let many = (1...40).map { n in
      StatusEngine().evaluate(
        Fixture.target(Fixture.province, "t\(n)", "目标\(n)", "个", [("2025-12-31", .atLeast(10))]),
        series: [Observation(day: Fixture.d("2024-06-30"), value: 5)],
        asOf: Fixture.d("2024-06-30"))
    }
    var s = AppState(
      workspace: "w", asOf: Fixture.d("2024-06-30"), statuses: many, width: 80, height: 24)
    for _ in 0..<10 { _ = Self.send(&s, .wheelDown()) }
    #expect(s.selectedKey == "sd-nev/t31")
    #expect(s.scroll > 0)
    #expect(s.render().lines.contains { $0.contains("目标31 ") })
  }

  /// A click on a column's title sorts by that column; `s` still cycles through its five.
  @Test(
    arguments: [
      (OverviewColumn.status, AppState.Sort.status), (.name, .name), (.figures, .gap),
      (.bar, .progress), (.percent, .progress), (.due, .due), (.daysLeft, .due), (.lead, .lead),
      (.region, .region), (.indicator, .indicator), (.document, .document),
      (.updated, .updated),
    ])
  func aClickOnATitleSorts(_ column: OverviewColumn, _ sort: AppState.Sort) throws {
    var s = Fixture.state(width: 200, height: 30)
    s.settings.columns = ColumnsTests.all
    s.sort = column == .status ? .name : .status
    let place = try #require(OverviewLayout(s).placed.first { $0.column == column })
    #expect(Self.send(&s, .click(x: place.x + place.width - 1, y: 2)) == [])
    #expect(s.sort == sort)
    #expect(s.render().lines[0].contains("sorted by " + s.labels.sortName(sort)))
    _ = s.update(.key(.char("s")))
    let cycle = AppState.Sort.cycle
    #expect(s.sort == (cycle.firstIndex(of: sort).map { cycle[($0 + 1) % cycle.count] } ?? .status))
  }

  /// The new sorts order the targets by their column.
  @Test func sortsByTheNewColumns() {
    var s = Fixture.state()
    s.grouping = .none
    s.sort = .updated
    // No figure first, then the oldest.
    #expect(
      UpdateTests.order(s) == [
        "wh-digital/5g", "sd-nev/trucks", "wh-digital/gigabit", "sd-nev/chargers",
        "sd-nev/nev-stock", "sd-nev/rural",
      ])
    s.sort = .lead
    // Without a lead unit last.
    #expect(UpdateTests.order(s).last == "sd-nev/trucks")
    s.sort = .document
    #expect(UpdateTests.order(s).suffix(2) == ["wh-digital/5g", "wh-digital/gigabit"])
  }

  /// With `mouse: false` no event changes anything.
  @Test func mouseOffIgnoresEvents() {
    var s = Fixture.state()
    s.settings.mouse = false
    let before = s.render().lines
    let events: [MouseEvent] = [
      .click(x: 20, y: 6), .doubleClick(x: 30, y: 9), .wheelDown(), .click(x: 12, y: 2),
    ]
    for e in events { #expect(s.update(.mouse(e)) == []) }
    #expect(s.selectedKey == "sd-nev/chargers")
    #expect(s.sort == .status)
    #expect(s.mode == .overview)
    #expect(s.render().lines == before)
    var board = BoardFixture.state()
    board.settings.mouse = false
    _ = board.update(.mouse(.click(x: 51, y: 3)))
    #expect((board.boardRow, board.boardColumn) == (0, 5))
  }

  /// On the board a click selects the cell under it (row 2 is 文登区, row 3 荣成市; the
  /// months from column 21, ten columns apart); a click on the names keeps the month.
  @Test func aClickOnTheBoardSelectsTheCell() {
    var s = BoardFixture.state()
    #expect((s.boardRow, s.boardColumn) == (0, 5))
    _ = Self.send(&s, .click(x: 51, y: 3))
    #expect((s.boardRow, s.boardColumn) == (1, 3))
    #expect(s.selectedBoardCell?.period.label == "2024-04")
    _ = Self.send(&s, .click(x: 5, y: 2))
    #expect((s.boardRow, s.boardColumn) == (0, 3))
    _ = Self.send(&s, .click(x: 29, y: 2))
    #expect(s.boardColumn == 0)
    // Below the rows: nothing.
    _ = Self.send(&s, .click(x: 51, y: 8))
    #expect((s.boardRow, s.boardColumn) == (0, 0))
    #expect(s.mode == .board)
  }

  /// In the detail the wheel scrolls.
  @Test func theWheelScrollsTheDetail() {
    var s = Fixture.state(width: 100, height: 40)
    _ = s.update(.key(.enter))
    _ = Self.send(&s, .wheelDown(), .wheelDown())
    #expect(s.detailScroll == 6)
    _ = Self.send(&s, .wheelUp(), .wheelUp(), .wheelUp())
    #expect(s.detailScroll == 0)
  }

  /// Through the loop: a test backend plays the events as the terminal would.
  @Test func theLoopPassesMouseEventsOn() {
    let backend = TestBackend(
      width: 80, height: 24,
      script: [.mouse(.click(x: 20, y: 6)), .mouse(.doubleClick(x: 20, y: 7))])
    var state = DashboardLoopTests.state(backend)
    let effects = ScriptedEffects { effect in
      if case .loadHistory(let key) = effect { return [.historyLoaded(key: key, lines: [])] }
      return []
    }
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .disconnected)
    #expect(effects.performed == [.loadHistory(key: "sd-nev/nev-stock")])
    #expect(backend.frameLines[1][6].hasPrefix("missed"))
    #expect(state.mode == .detail)
    #expect(backend.frameLines.last!.joined().contains("全省新能源汽车保有量"))
  }

  /// Through the loop with the mouse off: the frames do not change.
  @Test func theLoopWithTheMouseOffDrawsTheSameFrames() {
    let backend = TestBackend(
      width: 80, height: 24,
      script: [
        .mouse(.click(x: 20, y: 6)), .mouse(.doubleClick(x: 20, y: 7)), .mouse(.wheelDown()),
      ])
    var state = DashboardLoopTests.state(backend)
    state.settings.mouse = false
    let effects = ScriptedEffects()
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .disconnected)
    #expect(effects.performed.isEmpty)
    #expect(Set(backend.frameLines).count == 1)
  }
}
