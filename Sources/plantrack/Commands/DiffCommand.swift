import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackExport

/// `plantrack diff OLD.json NEW.json`: what changed between two snapshots.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two JSON snapshots: status changes, new figures, movers, added, removed.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, md
  }

  @Argument(help: "The earlier snapshot (JSON).") var old: String
  @Argument(help: "The later snapshot (JSON).") var new: String
  @Option(name: .long, help: "table, json or md.") var format: Format = .table
  @Option(name: .long, help: "How many of the biggest movers to list.") var movers = 10
  @Option(
    name: .long,
    help: "Label language: en or zh. Default: the settings (plantrack config), else the locale.")
  var lang: Language?

  func read(_ path: String) throws -> JSONValue {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure(.cannotReadFile, "\(path): cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure(.notUTF8, "\(path): not UTF-8 text")
    }
    do {
      return try JSONValue.parse(text)
    } catch let e as JSONParseError {
      throw CommandFailure(e.code, "\(path):\(e.line):\(e.column): \(e.message)")
    }
  }

  func run() throws {
    let diff: SnapshotDiff
    do {
      diff = try SnapshotDiff(old: try read(old), new: try read(new), movers: movers)
    } catch let e as SnapshotError {
      throw CommandFailure(e.code, "\(e)")
    }
    let language = Frontend.language(lang)
    switch format {
    case .table: Frontend.output(diff.table(language: language))
    case .json: Frontend.output(diff.jsonValue().text())
    case .md: Frontend.output(diff.markdown(language: language))
    }
  }
}
