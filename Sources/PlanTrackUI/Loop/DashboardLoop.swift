import PlanTrackCore

/// The dashboard's loop on any `TerminalBackend`: draw the state, read an input, turn it into
/// messages, carry out the effects `update` returns and feed their answers back, until the
/// user quits, the terminal goes away or the caller asks it to stop. No I/O of its own: the
/// backend and the effects do it, so tests run it with a `TestBackend`.
public enum DashboardLoop {
  /// Why the loop ended.
  public enum Ending: Hashable, Sendable {
    /// An update returned `.quit`.
    case quit
    /// The backend reported its terminal gone.
    case disconnected
    /// `shouldStop` returned true (a signal, in the executable).
    case stopped
  }

  /// How long a read waits for an input, in milliseconds.
  public static let readTimeout = 250
  /// Every this many reads without an input, the loop asks whether the store changed: entries
  /// recorded by another process show within about a second.
  public static let pollEvery = 4

  /// The state the dashboard opens with on `backend`: its size, ASCII glyphs when the backend
  /// is not UTF-8 (or `ascii` asks for them), colours when it has them (and how many: the
  /// colour mode of `AppState.theme`), and a message saying nothing can be saved when
  /// `readOnly`.
  public static func initialState(
    workspace: String, asOf: Day, statuses: [TargetStatus], language: Language, ascii: Bool,
    banner: String?, readOnly: Bool, backend: any TerminalBackend
  ) -> AppState {
    let size = backend.size
    var state = AppState(
      workspace: workspace, asOf: asOf, statuses: statuses, width: size.width,
      height: size.height, language: language, ascii: ascii || !backend.isUTF8,
      color: backend.hasColor)
    state.terminalColors = backend.colors
    state.banner = banner
    state.readOnly = readOnly
    if readOnly { state.message = Labels(language).readOnly }
    return state
  }

  /// Runs the dashboard from `state` until it ends, and says why. `shouldStop` is asked at the
  /// top of every turn, so a stop request is seen within one read timeout. Each turn: a size
  /// that changed without an input is taken in, the state is drawn, an input is read; a read
  /// that times out checks for a vanished terminal and, every `pollEvery` of them, polls for
  /// another writer's changes and reloads (or says in the footer that the store is out of
  /// reach, until a later poll finds it back). The backend is left running: stopping it is the
  /// caller's.
  @discardableResult
  public static func run(
    _ state: inout AppState, backend: any TerminalBackend, effects: any DashboardEffects,
    shouldStop: () -> Bool = { false }
  ) -> Ending {
    var idle = 0
    while !shouldStop() {
      // The screen's size as the backend has it now: a resize it handled on its own shows here.
      let now = backend.size
      if now.width != state.width || now.height != state.height {
        backend.invalidate()
        _ = state.update(.resized(width: now.width, height: now.height))
      }
      backend.draw(state.render())
      var queue: [Message] = []
      switch backend.readInput(timeout: readTimeout) {
      case .key(let k)?:
        queue.append(.key(k))
      case .mouse(let m)?:
        queue.append(.mouse(m))
      case .resize(let w, let h)?:
        queue.append(.resized(width: w, height: h))
      case nil:
        if backend.isDisconnected { return .disconnected }
        idle += 1
        if idle % pollEvery == 0 {
          switch effects.pollStore() {
          case .unchanged: break
          case .changed: queue += effects.perform(.reload, asOf: state.asOf)
          case .unavailable(let reason): queue.append(.storeLost(reason))
          }
        }
      }
      while !queue.isEmpty {
        let message = queue.removeFirst()
        for effect in state.update(message) {
          if effect == .quit { return .quit }
          queue += effects.perform(effect, asOf: state.asOf)
        }
      }
    }
    return .stopped
  }
}
