import PlanTrackCore

/// 目标分解: how a region's goal on a summed indicator is shared out among its children's goals
/// (docs/STATUS.md, "Decomposition"). `plantrack check` reports it as warnings.
public enum Decomposition {
  /// For every target on a summed indicator whose region has children: when every child has
  /// a goal of the same kind due no later than the target's deadline, whether they add up to
  /// the target's goal (PT710 when they do not); when only some do, the coverage (PT711).
  public static func findings(_ set: TargetSet) -> [Finding] {
    let tree = set.catalog.regions
    var out: [Finding] = []
    for parent in set.targets {
      guard let id = parent.indicator, let indicator = set.catalog.indicator(id),
        indicator.rollup == .sum, let region = parent.placement?.region,
        let toSeries = indicator.factor(from: parent.unit)
      else { continue }
      let children = tree.rollupChildren(of: region.code)
      guard !children.isEmpty else { continue }
      let due = parent.final.due
      // Each child's goal in the indicator's unit: its latest milestone due by `due`.
      var goals: [(Region, Double)] = []
      for child in children {
        let candidates = set.targets(onSeries: SeriesKey.make(region: child.code, indicator: id))
          .filter { $0.kind == parent.kind }
          .flatMap { t in
            t.milestones.filter { $0.due <= due }.map { m in
              (m.due, m.goal.pathValue(t.direction) * (indicator.factor(from: t.unit) ?? 1))
            }
          }
        if let latest = candidates.max(by: { $0.0 < $1.0 }) { goals.append((child, latest.1)) }
      }
      guard !goals.isEmpty, let origin = parent.origin else { continue }
      let fromSeries = 1 / toSeries
      let parentGoal = parent.final.goal.pathValue(parent.direction)
      let what = "\(region.name)'s \(indicator.name) goal by \(due.iso)"
      if goals.count < children.count {
        let named = goals.prefix(5).map(\.0.name).joined(separator: "、")
        out.append(
          Finding(
            at: origin, severity: .warning, code: .allocationPartial,
            message:
              "\(goals.count) of \(children.count) regions under \(region.name) have a share of \(what) (\(named)\(goals.count > 5 ? "…" : ""))"
          ))
        continue
      }
      let sum = goals.reduce(0) { $0 + $1.1 } * fromSeries
      let short =
        parent.direction == .increase
        ? sum < parentGoal * (1 - 1e-9) : sum > parentGoal * (1 + 1e-9)
      guard short else { continue }
      out.append(
        Finding(
          at: origin, severity: .warning, code: .decompositionShort,
          message:
            "the \(children.count) regions under \(region.name) have goals that sum to \(NumberText.plain(sum))\(parent.unit.text) \(parent.direction == .increase ? "<" : ">") \(NumberText.plain(parentGoal))\(parent.unit.text), \(what) (分解不足)"
        ))
    }
    return out
  }
}
