import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

@testable import PlanTrackStore

private let stock = "sd-nev-countryside/nev-stock"
private let chargers = "sd-nev-countryside/public-chargers"

private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A value entry for `key` (the NEV stock target unless another is named).
private func figure(
  _ key: String = stock, _ iso: String, _ value: Double, by user: String = "li",
  at time: String = "2025-03-01T08:00:00Z"
) -> NewEntry {
  .value(key: key, asOf: day(iso), value: value, by: user, at: time)
}

/// Each implementation of `ActualsStore`, as the conformance suite runs it. A new backend
/// adds a case here.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqliteFile = "SQLite file"
  case sqliteMemory = "SQLite in memory"
  /// A throw-away schema on the test server `PLANTRACK_TEST_PG` names (`.ci/run` starts one).
  case postgres = "PostgreSQL"

  var testDescription: String { rawValue }

  /// The backends to run: all of them (PostgreSQL on the test server scripts/test starts; a
  /// missing server fails its cases, never skips them).
  static var available: [StoreBackend] { allCases }

  /// A fresh, empty store, and a way to open a second handle onto the same store (another
  /// writer: another process's connection for a file; the same handle in memory).
  func make() throws -> StoreFixture {
    switch self {
    case .sqliteFile:
      let dir = try TemporaryDirectory()
      let path = dir.url.appendingPathComponent("plantrack.sqlite").path
      let store = try SQLiteActualsStore.open(path: path)
      return StoreFixture(
        store: store, another: { try SQLiteActualsStore.open(path: path) },
        writer: { _ in store }, cleanup: { dir.remove() })
    case .sqliteMemory:
      let store = try SQLiteActualsStore.inMemory()
      return StoreFixture(store: store, another: { store }, writer: { _ in store }, cleanup: {})
    case .postgres:
      let server = try TestPostgres.shared()
      let schema = try server.freshSchema(owner: "li")
      let url = { (user: String) in server.url(schema: schema, user: user) }
      return StoreFixture(
        store: try PostgresActualsStore.open(url("li"), initialize: true),
        another: { try PostgresActualsStore.open(url("li")) },
        writer: { try PostgresActualsStore.open(url($0)) },
        cleanup: { server.drop(schema: schema) })
    }
  }
}

/// A store under test and what it takes to clean it up.
struct StoreFixture {
  /// The store, written by “li” (on PostgreSQL the role li, who owns the schema).
  let store: any ActualsStore
  let another: () throws -> any ActualsStore
  /// A handle through which `user` writes: the same store where the client names who
  /// enters (SQLite), a connection as that role where the server does (PostgreSQL: li, wang
  /// and zhao are roles of the test server that may write the fixture's schema).
  let writer: (String) throws -> any ActualsStore
  let cleanup: () -> Void
}

/// The behaviour every `ActualsStore` must have, written once against the protocol and run
/// against every backend.
@Suite("Actuals store conformance")
struct ActualsStoreConformanceTests {
  @Test(arguments: StoreBackend.available)
  func aFreshStoreIsEmpty(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    #expect(try store.count() == 0)
    #expect(try store.entries(key: stock).isEmpty)
    #expect(try store.seriesByKey().isEmpty)
    #expect(try store.lastUndoable(by: "li") == nil)
    #expect(!store.isReadOnly)
  }

  @Test(arguments: StoreBackend.available)
  func appendReturnsTheStoredEntriesWithIncreasingIds(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
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
          id: stored[0].id, key: stock, asOf: day("2025-01-31"), value: 150.5,
          input: "1505000辆", note: "一月", source: "统计月报", enteredBy: "li",
          // When is the server's clock on a server; a file takes the client's word.
          enteredAt: backend == .postgres ? stored[0].enteredAt : "2025-02-03T09:00:00Z"))
    if backend == .postgres {
      #expect(stored[0].enteredAt != "2025-02-03T09:00:00Z")
      #expect(Day(iso: stored[0].enteredAt.prefix(10)) != nil && stored[0].enteredAt.hasSuffix("Z"))
    }
    let more = try store.append([figure(stock, "2025-02-28", 160)])
    #expect(more[0].id > stored[1].id)
    #expect(try store.count() == 3)
    // What was returned is what is stored.
    #expect(try store.entries(key: stock) == [stored[0], more[0]])
  }

  @Test(arguments: StoreBackend.available)
  func entriesOfAKeyAreInEntryOrderNotDateOrder(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    try store.append([figure(stock, "2025-03-31", 3)])
    try store.append([figure(chargers, "2025-01-31", 99)])
    try store.append([figure(stock, "2025-01-31", 1), figure(stock, "2025-02-28", 2)])
    let entries = try store.entries(key: stock)
    #expect(entries.map(\.value) == [3, 1, 2])
    #expect(entries.map(\.asOf) == [day("2025-03-31"), day("2025-01-31"), day("2025-02-28")])
    #expect(try store.entries(key: chargers).map(\.value) == [99])
  }

  @Test(arguments: StoreBackend.available)
  func aCorrectionSupersedesAndARetractionBringsBackWhatItCorrected(_ backend: StoreBackend)
    throws
  {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    let first = try store.append([
      figure(stock, "2025-01-31", 150), figure(stock, "2025-02-28", 160),
    ])
    let correction = try fixture.writer("wang").append([
      figure(stock, "2025-01-31", 151, by: "wang")
    ])[0]
    #expect(
      try store.seriesByKey()[stock] == [
        Observation(day: day("2025-01-31"), value: 151),
        Observation(day: day("2025-02-28"), value: 160),
      ])
    let retraction = try store.append([
      .retraction(of: correction, note: "录入错误", by: "li", at: "2025-03-02T10:00:00Z")
    ])[0]
    #expect(retraction.retracts == correction.id && retraction.value == nil)
    #expect(retraction.asOf == day("2025-01-31"))
    #expect(
      try store.seriesByKey()[stock] == [
        Observation(day: day("2025-01-31"), value: 150),
        Observation(day: day("2025-02-28"), value: 160),
      ])
    try store.append([.retraction(of: first[1], by: "li", at: "2025-03-02T10:05:00Z")])
    #expect(try store.seriesByKey()[stock] == [Observation(day: day("2025-01-31"), value: 150)])
    // The history keeps every entry.
    #expect(try store.count() == 5)
  }

  /// The store's series read, however fast, gives what resolving each target's full entries
  /// with `EntryLog` gives: on seeded random logs of values, corrections and retractions.
  @Test(arguments: StoreBackend.available)
  func theSeriesReadAgreesWithEntryLogOnRandomLogs(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    var rng = SplitMix64(seed: 20_261_204)
    let keys = ["b/x", "a/y", "c/z", "a/z-2"]
    var stored: [ActualEntry] = []
    for _ in 0..<30 {
      var batch: [NewEntry] = []
      for _ in 0..<(1 + rng.int(6)) {
        if !stored.isEmpty, rng.int(4) == 0 {
          batch.append(.retraction(of: rng.pick(stored), by: "u", at: "t"))
        } else {
          let d = Day(year: 2024, month: 1 + rng.int(6), day: 28)!
          batch.append(
            .value(key: rng.pick(keys), asOf: d, value: Double(rng.int(1000)), by: "u", at: "t"))
        }
      }
      stored += try store.append(batch).filter { !$0.isRetraction }
    }
    var expected: [String: [Observation]] = [:]
    for key in keys {
      let series = EntryLog.series(try store.entries(key: key))
      if !series.isEmpty { expected[key] = series }
    }
    #expect(try store.seriesByKey() == expected)
    #expect(expected.count >= 3)
  }

  @Test(arguments: StoreBackend.available)
  func lastUndoableSkipsRetractedAndOtherUsersEntriesAndWalksBack(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    let li = try store.append([
      figure(stock, "2025-01-31", 1, by: "li"), figure(stock, "2025-02-28", 2, by: "li"),
    ])
    let wangs = try fixture.writer("wang")
    let wang = try wangs.append([figure(stock, "2025-03-31", 3, by: "wang")])[0]
    #expect(try store.lastUndoable(by: "li") == li[1])
    #expect(try store.lastUndoable(by: "wang") == wang)
    #expect(try store.lastUndoable(by: "zhao") == nil)
    // An undo retracts li's latest entry; the retraction itself is not undoable.
    try store.append([.retraction(of: li[1], by: "li", at: "2025-04-01T00:00:00Z")])
    #expect(try store.lastUndoable(by: "li") == li[0])
    // An entry retracted by someone else is not undoable either.
    try wangs.append([.retraction(of: li[0], by: "wang", at: "2025-04-01T00:01:00Z")])
    #expect(try store.lastUndoable(by: "li") == nil)
    #expect(try store.lastUndoable(by: "wang") == wang)
  }

  @Test(arguments: StoreBackend.available, [Double.nan, .infinity, -.infinity, 2e15])
  func aBatchWithANonFiniteValueWritesNothing(_ backend: StoreBackend, bad: Double) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    try store.append([figure(stock, "2025-01-31", 1)])
    #expect(throws: StoreError.self) {
      try store.append([
        figure(stock, "2025-02-28", 2), figure(stock, "2025-03-31", bad),
        figure(stock, "2025-04-30", 4),
      ])
    }
    #expect(try store.entries(key: stock).map(\.value) == [1])
  }

  /// The database's own constraints refuse an entry after others of the same batch were
  /// written: the whole batch is rolled back, and the refusal is a `StoreError.rejected`.
  @Test(arguments: StoreBackend.available)
  func aBatchRefusedHalfwayIsRolledBack(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    try store.append([figure(stock, "2025-01-31", 1)])
    var badKey = figure(stock, "2025-03-31", 3)
    badKey.key = ""
    var noUser = figure(stock, "2025-03-31", 3)
    noUser.enteredBy = ""
    // Where the server names who enters (PostgreSQL), the client's empty name is not used.
    for bad in [badKey] + (store.sessionUser == nil ? [noUser] : []) {
      do {
        try store.append([figure(stock, "2025-02-28", 2), figure(chargers, "2025-02-28", 5), bad])
        Issue.record("the batch was accepted")
      } catch let error as StoreError {
        guard case .rejected = error else {
          Issue.record("expected .rejected, got \(error)")
          continue
        }
      }
      #expect(try store.count() == 1)
      #expect(try store.entries(key: chargers).isEmpty)
    }
  }

  @Test(arguments: StoreBackend.available)
  func aRetractionOfAnUnknownEntryIsRefused(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    var ghost = try store.append([figure(stock, "2025-01-31", 1)])[0]
    ghost.id += 1000
    #expect(throws: StoreError.self) {
      try store.append([.retraction(of: ghost, by: "li", at: "2025-04-01T00:00:00Z")])
    }
    #expect(try store.count() == 1)
  }

  /// The change token stays while nothing is committed and changes with every commit, this
  /// handle's at once, another writer's as soon as the store hears of it: what the
  /// dashboard's live update polls.
  @Test(arguments: StoreBackend.available)
  func theChangeTokenChangesWithEveryCommit(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let store = fixture.store
    let t0 = try store.changeToken()
    #expect(try store.changeToken() == t0)
    _ = try store.seriesByKey()
    #expect(try store.changeToken() == t0, "a read changed the token")
    try store.append([figure(stock, "2025-01-31", 1)])
    let t1 = try store.changeToken()
    #expect(t1 != t0, "this handle's commit did not change the token")
    let other = try fixture.another()
    try other.append([figure(stock, "2025-02-28", 2)])
    // Another writer's commit shows once the store hears of it: at once in a file, on a
    // server when its notification arrives (moments later).
    var t2 = try store.changeToken()
    for _ in 0..<100 where t2 == t1 {
      usleep(20_000)
      t2 = try store.changeToken()
    }
    #expect(t2 != t1, "another writer's commit did not change the token")
    #expect(try store.seriesByKey()[stock]?.count == 2)
    // A refused batch commits nothing.
    _ = try? store.append([figure(stock, "2025-03-31", .nan)])
    #expect(try store.changeToken() == t2)
  }

  /// After `close`, calls fail with a `StoreError` (not a crash, not another library's error).
  @Test(arguments: StoreBackend.available)
  func aClosedStoreFailsWithAStoreError(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    try fixture.store.append([figure(stock, "2025-01-31", 1)])
    fixture.store.close()
    #expect(throws: StoreError.self) { try fixture.store.seriesByKey() }
    #expect(throws: StoreError.self) { try fixture.store.entries(key: stock) }
    #expect(throws: StoreError.self) { try fixture.store.append([figure(stock, "2025-02-28", 2)]) }
  }

  @Test(arguments: StoreBackend.available)
  func infoSaysWhatAndHowMuch(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    try fixture.store.append([figure(stock, "2024-01-31", 1), figure(stock, "2024-02-29", 2)])
    let info = try fixture.store.info()
    #expect(["sqlite", "postgresql"].contains(info.kind))
    #expect(info.entries == 2)
    #expect(!info.migrations.isEmpty && info.migrations.first == "v1-entry")
    #expect(!info.readOnly)
    #expect(backend == .sqliteMemory || info.bytes > 0)
  }

  /// `store copy` into this backend: every entry with its id, so retractions still point at
  /// what they retract; new entries continue after the copied ones; a store with entries is
  /// refused.
  @Test(arguments: StoreBackend.available)
  func aCopiedLogIsTheSameLog(_ backend: StoreBackend) throws {
    let source = try SQLiteActualsStore.inMemory()
    let first = try source.append([
      figure(stock, "2024-01-31", 100), figure(chargers, "2024-01-31", 5),
    ])
    try source.append([figure(stock, "2024-01-31", 101, by: "wang")])
    try source.append([.retraction(of: first[1], by: "li", at: "2025-03-02T08:00:00Z")])
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let result = try StoreCopy.copy(from: source, to: fixture.store)
    #expect(result.entries == 4)
    #expect(try fixture.store.allEntries() == source.allEntries())
    #expect(try fixture.store.seriesByKey() == source.seriesByKey())
    let next = try fixture.store.append([figure(stock, "2024-02-29", 102)])
    #expect(next[0].id > 4)
    #expect(throws: StoreError.self) {
      try fixture.store.receive(try source.allEntries(), reviews: [])
    }
    #expect(StoreCopy.checksum(try source.allEntries()) == result.checksum)
  }

  /// Review steps take their figure's date and value from the store; a step about an entry
  /// of another series, or a return without a comment, is refused with nothing written; a
  /// step and the figure it is about are written together or not at all.
  @Test(arguments: StoreBackend.available)
  func reviewStepsAreAppendedWithTheirFigures(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let stored = try fixture.store.append([
      figure(stock, "2024-06-30", 150), figure(chargers, "2024-06-30", 8),
    ])
    let before = try fixture.store.changeToken()
    let submit = NewReview(
      key: stock, period: "2024-06", action: .submit, entry: .stored(stored[0].id), by: "li",
      at: "2024-07-08T09:00:00Z")
    let steps = try fixture.store.appendReviews([submit], entries: []).reviews
    #expect(steps.count == 1)
    #expect(steps[0].asOf == day("2024-06-30") && steps[0].value == 150)
    #expect(steps[0].entry == stored[0].id && steps[0].action == .submit)
    #expect(try fixture.store.changeToken() != before)
    #expect(try fixture.store.reviews(key: stock) == steps)
    #expect(try fixture.store.reviews(key: chargers).isEmpty)

    var wrong = submit
    wrong.entry = .stored(stored[1].id)  // the chargers' entry, not the stock's
    #expect(throws: StoreError.self) { try fixture.store.appendReviews([wrong], entries: []) }
    var silent = submit
    silent.action = .return
    #expect(throws: StoreError.commentRequired(what: "the comment of a return")) {
      try fixture.store.appendReviews([silent], entries: [])
    }
    var approve = submit
    approve.action = .approve
    try fixture.writer("wang").appendReviews([approve], entries: [])
    // A correction with its figure: a bad step takes the figure with it.
    let correction = NewReview(
      key: stock, period: "2024-06", action: .correct, entry: .appended(0), comment: "修订",
      by: "li", at: "2024-08-01T09:00:00Z")
    var broken = correction
    broken.key = chargers
    #expect(throws: StoreError.self) {
      try fixture.store.appendReviews([broken], entries: [figure(stock, "2024-06-30", 155)])
    }
    #expect(try fixture.store.count() == 2)
    let written = try fixture.store.appendReviews(
      [correction], entries: [figure(stock, "2024-06-30", 155)])
    #expect(written.reviews[0].entry == written.entries[0].id && written.reviews[0].value == 155)
    #expect(try fixture.store.allReviews().map(\.action) == [.submit, .approve, .correct])
    #expect(try fixture.store.info().reviews == 3)
  }

  /// `store copy` moves the review steps too, with who and when as they were.
  @Test(arguments: StoreBackend.available)
  func aCopyKeepsTheReviewSteps(_ backend: StoreBackend) throws {
    let source = try SQLiteActualsStore.inMemory()
    let e = try source.append([figure(stock, "2024-06-30", 150)])
    try source.appendReviews(
      [
        NewReview(
          key: stock, period: "2024-06", action: .submit, entry: .stored(e[0].id), by: "wang",
          at: "2024-07-08T09:00:00Z"),
        NewReview(
          key: stock, period: "2024-06", action: .return, entry: .stored(e[0].id),
          comment: "口径", by: "li", at: "2024-07-09T09:00:00Z"),
      ], entries: [])
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    let result = try StoreCopy.copy(from: source, to: fixture.store)
    #expect(result.reviews == 2)
    #expect(try fixture.store.allReviews() == source.allReviews())
    let next = try fixture.store.appendReviews(
      [
        NewReview(
          key: stock, period: "2024-06", action: .submit, entry: .stored(e[0].id), by: "li",
          at: "2024-07-10T09:00:00Z")
      ], entries: [])
    #expect(next.reviews[0].id > 2)
  }

  /// A status reads the steps of a few periods, every approval for official reports, and
  /// every step of a period that was ever returned; not years of steps.
  @Test(arguments: StoreBackend.available)
  func theStepsOfSomePeriodsAreReadAlone(_ backend: StoreBackend) throws {
    let fixture = try backend.make()
    defer { fixture.cleanup() }
    #expect(try !fixture.store.hasReviews())
    let e = try fixture.store.append([
      figure(stock, "2024-05-31", 1), figure(stock, "2024-06-30", 2),
      figure(chargers, "2024-06-30", 3), figure(chargers, "2024-07-31", 4),
    ])
    func step(_ i: Int, _ period: String, _ action: ReviewAction) -> NewReview {
      NewReview(
        key: e[i].key, period: period, action: action, entry: .stored(e[i].id),
        comment: action == .return ? "口径" : nil, by: "li", at: "2024-08-01T09:00:00Z")
    }
    // Submitted by li, reviewed by wang (nobody reviews what they submitted, on a server).
    let reviewer = try fixture.writer("wang")
    for (i, period, action) in [
      (0, "2024-05", ReviewAction.submit), (0, "2024-05", .return), (1, "2024-06", .submit),
      (1, "2024-06", .approve), (2, "2024-06", .submit), (3, "2024-07", .submit),
      (3, "2024-07", .approve),
    ] {
      let by = action == .submit ? fixture.store : reviewer
      try by.appendReviews([step(i, period, action)], entries: [])
    }
    #expect(try fixture.store.hasReviews())
    func read(
      _ periods: [String], _ actions: [ReviewAction], _ with: [ReviewAction],
      endingWith: [ReviewAction] = []
    ) throws -> [String] {
      try fixture.store.reviews(
        ReviewQuery(
          periods: periods, actions: actions, periodsWith: with, periodsEndingWith: endingWith)
      ).map {
        "\($0.key == stock ? "stock" : "chargers") \($0.period) \($0.action.rawValue)"
      }
    }
    #expect(
      try read(["2024-06"], [], []) == [
        "stock 2024-06 submit", "stock 2024-06 approve", "chargers 2024-06 submit",
      ])
    #expect(try read([], [.approve], []) == ["stock 2024-06 approve", "chargers 2024-07 approve"])
    #expect(
      try read(["2024-07"], [], [.return]) == [
        "stock 2024-05 submit", "stock 2024-05 return", "chargers 2024-07 submit",
        "chargers 2024-07 approve",
      ])
    // Official reports: each period's last approval by a day (steps are stamped 2024-08-01
    // by the client on a file, now by a server).
    let approved = try fixture.store.approvedFigures(asOf: day("9999-12-31"))
    #expect(approved[stock] == [Observation(day: day("2024-06-30"), value: 2)])
    #expect(approved[chargers] == [Observation(day: day("2024-07-31"), value: 4)])
    #expect(try fixture.store.approvedFigures(asOf: day("2024-07-31")).isEmpty)
    // What waits for review: periods whose last step is a submission.
    #expect(try read([], [], [], endingWith: [.submit]) == ["chargers 2024-06 submit"])
    #expect(
      try read([], [], [], endingWith: [.return]) == [
        "stock 2024-05 submit", "stock 2024-05 return",
      ])
    #expect(try read([], [], []).isEmpty)
  }
}
