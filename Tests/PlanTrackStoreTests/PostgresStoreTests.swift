import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Synchronization
import Testing

@testable import PlanTrackStore

/// What only a server store does: who enters is the server's word, offices write only their
/// regions (row-level security), names never enter SQL unquoted, notifications drive the
/// change token, and a dropped connection is re-established. Against the test server
/// (`PLANTRACK_TEST_PG`, which scripts/test sets; without it each test fails).
@Suite struct PostgresStoreTests {
  /// A store initialised by li (its administrator) in a fresh schema, and a way to connect
  /// as any role.
  final class Server {
    let server: TestPostgres
    let schema: String
    let admin: PostgresActualsStore

    init() throws {
      server = try TestPostgres.shared()
      schema = try server.freshSchema(owner: "li")
      admin = try PostgresActualsStore.open(
        server.url(schema: schema, user: "li"), initialize: true)
    }

    deinit { server.drop(schema: schema) }

    func open(as role: String) throws -> PostgresActualsStore {
      try PostgresActualsStore.open(server.url(schema: schema, user: role))
    }

    /// Binds `role` to `code` with the shipped tree's subtree as its scope.
    func addOffice(_ role: String, _ code: String) throws {
      let tree = RegionTree.shipped
      _ = try admin.addOffice(
        Office(role: role, region: code, regionName: tree.fullName(code)),
        scope: tree.subtree(of: code).map(\.code))
    }
  }

  static func figure(_ key: String, _ value: Double, by user: String = "li") -> NewEntry {
    .value(
      key: key, asOf: Day(iso: "2024-06-30")!, value: value, by: user, at: "2024-07-01T08:00:00Z")
  }

  @Test func whoEnteredIsTheServersSessionUserNotTheClientsWord() throws {
    let s = try Server()
    #expect(s.admin.sessionUser == "li")
    let stored = try s.admin.append([Self.figure("371000/5g-base-stations", 1, by: "mallory")])
    #expect(stored[0].enteredBy == "li")
    #expect(try s.admin.lastUndoable(by: "mallory") == nil)
    let wang = try s.open(as: "wang")
    #expect(
      try wang.append([Self.figure("371000/5g-base-stations", 2, by: "li")])[0].enteredBy == "wang")
  }

  @Test func aRetractionMustNameAnEntryOfItsOwnSeries() throws {
    let s = try Server()
    let jinan = try s.admin.append([Self.figure("370100/5g-base-stations", 5)])[0]
    var foreign = NewEntry.retraction(of: jinan, by: "li", at: "t")
    foreign.key = "371000/5g-base-stations"
    #expect(throws: StoreError.self) { try s.admin.append([foreign]) }
    #expect(try s.admin.count() == 1)
  }

  /// Row-level security, table-driven: a Weihai office writes Weihai and its districts, and
  /// nothing else (the province, another city, a target's own key); a batch with one figure
  /// outside writes nothing.
  @Test(arguments: [
    ("371000/5g-base-stations", true), ("371003/5g-base-stations", true),
    ("370000/5g-base-stations", false), ("370100/5g-base-stations", false),
    ("370102/5g-base-stations", false), ("sd-nev-countryside/nev-stock", false),
  ])
  func anOfficeWritesOnlyItsRegions(_ key: String, _ allowed: Bool) throws {
    let s = try Server()
    let role = TestPostgres.uniqueRole("weihai")
    try s.addOffice(role, "371000")
    let office = try s.open(as: role)
    #expect(!office.isReadOnly)
    #expect(office.access.office?.region == "371000")
    let batch = [Self.figure("371002/5g-base-stations", 1), Self.figure(key, 2)]
    if allowed {
      let stored = try office.append(batch)
      #expect(stored.map(\.enteredBy) == [role, role])
    } else {
      #expect(throws: StoreError.outsideOffice(role: role, region: "山东省威海市 (371000)", key: key)) {
        try office.append(batch)
      }
      #expect(try s.admin.count() == 0)
    }
  }

  @Test func aRoleWithoutAnOfficeReadsButDoesNotWrite() throws {
    let s = try Server()
    let role = TestPostgres.uniqueRole("reader")
    try s.addOffice(role, "371000")
    try s.admin.append([Self.figure("371000/5g-base-stations", 1)])
    #expect(try s.admin.removeOffice(role: role)?.region == "371000")
    let reader = try s.open(as: role)
    #expect(reader.isReadOnly)
    #expect(try reader.count() == 1)
    #expect(throws: StoreError.noOffice(role: role)) {
      try reader.append([Self.figure("371000/5g-base-stations", 2)])
    }
    // Only the administrator manages offices.
    #expect(
      throws: StoreError.notAdministrator(
        role: role, action: "add an office",
        need: "only the store's administrator (the owner of its tables) can")
    ) {
      _ = try reader.addOffice(
        Office(role: role, region: "100000", regionName: "全国"), scope: ["100000"])
    }
    #expect(try s.admin.removeOffice(role: role) == nil)
  }

  /// Role and region names go into SQL as parameters or quoted identifiers only: names made
  /// of quotes and semicolons are stored and used as written, and run nothing.
  @Test(arguments: [
    #"o"; DROP TABLE entry; --"#, "o'; DROP TABLE office; --", #"Robert"); DROP ROLE li;--"#,
    "威海 office", "x\\y\"z",
  ])
  func namesWithQuotesAndSemicolonsAreOnlyNames(_ name: String) throws {
    let s = try Server()
    let role = name + " " + TestPostgres.uniqueRole("")
    let regionName = #"威海市"); DELETE FROM office; --'"#
    _ = try s.admin.addOffice(
      Office(role: role, region: "371000", regionName: regionName), scope: ["371000", "x\"}{,"])
    #expect(try s.admin.offices() == [Office(role: role, region: "371000", regionName: regionName)])
    let office = try s.open(as: role)
    #expect(try office.append([Self.figure("371000/5g-base-stations", 1)])[0].enteredBy == role)
    #expect(try s.admin.count() == 1)
  }

  /// Another connection's commit is notified: the change token moves at once; with no
  /// commit it stays, without asking the server.
  @Test func theChangeTokenFollowsNotifications() throws {
    let s = try Server()
    let watcher = try s.open(as: "li")
    let first = try watcher.changeToken()
    #expect(try watcher.changeToken() == first)
    try s.open(as: "wang").append([Self.figure("371000/5g-base-stations", 1)])
    var moved = false
    for _ in 0..<50 where !moved {
      moved = try watcher.changeToken() != first
      if !moved { usleep(20_000) }
    }
    #expect(moved)
  }

  /// An administrator ends the connection (as a restarted server would): the next read and
  /// the next write connect again, and nothing is lost or doubled.
  @Test func aTerminatedConnectionIsReestablished() throws {
    let s = try Server()
    let store = try s.open(as: "wang")
    try store.append([Self.figure("371000/5g-base-stations", 1)])
    try terminate(store, by: s)
    #expect(try store.seriesByKey()["371000/5g-base-stations"]?.count == 1)
    try terminate(store, by: s)
    try store.append([Self.figure("371002/5g-base-stations", 2)])
    #expect(try s.admin.count() == 2)
    #expect(try store.changeToken() == s.admin.changeToken())
  }

  /// The connection is killed in the middle of a large append: all of it or none is there.
  @Test func aConnectionKilledMidAppendLeavesAllOrNone() throws {
    let s = try Server()
    let writer = try s.open(as: "wang")
    let pid = try writer.backendPID()
    let batch = (1...20_000).map { Self.figure("371000/x-\($0)", Double($0)) }
    let outcome = Mutex<Result<Int, StoreError>?>(nil)
    let thread = Thread {
      do throws(StoreError) {
        let n = try writer.append(batch).count
        outcome.withLock { $0 = .success(n) }
      } catch { outcome.withLock { $0 = .failure(error) } }
    }
    thread.start()
    // Wait until its transaction has begun, then end it from outside.
    var inside = false
    for _ in 0..<200 where !inside {
      inside =
        try s.server.psql(
          "SELECT count(*) FROM pg_stat_activity WHERE pid = \(pid) AND xact_start IS NOT NULL"
        )
        .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
      if !inside { usleep(10_000) }
    }
    #expect(inside)
    try s.server.psql("SELECT pg_terminate_backend(\(pid))")
    while outcome.withLock({ $0 }) == nil { usleep(10_000) }
    let count = try s.admin.count()
    #expect(count == 0 || count == batch.count)
    if case .failure(let error)? = outcome.withLock({ $0 }) {
      guard case .unavailable = error else {
        Issue.record("expected .unavailable, got \(error)")
        return
      }
      #expect(count == 0)
    }
  }

  private func terminate(_ store: PostgresActualsStore, by s: Server) throws {
    try s.server.psql("SELECT pg_terminate_backend(\(try store.backendPID()))")
  }
}
