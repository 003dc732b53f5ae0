import Foundation
import PlanTrackCore
import Synchronization

/// The actuals store on a PostgreSQL server, for offices that share one store: the same
/// append-only log as `SQLiteActualsStore`, with its guarantees kept by the server (CHECK
/// constraints, triggers that refuse UPDATE, DELETE and TRUNCATE, one transaction per append).
public final class PostgresActualsStore: ActualsStore {
  private let connection: Mutex<PGConnection?>
  let access: Access
  /// The change token as last read, with the connection's reset count then; dropped when
  /// the server notifies an entry (`LISTEN plantrack_entry`) or the connection was
  /// re-established, so an idle store is not queried to poll it.
  private let cachedToken = Mutex<(token: StoreChangeToken, resets: Int)?>(nil)
  /// The connection string with its password masked.
  public let display: String

  private init(_ conn: PGConnection, access: Access) {
    connection = Mutex(conn)
    self.access = access
    display = conn.display
  }

  /// What this connection's role may do, as the server says when the store is opened.
  struct Access: Sendable {
    /// The server's `session_user`: who every entry of this connection is entered by.
    var role: String
    /// Whether the role owns the tables (or is a superuser): it writes every region and
    /// manages offices. Row-level security does not apply to it.
    var isAdministrator: Bool
    /// The region the role's office is bound to (`plantrack office add`), if any.
    var office: Office?
    /// Whether the role has INSERT on the entries at all.
    var mayInsert: Bool

    var mayWrite: Bool { mayInsert && (isAdministrator || office != nil) }
  }

  public var isReadOnly: Bool { !access.mayWrite }
  public var sessionUser: String? { access.role }
  public var officeRegion: String? { access.office?.region }

  /// Connects (within `timeout` seconds) to a store whose schema is up to date. With
  /// `initialize` (`plantrack store init`, `store copy`), creates or migrates the schema
  /// first; without it, a missing or older schema is an error that says to run `store init`.
  public static func open(_ conninfo: String, timeout: Int = 5, initialize: Bool = false)
    throws(StoreError) -> PostgresActualsStore
  {
    let conn = try PGConnection(conninfo, timeout: timeout)
    if initialize {
      try migrate(conn)
    } else if let missing = try pending(conn).first {
      throw StoreError.cannotOpen(
        path: conn.display,
        reason: missing == migrations[0].name
          ? "it has no plantrack schema yet; an administrator runs `plantrack store init`"
          : "its schema lacks migration “\(missing)”; an administrator runs `plantrack store init`")
    }
    try conn.listen("plantrack_entry")
    return PostgresActualsStore(conn, access: try readAccess(conn))
  }

  static func readAccess(_ conn: PGConnection) throws(StoreError) -> Access {
    let rows = try conn.exec(
      """
      SELECT session_user, NOT row_security_active('entry'), has_table_privilege('entry', 'INSERT'),
        o.region, o.region_name
      FROM (SELECT 1) one LEFT JOIN office o ON o.role = session_user
      """)
    return Access(
      role: rows[0, 0] ?? "", isAdministrator: rows[0, 1] == "t",
      office: rows[0, 3].map {
        Office(role: rows[0, 0] ?? "", region: $0, regionName: rows[0, 4] ?? $0)
      },
      mayInsert: rows[0, 2] == "t")
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
    ),
    (
      "v2-offices",
      """
      CREATE TABLE office (
        role text PRIMARY KEY,
        region text NOT NULL,
        region_name text NOT NULL
      );
      CREATE TABLE office_scope (
        role text NOT NULL REFERENCES office(role) ON DELETE CASCADE,
        region text NOT NULL,
        PRIMARY KEY (role, region)
      );
      CREATE FUNCTION entry_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- Who entered a figure is the server's word. Only an administrator copying a store
          -- (plantrack store copy) keeps the names the entries were entered by.
          IF row_security_active(TG_RELID)
             OR current_setting('plantrack.copying', true) IS DISTINCT FROM 'on' THEN
            NEW.entered_by := session_user;
          END IF;
          IF NEW.retracts IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM entry WHERE id = NEW.retracts AND key = NEW.key) THEN
            RAISE EXCEPTION 'entry % is not an entry of series %', NEW.retracts, NEW.key
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER entry_who BEFORE INSERT ON entry
        FOR EACH ROW EXECUTE FUNCTION entry_before_insert();
      ALTER TABLE entry ENABLE ROW LEVEL SECURITY;
      CREATE POLICY entry_everyone_reads ON entry FOR SELECT USING (true);
      CREATE POLICY entry_office_writes_its_regions ON entry FOR INSERT WITH CHECK (
        EXISTS (SELECT 1 FROM office_scope s
                WHERE s.role = session_user AND s.region = split_part(key, '/', 1)));
      CREATE FUNCTION entry_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('plantrack_entry', TG_TABLE_SCHEMA);
          RETURN NULL;
        END $$;
      CREATE TRIGGER entry_changed AFTER INSERT ON entry
        FOR EACH STATEMENT EXECUTE FUNCTION entry_notify();
      """
    ),
    (
      "v3-review",
      """
      CREATE TABLE review (
        id bigserial PRIMARY KEY,
        key text NOT NULL CHECK (length(key) > 0),
        period text NOT NULL CHECK (length(period) > 0),
        action text NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'correct')),
        entry bigint NOT NULL REFERENCES entry(id),
        as_of text NOT NULL,
        value double precision NOT NULL,
        comment text,
        entered_by text NOT NULL CHECK (length(entered_by) > 0),
        entered_at text NOT NULL,
        CHECK (action NOT IN ('return', 'correct') OR length(btrim(comment)) > 0)
      );
      CREATE INDEX review_by_key ON review(key, period, id);
      CREATE INDEX review_by_period ON review(period, key, id);
      CREATE INDEX review_by_action ON review(action, key, period);
      -- When an entry was made is the server's word too, as who made it (v2-offices).
      CREATE OR REPLACE FUNCTION entry_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF row_security_active(TG_RELID)
             OR current_setting('plantrack.copying', true) IS DISTINCT FROM 'on' THEN
            NEW.entered_by := session_user;
            NEW.entered_at := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                      'YYYY-MM-DD"T"HH24:MI:SS"Z"');
          END IF;
          IF NEW.retracts IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM entry WHERE id = NEW.retracts AND key = NEW.key) THEN
            RAISE EXCEPTION 'entry % is not an entry of series %', NEW.retracts, NEW.key
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER review_no_update_or_delete BEFORE UPDATE OR DELETE ON review
        FOR EACH ROW EXECUTE FUNCTION entry_append_only();
      CREATE TRIGGER review_no_truncate BEFORE TRUNCATE ON review
        FOR EACH STATEMENT EXECUTE FUNCTION entry_append_only();
      -- The first and last day of a period label (2025-06, 2025-Q2, 2025-H1, 2025,
      -- 2025-W23); nulls for anything else.
      CREATE FUNCTION review_period_days(label text, OUT first date, OUT last date)
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
          IF label ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
            first := to_date(label || '-01', 'YYYY-MM-DD');
            last := (first + interval '1 month')::date - 1;
          ELSIF label ~ '^[0-9]{4}-Q[1-4]$' THEN
            first := make_date(left(label, 4)::int, (right(label, 1)::int - 1) * 3 + 1, 1);
            last := (first + interval '3 months')::date - 1;
          ELSIF label ~ '^[0-9]{4}-H[12]$' THEN
            first := make_date(left(label, 4)::int, (right(label, 1)::int - 1) * 6 + 1, 1);
            last := (first + interval '6 months')::date - 1;
          ELSIF label ~ '^[0-9]{4}$' THEN
            first := make_date(label::int, 1, 1);
            last := make_date(label::int, 12, 31);
          ELSIF label ~ '^[0-9]{4}-W[0-9]{2}$' THEN
            first := to_date(label || '-1', 'IYYY-"W"IW-ID');
            last := first + 6;
            IF to_char(first, 'IYYY-"W"IW') <> label THEN
              first := NULL;
              last := NULL;
            END IF;
          END IF;
        END $$;
      -- A period's figure: its latest entry (by date, then entry order) with a value that no
      -- retraction withdraws (EntryLog's rule).
      CREATE FUNCTION review_period_figure(series text, first date, last date,
                                           OUT as_of text, OUT value double precision)
        LANGUAGE sql STABLE AS $$
          SELECT e.as_of, e.value FROM entry e
          WHERE e.key = series AND e.value IS NOT NULL AND e.as_of::date BETWEEN first AND last
            AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.retracts = e.id)
          ORDER BY e.as_of DESC, e.id DESC LIMIT 1
        $$;
      CREATE FUNCTION review_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          days record;
          figure record;
          previous record;
          same boolean;
        BEGIN
          -- An administrator copying a store keeps the steps as they were.
          IF NOT row_security_active(TG_RELID)
             AND current_setting('plantrack.copying', true) = 'on' THEN
            RETURN NEW;
          END IF;
          -- Who and when are the server's word.
          NEW.entered_by := session_user;
          NEW.entered_at := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                    'YYYY-MM-DD"T"HH24:MI:SS"Z"');
          -- The figure's date and value come from the entry, a figure of the same series...
          SELECT e.as_of, e.value INTO NEW.as_of, NEW.value FROM entry e
            WHERE e.id = NEW.entry AND e.key = NEW.key AND e.value IS NOT NULL;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'entry % is not a figure of series %', NEW.entry, NEW.key
              USING ERRCODE = 'check_violation';
          END IF;
          -- ...dated in the period, and standing as the period's figure.
          SELECT * INTO days FROM review_period_days(NEW.period);
          IF days.first IS NULL OR NEW.as_of::date NOT BETWEEN days.first AND days.last THEN
            RAISE EXCEPTION 'period % is not a period that holds the figure of %',
              NEW.period, NEW.as_of USING ERRCODE = 'check_violation';
          END IF;
          SELECT * INTO figure FROM review_period_figure(NEW.key, days.first, days.last);
          IF figure.as_of IS DISTINCT FROM NEW.as_of OR figure.value IS DISTINCT FROM NEW.value THEN
            RAISE EXCEPTION 'entry % is not the figure that stands for % in %',
              NEW.entry, NEW.key, NEW.period USING ERRCODE = 'check_violation';
          END IF;
          -- The step must follow from where the period stands (docs/STATUS.md).
          SELECT r.action, r.as_of, r.value, r.entered_by INTO previous FROM review r
            WHERE r.key = NEW.key AND r.period = NEW.period ORDER BY r.id DESC LIMIT 1;
          same := FOUND AND previous.as_of = NEW.as_of AND previous.value = NEW.value;
          IF NEW.action IN ('approve', 'return') THEN
            IF NOT (same AND previous.action IN ('submit', 'correct')) THEN
              RAISE EXCEPTION '% for % is not submitted: nothing to %',
                NEW.key, NEW.period, NEW.action USING ERRCODE = 'check_violation';
            END IF;
            -- Nobody approves or returns what they submitted themselves.
            IF previous.entered_by = session_user THEN
              RAISE EXCEPTION 'role % submitted % for % and cannot review it',
                session_user, NEW.key, NEW.period USING ERRCODE = 'check_violation';
            END IF;
          ELSIF NEW.action = 'submit' THEN
            IF same AND previous.action IN ('submit', 'correct', 'approve') THEN
              RAISE EXCEPTION '% for % is already submitted or approved', NEW.key, NEW.period
                USING ERRCODE = 'check_violation';
            END IF;
          ELSIF NOT EXISTS (SELECT 1 FROM review r WHERE r.key = NEW.key
                              AND r.period = NEW.period AND r.action = 'approve') THEN
            RAISE EXCEPTION '% for % was never approved: nothing to correct',
              NEW.key, NEW.period USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER review_who BEFORE INSERT ON review
        FOR EACH ROW EXECUTE FUNCTION review_before_insert();
      CREATE TRIGGER review_changed AFTER INSERT ON review
        FOR EACH STATEMENT EXECUTE FUNCTION entry_notify();
      -- An approved period is locked: at commit, a new entry must leave the figure of every
      -- approved period it falls in as approved, unless the same transaction wrote a
      -- `correct` step for it (plantrack record … --reason).
      CREATE FUNCTION entry_keeps_approved_periods() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          p record;
          figure record;
        BEGIN
          IF NOT row_security_active('entry')
             AND current_setting('plantrack.copying', true) = 'on' THEN
            RETURN NULL;
          END IF;
          FOR p IN SELECT DISTINCT ON (r.period) r.period, r.action, r.as_of, r.value,
                          d.first, d.last
                   FROM review r CROSS JOIN LATERAL review_period_days(r.period) d
                   WHERE r.key = NEW.key AND NEW.as_of::date BETWEEN d.first AND d.last
                   ORDER BY r.period, r.id DESC LOOP
            CONTINUE WHEN p.action <> 'approve';
            SELECT * INTO figure FROM review_period_figure(NEW.key, p.first, p.last);
            IF figure.as_of IS DISTINCT FROM p.as_of OR figure.value IS DISTINCT FROM p.value THEN
              RAISE EXCEPTION '% for % is approved and locked: a correction needs a reason',
                NEW.key, p.period USING ERRCODE = 'check_violation';
            END IF;
          END LOOP;
          RETURN NULL;
        END $$;
      CREATE CONSTRAINT TRIGGER entry_approved_periods_locked AFTER INSERT ON entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        EXECUTE FUNCTION entry_keeps_approved_periods();
      ALTER TABLE review ENABLE ROW LEVEL SECURITY;
      CREATE POLICY review_everyone_reads ON review FOR SELECT USING (true);
      -- An office submits and corrects the figures of its region and the regions below it...
      CREATE POLICY review_office_submits ON review FOR INSERT WITH CHECK (
        action IN ('submit', 'correct') AND EXISTS (
          SELECT 1 FROM office_scope s
          WHERE s.role = session_user AND s.region = split_part(key, '/', 1)));
      -- ...and approves or returns those of the regions below it, never its own region's.
      CREATE POLICY review_office_above_reviews ON review FOR INSERT WITH CHECK (
        action IN ('approve', 'return') AND EXISTS (
          SELECT 1 FROM office_scope s JOIN office o ON o.role = s.role
          WHERE s.role = session_user AND s.region = split_part(key, '/', 1)
            AND s.region <> o.region));
      -- Roles that read the entries read the steps; offices append them.
      DO $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT rolname FROM pg_roles
                   WHERE has_table_privilege(oid, 'entry', 'SELECT') AND NOT rolsuper
                     AND rolname <> current_user AND rolname NOT LIKE 'pg\\_%' LOOP
            EXECUTE format('GRANT SELECT ON review TO %I', r.rolname);
          END LOOP;
          FOR r IN SELECT o.role FROM office o JOIN pg_roles p ON p.rolname = o.role LOOP
            EXECUTE format('GRANT INSERT ON review TO %I', r.role);
            EXECUTE format('GRANT USAGE ON SEQUENCE review_id_seq TO %I', r.role);
          END LOOP;
        END $$;
      """
    ),
  ]

  /// The migrations this store lacks, in order; a migration this plantrack does not know (a
  /// newer plantrack's) is an error.
  static func pending(_ conn: PGConnection) throws(StoreError) -> [String] {
    let exists = try conn.exec("SELECT to_regclass('plantrack_migration') IS NOT NULL")
    var applied = Set<String>()
    if exists[0, 0] == "t" {
      let rows = try conn.exec("SELECT name FROM plantrack_migration")
      for r in 0..<rows.count { if let n = rows[r, 0] { applied.insert(n) } }
    }
    if let unknown = applied.subtracting(migrations.map(\.name)).sorted().first {
      throw StoreError.unsupportedSchema(found: unknown)
    }
    return migrations.map(\.name).filter { !applied.contains($0) }
  }

  /// Applies the pending migrations in one transaction, under an advisory lock so that two
  /// administrators running `store init` at once do not race.
  static func migrate(_ conn: PGConnection) throws(StoreError) {
    guard try !pending(conn).isEmpty else { return }
    try conn.transaction { () throws(StoreError) in
      try conn.exec("SELECT pg_advisory_xact_lock(hashtext('plantrack schema'))")
      try conn.exec(
        "CREATE TABLE IF NOT EXISTS plantrack_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())"
      )
      for m in migrations {
        let done = try conn.exec("SELECT 1 FROM plantrack_migration WHERE name = $1", [m.name])
        guard done.count == 0 else { continue }
        try conn.execScript(m.sql)
        try conn.exec("INSERT INTO plantrack_migration(name) VALUES ($1)", [m.name])
      }
    }
  }

  /// Runs `body` on the open connection, one caller at a time. A connection the server
  /// dropped since the last call (a restart, an administrator's `pg_terminate_backend`) is
  /// re-established first; a read (`retry`) that finds it dropped is run once more on a new
  /// one. A write is never repeated: had its commit reached the server, it would be twice.
  func withConnection<T>(retry: Bool = false, _ body: (PGConnection) throws(StoreError) -> T)
    throws(StoreError) -> T
  {
    try connection.withLock { (conn: inout PGConnection?) throws(StoreError) -> T in
      guard let conn else { throw StoreError.unavailable(reason: "the store is closed") }
      if !conn.isAlive { try conn.reset() }
      do throws(StoreError) {
        return try body(conn)
      } catch StoreError.unavailable(let reason) where retry && !conn.isAlive {
        do { try conn.reset() } catch { throw StoreError.unavailable(reason: reason) }
        return try body(conn)
      }
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

  @discardableResult
  public func append(_ entries: [NewEntry]) throws(StoreError) -> [ActualEntry] {
    try appendReviews([], entries: entries).entries
  }

  private func refuseReadOnly() throws(StoreError) {
    if isReadOnly {
      throw access.office == nil && !access.isAdministrator
        ? StoreError.noOffice(role: access.role) : StoreError.readOnly(path: display)
    }
  }

  /// Inserts `entries` in the open transaction.
  private func insert(_ entries: [NewEntry], _ conn: PGConnection) throws(StoreError)
    -> [ActualEntry]
  {
    var stored: [ActualEntry] = []
    for e in entries {
      // entered_by is the server's session_user (the entry_who trigger).
      let rows = try conn.exec(
        """
        INSERT INTO entry (key, as_of, value, input, note, source, entered_by, entered_at, retracts)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING \(Self.columns)
        """,
        [
          e.key, e.asOf.iso, e.value.map { "\($0)" }, e.input, e.note, e.source,
          e.enteredBy, e.enteredAt, e.retracts.map(String.init),
        ])
      stored.append(try Self.entry(rows, 0))
    }
    return stored
  }

  /// Why the server's row-level security refused a write: the first key outside the
  /// office's regions, with the region the office may write; or a review step for a region
  /// the office does not stand above.
  private func refusal(
    _ keys: [String], reviews: [NewReview], conn: PGConnection, reason: String
  ) throws(StoreError) -> StoreError {
    guard let office = access.office else { return .noOffice(role: access.role) }
    for key in Set(keys).sorted() {
      let inside = try conn.exec(
        "SELECT 1 FROM office_scope WHERE role = session_user AND region = split_part($1, '/', 1)",
        [key])
      if inside.count == 0 {
        return .outsideOffice(role: access.role, region: office.regionText, key: key)
      }
    }
    if let r = reviews.first(where: { $0.action == .approve || $0.action == .return }),
      r.key.split(separator: "/").first.map(String.init) == office.region
    {
      return .notReviewer(role: access.role, key: r.key, reason: "it is \(office.regionText)'s own")
    }
    return .rejected(reason: reason)
  }

  public func entries(key: String) throws(StoreError) -> [ActualEntry] {
    try withConnection(retry: true) { conn throws(StoreError) in
      let rows = try conn.exec(
        "SELECT \(Self.columns) FROM entry WHERE key = $1 ORDER BY id", [key])
      var out: [ActualEntry] = []
      for r in 0..<rows.count { out.append(try Self.entry(rows, r)) }
      return out
    }
  }

  public func seriesByKey() throws(StoreError) -> [String: [Observation]] {
    try withConnection(retry: true) { conn throws(StoreError) in
      let rows = try conn.exec(
        "SELECT key, as_of, id, value, retracts FROM entry ORDER BY key, as_of, id")
      var out: [String: [Observation]] = [:]
      var key = ""
      var previous: UnsafePointer<CChar>?
      var run: [SeriesRow] = []
      func flush() {
        if previous != nil, case let series = EntryLog.series(run), !series.isEmpty {
          out[key] = series
        }
        run.removeAll(keepingCapacity: true)
      }
      // A million rows: fields are read from libpq's text in place, and a key becomes a
      // String only where it changes (rows come in key order).
      for r in 0..<rows.count {
        guard let k = rows.raw(r, 0) else { continue }
        if previous.map({ strcmp($0, k) != 0 }) ?? true {
          flush()
          key = String(cString: k)
          previous = k
        }
        guard let day = rows.day(r, 1), let id = rows.int64(r, 2) else { continue }
        run.append(
          SeriesRow(id: id, asOf: day, value: rows.double(r, 3), retracts: rows.int64(r, 4)))
      }
      flush()
      return out
    }
  }

  public func lastUndoable(by user: String) throws(StoreError) -> ActualEntry? {
    try withConnection(retry: true) { conn throws(StoreError) in
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

  /// The last entry's and review step's ids: every commit appends, so they move whenever
  /// anyone records or reviews. Read
  /// from the server only when it notified an entry since the last read (or the connection
  /// was re-established), so polling an idle store costs no query.
  public func changeToken() throws(StoreError) -> StoreChangeToken {
    try withConnection(retry: true) { conn throws(StoreError) in
      if try conn.drainNotifications() > 0 { cachedToken.withLock { $0 = nil } }
      if let cached = cachedToken.withLock({ $0 }), cached.resets == conn.resets {
        return cached.token
      }
      // The primary keys' indexes answer this without reading the tables.
      let rows = try conn.exec(
        "SELECT (SELECT coalesce(max(id), 0) FROM entry), (SELECT coalesce(max(id), 0) FROM review)"
      )
      let token = StoreChangeToken(rows.int64(0, 0) ?? 0, rows.int64(0, 1) ?? 0)
      cachedToken.withLock { $0 = (token, conn.resets) }
      return token
    }
  }

  public func count() throws(StoreError) -> Int {
    try withConnection(retry: true) { conn throws(StoreError) in
      Int(try conn.exec("SELECT count(*) FROM entry")[0, 0] ?? "0") ?? 0
    }
  }

  public func allEntries() throws(StoreError) -> [ActualEntry] {
    try withConnection(retry: true) { conn throws(StoreError) in
      let rows = try conn.exec("SELECT \(Self.columns) FROM entry ORDER BY id")
      var out: [ActualEntry] = []
      for r in 0..<rows.count { out.append(try Self.entry(rows, r)) }
      return out
    }
  }

  public func receive(_ entries: [ActualEntry], reviews: [ReviewEvent]) throws(StoreError) {
    try requireAdministrator("copy a store into this one")
    try withConnection { conn throws(StoreError) in
      try conn.transaction { () throws(StoreError) in
        // No other writer may slip in between the check and the copy.
        try conn.exec("LOCK TABLE entry, review IN EXCLUSIVE MODE")
        // The copied entries keep who entered them and when (the triggers honour this for
        // the administrator only; an office's entries are always its own).
        try conn.exec("SET LOCAL plantrack.copying = 'on'")
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
        for r in reviews {
          try conn.exec(
            """
            INSERT INTO review (id, key, period, action, entry, as_of, value, comment, entered_by, entered_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """,
            [
              String(r.id), r.key, r.period, r.action.rawValue, String(r.entry), r.asOf.iso,
              "\(r.value)", r.comment, r.enteredBy, r.enteredAt,
            ])
        }
        // New entries and steps continue after the copied ones.
        for table in ["entry", "review"] {
          try conn.exec(
            "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), greatest(coalesce(max(id), 0), 1), max(id) IS NOT NULL) FROM \(table)"
          )
        }
      }
    }
  }

  @discardableResult
  public func appendReviews(_ reviews: [NewReview], entries: [NewEntry]) throws(StoreError)
    -> (entries: [ActualEntry], reviews: [ReviewEvent])
  {
    try refuseReadOnly()
    try NewEntry.checkValues(entries)
    try NewReview.check(reviews)
    return try withConnection { conn throws(StoreError) in
      do throws(StoreError) {
        return try conn.transaction { () throws(StoreError) in
          let appended = try insert(entries, conn)
          var steps: [ReviewEvent] = []
          for r in reviews {
            // Who, when, the figure's date and value: the review_who trigger fills them in.
            let rows = try conn.exec(
              """
              INSERT INTO review (key, period, action, entry, as_of, value, comment, entered_by, entered_at)
              VALUES ($1, $2, $3, $4, '', 0, $5, $6, $7) RETURNING \(Self.reviewColumns)
              """,
              [
                r.key, r.period, r.action.rawValue, String(try r.resolvedEntry(appended: appended)),
                r.comment, r.enteredBy, r.enteredAt,
              ])
            steps.append(try Self.review(rows, 0))
          }
          return (appended, steps)
        }
      } catch StoreError.rejected(let reason) where reason.hasSuffix("(SQLSTATE 42501)") {
        throw try refusal(
          entries.map(\.key) + reviews.map(\.key), reviews: reviews, conn: conn, reason: reason)
      }
    }
  }

  static let reviewColumns =
    "id, key, period, action, entry, as_of, value, comment, entered_by, entered_at"

  static func review(_ rows: PGRows, _ r: Int) throws(StoreError) -> ReviewEvent {
    guard let id = rows.int64(r, 0), let key = rows[r, 1], let period = rows[r, 2],
      let action = rows[r, 3].flatMap(ReviewAction.init(rawValue:)), let entry = rows.int64(r, 4),
      let asOf = rows.day(r, 5), let value = rows.double(r, 6), let by = rows[r, 8],
      let at = rows[r, 9]
    else { throw StoreError.unavailable(reason: "a review row that cannot be read") }
    return ReviewEvent(
      id: id, key: key, period: period, action: action, entry: entry, asOf: asOf, value: value,
      comment: rows[r, 7], enteredBy: by, enteredAt: at)
  }

  private func readReviews(_ condition: String, _ params: [String?]) throws(StoreError)
    -> [ReviewEvent]
  {
    try withConnection(retry: true) { conn throws(StoreError) in
      let rows = try conn.exec(
        "SELECT \(Self.reviewColumns) FROM review \(condition) ORDER BY id", params)
      var out: [ReviewEvent] = []
      for r in 0..<rows.count { out.append(try Self.review(rows, r)) }
      return out
    }
  }

  public func reviews(key: String) throws(StoreError) -> [ReviewEvent] {
    try readReviews("WHERE key = $1", [key])
  }

  public func allReviews() throws(StoreError) -> [ReviewEvent] {
    try readReviews("", [])
  }

  public func approvedFigures(asOf: Day) throws(StoreError) -> [String: [Observation]] {
    try withConnection(retry: true) { conn throws(StoreError) in
      let rows = try conn.exec(
        """
        SELECT key, period, as_of, value FROM review
        WHERE action = 'approve' AND left(entered_at, 10) <= $1
        ORDER BY key, period, id
        """, [asOf.iso])
      var collect = ApprovedFigures()
      for r in 0..<rows.count {
        collect.add(
          key: rows[r, 0] ?? "", period: rows[r, 1] ?? "", asOf: rows[r, 2] ?? "",
          value: rows.double(r, 3) ?? 0)
      }
      return collect.result
    }
  }

  public func hasReviews() throws(StoreError) -> Bool {
    try withConnection(retry: true) { conn throws(StoreError) in
      try conn.exec("SELECT EXISTS (SELECT 1 FROM review)")[0, 0] == "t"
    }
  }

  public func reviews(_ q: ReviewQuery) throws(StoreError) -> [ReviewEvent] {
    guard let c = q.condition(member: { "\($0) = ANY($\($1)::text[])" }) else { return [] }
    return try readReviews(c.sql, c.sets.map(PGConnection.arrayLiteral))
  }

  public func info() throws(StoreError) -> StoreInfo {
    let (names, size) = try withConnection(retry: true) { conn throws(StoreError) in
      let m = try conn.exec("SELECT name FROM plantrack_migration ORDER BY applied_at, name")
      let s = try conn.exec(
        "SELECT pg_total_relation_size('entry') + pg_total_relation_size('review')")
      return ((0..<m.count).compactMap { m[$0, 0] }, Int64(s[0, 0] ?? "0") ?? 0)
    }
    let reviews = try withConnection(retry: true) { conn throws(StoreError) in
      Int(try conn.exec("SELECT count(*) FROM review")[0, 0] ?? "0") ?? 0
    }
    return StoreInfo(
      kind: "postgresql", location: display, migrations: names, entries: try count(),
      reviews: reviews, bytes: size, readOnly: isReadOnly)
  }

  /// The server process of this connection (for tests that end it from outside).
  func backendPID() throws(StoreError) -> Int32 {
    try withConnection { conn throws(StoreError) in conn.backendPID }
  }

  public func close() {
    connection.withLock { $0 = nil }
  }
}
