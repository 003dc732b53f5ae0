import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack indicators`: the indicators, their series, latest figures and targets.
struct IndicatorsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "indicators",
    abstract: "List the indicators (indicators.yaml) with their series, latest figures and targets."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json
  }

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var asOf: AsOfOption
  @Option(name: .long, help: "table or json.") var format: Format = .table
  @Option(
    name: .long,
    help: "Label language: en or zh. Default: the settings (plantrack config), else the locale.")
  var lang: Language?

  func run() throws {
    let (_, data) = try workspace.load()
    let catalog = data.targets.catalog
    let report = IndicatorReport(
      indicators: catalog.indicators, targets: data.targets.targets,
      book: data.book(asOf: asOf.day),
      regions: catalog.regions)
    switch format {
    case .table: Frontend.output(report.table(language: Frontend.language(lang)))
    case .json: Frontend.output(report.jsonValue().text())
    }
  }
}

/// `plantrack regions`: the administrative tree (shipped, plus regions.yaml).
struct RegionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "regions",
    abstract: "Print the region tree (GB/T 2260 codes, plus regions.yaml) below a region.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var workspace: WorkspaceOptions
  @Option(name: .long, help: "A region name or code (山东省, 370000). Default: 全国.") var under: String?
  @Option(name: .long, help: "text or json.") var format: Format = .text

  func run() throws {
    let catalog = try workspace.locate().loadCatalog()
    for finding in catalog.findings { Frontend.warn(finding.description) }
    let tree = catalog.regions
    let root: Region
    switch tree.resolve(under ?? RegionTree.nationalCode) {
    case .found(let r): root = r
    case .ambiguous(let many):
      throw CommandFailure(
        .ambiguousRegion,
        "“\(under ?? "")” names \(many.count) regions: "
          + many.map { "\($0.code) \(tree.fullName($0.code))" }.joined(separator: ", "))
    case .unknown(let suggestions):
      throw CommandFailure(
        .unknownRegion,
        "unknown region “\(under ?? "")”"
          + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"))
    }
    let report = RegionReport(tree: tree, under: root)
    switch format {
    case .text: Frontend.output(report.text())
    case .json: Frontend.output(report.jsonValue().text())
    }
  }
}
