import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackStore

@Suite("Where the store is")
struct StoreLocationTests {
  static let root = URL(fileURLWithPath: "/srv/ws")

  @Test(arguments: [
    ("sqlite:figures.sqlite", StoreLocation.sqlite(path: "/srv/ws/figures.sqlite")),
    ("sqlite:/data/p.sqlite", .sqlite(path: "/data/p.sqlite")),
    (
      "postgresql://office@db.example/plantrack",
      .postgres(conninfo: "postgresql://office@db.example/plantrack")
    ),
    (
      "postgres://db/plantrack?sslmode=require",
      .postgres(conninfo: "postgres://db/plantrack?sslmode=require")
    ),
    ("service=province", .postgres(conninfo: "service=province")),
  ])
  func readsTheFormsUsersWrite(_ text: String, _ expected: StoreLocation) {
    #expect(StoreLocation(text, root: Self.root) == expected)
  }

  @Test(arguments: ["", "plantrack.sqlite", "mysql://db", "sqlite:"])
  func anythingElseIsRefused(_ text: String) {
    #expect(StoreLocation(text, root: Self.root) == nil)
  }

  @Test func theFlagBeatsTheEnvironmentWhichBeatsTheWorkspaceFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let root = dir.url
    try "store: sqlite:from-file.sqlite\n".write(
      to: root.appendingPathComponent("plantrack.yaml"), atomically: true, encoding: .utf8)
    let env = ["PLANTRACK_STORE": "sqlite:from-env.sqlite"]
    func resolve(_ flag: String?, _ env: [String: String]) throws -> String {
      try StoreLocation.resolve(explicit: flag, environment: env, root: root).display
    }
    #expect(try resolve("sqlite:flag.sqlite", env).hasSuffix("/flag.sqlite"))
    #expect(try resolve(nil, env).hasSuffix("/from-env.sqlite"))
    #expect(try resolve(nil, [:]).hasSuffix("/from-file.sqlite"))
    try FileManager.default.removeItem(at: root.appendingPathComponent("plantrack.yaml"))
    #expect(try resolve(nil, [:]).hasSuffix("/plantrack.sqlite"))
    #expect(throws: StoreError.self) { try resolve("nonsense", [:]) }
  }

  @Test(arguments: [
    ("postgresql://u:secret@h/db", "postgresql://u:***@h/db"),
    (
      "postgresql://h/db?user=u&password=secret&sslmode=require",
      "postgresql://h/db?user=u&password=***&sslmode=require"
    ),
    ("host=h password=secret dbname=d", "host=h password=*** dbname=d"),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
    ("host=db password='hun ter2' dbname=d", "host=db password=*** dbname=d"),
    ("host=db password = x dbname=d", "host=db password = *** dbname=d"),
    (#"host=db password='it\'s' user=u"#, "host=db password=*** user=u"),
    ("host=db passwordless=1", "host=db passwordless=1"),
  ])
  func passwordsAreMasked(_ text: String, _ shown: String) {
    #expect(PostgresURL.masked(text) == shown)
    #expect(StoreLocation(text, root: Self.root)?.display == shown)
  }
}
