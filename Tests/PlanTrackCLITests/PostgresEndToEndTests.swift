import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

/// A province's shared store on the test server `.ci/run` starts: a fresh schema, its
/// administrator (the test server's superuser), and connection strings for office roles.
struct Province {
  let ws: TempWorkspace
  let server: TestPostgres
  let schema: String
  /// The administrator's connection string.
  let admin: String

  /// The repository's targets, and a fresh schema (not yet initialised unless `initialised`).
  init(initialised: Bool = true) throws {
    ws = try SeriesEndToEndTests.repositoryCopy()
    server = try TestPostgres.shared()
    schema = try server.freshSchema()
    admin = server.url(schema: schema)
    if initialised {
      let r = ws.run(["store", "init", "--store", admin])
      #expect(r.code == 0, "\(r.stderr)")
    }
  }

  /// The connection string as `role`.
  func url(as role: String) -> String { server.url(schema: schema, user: role) }

  /// Runs plantrack in the workspace against the store `store`.
  @discardableResult
  func run(_ args: [String], store: String, env: [String: String] = [:]) -> RunResult {
    ws.run(args, env: env.merging(["PLANTRACK_STORE": store]) { a, _ in a })
  }

  /// How many entries the schema holds, as the administrator counts them.
  func count() throws -> Int {
    Int(try server.psql("SELECT count(*) FROM \(schema).entry").trimmingWhitespace) ?? -1
  }
}

// Against the test server scripts/test starts (or PLANTRACK_TEST_PG names): without one,
// each test fails saying so.
@Suite struct PostgresEndToEndTests {
  @Test func theSameCommandsOnASharedServer() throws {
    let p = try Province()
    let r = p.run(
      ["record", "山东省/5g-base-stations", "22.4万", "--date", "2024-06-30"], store: p.admin)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(
      p.run(["record", "威海市/5g-base-stations", "6000", "--date", "2024-06-30"], store: p.admin)
        .code == 0)
    let status = p.run(["status", "--format", "json", "--as-of", "2024-06-30"], store: p.admin)
    let json = try #require(StatusJSON(text: status.stdout))
    for key in SeriesEndToEndTests.shandong5G {
      #expect(json.number(key, "actual") == 22.4)
      #expect((json[key]?["rollup"] as? [String: Any])?["reported"] as? Int == 1)
    }
    let history = p.run(["history", SeriesEndToEndTests.shandong5G[1]], store: p.admin)
    #expect(history.stdout.contains("224000") && history.stdout.contains("22.4万"))
    #expect(p.run(["undo"], store: p.admin).code == 0)
    // Nothing went to a file: the figures are on the server.
    #expect(!p.ws.storeExists)
  }

  /// `store init` creates the schema once; again, it changes nothing. Before it, a command
  /// says to run it.
  @Test func storeInitIsNeededOnceAndIdempotent() throws {
    let p = try Province(initialised: false)
    let before = p.run(
      ["record", "威海市/5g-base-stations", "1", "--date", "2024-06-30"], store: p.admin)
    #expect(before.code == 1 && before.problem == .cannotOpenStore)
    #expect(before.stderr.contains("plantrack store init") && before.stderrLines.count == 1)
    for _ in 0..<2 {
      let r = p.run(["store", "init"], store: p.admin)
      #expect(r.code == 0, "\(r.stderr)")
      #expect(r.stdout.contains("at schema v3-review; 0 entries"), "\(r.stdout)")
    }
    let info = p.run(["store", "info"], store: p.admin).stdout
    #expect(info.contains("(3 migrations: v1-entry, v2-offices, v3-review)"), "\(info)")
  }

  @Test func anImportWithABadRowWritesNothingOnTheServer() throws {
    let p = try Province()
    try p.ws.write(
      "key,date,value\n山东省/5g-base-stations,2024-05-31,22万\n山东省/5g-base-stations,2024-06-31,23万\n",
      to: "figures.csv")
    let r = p.run(["import", "figures.csv"], store: p.admin)
    #expect(r.code == 1)
    #expect(r.findings == ["figures.csv:3:22 PT405"], "\(r.stderr)")
    #expect(try p.count() == 0)
  }

  /// A province sets up its offices: Weihai's and Jinan's roles write their own cities and
  /// districts, are refused the province and each other (one line naming the region they
  /// may write, exit 1, nothing written), and every figure is entered by the server's name
  /// for its role.
  @Test func aProvinceSetsUpOfficesThatWriteOnlyTheirRegions() throws {
    let p = try Province()
    let weihai = TestPostgres.uniqueRole("weihai")
    let jinan = TestPostgres.uniqueRole("jinan")
    let added = p.run(["office", "add", "威海市", "--role", weihai], store: p.admin)
    #expect(added.code == 0, "\(added.stderr)")
    #expect(
      added.stdout.hasPrefix(
        "office \(weihai): 山东省威海市 (371000) and 4 regions under it; created login role"),
      "\(added.stdout)")
    #expect(p.run(["office", "add", "370100", "--role", jinan], store: p.admin).code == 0)
    let list = p.run(["office", "list"], store: p.admin).stdout
    #expect(list.contains("\(weihai)  山东省威海市  371000"), "\(list)")
    #expect(list.contains("\(jinan)") && list.contains("山东省济南市  370100"))

    // PLANTRACK_USER is the client's word; the server's name for the role is what counts.
    let asWeihai = ["PLANTRACK_USER": "mallory"]
    let ok = p.run(
      ["record", "文登区/5g-base-stations", "1500", "--date", "2024-06-30"],
      store: p.url(as: weihai), env: asWeihai)
    #expect(ok.code == 0, "\(ok.stderr)")
    for key in ["山东省/5g-base-stations", "济南市/5g-base-stations", "sd-nev-countryside/nev-stock"] {
      let refused = p.run(
        ["record", key, "1", "--date", "2024-06-30"], store: p.url(as: weihai), env: asWeihai)
      #expect(refused.code == 1)
      #expect(refused.problem == .outsideOffice, "\(refused.stderr)")
      #expect(refused.stderrLines.count == 1)
      #expect(refused.stderr.contains("may write figures only for 山东省威海市 (371000)"))
    }
    #expect(
      p.run(
        ["record", "济南市/5g-base-stations", "3万", "--date", "2024-06-30"], store: p.url(as: jinan)
      )
      .code == 0)
    #expect(try p.count() == 2)
    let history = p.run(["history", "文登区/5g-base-stations"], store: p.admin).stdout
    #expect(history.contains(" \(weihai) ") && !history.contains("mallory"), "\(history)")
    // Undo is the role's own: Jinan's undo leaves Weihai's figure.
    #expect(p.run(["undo"], store: p.url(as: jinan)).code == 0)
    #expect(p.run(["undo"], store: p.url(as: jinan)).problem == .nothingToUndo)
    // Only the administrator adds offices.
    let grab = p.run(["office", "add", "山东省", "--role", weihai], store: p.url(as: weihai))
    #expect(grab.code == 1 && grab.problem == .notAdministrator && grab.stderrLines.count == 1)
    // Unbound, the role reads and says it cannot write.
    #expect(p.run(["office", "remove", "--role", weihai], store: p.admin).code == 0)
    let unbound = p.run(
      ["record", "威海市/5g-base-stations", "1", "--date", "2024-06-30"], store: p.url(as: weihai))
    #expect(unbound.problem == .noOffice && unbound.stderrLines.count == 1, "\(unbound.stderr)")
    let reads = p.run(
      ["status", "--format", "json", "--as-of", "2024-06-30"], store: p.url(as: weihai))
    #expect(reads.code == 0)
    #expect(
      p.run(["store", "info"], store: p.url(as: weihai)).stdout.contains("(read-only for you)"))
    #expect(try p.count() == 3)
  }

  /// A role name of quotes and semicolons is a name: created, listed and used as written.
  @Test func aRoleNameWithQuotesAndSemicolonsIsOnlyAName() throws {
    let p = try Province()
    let role = #"o"; DROP TABLE entry; --'"# + TestPostgres.uniqueRole("")
    let r = p.run(["office", "add", "威海市", "--role", role], store: p.admin)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(p.run(["office", "list"], store: p.admin).stdout.contains(role))
    let recorded = p.run(
      ["record", "威海市/5g-base-stations", "1", "--date", "2024-06-30"], store: p.url(as: role))
    #expect(recorded.code == 0, "\(recorded.stderr)")
    #expect(try p.count() == 1)
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
    let p = try Province()
    let store = p.admin.replacingOccurrences(
      of: "postgresql:///", with: "postgresql://plantrack:hunter2@/")
    #expect(
      p.ws.run(["record", "山东省/5g-base-stations", "1", "--date", "2024-06-30", "--store", store])
        .code == 0)
    let r = p.ws.run(["store", "info", "--store", store])
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
    let pg = try TestPostgres.shared()
    let server = pg.url(schema: try pg.freshSchema())
    let r = ws.run(["store", "copy", "--to", server])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(
      r.stdout.hasPrefix("copied 4 entries and 0 review steps to postgresql://"), "\(r.stdout)")
    let after = ws.run(
      ["status", "--format", "json", "--as-of", "2024-06-30"], env: ["PLANTRACK_STORE": server])
    #expect(after.stdout == before)
    // Who entered each figure came along (the file's PLANTRACK_USER), not the copier's name.
    let history = ws.run(["history", "威海市/5g-base-stations"], env: ["PLANTRACK_STORE": server])
    #expect(history.stdout.contains(" tester "), "\(history.stdout)")
    // A destination that already holds entries is refused, and nothing is added to it.
    let again = ws.run(["store", "copy", "--to", server])
    #expect(again.code == 1 && again.stderrLines.count == 1, "\(again.stderr)")
    #expect(
      ws.run(["store", "info"], env: ["PLANTRACK_STORE": server]).stdout.contains("entries: 4"))
  }
}
