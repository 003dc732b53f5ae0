extension FilterError: CodedError {
  /// The stable code of this error (docs/FORMATS.md, “Problem codes”).
  public var code: ProblemCode {
    switch self {
    case .unknownField: .unknownFilterField
    case .unknownStatus: .unknownFilterStatus
    case .missingValue: .filterValueMissing
    }
  }
}
