/// Where a character stands in the original file: 1-based line, 0-based column in characters.
public struct SourcePosition: Hashable, Comparable, Sendable {
  /// 1-based line number.
  public let line: Int
  /// 0-based index of the character in its line.
  public let column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}
