/// Precision and recall of extracted candidates against annotated goals.
///
/// A candidate matches a goal when it stands on the same line with the same value (and the
/// same upper end of a range); each goal and each candidate matches at most once, preferring
/// the same unit. Among matches, the unit, comparator, deadline and kind are scored as well.
public struct ExtractionEvaluation: Sendable {
  /// Candidates that match a goal.
  public var matched: [(Candidate, AnnotatedGoal)]
  /// Candidates that match no goal.
  public var falsePositives: [Candidate]
  /// Scored goals that no candidate matches.
  public var falseNegatives: [AnnotatedGoal]

  /// Matches `candidates` with the scored goals (those not stated in numerals) of `goals`.
  /// Only candidates on lines inside `lines` (the annotated range) count.
  /// - Complexity: O(c · g) in the worst case; lines are indexed.
  public init(candidates: [Candidate], goals: [AnnotatedGoal], lines: ClosedRange<Int>) {
    var byLine: [Int: [Int]] = [:]
    let inRange = candidates.filter { lines.contains($0.line) }
    for (k, c) in inRange.enumerated() { byLine[c.line, default: []].append(k) }
    var used = Set<Int>()
    var matched: [(Candidate, AnnotatedGoal)] = []
    var misses: [AnnotatedGoal] = []
    for goal in goals where !goal.numeral {
      let options = (byLine[goal.line] ?? []).filter { k in
        !used.contains(k) && Self.same(inRange[k].value, goal.value)
          && Self.same(inRange[k].valueMax, goal.valueMax)
      }
      let pick =
        options.first { Self.unitKey(inRange[$0].unit) == Self.unitKey(goal.unit) }
        ?? options.first
      if let pick {
        used.insert(pick)
        matched.append((inRange[pick], goal))
      } else {
        misses.append(goal)
      }
    }
    self.matched = matched
    self.falseNegatives = misses
    self.falsePositives = inRange.indices.filter { !used.contains($0) }.map { inRange[$0] }
  }

  public var precision: Double {
    let n = matched.count + falsePositives.count
    return n == 0 ? 1 : Double(matched.count) / Double(n)
  }

  public var recall: Double {
    let n = matched.count + falseNegatives.count
    return n == 0 ? 1 : Double(matched.count) / Double(n)
  }

  /// The share of matches whose unit, comparator, deadline and kind all agree with the goal.
  public func accuracy(_ field: Field) -> Double {
    guard !matched.isEmpty else { return 1 }
    let agree = matched.filter { field.agrees($0.0, $0.1) }.count
    return Double(agree) / Double(matched.count)
  }

  /// An attribute of a match that is scored.
  public enum Field: String, CaseIterable, Sendable {
    case unit, comparator, due, kind

    /// Whether the candidate and the goal agree on this field.
    public func agrees(_ c: Candidate, _ g: AnnotatedGoal) -> Bool {
      switch self {
      case .unit: ExtractionEvaluation.unitKey(c.unit) == ExtractionEvaluation.unitKey(g.unit)
      case .comparator: c.comparator == g.comparator
      case .due: c.due == g.due
      case .kind: c.kind == g.kind
      }
    }
  }

  static func same(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let x?, let y?): abs(x - y) <= 1e-9 * max(1, abs(y))
    default: false
    }
  }

  static func unitKey(_ unit: String) -> String {
    String(unit.filter { !$0.isWhitespace }.map { $0 == "％" ? "%" : $0 })
  }
}
