import GRDB
import PlanTrackCore

/// A failure of a store or workspace operation.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The database file could not be opened or created.
  case cannotOpen(path: String, reason: String)
  /// The store exists but this user may not write it (its file or its folder).
  case readOnly(path: String)
  /// The database was written by a newer plantrack.
  case unsupportedSchema(found: String)
  /// No target has this key.
  case unknownTarget(key: String, suggestion: String?)
  /// There is no entry of this user left to undo.
  case nothingToUndo(user: String)
  /// An entry the database refused (a CHECK constraint, a locked database…).
  case rejected(reason: String)
  /// The folder is not a workspace.
  case notAWorkspace(path: String)
  /// The store could not be read (a damaged file, a lost connection…).
  case unavailable(reason: String)
  /// A series key whose region or indicator does not resolve.
  case unknownSeries(key: String, reason: String)
  /// An office role wrote a figure outside its region (the server's row-level security).
  case outsideOffice(role: String, region: String, key: String)
  /// A server role that may read but has no office to write for.
  case noOffice(role: String)
  /// Something only the store's administrator may do (`need` says what it takes).
  case notAdministrator(role: String, action: String, need: String)
  /// A review step on a figure that is not in the state it needs (approving what was never
  /// submitted, submitting what is already approved…).
  case notInState(key: String, period: String, action: String, state: String)
  /// A period with no figure to submit.
  case noFigure(key: String, period: String)
  /// No figure of a region (or of anything) to submit for the period.
  case nothingToSubmit(scope: String, period: String)
  /// No submitted figure of a region (or of anything) that this user may review.
  case nothingToReview(scope: String, period: String, action: String)
  /// A figure of an approved (locked) period changed without a reason.
  case periodLocked(key: String, period: String)
  /// A role that may not review this series (not an office above its region, or the one
  /// that submitted it).
  case notReviewer(role: String, key: String, reason: String)
  /// A return without a comment, or a correction of an approved figure without a reason.
  case commentRequired(what: String)

  public var description: String { text.escapingControls }

  private var text: String {
    switch self {
    case .cannotOpen(let path, let reason): return "cannot open the store \(path): \(reason)"
    case .readOnly(let path):
      return "the store \(path) is read-only for you (its file or its folder): nothing was written"
    case .unsupportedSchema(let found):
      return "the store was written by a newer plantrack (migration “\(found)”); upgrade plantrack"
    case .unknownTarget(let key, let suggestion):
      return "no target has the key “\(key)”"
        + (suggestion.map { "; did you mean “\($0)”?" } ?? "; `plantrack status` lists the keys")
    case .nothingToUndo(let user): return "\(user) has no entry left to undo"
    case .rejected(let reason): return "the store refused the entry: \(reason)"
    case .unavailable(let reason): return "cannot read the store: \(reason)"
    case .unknownSeries(let key, let reason): return "no series “\(key)”: \(reason)"
    case .outsideOffice(let role, let region, let key):
      return
        "role \(role) may write figures only for \(region) and the regions under it, not “\(key)”: nothing was written"
    case .noOffice(let role):
      return
        "role \(role) has no office in this store: it may read but not write (an administrator runs `plantrack office add REGION --role \(role)`)"
    case .notAdministrator(let role, let action, let need):
      return "role \(role) cannot \(action): \(need)"
    case .notInState(let key, let period, let action, let state):
      return "cannot \(action) \(key) for \(period): its figure is \(state); nothing was written"
    case .noFigure(let key, let period):
      return
        "\(key) has no figure for \(period) to submit; record one first (`plantrack record \(key) VALUE --date …`): nothing was written"
    case .nothingToSubmit(let scope, let period):
      return
        "nothing to submit for \(period) in \(scope): no figure recorded that is not already submitted or approved"
    case .nothingToReview(let scope, let period, let action):
      return
        "nothing to \(action) for \(period) in \(scope): no submitted figure that you may review (`plantrack review` lists them)"
    case .periodLocked(let key, let period):
      return
        "\(key) for \(period) is approved and locked: a correction needs --reason (it then goes back to submitted); nothing was written"
    case .notReviewer(let role, let key, let reason):
      return
        "\(role) cannot approve or return \(key): \(reason); only an office of a region above it can. Nothing was written"
    case .commentRequired(let what):
      return "\(what) cannot be empty: nothing was written"
    case .notAWorkspace(let path):
      return "\(path) is not a plantrack workspace (it has no targets/ folder)"
    }
  }
}

extension StoreError {
  /// `error` as a store error: itself if it is one, else a failure to open `path`.
  init(_ error: any Error, opening path: String) {
    self = error as? StoreError ?? .cannotOpen(path: path, reason: Self.reason(error))
  }

  /// `error` as a store error: itself if it is one, else the store could not be read.
  init(readFailure error: any Error) {
    self = error as? StoreError ?? .unavailable(reason: Self.reason(error))
  }

  /// What a database library's error says, in one line.
  static func reason(_ error: any Error) -> String {
    if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
    return "\(error)"
  }
}
