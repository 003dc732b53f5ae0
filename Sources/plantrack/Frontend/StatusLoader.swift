import PlanTrackCore
import PlanTrackStore

extension WorkspaceOptions {
  /// Locates the workspace and reads its targets and figures (the store is not created if
  /// missing). Target-file findings are summed up on standard error; the valid targets still
  /// load.
  func load(reviews: ReviewLoad = .none) throws -> (Workspace, WorkspaceData) {
    let workspace = try locate()
    let store = try workspace.openStoreIfExists()
    defer { store?.close() }
    let data = try workspace.load(store: store, reviews: reviews)
    Frontend.warnAboutFindings(data.targets)
    return (workspace, data)
  }
}

extension Frontend {
  /// One line on standard error when target files have errors: those targets are left out.
  static func warnAboutFindings(_ targets: TargetSet) {
    guard targets.hasErrors else { return }
    let n = targets.findings.filter { $0.severity == .error }.count
    warn(
      "plantrack: \(ProblemCode.targetFilesHaveErrors) \(n) error(s) in target files; those targets are left out (run `plantrack check`)"
    )
  }
}
