import ArgumentParser
import PlanTrackCore
import PlanTrackStore

/// `plantrack check`: validates every target file; exits 1 on any error.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate the target files; print every problem as file:line:column.",
    discussion: """
      Also checks indicators.yaml and regions.yaml, and how goals on a summed indicator are \
      shared out among the regions below (warnings: a short decomposition, a partial one).
      """)

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let ws = try workspace.locate()
    let set = ws.loadTargets()
    let findings = set.findings + Decomposition.findings(set)
    for finding in findings { Frontend.warn(finding.description) }
    let errors = findings.filter { $0.severity == .error }.count
    let milestones = set.targets.reduce(0) { $0 + $1.milestones.count }
    let summary =
      "\(set.documents.count) documents, \(set.targets.count) targets, \(milestones) milestones"
    if errors > 0 {
      throw CommandFailure(
        .targetFilesHaveErrors, "\(errors) error(s) in target files (\(summary) valid)")
    }
    Frontend.output("ok: \(summary)\n")
  }
}
