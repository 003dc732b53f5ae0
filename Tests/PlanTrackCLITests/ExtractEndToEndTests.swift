import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

/// `plantrack extract` driven as a user runs it: the seeds in, JSON and YAML out.
@Suite struct ExtractEndToEndTests {
  static let seeds = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/seeds")

  struct Found: Equatable {
    var line: Int
    var value: Double
    var valueMax: Double?
    var unit: String
    var comparator: String
    var due: String?
  }

  static func extract(_ seed: String, _ extra: [String] = []) throws -> [Found] {
    let ws = try TempWorkspace()
    let r = ws.run(
      ["extract", seeds.appendingPathComponent(seed).path, "--format", "json"] + extra)
    #expect(r.code == 0, "\(r.stderr)")
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    for c in array {
      for key in [
        "metric", "value", "valueMax", "unit", "comparator", "kind", "due", "line", "quote", "lead",
      ] {
        #expect(c.keys.contains(key), "candidate without \(key): \(c)")
      }
    }
    return array.map { c in
      Found(
        line: c["line"] as? Int ?? 0, value: (c["value"] as? NSNumber)?.doubleValue ?? .nan,
        valueMax: (c["valueMax"] as? NSNumber)?.doubleValue, unit: c["unit"] as? String ?? "",
        comparator: c["comparator"] as? String ?? "", due: c["due"] as? String)
    }
  }

  /// Goals of seed 004 (山东省…2023年重点工作任务) checked by hand against the text.
  @Test func seed004GivesItsGoalsWithValuesUnitsComparatorsDeadlinesAndLines() throws {
    let found = try Self.extract("004_0cfda77acafe7ff7.txt", ["--year", "2023"])
    let expected: [Found] = [
      Found(line: 29, value: 25, unit: "家", comparator: ">=", due: "2023-12-31"),
      Found(line: 30, value: 1, valueMax: 2, unit: "家", comparator: "range", due: "2023-12-31"),
      Found(line: 35, value: 5.8, unit: "%", comparator: ">=", due: "2023-12-31"),
      Found(line: 39, value: 2.8, unit: "万家", comparator: ">=", due: "2023-12-31"),
      Found(line: 39, value: 3.6, unit: "万家", comparator: ">=", due: "2023-12-31"),
      Found(line: 51, value: 790, unit: "名", comparator: "~", due: "2023-12-31"),
      Found(line: 57, value: 1, unit: "万个", comparator: "~", due: "2023-12-31"),
      Found(line: 101, value: 7500, unit: "万千瓦", comparator: ">=", due: "2023-12-31"),
      Found(line: 105, value: 200, unit: "万千瓦", comparator: ">=", due: "2023-12-31"),
      Found(line: 117, value: 2100, unit: "万吨", comparator: ">=", due: "2023-12-31"),
      Found(line: 117, value: 5, unit: "亿立方米", comparator: ">=", due: "2023-12-31"),
      Found(line: 147, value: 20914, unit: "个", comparator: ">=", due: "2023-12-31"),
      Found(line: 157, value: 241.1, unit: "亿立方米", comparator: "<=", due: "2023-12-31"),
      Found(line: 193, value: 760, unit: "亿斤", comparator: ">=", due: "2023-12-31"),
      Found(line: 309, value: 1000, unit: "场", comparator: ">=", due: "2023-12-31"),
    ]
    for e in expected {
      #expect(found.contains(e), "missing or wrong: \(e)")
    }
    // Not goals: an eligibility threshold, a qualifier of the plants closed, a project name.
    #expect(!found.contains { $0.line == 57 && $0.value == 500 })
    #expect(!found.contains { $0.line == 105 && $0.value == 30 })
    #expect(!found.contains { $0.line == 103 && $0.value == 900 })
    #expect(!found.contains { $0.line == 5 || $0.line == 7 || $0.line == 19 }, "文号 or date")
  }

  @Test func garbledFontDigitsAreDecodedAtTheirLines() throws {
    let s002 = try Self.extract("002_0b5312900d730c35.txt")
    #expect(s002.contains { $0.line == 560 && $0.value == 0.8 })
    let s001 = try Self.extract("001_c451f66ac93ca09b.txt")
    #expect(
      s001.contains {
        $0.line == 2511 && $0.value == 1.6 && $0.unit == "亿吨" && $0.due == "2025-12-31"
      })
  }

  @Test func yamlOutputIsATargetFileThatChecks() throws {
    let ws = try TempWorkspace()
    let r = ws.run(["extract", Self.seeds.appendingPathComponent("004_0cfda77acafe7ff7.txt").path])
    #expect(r.code == 0)
    #expect(r.stdout.hasPrefix("# Candidate targets"))
    try ws.write(r.stdout, to: "targets/doc-2023-5-39b8.yaml")
    let check = ws.run(["check"])
    #expect(check.code == 0, "\(check.stderr)")
    #expect(check.stdout.hasPrefix("ok: 1 documents, 1"), "\(check.stdout)")
    let status = ws.run(["status", "--as-of", "2023-06-30", "--format", "csv"])
    #expect(status.code == 0)
    #expect(status.stdout.contains("全省高新技术企业"))
  }

  @Test func outWritesOneTargetFilePerDocumentAndNeverOverwrites() throws {
    let ws = try TempWorkspace()
    let seed = Self.seeds.appendingPathComponent("001_c451f66ac93ca09b.txt").path
    let r = ws.run(["extract", seed, "--out", "targets"])
    #expect(r.code == 0, "\(r.stderr)")
    let written = r.stdout.split(separator: "\n").map(String.init)
    #expect(written.count >= 3, "\(written)")
    let names = try FileManager.default.contentsOfDirectory(
      atPath: ws.root.appendingPathComponent("targets").path)
    #expect(Set(names) == Set(written.map { URL(fileURLWithPath: $0).lastPathComponent }))
    #expect(names.allSatisfy { $0.hasPrefix("doc-2023-") && $0.hasSuffix(".yaml") })
    let before = try Data(contentsOf: URL(fileURLWithPath: written[0]))
    let again = ws.run(["extract", seed, "--out", "targets"])
    #expect(again.code == 1)
    #expect(again.problem == .outputFileExists, "\(again.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: written[0])) == before)
    #expect(ws.run(["extract", seed, "--out", "targets", "--format", "json"]).code == 2)
    let nowhere = ws.run(["extract", seed, "--out", "nowhere"])
    #expect(nowhere.code == 1)
    #expect(nowhere.problem == .outputFolderMissing, "\(nowhere.stderr)")
  }

  @Test func badInputIsOneLineAndANonZeroExit() throws {
    let ws = try TempWorkspace()
    try ws.write("", to: "empty.txt")
    let empty = ws.run(["extract", "empty.txt", "--format", "json"])
    #expect(empty.code == 0)
    #expect(empty.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")

    let missing = ws.run(["extract", "nowhere.txt"])
    #expect(missing.code == 1)
    #expect(missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
    #expect(missing.problem == .cannotReadFile, "\(missing.stderr)")
    #expect(missing.stderr.contains("nowhere.txt"))

    try Data([0xFF, 0xFE, 0x41, 0xC3]).write(to: ws.root.appendingPathComponent("latin.txt"))
    let latin = ws.run(["extract", "latin.txt"])
    #expect(latin.code == 1)
    #expect(latin.problem == .notUTF8, "\(latin.stderr)")
    #expect(latin.stdout.isEmpty)

    for args in [
      ["extract"], ["extract", "x.txt", "--year", "3000"], ["extract", "x.txt", "--format", "xml"],
    ] {
      #expect(ws.run(args).code == 2, "\(args)")
    }
  }

  /// A plan as a Word document reads like its text: a .docx whose paragraphs are a seed's
  /// lines (written by Python's zipfile, as Word lays out a plain document) gives the same
  /// candidates, at the same lines (a line is a paragraph). A table row is one line with its
  /// cells apart by tabs; deleted text of tracked changes is not read.
  @Test(arguments: ["002_0b5312900d730c35.txt", "004_0cfda77acafe7ff7.txt"])
  func aDocxReadsLikeItsText(_ seed: String) throws {
    let ws = try TempWorkspace()
    let script = """
      import html, sys, zipfile
      lines = open(sys.argv[1], encoding="utf-8").read().split("\\n")
      p = lambda l: '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % html.escape(l, quote=False)
      body = "".join(p(l) for l in lines)
      with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
          z.writestr("[Content_Types].xml", "<Types/>")
          z.writestr("word/document.xml", '<w:document xmlns:w="w"><w:body>' + body + "</w:body></w:document>")
      """
    let docx = ws.root.appendingPathComponent("plan.docx")
    let made = try Spawn.run(
      "/usr/bin/python3", ["-c", script, Self.seeds.appendingPathComponent(seed).path, docx.path])
    #expect(made.code == 0, "\(made.stderr)")
    let fromText = try Self.extract(seed)
    let r = ws.run(["extract", docx.path, "--format", "json"])
    #expect(r.code == 0, "\(r.stderr)")
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    let fromDocx = array.map { c in
      Found(
        line: c["line"] as? Int ?? 0, value: (c["value"] as? NSNumber)?.doubleValue ?? .nan,
        valueMax: (c["valueMax"] as? NSNumber)?.doubleValue, unit: c["unit"] as? String ?? "",
        comparator: c["comparator"] as? String ?? "", due: c["due"] as? String)
    }
    #expect(!fromText.isEmpty && fromDocx == fromText)
  }

  @Test func tablesAndTrackedChangesInADocx() throws {
    let ws = try TempWorkspace()
    let script = """
      import zipfile, sys
      doc = ('<w:document xmlns:w="w"><w:body>'
        '<w:p><w:r><w:t>到2025年，</w:t></w:r><w:del><w:r><w:delText>全省</w:delText></w:r></w:del>'
        '<w:r><w:t>新能源汽车保有量达到240万辆。</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2025年</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '</w:body></w:document>')
      with zipfile.ZipFile(sys.argv[1], "w") as z:
          z.writestr("word/document.xml", doc)
      """
    let docx = ws.root.appendingPathComponent("t.docx")
    #expect(try Spawn.run("/usr/bin/python3", ["-c", script, docx.path]).code == 0)
    let r = ws.run(["extract", docx.path, "--show-text"])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("到2025年，新能源汽车保有量达到240万辆。") && !r.stdout.contains("全省"), "\(r.stdout)")
    // .doc and .wps are read after converting them; a broken .docx is one line.
    try ws.write("x", to: "old.doc")
    let doc = ws.run(["extract", "old.doc"])
    #expect(
      doc.code == 1 && doc.problem == .documentFormat && doc.stderr.contains("--convert-to docx"))
    try ws.write("PK\u{3}\u{4}broken", to: "broken.docx")
    let broken = ws.run(["extract", "broken.docx"])
    #expect(
      broken.code == 1 && broken.problem == .documentUnreadable && broken.stderrLines.count == 1)
  }
}
