extension QuantityError: CodedError {
  /// The stable code of this error (docs/FORMATS.md, “Problem codes”).
  public var code: ProblemCode {
    switch self {
    case .unparseableUnit: .unreadableUnit
    case .incompatibleUnits: .incompatibleUnits
    case .unparseableValue: .unreadableValue
    case .notFinite: .valueOutOfRange
    }
  }
}
