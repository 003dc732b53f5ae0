import PlanTrackCore

/// A review step to append (`ActualsStore.appendReviews`).
public struct NewReview: Hashable, Sendable {
  public var key: String
  /// The period's label (`2025-06`).
  public var period: String
  public var action: ReviewAction
  /// The figure the step is about.
  public var entry: FigureReference

  /// Names the figure a review step is about.
  public enum FigureReference: Hashable, Sendable {
    /// An entry in the store.
    case stored(Int64)
    /// The entry at this index of the entries appended with the step (a correction of an
    /// approved figure records the figure and submits it again at once).
    case appended(Int)
  }
  /// A return's comment, or a correction's reason (required for both).
  public var comment: String?
  /// Who and when, as the client says; a server store puts its own session user and clock.
  public var enteredBy: String
  public var enteredAt: String

  public init(
    key: String, period: String, action: ReviewAction, entry: FigureReference,
    comment: String? = nil,
    by user: String, at time: String
  ) {
    self.key = key
    self.period = period
    self.action = action
    self.entry = entry
    self.comment = comment
    enteredBy = user
    enteredAt = time
  }

  /// Refuses a return or a correction without a comment before any store is touched (every
  /// store's CHECK says the same).
  static func check(_ reviews: [NewReview]) throws(StoreError) {
    for r in reviews where r.action == .return || r.action == .correct {
      if (r.comment ?? "").allSatisfy(\.isWhitespace) {
        throw StoreError.commentRequired(
          what: r.action == .return ? "the comment of a return" : "the reason of a correction")
      }
    }
  }

  /// The entry id this step is about, given the entries appended with it.
  func resolvedEntry(appended: [ActualEntry]) throws(StoreError) -> Int64 {
    switch entry {
    case .stored(let id): return id
    case .appended(let i):
      guard appended.indices.contains(i) else {
        throw StoreError.rejected(reason: "a review step of \(key) names no appended figure")
      }
      return appended[i].id
    }
  }
}

/// Folds approvals read in (key, period, id) order into each period's last approved figure:
/// what both stores' `approvedFigures` return.
struct ApprovedFigures {
  private var key = ""
  private var period = ""
  private var last: Observation?
  private(set) var byKey: [String: [Observation]] = [:]

  mutating func add(key: String, period: String, asOf: String, value: Double) {
    if key != self.key || period != self.period { flush() }
    self.key = key
    self.period = period
    last = Day(iso: asOf).map { Observation(day: $0, value: value) }
  }

  private mutating func flush() {
    if let last { byKey[key, default: []].append(last) }
    last = nil
  }

  /// Each series' approved figures in date order.
  var result: [String: [Observation]] {
    mutating get {
      flush()
      return byKey.mapValues { $0.sorted { $0.day < $1.day } }
    }
  }
}
