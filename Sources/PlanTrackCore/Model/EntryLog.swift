/// The fields of a logged entry that decide what it counts for: what `EntryLog` reads, so the
/// store's fast read and the full entries resolve by the same rule.
public protocol LoggedEntry {
  /// Increasing with entry order.
  var id: Int64 { get }
  var asOf: Day { get }
  /// `nil` for a retraction.
  var value: Double? { get }
  /// For a retraction: the id of the entry it withdraws.
  var retracts: Int64? { get }
}

/// What an entry is in its target's log, once every entry of the target is known.
public enum EntryState: Hashable, Sendable {
  /// The value the target has at the entry's date.
  case current
  /// A later entry for the same date replaced it.
  case superseded
  /// A retraction withdrew it.
  case retracted
  /// It withdraws the entry with this id.
  case retraction(of: Int64)

  /// `current`, `superseded`, `retracted` or `retracts #12`, as `history` prints it.
  public var text: String {
    switch self {
    case .current: "current"
    case .superseded: "superseded"
    case .retracted: "retracted"
    case .retraction(let id): "retracts #\(id)"
    }
  }
}

/// How one target's append-only log resolves into figures: the one place that states the rule.
///
/// For each as-of date, the latest value entry that no retraction withdraws is current. A
/// retraction names one entry, so retracting a correction brings back the value it corrected.
public enum EntryLog {
  /// The current entries of one target's log, one per date, in date order.
  ///
  /// `entries` must be sorted by date, then by id (the store's series index has that order).
  /// - Complexity: O(n).
  @inlinable
  public static func current<E: LoggedEntry>(sortedByDay entries: [E]) -> [E] {
    var retracted = Set<Int64>()
    for e in entries { if let r = e.retracts { retracted.insert(r) } }
    var out: [E] = []
    for e in entries where e.retracts == nil && e.value != nil && !retracted.contains(e.id) {
      if let last = out.last, last.asOf == e.asOf {
        out[out.count - 1] = e
      } else {
        out.append(e)
      }
    }
    return out
  }

  /// The effective series of one target's entries, in any order: the value of each current
  /// entry, sorted by day.
  /// - Complexity: O(n log n).
  public static func series<E: LoggedEntry>(_ entries: [E]) -> [Observation] {
    current(sortedByDay: sortedByDay(entries)).compactMap { e in
      e.value.map { Observation(day: e.asOf, value: $0) }
    }
  }

  /// The state of each of one target's entries, in the order given.
  /// - Complexity: O(n log n).
  public static func states<E: LoggedEntry>(_ entries: [E]) -> [EntryState] {
    let current = Set(self.current(sortedByDay: sortedByDay(entries)).map(\.id))
    let retracted = Set(entries.compactMap(\.retracts))
    return entries.map { e in
      if let r = e.retracts { return .retraction(of: r) }
      if retracted.contains(e.id) { return .retracted }
      return current.contains(e.id) ? .current : .superseded
    }
  }

  static func sortedByDay<E: LoggedEntry>(_ entries: [E]) -> [E] {
    entries.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }
  }
}
