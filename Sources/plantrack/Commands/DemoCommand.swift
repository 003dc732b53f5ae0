import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackStore

/// `plantrack demo`: the dashboard on a temporary copy of the workspace with generated
/// actuals that exercise every status. The real store is never opened.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Try the dashboard on generated figures (演示数据); your store is not touched.")

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var asOf: AsOfOption
  @Option(name: .long, help: "Label language: en or zh. Default: from the locale.") var lang:
    Language?
  @Flag(name: .long, help: "ASCII bars and borders.") var ascii = false

  func run() throws {
    let real = try workspace.locate()
    let fm = FileManager.default
    let temp = fm.temporaryDirectory.appendingPathComponent("plantrack-demo-\(UUID().uuidString)")
    try fm.createDirectory(at: temp, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: temp) }
    try fm.copyItem(at: real.targetsDirectory, to: temp.appendingPathComponent("targets"))
    let demo = Workspace(root: temp)
    let day = asOf.day
    let entries = DemoData.entries(
      for: demo.loadTargets().targets, asOf: day, user: "demo", time: Frontend.timestamp())
    try demo.openStore().append(entries)
    let language = Frontend.language(lang)
    let banner =
      language == .zh
      ? "演示数据：以下数字为生成的示例，不是实际数据（demo data）。真实数据库未被改动。"
      : "DEMO DATA (演示数据): generated figures, not real ones. Your store is not touched."
    let session = try DashboardSession(workspace: demo, filter: .all, language: language)
    try DashboardLoop.run(
      session: session, asOf: day, language: language, ascii: ascii, banner: banner,
      workspaceName: real.root.lastPathComponent + " (demo)")
  }
}
