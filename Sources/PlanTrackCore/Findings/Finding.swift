/// A problem in the user's content, located in a file: a value, not a thrown error, so that
/// every problem of every file can be reported together.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
  /// Whether the problem keeps what it concerns from loading.
  public enum Severity: String, Sendable {
    case error, warning
  }

  public var file: String
  /// 1-based; 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based, counted in Unicode scalars; 0 when unknown.
  public var column: Int
  public var severity: Severity
  /// What kind of problem this is; stable, unlike the message.
  public var code: ProblemCode
  public var message: String
  /// A spreadsheet cell (`Sheet!D12`) where the place is one, instead of line and column.
  public var cell: String?

  /// A finding at `line`:`column` of `file` (0 for either when unknown).
  public init(
    file: String, line: Int, column: Int, severity: Severity = .error, code: ProblemCode,
    message: String
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.code = code
    self.message = message
  }

  /// A finding at a spreadsheet's cell (`F.xlsx:Sheet!D12: error: …`).
  public init(file: String, cell: String?, code: ProblemCode, message: String) {
    self.init(file: file, line: 0, column: 0, code: code, message: message)
    self.cell = cell
  }

  /// A place in a file.
  public struct Location: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
      self.file = file
      self.line = line
      self.column = column
    }
  }

  /// A finding at `location`.
  public init(
    at location: Location, severity: Severity = .error, code: ProblemCode, message: String
  ) {
    self.init(
      file: location.file, line: location.line, column: location.column, severity: severity,
      code: code, message: message)
  }

  /// `file:line:column PT104 message`: short, for a footer.
  public var footerText: String {
    var location = file
    if line > 0 { location += ":\(line)" + (column > 0 ? ":\(column)" : "") }
    return "\(location) \(code) \(message)".escapingControls
  }

  /// `file:line:column: error: PT104 message`, the form editors and compilers use, with the
  /// code first in the message so that it can be matched and the text can change.
  public var description: String {
    var location = file
    if let cell {
      location += ":" + cell
    } else if line > 0 {
      location += ":\(line)"
      if column > 0 { location += ":\(column)" }
    }
    return "\(location): \(severity.rawValue): \(code) \(message)".escapingControls
  }
}
