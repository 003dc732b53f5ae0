import Foundation
import PlanTrackCore
import Testing

/// The test server `.ci/run` starts (`scripts/pg-test-cluster`): each test gets a schema of its
/// own. Without `PLANTRACK_TEST_PG` these tests are skipped, except under CI, where they fail.
enum TestServer {
  static let environment = ProcessInfo.processInfo.environment
  static var url: String? { environment["PLANTRACK_TEST_PG"] }
  static var wanted: Bool { url != nil || environment["CI"] == "true" }

  /// The connection string of a fresh, empty schema on the test server.
  static func freshStore() throws -> String {
    let base = try #require(url, "PLANTRACK_TEST_PG names no test server (.ci/run starts one)")
    let schema = "e2e_" + UUID().uuidString.lowercased().filter(\.isHexDigit)
    let psql = Process()
    psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
    psql.arguments = [base, "-qc", "CREATE SCHEMA \(schema)"]
    try psql.run()
    psql.waitUntilExit()
    try #require(psql.terminationStatus == 0, "psql could not create a schema")
    return base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
  }
}

/// Always runs: under CI a missing test server is a failure here, never a silent skip of the
/// suites that need it.
@Suite struct TestServerPresenceTests {
  @Test func ciHasItsTestServer() {
    if TestServer.environment["CI"] == "true" {
      #expect(TestServer.url != nil, "CI=true but PLANTRACK_TEST_PG names no test server")
    }
  }
}

// Runs whenever a test server is named, and always under CI (where a missing one fails each
// test, as `TestServer.freshStore` requires it); only a developer without a server skips it.
@Suite(.enabled(if: TestServer.wanted)) struct PostgresEndToEndTests {
  @Test func theSameCommandsOnASharedServer() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let env = ["PLANTRACK_STORE": try TestServer.freshStore()]
    let r = ws.run(["record", "山东省/5g-base-stations", "22.4万", "--date", "2024-06-30"], env: env)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(
      ws.run(["record", "威海市/5g-base-stations", "6000", "--date", "2024-06-30"], env: env).code == 0
    )
    let status = ws.run(["status", "--format", "json", "--as-of", "2024-06-30"], env: env)
    let json = try #require(StatusJSON(text: status.stdout))
    for key in SeriesEndToEndTests.shandong5G {
      #expect(json.number(key, "actual") == 22.4)
      #expect((json[key]?["rollup"] as? [String: Any])?["reported"] as? Int == 1)
    }
    let history = ws.run(["history", SeriesEndToEndTests.shandong5G[1]], env: env)
    #expect(history.stdout.contains("224000") && history.stdout.contains("22.4万"))
    #expect(ws.run(["undo"], env: env).code == 0)
    // Nothing went to a file: the figures are on the server.
    #expect(!ws.storeExists)
  }

  @Test func anImportWithABadRowWritesNothingOnTheServer() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let env = ["PLANTRACK_STORE": try TestServer.freshStore()]
    try ws.write(
      "key,date,value\n山东省/5g-base-stations,2024-05-31,22万\n山东省/5g-base-stations,2024-06-31,23万\n",
      to: "figures.csv")
    let r = ws.run(["import", "figures.csv"], env: env)
    #expect(r.code == 1)
    #expect(r.findings == ["figures.csv:3:22 PT405"], "\(r.stderr)")
    let history = ws.run(["history", "山东省/5g-base-stations"], env: env)
    #expect(history.stdout.contains("no entries yet"), "\(history.stdout)")
  }

  @Test(arguments: [
    "postgresql://office:topsecret@127.0.0.1:1/plantrack",
    "host=127.0.0.1 port=1 user=office password=topsecret dbname=plantrack",
  ])
  func aPasswordNeverAppears(_ store: String) throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let r = ws.run(
      ["record", "山东省/5g-base-stations", "1", "--date", "2024-06-30", "--store", store])
    #expect(r.code == 1)
    #expect(r.problem == .cannotOpenStore)
    #expect(!r.stderr.contains("topsecret") && r.stderr.contains("***"), "\(r.stderr)")
    #expect(r.stderrLines.count == 1)
  }

  @Test func storeInfoNamesTheServerWithoutItsPassword() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let store = try TestServer.freshStore().replacingOccurrences(
      of: "postgresql:///", with: "postgresql://plantrack:hunter2@/")
    #expect(
      ws.run(["record", "山东省/5g-base-stations", "1", "--date", "2024-06-30", "--store", store]).code
        == 0)
    let r = ws.run(["store", "info", "--store", store])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("store: postgresql postgresql://plantrack:***@/"), "\(r.stdout)")
    #expect(!r.stdout.contains("hunter2"))
    #expect(r.stdout.contains("entries: 1"))
  }

  @Test func anOfficeMovesItsFileToTheServer() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    for args in [
      ["record", "山东省/5g-base-stations", "20万", "--date", "2024-05-31"],
      ["record", "山东省/5g-base-stations", "22.4万", "--date", "2024-06-30"],
      ["record", "威海市/5g-base-stations", "6000", "--date", "2024-06-30"],
    ] {
      #expect(ws.run(args).code == 0)
    }
    #expect(ws.run(["undo"]).code == 0)
    let before = ws.run(["status", "--format", "json", "--as-of", "2024-06-30"]).stdout
    let server = try TestServer.freshStore()
    let r = ws.run(["store", "copy", "--to", server])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("copied 4 entries to postgresql://"), "\(r.stdout)")
    let after = ws.run(
      ["status", "--format", "json", "--as-of", "2024-06-30"], env: ["PLANTRACK_STORE": server])
    #expect(after.stdout == before)
    // A destination that already holds entries is refused, and nothing is added to it.
    let again = ws.run(["store", "copy", "--to", server])
    #expect(again.code == 1 && again.stderrLines.count == 1, "\(again.stderr)")
    #expect(
      ws.run(["store", "info"], env: ["PLANTRACK_STORE": server]).stdout.contains("entries: 4"))
  }
}
