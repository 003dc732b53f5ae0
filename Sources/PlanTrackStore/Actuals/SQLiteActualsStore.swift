import Foundation
import GRDB
import Synchronization
import GRDBSQLite
import PlanTrackCore

/// Who may read and write a store file that plantrack creates.
public enum StoreAccess: Sendable {
  /// Only its owner (0600): the default.
  case owner
  /// Its owner and the file's group (0660), for an office sharing one workspace.
  case group

  var mode: mode_t { self == .owner ? 0o600 : 0o660 }
}

/// The actuals store in SQLite (WAL mode): a file in the workspace, or in memory for tests.
///
/// Every write is one short transaction, and a busy database is waited for (up to
/// `busyTimeout`) rather than failing, so several people can record at once. The rules of the
/// log live in SQL too (CHECK constraints, triggers that refuse UPDATE and DELETE).
public final class SQLiteActualsStore: ActualsStore, @unchecked Sendable {
  let writer: any DatabaseWriter
  /// Commits made through this handle: SQLite's data version counts only other connections'.
  private let ownCommits = Mutex(0)
  /// Set by `close`: GRDB must not be called on a closed connection.
  private let closed = Mutex(false)

  /// How long a writer waits for another's lock before giving up.
  public static let busyTimeout: TimeInterval = 10

  /// The file of a store opened read-only; `nil` when it can be written.
  let readOnlyPath: String?
  public var isReadOnly: Bool { readOnlyPath != nil }

  init(writer: any DatabaseWriter) throws {
    self.writer = writer
    readOnlyPath = nil
    try Self.refuseUnknownMigrations(writer)
    try SQLiteActualsStore.migrator.migrate(writer)
  }

  /// A store that is only read: its schema is checked, not migrated (every schema so far
  /// reads the same way).
  init(readOnly reader: any DatabaseWriter, path: String) throws {
    writer = reader
    readOnlyPath = path
    try Self.refuseUnknownMigrations(reader)
  }

  private static func refuseUnknownMigrations(_ db: any DatabaseWriter) throws {
    let known = Set(SQLiteActualsStore.migrator.migrations)
    let applied = try db.read { db in try SQLiteActualsStore.migrator.appliedIdentifiers(db) }
    if let unknown = applied.subtracting(known).sorted().first {
      throw StoreError.unsupportedSchema(found: unknown)
    }
  }

  static func configuration(readonly: Bool = false) -> Configuration {
    var config = Configuration()
    config.busyMode = .timeout(busyTimeout)
    config.readonly = readonly
    config.label = "plantrack"
    return config
  }

  /// Opens (creating if needed) the store at `path`, in WAL mode.
  ///
  /// Creating the file, switching it to WAL and migrating it are not safe for several processes
  /// at once (one fails with "table entry already exists" or "database is locked"), so opening
  /// holds an exclusive lock on `<path>.lock` and processes open one at a time.
  ///
  /// A new store file is created with `access` permissions (owner only by default) whatever
  /// the umask; SQLite gives its -wal and -shm files the same. A store that exists but cannot
  /// be written (its file or its folder) is refused with `StoreError.readOnly`: use
  /// `openForReading` to read it.
  public static func open(path: String, access: StoreAccess = .owner) throws(StoreError)
    -> SQLiteActualsStore
  {
    if FileManager.default.fileExists(atPath: path), !isWritable(path) {
      throw StoreError.readOnly(path: path)
    }
    do {
      return try withFileLock(path + ".lock", mode: access.mode) {
        try createFile(path, mode: access.mode)
        let pool = try DatabasePool(path: path, configuration: configuration())
        return try SQLiteActualsStore(writer: pool)
      }
    } catch {
      throw StoreError(error, opening: path)
    }
  }

  /// Opens an existing store to read it: as `open` does when it can be written, else
  /// read-only (no migration; writes fail with `StoreError.readOnly`).
  public static func openForReading(path: String) throws(StoreError) -> SQLiteActualsStore {
    if isWritable(path) { return try open(path: path) }
    guard Glibc.access(path, R_OK) == 0 else {
      throw StoreError.cannotOpen(path: path, reason: "permission denied")
    }
    do {
      return try SQLiteActualsStore(readOnly: try readOnlyQueue(path), path: path)
    } catch {
      throw StoreError(error, opening: path)
    }
  }

  /// A read-only connection. SQLite reads a WAL database read-only only where it can open or
  /// create the -shm file; in a folder this user cannot write, a store whose log was fully
  /// written back (no -wal, or an empty one: every clean close leaves it so) is read as an
  /// immutable file instead.
  private static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
    func probe(_ queue: DatabaseQueue) throws -> DatabaseQueue {
      _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
      return queue
    }
    do {
      return try probe(DatabaseQueue(path: path, configuration: configuration(readonly: true)))
    } catch let error as DatabaseError {
      let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size]) as? Int
      guard (wal ?? 0) == 0 else {
        throw StoreError.cannotOpen(
          path: path,
          reason:
            "\(error.message ?? "\(error.resultCode)"); its log (-wal) holds entries not yet written back, and only someone who can write the folder can read them"
        )
      }
      // A URI filename (the system SQLite accepts them), the path percent-encoded.
      let uri =
        "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
      return try probe(
        DatabaseQueue(path: uri + "?immutable=1", configuration: configuration(readonly: true)))
    }
  }

  /// Whether this process may write the store: its file and its folder (for the -wal, -shm
  /// and lock files).
  static func isWritable(_ path: String) -> Bool {
    let folder = (path as NSString).deletingLastPathComponent
    return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
  }

  /// Creates an empty store file (a valid empty database) with `mode`, unless it exists.
  private static func createFile(_ path: String, mode: mode_t) throws {
    let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    if fd < 0 {
      if errno == EEXIST { return }
      if errno == EACCES || errno == EROFS { throw StoreError.readOnly(path: path) }
      throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(fd, mode)  // whatever the umask took away
    Glibc.close(fd)
  }

  /// A fresh in-memory store, for tests.
  public static func inMemory() throws(StoreError) -> SQLiteActualsStore {
    do {
      return try SQLiteActualsStore(writer: DatabaseQueue(configuration: configuration()))
    } catch {
      throw StoreError(error, opening: ":memory:")
    }
  }

  /// Runs `body`, turning any database failure into a `StoreError`: none escapes the store.
  private func guarded<T>(_ body: () throws -> T) throws(StoreError) -> T {
    try refuseIfClosed()
    do {
      return try body()
    } catch {
      throw StoreError(readFailure: error)
    }
  }

  @discardableResult
  public func append(_ entries: [NewEntry]) throws(StoreError) -> [ActualEntry] {
    try appendReviews([], entries: entries).entries
  }

  /// Runs `body` in one write transaction, turning every failure into a `StoreError` (what
  /// the database refused is `.rejected`); refused on a closed or read-only store.
  private func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    try refuseIfClosed()
    if let readOnlyPath { throw StoreError.readOnly(path: readOnlyPath) }
    do {
      let result = try writer.write(body)
      ownCommits.withLock { $0 += 1 }
      return result
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError {
      throw StoreError.rejected(reason: error.message ?? "\(error.resultCode)")
    } catch {
      throw StoreError(readFailure: error)
    }
  }

  public func entries(key: String) throws(StoreError) -> [ActualEntry] {
    try guarded {
      try writer.read { db in
        try EntryRecord.filter(EntryRecord.Columns.key == key)
          .order(EntryRecord.Columns.id)
          .fetchAll(db)
          .compactMap(\.entry)
      }
    }
  }

  /// What `seriesByKey` reads: answered from the covering `entry_series` index alone.
  static let seriesQuery =
    "SELECT id, key, as_of, value, retracts FROM entry ORDER BY key, as_of, id"

  /// The effective series of every target.
  ///
  /// Reads only the columns the series needs, in the order of the covering `entry_series`
  /// index (no sort, no lookup of each row), and resolves each target's entries as soon as its
  /// last one is read, so memory holds one target's entries at a time: this is what `status`,
  /// `export` and the dashboard wait for on a store of a million entries.
  /// - Complexity: O(n) in the number of entries.
  public func seriesByKey() throws(StoreError) -> [String: [Observation]] {
    try guarded { try writer.read(readSeries) }
  }

  private func readSeries(_ db: Database) throws -> [String: [Observation]] {
    var out: [String: [Observation]] = [:]
    // SQLite's C interface directly: GRDB's Row per entry costs more than SQLite itself here.
    let statement = try db.makeStatement(sql: Self.seriesQuery)
    let s = statement.sqliteStatement
    var currentKey: [UInt8] = []
    var currentName: String?
    var group: [SeriesRow] = []
    func flush() {
      guard let k = currentName, !group.isEmpty else { return }
      // Rows come sorted by date, then entry order, as `EntryLog.current` wants them.
      let series = EntryLog.current(sortedByDay: group).map {
        Observation(day: $0.asOf, value: $0.value!)
      }
      if !series.isEmpty { out[k] = series }
      group.removeAll(keepingCapacity: true)
    }
    while true {
      let rc = sqlite3_step(s)
      if rc == SQLITE_DONE { break }
      guard rc == SQLITE_ROW else {
        throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "reading entries")
      }
      let keyBytes = UnsafeBufferPointer(
        start: sqlite3_column_text(s, 1), count: Int(sqlite3_column_bytes(s, 1)))
      if !keyBytes.elementsEqual(currentKey) {
        flush()
        currentKey = Array(keyBytes)
        currentName = String(decoding: keyBytes, as: UTF8.self)
      }
      let dayBytes = UnsafeBufferPointer(
        start: sqlite3_column_text(s, 2), count: Int(sqlite3_column_bytes(s, 2)))
      guard let day = Day.parseISO(bytes: dayBytes) else { continue }
      let value: Double? =
        sqlite3_column_type(s, 3) == SQLITE_NULL ? nil : sqlite3_column_double(s, 3)
      let retracts: Int64? =
        sqlite3_column_type(s, 4) == SQLITE_NULL ? nil : sqlite3_column_int64(s, 4)
      group.append(
        SeriesRow(id: sqlite3_column_int64(s, 0), asOf: day, value: value, retracts: retracts))
    }
    flush()
    return out
  }

  /// The latest value entry of `user` that no retraction withdraws: what `undo` retracts.
  public func lastUndoable(by user: String) throws(StoreError) -> ActualEntry? {
    try guarded {
      try writer.read { db in
        let retracted = Set(
          try Int64.fetchAll(db, sql: "SELECT retracts FROM entry WHERE retracts IS NOT NULL"))
        let cursor =
          try EntryRecord
          .filter(EntryRecord.Columns.enteredBy == user && EntryRecord.Columns.retracts == nil)
          .order(EntryRecord.Columns.id.desc)
          .fetchCursor(db)
        while let record = try cursor.next() {
          if let id = record.id, !retracted.contains(id) { return record.entry }
        }
        return nil
      }
    }
  }

  /// SQLite's data version on the writer connection changes whenever another connection
  /// (another process) commits; with this handle's own commits it makes the token, so the
  /// dashboard sees new entries without reading them all.
  public func changeToken() throws(StoreError) -> StoreChangeToken {
    let version = try guarded {
      try writer.writeWithoutTransaction { db in
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
      }
    }
    return StoreChangeToken(version, Int64(ownCommits.withLock { $0 }))
  }

  public func count() throws(StoreError) -> Int {
    try guarded { try writer.read { db in try EntryRecord.fetchCount(db) } }
  }

  public func allEntries() throws(StoreError) -> [ActualEntry] {
    try guarded {
      try writer.read { db in
        try EntryRecord.order(EntryRecord.Columns.id).fetchAll(db).compactMap(\.entry)
      }
    }
  }

  public func receive(_ entries: [ActualEntry], reviews: [ReviewEvent]) throws(StoreError) {
    try write { db in
      guard try EntryRecord.fetchCount(db) == 0 else {
        throw StoreError.rejected(reason: "the destination store already holds entries")
      }
      for e in entries {
        var record = EntryRecord(
          NewEntry(
            key: e.key, asOf: e.asOf, value: e.value, input: e.input, note: e.note,
            source: e.source, enteredBy: e.enteredBy, enteredAt: e.enteredAt,
            retracts: e.retracts))
        record.id = e.id
        try record.insert(db)
      }
      for r in reviews {
        try db.execute(
          sql: """
            INSERT INTO review (id, key, period, action, entry, as_of, value, comment, entered_by, entered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            r.id, r.key, r.period, r.action.rawValue, r.entry, r.asOf.iso, r.value, r.comment,
            r.enteredBy, r.enteredAt,
          ])
      }
    }
  }

  @discardableResult
  public func appendReviews(_ reviews: [NewReview], entries: [NewEntry]) throws(StoreError)
    -> (entries: [ActualEntry], reviews: [ReviewEvent])
  {
    try NewEntry.checkValues(entries)
    try NewReview.check(reviews)
    return try write { db in
      let appended = try entries.map { e in
        var record = EntryRecord(e)
        try record.insert(db)
        return record.entry!
      }
      var steps: [ReviewEvent] = []
      for r in reviews {
        let entry = try r.resolvedEntry(appended: appended)
        // The figure's date and value come from the entry itself, which must be a figure
        // of the same series.
        try db.execute(
          sql: """
            INSERT INTO review (key, period, action, entry, as_of, value, comment, entered_by, entered_at)
            SELECT key, ?, ?, id, as_of, value, ?, ?, ? FROM entry
            WHERE id = ? AND key = ? AND value IS NOT NULL
            """,
          arguments: [
            r.period, r.action.rawValue, r.comment, r.enteredBy, r.enteredAt, entry, r.key,
          ])
        guard db.changesCount == 1 else {
          throw StoreError.rejected(reason: "entry \(entry) is not a figure of series \(r.key)")
        }
        let row = try Row.fetchOne(
          db, sql: "SELECT \(Self.reviewColumns) FROM review WHERE id = ?",
          arguments: [db.lastInsertedRowID])
        if let row, let step = Self.review(row) { steps.append(step) }
      }
      return (appended, steps)
    }
  }

  static let reviewColumns =
    "id, key, period, action, entry, as_of, value, comment, entered_by, entered_at"

  /// A row of `reviewColumns`, read by position (a status may read many thousands).
  static func review(_ row: Row) -> ReviewEvent? {
    guard let action = ReviewAction(rawValue: row[3]), let day = Day(iso: row[5] as String)
    else { return nil }
    return ReviewEvent(
      id: row[0], key: row[1], period: row[2], action: action, entry: row[4], asOf: day,
      value: row[6], comment: row[7], enteredBy: row[8], enteredAt: row[9])
  }

  /// Review steps matching `condition` in order; none in a store opened read-only whose
  /// schema predates the reporting cycle.
  private func readReviews(_ condition: String, _ arguments: StatementArguments)
    throws(StoreError) -> [ReviewEvent]
  {
    try guarded {
      try writer.read { db in
        guard try db.tableExists("review") else { return [] }
        return try Row.fetchAll(
          db, sql: "SELECT \(Self.reviewColumns) FROM review \(condition) ORDER BY id",
          arguments: arguments
        ).compactMap(Self.review)
      }
    }
  }

  public func reviews(key: String) throws(StoreError) -> [ReviewEvent] {
    try readReviews("WHERE key = ?", [key])
  }

  public func allReviews() throws(StoreError) -> [ReviewEvent] {
    try readReviews("", [])
  }

  public func hasReviews() throws(StoreError) -> Bool { try reviewCount(limit: 1) > 0 }

  public func approvedFigures(asOf: Day) throws(StoreError) -> [String: [Observation]] {
    try guarded {
      try writer.read { db in
        guard try db.tableExists("review") else { return [:] }
        // In (key, period, id) order from review_by_action: the last row of each period is
        // its last approval by the day.
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT key, period, as_of, value FROM review
            WHERE action = 'approve' AND substr(entered_at, 1, 10) <= ?
            ORDER BY key, period, id
            """, arguments: [asOf.iso])
        var collect = ApprovedFigures()
        while let row = try rows.next() {
          collect.add(key: row[0], period: row[1], asOf: row[2], value: row[3])
        }
        return collect.result
      }
    }
  }

  /// The number of review steps, counting at most `limit` (none before the review table).
  private func reviewCount(limit: Int = .max) throws(StoreError) -> Int {
    try guarded {
      try writer.read { db in
        guard try db.tableExists("review") else { return 0 }
        return try Int.fetchOne(
          db, sql: "SELECT count(*) FROM (SELECT 1 FROM review LIMIT ?)", arguments: [limit]) ?? 0
      }
    }
  }

  public func reviews(_ q: ReviewQuery) throws(StoreError) -> [ReviewEvent] {
    // Each set as a JSON array: one parameter whatever its size.
    guard let c = q.condition(member: { "\($0) IN (SELECT value FROM json_each(?\($1)))" })
    else { return [] }
    return try readReviews(c.sql, StatementArguments(c.sets.map(Self.jsonArray)))
  }

  /// `["a","b"]`: a JSON array of strings for `json_each`.
  static func jsonArray(_ items: [String]) -> String {
    String(decoding: try! JSONEncoder().encode(items), as: UTF8.self)
  }

  public func info() throws(StoreError) -> StoreInfo {
    let path = writer.path
    let applied = try guarded {
      try writer.read { db in try SQLiteActualsStore.migrator.appliedIdentifiers(db) }
    }
    let bytes = ["", "-wal"].reduce(Int64(0)) { sum, suffix in
      let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size]) as? Int
      return sum + Int64(size ?? 0)
    }
    return StoreInfo(
      kind: "sqlite", location: path,
      migrations: SQLiteActualsStore.migrator.migrations.filter(applied.contains),
      entries: try count(), reviews: try reviewCount(), bytes: bytes, readOnly: isReadOnly)
  }

  private func refuseIfClosed() throws(StoreError) {
    if closed.withLock({ $0 }) { throw StoreError.unavailable(reason: "the store was closed") }
  }

  /// An SQLite store takes the client's name for who enters.
  public var sessionUser: String? { nil }

  /// An SQLite store is one office's own: no office regions.
  public var officeRegion: String? { nil }

  public func close() {
    guard
      !closed.withLock({ was in
        defer { was = true }; return was
      })
    else { return }
    if let pool = writer as? DatabasePool {
      try? pool.close()
    } else if let queue = writer as? DatabaseQueue {
      try? queue.close()
    }
  }
}

/// The columns of an entry that the series read takes from the covering index.
struct SeriesRow: LoggedEntry {
  var id: Int64
  var asOf: Day
  var value: Double?
  var retracts: Int64?
}

/// Runs `body` holding an exclusive `flock` on the file at `path` (created if missing), so that
/// processes run it one at a time. Without a lock file (a read-only folder) `body` just runs.
private func withFileLock<T>(_ path: String, mode: mode_t, _ body: () throws -> T) rethrows -> T {
  let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)
  guard fd >= 0 else { return try body() }
  defer { close(fd) }  // closing the file releases the lock
  var info = stat()
  if fstat(fd, &info) == 0, info.st_uid == getuid() { fchmod(fd, mode) }
  while flock(fd, LOCK_EX) != 0, errno == EINTR {}
  return try body()
}
