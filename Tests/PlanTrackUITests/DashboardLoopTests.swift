import PlanTrackCore
import Testing

@testable import PlanTrackUI

/// Carries out effects for the loop tests: records each one, answers from a table, and
/// answers store polls from a list (false once it runs out).
final class ScriptedEffects: DashboardEffects {
  var performed: [Effect] = []
  var polls = 0
  var changes: [StorePoll]
  let answer: (Effect) -> [Message]

  init(changes: [StorePoll] = [], answer: @escaping (Effect) -> [Message] = { _ in [] }) {
    self.changes = changes
    self.answer = answer
  }

  func perform(_ effect: Effect, asOf: Day) -> [Message] {
    performed.append(effect)
    return answer(effect)
  }

  func pollStore() -> StorePoll {
    polls += 1
    return changes.isEmpty ? .unchanged : changes.removeFirst()
  }
}

/// `DashboardLoop` run in the test process on a `TestBackend`: resizes, reloads from another
/// writer, failing effects and every way the loop ends, asserted on frames and effects.
@Suite("DashboardLoop on a test backend")
struct DashboardLoopTests {
  static let asOf = Fixture.d("2024-06-30")

  static func state(
    _ backend: TestBackend, readOnly: Bool = false, statuses: [TargetStatus] = Fixture.statuses()
  ) -> AppState {
    DashboardLoop.initialState(
      workspace: "test", asOf: asOf, statuses: statuses, language: .en, ascii: false,
      banner: nil, readOnly: readOnly, backend: backend)
  }

  /// The lines `state` renders at `width` × `height`.
  static func screen(_ state: AppState, width: Int, height: Int) -> [String] {
    var s = state
    _ = s.update(.resized(width: width, height: height))
    return s.render().lines
  }

  /// The fixture's statuses after another writer recorded 1600 base stations for `5g`.
  static func statusesAfterAnotherWriter() -> [TargetStatus] {
    Fixture.targets.map { target, figures in
      let added = target.id == "5g" ? [("2024-06-01", 1600.0)] : []
      let series = (figures + added).map { Observation(day: Fixture.d($0.0), value: $0.1) }
      return StatusEngine().evaluate(target, series: series, asOf: asOf)
    }
  }

  @Test func aResizeMidSessionRedrawsAtTheNewSize() {
    let backend = TestBackend(
      width: 80, height: 24, script: [.timeout, .resize(width: 100, height: 30)])
    var state = Self.state(backend)
    let start = state
    let effects = ScriptedEffects()
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .disconnected)
    #expect(backend.frames.map { [$0.width, $0.height] } == [[80, 24], [80, 24], [100, 30]])
    #expect(backend.frameLines[0] == Self.screen(start, width: 80, height: 24))
    #expect(backend.frameLines[2] == Self.screen(start, width: 100, height: 30))
    // The idle turn wrote nothing; after the resize every row was written.
    #expect(backend.writes[1].isEmpty)
    #expect(Set(backend.writes[2].map(\.row)) == Set(0..<30))
    #expect(backend.invalidations == 1)
    #expect(backend.screen.lines.dropLast() == backend.frameLines[2].dropLast())
    #expect((state.width, state.height) == (100, 30))
    #expect(effects.performed.isEmpty)
  }

  /// ncurses can take a resize on its own and report no input: the loop sees the new size at
  /// the top of the next turn, forgets the last frame and draws at the new size.
  @Test func aResizeWithoutAnInputIsSeenOnTheNextTurn() {
    let backend = TestBackend(
      width: 80, height: 24, script: [.silentResize(width: 90, height: 26)])
    var state = Self.state(backend)
    let start = state
    #expect(
      DashboardLoop.run(&state, backend: backend, effects: ScriptedEffects()) == .disconnected)
    #expect(backend.frames.map { [$0.width, $0.height] } == [[80, 24], [90, 26]])
    #expect(backend.frameLines[1] == Self.screen(start, width: 90, height: 26))
    #expect(backend.invalidations == 1)
    #expect(Set(backend.writes[1].map(\.row)) == Set(0..<26))
  }

  /// Every fourth read without a key asks whether the store changed; a change reloads, and
  /// the next frame shows the other writer's figure.
  @Test func aReloadFromAnotherWriterShowsInTheNextFrame() {
    let backend = TestBackend(
      width: 80, height: 24, script: Array(repeating: .timeout, count: 8))
    let after = Self.statusesAfterAnotherWriter()
    let effects = ScriptedEffects(changes: [.unchanged, .changed]) { effect in
      effect == .reload ? [.loaded(statuses: after, asOf: Self.asOf)] : []
    }
    var state = Self.state(backend)
    let before = state.render().lines
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .disconnected)
    #expect(effects.polls == 2)
    #expect(effects.performed == [.reload])
    #expect(backend.frames.count == 9)
    #expect(backend.frameLines.dropLast().allSatisfy { $0 == before })
    #expect(backend.frameLines[8] == Self.state(backend, statuses: after).render().lines)
    #expect(before.contains { $0.contains("— / 1500 座") })
    #expect(backend.frameLines[8].contains { $0.contains("1600 / 1500 座") })
    #expect(backend.reads == Array(repeating: DashboardLoop.readTimeout, count: 9))
  }

  /// A store that goes out of reach is said in the footer, over the figures as last loaded,
  /// for as long as it is; the first poll that finds it back reloads and clears the footer.
  @Test func aStoreOutOfReachIsSaidInTheFooterUntilItIsBack() {
    let backend = TestBackend(
      width: 80, height: 24, script: Array(repeating: .timeout, count: 16))
    let after = Self.statusesAfterAnotherWriter()
    let lost = StorePoll.unavailable("server closed the connection unexpectedly")
    let effects = ScriptedEffects(changes: [lost, lost, .changed]) { effect in
      effect == .reload ? [.loaded(statuses: after, asOf: Self.asOf)] : []
    }
    var state = Self.state(backend)
    let before = state.render().lines
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .disconnected)
    #expect(effects.polls == 4)
    #expect(effects.performed == [.reload])
    let footer = "store out of reach, retrying (figures as last loaded): server closed"
    // Frames 0–3 before the first poll; 4–11 while lost; from 12 the reloaded figures.
    #expect(backend.frameLines[3] == before)
    for f in 4...11 {
      #expect(backend.frameLines[f][22].hasPrefix(footer), "frame \(f)")
      #expect(Array(backend.frameLines[f][0..<22]) == Array(before[0..<22]))
    }
    #expect(backend.frameLines[12] == Self.state(backend, statuses: after).render().lines)
    #expect(state.storeProblem == nil)
  }

  /// A failed effect leaves its reason in the footer, and the loop goes on reading keys.
  @Test func aFailedEffectShowsInTheFooterAndTheLoopGoesOn() {
    let backend = TestBackend(
      width: 80, height: 24, script: [.key(.char("e")), .key(.down), .key(.char("q"))])
    let effects = ScriptedEffects { _ in [.failed("cannot write snapshots/: disk full")] }
    var state = Self.state(backend)
    let first = state.selectedKey
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .quit)
    #expect(effects.performed == [.export(asOf: Self.asOf)])
    #expect(backend.frames.count == 3)
    #expect(backend.frameLines[1][22].hasPrefix("cannot write snapshots/: disk full"))
    #expect(backend.writes[1].map(\.row) == [22])
    // The next key clears the message and moves on.
    #expect(backend.frameLines[2][22].hasPrefix("* stale"))
    #expect(state.selectedKey != first)
  }

  /// An effect's answer can ask for more effects: a saved entry reloads.
  @Test func anAnswerThatAsksForMoreIsCarriedOutInTheSameTurn() {
    let keys: [Key] = [.char("a"), .char("9"), .enter]
    let backend = TestBackend(width: 80, height: 24, script: keys.map { .key($0) })
    var state = Self.state(backend)
    let key = state.selectedKey!
    let effects = ScriptedEffects { effect in
      switch effect {
      case .record(let key, _, _, _, _): [.recorded(key: key, summary: "saved 9")]
      case .reload: [.loaded(statuses: Fixture.statuses(), asOf: Self.asOf)]
      default: []
      }
    }
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .disconnected)
    #expect(
      effects.performed == [
        .record(key: key, input: "9", date: Self.asOf, note: nil, source: nil), .reload,
      ])
    #expect(backend.frameLines.last?[22].hasPrefix("saved 9") == true)
    #expect(state.mode == .overview)
  }

  @Test func qEndsTheLoopAndLeavesTheRestOfTheScript() {
    let backend = TestBackend(width: 80, height: 24, script: [.key(.char("q")), .timeout])
    var state = Self.state(backend)
    let effects = ScriptedEffects()
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .quit)
    #expect(backend.frames.count == 1)
    #expect(backend.script == [.timeout])
    #expect(effects.performed.isEmpty)
    // Stopping the terminal is the caller's.
    #expect(!backend.isStopped)
  }

  @Test func aDisconnectedTerminalEndsTheLoopWithoutPolling() {
    let backend = TestBackend(width: 80, height: 24, script: [])
    var state = Self.state(backend)
    let effects = ScriptedEffects(changes: [.changed])
    #expect(DashboardLoop.run(&state, backend: backend, effects: effects) == .disconnected)
    #expect(backend.frames.count == 1)
    #expect(backend.reads == [DashboardLoop.readTimeout])
    #expect(effects.polls == 0)
    #expect(effects.performed.isEmpty)
  }

  @Test func shouldStopIsAskedEveryTurn() {
    let backend = TestBackend(
      width: 80, height: 24, script: Array(repeating: .timeout, count: 10))
    var state = Self.state(backend)
    var asked = 0
    let ending = DashboardLoop.run(&state, backend: backend, effects: ScriptedEffects()) {
      asked += 1
      return asked > 2
    }
    #expect(ending == .stopped)
    #expect(asked == 3)
    #expect(backend.frames.count == 2)
    #expect(backend.script.count == 8)
  }

  @Test func aStopRequestedBeforeTheFirstTurnDrawsNothing() {
    let backend = TestBackend(width: 80, height: 24, script: [.timeout])
    var state = Self.state(backend)
    let ending = DashboardLoop.run(&state, backend: backend, effects: ScriptedEffects()) { true }
    #expect(ending == .stopped)
    #expect(backend.frames.isEmpty)
  }

  @Test func theOpeningStateFollowsTheBackend() {
    let readOnly = TestBackend(width: 80, height: 24, script: [])
    var state = Self.state(readOnly, readOnly: true)
    DashboardLoop.run(&state, backend: readOnly, effects: ScriptedEffects())
    #expect(readOnly.frameLines[0][22].hasPrefix(Labels(.en).readOnly))
    #expect(state.readOnly)

    let plain = TestBackend(width: 70, height: 20, isUTF8: false, hasColor: true, script: [])
    let s = Self.state(plain)
    #expect((s.width, s.height, s.ascii, s.color) == (70, 20, true, true))
    let utf8 = Self.state(TestBackend(width: 80, height: 24, script: []))
    #expect((utf8.ascii, utf8.color) == (false, false))
  }
}
