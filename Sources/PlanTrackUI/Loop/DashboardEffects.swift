import PlanTrackCore

/// What carries out the dashboard's effects for `DashboardLoop`: the executable's
/// `DashboardSession` against the workspace and its store, or a test's recorder.
public protocol DashboardEffects: AnyObject {
  /// Carries out `effect` (never `.quit`: the loop ends on it) and answers with messages.
  func perform(_ effect: Effect, asOf: Day) -> [Message]
  /// Whether another writer changed the data since the last call.
  func storeChanged() -> Bool
}
