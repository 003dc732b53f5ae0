extension Goal {
  /// The goal for people: `≥ 240 万辆`, `≤ 3 %`, `≈ 10 万吨 (±5%)`, `= 1 个`, `1–2 家`, each
  /// figure written by `NumberText.figure`.
  public func text(unit: String) -> String {
    let f = NumberText.figure
    switch self {
    case .atLeast(let v): return "≥ \(f(v)) \(unit)"
    case .atMost(let v): return "≤ \(f(v)) \(unit)"
    case .about(let v, let tol): return "≈ \(f(v)) \(unit) (±\(NumberText.percent(tol, digits: 0)))"
    case .exactly(let v): return "= \(f(v)) \(unit)"
    case .range(let lo, let hi): return "\(f(lo))–\(f(hi)) \(unit)"
    }
  }
}

extension Goal {
  /// The goal's figures alone, for a table column beside the actual: `240`, `≤3`, `~10`,
  /// `1–2` (`≥` and `=` are left out: they are what a column of goals means).
  public var compactText: String {
    let f = NumberText.figure
    switch self {
    case .atLeast(let v), .exactly(let v): return f(v)
    case .atMost(let v): return "≤" + f(v)
    case .about(let v, _): return "~" + f(v)
    case .range(let lo, let hi): return f(lo) + "–" + f(hi)
    }
  }
}

extension TargetStatus {
  /// `140.2 / 240 万辆`, or `— / 240 万辆` without an actual; with `markStale`, a stale actual
  /// gets a `*` (`3* / 5 万辆`); with `markUnapproved`, a `?` says the figure is not yet
  /// approved in the reporting cycle (`3*? / 5 万辆`). The dashboard's column and the status
  /// table both write this.
  public func actualOverGoal(markStale: Bool = false, markUnapproved: Bool = false) -> String {
    NumberText.figure(actual?.value) + (markStale && stale ? "*" : "")
      + (markUnapproved ? "?" : "") + " / "
      + governing.goal.compactText + " " + target.unit.text
  }
}

extension TargetStatus {
  /// The roll-up's coverage for a table cell, `Σ12/16`, with a discrepancy as `≠+6.3%`; empty
  /// without a roll-up. The dashboard, Markdown and HTML all write this.
  public var rollupMark: String {
    guard let r = rollup else { return "" }
    var mark = "Σ\(r.reported)/\(r.children)"
    if let d = r.discrepancy {
      mark += " ≠" + (d >= 0 ? "+" : "") + NumberText.percent(d, digits: 1)
    }
    return mark
  }
}
