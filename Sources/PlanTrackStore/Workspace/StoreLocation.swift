import Foundation
import PlanTrackCore
import Yams

/// Where a workspace's figures are: an SQLite file (the default, `plantrack.sqlite` beside
/// `targets/`) or a PostgreSQL server shared by several offices.
public enum StoreLocation: Sendable, Equatable {
  case sqlite(path: String)
  /// A libpq connection string: a `postgresql://` URL or `key=value` pairs (`service=prov`).
  case postgres(conninfo: String)

  /// Reads `sqlite:PATH` (relative to `root`), `postgresql://…` / `postgres://…`, or libpq
  /// `key=value` pairs; nil for anything else.
  public init?(_ text: String, root: URL) {
    let text = text.trimmingWhitespace
    if text.hasPrefix("sqlite:") {
      let path = String(text.dropFirst("sqlite:".count))
      guard !path.isEmpty else { return nil }
      let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
      self = .sqlite(path: url.standardizedFileURL.path)
    } else if PostgresURL.isPostgres(text) || text.contains("=") {
      self = .postgres(conninfo: text)
    } else {
      return nil
    }
  }

  /// For messages: the path, or the connection string with its password masked.
  public var display: String {
    switch self {
    case .sqlite(let path): path
    case .postgres(let c): PostgresURL.masked(c)
    }
  }

  /// The store named by `--store` (`explicit`), else `PLANTRACK_STORE`, else `store:` in
  /// `plantrack.yaml` at the root (or in the user's settings), else `plantrack.sqlite` beside
  /// `targets/` (the precedence of `EffectiveSettings`).
  public static func resolve(explicit: String?, environment: [String: String], root: URL)
    throws(StoreError) -> StoreLocation
  {
    var flags = SettingsLayer()
    if let explicit { flags.set("store", at: "--store", explicit) }
    let settings = EffectiveSettings.load(root: root, environment: environment, flags: flags)
    return try resolve(named: settings.settings.store, root: root)
  }

  /// The store `named` (nil: `plantrack.sqlite` beside `targets/`).
  public static func resolve(named: String?, root: URL) throws(StoreError) -> StoreLocation {
    guard let named, !named.isEmpty else {
      return .sqlite(path: root.appendingPathComponent(Workspace.storeFileName).path)
    }
    guard let location = StoreLocation(named, root: root) else {
      throw StoreError.cannotOpen(
        path: PostgresURL.masked(named),
        reason: "a store is sqlite:PATH, postgresql://… or libpq key=value pairs")
    }
    return location
  }

}
