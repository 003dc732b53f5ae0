import PlanTrackCore

/// Where figures are kept: an append-only log of entries, shared by everyone who records.
///
/// Entries are only ever appended: a correction is a later entry for the same target and
/// date, a retraction names the entry it withdraws (`EntryLog` states how they resolve). Every
/// failure crosses this seam as a `StoreError`, whatever the database behind it.
///
/// Conformances: `SQLiteActualsStore` (a file in the workspace, or in memory) and
/// `PostgresActualsStore` (a schema on a server several offices share). A new backend
/// conforms to this protocol and joins the conformance suite in
/// Tests/PlanTrackStoreTests/ActualsStoreConformanceTests.swift (docs/ARCHITECTURE.md).
public protocol ActualsStore: AnyObject, Sendable {
  /// Appends `entries` in one transaction: all are written, or none.
  /// - Returns: the entries as stored, with their ids (increasing with entry order).
  @discardableResult
  func append(_ entries: [NewEntry]) throws(StoreError) -> [ActualEntry]

  /// Every entry of one target, oldest first: its history.
  func entries(key: String) throws(StoreError) -> [ActualEntry]

  /// The effective series of every target by key (`EntryLog.series` of its entries); targets
  /// without a current entry are absent. What status, export and the dashboard read.
  func seriesByKey() throws(StoreError) -> [String: [Observation]]

  /// The latest value entry of `user` that no retraction withdraws: what `undo` retracts.
  func lastUndoable(by user: String) throws(StoreError) -> ActualEntry?

  /// A token that changes whenever an entry is committed: at once for this handle's commits,
  /// for anyone else's as soon as the store hears of it (at once in a file; on a server when
  /// its notification arrives, moments later). A live view polls it cheaply and reloads only
  /// when it changed.
  func changeToken() throws(StoreError) -> StoreChangeToken

  /// The number of entries.
  func count() throws(StoreError) -> Int

  /// Every entry, in entry order: what `plantrack store copy` moves.
  func allEntries() throws(StoreError) -> [ActualEntry]

  /// Appends `entries`, then the review steps `reviews`, in one transaction: all are
  /// written, or none. Each step takes its figure's date and value from the store.
  /// - Returns: the entries and the steps as stored, with their ids.
  @discardableResult
  func appendReviews(_ reviews: [NewReview], entries: [NewEntry]) throws(StoreError)
    -> (entries: [ActualEntry], reviews: [ReviewEvent])

  /// The review steps of one series, oldest first.
  func reviews(key: String) throws(StoreError) -> [ReviewEvent]

  /// Every review step, in order.
  func allReviews() throws(StoreError) -> [ReviewEvent]

  /// The figures official reports use (`--approved-only`): for each series and period, the
  /// figure of the last approval entered on or before `asOf` (UTC day), by series, in date
  /// order. A correction waiting for approval leaves the approved figure standing.
  func approvedFigures(asOf: Day) throws(StoreError) -> [String: [Observation]]

  /// Whether any review step was ever taken: whether the store uses the reporting cycle.
  func hasReviews() throws(StoreError) -> Bool

  /// The review steps `query` selects, in order: what a status at one date, or the list of
  /// what waits for review, needs, without reading years of steps.
  func reviews(_ query: ReviewQuery) throws(StoreError) -> [ReviewEvent]

  /// Writes `entries` and `reviews` (another store's whole logs, in order) into this empty
  /// store with their ids, in one transaction; refuses a store that holds entries.
  func receive(_ entries: [ActualEntry], reviews: [ReviewEvent]) throws(StoreError)

  /// What `plantrack store info` shows: the kind, where (passwords masked), the schema's
  /// migrations, the number of entries and the size on disk.
  func info() throws(StoreError) -> StoreInfo

  /// Whether this user may only read: `append` then fails with `StoreError.readOnly` (or,
  /// on a server, `.noOffice`).
  var isReadOnly: Bool { get }

  /// Who the server says this connection is (PostgreSQL's `session_user`): every entry
  /// appended through it is entered by this name, whatever `NewEntry.enteredBy` says. Nil
  /// where the store takes the client's word (an SQLite file is one office's own).
  var sessionUser: String? { get }

  /// The office this connection writes for: its region's code (`371000`), nil where the
  /// store has no offices (an SQLite file is one office's own, or an administrator).
  var officeRegion: String? { get }

  /// Releases the connection. Later calls fail with a `StoreError`.
  func close()
}

/// A store as `plantrack store info` describes it.
public struct StoreInfo: Sendable, Equatable {
  /// `sqlite` or `postgresql`.
  public var kind: String
  /// The file, or the connection string with its password masked.
  public var location: String
  /// The migrations applied, in order.
  public var migrations: [String]
  public var entries: Int
  /// Review steps of the reporting cycle.
  public var reviews: Int = 0
  /// Bytes on disk (the file and its log; the server's table and indexes).
  public var bytes: Int64
  public var readOnly: Bool
}

/// An opaque marker of a store's state: two tokens of one store differ when an entry was
/// committed between them.
public struct StoreChangeToken: Hashable, Sendable {
  let parts: [Int64]

  init(_ parts: Int64...) { self.parts = parts }
}

/// Which review steps to read (`ActualsStore.reviews(_:)`): the union of all four.
public struct ReviewQuery: Sendable, Equatable {
  /// Every step of the periods with these labels.
  public var periods: [String] = []
  /// Every step with one of these actions, in any period.
  public var actions: [ReviewAction] = []
  /// Every step of a period that has a step with one of these actions.
  public var periodsWith: [ReviewAction] = []
  /// Every step of a period whose last step has one of these actions.
  public var periodsEndingWith: [ReviewAction] = []

  public init(
    periods: [String] = [], actions: [ReviewAction] = [], periodsWith: [ReviewAction] = [],
    periodsEndingWith: [ReviewAction] = []
  ) {
    self.periods = periods
    self.actions = actions
    self.periodsWith = periodsWith
    self.periodsEndingWith = periodsEndingWith
  }
}

extension ReviewQuery {
  /// The condition selecting the steps: a UNION of one indexed query per set that is not
  /// empty (`review_by_period`, `review_by_action`, `review_by_key`), each set a parameter
  /// written by `member(column, n)` (“column is in the n-th parameter, 1-based”); nil when
  /// every set is empty. Both stores share it; only the membership test differs.
  func condition(member: (String, Int) -> String) -> (sql: String, sets: [[String]])? {
    var parts: [String] = []
    var sets: [[String]] = []
    func add(_ set: [String], _ query: (Int) -> String) {
      guard !set.isEmpty else { return }
      sets.append(set)
      parts.append(query(sets.count))
    }
    add(periods) { "SELECT id FROM review WHERE \(member("period", $0))" }
    add(actions.map(\.rawValue)) { "SELECT id FROM review WHERE \(member("action", $0))" }
    add(periodsWith.map(\.rawValue)) {
      """
      SELECT r.id FROM review r JOIN (SELECT DISTINCT key, period FROM review
        WHERE \(member("action", $0))) p ON p.key = r.key AND p.period = r.period
      """
    }
    add(periodsEndingWith.map(\.rawValue)) {
      """
      SELECT r.id FROM review r JOIN (SELECT t.key, t.period FROM review t
        WHERE \(member("t.action", $0)) AND t.id = (SELECT max(m.id) FROM review m
          WHERE m.key = t.key AND m.period = t.period)) p ON p.key = r.key AND p.period = r.period
      """
    }
    guard !parts.isEmpty else { return nil }
    return ("WHERE id IN (" + parts.joined(separator: " UNION ") + ")", sets)
  }
}
