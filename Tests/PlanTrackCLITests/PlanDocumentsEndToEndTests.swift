import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

/// Plans as they arrive: the seeds printed to PDF and saved as Word by LibreOffice
/// (`scripts/plan-documents`: tables, a running header and page numbers on every page), read by
/// `plantrack extract` through poppler's pdftotext and the .docx reader, give the goals the
/// text gives. Under CI a missing LibreOffice or pdftotext fails these tests.
@Suite(.serialized) struct PlanDocumentsEndToEndTests {
  static let seeds = ExtractEndToEndTests.seeds
  static let names = [
    "000_78b1c5a58d543da8", "001_c451f66ac93ca09b", "002_0b5312900d730c35",
    "003_cb93982c783a916b", "004_0cfda77acafe7ff7",
  ]

  /// The folder with every seed as .docx and .pdf, made once for the suite.
  static let made: Result<URL, Spawn.Failure> = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("plantrack-plans-\(UUID().uuidString)")
    let script = CLI.packageRoot.appendingPathComponent("scripts/plan-documents").path
    let seedFiles = names.map { seeds.appendingPathComponent($0 + ".txt").path }
    do {
      let r = try Spawn.run("/usr/bin/python3", [script, folder.path] + seedFiles, within: 600)
      guard r.code == 0 else {
        return .failure(Spawn.Failure(description: "plan-documents failed: \(r.stderr)"))
      }
      return .success(folder)
    } catch let failure as Spawn.Failure {
      return .failure(failure)
    } catch {
      return .failure(Spawn.Failure(description: "\(error)"))
    }
  }()

  /// What a candidate says, apart from where it stands.
  struct Goal: Hashable {
    var value: Double
    var valueMax: Double?
    var unit: String
    var comparator: String
    var due: String?
  }

  static func candidates(_ file: String, _ extra: [String] = []) throws -> [[String: Any]] {
    let ws = try TempWorkspace()
    let r = ws.run(["extract", file, "--format", "json"] + extra)
    #expect(r.code == 0, "\(file): \(r.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
  }

  static func goals(_ array: [[String: Any]]) -> [Goal: Int] {
    var counts: [Goal: Int] = [:]
    for c in array {
      let goal = Goal(
        value: (c["value"] as? NSNumber)?.doubleValue ?? .nan,
        valueMax: (c["valueMax"] as? NSNumber)?.doubleValue, unit: c["unit"] as? String ?? "",
        comparator: c["comparator"] as? String ?? "", due: c["due"] as? String)
      counts[goal, default: 0] += 1
    }
    return counts
  }

  static let cases: [(String, String)] = names.flatMap { [($0, "pdf"), ($0, "docx")] }

  /// At least 95% of the candidates agree in value, unit, comparator and deadline (measured:
  /// 100% for every file but seed 003's PDF, 99.1%: one count read from a table cell).
  @Test(arguments: cases)
  func aDocumentGivesTheGoalsOfItsText(_ name: String, _ ext: String) throws {
    let folder = try Self.made.get()
    let text = Self.goals(
      try Self.candidates(Self.seeds.appendingPathComponent(name + ".txt").path))
    let document = Self.goals(
      try Self.candidates(folder.appendingPathComponent("\(name).\(ext)").path))
    let common = text.reduce(0) { $0 + min($1.value, document[$1.key] ?? 0) }
    let total = max(text.values.reduce(0, +), document.values.reduce(0, +))
    #expect(total > 50)
    let agreement = Double(common) / Double(total)
    #expect(agreement >= 0.95, "\(name).\(ext): \(common) of \(total) agree")
  }

  /// Every candidate from the PDF cites a page and a line on which its number stands (as
  /// `pdftotext -layout` prints the page); every one from the .docx cites its paragraph.
  @Test func aPDFCandidateCitesThePageAndLineOfItsNumber() throws {
    let pdf = try Self.made.get().appendingPathComponent("004_0cfda77acafe7ff7.pdf")
    let layout = try Spawn.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
    let pages = layout.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.filter { !$0.isWhitespace }
      }
    }
    let found = try Self.candidates(pdf.path)
    #expect(found.count == 165)
    var pagesSeen = Set<Int>()
    for c in found {
      let page = try #require(c["page"] as? Int)
      let line = try #require(c["line"] as? Int)
      pagesSeen.insert(page)
      // The number stands on that line as a whole number (not inside 1200 for 200), and the
      // quote's first words are there too.
      let value = NumberText.plain((c["value"] as? NSNumber)?.doubleValue ?? .nan)
      let text = pages[page - 1][line - 1]
      let digit = { (c: Character) in c.isASCII && (c.isNumber || c == ".") }
      let asToken = text.ranges(of: value).contains { r in
        (r.lowerBound == text.startIndex || !digit(text[text.index(before: r.lowerBound)]))
          && (r.upperBound == text.endIndex || !digit(text[r.upperBound]))
      }
      #expect(asToken, "p\(page):l\(line) lacks \(value): \(c)")
    }
    #expect(pagesSeen.count >= 10)
  }

  /// `extract plan.pdf --out targets` writes a target file that cites pages and records the
  /// file's SHA-256, and the workspace loads it.
  @Test func aPDFBecomesATargetFileWithPagesAndItsDigest() throws {
    let pdf = try Self.made.get().appendingPathComponent("004_0cfda77acafe7ff7.pdf")
    let ws = try TempWorkspace()
    let r = ws.run(["extract", pdf.path, "--year", "2023", "--out", "targets"])
    #expect(r.code == 0, "\(r.stderr)")
    let written = try String(
      contentsOf: ws.root.appendingPathComponent("targets/doc-2023-5-39b8.yaml"), encoding: .utf8)
    let digest = try Spawn.run("/usr/bin/sha256sum", [pdf.path]).stdout.prefix(64)
    #expect(digest.count == 64)
    #expect(
      written.contains(
        "source: { file: \"004_0cfda77acafe7ff7.pdf\", sha256: \(digest) }"))
    #expect(written.contains("- id: p1-l37\n"), "\(written.prefix(1500))")
    #expect(written.contains("page: 1, line: 37, quote: \"力争 2023 年全国重点实验室达到 25 家以上\""))
    let check = ws.run(["check"])
    #expect(check.code == 0 && check.stdout.hasPrefix("ok: 1 documents, 165 targets"), "\(check)")
  }

  /// A PDF that cannot be read is one line naming the file and what to do, exit 1, and nothing
  /// written: not a PDF, a broken one, a scan without text, one locked with a password, and a
  /// machine without pdftotext.
  @Test func pdfsThatCannotBeReadAreOneLineEach() throws {
    let ws = try TempWorkspace()
    try ws.write("<html>not a plan</html>", to: "page.pdf")
    try ws.write("%PDF-1.7\n1 0 obj <</Type/Catalog broken", to: "broken.pdf")
    // A page that draws a rectangle and no text, as a scanner's image page has no text.
    let scan = """
      import sys
      objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>"]
      draw = b"0 0 0 rg 100 100 300 500 re f"
      objects.append(b"<</Length %d>>stream\\n" % len(draw) + draw + b"\\nendstream")
      out = b"%PDF-1.4\\n"
      offsets = []
      for i, o in enumerate(objects):
          offsets.append(len(out))
          out += b"%d 0 obj\\n" % (i + 1) + o + b"\\nendobj\\n"
      xref = len(out)
      out += b"xref\\n0 %d\\n0000000000 65535 f \\n" % (len(objects) + 1)
      out += b"".join(b"%010d 00000 n \\n" % o for o in offsets)
      out += b"trailer <</Size %d/Root 1 0 R>>\\nstartxref\\n%d\\n%%%%EOF\\n" % (len(objects) + 1, xref)
      open(sys.argv[1], "wb").write(out)
      """
    let made = try Spawn.run(
      "/usr/bin/python3", ["-c", scan, ws.root.appendingPathComponent("scan.pdf").path])
    #expect(made.code == 0, "\(made.stderr)")
    // A PDF that opens only with a password, as LibreOffice writes one.
    try ws.write("到2025年，全省新能源汽车保有量达到240万辆。\n", to: "locked.txt")
    let options =
      #"pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"#
      + #""DocumentOpenPassword":{"type":"string","value":"secret"}}"#
    try LibreOffice.convert(
      ws.root.appendingPathComponent("locked.txt"), to: options, into: ws.root,
      filter: "Text (encoded):UTF8")
    try FileManager.default.createDirectory(
      at: ws.root.appendingPathComponent("out"), withIntermediateDirectories: true)
    let cases: [(String, [String: String], ProblemCode, String)] = [
      ("page.pdf", [:], .documentUnreadable, "page.pdf: not a PDF file"),
      ("broken.pdf", [:], .documentUnreadable, "broken.pdf: not a readable PDF"),
      ("scan.pdf", [:], .documentWithoutText, "scan.pdf: no text layer in its 1 page(s)"),
      ("locked.pdf", [:], .documentEncrypted, "locked.pdf: the PDF is locked with a password"),
      ("page.pdf", ["PATH": "/nonexistent"], .documentUnreadable, "page.pdf: not a PDF file"),
      ("scan.pdf", ["PATH": "/nonexistent"], .documentFormat, "install the package poppler-utils"),
    ]
    for (file, env, code, message) in cases {
      let r = ws.run(["extract", file, "--out", "out"], env: env)
      #expect(r.code == 1, "\(file): \(r)")
      #expect(r.problem == code, "\(file): \(r.stderr)")
      #expect(r.stderrLines.count == 1 && r.stderr.contains(message), "\(file): \(r.stderr)")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: ws.root.appendingPathComponent("out").path
      ).isEmpty)
  }
}
