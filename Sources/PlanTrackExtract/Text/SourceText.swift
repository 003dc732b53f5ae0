/// The original text of a plan document, split into lines of characters.
///
/// Quotes are cut from here, so a reviewer finds them in the file as written (with the line
/// breaks of the PDF extraction removed).
public struct SourceText: Sendable {
  /// The lines, without their line breaks; `lines[0]` is line 1.
  public let lines: [[Character]]

  /// Splits `text` at LF, CRLF and CR.
  /// - Complexity: O(n) in the characters of `text`.
  public init(_ text: String) {
    var lines: [[Character]] = []
    var current: [Character] = []
    for c in text {
      if c == "\n" || c == "\r\n" || c == "\r" {
        lines.append(current)
        current = []
      } else {
        current.append(c)
      }
    }
    lines.append(current)
    self.lines = lines
  }

  /// The line `n` (1-based) as a string.
  public func line(_ n: Int) -> String {
    guard n >= 1, n <= lines.count else { return "" }
    return String(lines[n - 1])
  }

  /// The text from `start` through `end` inclusive, with line breaks and the white space around
  /// them removed.
  public func text(from start: SourcePosition, through end: SourcePosition) -> String {
    guard start <= end else { return "" }
    var out = ""
    for n in start.line...end.line {
      let chars = lines[n - 1]
      var lo = n == start.line ? start.column : 0
      var hi = n == end.line ? end.column : chars.count - 1
      if n != start.line { while lo <= hi, chars[lo].isWhitespace { lo += 1 } }
      if n != end.line { while hi >= lo, chars[hi].isWhitespace { hi -= 1 } }
      if lo <= hi { out.append(contentsOf: chars[lo...hi]) }
    }
    return out
  }
}
