import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// The screens the theme goldens and checks draw.
enum ThemeScreens {
  /// The overview of the fixture at 80×24, the first target selected.
  static func overview(_ s: AppState) -> ScreenBuffer { s.render() }

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
}

/// Each theme's screens as text and styles, compared with golden files reviewed by eye.
@Suite("Themes: golden screens")
struct ThemeGoldenTests {
  @Test func defaultTheme() {
    let s = Fixture.state()
    assertStyledScreen(ThemeScreens.overview(s), "theme-default-overview-80x24")
    assertStyledScreen(ThemeScreens.detail(s), "theme-default-detail-100x40")
  }
}
