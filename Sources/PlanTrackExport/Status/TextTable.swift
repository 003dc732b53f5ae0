import PlanTrackCore

/// Column-aligned plain text for the terminal, measured by display width (CJK = 2 columns).
public enum TextTable {
  /// Pads every cell to its column's widest cell, joins cells with two spaces, and trims
  /// trailing spaces. Columns in `rightAligned` are aligned right.
  /// - Complexity: O(cells).
  public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    // Text from target files and entries is shown, never obeyed: escapes stay visible.
    let rows = rows.map { $0.map(\.escapingControls) }
    guard let columns = rows.map(\.count).max() else { return "" }
    let widths = (0..<columns).map { col in
      rows.map { col < $0.count ? DisplayWidth.of($0[col]) : 0 }.max() ?? 0
    }
    var out = ""
    for row in rows {
      var line = row.enumerated().map { col, cell in
        DisplayWidth.pad(
          cell, to: widths[col], alignment: rightAligned.contains(col) ? .right : .left)
      }.joined(separator: "  ")
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}
