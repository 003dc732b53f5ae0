import PlanTrackCore

/// The reporting board: one row per office (or lead unit), one column per month, each cell
/// the worst state of the row's series in that period as a word (and how many series are in
/// that state when the cell has more than one); under it, the selected cell's series.
struct BoardView {
  let state: AppState
  let theme: Theme
  var labels: Labels { state.labels }

  /// The rows under the grid for the selected cell: a rule with its title and its series.
  static let paneHeight = 6

  func draw(into b: inout ScreenBuffer, top: Int) {
    drawHeader(&b, top)
    defer { drawFooter(&b) }
    guard let ledger = state.ledger, !ledger.rows.isEmpty else {
      b.put(labels.noSeries, x: 2, y: top + 2, style: .dim)
      return
    }
    let texts = ledger.rows.map { row in ledger.columns.indices.map { cellText(row, $0) } }
    let grid = Grid(texts: texts, width: b.width)
    let (nameWidth, cellWidth) = (grid.nameWidth, grid.cellWidth)
    let columnX = grid.columnX
    var y = top + 1
    let title = state.boardGrouping == .office ? labels.office : labels.lead
    b.put(DisplayWidth.pad(title, to: nameWidth), x: 0, y: y, style: .bold)
    for (c, label) in ledger.columns.enumerated() {
      b.put(DisplayWidth.pad(label, to: cellWidth), x: columnX(c), y: y, style: .bold)
    }
    b.restyle(y: y, from: 0, to: b.width) { s in
      var s = s
      s.underline = true
      return s
    }
    y += 1
    let shown = ledger.rows.indices.dropFirst(state.boardScroll).prefix(state.boardTableHeight)
    for r in shown {
      let selectedRow = r == state.boardRow
      b.put(
        Self.tail(ledger.rows[r].name, to: nameWidth), x: 0, y: y,
        style: selectedRow ? .bold : .plain)
      for c in ledger.columns.indices {
        let x = columnX(c)
        if let cell = texts[r][c] {
          b.put(
            DisplayWidth.pad(cell.text, to: cellWidth), x: x, y: y, style: theme.style(cell.worst))
        }
        if selectedRow, c == state.boardColumn {
          b.restyle(y: y, from: x, to: x + cellWidth, theme.selected)
        }
      }
      y += 1
    }
    drawPane(&b)
  }

  /// Where the grid's columns are: the names take what the cells, each as wide as the widest
  /// cell's word, leave.
  struct Grid {
    var nameWidth: Int
    var cellWidth: Int
    var columns: Int

    init(texts: [[(text: String, worst: ReportingCell)?]], width: Int) {
      columns = texts.first?.count ?? 0
      cellWidth = texts.joined().reduce(7) { max($0, DisplayWidth.of($1?.text ?? "")) }
      nameWidth = max(8, width - columns * (cellWidth + 1))
    }

    /// The grid of `state`'s ledger at its width.
    init(_ state: AppState, ledger: ReportingLedger) {
      let view = BoardView(state: state, theme: Theme(ascii: state.ascii, color: state.color))
      self.init(
        texts: ledger.rows.map { row in ledger.columns.indices.map { view.cellText(row, $0) } },
        width: state.width)
    }

    /// The first screen column of period column `c`.
    func columnX(_ c: Int) -> Int { nameWidth + 1 + c * (cellWidth + 1) }

    /// The period column under screen column `x`, if any (the space after a cell is its own).
    func column(at x: Int) -> Int? {
      guard x > nameWidth else { return nil }
      let c = (x - nameWidth - 1) / (cellWidth + 1)
      return c < columns ? c : nil
    }
  }

  /// A cell's word: the worst state of its series, with how many are in it when the cell
  /// has more than one series; nil when none reports in the period.
  func cellText(_ row: ReportingLedger.Row, _ column: Int) -> (text: String, worst: ReportingCell)?
  {
    let asOf = state.asOf
    guard let worst = row.worst(column, asOf: asOf) else { return nil }
    let reviews = row.cells[column]
    guard reviews.count > 1 else { return (labels.cell(worst), worst) }
    let count = reviews.count { ReportingCell($0, asOf: asOf) == worst }
    return (labels.cell(worst) + " \(count)", worst)
  }

  /// `name` in exactly `width` columns, cut at the front when too wide (`…威海市文登区`):
  /// offices' full names differ at their end.
  static func tail(_ name: String, to width: Int) -> String {
    guard DisplayWidth.of(name) > width else { return DisplayWidth.pad(name, to: width) }
    let reversed = DisplayWidth.truncate(String(name.reversed()), to: width)
    return DisplayWidth.pad(String(reversed.reversed()), to: width)
  }

  func drawHeader(_ b: inout ScreenBuffer, _ y: Int) {
    let left = "plantrack  \(state.workspace)  \(labels.board)  \(labels.asOf) \(state.asOf.iso)"
    b.put(left, x: 0, y: y, style: .bold)
    let right = labels.groupedBy + " " + labels.boardGroupName(state.boardGrouping)
    let w = DisplayWidth.of(right)
    if DisplayWidth.of(left) + w + 2 <= b.width { b.put(right, x: b.width - w, y: y, style: .dim) }
  }

  /// The selected cell's series: state, period, title, figure, and a return's comment.
  func drawPane(_ b: inout ScreenBuffer) {
    guard let cell = state.selectedBoardCell else { return }
    let top = b.height - 2 - Self.paneHeight
    b.put(String(repeating: theme.rule, count: b.width), x: 0, y: top, style: .dim)
    b.put(
      " " + cell.period.label + " · " + cell.row.name + " ", x: 2, y: top, style: .bold,
      limit: b.width)
    // Each line, with whether it is a series' first (a return's comment follows its own).
    var lines: [(line: Line, first: Bool)] = []
    for review in cell.reviews {
      let word = ReportingCell(review, asOf: state.asOf)
      var line = Line(DisplayWidth.pad(labels.cell(word), to: 9), theme.style(word))
      line.add(DisplayWidth.pad(review.period.label, to: 8), .dim)
      line.add(cell.row.series.first { $0.key == review.key }?.title ?? review.key)
      let figure = review.figure.map { NumberText.figure($0.value) + " (\($0.asOf.iso))" }
      line.add("  " + (figure ?? "—"))
      lines.append((line, true))
      if let comment = review.returnComment {
        let text = String(repeating: " ", count: 9) + labels.comment + ": " + comment
        lines.append((Line(text), false))
      }
    }
    if lines.isEmpty { lines = [(Line(labels.noneInPeriod, .dim), false)] }
    let room = Self.paneHeight - 1
    if lines.count > room {
      let shown = lines.prefix(room - 1)
      let hidden = cell.reviews.count - shown.count { $0.first }
      lines = Array(shown) + [(Line(labels.more(hidden), .dim), false)]
    }
    for (i, line) in lines.enumerated() {
      line.line.draw(&b, x: 0, y: top + 1 + i, limit: b.width)
    }
  }

  func drawFooter(_ b: inout ScreenBuffer) {
    let y = b.height - 2
    if let lost = state.storeProblem {
      b.put(labels.storeLost(lost), x: 0, y: y, style: theme.problem)
    } else if let m = state.message {
      b.put(m, x: 0, y: y)
    }
    OverviewView.drawHints(labels.boardHints(state.keyMap), into: &b)
  }
}
