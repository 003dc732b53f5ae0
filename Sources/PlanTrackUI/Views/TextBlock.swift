import PlanTrackCore

/// A line of styled runs, for views that lay out text before drawing it (the detail view
/// scrolls a list of these).
struct Line {
  var runs: [(String, Style)] = []

  init(_ text: String = "", _ style: Style = .plain) {
    if !text.isEmpty { runs = [(text, style)] }
  }

  mutating func add(_ text: String, _ style: Style = .plain) { runs.append((text, style)) }

  /// Draws the runs from column `x` of row `y`, clipped at `limit`.
  func draw(_ b: inout ScreenBuffer, x: Int, y: Int, limit: Int) {
    var col = x
    for (text, style) in runs { col = b.put(text, x: col, y: y, style: style, limit: limit) }
  }
}

enum TextWrap {
  /// Breaks `text` into lines of at most `width` columns, by display width per grapheme
  /// cluster (Chinese has no spaces to break at, so any cluster boundary will do).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    var used = 0
    for c in text {
      if c == "\n" {
        lines.append(current)
        current = ""
        used = 0
        continue
      }
      let w = DisplayWidth.of(c)
      if used + w > width {
        lines.append(current)
        current = ""
        used = 0
      }
      current.append(c)
      used += w
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
