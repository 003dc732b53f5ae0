import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `--workspace`, shared by every command.
struct WorkspaceOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "The workspace folder (with targets/). Default: $PLANTRACK_WORKSPACE, or the current folder or its nearest parent with targets/."
  )
  var workspace: String?

  @Flag(
    name: .long,
    help:
      "If this command creates the store, let its file's group read and write it (0660); by default only you can (0600)."
  )
  var groupShared = false

  @Option(
    name: .long,
    help:
      "Where the figures are: sqlite:PATH, or a PostgreSQL connection string (postgresql://…, service=NAME). Default: $PLANTRACK_STORE, plantrack.yaml's store:, or plantrack.sqlite beside targets/."
  )
  var store: String?

  /// The located workspace, with its settings (the user's and the workspace's files, the
  /// environment, these flags) and its store.
  func locate() throws -> Workspace {
    var ws = try Workspace.locate(
      explicit: workspace, environment: Frontend.environment,
      currentDirectory: FileManager.default.currentDirectoryPath)
    ws.storeAccess = groupShared ? .group : .owner
    let settings = Frontend.loadSettings(root: ws.root, flags: flags)
    ws.settings = settings.settings
    ws.store = try StoreLocation.resolve(named: settings.settings.store, root: ws.root)
    return ws
  }

  /// What these flags set.
  var flags: SettingsLayer {
    var layer = SettingsLayer()
    if let store, !store.isEmpty { layer.set("store", at: "--store", store) }
    return layer
  }
}

/// `--as-of`, for commands that compute status.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .long, help: "Compute status as of this date (YYYY-MM-DD). Default: today.",
    transform: DayArgument.parse)
  var asOf: Day?

  var day: Day { asOf ?? Frontend.today() }
}

/// `--approved-only`, for official reports.
struct ApprovedOnlyOption: ParsableArguments {
  @Flag(
    name: .long,
    help:
      "Use approved figures only (for each period, the figure last approved by the as-of date), as official reports do."
  )
  var approvedOnly = false

  /// `data`, or its approved figures only.
  func apply(_ data: WorkspaceData, asOf: Day) -> WorkspaceData {
    approvedOnly ? data.approvedOnly() : data
  }
}

/// `--filter`, repeatable; all terms must match.
struct FilterOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "Keep targets matching this filter: text, or field:value with field category, level, region, lead, status, doc or kind (status:off-track,missed). Repeatable."
  )
  var filter: [String] = []

  func parsed() throws -> TargetFilter {
    try filter.reduce(TargetFilter.all) { try $0.and(TargetFilter(parsing: $1)) }
  }

  func validate() throws {
    do {
      _ = try parsed()
    } catch let error as FilterError {
      throw ValidationError("\(error.code) \(error)")
    }
  }
}

enum DayArgument {
  static func parse(_ text: String) throws -> Day {
    guard let day = Day(iso: text) else {
      throw ValidationError("“\(text)” is not a date YYYY-MM-DD that exists")
    }
    return day
  }
}

extension Language: ExpressibleByArgument {}
