import PlanTrackCore

/// One line of a target's entry history, as the detail view shows it.
public struct HistoryLine: Hashable, Sendable {
  public var asOf: Day
  /// The value as stored, or nil for a retraction.
  public var value: Double?
  public var enteredBy: String
  /// ISO 8601 time of entry.
  public var enteredAt: String
  /// Current, superseded, retracted, or a retraction.
  public var state: EntryState
  public var note: String?

  public init(
    asOf: Day, value: Double?, enteredBy: String, enteredAt: String, state: EntryState,
    note: String? = nil
  ) {
    self.asOf = asOf
    self.value = value
    self.enteredBy = enteredBy
    self.enteredAt = enteredAt
    self.state = state
    self.note = note
  }
}

/// The whole state of the dashboard: a plain value. `update` changes it in answer to a
/// message and returns effects; `render` draws it. Nothing here touches a terminal, a file or
/// the clock.
public struct AppState: Sendable {
  /// What fills the screen.
  public enum Mode: Hashable, Sendable {
    case overview, detail, form, help
    /// The reporting board: offices (or lead units) by period.
    case board
  }

  /// How the overview groups its targets.
  public enum Grouping: String, Hashable, Sendable, CaseIterable {
    case document, category, region, lead, status, none
  }

  /// How the overview orders the targets within a group.
  public enum Sort: String, Hashable, Sendable, CaseIterable {
    case status, gap, due, progress, name
    /// By a column's title, with the mouse.
    case lead, region, indicator, document, updated

    /// The sorts `s` cycles through.
    public static let cycle: [Sort] = [.status, .gap, .due, .progress, .name]

    /// What a click on a column's title sorts by: days left as the due date, the percentage
    /// as the bar, actual / goal by the gap.
    public init(_ column: OverviewColumn) {
      switch column {
      case .status: self = .status
      case .name: self = .name
      case .figures: self = .gap
      case .bar, .percent: self = .progress
      case .due, .daysLeft: self = .due
      case .lead: self = .lead
      case .region: self = .region
      case .indicator: self = .indicator
      case .document: self = .document
      case .updated: self = .updated
      }
    }
  }

  /// One row of the overview table.
  public enum Row: Hashable, Sendable {
    /// A group heading with its number of targets.
    case group(name: String, count: Int)
    /// A region of the region tree (grouping by region) with the number of targets in it and
    /// below it; a collapsed one hides them.
    case region(code: String, name: String, depth: Int, count: Int, collapsed: Bool)
    /// A target: an index into `statuses`.
    case target(Int)
  }

  public var workspace: String
  public var asOf: Day {
    didSet { if asOf != oldValue { refreshLedger() } }
  }
  public var statuses: [TargetStatus] {
    didSet { refreshIndex() }
  }
  public var mode: Mode = .overview
  public var grouping: Grouping = .document {
    didSet {
      refreshGroups()
      refreshRows()
    }
  }
  public var sort: Sort = .status {
    didSet {
      refreshOrder()
      refreshRows()
    }
  }
  /// Text typed after `/`, in the filter language of `--filter` (`TargetFilter`): fields such
  /// as `status:off-track` and plain text matched against key, name, document, category,
  /// region, lead units and the status as shown.
  public var filterText = "" {
    didSet { refreshRows() }
  }
  /// Why a term of `filterText` cannot be read (an unknown field or status), shown in the
  /// footer; the terms that can be read still apply.
  public private(set) var filterProblem: FilterError?
  /// Whether keys go to the filter line.
  public var editingFilter = false
  /// Statuses hidden with the quick toggles 1–6.
  public var hiddenStatuses: Set<Status> = [] {
    didSet { refreshRows() }
  }
  /// The selected target's key (or, grouped by region, `regionKey(code)` for a region's
  /// heading); kept across reloads and re-sorting.
  public var selectedKey: String?
  /// The region tree the targets' regions are nested by (the workspace's, with regions.yaml).
  public var regions: RegionTree = .shipped {
    didSet { refreshRows() }
  }
  /// Regions whose targets and subregions are hidden (grouping by region).
  public var collapsedRegions: Set<String> = [] {
    didSet { refreshRows() }
  }
  /// The first overview row shown.
  public var scroll = 0
  public var width: Int
  public var height: Int
  public var language: Language {
    didSet { refreshIndex() }
  }
  /// ASCII glyphs for bars and borders.
  public var ascii: Bool
  /// Colours allowed (not NO_COLOR, not a monochrome terminal).
  public var color: Bool
  /// How many colours the terminal has (the backend's `colors`): with `color` and the
  /// settings' `colors`, the colour mode of `theme`.
  public var terminalColors = 8
  /// The user's and the workspace's settings (theme, colours, columns, mouse, keys).
  public var settings = Settings.standard
  /// What each key does in each view: the standard keys with the user's over them.
  public var keyMap = KeyMap.standard
  /// Settings that could not be used (a bad value, an unknown key, a key conflict): the
  /// footer says the defaults stand in for them until the user fixes the files.
  public var settingsProblems: [String] = []
  /// A line for the footer: what just happened.
  public var message: String?
  /// Why the store cannot be reached, while it cannot: the footer says so (before any
  /// message) until figures load again.
  public var storeProblem: String?
  /// A banner across the top, e.g. for demo data.
  public var banner: String?
  /// Whether entries can be saved (false for a read-only store).
  public var readOnly = false
  /// Entry histories loaded for the detail view, by key.
  public var histories: [String: [HistoryLine]] = [:]
  /// The first line shown in the detail view.
  public var detailScroll = 0
  /// The entry form, while it is open.
  public var form: EntryForm?
  /// The reporting cycle's series, steps and figures, once loaded: the board and the
  /// overview's approval marks read them.
  public var reporting: ReportingData? {
    didSet { refreshLedger() }
  }
  /// How the board groups its rows: by office or by lead unit.
  public var boardGrouping: ReportingLedger.Grouping = .office {
    didSet { refreshLedger() }
  }
  /// The board at `asOf`, kept in step with `reporting`, `asOf` and `boardGrouping`.
  public private(set) var ledger: ReportingLedger?
  /// The board's selected row, and its selected column (a period; the latest at first).
  public var boardRow = 0
  public var boardColumn = Int.max
  /// The board's first row shown.
  public var boardScroll = 0
  /// Whether the board is open (help returns to it).
  public var boardOpen = false
  /// The form for a return's comment, while it is open over the board.
  public var commentForm: CommentForm?

  public init(
    workspace: String, asOf: Day, statuses: [TargetStatus], width: Int, height: Int,
    language: Language = .en, ascii: Bool = false, color: Bool = true
  ) {
    self.workspace = workspace
    self.asOf = asOf
    self.statuses = statuses
    self.width = width
    self.height = height
    self.language = language
    self.ascii = ascii
    self.color = color
    refreshIndex()
    selectedKey =
      rows.lazy.compactMap { row -> String? in
        if case .target(let i) = row { return statuses[i].target.key } else { return nil }
      }.first
  }

  // MARK: Derived rows, kept up to date when their inputs change (not on every key)

  /// The overview rows: visible targets sorted, under group headings.
  public private(set) var rows: [Row] = []
  /// The statuses the filter text lets through (whatever the status toggles): what the
  /// header counts.
  public private(set) var textMatches: [Int] = []
  /// How many of `textMatches` have each status: the header's counts.
  public private(set) var matchCounts = Rollup.totals([Status]())
  /// The statuses the filter and the toggles let through, in `statuses` order.
  public private(set) var visibleIndices: [Int] = []
  private var indexByKey: [String: Int] = [:]
  /// The widest text of the overview columns that fit their content (kept with `statuses`).
  private(set) var overviewContent = OverviewLayout.Content()
  /// Whether there are targets and not one figure for any of them (every target "no data"):
  /// the overview then says how to begin.
  public private(set) var hasNoFigures = false
  /// What the filter looks at in each status, lower-cased once (ten thousand targets are
  /// filtered on every key typed).
  private var filterFields: [FilterFields] = []

  /// After `statuses` or `language` change: the key index and the search texts, then rows.
  private mutating func refreshIndex() {
    indexByKey = Dictionary(
      statuses.enumerated().map { ($1.target.key, $0) }, uniquingKeysWith: { a, _ in a })
    let language = language
    filterFields = statuses.map { FilterFields($0, statusLabel: language.label($0.status)) }
    overviewContent = computeOverviewContent()
    hasNoFigures = !statuses.isEmpty && statuses.allSatisfy { $0.status == .noData }
    refreshOrder()
    refreshGroups()
    refreshRows()
  }

  /// Every index of `statuses` in the chosen sort, ties in file order: the rows of any filter
  /// are this order with the hidden ones left out (no sorting on a key typed).
  private var sortedAll: [Int] = []
  /// Each status's groups (indices into `groupTitles`) under the chosen grouping.
  private var groupsOf: [[Int]] = []
  private var groupTitles: [String] = []

  /// After `statuses` or `sort` change.
  /// - Complexity: O(n log n) in the number of targets.
  private mutating func refreshOrder() {
    // Each target's sort key once, not once per comparison.
    let keys = statuses.map(sortKey)
    sortedAll = statuses.indices.sorted { a, b in
      let (ka, kb) = (keys[a], keys[b])
      if ka.0 != kb.0 { return ka.0 < kb.0 }
      if ka.1 != kb.1 { return ka.1 < kb.1 }
      return a < b
    }
  }

  /// After `statuses`, `grouping` or `language` change: each target's groups as numbers.
  /// Groups by status are numbered in status order, so that their headings come in it.
  private mutating func refreshGroups() {
    var titles: [String] = []
    var ids: [String: Int] = [:]
    if grouping == .status {
      titles = Status.allCases.map { language.label($0) }
      for (i, t) in titles.enumerated() { ids[t] = i }
    }
    groupsOf = statuses.map { s in
      groupNames(s).map { name in
        if let id = ids[name] { return id }
        ids[name] = titles.count
        titles.append(name)
        return titles.count - 1
      }
    }
    groupTitles = titles
  }

  /// After `reporting`, `asOf` or `boardGrouping` change: the board's ledger, with the
  /// board's cursor kept on it.
  private mutating func refreshLedger() {
    ledger = reporting.map {
      ReportingLedger(series: $0.series, book: $0.book, asOf: asOf, grouping: boardGrouping)
    }
    clampBoardCursor()
  }

  /// After the filter, the toggles, the sort or the grouping change.
  /// - Complexity: O(n log n) in the number of targets.
  private mutating func refreshRows() {
    let (filter, problem) = TargetFilter.readable(filterText)
    filterProblem = problem
    if filter.terms.isEmpty {
      textMatches = Array(statuses.indices)
    } else {
      let matcher = filter.matcher()
      textMatches = filterFields.indices.filter { matcher.matches(filterFields[$0]) }
    }
    let all = statuses
    matchCounts = Rollup.totals(textMatches.lazy.map { all[$0].status })
    visibleIndices = textMatches.filter { !hiddenStatuses.contains(statuses[$0].status) }
    rows = computeRows()
  }

  /// The smallest screen the dashboard draws on.
  public static let minimumSize = (width: 80, height: 24)

  /// Whether the screen is too small to draw anything but a notice.
  public var isTooSmall: Bool {
    width < Self.minimumSize.width || height < Self.minimumSize.height
  }

  /// The visible targets in `sortedAll`'s order, under their group headings in order of first
  /// appearance (status groups in status order; regions as a tree).
  /// - Complexity: O(n) in the number of targets.
  func computeRows() -> [Row] {
    var visible = [Bool](repeating: false, count: statuses.count)
    for i in visibleIndices { visible[i] = true }
    let sorted = sortedAll.filter { visible[$0] }
    guard grouping != .none else { return sorted.map(Row.target) }
    if grouping == .region { return regionRows(sorted) }
    var members = [[Int]](repeating: [], count: groupTitles.count)
    var order: [Int] = []
    for i in sorted {
      for g in groupsOf[i] {
        if members[g].isEmpty { order.append(g) }
        members[g].append(i)
      }
    }
    if grouping == .status { order.sort() }
    var rows: [Row] = []
    rows.reserveCapacity(sorted.count + order.count)
    for g in order {
      rows.append(.group(name: groupTitles[g], count: members[g].count))
      rows.append(contentsOf: members[g].map(Row.target))
    }
    return rows
  }

  /// The key that selects a region's heading.
  public static func regionKey(_ code: String) -> String { "@region:" + code }

  /// The region whose heading is selected, if one is.
  public var selectedRegion: String? {
    guard let key = selectedKey, key.hasPrefix("@region:") else { return nil }
    return String(key.dropFirst("@region:".count))
  }

  /// A target's region in the tree: its resolved region, else its document's region name.
  func regionOf(_ s: TargetStatus) -> (code: String, name: String) {
    if let r = s.target.placement?.region { return (r.code, r.name) }
    let name = s.target.document.region ?? "—"
    return ("?" + name, name)
  }

  /// Regions with visible targets, each under the nearest region above it that has some,
  /// in code order; a region's targets come before its subregions.
  func regionRows(_ sorted: [Int]) -> [Row] {
    var members: [String: [Int]] = [:]
    var names: [String: String] = [:]
    for i in sorted {
      let (code, name) = regionOf(statuses[i])
      members[code, default: []].append(i)
      names[code] = name
    }
    var children: [String: [String]] = [:]
    var roots: [String] = []
    for code in members.keys.sorted() {
      if let parent = regions.ancestors(of: code).first(where: { members[$0.code] != nil }) {
        children[parent.code, default: []].append(code)
      } else {
        roots.append(code)
      }
    }
    func count(_ code: String) -> Int {
      (members[code]?.count ?? 0) + (children[code] ?? []).reduce(0) { $0 + count($1) }
    }
    var rows: [Row] = []
    func visit(_ code: String, _ depth: Int) {
      let collapsed = collapsedRegions.contains(code)
      rows.append(
        .region(
          code: code, name: names[code] ?? code, depth: depth, count: count(code),
          collapsed: collapsed))
      guard !collapsed else { return }
      rows.append(contentsOf: (members[code] ?? []).map(Row.target))
      for child in children[code] ?? [] { visit(child, depth + 1) }
    }
    for root in roots { visit(root, 0) }
    return rows
  }

  /// The index in `statuses` of the selected target, if it is visible.
  public var selectedIndex: Int? {
    guard let key = selectedKey else { return nil }
    return indexByKey[key]
  }

  func groupNames(_ s: TargetStatus) -> [String] {
    let t = s.target
    switch grouping {
    case .document: return [t.document.title]
    case .category: return [t.category]
    case .region: return [t.document.region ?? "—"]
    case .lead: return t.lead.isEmpty ? ["—"] : t.lead
    case .status: return [language.label(s.status)]
    case .none: return [""]
    }
  }

  /// The order of the chosen sort; ties keep the order of the target files.
  /// What the chosen sort orders by; ties keep the order of the target files.
  func sortKey(_ s: TargetStatus) -> (Double, String) {
    switch sort {
    case .status: return (Double(s.status.rank), "")
    case .gap: return (s.shortfallShare.map { -$0 } ?? 1, "")
    case .due: return (Double(s.governing.due.ordinal), "")
    case .progress: return (s.progress ?? 9e9, "")
    case .name: return (0, s.target.name)
    case .lead: return (s.target.lead.isEmpty ? 1 : 0, s.target.lead.joined(separator: "、"))
    case .region: return (0, regionOf(s).code)
    case .indicator: return (s.target.indicator == nil ? 1 : 0, s.target.indicator ?? "")
    case .document: return (0, s.target.document.id)
    // Oldest figure first, targets without one before them.
    case .updated: return (s.actual.map { Double($0.day.ordinal) } ?? -.infinity, "")
    }
  }
}
