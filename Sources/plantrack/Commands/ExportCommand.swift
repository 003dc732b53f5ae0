import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack export`: status snapshots into snapshots/ (md, json, csv, html).
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write status snapshots: <as-of>-status.md, .json, .csv, .html and .xlsx.",
    discussion: """
      Files are written atomically and are the same bytes for the same data and as-of date.
      The JSON (schema 3) is what `plantrack diff` compares; the workbook has a sheet of every
      target's status fields (sortable, filterable) and a summary sheet.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var filter: FilterOptions
  @OptionGroup var approved: ApprovedOnlyOption
  @Option(
    name: .long, help: "Comma-separated formats: md, json, csv, html, xlsx (default: all five).",
    transform: ExportCommand.formats)
  var format: [Snapshot.Format] = Snapshot.Format.allCases
  @Option(name: .long, help: "The folder to write into (default: snapshots/ in the workspace).")
  var out: String?
  @Option(
    name: .long,
    help: "Label language: en or zh. Default: the settings (plantrack config), else the locale.")
  var lang: Language?
  @Flag(name: .long, help: "Export generated demo figures (as `plantrack demo` shows them).")
  var demo = false

  static func formats(_ text: String) throws -> [Snapshot.Format] {
    var result: [Snapshot.Format] = []
    for part in text.split(separator: ",") {
      let name = part.trimmingCharacters(in: .whitespaces).lowercased()
      guard let f = Snapshot.Format(rawValue: name == "markdown" ? "md" : name) else {
        throw ValidationError("unknown format “\(name)”; use md, json, csv, html")
      }
      if !result.contains(f) { result.append(f) }
    }
    guard !result.isEmpty else { throw ValidationError("--format needs at least one format") }
    return result
  }

  func run() throws {
    let day = asOf.day
    let ws: Workspace
    var data: WorkspaceData
    if demo {
      ws = try workspace.locate()
      let targets = ws.loadTargets()
      data = WorkspaceData(
        targets: targets, series: DemoData.series(for: targets, asOf: day))
    } else {
      (ws, data) = try workspace.load(reviews: .at(day, approved: approved.approvedOnly))
      data = approved.apply(data, asOf: day)
    }
    let statuses = data.statuses(asOf: day, filter: try filter.parsed())
    let label = demo ? DemoCommand.label : nil
    let folder = out.map { URL(fileURLWithPath: $0) } ?? ws.root.appendingPathComponent("snapshots")
    let paths = try SnapshotWriter.write(
      Snapshot(
        asOf: day, statuses: statuses, label: label,
        reporting: data.reporting(statuses, asOf: day), timeliness: data.timeliness(asOf: day)),
      formats: format,
      language: Frontend.language(lang), into: folder)
    Frontend.output(paths.map { $0 + "\n" }.joined())
  }
}

extension Snapshot.Format: ExpressibleByArgument {}
