import PlanTrackCore

/// The overview: header with the status counts, the table of targets, the footer.
struct OverviewView {
  let state: AppState
  let theme: Theme
  var labels: Labels { state.labels }

  /// Column widths for the screen width: the name takes what the others leave.
  struct Columns {
    var status = 10
    var name = 0
    var figures = 16
    var bar = 8
    var percent = 5
    var due = 10
    var left = 6
    var lead = 0

    init(width: Int, language: Language) {
      if language == .zh { status = 8 }
      if width >= 100 {
        bar = 10
        figures = 18
      }
      if width >= 110 { lead = min(30, (width - 100) / 2 + 10) }
      if width >= 140 { bar = 16 }
      let fixed = status + figures + bar + percent + due + left + lead + 6 + (lead > 0 ? 1 : 0)
      name = max(10, width - fixed)
    }
  }

  func draw(into b: inout ScreenBuffer, top: Int) {
    var y = top
    drawHeader(&b, y)
    y += 1
    drawCounts(&b, y)
    y += 1
    let cols = Columns(width: b.width, language: state.language)
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
    drawFooter(&b)
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

  func drawTitles(_ b: inout ScreenBuffer, _ y: Int, _ c: Columns) {
    var x = 0
    for (text, w, right) in [
      (labels.status, c.status, false), (labels.target, c.name, false),
      (labels.actualGoal, c.figures, true), (labels.progress, c.bar + c.percent, false),
      (labels.due, c.due, false), (labels.daysLeft, c.left, true), (labels.lead, c.lead, false),
    ] where w > 0 {
      b.put(
        DisplayWidth.pad(text, to: w, alignment: right ? .right : .left), x: x, y: y, style: .bold)
      x += w + 1
    }
    b.restyle(y: y, from: 0, to: b.width) { s in
      var s = s
      s.underline = true
      return s
    }
  }

  func drawTarget(
    _ b: inout ScreenBuffer, _ y: Int, _ s: TargetStatus, _ c: Columns, selected: Bool
  ) {
    var x = 0
    let status = DisplayWidth.pad(labels.short(s.status), to: c.status)
    x = b.put(status, x: x, y: y, style: theme.style(s.status)) + 1
    // A target whose region sums its children's figures shows their coverage: Σ12/16.
    let mark = s.rollupMark.isEmpty ? "" : " " + s.rollupMark
    let name =
      DisplayWidth.pad(
        DisplayWidth.truncate(s.target.name, to: max(1, c.name - DisplayWidth.of(mark))) + mark,
        to: c.name)
    x = b.put(name, x: x, y: y) + 1
    let unapproved = state.reporting?.isUnapproved(s, asOf: state.asOf) ?? false
    let figures = s.actualOverGoal(markStale: true, markUnapproved: unapproved)
    x = b.put(DisplayWidth.pad(figures, to: c.figures, alignment: .right), x: x, y: y) + 1
    let percent = s.progressText
    // A percentage that fills its column takes a cell from the bar, to keep a space between.
    let gap = DisplayWidth.of(percent) >= c.percent ? 1 : 0
    let bar = theme.bar(share: s.progress, expected: s.expectedShare, width: c.bar - gap)
    x = b.put(bar, x: x, y: y, style: theme.color ? theme.style(s.status) : .plain) + gap
    x = b.put(DisplayWidth.pad(percent, to: c.percent, alignment: .right), x: x, y: y) + 1
    x = b.put(s.governing.due.iso, x: x, y: y) + 1
    let left = "\(s.daysLeft)" + labels.days
    x = b.put(DisplayWidth.pad(left, to: c.left, alignment: .right), x: x, y: y) + 1
    if c.lead > 0 {
      b.put(DisplayWidth.pad(s.target.lead.joined(separator: "、"), to: c.lead), x: x, y: y)
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
