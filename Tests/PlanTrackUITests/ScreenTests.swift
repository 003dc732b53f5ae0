import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// Rendered screens compared as text grids with golden files reviewed by eye.
@Suite("Dashboard screens")
struct ScreenTests {
  @Test func overview80x24() {
    assertScreen(Fixture.state().render(), "overview-80x24-en")
  }

  @Test func overview80x24Chinese() {
    assertScreen(Fixture.state(language: .zh).render(), "overview-80x24-zh")
  }

  @Test func overview160x50() {
    assertScreen(Fixture.state(width: 160, height: 50).render(), "overview-160x50-en")
  }

  @Test func overviewAscii() {
    assertScreen(Fixture.state(ascii: true).render(), "overview-80x24-ascii")
  }

  @Test func detail() {
    var s = Fixture.state(width: 100, height: 40)
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
    assertScreen(s.render(), "detail-100x40-en")
  }

  @Test func entryForm() {
    var s = Fixture.state()
    _ = s.update(.key(.char("a")))
    for c in "140.2万" { _ = s.update(.key(.char(c))) }
    assertScreen(s.render(), "form-80x24-en")
  }

  /// While typing, a term that cannot be read takes the hints' line; after Enter it stays
  /// beside the filter text.
  @Test(arguments: [Language.en, .zh])
  func filterProblem(_ language: Language) {
    var s = Fixture.state(language: language)
    _ = s.update(.key(.char("/")))
    for c in "status:off" { _ = s.update(.key(.char(c))) }
    assertScreen(s.render(), "filter-problem-typing-\(language.rawValue)")
    _ = s.update(.key(.enter))
    assertScreen(s.render(), "filter-problem-entered-\(language.rawValue)")
  }

  @Test func tooSmall() {
    assertScreen(Fixture.state(width: 60, height: 20).render(), "too-small-60x20")
  }

  @Test func helpEnglish() {
    var s = Fixture.state()
    _ = s.update(.key(.char("?")))
    let b = s.render()
    assertScreen(b, "help-80x24-en")
    // Every description fits: the last column stays blank.
    #expect(b.lines.dropLast().allSatisfy { $0.hasSuffix(" ") })
  }

  @Test func help() {
    var s = Fixture.state(language: .zh)
    _ = s.update(.key(.char("?")))
    assertScreen(s.render(), "help-80x24-zh")
  }

  /// Chinese names of different lengths end their column at the same screen column.
  @Test(arguments: [Language.en, .zh])
  func columnsAlignWhateverTheNames(_ language: Language) {
    let b = Fixture.state(width: 120, height: 30, language: language).render()
    var ends: Set<Int> = []
    for y in 0..<b.height {
      let line = b.lines[y]
      guard line.contains(" / ") else { continue }
      // The column after "actual / goal unit" is the bar: find the first bar glyph.
      var col = 0
      for x in 0..<b.width where !b[x, y].isContinuation {
        if "█░│".contains(b[x, y].text) {
          col = x
          break
        }
      }
      if col > 0 { ends.insert(col) }
    }
    #expect(ends.count == 1, "bars start at columns \(ends)")
    #expect(b.lines.filter { $0.contains("█") || $0.contains("░") }.count == 6)
  }
}

/// Every screen at every size from 80×24 up: rows exactly as wide as the screen, no wide
/// character cut, the bars in one column.
@Suite("Dashboard screens at every size")
struct ScreenSizeTests {
  @Test(arguments: [Language.en, .zh], [false, true])
  func everyScreenFitsEverySize(_ language: Language, _ ascii: Bool) {
    for width in stride(from: 80, through: 200, by: 9) {
      for height in [24, 31, 50] {
        var s = Fixture.state(width: width, height: height, language: language, ascii: ascii)
        var screens = [s.render()]
        _ = s.update(.key(.enter))
        _ = s.update(.historyLoaded(key: s.selectedKey!, lines: []))
        screens.append(s.render())
        _ = s.update(.key(.char("a")))
        screens.append(s.render())
        _ = s.update(.key(.escape))
        _ = s.update(.key(.char("?")))
        screens.append(s.render())
        for b in screens {
          for (y, line) in b.lines.enumerated() {
            #expect(DisplayWidth.of(line) == width, "\(width)×\(height) row \(y): \(line)")
          }
          for y in 0..<height { #expect(b[width - 1, y].width <= 1) }
        }
      }
    }
  }
}

@Suite("Dashboard percent column")
struct PercentColumnTests {
  /// The display column where the first date of `line` starts.
  static func dateColumn(_ line: String) -> Int? {
    guard let r = line.firstMatch(of: #/20\d\d-\d\d-\d\d/#) else { return nil }
    return DisplayWidth.of(String(line[..<r.range.lowerBound]))
  }

  /// A figure far beyond its goal (a unit typed wrong) shows as >999%, apart from its bar,
  /// and the due date stays in its column.
  @Test(arguments: [(10_000.0, ">999%"), (900.0, "800%"), (150.0, "50%")])
  func aHugeProgressKeepsTheColumns(actual: Double, shown: String) throws {
    let t = Fixture.target(
      Fixture.province, "typo", "录错单位的指标", "万辆", baseline: 100, [("2025-12-31", .atLeast(200))])
    var statuses = Fixture.statuses()
    statuses.insert(
      StatusEngine().evaluate(
        t, series: [Observation(day: Fixture.d("2024-06-30"), value: actual)],
        asOf: Fixture.d("2024-06-30")), at: 0)
    let s = AppState(
      workspace: "test", asOf: Fixture.d("2024-06-30"), statuses: statuses, width: 100,
      height: 30, color: false)
    let lines = s.render().lines
    let row = try #require(lines.first { $0.contains("录错单位的指标") })
    #expect(row.contains(" " + shown + " 2025-12-31"), "\(row)")
    let others = lines.filter { $0 != row && $0.contains("%") }.compactMap(Self.dateColumn)
    #expect(!others.isEmpty)
    #expect(others.allSatisfy { $0 == Self.dateColumn(row) }, "\(lines.joined(separator: "\n"))")
  }
}
