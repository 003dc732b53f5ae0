import Foundation
import PlanTrackCore
import PlanTrackExtract
import Testing

@testable import PlanTrackStore

/// Property tests over every reader of outside input, on inputs mutated from the corpus
/// (Corpus/) and on every input kept in Regressions/. No input may crash, hang or trap; each
/// rejection is a finding or an error of one printable line.
///
/// `PLANTRACK_FUZZ_ITERATIONS` (default 1,500) and `PLANTRACK_FUZZ_SEED` (default fixed, so CI
/// is reproducible) run it longer or elsewhere.
@Suite("Fuzzing the readers", .timeLimit(.minutes(3)))
struct FuzzTests {
  static let iterations =
    Int(ProcessInfo.processInfo.environment["PLANTRACK_FUZZ_ITERATIONS"] ?? "")
    ?? 1_500
  static let seed =
    UInt64(ProcessInfo.processInfo.environment["PLANTRACK_FUZZ_SEED"] ?? "") ?? 20_261_123

  /// Whether `text` is one line a terminal can show as is: no control characters, no bidi
  /// overrides.
  static func isOneSafeLine(_ text: String) -> Bool {
    !text.unicodeScalars.contains { $0.isControlOrBidi }
  }

  static func lineCount(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).count
  }

  /// Lines as YAML counts them: it also breaks lines at a lone CR, NEL, LS and PS.
  static func yamlLineCount(_ text: String) -> Int {
    text.unicodeScalars.split(
      omittingEmptySubsequences: false,
      whereSeparator: { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }
    ).count
  }

  /// Runs `body` on each input of `corpus` written to a file of the same name, in a folder of
  /// its own that is removed afterwards (the readers of whole files take a path).
  static func files(
    _ corpus: String, regressions prefix: String, iterations: Int,
    _ body: (_ label: String, _ url: URL) throws -> Void
  ) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plantrack-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent(corpus)
    for (label, bytes) in inputs(corpus, regressions: prefix, iterations: iterations) {
      try Data(bytes).write(to: url)
      try body(label, url)
    }
  }

  /// The inputs of one run: the corpus file, its mutations, and the regressions of `prefix`.
  static func inputs(_ corpus: String, regressions prefix: String, iterations: Int = iterations)
    -> [(label: String, bytes: [UInt8])]
  {
    let base = Mutator.corpus(corpus)
    var m = Mutator(seed: seed &+ UInt64(corpus.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
    var out: [(String, [UInt8])] = [("corpus \(corpus)", base)]
    out += Mutator.regressions(prefix).map { ("regression \($0.name)", $0.bytes) }
    var current = base
    for i in 0..<iterations {
      // Mostly fresh mutations of the corpus, sometimes mutations of mutations.
      current = m.mutate(m.int(4) == 0 ? current : base)
      out.append(("seed \(seed) iteration \(i)", current))
    }
    return out
  }

  @Test func targetFiles() {
    for (label, bytes) in Self.inputs("target-file.yaml", regressions: "target-") {
      let text = String(decoding: bytes, as: UTF8.self)
      let file = TargetFile.parse(yaml: text, file: "f.yaml")
      let lines = Self.yamlLineCount(text)
      for f in file.findings {
        #expect(f.line >= 0 && f.line <= lines + 1, "\(label): \(f)")
        #expect(Self.isOneSafeLine(f.description), "\(label): \(f.description.debugDescription)")
      }
      for t in file.targets {
        #expect(t.milestones.allSatisfy { $0.goal.pathValue(t.direction).isFinite }, "\(label)")
      }
      if file.findings.contains(where: { $0.severity == .error }) == false, file.document == nil {
        Issue.record("\(label): no document and no error")
      }
    }
  }

  @Test func csvImports() {
    let targets = TargetSet(files: [
      TargetFile.parse(
        yaml: String(decoding: Mutator.corpus("target-file.yaml"), as: UTF8.self), file: "t.yaml")
    ])
    for (label, bytes) in Self.inputs("actuals.csv", regressions: "csv-") {
      let text = String(decoding: bytes, as: UTF8.self)
      let (entries, findings) = CSVImport.parse(
        text, file: "a.csv", targets: targets, user: "fuzz", time: "2026-01-01T00:00:00Z")
      let errors = findings.filter { $0.severity == .error }
      #expect(entries.isEmpty || errors.isEmpty, "\(label): entries and errors at once")
      for e in entries {
        if let v = e.value {
          #expect(v.isFinite && abs(v) <= ValueInput.maximumMagnitude, "\(label): \(v)")
        }
        #expect(targets.target(key: e.key) != nil, "\(label): \(e.key)")
      }
      let lines = Self.lineCount(text)
      for f in findings {
        #expect(f.line >= 0 && f.line <= lines + 1, "\(label): \(f)")
        #expect(Self.isOneSafeLine(f.description), "\(label): \(f.description.debugDescription)")
      }
    }
  }

  /// The workbook reader's XML: any mutation of a sheet gives events or one failure.
  @Test func workbookXML() {
    for (label, bytes) in Self.inputs("sheet.xml", regressions: "xml-") {
      var scanner = XMLScanner(bytes)
      var events = 0
      do {
        while try scanner.next() != nil {
          events += 1
          if events > bytes.count + 1 {
            Issue.record("\(label): more events than bytes")
            break
          }
        }
      } catch {
        // Short: what is quoted from the input is cut (and escaped).
        #expect(!error.message.isEmpty && error.message.count <= 200, "\(label): \(error.message)")
      }
    }
  }

  /// Whole workbooks, mutated byte by byte: imported entirely or refused, every finding one
  /// printable line.
  @Test func workbooks() throws {
    let targets = TargetSet(files: [
      TargetFile.parse(
        yaml: String(decoding: Mutator.corpus("target-file.yaml"), as: UTF8.self), file: "t.yaml")
    ])
    try Self.files(
      "workbook.xlsx", regressions: "xlsx-", iterations: max(Self.iterations / 5, 20)
    ) { label, url in
      let (entries, findings) = XLSXImport.parse(
        url, file: "workbook.xlsx", targets: targets, user: "fuzz", time: "2026-01-01T00:00:00Z")
      #expect(entries.isEmpty || findings.isEmpty, "\(label): entries and errors at once")
      for f in findings {
        #expect(Self.isOneSafeLine(f.description), "\(label): \(f.description.debugDescription)")
        // A cell's place is a real reference on the sheet: Sheet!D12.
        if let cell = f.cell {
          #expect(cell.wholeMatch(of: #/[^!]+![A-Z]{1,3}[1-9][0-9]*/#) != nil, "\(label): \(cell)")
        }
      }
    }
  }

  @Test func valuesAndDates() throws {
    let units = try ["万辆", "%", "家", "亿元", "万千瓦", "个百分点", "万元/人"].map(MeasureUnit.init(parsing:))
    let lines = String(decoding: Mutator.corpus("values.txt"), as: UTF8.self)
      .split(separator: "\n").map { Array($0.utf8) }
    var m = Mutator(seed: Self.seed)
    for i in 0..<(Self.iterations * 4) {
      let text = String(decoding: m.mutate(lines[i % lines.count]), as: UTF8.self)
      let unit = units[i % units.count]
      do {
        let v = try ValueInput.parse(text, targetUnit: unit)
        #expect(
          v.isFinite && abs(v) <= ValueInput.maximumMagnitude, "\(text.debugDescription) → \(v)")
      } catch {
        #expect(
          Self.isOneSafeLine("\(error)"), "\(text.debugDescription): \("\(error)".debugDescription)"
        )
      }
      let date = String(decoding: m.mutate(Array("2024-02-29".utf8)), as: UTF8.self)
      if let d = Day(iso: date) {
        #expect(Day(iso: d.iso) == d && d.iso == date, "\(date.debugDescription) → \(d.iso)")
      }
    }
  }

  @Test func extraction() {
    for corpus in ["plan-004.txt", "plan-002.txt"] {
      for (label, bytes) in Self.inputs(
        corpus, regressions: "plan-", iterations: Self.iterations / 10)
      {
        let text = String(decoding: bytes, as: UTF8.self)
        let x = Extractor(year: 2024).extract(text, fileName: "f.txt")
        let lines = Self.lineCount(text)
        for c in x.candidates {
          #expect(c.value.isFinite && (c.valueMax?.isFinite ?? true), "\(label): \(c.value)")
          #expect(c.line >= 1 && c.line <= lines, "\(label): line \(c.line) of \(lines)")
        }
        // What extract writes is a target file that reads back without a YAML error.
        for (id, yaml) in x.yamlFiles(sourceFile: "f.txt") {
          let file = TargetFile.parse(yaml: yaml, file: id + ".yaml")
          let syntax = file.findings.filter { $0.code == .yamlSyntax }
          #expect(syntax.isEmpty, "\(label): \(syntax.map(\.description))")
        }
      }
    }
  }

  /// Word documents mutated byte by byte: read as paragraphs, or refused in one printable line.
  @Test func wordDocuments() throws {
    try Self.files(
      "plan.docx", regressions: "docx-", iterations: max(Self.iterations / 5, 20)
    ) { label, url in
      do {
        let text = try DocxText.text(url)
        let x = Extractor(year: 2023).extract(text, fileName: "plan.docx")
        #expect(x.candidates.allSatisfy { $0.line >= 1 && $0.line <= Self.lineCount(text) })
      } catch let error as DocumentFailure {
        #expect(
          Self.isOneSafeLine(error.description), "\(label): \(error.description.debugDescription)")
      }
    }
  }

  /// PDFs mutated byte by byte, read through pdftotext: pages of text whose furniture and
  /// tables are rewritten line for line, or one printable line of refusal. Each input starts a
  /// converter, so fewer of them.
  @Test func pdfDocuments() throws {
    var read = 0
    try Self.files(
      "plan.pdf", regressions: "pdf-", iterations: max(Self.iterations / 30, 10)
    ) { label, url in
      do {
        let pages = try PdfText.pages(url)
        read += 1
        let plan = PlanPages(pages: pages)
        #expect(Self.lineCount(plan.text) == pages.map(\.count).reduce(0, +), "\(label)")
        let x = Extractor(year: 2023).extract(plan.text, fileName: "plan.pdf")
        let source = PlanSource(file: "plan.pdf", pageStarts: plan.pageStarts)
        for c in x.candidates {
          let place = source.place(ofLine: c.line)
          #expect(place.page.map { $0 >= 1 && $0 <= pages.count } == true, "\(label)")
          #expect(place.line >= 1 && place.line <= pages[place.page! - 1].count, "\(label)")
        }
      } catch let error as DocumentFailure {
        #expect(
          Self.isOneSafeLine(error.description), "\(label): \(error.description.debugDescription)")
      }
    }
    #expect(read >= 1, "the corpus PDF itself reads")
  }

  /// The page reader on mutated layout text (pages apart by form feeds): every line stays in
  /// its place, whatever the furniture and tables.
  @Test func pageLayouts() {
    for (label, bytes) in Self.inputs(
      "layout.txt", regressions: "layout-", iterations: Self.iterations / 3)
    {
      let text = String(decoding: bytes, as: UTF8.self)
      let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
        $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      }
      let plan = PlanPages(pages: pages)
      #expect(Self.lineCount(plan.text) == pages.map(\.count).reduce(0, +), "\(label)")
      #expect(plan.pageStarts.count == pages.count, "\(label)")
      #expect(zip(plan.pageStarts, plan.pageStarts.dropFirst()).allSatisfy { $0 <= $1 }, "\(label)")
    }
  }

  /// Settings files mutated: every problem is one printable warning inside the file, the
  /// defaults stand in for the rest, and the key map never gives one key two actions.
  @Test func settingsFiles() {
    for (label, bytes) in Self.inputs("config.yaml", regressions: "config-") {
      let text = String(decoding: bytes, as: UTF8.self)
      let lines = Self.yamlLineCount(text)
      for scope in [SettingsFile.Scope.user, .workspace] {
        let layer = SettingsFile.parse(yaml: text, file: "c.yaml", scope: scope)
        let effective = EffectiveSettings(layers: [layer])
        for f in effective.findings {
          #expect(f.severity == .warning, "\(label): \(f)")
          #expect(Self.isOneSafeLine(f.description), "\(label): \(f.description.debugDescription)")
          #expect(f.line <= lines + 1, "\(label): line \(f.line) of \(lines)")
        }
        let s = effective.settings
        #expect(s.thresholds.onTrackShortfall < s.thresholds.accelerationShortfall, "\(label)")
        for view in DashboardAction.View.allCases {
          var owner: [Key: DashboardAction] = [:]
          for action in DashboardAction.actions(of: view) {
            for key in effective.keyMap.keys(for: action, in: view) {
              #expect(owner[key] == nil, "\(label): \(key) twice in the \(view)")
              owner[key] = action
            }
          }
        }
      }
    }
  }
}
