import PlanTrackCore

/// `plantrack indicators`: every indicator with its series, each series' latest figure (its
/// own, or a complete roll-up standing in), its roll-up and the targets on it.
public struct IndicatorReport: Sendable {
  public struct Series: Sendable {
    public let key: String
    public let region: Region?
    public let latest: Observation?
    public let rollup: RegionRollup?
    public let targets: [String]
  }

  public struct Row: Sendable {
    public let indicator: Indicator
    public let series: [Series]
  }

  public let asOf: Day
  public let rows: [Row]

  /// The series of each indicator: those targets are on and those with figures, in region
  /// code order.
  public init(indicators: [Indicator], targets: [Target], book: FigureBook, regions: RegionTree) {
    asOf = book.asOf
    var targetsBySeries: [String: [String]] = [:]
    for t in targets where t.indicator != nil {
      targetsBySeries[t.series, default: []].append(t.key)
    }
    rows = indicators.map { indicator in
      let suffix = "/" + indicator.id
      let keys = Set(targetsBySeries.keys.filter { $0.hasSuffix(suffix) })
        .union(book.series.keys.filter { $0.hasSuffix(suffix) })
      let series = keys.sorted().map { key in
        let code = String(key.dropLast(suffix.count))
        return Series(
          key: key, region: regions.region(code: code),
          latest: book.figures(ofSeries: key).last { $0.day <= book.asOf },
          rollup: book.rollup(ofSeries: key), targets: targetsBySeries[key] ?? [])
      }
      return Row(indicator: indicator, series: series)
    }
  }

  /// One line per series under its indicator's line.
  public func table(language: Language) -> String {
    let zh = language == .zh
    var rows: [[String]] = [
      zh
        ? ["指标", "名称", "单位", "类型", "汇总", "序列", "最新数据", "下级汇总", "目标"]
        : [
          "INDICATOR", "NAME", "UNIT", "MEASURE", "ROLLUP", "SERIES", "LATEST", "ROLL-UP",
          "TARGETS",
        ]
    ]
    for row in self.rows {
      let i = row.indicator
      let head = [
        i.id, zh ? i.name : (i.en ?? i.name), i.unit.text, i.measure.rawValue, i.rollup.rawValue,
      ]
      if row.series.isEmpty {
        rows.append(head + ["—", "", "", ""])
        continue
      }
      for (n, s) in row.series.enumerated() {
        let latest = s.latest.map { "\(NumberText.figure($0.value)) (\($0.day.iso))" } ?? "—"
        let rollup =
          s.rollup.map { "\(NumberText.figure($0.value)) \($0.reported)/\($0.children)" } ?? ""
        rows.append(
          (n == 0 ? head : ["", "", "", "", ""])
            + [
              "\(s.region?.name ?? s.key)", latest, rollup,
              s.targets.isEmpty ? "" : s.targets.joined(separator: " "),
            ])
      }
    }
    return TextTable.render(rows, rightAligned: [])
  }

  public func jsonValue() -> JSONValue {
    .object([
      ("asOf", .string(asOf.iso)),
      (
        "indicators",
        .array(
          rows.map { row in
            let i = row.indicator
            return .object([
              ("id", .string(i.id)), ("name", .string(i.name)), ("en", .string(i.en)),
              ("unit", .string(i.unit.text)), ("counts", .array(i.counts.map(JSONValue.string))),
              ("measure", .string(i.measure.rawValue)), ("rollup", .string(i.rollup.rawValue)),
              ("update", .string(i.update.rawValue)),
              (
                "series",
                .array(
                  row.series.map { s in
                    .object([
                      ("key", .string(s.key)),
                      ("region", RegionReport.json(s.region)),
                      (
                        "latest",
                        s.latest.map {
                          .object([("value", .number($0.value)), ("date", .string($0.day.iso))])
                        } ?? .null
                      ),
                      ("rollup", StatusReport.rollupJSON(s.rollup)),
                      ("targets", .array(s.targets.map(JSONValue.string))),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }
}

/// `plantrack regions`: the administrative tree below a region.
public struct RegionReport: Sendable {
  public let root: Region
  let tree: RegionTree

  public init(tree: RegionTree, under root: Region) {
    self.tree = tree
    self.root = root
  }

  /// `code  name` lines, indented two spaces a level.
  public func text() -> String {
    var out = ""
    func walk(_ r: Region, _ depth: Int) {
      out += String(repeating: "  ", count: depth) + "\(r.code) \(r.name)\n"
      for c in tree.children(of: r.code) { walk(c, depth + 1) }
    }
    walk(root, 0)
    return out
  }

  /// `{code, name, level, children: […]}`, nested.
  public func jsonValue() -> JSONValue {
    func node(_ r: Region) -> JSONValue {
      .object([
        ("code", .string(r.code)), ("name", .string(r.name)), ("level", .string(r.level.rawValue)),
        ("children", .array(tree.children(of: r.code).map(node))),
      ])
    }
    return node(root)
  }

  /// `{code, name, level}` or null: how the status JSON and others write a region.
  static func json(_ r: Region?) -> JSONValue {
    guard let r else { return .null }
    return .object([
      ("code", .string(r.code)), ("name", .string(r.name)), ("level", .string(r.level.rawValue)),
    ])
  }
}
