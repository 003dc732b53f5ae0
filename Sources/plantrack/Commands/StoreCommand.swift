import ArgumentParser
import PlanTrackCore
import PlanTrackStore

/// `plantrack store …`: the store itself.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store", abstract: "Create, look at and move the store the figures are in.",
    subcommands: [StoreInitCommand.self, StoreInfoCommand.self, StoreCopyCommand.self])
}

/// `plantrack store init`: creates the store or brings its schema up to date.
struct StoreInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Create the store, or bring its schema up to date (running it again changes nothing).",
    discussion: """
      On a PostgreSQL server, run it as the role that is to administer the store: it creates \
      the tables, the triggers that keep entries append-only and the row-level security that \
      keeps each office to its region, in the schema the connection uses. Offices are then \
      added with `plantrack office add`.
      """)

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let ws = try workspace.locate()
    let store = try ws.initializeStore()
    defer { store.close() }
    let i = try store.info()
    Frontend.output(
      "store: \(i.kind) \(i.location) at schema \(i.migrations.last ?? "none"); \(i.entries) entries\n"
    )
  }
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
      review steps: \(i.reviews)
      size: \(i.bytes < 1_048_576 ? "\(i.bytes / 1024) kB" : "\(NumberText.plain(Double(i.bytes) / 1_048_576, digits: 1)) MB")

      """)
  }
}

/// `plantrack store copy --to STORE`: moves the workspace's figures into an empty store.
struct StoreCopyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy",
    abstract: "Copy every entry of this workspace's store into an empty store, and verify it.",
    discussion: """
      Every entry keeps its id (so retractions point at the right entries), date, value, \
      input, note, source, who and when. The destination must be empty; the copy is one \
      transaction, and its count and checksum are compared with the source's.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @Option(name: .long, help: "The destination: postgresql://…, service=NAME or sqlite:PATH.")
  var to: String

  func run() throws {
    let ws = try workspace.locate()
    guard let source = try ws.openStoreIfExists() else {
      throw CommandFailure(
        .cannotOpenStore, "there is no store to copy yet (\(ws.storeLocation.display))")
    }
    defer { source.close() }
    guard let target = StoreLocation(to, root: ws.root) else {
      throw StoreError.cannotOpen(
        path: PostgresURL.masked(to),
        reason: "a store is sqlite:PATH, postgresql://… or libpq key=value pairs")
    }
    var destination = ws
    destination.store = target
    let store = try destination.initializeStore()
    defer { store.close() }
    let result = try StoreCopy.copy(from: source, to: store)
    Frontend.output(
      "copied \(result.entries) entries and \(result.reviews) review steps to \(target.display); verified (checksum \(String(result.checksum, radix: 16)))\n"
    )
  }
}
