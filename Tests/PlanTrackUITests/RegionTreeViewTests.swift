import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// Targets of Shandong, Weihai and Wendeng on one indicator, with figures of Weihai and
/// Wendeng: the province and the city show roll-ups, Weihai's new stations come from the stock.
enum RegionFixture {
  static func d(_ s: String) -> Day { Day(iso: s)! }
  static let tree = RegionTree.shipped
  static let stations = Indicator(
    id: "5g", name: "5G基站", unit: try! MeasureUnit(parsing: "个"), counts: ["个", "座"],
    measure: .stock, rollup: .sum)

  static func target(
    _ doc: String, _ region: String, _ id: String, _ name: String, _ unit: String,
    kind: TargetKind = .level, goal: Double, indicator: Bool = true
  ) -> Target {
    let r = tree.region(code: region)!
    let document = PlanDocument(
      id: doc, title: "\(r.name)规划", region: r.name, periodStart: d("2023-01-01"),
      periodEnd: d("2025-12-31"))
    var t = Target(
      document: document, id: id, name: name, category: "5g", kind: kind,
      unit: try! MeasureUnit(parsing: unit), direction: .increase,
      milestones: [Milestone(due: d("2025-12-31"), goal: .atLeast(goal))],
      indicator: indicator ? "5g" : nil)
    t.placement = Placement(
      region: r, series: indicator ? SeriesKey.make(region: region, indicator: "5g") : t.key)
    return t
  }

  static let targets = [
    target("sd", "370000", "stations", "全省5G基站", "万个", goal: 25),
    target("sd", "370000", "parks", "省级园区", "个", goal: 10, indicator: false),
    target("wh", "371000", "total", "全市5G基站总数", "座", goal: 6600),
    target("wh", "371000", "new", "新建5G基站", "座", kind: .increment, goal: 1500),
    target("wd", "371003", "stations", "文登区5G基站", "个", goal: 1800),
  ]

  static func statuses() -> [TargetStatus] {
    let book = FigureBook(
      series: [
        "371000/5g": [
          Observation(day: d("2022-12-31"), value: 5100),
          Observation(day: d("2024-05-31"), value: 6000),
        ],
        "371003/5g": [Observation(day: d("2024-05-31"), value: 1500)],
      ], indicators: [stations], regions: tree, asOf: d("2024-06-30"))
    return StatusEngine().evaluate(targets, book: book)
  }

  static func state(width: Int = 100, height: Int = 30) -> AppState {
    var s = AppState(
      workspace: "test", asOf: d("2024-06-30"), statuses: statuses(), width: width,
      height: height)
    s.grouping = .region
    return s
  }
}

@Suite("Dashboard: the region tree")
struct RegionTreeViewTests {
  static func describe(_ s: AppState) -> [String] {
    s.rows.map { row in
      switch row {
      case .group(let name, let count): "group \(name) \(count)"
      case .region(_, let name, let depth, let count, let collapsed):
        String(repeating: "  ", count: depth) + "\(collapsed ? "+" : "-") \(name) \(count)"
      case .target(let i): "    " + s.statuses[i].target.key
      }
    }
  }

  @Test func regionsNestUnderTheNearestRegionWithTargets() {
    let s = RegionFixture.state()
    #expect(
      Self.describe(s) == [
        "- 山东省 5", "    sd/stations", "    sd/parks",
        "  - 威海市 3", "    wh/total", "    wh/new",
        "    - 文登区 1", "    wd/stations",
      ])
  }

  @Test func theSelectionRestsOnHeadingsAndEnterFoldsThem() {
    var s = RegionFixture.state()
    s.selectedKey = "sd/parks"
    _ = s.update(.key(.down))
    #expect(s.selectedRegion == "371000")
    _ = s.update(.key(.enter))
    #expect(s.collapsedRegions == ["371000"])
    #expect(Self.describe(s) == ["- 山东省 5", "    sd/stations", "    sd/parks", "  + 威海市 3"])
    #expect(s.mode == .overview)
    _ = s.update(.key(.char(" ")))
    #expect(s.collapsedRegions.isEmpty)
    #expect(s.rows.count == 8)
  }

  @Test func zFoldsTheRegionOfTheSelectedTarget() {
    var s = RegionFixture.state()
    s.selectedKey = "wd/stations"
    _ = s.update(.key(.char("z")))
    #expect(s.collapsedRegions == ["371003"])
    #expect(s.selectedRegion == "371003")
    // The detail view's ] [ move between targets only.
    s.selectedKey = "wh/new"
    _ = s.update(.key(.enter))
    _ = s.update(.key(.char("]")))
    #expect(s.selectedKey == "wh/total" || s.selectedKey == "sd/stations" || s.selectedIndex != nil)
    #expect(s.selectedRegion == nil)
  }

  @Test func aTargetWithARollupShowsItsCoverage() {
    let s = RegionFixture.state()
    let lines = s.render().lines
    #expect(lines.contains { $0.contains("全省5G基站 Σ1/16") }, "\(lines.joined(separator: "\n"))")
    #expect(lines.contains { $0.contains("全市5G基站总数 Σ1/4") })
    #expect(lines.contains { $0.hasPrefix("  ▾ 威海市（3）") })
  }

  @Test func theScreenGroupedByRegion() {
    var s = RegionFixture.state()
    s.collapsedRegions = ["371003"]
    assertScreen(s.render(), "regions-100x30-en")
  }

  @Test func theDetailShowsTheSeriesTheChildrenAndTheStock() {
    var s = RegionFixture.state(width: 100, height: 60)
    s.selectedKey = "wh/new"
    _ = s.update(.key(.enter))
    _ = s.update(.historyLoaded(key: "wh/new", lines: []))
    assertScreen(s.render(), "detail-from-stock-100x60-en")
    s.selectedKey = "sd/stations"
    _ = s.update(.historyLoaded(key: "sd/stations", lines: []))
    assertScreen(s.render(), "detail-rollup-100x60-en")
  }
}

@Suite("Filtering by region")
struct RegionFilterTests {
  @Test(arguments: [
    ("region:威海", ["wh/total", "wh/new"]), ("region:371003", ["wd/stations"]),
    ("region:山东省", ["sd/stations", "sd/parks"]), ("文登区", ["wd/stations"]),
  ])
  func aRegionIsFoundByNameOrCode(_ text: String, _ keys: [String]) throws {
    let filter = try TargetFilter(parsing: text)
    let found = RegionFixture.statuses().filter(filter.matches).map(\.target.key)
    #expect(Set(found) == Set(keys))
  }
}

@Suite("Detail: restated goals")
struct RestatedQuoteTests {
  @Test func theProvenanceListsEveryPlaceThePlanStatesTheGoal() {
    var t = RegionFixture.targets[0]
    t.document.sourceFile = "003.txt"
    t.milestones[0].line = 322
    t.milestones[0].quote = "到2025年5G基站达到25万个"
    t.milestones[0].restated = [Quote(line: 449, text: "5G基站 25万个")]
    let status = StatusEngine().evaluate(t, series: [], asOf: RegionFixture.d("2024-06-30"))
    var s = AppState(
      workspace: "w", asOf: RegionFixture.d("2024-06-30"), statuses: [status], width: 100,
      height: 40)
    _ = s.update(.key(.enter))
    let text = s.render().lines.joined(separator: "\n")
    #expect(text.contains("Quote          “到2025年5G基站达到25万个”  003.txt:322"), "\(text)")
    #expect(text.contains("Restated       “5G基站 25万个”  003.txt:449"))
  }
}

@Suite("Entry form on an indicator")
struct CountingWordFormTests {
  @Test func aCountingWordOfTheIndicatorIsTheSameCount() throws {
    var t = RegionFixture.targets[0]  // 万个, on 5G base stations counted in 个 or 座
    t.placement?.sameCount = ["个", "座"]
    var form = EntryForm(key: t.key, unit: t.unit, date: RegionFixture.d("2024-06-30"))
    form.value = "1500座"
    #expect(form.parsedValue.failureValue != nil)
    form.sameCount = t.placement!.sameCount
    #expect(try form.parsedValue.get() == 0.15)
    form.value = "3万辆"
    #expect(form.parsedValue.failureValue != nil)
  }
}

extension Result {
  fileprivate var failureValue: Failure? {
    if case .failure(let f) = self { f } else { nil }
  }
}
