import Foundation
import GRDB
import PlanTrackCore
import Testing

@testable import PlanTrackStore

private let stock = "sd-nev-countryside/nev-stock"
private let chargers = "sd-nev-countryside/public-chargers"

private func day(_ iso: String) -> Day {
  Day(iso: iso)!
}

/// A value entry for `key`.
private func figure(
  _ key: String, _ iso: String, _ value: Double, by user: String = "li",
  at time: String = "2025-03-01T08:00:00Z"
) -> NewEntry {
  .value(key: key, asOf: day(iso), value: value, by: user, at: time)
}

/// A value entry for the NEV stock target.
private func figure(
  _ iso: String, _ value: Double, by user: String = "li", at time: String = "2025-03-01T08:00:00Z"
) -> NewEntry {
  figure(stock, iso, value, by: user, at: time)
}

/// What is particular to the SQLite store: its SQL rules, WAL, migrations and files. What every
/// store must do is in `ActualsStoreConformanceTests`, which runs against this one too.
@Suite("SQLite actuals store")
struct SQLiteActualsStoreTests {
  let store: SQLiteActualsStore

  init() throws {
    store = try SQLiteActualsStore.inMemory()
  }

  @Test(arguments: [
    "UPDATE entry SET value = 999",
    "DELETE FROM entry",
    "UPDATE entry SET retracts = id, value = NULL WHERE id = 1",
  ])
  func theDatabaseRefusesUpdatesAndDeletes(sql: String) throws {
    let stored = try store.append([figure("2025-01-31", 1), figure("2025-02-28", 2)])
    do {
      try store.writer.write { db in try db.execute(sql: sql) }
      Issue.record("SQLite accepted: \(sql)")
    } catch let error as DatabaseError {
      #expect(error.message?.contains("entries are append-only") == true, "\(error)")
    }
    #expect(try store.entries(key: stock) == stored)
  }

  @Test func aFileStoreUsesWALAndKeepsItsEntriesWhenReopened() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.url.appendingPathComponent("plantrack.sqlite").path
    let written: [ActualEntry]
    do {
      let store = try SQLiteActualsStore.open(path: path)
      let mode = try store.writer.read { db in
        try String.fetchOne(db, sql: "PRAGMA journal_mode")
      }
      #expect(mode == "wal")
      written = try store.append([figure("2025-01-31", 150), figure(chargers, "2025-01-31", 12)])
    }
    #expect(FileManager.default.fileExists(atPath: path))

    let reopened = try SQLiteActualsStore.open(path: path)
    #expect(try reopened.count() == 2)
    #expect(try reopened.entries(key: stock) == [written[0]])
    #expect(try reopened.entries(key: chargers) == [written[1]])
    let next = try reopened.append([figure("2025-02-28", 160)])
    #expect(next[0].id > written[1].id)
  }

  @Test func aStoreOfTheFirstSchemaIsMigratedAndKeepsItsEntries() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.url.appendingPathComponent("plantrack.sqlite").path
    do {
      let pool = try DatabasePool(path: path)
      try SQLiteActualsStore.migrator.migrate(pool, upTo: "v1-entry")
      try pool.write { db in
        try db.execute(
          sql: """
            INSERT INTO entry (key, as_of, value, entered_by, entered_at)
            VALUES ('\(stock)', '2025-01-31', 150, 'li', '2025-02-01T08:00:00Z'),
                   ('\(stock)', '2025-01-31', 151, 'li', '2025-02-02T08:00:00Z')
            """)
      }
    }
    let store = try SQLiteActualsStore.open(path: path)
    #expect(try store.seriesByKey() == [stock: [Observation(day: day("2025-01-31"), value: 151)]])
    let plan = try store.writer.read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteActualsStore.seriesQuery).map {
        $0["detail"] as String
      }.joined()
    }
    #expect(plan.contains("COVERING INDEX entry_series"), "\(plan)")
  }

  @Test func aStoreWithAnUnknownNewerMigrationIsRefused() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.url.appendingPathComponent("plantrack.sqlite").path
    do {
      let store = try SQLiteActualsStore.open(path: path)
      try store.append([figure("2025-01-31", 150)])
      try store.writer.write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
      }
    }
    #expect(throws: StoreError.unsupportedSchema(found: "v9-future")) {
      try SQLiteActualsStore.open(path: path)
    }
  }

  @Test func anInMemoryDatabaseWithAnUnknownMigrationIsRefused() throws {
    let queue = try DatabaseQueue()
    try SQLiteActualsStore.migrator.migrate(queue)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-later')")
    }
    #expect(throws: StoreError.unsupportedSchema(found: "v2-later")) {
      try SQLiteActualsStore(writer: queue)
    }
  }

  @Test func aFileThatIsNotADatabaseCannotBeOpened() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("plantrack.sqlite", String(repeating: "not a database ", count: 100))
    do {
      _ = try SQLiteActualsStore.open(path: file.path)
      Issue.record("opened a file that is not a database")
    } catch let error as StoreError {
      guard case .cannotOpen(let path, _) = error else {
        Issue.record("expected .cannotOpen, got \(error)")
        return
      }
      #expect(path == file.path)
    }
  }
}
