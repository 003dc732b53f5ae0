import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// A workspace whose targets have no figure at all: the overview says so and how to begin.
@Suite("First run: no figures yet")
struct FirstRunTests {
  /// The fixture's targets without their figures.
  static func state(language: Language = .en, height: Int = 24) -> AppState {
    let statuses = Fixture.targets.map { target, _ in
      StatusEngine().evaluate(target, series: [], asOf: Fixture.d("2024-06-30"))
    }
    return AppState(
      workspace: "test", asOf: Fixture.d("2024-06-30"), statuses: statuses, width: 80,
      height: height, language: language, color: true)
  }

  @Test(arguments: [Language.en, .zh])
  func theScreen(_ language: Language) {
    let s = Self.state(language: language)
    #expect(s.hasNoFigures)
    assertScreen(s.render(), "first-run-80x24-\(language.rawValue)")
  }

  /// The add step names the key the key map has for adding.
  @Test func theAddStepNamesTheUsersKey() {
    var s = Self.state()
    s.keyMap = KeyMap(overrides: [.add: [.char("n")]])
    let lines = s.render().lines
    #expect(lines.contains { $0.hasPrefix("  n ") && $0.contains("a figure for the selected") })
    #expect(!lines.contains { $0.hasPrefix("  a ") })
  }

  /// One figure anywhere and the steps are gone; without targets there is nothing to say.
  @Test func oneFigureOrNoTargetsShowNoSteps() {
    var s = Self.state()
    var statuses = s.statuses
    let (target, _) = Fixture.targets[0]
    statuses[0] = StatusEngine().evaluate(
      target, series: [Observation(day: Fixture.d("2024-06-30"), value: 180)],
      asOf: Fixture.d("2024-06-30"))
    _ = s.update(.loaded(statuses: statuses, asOf: Fixture.d("2024-06-30")))
    #expect(!s.hasNoFigures)
    #expect(!s.render().lines.contains { $0.contains("No figures yet") })
    _ = s.update(.loaded(statuses: [], asOf: Fixture.d("2024-06-30")))
    #expect(!s.hasNoFigures)
  }

  /// The steps take the table's last rows: the table scrolls above them.
  @Test func theTableScrollsAboveTheSteps() {
    let many = (1...40).map { n in
      StatusEngine().evaluate(
        Fixture.target(Fixture.province, "t\(n)", "目标\(n)", "个", [("2025-12-31", .atLeast(10))]),
        series: [], asOf: Fixture.d("2024-06-30"))
    }
    var s = AppState(
      workspace: "w", asOf: Fixture.d("2024-06-30"), statuses: many, width: 80, height: 24)
    #expect(s.tableHeight == 14)
    _ = s.update(.key(.end))
    let lines = s.render().lines
    let steps = lines.firstIndex { $0.hasPrefix("No figures yet") }!
    let selected = lines.firstIndex { $0.contains("目标40 ") }!
    #expect(selected == steps - 2)
  }
}
