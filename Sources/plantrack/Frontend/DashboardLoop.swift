import Foundation
import PlanTrackCore
import PlanTrackTerminal
import PlanTrackUI

/// Set by SIGTERM, SIGHUP and SIGINT; the loop sees it within one key timeout, restores the
/// terminal and returns (saved entries are already in the store: each write is a transaction).
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

/// Runs the dashboard on a terminal until the user quits or a signal asks it to stop.
enum DashboardLoop {
  static func run(
    session: DashboardSession, asOf: Day, language: Language, ascii: Bool, banner: String?,
    workspaceName: String
  ) throws {
    guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
      throw CommandFailure(
        .notATerminal,
        "the dashboard needs a terminal; use `plantrack status` for a table (or --format json)")
    }
    let statuses = try session.statuses(asOf: asOf)
    let terminal = try Terminal(
      noColor: Frontend.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
    defer { terminal.stop() }
    for sig in [SIGTERM, SIGHUP, SIGINT] { signal(sig) { _ in stopRequested = 1 } }
    let size = terminal.size
    var state = AppState(
      workspace: workspaceName, asOf: asOf, statuses: statuses, width: size.width,
      height: size.height, language: language, ascii: ascii || !terminal.isUTF8,
      color: terminal.hasColor)
    state.banner = banner
    state.readOnly = session.isReadOnly
    if state.readOnly { state.message = Labels(language).readOnly }
    var idle = 0
    while stopRequested == 0 {
      var queue: [Message] = []
      // The screen's size as ncurses has it now: a resize it handled on its own shows here.
      let now = terminal.size
      if now.width != state.width || now.height != state.height {
        terminal.invalidate()
        queue.append(.resized(width: now.width, height: now.height))
      }
      for message in queue { _ = state.update(message) }
      queue = []
      terminal.draw(state.render())
      switch terminal.readKey(timeout: 250) {
      case .key(let k)?:
        queue.append(.key(k))
      case .resize(let w, let h)?:
        queue.append(.resized(width: w, height: h))
      case nil:
        if terminal.isDisconnected { return }
        idle += 1
        // Entries recorded by another process show within about a second.
        if idle % 4 == 0, session.storeChanged() {
          queue += session.perform(.reload, asOf: state.asOf)
        }
      }
      while !queue.isEmpty {
        let message = queue.removeFirst()
        for effect in state.update(message) {
          if effect == .quit { return }
          queue += session.perform(effect, asOf: state.asOf)
        }
      }
    }
  }
}
