import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackStore

/// `plantrack import FILE.csv`: bulk actuals, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Import actuals from a CSV or an .xlsx workbook (header key,date,value[,unit,note,source]); all rows or none."
  )

  @OptionGroup var workspace: WorkspaceOptions
  @Argument(help: "The CSV file, or an .xlsx workbook whose first sheet has the same header.")
  var file: String
  @Flag(name: .long, help: "Check the file and report, without writing.") var dryRun = false
  @Option(
    name: .long,
    help: "Why figures of approved periods are corrected (required if the file changes any).")
  var reason: String?
  @Flag(
    name: .long,
    help:
      "Submit the imported figures for review (the reporting cycle), in the same transaction.")
  var submit = false

  func run() throws {
    let ws = try workspace.locate()
    let targets = ws.loadTargets()
    // The first bytes say what it is: a workbook is read part by part, never whole.
    guard let handle = FileHandle(forReadingAtPath: file) else {
      throw CommandFailure(.cannotReadFile, "cannot read \(file)")
    }
    let magic = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
    try? handle.close()
    let entries: [NewEntry]
    let findings: [Finding]
    if magic == [0x50, 0x4B, 0x03, 0x04] {  // a zip: a workbook
      (entries, findings) = XLSXImport.parse(
        URL(fileURLWithPath: file), file: file, targets: targets, user: Frontend.user(),
        time: Frontend.timestamp())
    } else if magic == [0xD0, 0xCF, 0x11, 0xE0] {
      throw CommandFailure(
        .workbookUnreadable,
        "\(file): an Excel 97-2003 (.xls) or WPS workbook; save it as Excel Workbook (.xlsx) or CSV UTF-8"
      )
    } else {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandFailure(.cannotReadFile, "cannot read \(file)")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw CommandFailure(.notUTF8, "\(file): not valid UTF-8 text (save the CSV as UTF-8)")
      }
      (entries, findings) = CSVImport.parse(
        text, file: file, targets: targets, user: Frontend.user(), time: Frontend.timestamp())
    }
    // A workbook that cannot be read at all is one line, not a count of bad rows.
    if findings.count == 1, let f = findings.first,
      [.workbookUnreadable, .workbookRefused].contains(f.code)
    {
      throw CommandFailure(f.code, "\(f.file)\(f.cell.map { ":" + $0 } ?? ""): \(f.message)")
    }
    if !findings.isEmpty {
      for f in findings { Frontend.warn(f.description) }
      throw CommandFailure(
        .importRejected, "nothing imported: \(findings.count) bad row(s) in \(file)")
    }
    if dryRun {
      Frontend.output("\(file): \(entries.count) rows ok (dry run, nothing written)\n")
      return
    }
    let store = try ws.openStore()
    defer { store.close() }
    let cycle = ReportingCycle(
      targets: targets, store: store, user: Frontend.user(of: store), time: Frontend.timestamp(),
      today: Frontend.today())
    let written = try cycle.append(entries, reason: reason, submit: submit)
    let corrected = written.reviews.filter { $0.action == .correct }.count
    let submitted = written.reviews.count - corrected
    Frontend.output(
      "imported \(written.entries.count) entries from \(file)"
        + (corrected == 0 ? "" : "; \(corrected) corrected approved period(s) submitted again")
        + (submitted == 0 ? "" : "; \(submitted) period(s) submitted for review")
        + "\n")
  }
}
