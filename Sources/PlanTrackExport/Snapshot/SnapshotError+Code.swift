import PlanTrackCore

extension SnapshotError: CodedError {
  /// The stable code of this error (docs/FORMATS.md, “Problem codes”).
  public var code: ProblemCode {
    switch self {
    case .notASnapshot: .notASnapshot
    case .unsupportedSchema: .unknownSnapshotSchema
    }
  }
}
