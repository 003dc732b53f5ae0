import PlanTrackCore

/// What the text says about a plan document: title, 文号, issuer, level, region, period.
public struct DocumentInfo: Equatable, Sendable {
  public var title: String
  /// The document number (文号), e.g. 鲁政办字〔2023〕5号.
  public var number: String?
  public var issuer: String?
  /// national | province | city | district
  public var level: String?
  public var region: String?
  /// The plan's period, from its title: （2023-2025年） or 2023年重点工作任务.
  public var period: (start: Day, end: Day)?
  /// Whether the title names the work of one year (2023年重点工作任务): undated goals are due
  /// at that year's end.
  public var isAnnualPlan = false
  /// The document's year: for 年底, 年内, 今年 and to tell past figures from goals.
  public var year: Int?
  /// The first and last lines of the document in the file.
  public var firstLine: Int
  public var lastLine: Int

  public init(title: String, firstLine: Int, lastLine: Int) {
    self.title = title
    self.firstLine = firstLine
    self.lastLine = lastLine
  }

  public static func == (a: DocumentInfo, b: DocumentInfo) -> Bool {
    a.title == b.title && a.number == b.number && a.issuer == b.issuer && a.level == b.level
      && a.region == b.region && a.period?.start == b.period?.start
      && a.period?.end == b.period?.end && a.year == b.year && a.firstLine == b.firstLine
      && a.lastLine == b.lastLine && a.isAnnualPlan == b.isAnnualPlan
  }
}

/// The result of extracting goals from a plan text.
public struct Extraction: Equatable, Sendable {
  /// The documents found in the text, in order (a file may hold several).
  public var documents: [DocumentInfo]
  /// The candidate goals, in the order of the text.
  public var candidates: [Candidate]

  public init(documents: [DocumentInfo], candidates: [Candidate]) {
    self.documents = documents
    self.candidates = candidates
  }
}
