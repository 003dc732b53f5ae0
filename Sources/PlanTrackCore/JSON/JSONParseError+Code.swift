extension JSONParseError: CodedError {
  /// `PT501`: every parse error is the same kind, the message says what was expected.
  public var code: ProblemCode { .invalidJSON }
}
