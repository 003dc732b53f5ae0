import Testing

@testable import PlanTrackCore

/// Series of one indicator in several regions, read by targets: units, increments from the
/// stock, roll-ups with coverage, stand-ins and discrepancies (docs/STATUS.md, "Roll-up").
@Suite("Figure book: series, increments from stocks, roll-ups")
struct FigureBookTests {
  static func d(_ s: String) -> Day { Day(iso: s)! }
  static let tree = RegionTree.shipped
  static let stations = Indicator(
    id: "5g", name: "5G基站", unit: try! MeasureUnit(parsing: "个"), counts: ["个", "座"],
    measure: .stock, rollup: .sum, update: .monthly)
  static let share = Indicator(
    id: "share", name: "占比", unit: try! MeasureUnit(parsing: "%"), measure: .ratio,
    rollup: .none, update: .monthly)
  static let shandong = "370000"
  static let weihai = "371000"
  static var cities: [String] { tree.children(of: shandong).map(\.code) }

  static func target(
    _ region: String, _ unit: String, kind: TargetKind = .level, goal: Double,
    indicator: Indicator = stations, perYear: Bool = false, period: (String, String)? = nil,
    due: [String] = ["2025-12-31"]
  ) -> Target {
    let doc = PlanDocument(
      id: "doc-\(region)", title: "plan", region: tree.region(code: region)!.name,
      periodStart: period.map { d($0.0) }, periodEnd: period.map { d($0.1) })
    var t = Target(
      document: doc, id: "t", name: "t", category: "5g", kind: kind,
      unit: try! MeasureUnit(parsing: unit), direction: .increase,
      milestones: due.map { Milestone(due: d($0), goal: .atLeast(goal)) }, perYear: perYear,
      indicator: indicator.id)
    t.placement = Placement(
      region: tree.region(code: region),
      series: SeriesKey.make(region: region, indicator: indicator.id))
    return t
  }

  static func book(_ series: [String: [(String, Double)]], asOf: String) -> FigureBook {
    FigureBook(
      series: series.mapValues { $0.map { Observation(day: d($0.0), value: $0.1) } },
      indicators: [stations, share], regions: tree, asOf: d(asOf))
  }

  static func key(_ region: String, _ indicator: Indicator = stations) -> String {
    SeriesKey.make(region: region, indicator: indicator.id)
  }

  @Test func aTargetReadsItsSeriesInItsOwnUnit() {
    let book = Self.book([Self.key(Self.weihai): [("2023-06-30", 6000)]], asOf: "2023-06-30")
    let inTenThousands = book.figures(for: Self.target(Self.weihai, "万个", goal: 1))
    #expect(inTenThousands.observations == [Observation(day: Self.d("2023-06-30"), value: 0.6)])
    // 座 is the same count as 个.
    let inZuo = book.figures(for: Self.target(Self.weihai, "座", goal: 6600))
    #expect(inZuo.observations.map(\.value) == [6000])
  }

  @Test func anIncrementOnAStockIsTheGrowthSinceItsPeriodStarted() {
    let book = Self.book(
      [Self.key(Self.weihai): [("2022-12-31", 5100), ("2023-03-31", 5500), ("2023-06-30", 6000)]],
      asOf: "2023-06-30")
    let added = Self.target(
      Self.weihai, "座", kind: .increment, goal: 1500, period: ("2023-01-01", "2023-12-31"),
      due: ["2023-12-31"])
    let f = book.figures(for: added)
    #expect(f.observations.map(\.value) == [400, 900])
    #expect(f.stock?.start == Observation(day: Self.d("2022-12-31"), value: 5100))
    #expect(f.stock?.latest == Observation(day: Self.d("2023-06-30"), value: 6000))
    #expect(f.stock?.since == Self.d("2023-01-01"))
  }

  @Test func withoutAStockAtTheStartAnIncrementHasNoFigure() {
    let book = Self.book([Self.key(Self.weihai): [("2023-06-30", 6000)]], asOf: "2023-06-30")
    let added = Self.target(
      Self.weihai, "座", kind: .increment, goal: 1500, period: ("2023-01-01", "2023-12-31"),
      due: ["2023-12-31"])
    let f = book.figures(for: added)
    #expect(f.observations.isEmpty)
    #expect(f.stock?.start == nil)
    #expect(f.stock?.latest?.value == 6000)
  }

  @Test func aYearlyQuotaOnAStockCountsFromEachNewYear() {
    let book = Self.book(
      [Self.key(Self.weihai): [("2022-12-31", 100), ("2023-12-31", 160), ("2024-06-30", 190)]],
      asOf: "2024-06-30")
    let quota = Self.target(
      Self.weihai, "个", kind: .increment, goal: 50, perYear: true,
      period: ("2023-01-01", "2025-12-31"), due: ["2023-12-31", "2024-12-31", "2025-12-31"])
    let f = book.figures(for: quota)
    #expect(f.observations.map(\.value) == [60, 30])
    #expect(f.stock?.since == Self.d("2024-01-01"))
    #expect(f.stock?.start?.value == 160)
  }

  @Test func oneCityReportingIsAPartialRollupThatNeverStandsIn() throws {
    let book = Self.book([Self.key(Self.weihai): [("2023-06-30", 6000)]], asOf: "2023-06-30")
    let province = Self.target(Self.shandong, "万个", goal: 25)
    let f = book.figures(for: province)
    let r = try #require(f.rollup)
    #expect((r.value, r.reported, r.children, r.complete) == (6000, 1, 16, false))
    #expect(f.observations.isEmpty)
    let parts = book.parts(of: "5g", in: Self.shandong)
    #expect(parts.count == 16)
    #expect(parts.filter(\.reported).map(\.region.code) == [Self.weihai])
  }

  static func everyCity(_ value: Double, on day: String = "2023-06-30") -> [String: [(
    String, Double
  )]] {
    Dictionary(uniqueKeysWithValues: cities.map { (key($0), [(day, value)]) })
  }

  @Test func aCompleteRollupStandsInWhereTheRegionHasNoFigure() throws {
    let book = Self.book(Self.everyCity(10_000), asOf: "2023-07-15")
    let f = book.figures(for: Self.target(Self.shandong, "万个", goal: 25))
    let r = try #require(f.rollup)
    #expect((r.value, r.reported, r.children, r.complete) == (160_000, 16, 16, true))
    #expect(r.date == Self.d("2023-06-30"))
    #expect(r.discrepancy == nil)
    #expect(f.observations == [Observation(day: Self.d("2023-06-30"), value: 16)])
  }

  @Test(arguments: [(170_000.0, 0.0625 as Double?), (161_000, nil), (150_000, -0.0625)])
  func anOwnFigureAwayFromACompleteRollupIsADiscrepancy(_ own: Double, _ expected: Double?) throws {
    var series = Self.everyCity(10_000)
    series[Self.key(Self.shandong)] = [("2023-06-30", own)]
    let book = Self.book(series, asOf: "2023-06-30")
    let f = book.figures(for: Self.target(Self.shandong, "个", goal: 250_000))
    let r = try #require(f.rollup)
    if let expected {
      #expect(abs((r.discrepancy ?? 0) - expected) < 1e-9)
    } else {
      #expect(r.discrepancy == nil)
    }
    // The region's own figure is its figure.
    #expect(f.observations.map(\.value) == [own])
  }

  @Test func aStaleChildIsNotReported() throws {
    var series = Self.everyCity(10_000)
    series[Self.key(Self.weihai)] = [("2023-01-31", 6000)]
    let book = Self.book(series, asOf: "2023-06-30")
    let r = try #require(book.rollup(ofSeries: Self.key(Self.shandong)))
    #expect((r.reported, r.complete, r.value) == (15, false, 150_000))
  }

  @Test func countiesRollUpThroughTheirCityToTheProvince() throws {
    // Every county of Weihai reports; Weihai has no figure of its own; the other cities do.
    var series = Self.everyCity(10_000)
    series[Self.key(Self.weihai)] = nil
    let counties = Self.tree.children(of: Self.weihai).map(\.code)
    #expect(counties.count >= 4)
    for c in counties { series[Self.key(c)] = [("2023-06-30", 1000)] }
    let book = Self.book(series, asOf: "2023-06-30")
    let city = try #require(book.rollup(ofSeries: Self.key(Self.weihai)))
    #expect(city.complete && city.value == Double(1000 * counties.count))
    let province = try #require(book.rollup(ofSeries: Self.key(Self.shandong)))
    #expect(province.complete)
    #expect(province.value == 150_000 + Double(1000 * counties.count))
  }

  @Test func ratiosAreNeverSummed() {
    var series: [String: [(String, Double)]] = [:]
    for c in Self.cities { series[Self.key(c, Self.share)] = [("2023-06-30", 40)] }
    let book = Self.book(series, asOf: "2023-06-30")
    let f = book.figures(for: Self.target(Self.shandong, "%", goal: 50, indicator: Self.share))
    #expect(f.rollup == nil)
    #expect(f.observations.isEmpty)
  }

  @Test func aTargetWithoutAnIndicatorReadsItsOwnKey() {
    let doc = PlanDocument(id: "p", title: "p", region: "山东省")
    let t = Target(
      document: doc, id: "x", name: "x", category: "c", kind: .level,
      unit: try! MeasureUnit(parsing: "个"), direction: .increase,
      milestones: [Milestone(due: Self.d("2025-12-31"), goal: .atLeast(1))])
    let book = Self.book(["p/x": [("2023-01-31", 3)]], asOf: "2023-06-30")
    #expect(book.figures(for: t).observations.map(\.value) == [3])
  }
}
