import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// The overview draws the columns settings choose, in their order; the name takes the rest and
/// optional columns drop from the right end on narrow screens.
@Suite("Overview columns")
struct ColumnsTests {
  typealias C = OverviewColumn

  static let all: [C] = [
    .status, .name, .figures, .bar, .percent, .due, .daysLeft, .lead, .region, .indicator,
    .document, .updated,
  ]
  static let custom: [C] = [.status, .name, .region, .indicator, .document, .updated, .daysLeft]

  /// The fixture with indicators on two targets, so that the indicator column has something
  /// to show.
  static func state(
    columns: [C], width: Int, height: Int = 24, language: Language = .en
  ) -> AppState {
    let indicators = ["nev-stock": "nev-stock", "5g": "5g-base-stations"]
    let statuses = Fixture.targets.map { target, figures in
      var t = target
      t.indicator = indicators[t.id]
      return StatusEngine().evaluate(
        t, series: figures.map { Observation(day: Fixture.d($0.0), value: $0.1) },
        asOf: Fixture.d("2024-06-30"))
    }
    var s = AppState(
      workspace: "test", asOf: Fixture.d("2024-06-30"), statuses: statuses, width: width,
      height: height, language: language, color: true)
    s.settings.columns = columns
    return s
  }

  @Test(
    arguments: [
      // The standard columns: the lead unit from 110 columns on, as before settings.
      (OverviewColumn.standard, 80, Language.en, Array(OverviewColumn.standard.dropLast())),
      (OverviewColumn.standard, 100, .en, Array(OverviewColumn.standard.dropLast())),
      (OverviewColumn.standard, 140, .en, OverviewColumn.standard),
      (OverviewColumn.standard, 80, .zh, Array(OverviewColumn.standard.dropLast())),
      (OverviewColumn.standard, 140, .zh, OverviewColumn.standard),
      // The new columns: at 80 the days left (`182d ago`) drop.
      (custom, 80, .en, Array(custom.dropLast())),
      (custom, 80, .zh, Array(custom.dropLast())),
      (custom, 100, .en, custom),
      // Every column: the last ones drop until the name has its 16 columns.
      (all, 80, .en, Array(all.prefix(7))),
      (all, 80, .zh, Array(all.prefix(7))),
      (all, 100, .en, Array(all.prefix(7)) + [.region]),
      (all, 140, .en, Array(all.prefix(9))),
      (all, 140, .zh, Array(all.prefix(9))),
      (all, 200, .en, all),
      // The settings' order, whatever it is; a missing status or name comes first.
      ([.due, .name, .status], 80, .en, [.due, .name, .status]),
      ([.updated, .percent], 80, .en, [.status, .name, .updated, .percent]),
      // Too many columns for 80: status and name stay, the lead unit waits for 110.
      (
        [.status, .name, .lead, .document, .region, .indicator, .updated, .due], 80, .en,
        [.status, .name, .document, .region, .indicator, .updated]
      ),
    ] as [([C], Int, Language, [C])])
  func columnsShownAtAWidth(_ columns: [C], _ width: Int, _ language: Language, _ expected: [C]) {
    let s = Self.state(columns: columns, width: width, language: language)
    let layout = OverviewLayout(s)
    #expect(layout.columns == expected)
    // The columns cover the row exactly: each followed by a space, but a bar by its percentage.
    let last = layout.placed.last!
    #expect(last.x + last.width + 1 == width, "\(layout.placed)")
    #expect(layout.placed.first { $0.column == .name }!.width >= OverviewLayout.minimumName)
  }

  /// Every column's title and cells start where the layout puts them.
  @Test func titlesStartWhereTheLayoutSays() {
    let s = Self.state(columns: Self.custom, width: 100)
    let b = s.render()
    let titles = b.lines[2]
    for (p, title) in zip(
      OverviewLayout(s).placed, ["Status", "Target", "Region", "Indicator", "Document", "Updated"])
    {
      #expect(Array(titles)[p.x...].starts(with: title), "\(title) at \(p.x): \(titles)")
    }
  }

  /// A header click finds the column under it; the bar's percentage belongs to the bar.
  @Test func theColumnUnderAScreenColumn() {
    let layout = OverviewLayout(Self.state(columns: OverviewColumn.standard, width: 80))
    let bar = layout.placed.first { $0.column == .bar }!
    #expect(layout.column(at: 0) == .status)
    #expect(layout.column(at: 10) == .status)
    #expect(layout.column(at: 11) == .name)
    #expect(layout.column(at: bar.x) == .bar)
    #expect(layout.column(at: bar.x + bar.width) == .percent)
    #expect(layout.column(at: 79) == .daysLeft)
    #expect(layout.column(at: 80) == nil)
  }

  @Test(arguments: [Language.en, .zh])
  func aCustomColumnSet(_ language: Language) {
    assertScreen(
      Self.state(columns: Self.custom, width: 100, language: language).render(),
      "overview-columns-100x24-\(language.rawValue)")
  }

  /// The detail view does not change with the overview's columns.
  @Test func theDetailIsTheSameWhateverTheColumns() {
    var screens: [[String]] = []
    for columns in [OverviewColumn.standard, Self.custom] {
      var s = Self.state(columns: columns, width: 100, height: 40)
      _ = s.update(.key(.enter))
      _ = s.update(.historyLoaded(key: s.selectedKey!, lines: []))
      screens.append(s.render().lines)
    }
    #expect(screens[0] == screens[1])
  }
}

/// The days-left column says how long ago a passed date was, never a negative number.
@Suite("Days left and overdue")
struct OverdueTests {
  @Test(
    arguments: [
      (549, Status.onTrack, Language.en, "549d"), (549, .onTrack, .zh, "549天"),
      (0, .offTrack, .en, "0d"), (0, .offTrack, .zh, "0天"),
      (-1, .missed, .en, "1d ago"), (-1, .missed, .zh, "逾期1天"),
      (-336, .missed, .en, "336d ago"), (-336, .missed, .zh, "逾期336天"),
      (-336, .noData, .zh, "逾期336天"), (-336, .offTrack, .zh, "逾期336天"),
      // An achieved target is past its date, not overdue.
      (-91, .achieved, .en, "91d ago"), (-91, .achieved, .zh, "已过91天"),
    ] as [(Int, Status, Language, String)])
  func text(_ days: Int, _ status: Status, _ language: Language, _ expected: String) {
    #expect(Labels(language).daysLeftText(days, status: status) == expected)
  }

  /// The column grows to the widest text, and no row shows a minus sign.
  @Test(arguments: [Language.en, .zh])
  func theColumnFitsTheOverdueText(_ language: Language) {
    let b = Fixture.state(language: language).render()
    let overdue = language == .en ? "182d ago" : "逾期182天"
    #expect(b.lines.contains { $0.hasSuffix(overdue + " ") })
    #expect(!b.lines.contains { $0.contains("-182") })
  }
}
