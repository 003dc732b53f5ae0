import PlanTrackCore

extension AppState {
  /// How many rows a turn of the wheel moves.
  static let wheelStep = 3

  /// Applies a mouse event, when the settings allow the mouse: in the overview a click selects
  /// a row, a double click opens it (or folds a region), a click on a column's title sorts by
  /// that column; on the board a click selects the cell; the wheel moves the selection (in the
  /// detail, scrolls) by `wheelStep`. Anywhere else, and on a screen too small, nothing.
  mutating func mouse(_ event: MouseEvent) -> [Effect] {
    guard settings.mouse, !isTooSmall else { return [] }
    let wheel = event.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep
    switch mode {
    case .overview:
      return overviewMouse(event)
    case .detail:
      if event.kind == .wheelUp || event.kind == .wheelDown {
        detailScroll = max(0, detailScroll + wheel)
      }
    case .board where commentForm == nil:
      boardMouse(event)
    default:
      break
    }
    return []
  }

  /// The first screen row of the overview's table (below the header, the counts and the
  /// column titles).
  var tableTop: Int { (banner == nil ? 0 : 1) + 3 }

  mutating func overviewMouse(_ event: MouseEvent) -> [Effect] {
    switch event.kind {
    case .wheelUp, .wheelDown:
      message = nil
      moveSelection(by: event.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep)
      keepSelectionInView()
      return []
    case .click, .doubleClick:
      if event.y == tableTop - 1 {
        guard let column = OverviewLayout(self).column(at: event.x) else { return [] }
        sort = Sort(column)
        message = labels.sortedBy + " " + labels.sortName(sort)
        keepSelectionInView()
        return []
      }
      let r = scroll + event.y - tableTop
      guard event.y >= tableTop, event.y < tableTop + tableHeight, rows.indices.contains(r)
      else { return [] }
      message = nil
      switch rows[r] {
      case .group:
        return []
      case .region(let code, _, _, _, _):
        if event.kind == .doubleClick {
          toggle(region: code)
        } else {
          selectedKey = Self.regionKey(code)
        }
        keepSelectionInView()
        return []
      case .target(let i):
        let key = statuses[i].target.key
        selectedKey = key
        guard event.kind == .doubleClick else { return [] }
        editingFilter = false
        mode = .detail
        detailScroll = 0
        return [.loadHistory(key: key)]
      }
    }
  }

  mutating func boardMouse(_ event: MouseEvent) {
    message = nil
    switch event.kind {
    case .wheelUp, .wheelDown:
      boardRow += event.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep
    case .click, .doubleClick:
      guard let ledger else { return }
      // The grid's rows start under the header and the column titles.
      let r = boardScroll + event.y - (banner == nil ? 0 : 1) - 2
      guard r >= boardScroll, r < boardScroll + boardTableHeight, ledger.rows.indices.contains(r)
      else { return }
      boardRow = r
      if let c = BoardView.Grid(self, ledger: ledger).column(at: event.x) { boardColumn = c }
    }
    clampBoardCursor()
  }
}
