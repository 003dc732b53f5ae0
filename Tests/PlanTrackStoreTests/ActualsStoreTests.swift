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

@Suite("Actuals store")
struct ActualsStoreTests {
  let store: ActualsStore

  init() throws {
    store = try ActualsStore.inMemory()
  }

  /// The fast path of `seriesByKey` gives what resolving every full entry gives.
  @Test func seriesByKeyAgreesWithTheEntriesResolvedOneByOne() throws {
    var entries: [NewEntry] = []
    for (n, key) in ["b/x", "a/y", "c/z"].enumerated() {
      for m in 1...6 {
        let day = Day(year: 2024, month: m, day: 28)!
        entries.append(.value(key: key, asOf: day, value: Double(n * 100 + m), by: "u", at: "t"))
      }
      // A correction of March.
      entries.append(
        .value(key: key, asOf: Day(year: 2024, month: 3, day: 28)!, value: -1, by: "u", at: "t"))
    }
    let stored = try store.append(entries)
    // Retract the correction of b/x (brings March back) and April of a/y.
    try store.append([
      .retraction(of: stored[6], by: "u", at: "t"), .retraction(of: stored[10], by: "u", at: "t"),
    ])
    let expected = try store.entriesByKey().mapValues(ActualEntry.effectiveSeries)
    #expect(try store.seriesByKey() == expected)
    #expect(expected["b/x"]?.map(\.value) == [1, 2, 3, 4, 5, 6])
    #expect(expected["a/y"]?.count == 5)
  }

  @Test func aFreshStoreIsEmpty() throws {
    #expect(try store.count() == 0)
    #expect(try store.entries(key: stock).isEmpty)
    #expect(try store.seriesByKey().isEmpty)
  }

  @Test func appendReturnsTheStoredEntriesWithIncreasingIds() throws {
    let stored = try store.append([
      .value(
        key: stock, asOf: day("2025-01-31"), value: 150.5, input: "1505000辆", note: "一月",
        source: "统计月报", by: "li", at: "2025-02-03T09:00:00Z"),
      figure(chargers, "2025-01-31", 12),
    ])
    #expect(stored.count == 2)
    #expect(stored[0].id < stored[1].id)
    #expect(
      stored[0]
        == ActualEntry(
          id: stored[0].id, key: stock, asOf: day("2025-01-31"), value: 150.5, input: "1505000辆",
          note: "一月", source: "统计月报", enteredBy: "li", enteredAt: "2025-02-03T09:00:00Z"))
    let more = try store.append([figure("2025-02-28", 160)])
    #expect(more.map(\.id) == [stored[1].id + 1])
    #expect(try store.count() == 3)
    // What was returned is what is stored.
    #expect(try store.entries(key: stock) == [stored[0], more[0]])
  }

  @Test func entriesOfAKeyAreInEntryOrderNotDateOrder() throws {
    try store.append([figure("2025-03-31", 3)])
    try store.append([figure(chargers, "2025-01-31", 99)])
    try store.append([figure("2025-01-31", 1), figure("2025-02-28", 2)])
    let entries = try store.entries(key: stock)
    #expect(entries.map(\.value) == [3, 1, 2])
    #expect(entries.map(\.asOf) == [day("2025-03-31"), day("2025-01-31"), day("2025-02-28")])
    #expect(try store.entries(key: chargers).map(\.value) == [99])
    #expect(
      try store.entriesByKey().mapValues { $0.map(\.value) } == [
        stock: [3, 1, 2], chargers: [99],
      ])
  }

  @Test func aCorrectionSupersedesTheEarlierEntryForTheSameDate() throws {
    try store.append([figure("2025-01-31", 150), figure("2025-02-28", 160)])
    try store.append([figure("2025-01-31", 151, by: "wang")])
    let series = try #require(try store.seriesByKey()[stock])
    #expect(
      series == [
        Observation(day: day("2025-01-31"), value: 151),
        Observation(day: day("2025-02-28"), value: 160),
      ])
    // The history keeps all three entries.
    #expect(try store.entries(key: stock).map(\.value) == [150, 160, 151])
  }

  @Test func aRetractionWithdrawsAnEntryAndBringsBackTheOneItCorrected() throws {
    let first = try store.append([figure("2025-01-31", 150), figure("2025-02-28", 160)])
    let correction = try store.append([figure("2025-01-31", 151)])[0]

    let retraction = try store.append([
      .retraction(of: correction, note: "录入错误", by: "li", at: "2025-03-02T10:00:00Z")
    ])[0]
    #expect(retraction.isRetraction)
    #expect(retraction.retracts == correction.id)
    #expect(retraction.value == nil)
    #expect(retraction.asOf == day("2025-01-31"))
    #expect(
      try store.seriesByKey()[stock] == [
        Observation(day: day("2025-01-31"), value: 150),
        Observation(day: day("2025-02-28"), value: 160),
      ])

    try store.append([.retraction(of: first[1], by: "li", at: "2025-03-02T10:05:00Z")])
    #expect(try store.seriesByKey()[stock] == [Observation(day: day("2025-01-31"), value: 150)])
    #expect(try store.count() == 5)
  }

  @Test func lastUndoableSkipsRetractedAndOtherUsersEntriesAndWalksBack() throws {
    let li = try store.append([
      figure("2025-01-31", 1, by: "li"), figure("2025-02-28", 2, by: "li"),
    ])
    let wang = try store.append([figure("2025-03-31", 3, by: "wang")])[0]
    #expect(try store.lastUndoable(by: "li") == li[1])
    #expect(try store.lastUndoable(by: "wang") == wang)
    #expect(try store.lastUndoable(by: "zhao") == nil)

    // First undo of li: retract li's latest entry; the retraction itself is not undoable.
    try store.append([.retraction(of: li[1], by: "li", at: "2025-04-01T00:00:00Z")])
    #expect(try store.lastUndoable(by: "li") == li[0])
    // Second undo walks back one more.
    try store.append([.retraction(of: li[0], by: "li", at: "2025-04-01T00:01:00Z")])
    #expect(try store.lastUndoable(by: "li") == nil)
    // Wang's entry was never touched.
    #expect(try store.lastUndoable(by: "wang") == wang)
  }

  @Test func anEntryRetractedBySomeoneElseIsNotUndoable() throws {
    let li = try store.append([
      figure("2025-01-31", 1, by: "li"), figure("2025-02-28", 2, by: "li"),
    ])
    try store.append([.retraction(of: li[1], by: "wang", at: "2025-04-01T00:00:00Z")])
    #expect(try store.lastUndoable(by: "li") == li[0])
    #expect(try store.lastUndoable(by: "wang") == nil)
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity, 2e15])
  func aBatchWithANonFiniteValueWritesNothing(bad: Double) throws {
    try store.append([figure("2025-01-31", 1)])
    #expect(throws: StoreError.self) {
      try store.append([
        figure("2025-02-28", 2), figure("2025-03-31", bad), figure("2025-04-30", 4),
      ])
    }
    #expect(try store.count() == 1)
    #expect(try store.entries(key: stock).map(\.value) == [1])
  }

  @Test func aBatchRefusedBySQLiteHalfwayIsRolledBack() throws {
    try store.append([figure("2025-01-31", 1)])
    // The empty key passes Swift's checks and fails the CHECK constraint on the third insert,
    // after two rows were inserted in the same transaction.
    var badKey = figure("2025-03-31", 3)
    badKey.key = ""
    var noUser = figure("2025-03-31", 3)
    noUser.enteredBy = ""
    for bad in [badKey, noUser] {
      do {
        try store.append([figure("2025-02-28", 2), figure(chargers, "2025-02-28", 5), bad])
        Issue.record("the batch was accepted")
      } catch let error as StoreError {
        guard case .rejected(let reason) = error else {
          Issue.record("expected .rejected, got \(error)")
          continue
        }
        #expect(reason.contains("CHECK constraint failed"), "\(reason)")
      }
      #expect(try store.count() == 1)
      #expect(try store.entries(key: chargers).isEmpty)
    }
  }

  @Test func aRetractionOfAnUnknownEntryIsRefused() throws {
    let real = try store.append([figure("2025-01-31", 1)])[0]
    var ghost = real
    ghost.id = 999
    #expect(throws: StoreError.self) {
      try store.append([.retraction(of: ghost, by: "li", at: "2025-04-01T00:00:00Z")])
    }
    #expect(try store.count() == 1)
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
      let store = try ActualsStore.open(path: path)
      let mode = try store.writer.read { db in
        try String.fetchOne(db, sql: "PRAGMA journal_mode")
      }
      #expect(mode == "wal")
      written = try store.append([figure("2025-01-31", 150), figure(chargers, "2025-01-31", 12)])
    }
    #expect(FileManager.default.fileExists(atPath: path))

    let reopened = try ActualsStore.open(path: path)
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
      try ActualsStore.migrator.migrate(pool, upTo: "v1-entry")
      try pool.write { db in
        try db.execute(
          sql: """
            INSERT INTO entry (key, as_of, value, entered_by, entered_at)
            VALUES ('\(stock)', '2025-01-31', 150, 'li', '2025-02-01T08:00:00Z'),
                   ('\(stock)', '2025-01-31', 151, 'li', '2025-02-02T08:00:00Z')
            """)
      }
    }
    let store = try ActualsStore.open(path: path)
    #expect(try store.seriesByKey() == [stock: [Observation(day: day("2025-01-31"), value: 151)]])
    let plan = try store.writer.read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + ActualsStore.seriesQuery).map {
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
      let store = try ActualsStore.open(path: path)
      try store.append([figure("2025-01-31", 150)])
      try store.writer.write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
      }
    }
    #expect(throws: StoreError.unsupportedSchema(found: "v9-future")) {
      try ActualsStore.open(path: path)
    }
  }

  @Test func anInMemoryDatabaseWithAnUnknownMigrationIsRefused() throws {
    let queue = try DatabaseQueue()
    try ActualsStore.migrator.migrate(queue)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-later')")
    }
    #expect(throws: StoreError.unsupportedSchema(found: "v2-later")) {
      try ActualsStore(writer: queue)
    }
  }

  @Test func aFileThatIsNotADatabaseCannotBeOpened() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("plantrack.sqlite", String(repeating: "not a database ", count: 100))
    do {
      _ = try ActualsStore.open(path: file.path)
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
