import PlanTrackCore

/// Why two snapshots cannot be compared.
public enum SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
  case notASnapshot(String)
  case unsupportedSchema(Int)

  public var description: String {
    switch self {
    case .notASnapshot(let why): "not a status snapshot: \(why)"
    case .unsupportedSchema(let n):
      "snapshot schema \(n) is not known to this plantrack (it reads schemas \(Snapshot.readableSchemas.lowerBound)–\(Snapshot.readableSchemas.upperBound))"
    }
  }
}

/// What changed between two snapshots (`plantrack diff OLD.json NEW.json`): targets whose
/// status changed, targets with a new figure, the biggest movers in progress, and targets added
/// or removed.
public struct SnapshotDiff: Sendable {
  /// One target in both (or one of the) snapshots.
  public struct Row: Hashable, Sendable {
    public var key: String
    public var name: String
    public var unit: String
    public var old: Entry?
    public var new: Entry?

    /// Progress change in percentage points, when both have progress.
    public var progressChange: Double? {
      guard let a = old?.progress, let b = new?.progress else { return nil }
      return (b - a) * 100
    }
  }

  /// A target's figures in one snapshot.
  public struct Entry: Hashable, Sendable {
    public var status: String
    public var actual: Double?
    public var actualDate: String?
    public var progress: Double?
  }

  public let oldAsOf: String
  public let newAsOf: String
  public let statusChanges: [Row]
  public let newActuals: [Row]
  public let movers: [Row]
  public let added: [Row]
  public let removed: [Row]

  /// Compares two parsed snapshots (schema 1 or 2, or the plain `status --format json` object).
  public init(old: JSONValue, new: JSONValue, movers count: Int = 10) throws {
    let (oldAsOf, a) = try Self.read(old)
    let (newAsOf, b) = try Self.read(new)
    self.oldAsOf = oldAsOf
    self.newAsOf = newAsOf
    let oldByKey = Dictionary(a.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
    let newByKey = Dictionary(b.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
    var both: [Row] = []
    for r in b {
      if let o = oldByKey[r.key] {
        both.append(Row(key: r.key, name: r.name, unit: r.unit, old: o.old, new: r.old))
      }
    }
    statusChanges = both.filter { $0.old?.status != $0.new?.status }
    newActuals = both.filter {
      $0.new?.actualDate != nil
        && ($0.old?.actualDate != $0.new?.actualDate || $0.old?.actual != $0.new?.actual)
    }
    movers = Array(
      both.filter { ($0.progressChange ?? 0) != 0 }
        .sorted {
          abs($0.progressChange!) > abs($1.progressChange!)
            || (abs($0.progressChange!) == abs($1.progressChange!) && $0.key < $1.key)
        }
        .prefix(count))
    added = b.filter { oldByKey[$0.key] == nil }.map {
      Row(key: $0.key, name: $0.name, unit: $0.unit, old: nil, new: $0.old)
    }
    removed = a.filter { newByKey[$0.key] == nil }
  }

  /// Reads the as-of date and the targets of a snapshot; each row's figures are in `old`.
  static func read(_ v: JSONValue) throws -> (String, [Row]) {
    if let schema = v["schema"]?.numberValue, !Snapshot.readableSchemas.contains(Int(schema)) {
      throw SnapshotError.unsupportedSchema(Int(schema))
    }
    guard let asOf = v["asOf"]?.stringValue else { throw SnapshotError.notASnapshot("no “asOf”") }
    guard let targets = v["targets"]?.arrayValue else {
      throw SnapshotError.notASnapshot("no “targets” list")
    }
    return (
      asOf,
      try targets.map { t in
        guard let key = t["key"]?.stringValue, let status = t["status"]?.stringValue else {
          throw SnapshotError.notASnapshot("a target without “key” or “status”")
        }
        return Row(
          key: key, name: t["name"]?.stringValue ?? key, unit: t["unit"]?.stringValue ?? "",
          old: Entry(
            status: status, actual: t["actual"]?.numberValue,
            actualDate: t["actualDate"]?.stringValue,
            progress: t["progress"]?.numberValue), new: nil)
      }
    )
  }

  /// Whether nothing changed.
  public var isEmpty: Bool {
    statusChanges.isEmpty && newActuals.isEmpty && movers.isEmpty && added.isEmpty
      && removed.isEmpty
  }

  static func figure(_ e: Entry?, _ unit: String) -> String {
    guard let e, let a = e.actual else { return "—" }
    return NumberText.plain(a) + " " + unit + (e.actualDate.map { " (\($0))" } ?? "")
  }

  static func percent(_ p: Double?) -> String { p.map { NumberText.percent($0, digits: 1) } ?? "—" }

  /// The sections as rows of cells: (title, header, rows).
  func sections(_ language: Language) -> [(String, [String], [[String]])] {
    let zh = language == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    func label(_ raw: String?) -> String {
      guard let raw, let s = Status(rawValue: raw) else { return raw ?? "—" }
      return language.label(s)
    }
    return [
      (
        t("Status changed", "状态变化"), [t("Target", "目标"), t("Was", "原状态"), t("Now", "现状态"), "Key"],
        statusChanges.map { [$0.name, label($0.old?.status), label($0.new?.status), $0.key] }
      ),
      (
        t("New figures", "新数据"), [t("Target", "目标"), t("Was", "原数据"), t("Now", "新数据"), "Key"],
        newActuals.map {
          [$0.name, Self.figure($0.old, $0.unit), Self.figure($0.new, $0.unit), $0.key]
        }
      ),
      (
        t("Biggest movers in progress", "进度变化最大"),
        [t("Target", "目标"), t("Was", "原进度"), t("Now", "现进度"), t("Change", "变化")],
        movers.map {
          [
            $0.name, Self.percent($0.old?.progress), Self.percent($0.new?.progress),
            ($0.progressChange! > 0 ? "+" : "") + NumberText.plain($0.progressChange!, digits: 1)
              + t(" points", " 个百分点"),
          ]
        }
      ),
      (
        t("Added", "新增目标"), [t("Target", "目标"), t("Status", "状态"), "Key"],
        added.map { [$0.name, label($0.new?.status), $0.key] }
      ),
      (
        t("Removed", "删除目标"), [t("Target", "目标"), t("Status", "状态"), "Key"],
        removed.map { [$0.name, label($0.old?.status), $0.key] }
      ),
    ]
  }

  /// The differences as aligned text tables.
  public func table(language: Language) -> String {
    let zh = language == .zh
    var out = (zh ? "对比 \(oldAsOf) → \(newAsOf)\n" : "Changes from \(oldAsOf) to \(newAsOf)\n")
    if isEmpty { return out + (zh ? "没有变化\n" : "no changes\n") }
    for (title, header, rows) in sections(language) where !rows.isEmpty {
      out += "\n\(title) (\(rows.count))\n" + TextTable.render([header] + rows)
    }
    return out
  }

  /// The differences as Markdown.
  public func markdown(language: Language) -> String {
    let zh = language == .zh
    var out = zh ? "# 对比 \(oldAsOf) → \(newAsOf)\n" : "# Changes from \(oldAsOf) to \(newAsOf)\n"
    if isEmpty { return out + "\n" + (zh ? "没有变化\n" : "No changes.\n") }
    for (title, header, rows) in sections(language) where !rows.isEmpty {
      out += "\n## \(title) (\(rows.count))\n\n"
      out += "| " + header.map(StatusReport.markdownCell).joined(separator: " | ") + " |\n"
      out += "|" + String(repeating: "---|", count: header.count) + "\n"
      for r in rows {
        out += "| " + r.map(StatusReport.markdownCell).joined(separator: " | ") + " |\n"
      }
    }
    return out
  }

  /// The differences as JSON.
  public func jsonValue() -> JSONValue {
    func entry(_ e: Entry?) -> JSONValue {
      guard let e else { return .null }
      return .object([
        ("status", .string(e.status)), ("actual", .number(e.actual)),
        ("actualDate", .string(e.actualDate)), ("progress", .number(e.progress)),
      ])
    }
    func rows(_ list: [Row]) -> JSONValue {
      .array(
        list.map {
          .object([
            ("key", .string($0.key)), ("name", .string($0.name)), ("unit", .string($0.unit)),
            ("old", entry($0.old)), ("new", entry($0.new)),
            ("progressChange", .number($0.progressChange)),
          ])
        })
    }
    return .object([
      ("from", .string(oldAsOf)), ("to", .string(newAsOf)),
      ("statusChanges", rows(statusChanges)), ("newActuals", rows(newActuals)),
      ("movers", rows(movers)), ("added", rows(added)), ("removed", rows(removed)),
    ])
  }
}
