import Foundation
import PlanTrackCore
import PlanTrackStore

/// Loads a workspace's target files on another thread.
final class ParallelTargets: @unchecked Sendable {
  private var result: TargetSet?
  private let done = DispatchSemaphore(value: 0)

  init(_ workspace: Workspace) {
    Thread.detachNewThread { [self] in
      result = workspace.loadTargets()
      done.signal()
    }
  }

  /// The loaded targets, once loading is over.
  func wait() -> TargetSet {
    done.wait()
    return result!
  }
}

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
    // The target files and the store are independent: read them at the same time.
    let loaded = ParallelTargets(workspace)
    let series = try workspace.openStoreIfExists()?.seriesByKey() ?? [:]
    let targets = loaded.wait()
    if reportFindings, targets.hasErrors {
      let n = targets.findings.filter { $0.severity == .error }.count
      Frontend.warn(
        "plantrack: \(ProblemCode.targetFilesHaveErrors) \(n) error(s) in target files; "
          + "those targets are left out (run `plantrack check`)")
    }
    return LoadedWorkspace(workspace: workspace, targets: targets, series: series)
  }

  /// Every target's status at `asOf`, in target-file order, filtered.
  func statuses(asOf: Day, filter: TargetFilter = .all) -> [TargetStatus] {
    let engine = StatusEngine()
    return targets.targets.map { engine.evaluate($0, series: series[$0.key] ?? [], asOf: asOf) }
      .filter(filter.matches)
  }
}
