import Foundation
import Testing

@testable import PlanTrackUI

/// Compares a screen with its golden file `__Snapshots__/<name>.txt`, row by row. The file is
/// written when it is missing or when `RECORD_SNAPSHOTS` is set; review it by eye before
/// committing it.
func assertScreen(
  _ buffer: ScreenBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  assertGolden(buffer.text, name, sourceLocation: sourceLocation)
}

/// Compares a screen's text and styles with its golden file: the text grid, then `styles:` and
/// a grid of one letter per cell (see `StyleGrid`) with the legend of its letters.
func assertStyledScreen(
  _ buffer: ScreenBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  assertGolden(buffer.text + StyleGrid(buffer).text, name, sourceLocation: sourceLocation)
}

/// Compares `actual` with `__Snapshots__/<name>.txt` line by line, or records it.
func assertGolden(
  _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")
  let url = dir.appendingPathComponent(name + ".txt")
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded \(name).txt; review it and run the tests again", sourceLocation: sourceLocation)
    return
  }
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  if a != e {
    let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
    let row = first?.offset ?? min(a.count, e.count)
    Issue.record(
      "screen \(name) differs from its golden file at row \(row):\n  expected: \(row < e.count ? String(e[row]) : "")\n  actual:   \(row < a.count ? String(a[row]) : "")",
      sourceLocation: sourceLocation)
  }
}

/// A screen's styles as text: one letter per cell in the order the styles first appear (row by
/// row), `.` for plain, a wide character's two cells both with its letter, so each row lines
/// up with the text row above it; then each letter with what its style is made of.
struct StyleGrid {
  static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

  var rows: [String] = []
  var legend: [(Character, Style)] = []

  init(_ b: ScreenBuffer) {
    var letterOf: [Style: Character] = [.plain: "."]
    for y in 0..<b.height {
      var row = ""
      for x in 0..<b.width {
        let style = b[x, y].style
        if letterOf[style] == nil {
          precondition(legend.count < Self.letters.count, "more styles than letters")
          letterOf[style] = Self.letters[legend.count]
          legend.append((Self.letters[legend.count], style))
        }
        row.append(letterOf[style]!)
      }
      rows.append(row)
    }
  }

  var text: String {
    "styles:\n" + rows.map { $0 + "\n" }.joined() + ". plain\n"
      + legend.map { "\($0.0) \(Self.describe($0.1))\n" }.joined()
  }

  /// `green bold`, `red+bright`, `on-blue reverse`: the colours, then the attributes.
  static func describe(_ s: Style) -> String {
    var parts: [String] = []
    if let f = s.foreground { parts.append("\(f)" + (s.bright ? "+bright" : "")) }
    if let b = s.background { parts.append("on-\(b)") }
    for (on, name) in [
      (s.bold, "bold"), (s.reverse, "reverse"), (s.dim, "dim"), (s.underline, "underline"),
      (s.bright && s.foreground == nil, "bright"),
    ] where on {
      parts.append(name)
    }
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }
}
