/// A problem in the user's content, located in a file: a value, not a thrown error, so that
/// every problem of every file can be reported together.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error, warning
  }

  public var file: String
  /// 1-based; 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based, counted in Unicode scalars; 0 when unknown.
  public var column: Int
  public var severity: Severity
  public var message: String

  public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
  }

  /// `file:line:column: error: message`, the form editors and compilers use.
  public var description: String {
    var location = file
    if line > 0 {
      location += ":\(line)"
      if column > 0 { location += ":\(column)" }
    }
    return "\(location): \(severity.rawValue): \(message)".escapingControls
  }
}
