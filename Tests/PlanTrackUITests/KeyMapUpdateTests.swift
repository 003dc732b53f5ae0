import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// The dashboard answers the user's keys: every view reads the key map, and the footer and the
/// help screen show the keys it has.
@Suite("Dashboard keys from settings")
struct KeyMapUpdateTests {
  static func state(_ overrides: [DashboardAction: [Key]]) -> AppState {
    var s = Fixture.state()
    s.keyMap = KeyMap(overrides: overrides)
    return s
  }

  @Test func quitOnXInEveryView() {
    var s = Self.state([.quit: [.char("x")]])
    #expect(s.update(.key(.char("q"))).isEmpty)
    #expect(s.update(.key(.char("x"))) == [.quit])
    _ = s.update(.key(.enter))
    #expect(s.mode == .detail)
    #expect(s.update(.key(.char("q"))).isEmpty)
    #expect(s.update(.key(.char("x"))) == [.quit])
    // Ctrl-C quits whatever the map says.
    #expect(s.update(.key(.control("c"))) == [.quit])
  }

  @Test func reboundMovesAndTheKeyTheyTook() {
    var s = Self.state([.down: [.char("n")], .add: [.char("j")]])
    let first = s.selectedKey
    _ = s.update(.key(.char("n")))
    #expect(s.selectedKey != first)
    let second = s.selectedKey
    // j now adds a figure: the form opens, the selection stays.
    _ = s.update(.key(.char("j")))
    #expect(s.mode == .form && s.selectedKey == second)
  }

  /// Keys as the footer and the help write them: arrows together, other keys apart, 1-6 for
  /// six digits in a row.
  @Test func keysAsText() {
    let l = Labels(.en)
    let map = KeyMap(overrides: [.up: [.control("p")], .down: [.control("n")]])
    #expect(l.keysText([.up, .down], .overview, map) == "Ctrl-P Ctrl-N")
    #expect(l.keysText([.up, .down], .overview, .standard) == "↑↓")
    #expect(
      l.keysText(
        [.status1, .status2, .status3, .status4, .status5, .status6], .overview, .standard)
        == "1-6")
    #expect(
      l.allKeysText([.up, .down, .pageUp, .pageDown, .top], .detail, map)
        == "Ctrl-P Ctrl-N PgUp PgDn Home")
  }

  /// The rows that hold in both views show both views' keys when they differ.
  @Test func helpShowsTheDetailsKeysWhereTheyDiffer() {
    var s = Self.state([.nextTarget: [.char("a")]])
    _ = s.update(.key(.char("?")))
    let row = s.render().lines.first { $0.contains("enter a figure") } ?? ""
    #expect(row.contains("a /") || row.contains("a  "), "\(row)")
  }

  @Test func theFooterAndTheHelpShowTheUsersKeys() {
    var s = Self.state([.quit: [.char("x")], .help: [.char("H")]])
    let footer = s.render().lines.last ?? ""
    #expect(footer.contains("x quit") && footer.contains("H help") && !footer.contains("q quit"))
    _ = s.update(.key(.char("H")))
    #expect(s.mode == .help)
    let help = s.render().lines
    #expect(help.contains { $0.contains("x Ctrl-C") || $0.hasPrefix("          x ") })
    #expect(!help.contains { $0.contains("q Ctrl-C") })
  }

  @Test func settingsProblemsShowInTheFooterUntilAMessage() {
    var s = Fixture.state()
    s.settingsProblems = ["config.yaml:5:8 PT802 mouse must be true or false", "other"]
    let line = s.render().lines[s.height - 2]
    #expect(
      line.hasPrefix("settings: 2 problems, defaults in use (plantrack config): config.yaml:5:8"))
    s.message = "recorded"
    #expect(s.render().lines[s.height - 2].hasPrefix("recorded"))
  }
}
