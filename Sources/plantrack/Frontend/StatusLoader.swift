import PlanTrackCore
import PlanTrackStore

/// Loads a workspace's targets and actuals and computes every status.
struct LoadedWorkspace {
  let workspace: Workspace
  let targets: TargetSet
  let series: [String: [Observation]]

  /// Loads targets and the store (not created if missing). Target-file findings are printed
  /// to standard error as warnings; the valid targets still load.
  static func load(_ options: WorkspaceOptions, reportFindings: Bool = true) throws
    -> LoadedWorkspace
  {
    let workspace = try options.locate()
    let targets = workspace.loadTargets()
    if reportFindings, targets.hasErrors {
      let n = targets.findings.filter { $0.severity == .error }.count
      Frontend.warn(
        "plantrack: \(n) error(s) in target files; those targets are left out (run `plantrack check`)"
      )
    }
    let series = try workspace.openStoreIfExists()?.seriesByKey() ?? [:]
    return LoadedWorkspace(workspace: workspace, targets: targets, series: series)
  }

  /// Every target's status at `asOf`, in target-file order, filtered.
  func statuses(asOf: Day, filter: TargetFilter = .all) -> [TargetStatus] {
    let engine = StatusEngine()
    return targets.targets.map { engine.evaluate($0, series: series[$0.key] ?? [], asOf: asOf) }
      .filter(filter.matches)
  }
}
