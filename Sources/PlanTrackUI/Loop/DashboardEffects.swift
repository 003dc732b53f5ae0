import PlanTrackCore

/// What carries out the dashboard's effects for `DashboardLoop`: the executable's
/// `DashboardSession` against the workspace and its store, or a test's recorder.
public protocol DashboardEffects: AnyObject {
  /// Carries out `effect` (never `.quit`: the loop ends on it) and answers with messages.
  func perform(_ effect: Effect, asOf: Day) -> [Message]
  /// Whether another writer changed the data since the last call, or the store is out of
  /// reach (a server gone away).
  func pollStore() -> StorePoll
}

/// What a look at the store found.
public enum StorePoll: Hashable, Sendable {
  case unchanged
  /// Another writer committed (or the store came back after being out of reach): reload.
  case changed
  /// The store cannot be reached now; the reason, in one line.
  case unavailable(String)
}
