import ArgumentParser
import Foundation
import PlanTrackCore

/// `plantrack` / `plantrack dashboard`: the ncurses dashboard.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the dashboard (the default command): status of every target, details, entry.",
    discussion: """
      Keys: arrows or j/k move, Enter opens a target, a enters a figure, / filters, 1-6 hide
      or show a status, s sorts, b groups, e exports a snapshot, g reloads, r opens the reporting
      board (offices by month; A approves, R returns with a comment), ? lists every key, q quits.
      Without a terminal, use `plantrack status`.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var filter: FilterOptions
  @Option(
    name: .long,
    help: "Label language: en or zh. Default: the settings (plantrack config), else the locale.")
  var lang: Language?
  @Flag(name: .long, help: "ASCII bars and borders (automatic when the locale is not UTF-8).")
  var ascii = false
  @Flag(name: .long, help: .hidden) var bench = false

  func run() throws {
    let started = DashboardBench.now()
    // Settings problems show in the dashboard's footer, not on a screen about to be cleared.
    Frontend.warnAboutSettings = bench
    let ws = try workspace.locate()
    let session = try DashboardSession(
      workspace: ws, filter: try filter.parsed(), language: Frontend.language(lang),
      asOf: asOf.day)
    if bench {
      Frontend.output(
        try DashboardBench.run(
          session: session, asOf: asOf.day, language: Frontend.language(lang), started: started))
      return
    }
    try TerminalDashboard.run(
      session: session, asOf: asOf.day, language: Frontend.language(lang), ascii: ascii,
      banner: nil, workspaceName: ws.root.lastPathComponent)
  }
}
