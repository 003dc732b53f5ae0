import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackStore

/// `plantrack config`: the settings in force and where each came from.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show the settings in force and where each came from.",
    discussion: """
      Settings come from the user's file ($PLANTRACK_CONFIG, else \
      $XDG_CONFIG_HOME/plantrack/config.yaml, else ~/.config/plantrack/config.yaml), the \
      workspace's plantrack.yaml, the environment (PLANTRACK_STORE, PLANTRACK_LANG, \
      PLANTRACK_THEME, PLANTRACK_COLORS, NO_COLOR) and the command line, each over the one \
      before. docs/FORMATS.md lists every key. Problems in the files are printed one per line \
      and make the exit code 1; the defaults stand in for them.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json
  }

  @OptionGroup var workspace: WorkspaceOptions
  @Option(help: "table or json.") var format: Format = .table

  func run() throws {
    // Outside a workspace, the user's settings and the environment's still apply.
    let root = try? Workspace.locate(
      explicit: workspace.workspace, environment: Frontend.environment,
      currentDirectory: FileManager.default.currentDirectoryPath
    ).root
    let effective = Frontend.loadSettings(root: root, flags: workspace.flags)
    let rows = effective.table.map { row in
      // A connection string's password is never shown.
      (row.name, row.name == "store" ? PostgresURL.masked(row.value) : row.value, row.origin)
    }
    switch format {
    case .json:
      let value = JSONValue.array(
        rows.map {
          .object([("name", .string($0.0)), ("value", .string($0.1)), ("from", .string($0.2))])
        })
      Frontend.output(value.text())
    case .table:
      let nameWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
      let valueWidth = min(40, rows.map { DisplayWidth.of($0.1) }.max() ?? 0)
      var out = ""
      for (name, value, origin) in rows {
        out += DisplayWidth.pad(name, to: nameWidth) + "  "
        out += DisplayWidth.pad(value.escapingControls, to: max(valueWidth, DisplayWidth.of(value)))
        out += "  " + origin + "\n"
      }
      Frontend.output(out)
    }
    if let first = effective.findings.first {
      throw CommandFailure(
        first.code,
        effective.findings.count == 1
          ? "1 settings problem (above); the default stands in"
          : "\(effective.findings.count) settings problems (above); the defaults stand in")
    }
  }
}
