import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack office …`: the offices of a shared (PostgreSQL) store.
struct OfficeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "office",
    abstract: "Bind the server's login roles to regions: each office writes only its own.",
    subcommands: [OfficeAddCommand.self, OfficeListCommand.self, OfficeRemoveCommand.self])

  /// The workspace's store, which must be a server's, opened as its role.
  static func openServerStore(_ options: WorkspaceOptions) throws -> (
    Workspace, PostgresActualsStore
  ) {
    let ws = try options.locate()
    guard case .postgres(let conninfo) = ws.storeLocation else {
      throw CommandFailure(
        .cannotOpenStore,
        "offices belong to a shared PostgreSQL store; this workspace's store is \(ws.storeLocation.display) (give --store postgresql://…)"
      )
    }
    return (ws, try PostgresActualsStore.open(conninfo))
  }
}

/// `plantrack office add REGION --role NAME`.
struct OfficeAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract:
      "Bind a login role to a region: it may then write figures for that region and those below it.",
    discussion: """
      Run by the store's administrator. The role is created (LOGIN, no password) when the \
      server has none of that name; give it a password with psql's \\password, so that it \
      never appears on a command line. A role bound before is moved to the new region.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @Argument(help: "The region: a name (威海市, 山东省威海市) or a code (371000).") var region: String
  @Option(name: .long, help: "The server's login role of the office.") var role: String

  func run() throws {
    let (ws, store) = try OfficeCommand.openServerStore(workspace)
    defer { store.close() }
    let tree = ws.loadCatalog().regions
    let found = try RegionText.region(region, in: tree)
    let office = Office(role: role, region: found.code, regionName: tree.fullName(found.code))
    let scope = tree.subtree(of: found.code).map(\.code)
    let change = try store.addOffice(office, scope: scope)
    var line = "office \(role): \(office.regionText) and \(scope.count - 1) regions under it"
    if let before = change.previous { line += " (was \(before.regionText))" }
    if change.createdRole {
      line += "; created login role \(role) (set its password with psql's \\password)"
    }
    Frontend.output(line.escapingControls + "\n")
  }
}

/// `plantrack office list`.
struct OfficeListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the offices: each role and the region it writes.")

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let (_, store) = try OfficeCommand.openServerStore(workspace)
    defer { store.close() }
    let offices = try store.offices()
    guard !offices.isEmpty else {
      Frontend.output("no offices yet: `plantrack office add REGION --role NAME` adds one\n")
      return
    }
    let rows = [["role", "region", "code"]] + offices.map { [$0.role, $0.regionName, $0.region] }
    Frontend.output(TextTable.render(rows))
  }
}

/// `plantrack office remove --role NAME`.
struct OfficeRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Unbind a role from its office: it keeps reading and can no longer write.")

  @OptionGroup var workspace: WorkspaceOptions
  @Option(name: .long, help: "The server's login role of the office.") var role: String

  func run() throws {
    let (_, store) = try OfficeCommand.openServerStore(workspace)
    defer { store.close() }
    guard let office = try store.removeOffice(role: role) else {
      throw CommandFailure(.noOffice, "role \(role) has no office in this store".escapingControls)
    }
    Frontend.output("office \(role) removed (was \(office.regionText))".escapingControls + "\n")
  }
}
