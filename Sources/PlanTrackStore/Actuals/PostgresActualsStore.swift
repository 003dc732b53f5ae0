import Foundation
import PlanTrackCore
import Synchronization

/// The actuals store on a PostgreSQL server, for offices that share one store: the same
/// append-only log as `SQLiteActualsStore`, with its guarantees kept by the server (CHECK
/// constraints, triggers that refuse UPDATE, DELETE and TRUNCATE, one transaction per append).
public final class PostgresActualsStore: ActualsStore {
  private let connection: Mutex<PGConnection?>
  public let isReadOnly: Bool
  /// The connection string with its password masked.
  public let display: String

  private init(_ conn: PGConnection, readOnly: Bool) {
    connection = Mutex(conn)
    isReadOnly = readOnly
    display = conn.display
  }

  /// Connects (within `timeout` seconds) and creates or migrates the schema when this role may.
  public static func open(_ conninfo: String, timeout: Int = 5) throws(StoreError)
    -> PostgresActualsStore
  {
    let conn = try PGConnection(conninfo, timeout: timeout)
    try migrate(conn)
    let rows = try conn.exec("SELECT has_table_privilege('entry', 'INSERT')")
    return PostgresActualsStore(conn, readOnly: rows[0, 0] != "t")
  }

  /// The schema as named migrations (like the SQLite store's), applied under an advisory
  /// lock so that two first connections do not race. Never edited once shipped.
  static let migrations: [(name: String, sql: StaticString)] = [
    (
      "v1-entry",
      """
      CREATE TABLE entry (
        id bigserial PRIMARY KEY,
        key text NOT NULL CHECK (length(key) > 0),
        as_of text NOT NULL CHECK (as_of ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
        value double precision CHECK (value IS NULL OR abs(value) <= 1e15),
        input text,
        note text,
        source text,
        entered_by text NOT NULL CHECK (length(entered_by) > 0),
        entered_at text NOT NULL,
        retracts bigint REFERENCES entry(id),
        CHECK ((value IS NULL) = (retracts IS NOT NULL))
      );
      CREATE INDEX entry_series ON entry(key, as_of, id) INCLUDE (value, retracts);
      CREATE INDEX entry_by_user ON entry(entered_by, id);
      CREATE FUNCTION entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'entries are append-only: record a correction or a retraction instead';
        END $$;
      CREATE TRIGGER entry_no_update_or_delete BEFORE UPDATE OR DELETE ON entry
        FOR EACH ROW EXECUTE FUNCTION entry_append_only();
      CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON entry
        FOR EACH STATEMENT EXECUTE FUNCTION entry_append_only();
      """
    )
  ]

  static func migrate(_ conn: PGConnection) throws(StoreError) {
    let exists = try conn.exec("SELECT to_regclass('plantrack_migration') IS NOT NULL")
    var applied = Set<String>()
    if exists[0, 0] == "t" {
      let rows = try conn.exec("SELECT name FROM plantrack_migration")
      for r in 0..<rows.count { if let n = rows[r, 0] { applied.insert(n) } }
    }
    let known = Set(migrations.map(\.name))
    if let unknown = applied.subtracting(known).sorted().first {
      throw StoreError.unsupportedSchema(found: unknown)
    }
    guard migrations.contains(where: { !applied.contains($0.name) }) else { return }
    try conn.transaction { () throws(StoreError) in
      try conn.exec("SELECT pg_advisory_xact_lock(hashtext('plantrack schema'))")
      try conn.exec(
        "CREATE TABLE IF NOT EXISTS plantrack_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
      )
      for m in migrations {
        let done = try conn.exec("SELECT 1 FROM plantrack_migration WHERE name = $1", [m.name])
        guard done.count == 0 else { continue }
        try conn.execScript(m.sql)
        try conn.exec("INSERT INTO plantrack_migration(name) VALUES ($1)", [m.name])
      }
    }
  }

  /// Runs `body` on the open connection, one caller at a time.
  private func withConnection<T>(_ body: (PGConnection) throws(StoreError) -> T) throws(StoreError)
    -> T
  {
    try connection.withLock { (conn: inout PGConnection?) throws(StoreError) -> T in
      guard let conn else { throw StoreError.unavailable(reason: "the store is closed") }
      return try body(conn)
    }
  }

  static let columns =
    "id, key, as_of, value, input, note, source, entered_by, entered_at, retracts"

  static func entry(_ rows: PGRows, _ r: Int) throws(StoreError) -> ActualEntry {
    guard let id = rows[r, 0].flatMap({ Int64($0) }), let key = rows[r, 1],
      let asOf = rows[r, 2].flatMap({ Day(iso: $0) }), let by = rows[r, 7], let at = rows[r, 8]
    else { throw StoreError.unavailable(reason: "an entry row that cannot be read") }
    return ActualEntry(
      id: id, key: key, asOf: asOf, value: rows[r, 3].flatMap { Double($0) }, input: rows[r, 4],
      note: rows[r, 5], source: rows[r, 6], enteredBy: by, enteredAt: at,
      retracts: rows[r, 9].flatMap { Int64($0) })
  }

  public func append(_ entries: [NewEntry]) throws(StoreError) -> [ActualEntry] {
    if isReadOnly { throw StoreError.readOnly(path: display) }
    try NewEntry.checkValues(entries)
    return try withConnection { conn throws(StoreError) in
      try conn.transaction { () throws(StoreError) in
        var stored: [ActualEntry] = []
        for e in entries {
          let rows = try conn.exec(
            """
            INSERT INTO entry (key, as_of, value, input, note, source, entered_by, entered_at, retracts)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING \(Self.columns)
            """,
            [
              e.key, e.asOf.iso, e.value.map { "\($0)" }, e.input, e.note, e.source, e.enteredBy,
              e.enteredAt, e.retracts.map(String.init),
            ])
          stored.append(try Self.entry(rows, 0))
        }
        return stored
      }
    }
  }

  public func entries(key: String) throws(StoreError) -> [ActualEntry] {
    try withConnection { conn throws(StoreError) in
      let rows = try conn.exec(
        "SELECT \(Self.columns) FROM entry WHERE key = $1 ORDER BY id", [key])
      var out: [ActualEntry] = []
      for r in 0..<rows.count { out.append(try Self.entry(rows, r)) }
      return out
    }
  }

  public func seriesByKey() throws(StoreError) -> [String: [Observation]] {
    try withConnection { conn throws(StoreError) in
      let rows = try conn.exec(
        "SELECT key, as_of, id, value, retracts FROM entry ORDER BY key, as_of, id")
      var out: [String: [Observation]] = [:]
      var key: String?
      var run: [SeriesRow] = []
      func flush() {
        if let key, case let series = EntryLog.series(run), !series.isEmpty { out[key] = series }
        run.removeAll(keepingCapacity: true)
      }
      for r in 0..<rows.count {
        let k = rows[r, 0] ?? ""
        if k != key {
          flush()
          key = k
        }
        guard let day = rows[r, 1].flatMap({ Day(iso: $0) }),
          let id = rows[r, 2].flatMap({ Int64($0) })
        else { continue }
        run.append(
          SeriesRow(
            id: id, asOf: day, value: rows[r, 3].flatMap { Double($0) },
            retracts: rows[r, 4].flatMap { Int64($0) }))
      }
      flush()
      return out
    }
  }

  public func lastUndoable(by user: String) throws(StoreError) -> ActualEntry? {
    try withConnection { conn throws(StoreError) in
      let rows = try conn.exec(
        """
        SELECT \(Self.columns) FROM entry e
        WHERE entered_by = $1 AND retracts IS NULL
          AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.retracts = e.id)
        ORDER BY id DESC LIMIT 1
        """, [user])
      return rows.count == 0 ? nil : try Self.entry(rows, 0)
    }
  }

  /// The last entry's id: every commit appends, so it moves whenever anyone records.
  public func changeToken() throws(StoreError) -> StoreChangeToken {
    try withConnection { conn throws(StoreError) in
      // The primary key's index answers this without reading the table.
      let rows = try conn.exec("SELECT coalesce(max(id), 0) FROM entry")
      return StoreChangeToken(Int64(rows[0, 0] ?? "0") ?? 0)
    }
  }

  public func count() throws(StoreError) -> Int {
    try withConnection { conn throws(StoreError) in
      Int(try conn.exec("SELECT count(*) FROM entry")[0, 0] ?? "0") ?? 0
    }
  }

  public func allEntries() throws(StoreError) -> [ActualEntry] {
    try withConnection { conn throws(StoreError) in
      let rows = try conn.exec("SELECT \(Self.columns) FROM entry ORDER BY id")
      var out: [ActualEntry] = []
      for r in 0..<rows.count { out.append(try Self.entry(rows, r)) }
      return out
    }
  }

  public func receive(_ entries: [ActualEntry]) throws(StoreError) {
    if isReadOnly { throw StoreError.readOnly(path: display) }
    try withConnection { conn throws(StoreError) in
      try conn.transaction { () throws(StoreError) in
        // No other writer may slip in between the check and the copy.
        try conn.exec("LOCK TABLE entry IN EXCLUSIVE MODE")
        guard try conn.exec("SELECT 1 FROM entry LIMIT 1").count == 0 else {
          throw StoreError.rejected(reason: "the destination store already holds entries")
        }
        for e in entries {
          try conn.exec(
            """
            INSERT INTO entry (id, key, as_of, value, input, note, source, entered_by, entered_at, retracts)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """,
            [
              String(e.id), e.key, e.asOf.iso, e.value.map { "\($0)" }, e.input, e.note, e.source,
              e.enteredBy, e.enteredAt, e.retracts.map(String.init),
            ])
        }
        // New entries continue after the copied ones.
        try conn.exec(
          "SELECT setval(pg_get_serial_sequence('entry', 'id'), greatest(coalesce(max(id), 0), 1), max(id) IS NOT NULL) FROM entry"
        )
      }
    }
  }

  public func info() throws(StoreError) -> StoreInfo {
    let (names, size) = try withConnection { conn throws(StoreError) in
      let m = try conn.exec("SELECT name FROM plantrack_migration ORDER BY applied_at, name")
      let s = try conn.exec("SELECT pg_total_relation_size('entry')")
      return ((0..<m.count).compactMap { m[$0, 0] }, Int64(s[0, 0] ?? "0") ?? 0)
    }
    return StoreInfo(
      kind: "postgresql", location: display, migrations: names, entries: try count(),
      bytes: size, readOnly: isReadOnly)
  }

  public func close() {
    connection.withLock { $0 = nil }
  }
}
