import PlanTrackCore

/// A goal a person found in a plan's text (Tests/PlanTrackExtractTests/Fixtures/goals-*.json).
public struct AnnotatedGoal: Equatable, Sendable {
  public var line: Int
  public var value: Double
  public var valueMax: Double?
  public var unit: String
  public var comparator: CandidateComparator
  public var due: Day?
  public var kind: TargetKind
  public var metric: String
  /// Stated only in Chinese numerals (三年翻一番): not scored.
  public var numeral: Bool

  public init(
    line: Int, value: Double, valueMax: Double?, unit: String, comparator: CandidateComparator,
    due: Day?, kind: TargetKind, metric: String, numeral: Bool = false
  ) {
    self.line = line
    self.value = value
    self.valueMax = valueMax
    self.unit = unit
    self.comparator = comparator
    self.due = due
    self.kind = kind
    self.metric = metric
    self.numeral = numeral
  }
}
