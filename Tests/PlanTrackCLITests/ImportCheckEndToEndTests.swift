import Foundation
import PlanTrackCore
import Testing

/// `import` (all or nothing) and `check` (file:line:column findings).
@Suite struct ImportCheckEndToEndTests {
  static let file = targetFile([
    levelTarget("nev"), levelTarget("share", unit: "%", baseline: 50, goal: 30, comparator: "<="),
  ])

  @Test func importIsAllOrNothing() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    try ws.write(
      """
      key,date,value,unit,note
      t/nev,2024-01-31,120,,一月
      t/nev,2024-02-29,1250000,辆,二月
      t/share,2024-02-30,45,,no such day
      t/share,2024-03-31,44,,三月

      """, to: "bad.csv")
    let bad = ws.run(["import", "bad.csv"])
    #expect(bad.code == 1)
    #expect(bad.stdout.isEmpty, "\(bad.stdout)")
    // One line per finding, then the one-line reason.
    #expect(bad.findings == ["bad.csv:4:9 PT405"], "\(bad.stderr)")
    #expect(bad.stderrLines.count == 2, "\(bad.stderr)")
    #expect(bad.problem == .importRejected, "\(bad.stderr)")
    #expect(!ws.storeExists)
    #expect(ws.historyRows("t/nev").isEmpty)
    #expect(ws.historyRows("t/share").isEmpty)

    // An unknown key and an incompatible unit, with a store already in place.
    #expect(ws.run(["record", "t/nev", "100", "--date", "2023-12-31"]).code == 0)
    try ws.write(
      """
      key,date,value
      t/nev,2024-01-31,120
      t/nope,2024-02-29,125
      t/share,2024-03-31,44
      t/share,2024-04-30,5万辆

      """, to: "bad2.csv")
    let bad2 = ws.run(["import", "bad2.csv"])
    #expect(bad2.code == 1)
    #expect(bad2.findings == ["bad2.csv:3:1 PT304", "bad2.csv:5:20 PT404"], "\(bad2.stderr)")
    #expect(bad2.stderrLines.count == 3, "\(bad2.stderr)")
    #expect(bad2.problem == .importRejected, "\(bad2.stderr)")
    #expect(ws.historyRows("t/nev").count == 1)
    #expect(ws.historyRows("t/share").isEmpty)

    try ws.write(
      """
      key,date,value,unit,note
      t/nev,2024-01-31,120,,一月
      t/nev,2024-02-29,1250000,辆,二月
      t/share,2024-03-31,44,,三月

      """, to: "good.csv")
    let good = ws.run(["import", "good.csv"])
    #expect(good.code == 0, "\(good.stderr)")
    #expect(good.stdout.contains("imported 3 entries"), "\(good.stdout)")
    #expect(ws.historyRows("t/nev").count == 3)
    #expect(ws.historyRows("t/share").count == 1)
    let json = try #require(ws.statusJSON(asOf: "2024-03-31"))
    #expect(json.number("t/nev", "actual") == 125)
    #expect(json.number("t/share", "actual") == 44)
  }

  @Test func checkReportsFindingsWithLocations() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let ok = ws.run(["check"])
    #expect(ok.code == 0, "\(ok.stderr)")
    #expect(ok.stdout.hasPrefix("ok:"), "\(ok.stdout)")
    #expect(ok.stdout.contains("2 targets"), "\(ok.stdout)")
    #expect(ok.stderr.isEmpty, "\(ok.stderr)")

    // Line 11 holds the bad comparator.
    let broken = """
      document:
        id: x
        title: 坏文件
        period: { start: 2023-01-01, end: 2025-12-31 }
      targets:
        - id: a
          name: 甲
          category: ev
          kind: level
          unit: 万辆
          milestones: [{ due: 2025-12-31, value: 200, comparator: ">>" }]

      """
    try ws.write(broken, to: "targets/x.yaml")
    let bad = ws.run(["check"])
    #expect(bad.code == 1)
    #expect(!bad.stdout.hasPrefix("ok:"))
    // One line per finding, gcc-style with the code first, then the one-line reason.
    #expect(
      bad.stderrLines.first?.contains(#/^targets\/x\.yaml:11:[1-9]\d*: error: PT104 /#) == true,
      "\(bad.stderr)")
    #expect(bad.findings == ["targets/x.yaml:11:61 PT104"], "\(bad.stderr)")
    #expect(bad.stderrLines.count == 2, "\(bad.stderr)")
    #expect(bad.problem == .targetFilesHaveErrors, "\(bad.stderr)")
    #expect(!bad.stderr.contains("targets/t.yaml"))

    // The valid file's targets still appear in status, with a warning on stderr.
    let json = ws.run(["status", "--format", "json", "--as-of", "2024-01-01"])
    #expect(json.code == 0, "\(json.stderr)")
    let parsed = try #require(StatusJSON(text: json.stdout))
    #expect(parsed.targets.compactMap { $0["key"] as? String }.sorted() == ["t/nev", "t/share"])
    #expect(!json.stderr.isEmpty)
    let table = ws.run(["status", "--as-of", "2024-01-01"])
    #expect(table.code == 0)
    #expect(table.stdout.contains("t/nev") && table.stdout.contains("t/share"))
  }
}
