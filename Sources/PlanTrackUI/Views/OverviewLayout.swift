import PlanTrackCore

/// Where the overview's columns go at a screen width: the columns settings choose
/// (`Settings.columns`), in their order, each with its place and width. The name takes what
/// the others leave. The lead unit shows from 110 columns on; any other column but the status
/// and the name drops, from the right end of the list, while the name would get fewer than
/// `minimumName` columns. Every column is followed by a space, but a bar followed by its
/// percentage: the two read as one "progress" column.
struct OverviewLayout: Equatable {
  /// A column on the screen: from `x`, `width` columns wide.
  struct Placed: Equatable {
    var column: OverviewColumn
    var x: Int
    var width: Int
    /// Whether the next column follows without a space (a bar before its percentage).
    var joined = false
  }

  /// The widest text of each column whose width follows its content, over every target
  /// (not only the visible ones, so that filtering does not move the columns).
  struct Content: Equatable {
    var daysLeft = 0
    var region = 0
    var indicator = 0
    var document = 0
  }

  /// The columns shown, left to right.
  var placed: [Placed]

  /// The fewest columns the name keeps before optional columns drop.
  static let minimumName = 16

  /// Columns that never drop.
  static let kept: Set<OverviewColumn> = [.status, .name]

  init(columns: [OverviewColumn], width: Int, labels: Labels, content: Content) {
    // Each column once, status and name always.
    var chosen: [OverviewColumn] = []
    for c in columns where !chosen.contains(c) { chosen.append(c) }
    for c in [OverviewColumn.name, .status] where !chosen.contains(c) { chosen.insert(c, at: 0) }
    var widths: [OverviewColumn: Int] = [:]
    for c in chosen where c != .name {
      widths[c] = Self.width(of: c, screen: width, labels: labels, content: content)
    }
    chosen.removeAll { widths[$0] == 0 }
    func joined(_ i: Int) -> Bool {
      chosen[i] == .bar && i + 1 < chosen.count && chosen[i + 1] == .percent
    }
    func nameWidth() -> Int {
      let others = chosen.indices.reduce(0) { sum, i in
        sum + (widths[chosen[i]] ?? 0) + (joined(i) ? 0 : 1)
      }
      return width - others
    }
    while nameWidth() < Self.minimumName,
      let last = chosen.lastIndex(where: { !Self.kept.contains($0) })
    {
      chosen.remove(at: last)
    }
    widths[.name] = max(10, nameWidth())
    var x = 0
    placed = chosen.indices.map { i in
      let p = Placed(column: chosen[i], x: x, width: widths[chosen[i]]!, joined: joined(i))
      x += p.width + (p.joined ? 0 : 1)
      return p
    }
  }

  /// The layout of `state`'s columns at its width.
  init(_ state: AppState) {
    self.init(
      columns: state.settings.columns, width: state.width, labels: state.labels,
      content: state.overviewContent)
  }

  /// The columns shown, in order.
  var columns: [OverviewColumn] { placed.map(\.column) }

  /// The column shown under screen column `x` (a bar's percentage counts as the bar's), if any.
  func column(at x: Int) -> OverviewColumn? {
    guard let p = placed.first(where: { x >= $0.x && x < $0.x + $0.width + ($0.joined ? 0 : 1) })
    else { return nil }
    return p.column
  }

  /// A column's width at a screen width, 0 when it does not show at that width; nil for the
  /// name, which takes the rest.
  static func width(
    of column: OverviewColumn, screen: Int, labels: Labels, content: Content
  ) -> Int {
    func fit(_ text: Int, title: String, cap: Int) -> Int {
      max(DisplayWidth.of(title), min(cap, text))
    }
    switch column {
    case .status: return labels.language == .zh ? 8 : 10
    case .name: return 0
    case .figures: return screen >= 100 ? 18 : 16
    case .bar: return screen >= 140 ? 16 : (screen >= 100 ? 10 : 8)
    case .percent: return 5
    case .due: return 10
    case .daysLeft: return max(6, content.daysLeft)
    case .lead: return screen >= 110 ? min(30, (screen - 100) / 2 + 10) : 0
    case .region: return fit(content.region, title: labels.region, cap: 12)
    case .indicator: return fit(content.indicator, title: labels.indicator, cap: 18)
    case .document: return fit(content.document, title: labels.document, cap: 18)
    case .updated: return max(10, DisplayWidth.of(labels.updated))
    }
  }
}

extension AppState {
  /// What a column whose cell is plain text shows for `s`; nil for the columns drawn
  /// otherwise (status, name, bar).
  func cellText(_ column: OverviewColumn, _ s: TargetStatus) -> String? {
    let t = s.target
    switch column {
    case .status, .name, .figures, .bar: return nil
    case .percent: return s.progressText
    case .due: return s.governing.due.iso
    case .daysLeft: return labels.daysLeftText(s.daysLeft, status: s.status)
    case .lead: return t.lead.joined(separator: "、")
    case .region:
      return t.placement?.region?.name ?? t.regionName ?? t.document.region ?? "—"
    case .indicator: return t.indicator ?? "—"
    case .document: return t.document.id
    case .updated: return s.actual?.day.iso ?? "—"
    }
  }

  /// The widest text of the columns whose width follows their content, over every target.
  /// - Complexity: O(n) in the number of targets.
  func computeOverviewContent() -> OverviewLayout.Content {
    var content = OverviewLayout.Content()
    // Days left: only the extremes can be the widest.
    if let low = statuses.min(by: { $0.daysLeft < $1.daysLeft }),
      let high = statuses.max(by: { $0.daysLeft < $1.daysLeft })
    {
      content.daysLeft = [low, high].map { DisplayWidth.of(cellText(.daysLeft, $0) ?? "") }.max()!
    }
    func widest(_ column: OverviewColumn) -> Int {
      Set(statuses.map { cellText(column, $0) ?? "" }).reduce(0) { max($0, DisplayWidth.of($1)) }
    }
    content.region = widest(.region)
    content.indicator = widest(.indicator)
    content.document = widest(.document)
    return content
  }
}
