import PlanTrackCore

extension StatusReport {
  /// The machine-readable status object of DESIGN.md: `{"asOf": …, "targets": […]}`, each
  /// element with at least key, name, document, category, unit, status, actual, actualDate,
  /// expected, goal, due, progress, projected and stale.
  public func jsonValue() -> JSONValue {
    .object([
      ("asOf", .string(asOf.iso)),
      (
        "targets",
        .array(Parallel.map(statuses) { StatusReport.json($0, reporting[$0.target.key]) })
      ),
    ])
  }

  /// The JSON text.
  public func json() -> String { jsonValue().text() }

  static func json(_ s: TargetStatus, _ reporting: TargetReporting?) -> JSONValue {
    let t = s.target
    return .object([
      ("key", .string(t.key)),
      ("name", .string(t.name)),
      ("document", .string(t.document.id)),
      ("documentTitle", .string(t.document.title)),
      ("category", .string(t.category)),
      ("kind", .string(t.kind.rawValue)),
      ("perYear", .bool(t.perYear)),
      ("unit", .string(t.unit.text)),
      ("direction", .string(t.direction.rawValue)),
      ("level", .string(t.document.level)),
      ("region", StatusReport.regionJSON(s)),
      ("indicator", .string(t.indicator)),
      ("series", .string(t.series)),
      ("rollup", StatusReport.rollupJSON(s.rollup)),
      ("lead", .array(t.lead.map(JSONValue.string))),
      ("status", .string(s.status.rawValue)),
      ("rule", .string(s.rule.rawValue)),
      ("actual", .number(s.actual?.value)),
      ("actualDate", .string(s.actual?.day.iso)),
      ("expected", .number(s.expected)),
      ("gap", .number(s.gap)),
      ("goal", .number(s.goal)),
      ("comparator", .string(s.governing.goal.comparator)),
      ("due", .string(s.governing.due.iso)),
      ("deadline", .string(t.final.due.iso)),
      ("progress", .number(s.progress)),
      ("daysAhead", s.daysAhead.map { .number(Double($0)) } ?? .null),
      ("projected", .number(s.projected)),
      ("estimatedCompletion", .string(s.estimatedCompletion?.iso)),
      ("stale", .bool(s.stale)),
      ("sdgRatio", .number(s.sdg?.ratio)),
      ("sdgScore", .number(s.sdg?.score)),
      ("approval", .string(reporting?.approval?.rawValue)),
      ("reporting", reportingJSON(reporting)),
    ])
  }

  /// `{period, deadline, state}` (and the standing return's `comment`), or null.
  static func reportingJSON(_ r: TargetReporting?) -> JSONValue {
    guard let r else { return .null }
    return .object([
      ("period", .string(r.period.label)), ("deadline", .string(r.deadline.iso)),
      ("state", .string(r.timeliness.rawValue)), ("comment", .string(r.returnComment)),
    ])
  }

  /// `{code, name, level}` of the target's region; a region name that does not resolve keeps
  /// its name with a null code and level; null without a region.
  static func regionJSON(_ s: TargetStatus) -> JSONValue {
    if let r = s.target.placement?.region { return RegionReport.json(r) }
    guard let name = s.target.regionName ?? s.target.document.region else { return .null }
    return .object([("code", .null), ("name", .string(name)), ("level", .null)])
  }

  /// `{value, date, reported, children, complete, discrepancy}`, or null.
  static func rollupJSON(_ r: RegionRollup?) -> JSONValue {
    guard let r else { return .null }
    return .object([
      ("value", .number(r.value)), ("date", .string(r.date.iso)),
      ("reported", .number(Double(r.reported))), ("children", .number(Double(r.children))),
      ("complete", .bool(r.complete)), ("discrepancy", .number(r.discrepancy)),
    ])
  }
}
