import PlanTrackCore

/// Why a plan document (.docx, .pdf) cannot be read: one line for the user, with its code.
public struct DocumentFailure: Error, CodedError, CustomStringConvertible {
  public let code: ProblemCode
  public let description: String

  public init(_ code: ProblemCode, _ description: String) {
    self.code = code
    self.description = description
  }

  public init(code: ProblemCode, description: String) {
    self.init(code, description)
  }
}
