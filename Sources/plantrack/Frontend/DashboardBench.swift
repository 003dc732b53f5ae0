import Foundation
import PlanTrackCore
import PlanTrackUI

/// `plantrack dashboard --bench`: the dashboard's own timings, without a terminal. Loads the
/// workspace, draws the first frame, then plays keys (moves, filter typing, opening and closing
/// a detail) through `update` and `render`, and prints the medians in milliseconds as JSON.
enum DashboardBench {
  static func now() -> Double { ProcessInfo.processInfo.systemUptime }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
  }

  static func run(session: DashboardSession, asOf: Day, language: Language, started: Double) throws
    -> String
  {
    var state = AppState(
      workspace: "bench", asOf: asOf, statuses: session.statuses(asOf: asOf), width: 120,
      height: 40, language: language)
    _ = state.render()
    let firstFrame = (now() - started) * 1000
    func time(_ key: Key) -> Double {
      let t = now()
      for effect in state.update(.key(key)) {
        for m in session.perform(effect, asOf: asOf) { _ = state.update(m) }
      }
      _ = state.render()
      return (now() - t) * 1000
    }
    var move: [Double] = []
    for _ in 0..<200 { move.append(time(.down)) }
    for _ in 0..<50 { move.append(time(.pageDown)) }
    var filter: [Double] = [time(.char("/"))]
    for c in "全省目标" { filter.append(time(.char(c))) }
    for _ in 0..<4 { filter.append(time(.backspace)) }
    filter.append(time(.escape))
    // The filter language: a field, then text beside it.
    var fieldFilter: [Double] = [time(.char("/"))]
    for c in "status:off-track,no-data 全省" { fieldFilter.append(time(.char(c))) }
    fieldFilter.append(time(.escape))
    var detail: [Double] = []
    for _ in 0..<20 {
      detail.append(time(.enter))
      detail.append(time(.escape))
      _ = time(.down)
    }
    let out: JSONValue = .object([
      ("targets", .number(Double(state.statuses.count))),
      ("firstFrameMs", .number(firstFrame)),
      ("moveMedianMs", .number(median(move))), ("moveMaxMs", .number(move.max())),
      ("filterMedianMs", .number(median(filter))), ("filterMaxMs", .number(filter.max())),
      ("fieldFilterMedianMs", .number(median(fieldFilter))),
      ("fieldFilterMaxMs", .number(fieldFilter.max())),
      ("detailMedianMs", .number(median(detail))), ("detailMaxMs", .number(detail.max())),
    ])
    return out.text()
  }
}
