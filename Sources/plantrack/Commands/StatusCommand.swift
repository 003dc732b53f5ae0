import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack status`: every target's status as a table, JSON, CSV or Markdown.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the status of every target (table, json, csv or md).")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, md
  }

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var filter: FilterOptions
  @OptionGroup var approved: ApprovedOnlyOption
  @Option(name: .long, help: "table, json, csv or md.") var format: Format = .table
  @Option(
    name: .long,
    help: "Label language: en or zh. Default: the settings (plantrack config), else the locale.")
  var lang: Language?

  func run() throws {
    let day = asOf.day
    let (_, loaded) = try workspace.load(reviews: .at(day, approved: approved.approvedOnly))
    let data = approved.apply(loaded, asOf: day)
    let statuses = data.statuses(asOf: day, filter: try filter.parsed())
    let report = StatusReport(
      asOf: day, statuses: statuses, reporting: data.reporting(statuses, asOf: day))
    let language = Frontend.language(lang)
    switch format {
    case .table: Frontend.output(report.table(language: language))
    case .json: Frontend.output(report.json())
    case .csv: Frontend.output(report.csv())
    case .md: Frontend.output(report.markdown(language: language))
    }
  }
}
