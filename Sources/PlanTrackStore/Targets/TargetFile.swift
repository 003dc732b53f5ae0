import PlanTrackCore
import Yams

/// One parsed target file: its document, the targets that are valid, and every finding.
public struct TargetFile: Sendable {
  public let file: String
  public let document: PlanDocument?
  /// The targets without errors; a target with an error is left out, the others still load.
  public let targets: [Target]
  public let findings: [Finding]

  static let documentKeys = [
    "id", "title", "number", "issuer", "level", "region", "period", "source",
  ]
  static let targetKeys = [
    "id", "name", "category", "kind", "unit", "direction", "baseline", "milestones", "lead",
    "update", "tolerance", "path", "note", "perYear", "indicator", "region",
  ]
  static let milestoneKeys = [
    "due", "value", "comparator", "line", "page", "quote", "inferred", "note", "restated",
  ]
  static let levels = ["national", "province", "city", "district"]

  /// Parses the text of a target file. `file` is the name findings carry; `catalog` gives the
  /// indicators and regions that targets name (each target is placed on its series).
  public static func parse(yaml text: String, file: String, catalog: Catalog = .standard)
    -> TargetFile
  {
    var reader = YAMLReader(file: file)
    guard
      let top = reader.top(
        yaml: text, "a target file", empty: "expected “document:” and “targets:”")
    else {
      return TargetFile(file: file, document: nil, targets: [], findings: reader.findings)
    }
    reader.checkKeys(top, allowed: ["document", "targets"], in: "the file")
    var document: PlanDocument?
    if let docNode = reader.value(top, "document", in: "the file", required: true) {
      document = parseDocument(docNode, &reader)
    }
    // The document's region: where its targets are, unless a target names another. Its name
    // matters only to targets on an indicator; the first of those reports it if it does not
    // resolve.
    var documentRegion: Region?
    var documentRegionProblem: (Node, Catalog)?
    if let document, let name = document.region, let node = docRegionNode(top) {
      if case .found(let r) = catalog.regions.resolve(name) {
        documentRegion = r
      } else {
        documentRegionProblem = (node, catalog)
      }
    }
    // Without a valid document no target loads, but the targets are still checked so that
    // every mistake of the file is reported at once.
    let owner = document ?? PlanDocument(id: "?", title: "?")
    var targets: [Target] = []
    if let list = reader.value(top, "targets", in: "the file", required: true) {
      if case .sequence(let seq) = list {
        var seen: [String: Int] = [:]
        for item in seq {
          let before = reader.findings.filter { $0.severity == .error }.count
          if let (node, catalog) = documentRegionProblem, case .mapping(let m) = item,
            YAMLMap(item, m)["indicator"] != nil, let name = document?.region
          {
            _ = resolveRegion(name, node: node, catalog: catalog, severity: .error, &reader)
            documentRegionProblem = nil
          }
          let target = parseTarget(
            item, document: owner, documentRegion: documentRegion, catalog: catalog, &reader)
          if let target {
            if let line = seen[target.id] {
              reader.error(
                item, .duplicateTargetID,
                "duplicate target id “\(target.id)” (first at line \(line)); ids must be unique")
              continue
            }
            seen[target.id] = item.mark?.line ?? 0
          }
          let after = reader.findings.filter { $0.severity == .error }.count
          if let target, after == before { targets.append(target) }
        }
      } else {
        reader.error(
          list, .notAList, "“targets” must be a list of targets (lines starting with “- ”)")
      }
    }
    return TargetFile(
      file: file, document: document, targets: document == nil ? [] : targets,
      findings: reader.findings)
  }

  static func parseDocument(_ node: Node, _ r: inout YAMLReader) -> PlanDocument? {
    guard let m = r.mapping(node, "“document”") else { return nil }
    let what = "the document"
    r.checkKeys(m, allowed: documentKeys, in: what)
    let errorsBefore = r.findings.count
    let id = r.string(m, "id", in: what, required: true)
    if let id, !isSlug(id) {
      r.error(m["id"], .notASlug, "document id “\(id)” must be an ASCII slug: a-z, 0-9 and “-”")
    }
    let title = r.string(m, "title", in: what, required: true)
    let level = r.string(m, "level", in: what, required: false)
    if let level, !levels.contains(level) {
      r.error(
        m["level"], .unknownChoice,
        "level must be one of: \(levels.joined(separator: ", ")) (found “\(level)”)")
    }
    var start: Day?
    var end: Day?
    if let p = r.value(m, "period", in: what, required: false), let pm = r.mapping(p, "period") {
      r.checkKeys(pm, allowed: ["start", "end"], in: "period")
      start = pm["start"].flatMap { r.day($0, "period start") }
      end = pm["end"].flatMap { r.day($0, "period end") }
      if let start, let end, end < start {
        r.error(p, .periodReversed, "period ends (\(end)) before it starts (\(start))")
      }
    }
    var sourceFile: String?
    var sha256: String?
    if let s = r.value(m, "source", in: what, required: false), let sm = r.mapping(s, "source") {
      r.checkKeys(sm, allowed: ["file", "sha256"], in: "source")
      sourceFile = r.string(sm, "file", in: "source", required: true)
      sha256 = r.string(sm, "sha256", in: "source", required: false)
      if let sha = sha256,
        sha.count != 64 || !sha.allSatisfy({ $0.isASCII && $0.isHexDigit && !$0.isUppercase })
      {
        r.error(
          sm["sha256"], .badDigest,
          "source sha256 must be 64 lowercase hex digits (found “\(sha.prefix(80))”)")
      }
    }
    guard let id, let title, r.findings.count == errorsBefore else { return nil }
    return PlanDocument(
      id: id, title: title, number: r.string(m, "number", in: what, required: false),
      issuer: r.string(m, "issuer", in: what, required: false), level: level,
      region: r.string(m, "region", in: what, required: false), periodStart: start,
      periodEnd: end, sourceFile: sourceFile, sourceSHA256: sha256)
  }

  static func docRegionNode(_ top: YAMLMap) -> Node? {
    guard let d = top["document"], case .mapping(let m) = d else { return nil }
    return YAMLMap(d, m)["region"]
  }

  /// A region name or code resolved in the catalog's tree; an unknown or ambiguous one is a
  /// finding at `node` saying what would resolve it.
  static func resolveRegion(
    _ name: String, node: Node, catalog: Catalog, severity: Finding.Severity,
    _ r: inout YAMLReader
  ) -> Region? {
    switch catalog.regions.resolve(name) {
    case .found(let region): return region
    case .ambiguous(let many):
      r.report(
        node, .ambiguousRegion, RegionText.ambiguous(name, many, in: catalog.regions),
        severity: severity)
    case .unknown(let suggestions):
      r.report(node, .unknownRegion, RegionText.unknown(name, suggestions), severity: severity)
    }
    return nil
  }

  static func parseTarget(
    _ node: Node, document: PlanDocument, documentRegion: Region?, catalog: Catalog,
    _ r: inout YAMLReader
  ) -> Target? {
    guard let m = r.mapping(node, "each target") else { return nil }
    let idText = m["id"]?.string ?? "?"
    let what = "target “\(idText)”"
    r.checkKeys(m, allowed: targetKeys, in: what)
    let id = r.string(m, "id", in: what, required: true)
    if let id, !isSlug(id) {
      r.error(m["id"], .notASlug, "target id “\(id)” must be an ASCII slug: a-z, 0-9 and “-”")
    }
    let name = r.string(m, "name", in: what, required: true)
    let category = r.string(m, "category", in: what, required: true)
    let kind = r.choice(m, "kind", in: what, required: true, as: TargetKind.self)
    let unit = r.unit(m, "unit", in: what)
    let explicitDirection = r.choice(m, "direction", in: what, required: false, as: Direction.self)
    let update = r.choice(m, "update", in: what, required: false, as: UpdateFrequency.self)
    let path = r.choice(m, "path", in: what, required: false, as: PathShape.self)
    var tolerance = 0.05
    if let t = r.value(m, "tolerance", in: what, required: false), let v = r.number(t, "tolerance")
    {
      if v > 0, v < 1 {
        tolerance = v
      } else {
        r.error(t, .toleranceOutOfRange, "tolerance must be a share between 0 and 1, like 0.05")
      }
    }
    let lead = r.value(m, "lead", in: what, required: false).flatMap { r.strings($0, "lead") } ?? []
    // Its indicator and region: where its figures are.
    let indicatorID = r.string(m, "indicator", in: what, required: false)
    var indicator: Indicator?
    if let indicatorID {
      indicator = catalog.indicator(indicatorID)
      if indicator == nil {
        let known = catalog.indicators.map(\.id)
        r.error(
          m["indicator"], .unknownIndicator,
          "no indicator “\(indicatorID)” in indicators.yaml"
            + (known.isEmpty
              ? " (the workspace has no indicators.yaml)"
              : "; known: \(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", …" : "")")
        )
      } else if let indicator, let unit, !indicator.accepts(unit) {
        r.error(
          m["unit"], .unitNotOfIndicator,
          "unit “\(unit.text)” cannot be converted to indicator \(indicator.id)'s unit “\(indicator.unit.text)”"
            + (indicator.counts.isEmpty ? "" : " (or \(indicator.counts.joined(separator: ", ")))"))
      }
    }
    let regionName = r.string(m, "region", in: what, required: false)
    var region = documentRegion
    if let regionName, let node = m["region"] {
      region = resolveRegion(
        regionName, node: node, catalog: catalog, severity: indicatorID == nil ? .warning : .error,
        &r)
    } else if indicatorID != nil, document.region == nil {
      r.error(
        m["indicator"], .unknownRegion,
        "a target on an indicator needs a region: give its document a “region:”, or the target one")
    }
    let perYearNode = r.value(m, "perYear", in: what, required: false)
    let perYear = perYearNode.flatMap { r.bool($0, "perYear") } ?? false
    if perYear, let kind = m["kind"]?.string, kind != TargetKind.increment.rawValue {
      r.error(
        perYearNode, .perYearNotIncrement,
        "“perYear” quotas are counted from 0 each year: use kind “increment”")
    }

    var baseline: Baseline?
    if let b = r.value(m, "baseline", in: what, required: false), let bm = r.mapping(b, "baseline")
    {
      r.checkKeys(bm, allowed: ["value", "date", "note"], in: "the baseline")
      let v = r.value(bm, "value", in: "the baseline", required: true).flatMap {
        r.number($0, "baseline value")
      }
      let d = r.value(bm, "date", in: "the baseline", required: true).flatMap {
        r.day($0, "baseline date")
      }
      if let v, let d {
        baseline = Baseline(
          value: v, date: d, note: r.string(bm, "note", in: "the baseline", required: false))
      }
    }

    var milestones: [(Milestone, Node)] = []
    if let list = r.value(m, "milestones", in: what, required: true) {
      if case .sequence(let seq) = list, !seq.isEmpty {
        for item in seq {
          if let ms = parseMilestone(item, tolerance: tolerance, &r) {
            milestones.append((ms, item))
          }
        }
      } else {
        r.error(
          list, list.sequence?.isEmpty == true ? .noMilestones : .notAList,
          "“milestones” must be a non-empty list of { due, value, comparator }")
      }
    }
    guard let id, let name, let category, let kind, let unit, !milestones.isEmpty else {
      return nil
    }
    milestones.sort { $0.0.due < $1.0.due }
    if perYear {
      for (a, b) in zip(milestones, milestones.dropFirst()) where a.0.due.year == b.0.due.year {
        r.error(
          b.1, .perYearTwiceInAYear,
          "a “perYear” target has one milestone per year; \(b.0.due.year) has two")
      }
    }

    for (a, b) in zip(milestones, milestones.dropFirst()) where a.0.due == b.0.due {
      r.error(
        b.1, .duplicateDueDate,
        "two milestones are due on \(b.0.due); each due date may appear once")
    }
    if let baseline {
      for (ms, n) in milestones where ms.due <= baseline.date {
        r.error(
          n, .milestoneNotAfterBaseline,
          "milestone due \(ms.due) is not after the baseline date \(baseline.date)")
      }
    }
    let direction = explicitDirection ?? defaultDirection(milestones.map(\.0), baseline: baseline)
    checkDirection(
      direction, milestones, baseline: baseline, kind: kind, perYear: perYear,
      node: m["direction"] ?? node, &r)

    var target = Target(
      document: document, id: id, name: name, category: category, kind: kind, unit: unit,
      direction: direction, baseline: baseline, milestones: milestones.map(\.0), lead: lead,
      update: update ?? .monthly, path: path ?? .linear, perYear: perYear,
      indicator: indicatorID, regionName: regionName)
    let series =
      indicator.flatMap { i in region.map { SeriesKey.make(region: $0.code, indicator: i.id) } }
    target.placement = Placement(
      region: region, series: series ?? target.key, sameCount: indicator?.counts ?? [])
    target.origin = Finding.Location(
      file: r.file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    return target
  }

  static func parseMilestone(_ node: Node, tolerance: Double, _ r: inout YAMLReader) -> Milestone? {
    guard let m = r.mapping(node, "each milestone") else { return nil }
    let what = "a milestone"
    r.checkKeys(m, allowed: milestoneKeys, in: what)
    let due = r.value(m, "due", in: what, required: true).flatMap { r.day($0, "due") }
    // A plain `~` is YAML's null, but as a comparator it can only mean “about” (左右).
    let comparatorNode =
      m["comparator"]?.string == "~"
      ? m["comparator"] : r.value(m, "comparator", in: what, required: false)
    let comparator = comparatorNode?.string ?? ">="
    let valueNode = r.value(m, "value", in: what, required: true)
    var goal: Goal?
    if let valueNode {
      if case .mapping(let mapping) = valueNode {
        let range = YAMLMap(valueNode, mapping)
        r.checkKeys(range, allowed: ["min", "max"], in: "a range value")
        let lo = r.value(range, "min", in: "a range value", required: true).flatMap {
          r.number($0, "min")
        }
        let hi = r.value(range, "max", in: "a range value", required: true).flatMap {
          r.number($0, "max")
        }
        if comparatorNode != nil, comparator != "range" {
          r.error(
            comparatorNode, .comparatorValueMismatch,
            "a { min, max } value needs comparator “range” (found “\(comparator)”)")
        } else if let lo, let hi {
          if lo <= hi {
            goal = .range(min: lo, max: hi)
          } else {
            r.error(valueNode, .rangeReversed, "range min \(lo) is greater than max \(hi)")
          }
        }
      } else if let v = r.number(valueNode, "value") {
        switch comparator {
        case ">=": goal = .atLeast(v)
        case "<=": goal = .atMost(v)
        case "~": goal = .about(v, tolerance: tolerance)
        case "=": goal = .exactly(v)
        case "range":
          r.error(
            comparatorNode, .comparatorValueMismatch,
            "comparator “range” needs a value { min: …, max: … }")
        default:
          r.error(
            comparatorNode, .unknownComparator,
            "unknown comparator “\(comparator)”; expected one of: >=, <=, ~, =, range")
        }
      }
    }
    let line = r.value(m, "line", in: what, required: false).flatMap { r.integer($0, "line") }
    let page = r.value(m, "page", in: what, required: false).flatMap { r.integer($0, "page") }
    let quote = r.string(m, "quote", in: what, required: false)
    let inferred = r.value(m, "inferred", in: what, required: false).flatMap {
      r.bool($0, "inferred")
    }
    var restated: [Quote] = []
    if let list = r.value(m, "restated", in: what, required: false) {
      if case .sequence(let items) = list {
        for item in items {
          guard let q = r.mapping(item, "each restated quote") else { continue }
          r.checkKeys(q, allowed: ["line", "quote"], in: "a restated quote")
          let l = r.value(q, "line", in: "a restated quote", required: true).flatMap {
            r.integer($0, "line")
          }
          let text = r.string(q, "quote", in: "a restated quote", required: true)
          if let l, let text { restated.append(Quote(line: l, text: text)) }
        }
      } else {
        r.error(list, .notAList, "“restated” must be a list like [{ line: 12, quote: … }]")
      }
    }
    guard let due, let goal else { return nil }
    return Milestone(
      due: due, goal: goal, line: line, page: page, quote: quote, inferred: inferred ?? false,
      restated: restated)
  }

  /// `<=` anywhere means a decrease; else a final goal below the baseline; else increase.
  static func defaultDirection(_ milestones: [Milestone], baseline: Baseline?) -> Direction {
    if milestones.contains(where: { $0.goal.impliedDirection == .decrease }) { return .decrease }
    if let baseline, let last = milestones.last, last.goal.pathValue(.increase) < baseline.value {
      return .decrease
    }
    return .increase
  }

  /// A direction contradicts the values when a comparator points the other way, a goal lies
  /// behind the baseline, or a later milestone asks for less than an earlier one.
  static func checkDirection(
    _ direction: Direction, _ milestones: [(Milestone, Node)], baseline: Baseline?,
    kind: TargetKind, perYear: Bool = false, node: Node, _ r: inout YAMLReader
  ) {
    let s = direction.sign
    for (ms, n) in milestones {
      if let implied = ms.goal.impliedDirection, implied != direction {
        r.error(
          n, .directionContradictsComparator,
          "direction “\(direction.rawValue)” contradicts comparator “\(ms.goal.comparator)”; "
            + "expected direction “\(implied.rawValue)”")
      }
    }
    guard !kind.isFlat else { return }
    if let baseline {
      // A cap (<=) may lie on either side of the baseline; other goals must lie ahead of it.
      for (ms, n) in milestones where ms.goal.impliedDirection != .decrease {
        if s * (ms.goal.pathValue(direction) - baseline.value) < 0 {
          r.error(
            n, .goalBehindBaseline,
            "direction “\(direction.rawValue)” contradicts the values: the goal "
              + "\(format(ms.goal.pathValue(direction))) is on the wrong side of the baseline "
              + "\(format(baseline.value))")
        }
      }
    }
    // Yearly quotas may ask for less in a later year; they do not add up.
    for (a, b) in zip(milestones, milestones.dropFirst())
    where !perYear && s * (b.0.goal.pathValue(direction) - a.0.goal.pathValue(direction)) < 0 {
      r.error(
        b.1, .milestonesGoBackwards,
        "direction “\(direction.rawValue)” contradicts the values: \(format(b.0.goal.pathValue(direction))) "
          + "due \(b.0.due) is behind \(format(a.0.goal.pathValue(direction))) due \(a.0.due)")
    }
  }

  static func isSlug(_ s: String) -> Bool {
    !s.isEmpty
      && s.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      }
  }

  static func format(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
  }
}
