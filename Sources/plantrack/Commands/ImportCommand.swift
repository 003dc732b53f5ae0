import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackStore

/// `plantrack import FILE.csv`: bulk actuals, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import actuals from a CSV (key,date,value[,unit,note,source]); all rows or none.")

  @OptionGroup var workspace: WorkspaceOptions
  @Argument(help: "The CSV file.") var file: String
  @Flag(name: .long, help: "Check the file and report, without writing.") var dryRun = false

  func run() throws {
    let ws = try workspace.locate()
    let targets = ws.loadTargets()
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CommandFailure(.cannotReadFile, "cannot read \(file)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure(.notUTF8, "\(file): not valid UTF-8 text (save the CSV as UTF-8)")
    }
    let (entries, findings) = CSVImport.parse(
      text, file: file, targets: targets, user: Frontend.user(), time: Frontend.timestamp())
    if !findings.isEmpty {
      for f in findings { Frontend.warn(f.description) }
      throw CommandFailure(
        .importRejected, "nothing imported: \(findings.count) bad row(s) in \(file)")
    }
    if dryRun {
      Frontend.output("\(file): \(entries.count) rows ok (dry run, nothing written)\n")
      return
    }
    let stored = try ws.openStore().append(entries)
    Frontend.output("imported \(stored.count) entries from \(file)\n")
  }
}
