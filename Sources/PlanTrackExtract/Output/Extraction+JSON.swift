import PlanTrackCore

extension Extraction {
  /// The candidates as the JSON array of DESIGN.md's extraction contract, with the document
  /// each belongs to.
  /// `line` is the line in the file; for a PDF, the line on page `page` (null otherwise).
  public func jsonValue(source: PlanSource = PlanSource(file: "")) -> JSONValue {
    .array(
      candidates.map { c in
        let doc = documents[c.document]
        let place = source.place(ofLine: c.line)
        return .object([
          ("document", .string(doc.title)),
          ("documentNumber", .string(doc.number)),
          ("metric", .string(c.metric)),
          ("value", .number(c.value)),
          ("valueMax", .number(c.valueMax)),
          ("unit", .string(c.unit)),
          ("comparator", .string(c.comparator.rawValue)),
          ("kind", .string(c.kind.rawValue)),
          ("due", .string(c.due?.iso)),
          ("dueInferred", .bool(c.dueInferred)),
          ("perYear", .bool(c.perYear)),
          ("page", place.page.map { .number(Double($0)) } ?? .null),
          ("line", .number(Double(place.line))),
          ("quote", .string(c.quote)),
          ("lead", .array(c.lead.map(JSONValue.string))),
          ("category", .string(Category.guess(metric: c.metric, quote: c.quote))),
        ])
      })
  }
}
