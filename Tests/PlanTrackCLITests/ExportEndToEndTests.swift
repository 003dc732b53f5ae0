import Foundation
import PlanTrackCore
import Testing

/// `plantrack export` and `plantrack diff` as a user runs them.
@Suite struct ExportEndToEndTests {
  static let file = targetFile([
    levelTarget("nev", name: "全省新能源汽车保有量", baseline: 100, goal: 240),
    levelTarget("chargers", name: "=SUM(1)<script>x</script>", unit: "万台", baseline: 5, goal: 18),
  ])

  @Test func exportWritesFiveFilesAtomicallyAndTheSameBytesTwice() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    #expect(ws.run(["record", "t/nev", "150", "--date", "2024-03-31"]).code == 0)
    let r = ws.run(["export", "--as-of", "2024-06-30"])
    #expect(r.code == 0, "\(r.stderr)")
    let paths = r.stdout.split(separator: "\n").map(String.init)
    #expect(
      paths.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted() == [
        "2024-06-30-status.csv", "2024-06-30-status.html", "2024-06-30-status.json",
        "2024-06-30-status.md", "2024-06-30-status.xlsx",
      ])
    let folder = ws.root.appendingPathComponent("snapshots")
    let first = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 5,
      "a temporary file was left")
    #expect(ws.run(["export", "--as-of", "2024-06-30"]).code == 0)
    let second = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    #expect(first == second)
    let html = String(decoding: first[paths.firstIndex { $0.hasSuffix(".html") }!], as: UTF8.self)
    #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
  }

  @Test func formatAndOutChooseWhatAndWhere() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let r = ws.run(["export", "--as-of", "2024-06-30", "--format", "md,json", "--out", "reports"])
    #expect(r.code == 0)
    let names = try FileManager.default.contentsOfDirectory(
      atPath: ws.root.appendingPathComponent("reports").path)
    #expect(names.sorted() == ["2024-06-30-status.json", "2024-06-30-status.md"])
    #expect(ws.run(["export", "--format", "pdf"]).code == 2)
  }

  @Test func diffComparesTwoExports() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    #expect(ws.run(["record", "t/nev", "150", "--date", "2024-03-31"]).code == 0)
    #expect(ws.run(["export", "--as-of", "2024-03-31", "--format", "json"]).code == 0)
    #expect(ws.run(["record", "t/chargers", "12", "--date", "2024-06-30"]).code == 0)
    #expect(ws.run(["export", "--as-of", "2024-06-30", "--format", "json"]).code == 0)
    let d = ws.run(["diff", "snapshots/2024-03-31-status.json", "snapshots/2024-06-30-status.json"])
    #expect(d.code == 0, "\(d.stderr)")
    #expect(d.stdout.contains("Changes from 2024-03-31 to 2024-06-30"))
    #expect(d.stdout.contains("New figures (1)"))
    let json = ws.run([
      "diff", "snapshots/2024-03-31-status.json", "snapshots/2024-06-30-status.json", "--format",
      "json",
    ])
    let v = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((v["newActuals"] as? [Any])?.count == 1)
    let md = ws.run([
      "diff", "snapshots/2024-03-31-status.json", "snapshots/2024-06-30-status.json", "--format",
      "md",
    ])
    #expect(md.stdout.hasPrefix("# Changes from"))
  }

  @Test func diffExplainsAFileItCannotRead() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    try ws.write("{\n  \"asOf\": \"2024-06-30\",\n  \"targets\": [1,]\n}", to: "bad.json")
    try ws.write("{\"schema\": 9, \"asOf\": \"2024-06-30\", \"targets\": []}", to: "future.json")
    let bad = ws.run(["diff", "bad.json", "bad.json"])
    #expect(bad.code == 1)
    #expect(bad.problem == .invalidJSON, "\(bad.stderr)")
    #expect(bad.stderr.contains("bad.json:3:17:"), "\(bad.stderr)")
    let future = ws.run(["diff", "future.json", "future.json"])
    #expect(future.code == 1)
    #expect(future.problem == .unknownSnapshotSchema, "\(future.stderr)")
    #expect(future.stderr.contains("9"))
    let missing = ws.run(["diff", "missing.json", "bad.json"])
    #expect(missing.code == 1)
    #expect(missing.problem == .cannotReadFile, "\(missing.stderr)")
  }
}
