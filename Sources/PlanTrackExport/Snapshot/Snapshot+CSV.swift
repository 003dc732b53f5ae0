import PlanTrackCore

extension Snapshot {
  /// One row per target with the JSON's flat fields: UTF-8 with a BOM (Excel shows the
  /// Chinese), RFC 4180 quoting, formula-like cells neutralised. The label (e.g. demo data)
  /// is a column, so every row carries it.
  public func csv() -> String {
    let header =
      [
        "key", "name", "document", "documentTitle", "documentNumber", "category", "kind", "unit",
        "direction", "level", "region", "lead", "status", "rule", "actual", "actualDate",
        "expected", "gap", "goal", "comparator", "due", "deadline", "progress", "daysAhead",
        "projected", "estimatedCompletion", "stale", "sdgRatio", "sdgScore", "sourceFile", "line",
        "quote", "label",
      ] + StatusReport.seriesColumns
    var out = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
    func n(_ v: Double?) -> String { v.map { NumberText.plain($0, digits: 6) } ?? "" }
    for s in statuses {
      let t = s.target
      let cells: [String] =
        [
          t.key, t.name, t.document.id, t.document.title, t.document.number ?? "", t.category,
          t.kind.rawValue, t.unit.text, t.direction.rawValue, t.document.level ?? "",
          t.document.region ?? "", t.lead.joined(separator: "、"), s.status.rawValue,
          s.rule.rawValue,
          n(s.actual?.value), s.actual?.day.iso ?? "", n(s.expected), n(s.gap), n(s.goal),
          s.governing.goal.comparator, s.governing.due.iso, t.final.due.iso, n(s.progress),
          s.daysAhead.map(String.init) ?? "", n(s.projected), s.estimatedCompletion?.iso ?? "",
          s.stale ? "true" : "false", n(s.sdg?.ratio), n(s.sdg?.score), t.document.sourceFile ?? "",
          s.governing.line.map(String.init) ?? "", s.governing.quote ?? "", label ?? "",
        ] + StatusReport.seriesCells(s)
      out += cells.map(StatusReport.csvCell).joined(separator: ",") + "\r\n"
    }
    return out
  }
}
