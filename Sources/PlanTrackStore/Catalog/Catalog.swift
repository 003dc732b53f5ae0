import Foundation
import PlanTrackCore
import Yams

/// What targets are measured against: the workspace's indicators (`indicators.yaml`) and the
/// region tree (the shipped table plus `regions.yaml`), with every finding of those files.
public struct Catalog: Sendable {
  /// In file order.
  public private(set) var indicators: [Indicator]
  public let regions: RegionTree
  public let findings: [Finding]
  private var byID: [String: Indicator]
  /// The workspace's status thresholds (plantrack.yaml `thresholds:`; docs/STATUS.md).
  public var thresholds = StatusThresholds.standard
  /// The workspace's reporting deadlines per frequency (plantrack.yaml `deadlines:`), for
  /// series whose indicator sets none.
  public var deadlines: [UpdateFrequency: Int] = [:]

  public static let indicatorsFileName = "indicators.yaml"
  public static let regionsFileName = "regions.yaml"

  /// No indicators, the shipped regions: a workspace without either file.
  public static let standard = Catalog(
    indicators: [], regions: .shipped, findings: [])

  public init(indicators: [Indicator], regions: RegionTree, findings: [Finding]) {
    self.indicators = indicators
    self.regions = regions
    self.findings = findings
    byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  public func indicator(_ id: String) -> Indicator? { byID[id] }

  /// This catalog under a workspace's settings: its thresholds, and its deadlines for the
  /// indicators that set none of their own.
  public func applying(_ settings: Settings) -> Catalog {
    var c = self
    c.thresholds = settings.thresholds
    c.deadlines = settings.deadlines
    c.indicators = indicators.map { i in
      var i = i
      if i.deadlineDays == nil { i.deadlineDays = settings.deadlines[i.update] }
      return i
    }
    c.byID = Dictionary(c.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return c
  }

  /// When the figures of a series of this frequency are due, without an indicator's own rule.
  public func rule(_ frequency: UpdateFrequency) -> ReportingRule {
    ReportingRule(frequency: frequency, deadlineDays: deadlines[frequency])
  }

  /// Reads `indicators.yaml` and `regions.yaml` in `root`, if they exist.
  public static func load(root: URL) -> Catalog {
    var findings: [Finding] = []
    func read(_ name: String) -> String? {
      let url = root.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: url.path) else { return nil }
      switch readText(url, as: name) {
      case .success(let text): return text
      case .failure(let finding):
        findings.append(finding)
        return nil
      }
    }
    var tree = RegionTree.shipped
    if let text = read(regionsFileName) {
      let parsed = RegionFile.parse(yaml: text, file: regionsFileName, within: tree)
      tree = tree.adding(parsed.regions)
      findings += parsed.findings
    }
    var indicators: [Indicator] = []
    if let text = read(indicatorsFileName) {
      let parsed = IndicatorFile.parse(yaml: text, file: indicatorsFileName)
      indicators = parsed.indicators
      findings += parsed.findings
    }
    return Catalog(indicators: indicators, regions: tree, findings: findings)
  }
}

/// `indicators.yaml`: the measures plans set goals on (docs/FORMATS.md).
enum IndicatorFile {
  static let keys = [
    "id", "name", "en", "unit", "counts", "measure", "rollup", "update", "deadline",
  ]

  static func parse(yaml text: String, file: String) -> (
    indicators: [Indicator], findings: [Finding]
  ) {
    var r = YAMLReader(file: file)
    guard let items = r.topList(yaml: text, "indicators") else { return ([], r.findings) }
    var out: [Indicator] = []
    var seen: [String: Int] = [:]
    for item in items {
      guard let m = r.mapping(item, "each indicator") else { continue }
      let what = "indicator “\(m["id"]?.string ?? "?")”"
      r.checkKeys(m, allowed: keys, in: what)
      let before = r.findings.count
      let id = r.string(m, "id", in: what, required: true)
      if let id, !TargetFile.isSlug(id) {
        r.error(m["id"], .notASlug, "indicator id “\(id)” must be an ASCII slug: a-z, 0-9 and “-”")
      }
      if let id, let line = seen[id] {
        r.error(
          m["id"], .duplicateIndicator,
          "indicator “\(id)” is already defined at line \(line); ids must be unique")
      }
      let name = r.string(m, "name", in: what, required: true)
      let en = r.string(m, "en", in: what, required: false)
      let unit = r.unit(m, "unit", in: what)
      let counts = r.value(m, "counts", in: what, required: false).flatMap {
        r.strings($0, "counts")
      }
      let measure = r.choice(m, "measure", in: what, required: true, as: Indicator.Measure.self)
      let rollup = r.choice(m, "rollup", in: what, required: true, as: Indicator.RollupRule.self)
      let update = r.choice(m, "update", in: what, required: false, as: UpdateFrequency.self)
      let deadline = r.value(m, "deadline", in: what, required: false).flatMap {
        r.integer($0, "deadline (days after a period ends)")
      }
      if let measure, rollup == .sum, !measure.canBeSummed {
        r.error(
          m["rollup"], .summedRatio,
          "a \(measure.rawValue) is never summed across regions: use “rollup: none”")
      }
      guard let id, let name, let unit, let measure, let rollup, r.findings.count == before else {
        continue
      }
      seen[id] = item.mark?.line ?? 0
      out.append(
        Indicator(
          id: id, name: name, en: en, unit: unit, counts: counts ?? [], measure: measure,
          rollup: rollup, update: update ?? .monthly, deadlineDays: deadline))
    }
    return (out, r.findings)
  }
}

/// `regions.yaml`: regions a workspace adds under the shipped tree (development zones).
enum RegionFile {
  static let keys = ["code", "name", "parent", "level"]

  static func parse(yaml text: String, file: String, within shipped: RegionTree)
    -> (regions: [Region], findings: [Finding])
  {
    var r = YAMLReader(file: file)
    guard let items = r.topList(yaml: text, "regions") else { return ([], r.findings) }
    // First every entry as written, then the parents: an added region may sit under another.
    struct Entry {
      let code: String
      let name: String
      let parent: String
      let level: RegionLevel?
      let node: Node
      let parentNode: Node?
    }
    var entries: [Entry] = []
    var codes = Set<String>()
    for item in items {
      guard let m = r.mapping(item, "each region") else { continue }
      let what = "region “\(m["name"]?.string ?? "?")”"
      r.checkKeys(m, allowed: keys, in: what)
      let code = r.string(m, "code", in: what, required: true)
      let name = r.string(m, "name", in: what, required: true)
      let parent = r.string(m, "parent", in: what, required: true)
      let level = r.choice(m, "level", in: what, required: false, as: RegionLevel.self)
      guard let code, let name, let parent else { continue }
      if shipped.region(code: code) != nil || codes.contains(code) {
        r.error(
          m["code"], .duplicateRegion,
          "region code \(code) is already \(shipped.region(code: code).map { "\($0.name) in the shipped table" } ?? "used above"); give the added region a code of its own"
        )
        continue
      }
      codes.insert(code)
      entries.append(
        Entry(
          code: code, name: name, parent: parent, level: level, node: item,
          parentNode: m["parent"]))
    }
    // Resolve parents: a shipped region, or an added one (by code or name).
    let added = RegionTree(
      regions: entries.map { Region(code: $0.code, name: $0.name, level: .zone, parent: nil) })
    var parentOf: [String: String] = [:]
    for e in entries {
      if case .found(let p) = added.resolve(e.parent), p.code != RegionTree.nationalCode {
        parentOf[e.code] = p.code
        continue
      }
      switch shipped.resolve(e.parent) {
      case .found(let p): parentOf[e.code] = p.code
      case .ambiguous(let many):
        r.error(e.parentNode, .ambiguousRegion, RegionText.ambiguous(e.parent, many, in: shipped))
      case .unknown(let suggestions):
        r.error(e.parentNode, .unknownRegion, RegionText.unknown(e.parent, suggestions))
      }
    }
    // A cycle among added regions never reaches the shipped tree.
    var regions: [Region] = []
    var findings = r.findings
    for e in entries {
      guard let first = parentOf[e.code] else { continue }
      var seen: [String] = [e.code]
      var next: String? = first
      var cycle = false
      while let c = next, codes.contains(c) {
        if seen.contains(c) {
          cycle = true
          break
        }
        seen.append(c)
        next = parentOf[c]
      }
      if cycle {
        findings.append(
          Finding(
            file: file, line: e.node.mark?.line ?? 0, column: e.node.mark?.column ?? 0,
            code: .regionCycle,
            message:
              "region \(e.code) \(e.name) is its own ancestor (\(seen.joined(separator: " → "))); give it a parent in the shipped tree"
          ))
        continue
      }
      regions.append(Region(code: e.code, name: e.name, level: e.level ?? .zone, parent: first))
    }
    // Parents before children, so that a tree built from the list knows each parent.
    regions.sort { depth($0.code, parentOf, codes) < depth($1.code, parentOf, codes) }
    return (regions, findings)
  }

  private static func depth(_ code: String, _ parentOf: [String: String], _ added: Set<String>)
    -> Int
  {
    var d = 0
    var next = parentOf[code]
    while let c = next, added.contains(c), d < added.count {
      d += 1
      next = parentOf[c]
    }
    return d
  }
}

/// The words of region findings, shared by target files, regions.yaml and commands.
public enum RegionText {
  /// A region name or code that does not name exactly one region (PT703, PT704).
  public struct Failure: CodedError, CustomStringConvertible {
    public let code: ProblemCode
    public let description: String
  }

  /// The one region `text` names in `tree`.
  public static func region(_ text: String, in tree: RegionTree) throws(Failure) -> Region {
    switch tree.resolve(text) {
    case .found(let r): return r
    case .ambiguous(let many):
      throw Failure(code: .ambiguousRegion, description: ambiguous(text, many, in: tree))
    case .unknown(let suggestions):
      throw Failure(code: .unknownRegion, description: unknown(text, suggestions))
    }
  }

  static func ambiguous(_ name: String, _ regions: [Region], in tree: RegionTree) -> String {
    let listed = regions.prefix(4).map { "\($0.code) \(tree.fullName($0.code))" }
    return "“\(name)” names \(regions.count) regions (\(listed.joined(separator: ", "))"
      + (regions.count > 4 ? ", …" : "")
      + "); write the code, or the name with its city or province in front"
  }

  static func unknown(_ name: String, _ suggestions: [String]) -> String {
    "unknown region “\(name)”; "
      + (suggestions.isEmpty ? "" : "did you mean \(suggestions.joined(separator: ", "))? ")
      + "write a name or code of the administrative table, or add the region to regions.yaml under its parent"
  }
}
