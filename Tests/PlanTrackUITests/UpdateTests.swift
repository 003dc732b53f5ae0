import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// Key sequences → states and effects, exactly.
@Suite("Dashboard update")
struct UpdateTests {
  static func press(_ s: inout AppState, _ keys: [Key]) -> [Effect] {
    keys.flatMap { s.update(.key($0)) }
  }

  static func type(_ s: inout AppState, _ text: String) {
    for c in text { _ = s.update(.key(.char(c))) }
  }

  /// The keys of the targets in overview order.
  static func order(_ s: AppState) -> [String] {
    s.rows.compactMap { if case .target(let i) = $0 { s.statuses[i].target.key } else { nil } }
  }

  @Test func movingSkipsGroupHeadingsAndStopsAtTheEnds() {
    var s = Fixture.state()
    let keys = Self.order(s)
    #expect(s.selectedKey == keys[0])
    _ = Self.press(&s, [.up])
    #expect(s.selectedKey == keys[0])
    _ = Self.press(&s, [.down, .char("j")])
    #expect(s.selectedKey == keys[2])
    _ = Self.press(&s, [.char("k")])
    #expect(s.selectedKey == keys[1])
    _ = Self.press(&s, [.end])
    #expect(s.selectedKey == keys.last)
    _ = Self.press(&s, [.down, .pageDown])
    #expect(s.selectedKey == keys.last)
    _ = Self.press(&s, [.home])
    #expect(s.selectedKey == keys[0])
  }

  @Test func enterOpensTheDetailAndLoadsItsHistory() {
    var s = Fixture.state()
    let key = s.selectedKey!
    #expect(Self.press(&s, [.enter]) == [.loadHistory(key: key)])
    #expect(s.mode == .detail)
    #expect(Self.press(&s, [.char("]")]) == [.loadHistory(key: Self.order(s)[1])])
    #expect(Self.press(&s, [.char("[")]) == [.loadHistory(key: key)])
    // Tab jumps from pane to pane, and Shift-Tab back.
    #expect(Self.press(&s, [.tab]) == [])
    let first = s.detailScroll
    _ = Self.press(&s, [.tab])
    #expect(s.detailScroll > first)
    _ = Self.press(&s, [.backTab])
    #expect(s.detailScroll == first)
    _ = Self.press(&s, [.escape])
    #expect(s.mode == .overview)
  }

  @Test func filterTextNarrowsTheTableAndEscapeClearsIt() {
    var s = Fixture.state()
    _ = Self.press(&s, [.char("/")])
    #expect(s.editingFilter)
    Self.type(&s, "充电")
    #expect(s.visibleIndices.count == 2)
    #expect(s.rows.count == 3)  // one group heading and two targets
    // The header counts what the filter lets through, whatever the toggles hide.
    #expect(s.matchCounts == Rollup.totals(s.visibleIndices.map { s.statuses[$0] }))
    #expect(s.matchCounts.total == 2)
    _ = Self.press(&s, [.enter])
    #expect(!s.editingFilter)
    #expect(s.filterText == "充电")
    #expect(s.statuses[s.selectedIndex!].target.name.contains("充电"))
    _ = Self.press(&s, [.escape])
    #expect(s.filterText.isEmpty)
    #expect(s.visibleIndices.count == 6)
  }

  @Test func digitsToggleStatusesAndTheCountsUpdate() {
    var s = Fixture.state()
    _ = Self.press(&s, [.char("1")])  // off track
    #expect(s.hiddenStatuses == [.offTrack])
    #expect(s.visibleIndices.count == 4)
    #expect(s.matchCounts.total == 6 && s.matchCounts.counts[.offTrack] == 2)
    #expect(s.render().lines[1].contains("[off track 2"))
    _ = Self.press(&s, [.char("1"), .char("6")])
    #expect(s.hiddenStatuses == [.achieved])
    #expect(s.visibleIndices.count == 5)
  }

  @Test func sortAndGroupKeysCycle() {
    var s = Fixture.state()
    _ = Self.press(&s, [.char("s")])
    #expect(s.sort == .gap)
    _ = Self.press(&s, [.char("s"), .char("s"), .char("s")])
    #expect(s.sort == .name)
    #expect(Self.order(s).map { $0.split(separator: "/")[1] }.first == "5g")
    for _ in 0..<5 { _ = Self.press(&s, [.char("b")]) }
    #expect(s.grouping == .none)
    #expect(!s.rows.contains { if case .group = $0 { true } else { false } })
  }

  @Test func theFormParsesAndRecordsOnlyWhatItCanRead() {
    var s = Fixture.state()
    let key = s.selectedKey!
    #expect(Self.press(&s, [.char("a")]) == [])
    #expect(s.mode == .form)
    #expect(s.form?.date == "2024-06-30")
    Self.type(&s, "abc")
    #expect(Self.press(&s, [.enter]) == [])
    #expect(s.form?.error?.hasPrefix("value:") == true)
    _ = Self.press(&s, [.backspace, .backspace, .backspace])
    Self.type(&s, "１４０.2万")
    #expect(s.form?.error == nil)
    _ = Self.press(&s, [.tab])
    #expect(s.form?.focus == .date)
    _ = Self.press(&s, Array(repeating: .backspace, count: 10))
    Self.type(&s, "2025-02-30")
    #expect(Self.press(&s, [.enter]) == [])
    #expect(s.form?.error?.contains("not a date") == true)
    _ = Self.press(&s, Array(repeating: .backspace, count: 2))
    Self.type(&s, "28")
    _ = Self.press(&s, [.tab])
    Self.type(&s, "月报")
    let effects = Self.press(&s, [.enter])
    #expect(
      effects == [
        .record(key: key, input: "１４０.2万", date: Fixture.d("2025-02-28"), note: "月报", source: nil)
      ])
    #expect(s.update(.recorded(key: key, summary: "saved")) == [.reload])
    #expect(s.mode == .overview)
    #expect(s.form == nil)
    #expect(s.message == "saved")
  }

  @Test func escapeCancelsTheFormWithoutEffects() {
    var s = Fixture.state()
    _ = Self.press(&s, [.char("a")])
    Self.type(&s, "12")
    #expect(Self.press(&s, [.escape]) == [])
    #expect(s.mode == .overview)
    #expect(s.form == nil)
  }

  @Test func aFailedSaveIsExplainedInTheForm() {
    var s = Fixture.state()
    _ = Self.press(&s, [.char("a")])
    Self.type(&s, "5辆")
    _ = s.update(.failed("cannot convert 辆 to 万台"))
    #expect(s.mode == .form)
    #expect(s.form?.error == "cannot convert 辆 to 万台")
  }

  @Test func commandKeysAskForEffects() {
    var s = Fixture.state()
    #expect(Self.press(&s, [.char("e")]) == [.export(asOf: Fixture.d("2024-06-30"))])
    #expect(Self.press(&s, [.char("g")]) == [.reload])
    #expect(Self.press(&s, [.char("u")]) == [.undo])
    #expect(Self.press(&s, [.char("q")]) == [.quit])
    #expect(Self.press(&s, [.control("c")]) == [.quit])
  }

  @Test func aReadOnlyStoreRefusesEntriesAndSaysWhy() {
    var s = Fixture.state()
    s.readOnly = true
    #expect(Self.press(&s, [.char("a"), .char("u")]) == [])
    #expect(s.mode == .overview)
    #expect(s.message == Labels(.en).readOnly)
  }

  @Test func tooSmallIgnoresKeysButQuitAndComesBack() {
    var s = Fixture.state()
    _ = s.update(.resized(width: 60, height: 20))
    #expect(s.isTooSmall)
    #expect(Self.press(&s, [.char("a"), .enter]) == [])
    #expect(s.mode == .overview)
    _ = s.update(.resized(width: 80, height: 24))
    #expect(!s.isTooSmall)
    #expect(Self.press(&s, [.char("q")]) == [.quit])
  }

  @Test func helpReturnsOnAnyKey() {
    var s = Fixture.state()
    _ = Self.press(&s, [.char("?")])
    #expect(s.mode == .help)
    _ = Self.press(&s, [.char("x")])
    #expect(s.mode == .overview)
  }

  @Test func aReloadKeepsTheSelectedTarget() {
    var s = Fixture.state()
    _ = Self.press(&s, [.down, .down])
    let key = s.selectedKey
    _ = s.update(
      .loaded(statuses: Fixture.statuses(asOf: "2024-07-31"), asOf: Fixture.d("2024-07-31")))
    #expect(s.selectedKey == key)
    #expect(s.asOf == Fixture.d("2024-07-31"))
  }

  @Test func theSelectionStaysInViewWhenTheTableScrolls() {
    let many = (1...40).map { n in
      StatusEngine().evaluate(
        Fixture.target(Fixture.province, "t\(n)", "目标\(n)", "个", [("2025-12-31", .atLeast(10))]),
        series: [Observation(day: Fixture.d("2024-06-30"), value: 5)], asOf: Fixture.d("2024-06-30")
      )
    }
    var s = AppState(
      workspace: "w", asOf: Fixture.d("2024-06-30"), statuses: many, width: 80, height: 24)
    #expect(s.tableHeight == 19)
    for _ in 0..<25 { _ = Self.press(&s, [.down]) }
    var row = s.rows.firstIndex(of: .target(s.selectedIndex!))!
    #expect(row == 26)
    #expect(s.scroll == row - s.tableHeight + 1)
    #expect(s.render().lines.contains { $0.contains("目标26 ") })
    _ = Self.press(&s, [.pageUp])
    row = s.rows.firstIndex(of: .target(s.selectedIndex!))!
    #expect(row >= s.scroll && row < s.scroll + s.tableHeight)
    _ = Self.press(&s, [.home])
    #expect(s.scroll == 0)
  }
}

@Suite("Filter matching")
struct FilterMatchTests {
  @Test func filterWordsAllMatchAndIgnoreCase() {
    var s = Fixture.state()
    _ = s.update(.key(.char("/")))
    for c in "5g 工业" { _ = s.update(.key(.char(c))) }
    #expect(s.visibleIndices.count == 1)
    #expect(s.statuses[s.visibleIndices[0]].target.name == "5G基站")
  }

  static func typeFilter(_ s: inout AppState, _ text: String) {
    _ = s.update(.key(.char("/")))
    for c in text { _ = s.update(.key(.char(c))) }
  }

  /// `/` reads `--filter`'s language: the same text picks the same targets as
  /// `StatusEngine.evaluate(filter:)` does for the status command.
  @Test(arguments: [
    "status:no-data", "status:achieved,on-track", "category:ev", "kind:level 汽车", "doc:nope",
    "5g", "region:济南 5g", "",
  ])
  func slashAgreesWithTheCommandLineFilter(_ text: String) throws {
    var s = Fixture.state()
    Self.typeFilter(&s, text)
    let filter = try TargetFilter(parsing: text)
    let expected = s.statuses.indices.filter { filter.matches(s.statuses[$0]) }
    #expect(s.filterProblem == nil)
    #expect(s.visibleIndices == expected)
  }

  /// Plain text also finds the status as the screen shows it (the command line has no
  /// screen language to match).
  @Test(arguments: Status.allCases)
  func textAlsoMatchesTheStatusAsShown(_ status: Status) {
    var s = Fixture.state(language: .zh)
    Self.typeFilter(&s, status.chinese)
    #expect(s.visibleIndices == s.statuses.indices.filter { s.statuses[$0].status == status })
  }

  /// A term that cannot be read is explained, not matched: the other terms still apply (the
  /// list does not empty while `status:off-track` is half typed).
  @Test(arguments: [
    (
      "regio:济南",
      FilterError.unknownField("regio", valid: TargetFilter.Field.allCases.map(\.rawValue))
    ),
    ("status:", FilterError.missingValue("status", examples: Status.allCases.map(\.rawValue))),
    ("5g status:off", FilterError.unknownStatus("off", valid: Status.allCases.map(\.rawValue))),
  ])
  func aBadTermIsExplainedNotMatched(_ text: String, _ problem: FilterError) throws {
    var s = Fixture.state()
    Self.typeFilter(&s, text)
    #expect(s.filterProblem == problem)
    let rest = try TargetFilter(parsing: text.hasPrefix("5g") ? "5g" : "")
    #expect(s.visibleIndices == s.statuses.indices.filter { rest.matches(s.statuses[$0]) })
    _ = s.update(.key(.escape))
    #expect(s.filterProblem == nil)
  }
}
