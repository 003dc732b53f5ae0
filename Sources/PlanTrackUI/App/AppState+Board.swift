import PlanTrackCore

/// The form for the comment of a return, over the board: what it returns and the comment as
/// typed. An empty comment is refused here, before anything is asked of the store.
public struct CommentForm: Hashable, Sendable {
  /// The series keys of the submitted figures it returns.
  public var keys: [String]
  /// The board's column: a month.
  public var period: ReportingPeriod
  /// The row's name: the office or lead unit.
  public var name: String
  public var text = ""
  /// Why it cannot be sent yet, until the next edit.
  public var error: String?

  public init(keys: [String], period: ReportingPeriod, name: String) {
    self.keys = keys
    self.period = period
    self.name = name
  }
}

extension AppState {
  /// The selected cell of the board: its row, its column's month, and each series' review in
  /// it; nil when the board has no rows.
  public var selectedBoardCell:
    (row: ReportingLedger.Row, period: ReportingPeriod, reviews: [PeriodReview])?
  {
    guard let ledger, ledger.rows.indices.contains(boardRow),
      ledger.columns.indices.contains(boardColumn),
      let period = ReportingPeriod(parsing: ledger.columns[boardColumn])
    else { return nil }
    let row = ledger.rows[boardRow]
    return (row, period, row.cells[boardColumn])
  }

  /// The board rows that fit: the screen less header, column titles, the selected cell's
  /// pane and the footer.
  public var boardTableHeight: Int {
    max(1, height - 4 - BoardView.paneHeight - (banner == nil ? 0 : 1))
  }

  /// Keeps the board's cursor on a row and a column of the ledger, and its row in view.
  mutating func clampBoardCursor() {
    let rows = ledger?.rows.count ?? 0
    let columns = ledger?.columns.count ?? 0
    boardRow = max(0, min(boardRow, rows - 1))
    boardColumn = max(0, min(boardColumn, columns - 1))
    if boardRow < boardScroll { boardScroll = boardRow }
    if boardRow >= boardScroll + boardTableHeight { boardScroll = boardRow - boardTableHeight + 1 }
    boardScroll = max(0, min(boardScroll, max(0, rows - boardTableHeight)))
  }

  mutating func openBoard() {
    mode = .board
    boardOpen = true
    clampBoardCursor()
  }

  mutating func boardKey(_ key: Key) -> [Effect] {
    message = nil
    let action = key == .control("c") ? .quit : keyMap.action(for: key, in: .board)
    switch action {
    case .back:
      mode = .overview
      boardOpen = false
    case .up: boardRow -= 1
    case .down: boardRow += 1
    case .left: boardColumn -= 1
    case .right: boardColumn += 1
    case .pageUp: boardRow -= max(1, boardTableHeight - 1)
    case .pageDown: boardRow += max(1, boardTableHeight - 1)
    case .top: boardRow = 0
    case .bottom: boardRow = Int.max / 2
    case .group:
      boardGrouping = Self.next(boardGrouping)
      boardRow = 0
      message = labels.groupedBy + " " + labels.boardGroupName(boardGrouping)
    case .approve: return decideCell(.approve)
    case .returnFigure: return decideCell(.return)
    case .help: mode = .help
    case .quit: return [.quit]
    default: break
    }
    clampBoardCursor()
    return []
  }

  /// Approves the selected cell's submitted figures, or opens the form for a return's
  /// comment; says so in the footer when there is nothing submitted or nothing can be saved.
  mutating func decideCell(_ action: ReviewAction) -> [Effect] {
    guard let cell = selectedBoardCell else { return [] }
    if readOnly {
      message = labels.readOnly
      return []
    }
    let keys = cell.reviews.filter { $0.state == .submitted }.map(\.key)
    guard !keys.isEmpty else {
      message = labels.nothingSubmitted(cell.period.label)
      return []
    }
    if action == .approve {
      return [.review(action: .approve, keys: keys, period: cell.period, comment: nil)]
    }
    commentForm = CommentForm(keys: keys, period: cell.period, name: cell.row.name)
    return []
  }

  mutating func commentKey(_ key: Key) -> [Effect] {
    guard var f = commentForm else { return [] }
    switch key {
    case .escape:
      commentForm = nil
      return []
    case .backspace, .delete:
      if !f.text.isEmpty { f.text.removeLast() }
      f.error = nil
    case .char(let c):
      f.text.append(c)
      f.error = nil
    case .enter:
      let comment = f.text.trimmingWhitespace
      guard !comment.isEmpty else {
        f.error = labels.commentRequired
        break
      }
      commentForm = f
      return [.review(action: .return, keys: f.keys, period: f.period, comment: comment)]
    case .control("c"): return [.quit]
    default: break
    }
    commentForm = f
    return []
  }
}
