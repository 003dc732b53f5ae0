/// What a terminal must write to turn the last frame into the next: the rows that changed,
/// each as runs of cells of one style. Pure, so the ncurses backend only writes the runs and
/// the rule lives (and is tested) here.
public enum FrameDiff {
  /// Text to write at one place in one style: the cells of a row from `column` on, up to the
  /// next change of style. Continuation cells add no text (the wide character before them
  /// covers them).
  public struct Run: Hashable, Sendable {
    /// The row, from 0 at the top.
    public var row: Int
    /// The first column the text covers.
    public var column: Int
    /// The cells' text, one grapheme cluster per cell that is not a continuation.
    public var text: String
    /// The style of every cell of the run.
    public var style: Style

    /// A run of `text` in `style` from `column` of `row`.
    public init(row: Int, column: Int, text: String, style: Style) {
      self.row = row
      self.column = column
      self.text = text
      self.style = style
    }
  }

  /// The rows of `new` that differ from `old`, top to bottom: every row when there is no old
  /// frame or its size differs.
  /// - Complexity: O(width × height).
  public static func changedRows(from old: ScreenBuffer?, to new: ScreenBuffer) -> [Int] {
    guard let old, old.width == new.width, old.height == new.height else {
      return Array(0..<new.height)
    }
    return (0..<new.height).filter { y in
      !(0..<new.width).allSatisfy { old[$0, y] == new[$0, y] }
    }
  }

  /// The runs that draw the changed rows of `new`, row by row, left to right. A changed row
  /// is written whole. The bottom-right cell is left out: writing it would scroll the screen
  /// on most terminals (the views keep it blank).
  /// - Complexity: O(width × height).
  public static func runs(from old: ScreenBuffer?, to new: ScreenBuffer) -> [Run] {
    changedRows(from: old, to: new).flatMap { runs(ofRow: $0, in: new) }
  }

  /// The runs that draw row `y` of `buffer` whole (but for the bottom-right cell).
  /// - Complexity: O(width).
  public static func runs(ofRow y: Int, in buffer: ScreenBuffer) -> [Run] {
    var result: [Run] = []
    var x = 0
    while x < buffer.width {
      let cell = buffer[x, y]
      if cell.isContinuation {
        x += 1
        continue
      }
      var text = cell.text
      var lastCell = cell.text
      var end = x + max(1, cell.width)
      while end < buffer.width, buffer[end, y].style == cell.style {
        let next = buffer[end, y].text
        if !next.isEmpty {
          text += next
          lastCell = next
        }
        end += 1
      }
      if y == buffer.height - 1, end == buffer.width {
        // Cells are whole clusters, but two may join into one Character (a flag): count scalars.
        text.unicodeScalars.removeLast(lastCell.unicodeScalars.count)
      }
      if !text.isEmpty { result.append(Run(row: y, column: x, text: text, style: cell.style)) }
      x = end
    }
    return result
  }
}
