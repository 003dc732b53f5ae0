import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// A temporary folder `ws` holding a `targets/` folder, with a nested `ws/a/b/c` and a sibling
/// `plain` folder that is not a workspace.
private func makeWorkspace() throws -> (dir: TemporaryDirectory, root: URL) {
  let dir = try TemporaryDirectory()
  try dir.makeDirectory("ws/targets")
  try dir.makeDirectory("ws/a/b/c")
  try dir.makeDirectory("plain")
  return (dir, dir.url.appendingPathComponent("ws"))
}

@Suite("Workspace")
struct WorkspaceTests {
  @Test func anExplicitPathWins() throws {
    let (dir, root) = try makeWorkspace()
    defer { dir.remove() }
    let other = try dir.makeDirectory("other")
    try dir.makeDirectory("other/targets")

    let ws = try Workspace.locate(
      explicit: root.path, environment: ["PLANTRACK_WORKSPACE": other.path],
      currentDirectory: dir.path + "/plain")
    #expect(ws.root.path == root.path)
    #expect(ws.targetsDirectory.path == root.path + "/targets")
    #expect(ws.storePath == root.path + "/plantrack.sqlite")
    #expect(ws.snapshotsDirectory.path == root.path + "/snapshots")
  }

  @Test func aRelativeExplicitPathIsTakenFromTheCurrentFolder() throws {
    let (dir, root) = try makeWorkspace()
    defer { dir.remove() }
    let ws = try Workspace.locate(
      explicit: "../ws", environment: [:], currentDirectory: dir.path + "/plain")
    #expect(ws.root.path == root.path)
  }

  @Test func theEnvironmentVariableIsUsedWithoutAnExplicitPath() throws {
    let (dir, _) = try makeWorkspace()
    defer { dir.remove() }
    let other = try dir.makeDirectory("other")
    try dir.makeDirectory("other/targets")

    let ws = try Workspace.locate(
      explicit: nil, environment: ["PLANTRACK_WORKSPACE": other.path, "HOME": "/root"],
      currentDirectory: dir.path + "/ws/a")
    #expect(ws.root.path == other.path)
  }

  @Test func anEmptyEnvironmentVariableIsIgnored() throws {
    let (dir, root) = try makeWorkspace()
    defer { dir.remove() }
    let ws = try Workspace.locate(
      explicit: nil, environment: ["PLANTRACK_WORKSPACE": ""],
      currentDirectory: dir.path + "/ws/a/b")
    #expect(ws.root.path == root.path)
  }

  @Test(arguments: ["ws", "ws/a", "ws/a/b/c", "ws/targets"])
  func theSearchGoesUpFromTheCurrentFolder(start: String) throws {
    let (dir, root) = try makeWorkspace()
    defer { dir.remove() }
    let ws = try Workspace.locate(
      explicit: nil, environment: [:], currentDirectory: dir.path + "/" + start)
    #expect(ws.root.path == root.path)
  }

  @Test func theNearestWorkspaceWins() throws {
    let (dir, _) = try makeWorkspace()
    defer { dir.remove() }
    let inner = try dir.makeDirectory("ws/a/targets")
    let ws = try Workspace.locate(
      explicit: nil, environment: [:], currentDirectory: dir.path + "/ws/a/b/c")
    #expect(ws.root.path == inner.deletingLastPathComponent().path)
  }

  @Test func aFolderWithoutTargetsIsNotAWorkspace() throws {
    let (dir, _) = try makeWorkspace()
    defer { dir.remove() }
    let plain = dir.path + "/plain"
    #expect(throws: StoreError.notAWorkspace(path: plain)) {
      try Workspace.locate(explicit: plain, environment: [:], currentDirectory: dir.path + "/ws")
    }
    #expect(throws: StoreError.notAWorkspace(path: plain)) {
      try Workspace.locate(
        explicit: nil, environment: ["PLANTRACK_WORKSPACE": plain], currentDirectory: "/")
    }
    #expect(throws: StoreError.notAWorkspace(path: plain)) {
      try Workspace.locate(explicit: nil, environment: [:], currentDirectory: plain)
    }
  }

  @Test func aTargetsFileIsNotATargetsFolder() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("fake/targets", "not a folder")
    let fake = dir.path + "/fake"
    #expect(throws: StoreError.notAWorkspace(path: fake)) {
      try Workspace.locate(explicit: fake, environment: [:], currentDirectory: "/")
    }
  }

  @Test func theStoreIsNotCreatedByOpenStoreIfExists() throws {
    let (dir, root) = try makeWorkspace()
    defer { dir.remove() }
    let ws = Workspace(root: root)
    #expect(try ws.openStoreIfExists() == nil)
    #expect(!FileManager.default.fileExists(atPath: ws.storePath))

    let store = try ws.openStore()
    try store.append([
      .value(
        key: "d/t", asOf: Day(iso: "2025-01-31")!, value: 1, by: "li", at: "2025-02-01T00:00:00Z")
    ])
    #expect(FileManager.default.fileExists(atPath: ws.storePath))
    let again = try #require(try ws.openStoreIfExists())
    #expect(try again.count() == 1)
    again.close()
    store.close()

    ws.deleteStore()
    let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
    #expect(!left.contains { $0.hasPrefix("plantrack.sqlite") }, "\(left)")
    #expect(try ws.openStoreIfExists() == nil)
  }

  @Test func loadTargetsReadsTheTargetsFolder() throws {
    let (dir, root) = try makeWorkspace()
    defer { dir.remove() }
    try dir.write(
      "ws/targets/p.yaml",
      """
      document: { id: p, title: 规划 }
      targets:
        - id: t
          name: 目标
          category: ev
          kind: level
          unit: 个
          milestones: [{ due: 2025-12-31, value: 3 }]

      """)
    let set = Workspace(root: root).loadTargets()
    #expect(set.findings.isEmpty, "\(set.findings)")
    #expect(set.targets.map(\.key) == ["p/t"])
  }
}

@Suite("Workspace: targets for one key")
struct WorkspaceTargetsForKeyTests {
  static func file(_ doc: String, _ target: String) -> String {
    """
    document:
      id: \(doc)
      title: 测试
    targets:
      - id: \(target)
        name: 甲
        category: ev
        kind: level
        unit: 万辆
        milestones:
          - { due: 2025-12-31, value: 10 }

    """
  }

  @Test func onlyTheDocumentsOwnFileIsReadWhenItHoldsTheTarget() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("targets/a.yaml", Self.file("a", "x"))
    try dir.write("targets/b.yaml", Self.file("b", "y"))
    try dir.write("targets/misnamed.yaml", Self.file("c", "z"))
    let ws = Workspace(root: dir.url)
    let one = ws.loadTargets(forKey: "a/x")
    #expect(one.targets.map(\.key) == ["a/x"])
    // A file not named after its document: every file is read, and the key is found.
    let all = ws.loadTargets(forKey: "c/z")
    #expect(all.targets.count == 3)
    #expect(all.target(key: "c/z") != nil)
    // An unknown key: every file, so the suggestion can look everywhere.
    #expect(ws.loadTargets(forKey: "a/nope").targets.count == 3)
  }
}
