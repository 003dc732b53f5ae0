import PlanTrackCore
import Testing

@testable import PlanTrackExport

@Suite("Indicator and region reports")
struct CatalogReportTests {
  static func d(_ s: String) -> Day { Day(iso: s)! }
  static let tree = RegionTree.shipped
  static let stations = Indicator(
    id: "5g", name: "5G基站", en: "5G base stations", unit: try! MeasureUnit(parsing: "个"),
    measure: .stock, rollup: .sum)

  static func target(_ doc: String, _ region: String) -> Target {
    var t = Target(
      document: PlanDocument(id: doc, title: doc), id: "t", name: "t", category: "5g",
      kind: .level, unit: try! MeasureUnit(parsing: "个"), direction: .increase,
      milestones: [Milestone(due: d("2025-12-31"), goal: .atLeast(1))], indicator: "5g")
    t.placement = Placement(region: tree.region(code: region), series: "\(region)/5g")
    return t
  }

  @Test func everySeriesWithItsLatestFigureRollupAndTargets() throws {
    let book = FigureBook(
      series: [
        "371000/5g": [Observation(day: Self.d("2023-06-30"), value: 6000)],
        "370100/5g": [Observation(day: Self.d("2023-05-31"), value: 9000)],
      ], indicators: [Self.stations], regions: Self.tree, asOf: Self.d("2023-06-30"))
    let report = IndicatorReport(
      indicators: [Self.stations],
      targets: [Self.target("sd", "370000"), Self.target("wh", "371000")],
      book: book, regions: Self.tree)
    let row = try #require(report.rows.first)
    // Jinan has figures and no target; Shandong has a target and a roll-up.
    #expect(row.series.map(\.key) == ["370000/5g", "370100/5g", "371000/5g"])
    #expect(row.series[0].targets == ["sd/t"] && row.series[0].latest == nil)
    #expect(row.series[0].rollup?.reported == 2 && row.series[0].rollup?.children == 16)
    #expect(row.series[1].targets.isEmpty && row.series[1].latest?.value == 9000)
    let json = report.jsonValue()
    let series = try #require(json["indicators"]?.arrayValue?.first?["series"]?.arrayValue)
    #expect(series[2]["region"]?["name"]?.stringValue == "威海市")
    #expect(series[2]["latest"]?["value"]?.numberValue == 6000)
    #expect(series[0]["rollup"]?["value"]?.numberValue == 15000)
    let table = report.table(language: .en)
    #expect(table.contains("15000 2/16"), "\(table)")
    #expect(table.contains("6000 (2023-06-30)"))
  }

  @Test func theTreeBelowARegionIndentedByLevel() throws {
    let weihai = try #require(Self.tree.region(code: "371000"))
    #expect(
      RegionReport(tree: Self.tree, under: weihai).text() == """
        371000 威海市
          371002 环翠区
          371003 文登区
          371082 荣成市
          371083 乳山市

        """)
    let json = RegionReport(tree: Self.tree, under: Self.tree.region(code: "370000")!).jsonValue()
    #expect(json["children"]?.arrayValue?.count == 16)
    #expect(json["children"]?.arrayValue?.first?["level"]?.stringValue == "city")
  }
}
