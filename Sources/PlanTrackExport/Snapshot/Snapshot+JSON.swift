import PlanTrackCore

extension Snapshot {
  /// `{"schema": 1, "asOf", "label", "totals", "rollups", "targets"}`: the status object of
  /// DESIGN.md with every computed field, each target's definition and provenance, and the
  /// roll-ups. Keys in a fixed order; numbers rounded to 6 decimals.
  public func jsonValue() -> JSONValue {
    .object([
      ("schema", .number(Double(Self.schema))),
      ("asOf", .string(asOf.iso)),
      ("label", .string(label)),
      ("totals", Self.json(Rollup.totals(statuses))),
      (
        "rollups",
        .object(
          Rollup.Dimension.allCases.map { d in
            (d.rawValue, .array(Rollup(statuses, by: d).groups.map(Self.json)))
          })
      ),
      (
        "timeliness",
        .object(
          timeliness.map { t in
            (t.grouping.rawValue, .array(t.rows.map(Self.json)))
          })
      ),
      ("targets", .array(Parallel.map(statuses) { Self.json($0, reporting[$0.target.key]) })),
    ])
  }

  static func json(_ r: TimelinessSummary.Row) -> JSONValue {
    .object([
      ("name", .string(r.name)), ("onTime", .number(Double(r.onTime))),
      ("late", .number(Double(r.late))), ("missing", .number(Double(r.missing))),
      ("notDue", .number(Double(r.notDue))), ("rate", .number(r.rate)),
    ])
  }

  /// The JSON text.
  public func json() -> String { jsonValue().text() }

  static func json(_ g: Rollup.Group) -> JSONValue {
    .object(
      [("name", .string(g.name)), ("total", .number(Double(g.total)))]
        + Status.allCases.map { ($0.rawValue, .number(Double(g.counts[$0] ?? 0))) })
  }

  static func json(_ s: TargetStatus, _ reporting: TargetReporting?) -> JSONValue {
    let t = s.target
    guard case .object(var fields) = StatusReport.json(s, reporting) else { return .null }
    fields += [
      ("documentNumber", .string(t.document.number)),
      ("sourceFile", .string(t.document.sourceFile)),
      (
        "baseline",
        t.baseline.map {
          .object([
            ("value", .number($0.value)), ("date", .string($0.date.iso)),
            ("note", .string($0.note)),
          ])
        } ?? .null
      ),
      ("milestones", .array(t.milestones.map(json))),
      ("actualCount", .number(Double(s.actualCount))),
      ("start", .number(s.start?.value)),
      ("startDate", .string(s.start?.day.iso)),
      ("startSource", .string(s.startSource.rawValue)),
      ("shortfall", .number(s.shortfallShare)),
      ("projectedShortfall", .number(s.projectedShortfallShare)),
      ("actualAgeDays", s.actualAgeDays.map { .number(Double($0)) } ?? .null),
    ]
    return .object(fields)
  }

  static func json(_ m: Milestone) -> JSONValue {
    var value: Double
    var valueMax: Double?
    switch m.goal {
    case .atLeast(let v), .atMost(let v), .about(let v, _), .exactly(let v): value = v
    case .range(let lo, let hi):
      value = lo
      valueMax = hi
    }
    return .object([
      ("due", .string(m.due.iso)), ("comparator", .string(m.goal.comparator)),
      ("value", .number(value)), ("valueMax", .number(valueMax)), ("inferred", .bool(m.inferred)),
      ("line", m.line.map { .number(Double($0)) } ?? .null), ("quote", .string(m.quote)),
    ])
  }
}
