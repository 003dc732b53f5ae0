import PlanTrackCore

/// An entry to append: a value, or a retraction of an earlier entry.
public struct NewEntry: Hashable, Sendable {
  public var key: String
  public var asOf: Day
  public var value: Double?
  public var input: String?
  public var note: String?
  public var source: String?
  public var enteredBy: String
  public var enteredAt: String
  public var retracts: Int64?

  /// A value entry (a first figure, or a correction of an earlier one for the same date).
  public static func value(
    key: String, asOf: Day, value: Double, input: String? = nil, note: String? = nil,
    source: String? = nil, by user: String, at time: String
  ) -> NewEntry {
    NewEntry(
      key: key, asOf: asOf, value: value, input: input, note: note, source: source,
      enteredBy: user, enteredAt: time, retracts: nil)
  }

  /// A retraction of entry `entry`.
  public static func retraction(
    of entry: ActualEntry, note: String? = nil, by user: String, at time: String
  )
    -> NewEntry
  {
    NewEntry(
      key: entry.key, asOf: entry.asOf, value: nil, input: nil, note: note, source: nil,
      enteredBy: user, enteredAt: time, retracts: entry.id)
  }
}

extension NewEntry {
  /// Refuses a batch with a value that is not finite or beyond ±1e15 before any store is
  /// touched (every store's CHECK says the same; this gives one message for all of them).
  static func checkValues(_ entries: [NewEntry]) throws(StoreError) {
    for e in entries {
      if let v = e.value, !v.isFinite || abs(v) > ValueInput.maximumMagnitude {
        throw StoreError.rejected(reason: "value \(v) is not a finite number within ±1e15")
      }
    }
  }
}
