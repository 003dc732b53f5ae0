import PlanTrackCore

/// A plan-vs-actual chart in text on a fixed scale: the planned path, the milestones, the
/// actuals and the projection, between the start and the deadline.
struct Chart {
  let status: TargetStatus
  let theme: Theme
  let width: Int
  let height: Int
  let language: Language

  var plan: Character { theme.ascii ? "." : "·" }
  var milestone: Character { theme.ascii ? "*" : "◆" }
  var actual: Character { theme.ascii ? "o" : "●" }
  var projection: Character { "+" }

  func lines() -> [Line] {
    let s = status
    let engine = StatusEngine(thresholds: s.thresholds)
    let path =
      s.start.map { _ in engine.trajectory(for: s.target, series: s.actual.map { [$0] } ?? []) }
      ?? nil
    let actuals = s.projection?.points ?? (s.actual.map { [$0] } ?? [])
    let first =
      [s.start?.day, actuals.first?.day, s.target.document.periodStart].compactMap { $0 }.min()
      ?? s.asOf
    let last = [s.target.final.due, s.asOf, actuals.last?.day].compactMap { $0 }.max()!
    var values: [Double] = s.target.milestones.map { $0.goal.pathValue(s.target.direction) }
    values += actuals.map(\.value)
    if let v = s.start?.value { values.append(v) }
    if let p = s.projected { values.append(p) }
    guard let lo0 = values.min(), let hi0 = values.max(), first < last else {
      return [Line(language == .zh ? "数据不足，无法绘图" : "not enough to chart", .dim)]
    }
    let pad = max((hi0 - lo0) * 0.05, abs(hi0) * 0.01, 1e-9)
    let (lo, hi) = (lo0 - pad, hi0 + pad)
    let labelWidth = 8
    let cols = max(10, width - labelWidth - 1)
    var grid = Array(repeating: Array(repeating: Character(" "), count: cols), count: height)
    let span = Double(first.days(to: last))
    func col(_ d: Day) -> Int {
      min(cols - 1, max(0, Int(Double(first.days(to: d)) / span * Double(cols - 1) + 0.5)))
    }
    func row(_ v: Double) -> Int {
      min(height - 1, max(0, height - 1 - Int((v - lo) / (hi - lo) * Double(height - 1) + 0.5)))
    }
    if let path {
      for c in 0..<cols {
        let day = first.adding(days: Int(Double(c) / Double(cols - 1) * span + 0.5))
        if day >= path.points[0].day, day <= s.target.final.due {
          grid[row(path.value(at: day))][c] = plan
        }
      }
    }
    if let proj = s.projection, let latest = s.actual, s.projected != nil {
      let end = s.governing.due
      let from = col(latest.day)
      let to = col(end)
      if to > from {
        for c in (from + 1)...to {
          let day = first.adding(days: Int(Double(c) / Double(cols - 1) * span + 0.5))
          grid[row(proj.value(at: day))][c] = projection
        }
      }
    }
    for m in s.target.milestones {
      grid[row(m.goal.pathValue(s.target.direction))][col(m.due)] = milestone
    }
    for a in actuals { grid[row(a.value)][col(a.day)] = actual }
    var out: [Line] = []
    for (k, chars) in grid.enumerated() {
      let label = k == 0 ? NumberText.figure(hi) : k == height - 1 ? NumberText.figure(lo) : ""
      var line = Line(
        DisplayWidth.pad(label, to: labelWidth, alignment: .right) + (theme.ascii ? "|" : "│"), .dim
      )
      line.add(String(chars))
      out.append(line)
    }
    let axis =
      String(repeating: " ", count: labelWidth) + (theme.ascii ? "+" : "└")
      + String(repeating: theme.rule, count: cols)
    out.append(Line(axis, .dim))
    let dates = first.iso + String(repeating: " ", count: max(1, cols - 20)) + last.iso
    out.append(Line(String(repeating: " ", count: labelWidth + 1) + dates, .dim))
    let legend =
      language == .zh
      ? "\(plan) 计划路径  \(milestone) 节点目标  \(actual) 实际值  \(projection) 趋势预测  （\(s.target.unit.text)）"
      : "\(plan) plan  \(milestone) milestone  \(actual) actual  \(projection) projection  (\(s.target.unit.text))"
    out.append(Line(String(repeating: " ", count: labelWidth + 1) + legend, .dim))
    return out
  }
}
