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
