/// A value of a target at a date: one point of its effective series.
public struct Observation: Hashable, Sendable {
  public var day: Day
  /// In the target's unit.
  public var value: Double

  public init(day: Day, value: Double) {
    self.day = day
    self.value = value
  }
}

/// One row of the append-only actuals log, as the store holds it.
///
/// A value entry records a figure; a correction is simply a later value entry for the same
/// target and as-of date; a retraction names the entry it withdraws.
public struct ActualEntry: Hashable, Sendable {
  /// Increasing with entry order; a later entry has a larger id.
  public var id: Int64
  public var key: String
  public var asOf: Day
  /// The value in the target's unit; `nil` for a retraction.
  public var value: Double?
  /// The input as the person typed it, e.g. `1402345辆`.
  public var input: String?
  public var note: String?
  public var source: String?
  public var enteredBy: String
  /// ISO 8601 timestamp (UTC) of when the entry was made.
  public var enteredAt: String
  /// For a retraction: the id of the entry it withdraws.
  public var retracts: Int64?

  public init(
    id: Int64, key: String, asOf: Day, value: Double?, input: String? = nil, note: String? = nil,
    source: String? = nil, enteredBy: String, enteredAt: String, retracts: Int64? = nil
  ) {
    self.id = id
    self.key = key
    self.asOf = asOf
    self.value = value
    self.input = input
    self.note = note
    self.source = source
    self.enteredBy = enteredBy
    self.enteredAt = enteredAt
    self.retracts = retracts
  }

  /// Whether this entry withdraws another.
  public var isRetraction: Bool { retracts != nil }
}

extension ActualEntry: LoggedEntry {}
