import PlanTrackCore
import Yams

/// Reads typed values out of a composed YAML tree, recording a finding (with the node's
/// line and column) for every value that is missing or of the wrong shape.
struct YAMLReader {
  let file: String
  private(set) var findings: [Finding] = []

  init(file: String) { self.file = file }

  mutating func error(_ node: Node?, _ message: String) {
    let mark = node?.mark
    findings.append(
      Finding(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
  }

  mutating func warning(_ node: Node?, _ message: String) {
    let mark = node?.mark
    findings.append(
      Finding(
        file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, severity: .warning,
        message: message))
  }

  /// The mapping of `node`, or a finding naming what was expected.
  mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
    if case .mapping(let m) = node { return m }
    error(node, "\(what) must be a mapping (key: value lines)")
    return nil
  }

  /// Reports keys of `mapping` that are not in `allowed`.
  mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], in what: String) {
    for (key, _) in mapping {
      guard let name = key.string, allowed.contains(name) else {
        error(
          key,
          "unknown key “\(key.string ?? "?")” in \(what); expected one of: "
            + allowed.joined(separator: ", "))
        continue
      }
    }
  }

  /// The node under `key`, or `nil` (with a finding at the mapping when `required`).
  mutating func value(_ mapping: Node.Mapping, _ key: String, in what: String, required: Bool)
    -> Node?
  {
    if let v = mapping.node(forKey: key), !(v.isNullScalar) { return v }
    if required { error(.mapping(mapping), "\(what) is missing “\(key)”") }
    return nil
  }

  mutating func string(_ mapping: Node.Mapping, _ key: String, in what: String, required: Bool)
    -> String?
  {
    guard let node = value(mapping, key, in: what, required: required) else { return nil }
    guard case .scalar(let s) = node else {
      error(node, "“\(key)” in \(what) must be text")
      return nil
    }
    let text = s.string.trimmingWhitespace
    if text.isEmpty, required {
      error(node, "“\(key)” in \(what) must not be empty")
      return nil
    }
    return text
  }

  mutating func number(_ node: Node, _ what: String) -> Double? {
    // Decimal notation only: Double("0x10") would read hex, Double("inf") infinity.
    guard case .scalar(let s) = node, s.style == .plain,
      s.string.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
      let v = Double(s.string), v.isFinite
    else {
      error(node, "\(what) must be a number, like 140 or 2.8 (found “\(node.string ?? "…")”)")
      return nil
    }
    return v
  }

  mutating func day(_ node: Node, _ what: String) -> Day? {
    guard case .scalar(let s) = node, let d = Day(iso: s.string) else {
      error(node, "\(what) must be a date YYYY-MM-DD that exists (found “\(node.string ?? "…")”)")
      return nil
    }
    return d
  }

  mutating func integer(_ node: Node, _ what: String) -> Int? {
    guard case .scalar(let s) = node, let v = Int(s.string), v > 0 else {
      error(node, "\(what) must be a positive whole number (found “\(node.string ?? "…")”)")
      return nil
    }
    return v
  }

  mutating func bool(_ node: Node, _ what: String) -> Bool? {
    guard case .scalar(let s) = node, s.style == .plain else {
      error(node, "\(what) must be true or false")
      return nil
    }
    switch s.string {
    case "true": return true
    case "false": return false
    default:
      error(node, "\(what) must be true or false (found “\(s.string)”)")
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
          error(item, "each entry of \(what) must be text")
          return nil
        }
        out.append(s.string.trimmingWhitespace)
      }
      return out
    default:
      error(node, "\(what) must be a list like [省发展改革委, 省能源局]")
      return nil
    }
  }

  /// One of `options`, or a finding listing them.
  mutating func choice<T: RawRepresentable>(
    _ mapping: Node.Mapping, _ key: String, in what: String, required: Bool, as type: T.Type
  ) -> T? where T.RawValue == String, T: CaseIterable {
    guard let node = value(mapping, key, in: what, required: required) else { return nil }
    guard case .scalar(let s) = node, let v = T(rawValue: s.string) else {
      error(
        node,
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

extension Node.Mapping {
  /// The value of a plain text key, found by comparing the key text only (Yams' own subscript
  /// builds and hashes a node per lookup, which shows when 10,000 targets load).
  func node(forKey key: String) -> Node? {
    for (k, v) in self {
      if case .scalar(let s) = k, s.string == key { return v }
    }
    return nil
  }
}
