import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// The screens the theme goldens and checks draw, in a theme and colour mode.
enum ThemeScreens {
  /// The fixture's overview at 80×24 in `theme` and `mode`, on a terminal of `terminalColors`
  /// colours where colours are `allowed` (no NO_COLOR).
  static func state(
    _ theme: ThemeName = .default, _ mode: ColorMode = .auto, terminalColors: Int = 256,
    allowed: Bool = true
  ) -> AppState {
    themed(Fixture.state(), theme, mode, terminalColors: terminalColors, allowed: allowed)
  }

  static func themed(
    _ state: AppState, _ theme: ThemeName, _ mode: ColorMode, terminalColors: Int = 256,
    allowed: Bool = true
  ) -> AppState {
    var s = state
    s.settings.theme = theme
    s.settings.colors = mode
    s.terminalColors = terminalColors
    s.color = allowed
    return s
  }

  /// The detail of the fixture's new-energy-vehicle target at 100×40 with two entries.
  static func detail(_ state: AppState) -> ScreenBuffer {
    var s = state
    s.width = 100
    s.height = 40
    s.selectedKey = "sd-nev/nev-stock"
    _ = s.update(.key(.enter))
    _ = s.update(
      .historyLoaded(
        key: "sd-nev/nev-stock",
        lines: [
          HistoryLine(
            asOf: Fixture.d("2023-12-31"), value: 150, enteredBy: "li",
            enteredAt: "2024-01-05T08:00:00Z", state: .current),
          HistoryLine(
            asOf: Fixture.d("2024-06-30"), value: 180, enteredBy: "wang",
            enteredAt: "2024-07-03T09:30:00Z", state: .current, note: "月报"),
        ]))
    return s.render()
  }

  /// Every kind of screen in `theme` and `mode` on a 256-colour terminal: the overview (plain,
  /// with a status hidden, with a filter problem), the detail, the entry form with a problem,
  /// help, the reporting board on a returned cell, and the too-small screen.
  static func all(
    _ theme: ThemeName, _ mode: ColorMode, terminalColors: Int = 256, allowed: Bool = true
  ) -> [(name: String, screen: ScreenBuffer)] {
    func press(_ s: inout AppState, _ keys: [Key]) { for k in keys { _ = s.update(.key(k)) } }
    let base = state(theme, mode, terminalColors: terminalColors, allowed: allowed)
    var hidden = base
    press(&hidden, [.char("1")])
    var filter = base
    press(&filter, [.char("/")] + "status:off".map { Key.char($0) })
    var form = base
    press(&form, [.char("a"), .char("x"), .enter])
    var help = base
    press(&help, [.char("?")])
    var board = themed(
      BoardFixture.state(), theme, mode, terminalColors: terminalColors, allowed: allowed)
    press(&board, [.left, .left, .left, .left])
    var small = base
    _ = small.update(.resized(width: 60, height: 20))
    return [
      ("overview", base.render()), ("hidden status", hidden.render()),
      ("filter problem", filter.render()), ("detail", detail(base)), ("form", form.render()),
      ("help", help.render()), ("board", board.render()), ("too small", small.render()),
    ]
  }

  /// Each style drawn on `screens`, with where it was first seen.
  static func styles(_ screens: [(name: String, screen: ScreenBuffer)]) -> [Style: String] {
    var seen: [Style: String] = [:]
    for (name, b) in screens {
      for y in 0..<b.height {
        for x in 0..<b.width where seen[b[x, y].style] == nil {
          seen[b[x, y].style] = "\(name) (\(x), \(y)): \(b.lines[y])"
        }
      }
    }
    return seen
  }
}

/// Each theme's screens as text and styles, compared with golden files reviewed by eye: one
/// per theme, and per colour mode where the modes differ (high contrast: bright or bold).
@Suite("Themes: golden screens")
struct ThemeGoldenTests {
  /// Recorded before there were themes: the default theme keeps today's look, with 8 colours
  /// and with 16.
  @Test func defaultTheme() {
    let s = Fixture.state()
    assertStyledScreen(s.render(), "theme-default-overview-80x24")
    assertStyledScreen(ThemeScreens.detail(s), "theme-default-detail-100x40")
    let sixteen = ThemeScreens.state(.default, .auto, terminalColors: 256)
    #expect(sixteen.theme.colors == 16)
    #expect(sixteen.render() == s.render())
    #expect(ThemeScreens.detail(sixteen) == ThemeScreens.detail(s))
  }

  @Test(
    arguments: [
      ("light", ThemeName.light, ColorMode.sixteen), ("high-contrast-16", .highContrast, .sixteen),
      ("high-contrast-8", .highContrast, .eight), ("monochrome", .monochrome, .sixteen),
    ])
  func theme(_ file: String, _ name: ThemeName, _ mode: ColorMode) {
    let s = ThemeScreens.state(name, mode)
    assertStyledScreen(s.render(), "theme-\(file)-overview-80x24")
    assertStyledScreen(ThemeScreens.detail(s), "theme-\(file)-detail-100x40")
  }

  /// Only high contrast differs between 16 and 8 colours, so the others have one golden.
  @Test(arguments: ThemeName.allCases)
  func sixteenAndEightColoursDifferOnlyInHighContrast(_ name: ThemeName) {
    let sixteen = ThemeScreens.all(name, .sixteen).map(\.screen)
    let eight = ThemeScreens.all(name, .eight).map(\.screen)
    #expect((sixteen != eight) == (name == .highContrast))
  }

  /// Without colours the default and light themes are monochrome.
  @Test(arguments: [ThemeName.default, .light])
  func withoutColoursAThemeIsMonochrome(_ name: ThemeName) {
    let monochrome = ThemeScreens.all(.monochrome, .sixteen).map(\.screen)
    #expect(ThemeScreens.all(name, .none).map(\.screen) == monochrome)
    #expect(ThemeScreens.all(name, .auto, allowed: false).map(\.screen) == monochrome)
    #expect(ThemeScreens.all(name, .auto, terminalColors: 2).map(\.screen) == monochrome)
  }
}

/// What each theme and colour mode promises, on every kind of screen and for every status and
/// board cell.
@Suite("Themes: what each promises")
struct ThemeRuleTests {
  static let modes: [ColorMode] = [.sixteen, .eight, .none]

  @Test(arguments: ColorMode.allCases)
  func monochromeUsesNoColour(_ mode: ColorMode) {
    for (style, seen) in ThemeScreens.styles(ThemeScreens.all(.monochrome, mode)) {
      #expect(style.foreground == nil && style.background == nil && !style.bright, "\(seen)")
    }
    let theme = Theme(name: .monochrome, colors: 16, ascii: false)
    let styles = Status.allCases.map(theme.style) + ReportingCell.allCases.map(theme.style)
    #expect(styles.allSatisfy { $0.foreground == nil && !$0.bright })
    #expect(theme.problem == .bold)
  }

  /// No theme draws colour when there are none: `none`, NO_COLOR, a terminal without them.
  @Test(arguments: ThemeName.allCases)
  func noColoursMeansNoColour(_ name: ThemeName) {
    for screens in [
      ThemeScreens.all(name, .none), ThemeScreens.all(name, .auto, allowed: false),
      ThemeScreens.all(name, .auto, terminalColors: 0),
    ] {
      for (style, seen) in ThemeScreens.styles(screens) {
        #expect(style.foreground == nil && style.background == nil, "\(seen)")
      }
    }
  }

  /// Yellow and white vanish on a light background, and bright colours are pale.
  @Test(arguments: [ColorMode.sixteen, .eight])
  func lightUsesNoYellowOrWhiteText(_ mode: ColorMode) {
    let pale: Set<Color> = [.yellow, .white, .cyan]
    let styles = ThemeScreens.styles(ThemeScreens.all(.light, mode))
    for (style, seen) in styles {
      #expect(!pale.contains(style.foreground ?? .black) && !style.bright, "\(seen)")
    }
    #expect(styles.keys.contains { $0.foreground == .blue })
    let theme = Theme(name: .light, colors: mode == .sixteen ? 16 : 8, ascii: false)
    let all = Status.allCases.map(theme.style) + ReportingCell.allCases.map(theme.style)
    #expect(all.allSatisfy { !pale.contains($0.foreground ?? .black) && !$0.bright })
    // The same screens in the default theme do draw yellow: the check above can fail.
    let dark = ThemeScreens.styles(ThemeScreens.all(.default, mode))
    #expect(dark.keys.contains { $0.foreground == .yellow })
  }

  /// The selected row of the overview, and the selected cell of the board, are reverse and
  /// bold, whatever the colours; nothing is dim.
  @Test(arguments: modes)
  func highContrastSelectionIsReverse(_ mode: ColorMode) throws {
    let screens = Dictionary(
      uniqueKeysWithValues: ThemeScreens.all(.highContrast, mode).map { ($0.name, $0.screen) })
    let overview = try #require(screens["overview"])
    let reversed = (0..<overview.height).filter { y in
      (0..<overview.width).contains { overview[$0, y].style.reverse }
    }
    #expect(reversed == [4])
    #expect((0..<overview.width).allSatisfy { overview[$0, 4].style.reverse })
    #expect((0..<overview.width).allSatisfy { overview[$0, 4].style.bold })
    let board = try #require(screens["board"])
    var cells: [(Int, Int)] = []
    for y in 1..<board.height {
      for x in 0..<board.width where board[x, y].style.reverse { cells.append((x, y)) }
    }
    #expect(!cells.isEmpty && Set(cells.map(\.1)).count == 1)
    #expect(cells.allSatisfy { board[$0.0, $0.1].style.bold })
    for (style, seen) in ThemeScreens.styles(ThemeScreens.all(.highContrast, mode)) {
      #expect(!style.dim, "\(seen)")
    }
    // The default theme's selection is reverse but not bold throughout.
    let plain = Fixture.state().render()
    #expect(!(0..<plain.width).allSatisfy { plain[$0, 4].style.bold })
  }

  /// Eight colours have no bright ones, in any theme: bold instead.
  @Test(arguments: ThemeName.allCases)
  func eightColoursNeverBright(_ name: ThemeName) {
    for screens in [
      ThemeScreens.all(name, .eight), ThemeScreens.all(name, .auto, terminalColors: 8),
    ] {
      for (style, seen) in ThemeScreens.styles(screens) { #expect(!style.bright, "\(seen)") }
    }
    let theme = Theme(name: name, colors: 8, ascii: false)
    let all = Status.allCases.map(theme.style) + ReportingCell.allCases.map(theme.style)
    #expect(all.allSatisfy { !$0.bright } && !theme.problem.bright)
    #expect(theme.finish(Style(foreground: .red, bright: true)).bright == false)
  }

  /// High contrast is where bright colours are: with sixteen, every coloured cell is bright
  /// and bold; with eight, bold.
  @Test func highContrastIsBrightWithSixteenColoursAndBoldWithEight() {
    for (mode, bright) in [(ColorMode.sixteen, true), (.eight, false)] {
      let styles = ThemeScreens.styles(ThemeScreens.all(.highContrast, mode))
      let coloured = styles.keys.filter { $0.foreground != nil }
      #expect(!coloured.isEmpty)
      #expect(coloured.allSatisfy { $0.bright == bright && $0.bold })
    }
  }

  /// Every status keeps its word and, where there are colours, has a style of its own in
  /// each theme but high contrast (where achieved and on track are both bright green).
  @Test(arguments: ThemeName.allCases, [16, 8, 0])
  func statusWordsStayAndStylesDiffer(_ name: ThemeName, _ colors: Int) {
    let s = ThemeScreens.state(name, colors == 16 ? .sixteen : colors == 8 ? .eight : .none)
    let header = s.render().lines[1]
    for status in Status.allCases { #expect(header.contains(s.labels.short(status))) }
    let theme = s.theme
    let distinct = Set(Status.allCases.map(theme.style)).count
    if theme.color, name != .highContrast { #expect(distinct == Status.allCases.count) }
    #expect(distinct >= 3)
  }

  @Test(
    arguments: [
      (ColorMode.auto, 256, true, 16), (.auto, 16, true, 16), (.auto, 8, true, 8),
      (.auto, 2, true, 0), (.auto, 0, true, 0), (.auto, 256, false, 0),
      (.sixteen, 8, true, 16), (.sixteen, 256, false, 16), (.eight, 256, true, 8),
      (.eight, 0, false, 8), (.none, 256, true, 0),
    ])
  func colourModeFromTheTerminalUnlessTheSettingsSay(
    mode: ColorMode, terminalColors: Int, allowed: Bool, colors: Int
  ) {
    #expect(mode.resolved(terminalColors: terminalColors, allowed: allowed) == colors)
  }

  /// The dashboard opens in the mode the backend's colours give; the settings' theme and mode
  /// reach the frames drawn.
  @Test func theLoopDrawsTheThemeOnTheBackendsColours() {
    func opening(_ backend: TestBackend) -> AppState {
      DashboardLoop.initialState(
        workspace: "test", asOf: Fixture.d("2024-06-30"), statuses: Fixture.statuses(),
        language: .en, ascii: false, banner: nil, readOnly: false, backend: backend)
    }
    let cases: [(TestBackend, Int)] = [
      (TestBackend(width: 80, height: 24, hasColor: true, colors: 256, script: []), 16),
      (TestBackend(width: 80, height: 24, hasColor: true, script: []), 8),
      (TestBackend(width: 80, height: 24, hasColor: false, colors: 256, script: []), 0),
      (TestBackend(width: 80, height: 24, script: []), 0),
    ]
    for (backend, colors) in cases {
      #expect(opening(backend).theme.colors == colors)
    }
    let backend = TestBackend(width: 80, height: 24, hasColor: true, colors: 16, script: [])
    var state = opening(backend)
    state.settings.theme = .highContrast
    DashboardLoop.run(&state, backend: backend, effects: ScriptedEffects())
    let cells = (0..<24).flatMap { y in (0..<80).map { backend.screen[$0, y].style } }
    #expect(cells.contains { $0.bright })
    state.settings.colors = .eight
    let eight = state.render()
    #expect(!(0..<24).contains { y in (0..<80).contains { eight[$0, y].style.bright } })
  }
}
