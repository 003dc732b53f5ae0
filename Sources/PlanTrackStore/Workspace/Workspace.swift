import Foundation
import PlanTrackCore

/// A folder with a `targets/` folder; the store file lives beside it.
public struct Workspace: Sendable {
  public let root: URL
  /// Who may use the store file when a command creates it.
  public var storeAccess: StoreAccess = .owner
  /// Where the figures are; nil for `plantrack.sqlite` beside `targets/`.
  public var store: StoreLocation?
  /// The settings in force (plantrack.yaml, the user's, the environment's, the flags'): the
  /// catalog takes its thresholds and deadlines from them.
  public var settings = Settings.standard

  /// The name of the store file in the workspace.
  public static let storeFileName = "plantrack.sqlite"

  public init(root: URL) { self.root = root.standardizedFileURL }

  public var targetsDirectory: URL { root.appendingPathComponent("targets") }
  public var storePath: String { root.appendingPathComponent(Workspace.storeFileName).path }
  public var snapshotsDirectory: URL { root.appendingPathComponent("snapshots") }

  /// Finds the workspace: `explicit` (`--workspace`), else `PLANTRACK_WORKSPACE`, else the
  /// current folder or the nearest parent with a `targets/` folder.
  public static func locate(
    explicit: String?, environment: [String: String], currentDirectory: String
  )
    throws -> Workspace
  {
    if let path = explicit ?? environment["PLANTRACK_WORKSPACE"].flatMap({ $0.isEmpty ? nil : $0 })
    {
      let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory))
      guard isWorkspace(url) else { throw StoreError.notAWorkspace(path: path) }
      return Workspace(root: url)
    }
    var url = URL(fileURLWithPath: currentDirectory)
    while true {
      if isWorkspace(url) { return Workspace(root: url) }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { break }
      url = parent
    }
    throw StoreError.notAWorkspace(path: currentDirectory)
  }

  static func isWorkspace(_ url: URL) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(
      atPath: url.appendingPathComponent("targets").path, isDirectory: &isDir) && isDir.boolValue
  }

  /// Loads every target file.
  /// The workspace's indicators and regions (`indicators.yaml`, `regions.yaml`).
  public func loadCatalog() -> Catalog { Catalog.load(root: root).applying(settings) }

  /// Every target, placed on its series with the workspace's catalog.
  public func loadTargets() -> TargetSet {
    TargetSet.load(directory: targetsDirectory, catalog: loadCatalog())
  }

  /// The targets needed to check an entry for `key`: only `<document-id>.yaml` when it holds
  /// the target (files are named after their document), else every file. A workspace of
  /// thousands of targets then records in milliseconds.
  public func loadTargets(forKey key: String) -> TargetSet {
    if let slash = key.firstIndex(of: "/") {
      let name = String(key[..<slash]) + ".yaml"
      let catalog = loadCatalog()
      let one = TargetSet(
        files: [
          TargetSet.parseFile(
            name, in: targetsDirectory, displayPrefix: "targets/", catalog: catalog)
        ], catalog: catalog)
      if one.target(key: key) != nil { return one }
    }
    return loadTargets()
  }

  /// The store's location: `store`, or the default file.
  public var storeLocation: StoreLocation { store ?? .sqlite(path: storePath) }

  /// Opens the store to write it: a file is created on first use; a server's schema must
  /// have been created by `plantrack store init`.
  public func openStore() throws(StoreError) -> any ActualsStore {
    switch storeLocation {
    case .sqlite(let path): try SQLiteActualsStore.open(path: path, access: storeAccess)
    case .postgres(let conninfo): try PostgresActualsStore.open(conninfo)
    }
  }

  /// Creates the store, or brings its schema up to date (`plantrack store init`): the file,
  /// or the tables, triggers and policies on a server (which takes its administrator).
  /// Running it again changes nothing.
  public func initializeStore() throws(StoreError) -> any ActualsStore {
    switch storeLocation {
    case .sqlite(let path): try SQLiteActualsStore.open(path: path, access: storeAccess)
    case .postgres(let conninfo): try PostgresActualsStore.open(conninfo, initialize: true)
    }
  }

  /// Opens the store if it exists, to read it (read-only when it cannot be written); `nil`
  /// when nothing was ever recorded in a store file (read commands do not create it).
  public func openStoreIfExists() throws(StoreError) -> (any ActualsStore)? {
    switch storeLocation {
    case .sqlite(let path):
      FileManager.default.fileExists(atPath: path)
        ? try SQLiteActualsStore.openForReading(path: path) : nil
    case .postgres(let conninfo): try PostgresActualsStore.open(conninfo)
    }
  }

  /// Deletes the store and the files beside it (its log, shared memory and lock), for tools
  /// that build a workspace afresh (`plantrack-gen`). Nothing else deletes figures.
  public func deleteStore() {
    for suffix in ["", "-wal", "-shm", ".lock"] {
      try? FileManager.default.removeItem(atPath: storePath + suffix)
    }
  }

  /// Whether a store could be created: the store file's folder can be written (a server
  /// store exists; whether this role may write it, the store says).
  public var canCreateStore: Bool {
    switch storeLocation {
    case .sqlite(let path):
      access(URL(fileURLWithPath: path).deletingLastPathComponent().path, W_OK) == 0
    case .postgres: true
    }
  }
}
