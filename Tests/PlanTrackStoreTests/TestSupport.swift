import Foundation
import PlanTrackStore

/// A fresh, uniquely named folder under the system's temporary folder, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL

  init() throws {
    url =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("plantrack-store-tests-\(UUID().uuidString)")
      .standardizedFileURL
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  var path: String { url.path }

  /// Writes `text` as UTF-8 to `name` (a path relative to the folder), creating folders.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> URL {
    try write(name, data: Data(text.utf8))
  }

  /// Writes `data` to `name` (a path relative to the folder), creating folders.
  @discardableResult
  func write(_ name: String, data: Data) throws -> URL {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file
  }

  /// Creates the folder `name` (and its parents).
  @discardableResult
  func makeDirectory(_ name: String) throws -> URL {
    let folder = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

/// The repository's root folder, found from this file's path (Tests/PlanTrackStoreTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent()

/// The repository's real `targets/` folder.
let repositoryTargets = repositoryRoot.appendingPathComponent("targets")
/// This repository's indicators and regions.
let repositoryCatalog = Catalog.load(root: repositoryRoot)
/// This repository's targets, placed with its catalog.
let repositoryTargetSet = TargetSet.load(directory: repositoryTargets, catalog: repositoryCatalog)
