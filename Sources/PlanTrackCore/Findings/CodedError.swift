/// An error that carries a stable `ProblemCode`; `plantrack` prints the code before the text.
public protocol CodedError: Error {
  /// The stable code of this error.
  var code: ProblemCode { get }
}
