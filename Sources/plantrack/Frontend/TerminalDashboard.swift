import Foundation
import PlanTrackCore
import PlanTrackStore
import PlanTrackTerminal
import PlanTrackUI

/// Set by SIGTERM, SIGHUP and SIGINT; the loop sees it within one read timeout, restores the
/// terminal and returns (saved entries are already in the store: each write is a transaction).
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

/// Runs the dashboard on the ncurses terminal until the user quits, the terminal goes away or
/// a signal asks it to stop. The loop itself is `PlanTrackUI.DashboardLoop`; this part checks
/// for a terminal, starts and restores it, and turns the signals into the loop's stop request.
enum TerminalDashboard {
  static func run(
    session: DashboardSession, asOf: Day, language: Language, ascii: Bool, banner: String?,
    workspaceName: String
  ) throws {
    guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
      throw CommandFailure(
        .notATerminal,
        "the dashboard needs a terminal; use `plantrack status` for a table (or --format json)")
    }
    let statuses = session.statuses(asOf: asOf)
    let settings = Frontend.settings ?? Frontend.loadSettings(root: nil, flags: SettingsLayer())
    let terminal = try Terminal(
      noColor: Frontend.environment["NO_COLOR"].map { !$0.isEmpty } ?? false,
      mouse: settings.settings.mouse)
    defer { terminal.stop() }
    for sig in [SIGTERM, SIGHUP, SIGINT] { signal(sig) { _ in stopRequested = 1 } }
    var state = DashboardLoop.initialState(
      workspace: workspaceName, asOf: asOf, statuses: statuses, language: language,
      ascii: ascii || settings.settings.ascii == true, banner: banner,
      readOnly: session.isReadOnly, backend: terminal)
    state.settings = settings.settings
    state.keyMap = settings.keyMap
    state.settingsProblems = settings.findings.map(\.footerText)
    state.regions = session.data.targets.catalog.regions
    state.reporting = session.reporting()
    DashboardLoop.run(&state, backend: terminal, effects: session) { stopRequested != 0 }
  }
}
