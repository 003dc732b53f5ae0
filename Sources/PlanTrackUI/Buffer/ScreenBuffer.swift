import PlanTrackCore

/// One cell of the screen: a grapheme cluster of width 1 or 2, or the right half of a wide
/// one (`isContinuation`).
public struct Cell: Hashable, Sendable {
  /// The grapheme cluster drawn here; empty for a continuation cell.
  public var text: String
  /// Columns the text takes: 1 or 2; 0 for a continuation cell.
  public var width: Int
  public var style: Style

  public static let blank = Cell(text: " ", width: 1, style: .plain)

  public var isContinuation: Bool { width == 0 }
}

/// An in-memory screen of `width` × `height` cells that views draw into, like ratatui's
/// `Buffer`. The terminal layer compares it with the last frame and writes only the changes.
///
/// Every write is measured by display width per grapheme cluster. A wide character never
/// lands in the last column or with its right half cut off by a limit (a space takes its
/// place), and writing over half of a wide character clears the other half. Control
/// characters, escape sequences and bidi overrides never reach a cell: each becomes `�`.
public struct ScreenBuffer: Hashable, Sendable {
  public let width: Int
  public let height: Int
  private var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) is off screen")
    return cells[y * width + x]
  }

  /// Writes `text` from column `x` of row `y`, clipped at column `limit` (exclusive; default the
  /// screen's width). Returns the column after the last one written.
  /// - Complexity: O(n) in the characters of `text`.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil
  ) -> Int {
    guard y >= 0, y < height else { return x }
    let end = min(limit ?? width, width)
    var col = x
    for c in text {
      let (glyph, w) = Self.sanitized(c)
      if w == 0 { continue }
      if col >= end { break }
      if col < 0 {
        col += w
        continue
      }
      if w == 2 && col + 1 >= end {
        // The right half would fall outside: a space instead of half a character.
        set(col, y, Cell(text: " ", width: 1, style: style))
        col += 1
        break
      }
      set(col, y, Cell(text: glyph, width: w, style: style))
      if w == 2 { set(col + 1, y, Cell(text: "", width: 0, style: style)) }
      col += w
    }
    return col
  }

  /// Fills a rectangle with one character (a space by default) in `style`.
  public mutating func fill(
    x: Int, y: Int, width w: Int, height h: Int, with c: Character = " ", style: Style = .plain
  ) {
    let line = String(repeating: String(c), count: max(0, w) / max(1, DisplayWidth.of(c)))
    for row in y..<(y + max(0, h)) { put(line, x: x, y: row, style: style, limit: x + w) }
  }

  /// Applies `style` to the cells of a row range, keeping their text (a selection bar).
  public mutating func restyle(y: Int, from x0: Int, to x1: Int, _ transform: (Style) -> Style) {
    guard y >= 0, y < height else { return }
    for x in max(0, x0)..<min(width, x1) {
      cells[y * width + x].style = transform(self[x, y].style)
    }
  }

  /// The rows as text, one string per row, continuation cells left out: each row's display
  /// width is exactly `width`. Screen tests compare these grids.
  public var lines: [String] {
    (0..<height).map { y in
      var s = ""
      for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
      return s
    }
  }

  /// The grid as one string with a newline after every row.
  public var text: String { lines.map { $0 + "\n" }.joined() }

  private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    let i = y * width + x
    // Overwriting half of a wide character blanks its other half.
    if cells[i].width == 2, x + 1 < width, cells[i + 1].isContinuation {
      cells[i + 1] = Cell(text: " ", width: 1, style: cells[i].style)
    }
    if cells[i].isContinuation, x > 0, cells[i - 1].width == 2 {
      cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style)
    }
    cells[i] = cell
  }

  /// A cluster as it may be drawn, with its width: controls, escapes, bidi controls and
  /// other invisible format characters become `�` (1 column) so nothing can move the cursor
  /// or reorder the text; zero-width marks are dropped.
  static func sanitized(_ c: Character) -> (String, Int) {
    if c.unicodeScalars.contains(where: \.isControlOrBidi) { return ("\u{FFFD}", 1) }
    let w = DisplayWidth.of(c)
    return (String(c), w)
  }
}
