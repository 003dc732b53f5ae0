import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackExtract
import PlanTrackStore

/// `plantrack extract PLAN.txt`: proposes the goals of a plan's text as candidate targets.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Propose candidate targets from the text of a plan document.",
    discussion: """
      Reads a PDF (through poppler's pdftotext), a Word .docx, or text extracted from a PDF
      (wrapped lines, full-width and garbled-font digits are fine) and prints the goals it finds: as target-file YAML to review and save under targets/, or
      with --format json as the array described in docs/FORMATS.md. Every candidate carries
      the line where its number stands (in a PDF, its page and line) and the clause it quotes;
      review each one.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case yaml, json
  }

  @Argument(help: "The plan: a .pdf, a .docx or a UTF-8 text file; - reads standard input.")
  var file: String

  @Option(help: "The document's year, for 年底/年内/今年 (default: the year of its 文号).")
  var year: Int?

  @Option(help: "yaml (target files) or json.")
  var format: Format = .yaml

  @Option(
    help: ArgumentHelp(
      "Write one target file per document into this folder (e.g. targets) instead of printing.",
      valueName: "dir"))
  var out: String?

  @Flag(help: "Print the normalised paragraphs with their first lines instead of goals.")
  var showText = false

  /// Writes each file as `<dir>/<id>.yaml`; refuses, writing nothing, if any exists already.
  func write(_ files: [(id: String, text: String)], into dir: String) throws {
    let folder = URL(fileURLWithPath: dir, isDirectory: true)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw CommandFailure(.outputFolderMissing, "\(dir): no such folder") }
    let targets = files.map { (folder.appendingPathComponent($0.id + ".yaml"), $0.text) }
    if let existing = targets.first(where: { FileManager.default.fileExists(atPath: $0.0.path) }) {
      throw CommandFailure(
        .outputFileExists, "\(existing.0.path) exists already; nothing written")
    }
    for (url, text) in targets {
      try AtomicFile.write(text, to: url)
      Frontend.output(url.path + "\n")
    }
  }

  func validate() throws {
    if out != nil, format == .json {
      throw ValidationError("--out writes target files (YAML); leave out --format json")
    }
    if let year, !(1949...2100).contains(year) {
      throw ValidationError("--year must be between 1949 and 2100, not \(year)")
    }
  }

  /// The plan's text and where it came from: a .pdf through pdftotext (page by page, headers,
  /// footers and page numbers left out), a .docx read directly (a line per paragraph), else
  /// UTF-8 text.
  func planText(_ url: URL) throws -> (String, PlanSource) {
    let ext = url.pathExtension.lowercased()
    let name = file == "-" ? "stdin" : url.lastPathComponent
    if file != "-", ["doc", "wps"].contains(ext) {
      throw CommandFailure(
        .documentFormat,
        "\(file): a .\(ext) file is read after converting it: soffice --headless --convert-to docx \(file)"
      )
    }
    let data: Data
    do {
      data =
        file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: url)
    } catch {
      throw CommandFailure(.cannotReadFile, "\(file): cannot read the file")
    }
    let sha = SHA256.hex(data)
    if file != "-", ext == "pdf" {
      let pages = PlanPages(pages: try PdfText.pages(url))
      return (pages.text, PlanSource(file: name, sha256: sha, pageStarts: pages.pageStarts))
    }
    if file != "-", ext == "docx" {
      return (try DocxText.text(url), PlanSource(file: name, sha256: sha))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure(.notUTF8, "\(file): not UTF-8 text")
    }
    return (text, PlanSource(file: name, sha256: file == "-" ? nil : sha))
  }

  func run() throws {
    let url = URL(fileURLWithPath: file)
    let (text, source) = try planText(url)
    let name = source.file
    let extractor = Extractor(year: year, shortLinesEndParagraphs: source.pageStarts == nil)
    if showText {
      for p in extractor.paragraphs(text) {
        // Text from a document never reaches the terminal as control characters.
        Frontend.output(
          "\(source.citation(ofLine: p.firstLine)): \(p.string)".escapingControls + "\n")
      }
      return
    }
    let extraction = extractor.extract(text, fileName: name)
    if let out {
      try write(extraction.yamlFiles(source: source), into: out)
    } else {
      switch format {
      case .json: Frontend.output(extraction.jsonValue(source: source).text())
      case .yaml: Frontend.output(extraction.yaml(source: source))
      }
    }
    let documents = Set(extraction.candidates.map(\.document)).count
    Frontend.warn(
      "extract: \(extraction.candidates.count) candidate goals in \(documents) of "
        + "\(extraction.documents.count) documents; review each against its quote")
  }
}
