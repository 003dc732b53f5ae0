import Foundation
import PlanTrackCore
import Testing

/// Figures belong to series: the repository's own targets and indicators, recorded through
/// series keys and target keys (issue 13, "Done when").
@Suite struct SeriesEndToEndTests {
  /// A workspace with this repository's targets/ and indicators.yaml.
  static func repositoryCopy() throws -> TempWorkspace {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let ws = try TempWorkspace()
    let fm = FileManager.default
    for name in try fm.contentsOfDirectory(atPath: repo.appendingPathComponent("targets").path) {
      try ws.write(
        String(contentsOf: repo.appendingPathComponent("targets/" + name), encoding: .utf8),
        to: "targets/" + name)
    }
    try ws.write(
      String(contentsOf: repo.appendingPathComponent("indicators.yaml"), encoding: .utf8),
      to: "indicators.yaml")
    return ws
  }

  static let shandong5G = [
    "sd-domestic-demand/base-stations-5g", "sd-real-economy-2023/base-stations-5g",
  ]

  @Test func oneRecordOnShandongsSeriesReachesBothTargets() throws {
    let ws = try Self.repositoryCopy()
    let r = ws.run(["record", "山东省/5g-base-stations", "22.4万", "--date", "2024-06-30"])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("370000/5g-base-stations"))
    for key in Self.shandong5G { #expect(r.stdout.contains(key), "\(r.stdout)") }
    let json = try #require(ws.statusJSON(asOf: "2024-06-30"))
    for key in Self.shandong5G {
      #expect(json.number(key, "actual") == 22.4)
      #expect(json[key]?["series"] as? String == "370000/5g-base-stations")
      #expect(json[key]?["indicator"] as? String == "5g-base-stations")
      let region = json[key]?["region"] as? [String: Any]
      #expect(region?["code"] as? String == "370000" && region?["level"] as? String == "province")
    }
    // Through one target's key, the other reads it too; the code form of the key is the same.
    #expect(ws.run(["record", Self.shandong5G[0], "23万", "--date", "2024-07-31"]).code == 0)
    #expect(
      ws.run(["record", "370000/5g-base-stations", "230500", "--date", "2024-08-31"]).code == 0)
    let later = try #require(ws.statusJSON(asOf: "2024-08-31"))
    #expect(Self.shandong5G.map { later.number($0, "actual") } == [23.05, 23.05])
    let rows = ws.historyRows(Self.shandong5G[1])
    #expect(rows.count == 3, "\(rows)")
  }

  @Test func aWeihaiTotalGivesNewStationsItsIncreaseAndShandongACoverageOf1In16() throws {
    let ws = try Self.repositoryCopy()
    #expect(ws.run(["record", "威海市/5g-base-stations", "5100座", "--date", "2022-12-31"]).code == 0)
    #expect(
      ws.run(["record", "wh-digital-2023/total-5g-stations", "6000", "--date", "2023-06-30"]).code
        == 0)
    let json = try #require(ws.statusJSON(asOf: "2023-06-30"))
    #expect(json.number("wh-digital-2023/total-5g-stations", "actual") == 6000)
    #expect(json.number("wh-digital-2023/new-5g-stations", "actual") == 900)
    for key in Self.shandong5G {
      let rollup = try #require(json[key]?["rollup"] as? [String: Any], "\(key) has no roll-up")
      #expect((rollup["value"] as? NSNumber)?.doubleValue == 6000)
      #expect((rollup["reported"] as? NSNumber)?.intValue == 1)
      #expect((rollup["children"] as? NSNumber)?.intValue == 16)
      #expect(rollup["complete"] as? Bool == false)
      // A partial roll-up is never the province's figure.
      #expect(json.number(key, "actual") == nil)
    }
    // The CSV carries the region, the series and the roll-up; the snapshot marks the coverage.
    let csv = ws.run(["status", "--format", "csv", "--as-of", "2023-06-30"]).stdout
    let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix(Self.shandong5G[0]) })
    #expect(
      row.hasSuffix(
        ",370000,山东省,province,5g-base-stations,370000/5g-base-stations,6000,2023-06-30,1,16,false,"),
      "\(row)")
    let out = ws.root.appendingPathComponent("out")
    #expect(
      ws.run(["export", "--format", "md", "--as-of", "2023-06-30", "--out", out.path]).code == 0)
    let md = try String(
      contentsOf: out.appendingPathComponent("2023-06-30-status.md"), encoding: .utf8)
    #expect(md.contains("— Σ1/16"), "\(md.prefix(2000))")
  }

  @Test(arguments: [
    (["鼓楼区/5g-base-stations", "1"], ProblemCode.unknownSeries),
    (["测试市/5g-base-stations", "1"], .unknownSeries),
    (["山东省/6g-base-stations", "1"], .unknownTargetKey),
    (["山东省/5g-base-stations", "3万辆"], .incompatibleUnits),
  ])
  func aFigureThatFitsNoSeriesIsOneLineAndWritesNothing(_ args: [String], _ code: ProblemCode)
    throws
  {
    let ws = try Self.repositoryCopy()
    let r = ws.run(["record"] + args + ["--date", "2024-06-30"])
    #expect(r.code == 1)
    #expect(r.problem == code, "\(r.stderr)")
    #expect(r.stderrLines.count == 1)
    #expect(!ws.storeExists)
  }

  @Test func indicatorsAndRegionsList() throws {
    let ws = try Self.repositoryCopy()
    #expect(ws.run(["record", "威海市/5g-base-stations", "6000", "--date", "2023-06-30"]).code == 0)
    let r = ws.run(["indicators", "--format", "json", "--as-of", "2023-06-30"])
    #expect(r.code == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let indicators = try #require(object?["indicators"] as? [[String: Any]])
    #expect(indicators.count == 39)
    let stations = try #require(indicators.first { $0["id"] as? String == "5g-base-stations" })
    let series = try #require(stations["series"] as? [[String: Any]])
    #expect(
      series.map { $0["key"] as? String } == ["370000/5g-base-stations", "371000/5g-base-stations"])
    #expect((series[1]["latest"] as? [String: Any])?["value"] as? Double == 6000)

    let tree = ws.run(["regions", "--under", "威海市"])
    #expect(tree.stdout.hasPrefix("371000 威海市\n  371002 环翠区\n"), "\(tree.stdout)")
    let ambiguous = ws.run(["regions", "--under", "鼓楼区"])
    #expect(ambiguous.code == 1 && ambiguous.problem == .ambiguousRegion, "\(ambiguous.stderr)")
  }

  /// A store written before indicators existed: targets recorded under their own keys, with a
  /// correction and a retraction. Once the targets name an indicator, nothing is rewritten (the
  /// store is append-only and its schema did not change), every entry keeps its id, who and
  /// when, and every status is what it was.
  @Test func figuresRecordedBeforeIndicatorsKeepTheirMeaning() throws {
    let file = targetFile([
      levelTarget("a", name: "全市5G基站总数", unit: "座", baseline: 1000, goal: 6600),
      levelTarget("b", name: "充电桩", unit: "万台", baseline: 5, goal: 18),
    ])
    let ws = try TempWorkspace(["t.yaml": file])
    for args in [
      ["record", "t/a", "5000", "--date", "2024-03-31"],
      ["record", "t/a", "5200", "--date", "2024-03-31", "--note", "更正"],
      ["record", "t/a", "5600", "--date", "2024-05-31"],
      ["record", "t/b", "9", "--date", "2024-05-31"],
    ] {
      #expect(ws.run(args).code == 0)
    }
    #expect(ws.run(["undo"]).code == 0)  // retracts t/b's 9
    let before = try #require(ws.statusJSON(asOf: "2024-06-30"))
    let historyBefore = ws.historyRows("t/a")

    // Link t/a to an indicator, in 威海市.
    try ws.write(
      """
      indicators:
        - { id: 5g, name: 5G基站, unit: 个, counts: [个, 座], measure: stock, rollup: sum }

      """, to: "indicators.yaml")
    try ws.write(
      file.replacingOccurrences(of: "region: 测试省", with: "region: 威海市")
        .replacingOccurrences(of: "unit: \"座\"", with: "unit: \"座\"\n    indicator: 5g"),
      to: "targets/t.yaml")
    #expect(ws.run(["check"]).code == 0, "\(ws.run(["check"]).stderr)")
    let after = try #require(ws.statusJSON(asOf: "2024-06-30"))
    #expect(after["t/a"]?["series"] as? String == "371000/5g")
    for key in ["t/a", "t/b"] {
      #expect(after.status(key) == before.status(key))
      #expect(after.number(key, "actual") == before.number(key, "actual"))
      #expect(after[key]?["actualDate"] as? String == before[key]?["actualDate"] as? String)
    }
    #expect(after.number("t/a", "actual") == 5600)
    #expect(after.number("t/b", "actual") == nil)
    // The same entries, ids, who and when, through the target or its series.
    #expect(ws.historyRows("t/a") == historyBefore)
    #expect(ws.historyRows("威海市/5g") == historyBefore)
    // A new figure goes to the series, and counts with the old ones.
    #expect(ws.run(["record", "t/a", "6000", "--date", "2024-06-30"]).code == 0)
    #expect(ws.historyRows("t/a").count == historyBefore.count + 1)
    #expect(try #require(ws.statusJSON(asOf: "2024-06-30")).number("t/a", "actual") == 6000)
  }
}
