import PlanTrackCore

/// The overview: header with the status counts, the table of targets, the footer.
struct OverviewView {
  let state: AppState
  let theme: Theme
  var labels: Labels { state.labels }

  func draw(into b: inout ScreenBuffer, top: Int) {
    var y = top
    drawHeader(&b, y)
    y += 1
    drawCounts(&b, y)
    y += 1
    let cols = OverviewLayout(state)
    drawTitles(&b, y, cols)
    y += 1
    let rows = state.rows
    if rows.isEmpty {
      b.put(labels.noTargets, x: 2, y: y + 1, style: .dim)
    }
    let visible = rows.dropFirst(state.scroll).prefix(state.tableHeight)
    for row in visible {
      switch row {
      case .group(let name, let count):
        let text = theme.groupOpen + name + "（\(count)）"
        b.put(text, x: 0, y: y, style: .bold)
      case .region(let code, let name, let depth, let count, let collapsed):
        let text =
          String(repeating: "  ", count: depth)
          + (collapsed ? theme.groupOpen : theme.groupExpanded) + name + "（\(count)）"
        b.put(text, x: 0, y: y, style: .bold)
        if state.selectedRegion == code {
          b.restyle(y: y, from: 0, to: b.width, theme.selected)
        }
      case .target(let i):
        drawTarget(&b, y, state.statuses[i], cols, selected: state.selectedIndex == i)
      }
      y += 1
    }
    if state.hasNoFigures { drawFirstRun(&b) }
    drawFooter(&b)
  }

  /// The rows the steps to begin take under the table: a blank row, the line saying there are
  /// no figures, and three steps.
  static let firstRunHeight = 5

  /// On a workspace without figures: one line that says so, and what to do next — the add
  /// key (as the key map has it), `plantrack import`, `plantrack demo`.
  func drawFirstRun(_ b: inout ScreenBuffer) {
    var y = b.height - 2 - Self.firstRunHeight + 1
    b.put(labels.noFiguresYet, x: 0, y: y, style: .bold)
    let add = state.keyMap.keys(for: .add, in: .overview).first?.name
    let steps = [
      add.map { ($0, labels.addFigureStep) }, ("plantrack import figures.csv", labels.importStep),
      ("plantrack demo", labels.demoStep),
    ].compactMap { $0 }
    let width = steps.map { DisplayWidth.of($0.0) }.max()! + 3
    for (command, text) in steps {
      y += 1
      let x = b.put(DisplayWidth.pad(command, to: width), x: 2, y: y, style: .bold)
      b.put(DisplayWidth.truncate(text, to: b.width - x), x: x, y: y)
    }
  }

  func drawHeader(_ b: inout ScreenBuffer, _ y: Int) {
    let shown = state.visibleIndices.count
    let total = state.statuses.count
    var left = "plantrack  \(state.workspace)  \(labels.asOf) \(state.asOf.iso)  "
    left += shown == total ? "\(total) \(labels.targets)" : "\(shown)/\(total) \(labels.targets)"
    b.put(left, x: 0, y: y, style: .bold)
    var right: [String] = []
    if !state.filterText.isEmpty, !state.editingFilter { right.append("/" + state.filterText) }
    right.append(labels.sortedBy + " " + labels.sortName(state.sort))
    right.append(labels.groupedBy + " " + labels.groupName(state.grouping))
    let text = right.joined(separator: "  ")
    let w = DisplayWidth.of(text)
    if DisplayWidth.of(left) + w + 2 <= b.width { b.put(text, x: b.width - w, y: y, style: .dim) }
  }

  /// The count of each status, with its share when the line has room; a hidden status
  /// (toggled with 1–6) in brackets.
  func drawCounts(_ b: inout ScreenBuffer, _ y: Int) {
    let totals = state.matchCounts
    func texts(shares: Bool) -> [String] {
      Status.allCases.map { status in
        let count = totals.counts[status] ?? 0
        var text = "\(labels.short(status)) \(count)"
        if shares, totals.total > 0 {
          text += " (" + NumberText.percent(totals.share(status), digits: 0) + ")"
        }
        return state.hiddenStatuses.contains(status) ? "[\(text)]" : text
      }
    }
    var parts = texts(shares: true)
    if parts.reduce(0, { $0 + DisplayWidth.of($1) + 2 }) > b.width { parts = texts(shares: false) }
    var x = 0
    for (status, text) in zip(Status.allCases, parts) {
      let style = state.hiddenStatuses.contains(status) ? Style(dim: true) : theme.style(status)
      x = b.put(text, x: x, y: y, style: style) + 2
    }
  }

  func drawTitles(_ b: inout ScreenBuffer, _ y: Int, _ layout: OverviewLayout) {
    for (i, p) in layout.placed.enumerated() {
      var width = p.width
      let (text, right) = title(p.column, afterBar: i > 0 && layout.placed[i - 1].joined)
      if p.joined, i + 1 < layout.placed.count { width += layout.placed[i + 1].width }
      guard !text.isEmpty else { continue }
      b.put(
        DisplayWidth.pad(text, to: width, alignment: right ? .right : .left), x: p.x, y: y,
        style: .bold)
    }
    b.restyle(y: y, from: 0, to: b.width) { s in
      var s = s
      s.underline = true
      return s
    }
  }

  /// A column's title and whether it is aligned right. A percentage after its bar has none:
  /// the bar's title, "Progress", spans both.
  func title(_ column: OverviewColumn, afterBar: Bool) -> (String, Bool) {
    switch column {
    case .status: (labels.status, false)
    case .name: (labels.target, false)
    case .figures: (labels.actualGoal, true)
    case .bar: (labels.progress, false)
    case .percent: afterBar ? ("", true) : (labels.percent, true)
    case .due: (labels.due, false)
    case .daysLeft: (labels.daysLeft, true)
    case .lead: (labels.lead, false)
    case .region: (labels.region, false)
    case .indicator: (labels.indicator, false)
    case .document: (labels.document, false)
    case .updated: (labels.updated, false)
    }
  }

  func drawTarget(
    _ b: inout ScreenBuffer, _ y: Int, _ s: TargetStatus, _ layout: OverviewLayout,
    selected: Bool
  ) {
    for (i, p) in layout.placed.enumerated() {
      switch p.column {
      case .status:
        b.put(
          DisplayWidth.pad(labels.short(s.status), to: p.width), x: p.x, y: y,
          style: theme.style(s.status))
      case .name:
        // A target whose region sums its children's figures shows their coverage: Σ12/16.
        let mark = s.rollupMark.isEmpty ? "" : " " + s.rollupMark
        let name =
          DisplayWidth.truncate(s.target.name, to: max(1, p.width - DisplayWidth.of(mark)))
          + mark
        b.put(DisplayWidth.pad(name, to: p.width), x: p.x, y: y)
      case .figures:
        let unapproved = state.reporting?.isUnapproved(s, asOf: state.asOf) ?? false
        let figures = s.actualOverGoal(markStale: true, markUnapproved: unapproved)
        b.put(DisplayWidth.pad(figures, to: p.width, alignment: .right), x: p.x, y: y)
      case .bar:
        // A percentage that fills its column takes a cell from the bar before it, to keep a
        // space between.
        var width = p.width
        if p.joined, i + 1 < layout.placed.count,
          DisplayWidth.of(s.progressText) >= layout.placed[i + 1].width
        {
          width -= 1
        }
        let bar = theme.bar(share: s.progress, expected: s.expectedShare, width: width)
        b.put(bar, x: p.x, y: y, style: theme.color ? theme.style(s.status) : .plain)
      case .percent, .daysLeft:
        let text = state.cellText(p.column, s) ?? ""
        b.put(DisplayWidth.pad(text, to: p.width, alignment: .right), x: p.x, y: y)
      case .due, .lead, .region, .indicator, .document, .updated:
        b.put(DisplayWidth.pad(state.cellText(p.column, s) ?? "", to: p.width), x: p.x, y: y)
      }
    }
    if selected {
      b.restyle(y: y, from: 0, to: b.width, theme.selected)
    }
  }

  func drawFooter(_ b: inout ScreenBuffer) {
    let y = b.height - 2
    if state.editingFilter {
      b.put("/" + state.filterText + (theme.ascii ? "_" : "▏"), x: 0, y: y, style: .bold)
      if let problem = state.filterProblem {
        // While typing, the problem takes the hints' line; the hints come back when it is read.
        b.put(labels.filterProblem(problem), x: 0, y: b.height - 1, style: theme.problem)
        return
      }
    } else if let problem = state.filterProblem {
      b.put(
        "/" + state.filterText + "  " + labels.filterProblem(problem), x: 0, y: y,
        style: theme.problem)
    } else if let lost = state.storeProblem {
      b.put(labels.storeLost(lost), x: 0, y: y, style: theme.problem)
    } else if let m = state.message {
      b.put(m, x: 0, y: y)
    } else if !state.settingsProblems.isEmpty {
      b.put(labels.settingsProblems(state.settingsProblems), x: 0, y: y, style: theme.problem)
    } else {
      // The marks' legend: `*` when any target is stale, `?` when a figure on screen is not
      // yet approved.
      var legend: [String] = []
      if state.statuses.contains(where: \.stale) { legend.append("* " + labels.stale) }
      if let reporting = state.reporting, reporting.usesCycle,
        state.rows.dropFirst(state.scroll).prefix(state.tableHeight).contains(where: { row in
          guard case .target(let i) = row else { return false }
          return reporting.isUnapproved(state.statuses[i], asOf: state.asOf)
        })
      {
        legend.append("? " + labels.unapproved)
      }
      b.put(legend.joined(separator: "  "), x: 0, y: y, style: .dim)
    }
    Self.drawHints(
      labels.overviewHints(board: state.reporting?.usesCycle ?? false, state.keyMap), into: &b)
  }

  /// Key hints that fit the width, always ending with help and quit.
  static func drawHints(_ hints: [String], into b: inout ScreenBuffer) {
    let last = Array(hints.suffix(2))
    var shown: [String] = []
    var used = last.reduce(0) { $0 + DisplayWidth.of($1) + 2 }
    for h in hints.dropLast(2) {
      let w = DisplayWidth.of(h) + 2
      if used + w > b.width { break }
      shown.append(h)
      used += w
    }
    b.put((shown + last).joined(separator: "  "), x: 0, y: b.height - 1, style: .dim)
  }
}
