/// What kind of quantity a target measures; it decides the start of the trajectory.
public enum TargetKind: String, Sendable, CaseIterable {
  /// A stock at a date: 保有量, 累计建成, 达到N家.
  case level
  /// New within the plan period (新增, 推广): starts from 0 at the period start.
  case increment
  /// A share: 覆盖率, 占比 (%).
  case ratio
  /// A rate of growth (年均增长N%): a flat goal, compared as it stands each time.
  case growth
  /// A cumulative reduction (下降N%): starts from 0 at the period start.
  case reduction

  /// Whether the goal is a flat rate rather than a path from a start value.
  public var isFlat: Bool { self == .growth }

  /// Whether a missing baseline means 0 at the period start.
  public var startsFromZero: Bool { self == .increment || self == .reduction }
}

/// How often figures are expected; decides when the latest actual is stale.
public enum UpdateFrequency: String, Sendable, CaseIterable {
  case weekly, monthly, quarterly, halfyearly, yearly

  /// The largest age, in days, of the latest actual before it counts as stale: one period
  /// plus the usual reporting lag (a month's figure arrives within the next month).
  public var allowedAgeDays: Int {
    switch self {
    case .weekly: 14
    case .monthly: 62
    case .quarterly: 123
    case .halfyearly: 214
    case .yearly: 396
    }
  }
}

/// The path from the start value to the milestones.
public enum PathShape: String, Sendable, CaseIterable {
  /// Straight lines between points (the default).
  case linear
  /// Constant growth rate between points (both values must be positive; else linear).
  case geometric
}

/// The value a trajectory starts from, stated or derived.
public struct Baseline: Hashable, Sendable {
  public var value: Double
  public var date: Day
  /// How the value was found, e.g. 由“增长35%、达到140万辆”推算.
  public var note: String?

  public init(value: Double, date: Day, note: String? = nil) {
    self.value = value
    self.date = date
    self.note = note
  }
}

/// One dated goal of a target, with its provenance in the plan's text.
public struct Milestone: Hashable, Sendable {
  public var due: Day
  public var goal: Goal
  /// The 1-based line in the source file where the number stands; in a PDF, the line on `page`.
  public var line: Int?
  /// The 1-based page of a PDF source where the number stands.
  public var page: Int?
  /// The words of the plan that state this goal.
  public var quote: String?
  /// Whether the due date was inferred (the plan's period end), not stated.
  public var inferred: Bool
  /// Other places where the same plan states the same goal (an annex, an indicator table).
  public var restated: [Quote]

  public init(
    due: Day, goal: Goal, line: Int? = nil, page: Int? = nil, quote: String? = nil,
    inferred: Bool = false, restated: [Quote] = []
  ) {
    self.due = due
    self.goal = goal
    self.line = line
    self.page = page
    self.quote = quote
    self.inferred = inferred
    self.restated = restated
  }
}

extension Milestone {
  /// Where the goal stands in `file`: `plan.pdf:p12:l7` on a page, `plan.txt:7` at a line.
  public func citation(in file: String?) -> String {
    Self.citation(file: file, page: page, line: line)
  }

  static func citation(file: String?, page: Int?, line: Int?) -> String {
    let at = page.map { p in "p\(p)" + (line.map { ":l\($0)" } ?? "") } ?? line.map(String.init)
    return [file, at].compactMap { $0 }.joined(separator: ":")
  }
}

/// Words of a plan at a line of its source file.
public struct Quote: Hashable, Sendable {
  /// 1-based.
  public var line: Int
  public var text: String

  public init(line: Int, text: String) {
    self.line = line
    self.text = text
  }
}

/// Where a target's figures are: its region and its series. Set when a workspace resolves the
/// target's indicator and region.
public struct Placement: Hashable, Sendable {
  /// The target's region (its own `region:`, else its document's), if it resolves.
  public var region: Region?
  /// The key its figures are recorded under: `<region code>/<indicator>` for a target on an
  /// indicator, else the target's own key.
  public var series: String
  /// Counting words its figures may be written in as the same count (the indicator's
  /// `counts`: 1500座 for 个).
  public var sameCount: [String]

  public init(region: Region?, series: String, sameCount: [String] = []) {
    self.region = region
    self.series = series
    self.sameCount = sameCount
  }
}

/// The plan document a target file describes.
public struct PlanDocument: Hashable, Sendable {
  /// ASCII slug, unique in the workspace.
  public var id: String
  public var title: String
  /// 文号, e.g. 鲁政字〔2023〕155号.
  public var number: String?
  public var issuer: String?
  /// national | province | city | district.
  public var level: String?
  public var region: String?
  public var periodStart: Day?
  public var periodEnd: Day?
  /// The seed or source file the goals were read from.
  public var sourceFile: String?
  /// The SHA-256 of that file's bytes (64 hex digits), when extraction recorded it.
  public var sourceSHA256: String?

  public init(
    id: String, title: String, number: String? = nil, issuer: String? = nil,
    level: String? = nil, region: String? = nil, periodStart: Day? = nil,
    periodEnd: Day? = nil, sourceFile: String? = nil, sourceSHA256: String? = nil
  ) {
    self.sourceSHA256 = sourceSHA256
    self.id = id
    self.title = title
    self.number = number
    self.issuer = issuer
    self.level = level
    self.region = region
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.sourceFile = sourceFile
  }
}

/// A quantitative goal of a plan, with its milestones and provenance.
public struct Target: Hashable, Sendable, Identifiable {
  /// The document this target belongs to.
  public var document: PlanDocument
  /// The id within its document; the full key is `document.id/id`.
  public var id: String
  public var name: String
  public var category: String
  public var kind: TargetKind
  public var unit: MeasureUnit
  public var direction: Direction
  public var baseline: Baseline?
  /// Sorted by due date.
  public var milestones: [Milestone]
  public var lead: [String]
  public var update: UpdateFrequency
  public var path: PathShape
  /// A quota for each year (每年不少于60场): each milestone is one year's amount, and actuals are
  /// that year's running total. See docs/STATUS.md.
  public var perYear: Bool
  /// The indicator it measures (indicators.yaml), if any.
  public var indicator: String?
  /// The region as the target file names it, when it is not the document's.
  public var regionName: String?
  /// Its resolved region and series; nil until a workspace resolves them.
  public var placement: Placement?
  /// Where the target stands in its file (`targets/x.yaml`, line, column), for findings about
  /// it that only the whole workspace shows.
  public var origin: Finding.Location?

  /// `document-id/target-id`: the target's identity (and its series when it has no indicator).
  public var key: String { document.id + "/" + id }

  /// The key its figures are recorded under (`Placement.series`), else its own key.
  public var series: String { placement?.series ?? key }

  public init(
    document: PlanDocument, id: String, name: String, category: String, kind: TargetKind,
    unit: MeasureUnit, direction: Direction, baseline: Baseline? = nil, milestones: [Milestone],
    lead: [String] = [], update: UpdateFrequency = .monthly, path: PathShape = .linear,
    perYear: Bool = false, indicator: String? = nil, regionName: String? = nil
  ) {
    precondition(!milestones.isEmpty, "a target needs at least one milestone")
    self.document = document
    self.id = id
    self.name = name
    self.category = category
    self.kind = kind
    self.unit = unit
    self.direction = direction
    self.baseline = baseline
    self.milestones = milestones.sorted { $0.due < $1.due }
    self.lead = lead
    self.update = update
    self.path = path
    self.perYear = perYear
    self.indicator = indicator
    self.regionName = regionName
  }

  /// The last milestone: the target's deadline and final goal.
  public var final: Milestone { milestones[milestones.count - 1] }
}
