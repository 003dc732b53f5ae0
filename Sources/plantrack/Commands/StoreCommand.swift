import ArgumentParser
import PlanTrackCore
import PlanTrackStore

/// `plantrack store …`: the store itself.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store", abstract: "Look at the store the figures are in.",
    subcommands: [StoreInfoCommand.self])
}

/// `plantrack store info`: which store, its schema, its size.
struct StoreInfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Say which store the workspace uses, its schema version and its size.")

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let ws = try workspace.locate()
    guard let store = try ws.openStoreIfExists() else {
      Frontend.output(
        "store: \(ws.storeLocation.display) (not created yet: the first record creates it)\n")
      return
    }
    defer { store.close() }
    let i = try store.info()
    Frontend.output(
      """
      store: \(i.kind) \(i.location)\(i.readOnly ? " (read-only for you)" : "")
      schema: \(i.migrations.last ?? "none") (\(i.migrations.count) migration\(i.migrations.count == 1 ? "" : "s"): \(i.migrations.joined(separator: ", ")))
      entries: \(i.entries)
      size: \(i.bytes < 1_048_576 ? "\(i.bytes / 1024) kB" : "\(NumberText.plain(Double(i.bytes) / 1_048_576, digits: 1)) MB")

      """)
  }
}
