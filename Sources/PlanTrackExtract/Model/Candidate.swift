import PlanTrackCore

/// How a candidate goal compares the actual figure with its value.
public enum CandidateComparator: String, Sendable, CaseIterable {
  case atLeast = ">="
  case atMost = "<="
  case about = "~"
  case exactly = "="
  case range = "range"
}

/// A goal found in a plan's text, to be reviewed by a person before it becomes a target.
public struct Candidate: Equatable, Sendable {
  /// The measured thing, as the text names it: 全省高新技术企业.
  public var metric: String
  /// The value in the written scale: 2.8 for "2.8万家"; the lower end of a range.
  public var value: Double
  /// The upper end of a range, else nil.
  public var valueMax: Double?
  /// The unit as written, with its scale: 万家, %, 亿元, 万千瓦; empty for a pure number.
  public var unit: String
  public var comparator: CandidateComparator
  public var kind: TargetKind
  /// The deadline, or nil when neither the text nor the document gives one.
  public var due: Day?
  /// Whether `due` was taken from the document's year or period rather than the goal's words.
  public var dueInferred: Bool
  /// Whether the goal is a quota for every year (每年…).
  public var perYear: Bool
  /// 1-based line of the original file where the number stands.
  public var line: Int
  /// The clause that states the goal, as written in the file (line breaks removed).
  public var quote: String
  /// The lead units (牵头单位) of the item the goal belongs to.
  public var lead: [String]
  /// Index of the document in `Extraction.documents`.
  public var document: Int

  public init(
    metric: String, value: Double, valueMax: Double?, unit: String,
    comparator: CandidateComparator, kind: TargetKind, due: Day?, dueInferred: Bool,
    perYear: Bool, line: Int, quote: String, lead: [String], document: Int
  ) {
    self.metric = metric
    self.value = value
    self.valueMax = valueMax
    self.unit = unit
    self.comparator = comparator
    self.kind = kind
    self.due = due
    self.dueInferred = dueInferred
    self.perYear = perYear
    self.line = line
    self.quote = quote
    self.lead = lead
    self.document = document
  }
}
