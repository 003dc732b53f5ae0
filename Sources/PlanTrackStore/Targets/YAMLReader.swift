import PlanTrackCore
import Yams

/// Reads typed values out of a composed YAML tree, recording a finding (with the node's
/// line and column) for every value that is missing or of the wrong shape.
struct YAMLReader {
  let file: String
  private(set) var findings: [Finding] = []

  init(file: String) { self.file = file }

  /// The top mapping of a YAML text, or nil with a finding: a syntax error at its line and
  /// column, an empty file (“the file is empty; `empty`”), or a top that is not a mapping.
  mutating func top(yaml text: String, _ what: String, empty: String) -> YAMLMap? {
    let root: Node?
    do {
      // No implicit tag resolution: the reader reads numbers, dates and booleans itself, and
      // Yams' regular expressions per scalar cost half of loading 10,000 targets.
      root = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      findings.append(Self.finding(error, file))
      return nil
    } catch {
      findings.append(
        Finding(file: file, line: 0, column: 0, code: .yamlSyntax, message: "\(error)"))
      return nil
    }
    guard let root else {
      self.error(nil, .emptyTargetFile, "the file is empty; \(empty)")
      return nil
    }
    return mapping(root, what)
  }

  static func finding(_ error: YamlError, _ file: String) -> Finding {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let ctx = context.map { " (\($0.text))" } ?? ""
      return Finding(
        file: file, line: mark.line, column: mark.column, code: .yamlSyntax,
        message: "YAML syntax: \(problem)\(ctx)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Finding(
        file: file, line: context.mark.line, column: context.mark.column, code: .duplicateYAMLKey,
        message: "duplicate key “\(duplicates.joined(separator: "”, “"))” in a mapping")
    default:
      return Finding(file: file, line: 0, column: 0, code: .yamlSyntax, message: "YAML: \(error)")
    }
  }

  mutating func error(_ node: Node?, _ code: ProblemCode, _ message: String) {
    report(node, code, message, severity: .error)
  }

  mutating func report(
    _ node: Node?, _ code: ProblemCode, _ message: String, severity: Finding.Severity
  ) {
    let mark = node?.mark
    findings.append(
      Finding(
        file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, severity: severity,
        code: code, message: message))
  }

  /// The mapping of `node`, or a finding naming what was expected.
  mutating func mapping(_ node: Node, _ what: String) -> YAMLMap? {
    if case .mapping(let m) = node { return YAMLMap(node, m) }
    error(node, .notAMapping, "\(what) must be a mapping (key: value lines)")
    return nil
  }

  /// Reports keys of `mapping` that are not in `allowed`.
  mutating func checkKeys(_ mapping: YAMLMap, allowed: [String], in what: String) {
    for (name, key) in zip(mapping.names, mapping.keys) {
      guard let name, allowed.contains(name) else {
        error(
          key, .unknownKey,
          "unknown key “\(key.string ?? "?")” in \(what); expected one of: "
            + allowed.joined(separator: ", "))
        continue
      }
    }
  }

  /// The node under `key`, or `nil` (with a finding at the mapping when `required`).
  mutating func value(_ mapping: YAMLMap, _ key: String, in what: String, required: Bool)
    -> Node?
  {
    if let v = mapping[key], !(v.isNullScalar) { return v }
    if required { error(mapping.node, .missingKey, "\(what) is missing “\(key)”") }
    return nil
  }

  mutating func string(_ mapping: YAMLMap, _ key: String, in what: String, required: Bool)
    -> String?
  {
    guard let node = value(mapping, key, in: what, required: required) else { return nil }
    guard case .scalar(let s) = node else {
      error(node, .notText, "“\(key)” in \(what) must be text")
      return nil
    }
    let text = s.string.trimmingWhitespace
    if text.isEmpty, required {
      error(node, .emptyText, "“\(key)” in \(what) must not be empty")
      return nil
    }
    return text
  }

  /// The items of a file whose only key is `key`, a list (`indicators:`, `regions:`).
  mutating func topList(yaml text: String, _ key: String) -> [Node]? {
    guard let top = top(yaml: text, "the file", empty: "expected “\(key):” and a list") else {
      return nil
    }
    checkKeys(top, allowed: [key], in: "the file")
    guard let list = value(top, key, in: "the file", required: true) else { return nil }
    guard case .sequence(let items) = list else {
      self.error(list, .notAList, "“\(key)” must be a list (lines starting with “- ”)")
      return nil
    }
    return Array(items)
  }

  /// A required unit (`万辆`, `%`), or a finding with the unit's problem.
  mutating func unit(_ mapping: YAMLMap, _ key: String, in what: String) -> MeasureUnit? {
    guard let text = string(mapping, key, in: what, required: true) else { return nil }
    do {
      return try MeasureUnit(parsing: text)
    } catch {
      self.error(mapping[key], (error as? any CodedError)?.code ?? .unreadableUnit, "\(error)")
      return nil
    }
  }

  mutating func number(_ node: Node, _ what: String) -> Double? {
    // Decimal notation only: Double("0x10") would read hex, Double("inf") infinity.
    guard case .scalar(let s) = node, s.style == .plain,
      s.string.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
      let v = Double(s.string), v.isFinite
    else {
      error(
        node, .notANumber,
        "\(what) must be a number, like 140 or 2.8 (found “\(node.string ?? "…")”)")
      return nil
    }
    return v
  }

  mutating func day(_ node: Node, _ what: String) -> Day? {
    guard case .scalar(let s) = node, let d = Day(iso: s.string) else {
      error(
        node, .invalidDate,
        "\(what) must be a date YYYY-MM-DD that exists (found “\(node.string ?? "…")”)")
      return nil
    }
    return d
  }

  mutating func integer(_ node: Node, _ what: String) -> Int? {
    guard case .scalar(let s) = node, let v = Int(s.string), v > 0 else {
      error(
        node, .notAWholeNumber,
        "\(what) must be a positive whole number (found “\(node.string ?? "…")”)")
      return nil
    }
    return v
  }

  mutating func bool(_ node: Node, _ what: String) -> Bool? {
    guard case .scalar(let s) = node, s.style == .plain else {
      error(node, .notABoolean, "\(what) must be true or false")
      return nil
    }
    switch s.string {
    case "true": return true
    case "false": return false
    default:
      error(node, .notABoolean, "\(what) must be true or false (found “\(s.string)”)")
      return nil
    }
  }

  /// A list of strings; a single string is accepted as a list of one.
  mutating func strings(_ node: Node, _ what: String) -> [String]? {
    switch node {
    case .scalar(let s): return [s.string.trimmingWhitespace].filter { !$0.isEmpty }
    case .sequence(let seq):
      var out: [String] = []
      for item in seq {
        guard case .scalar(let s) = item else {
          error(item, .notText, "each entry of \(what) must be text")
          return nil
        }
        out.append(s.string.trimmingWhitespace)
      }
      return out
    default:
      error(node, .notAList, "\(what) must be a list like [省发展改革委, 省能源局]")
      return nil
    }
  }

  /// One of `options`, or a finding listing them.
  mutating func choice<T: RawRepresentable>(
    _ mapping: YAMLMap, _ key: String, in what: String, required: Bool, as type: T.Type
  ) -> T? where T.RawValue == String, T: CaseIterable {
    guard let node = value(mapping, key, in: what, required: required) else { return nil }
    guard case .scalar(let s) = node, let v = T(rawValue: s.string) else {
      error(
        node, .unknownChoice,
        "“\(key)” in \(what) must be one of: "
          + T.allCases.map(\.rawValue).joined(separator: ", ") + " (found “\(node.string ?? "…")”)")
      return nil
    }
    return v
  }
}

extension Node {
  var isNullScalar: Bool {
    if case .scalar(let s) = self, s.style == .plain,
      ["", "~", "null", "Null", "NULL"].contains(s.string)
    {
      return true
    }
    return false
  }
}

/// A YAML mapping read once into its text keys, for the reader's many lookups: Yams'
/// subscript builds and hashes a node per lookup, and iterating a `Node.Mapping` copies every
/// pair, which together were a third of loading 10,000 targets.
struct YAMLMap {
  /// The mapping itself, where findings about it point.
  let node: Node
  /// Each key's text (nil when the key is not a scalar), in order.
  let names: [String?]
  let keys: [Node]
  let values: [Node]

  init(_ node: Node, _ mapping: Node.Mapping) {
    self.node = node
    var names: [String?] = []
    var keys: [Node] = []
    var values: [Node] = []
    names.reserveCapacity(mapping.count)
    keys.reserveCapacity(mapping.count)
    values.reserveCapacity(mapping.count)
    for (k, v) in mapping {
      if case .scalar(let s) = k { names.append(s.string) } else { names.append(nil) }
      keys.append(k)
      values.append(v)
    }
    self.names = names
    self.keys = keys
    self.values = values
  }

  /// The value of the first key whose text is `key`.
  subscript(key: String) -> Node? {
    names.firstIndex(of: key).map { values[$0] }
  }
}
