import PlanTrackCore

extension StoreError: CodedError {
  /// The stable code of this error (docs/FORMATS.md, “Problem codes”).
  public var code: ProblemCode {
    switch self {
    case .cannotOpen: .cannotOpenStore
    case .readOnly: .storeReadOnly
    case .unsupportedSchema: .storeTooNew
    case .unknownTarget: .unknownTargetKey
    case .nothingToUndo: .nothingToUndo
    case .rejected: .entryRejected
    case .notAWorkspace: .notAWorkspace
    case .unavailable: .storeUnavailable
    case .unknownSeries: .unknownSeries
    case .outsideOffice: .outsideOffice
    case .noOffice: .noOffice
    case .notAdministrator: .notAdministrator
    case .notInState: .reviewNotInState
    case .noFigure, .nothingToSubmit: .noFigureToSubmit
    case .nothingToReview: .reviewNotInState
    case .periodLocked: .periodLocked
    case .notReviewer: .notReviewer
    case .commentRequired: .commentRequired
    }
  }
}
