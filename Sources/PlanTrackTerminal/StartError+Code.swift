import PlanTrackCore

extension Terminal.StartError: CodedError {
  /// The stable code of this error (docs/FORMATS.md, “Problem codes”).
  public var code: ProblemCode {
    switch self {
    case .noTerminal: .terminalStartFailed
    }
  }
}
