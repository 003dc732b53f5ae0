/// A filter over target statuses, as typed after `--filter` or `/` in the dashboard.
///
/// Terms are separated by spaces and must all match. A term `field:value` matches one field
/// (`category`, `level`, `region` (name or code), `lead`, `status`, `doc`, `kind`); values separated by
/// commas are alternatives (`status:off-track,missed`). Any other term is text, matched
/// case-insensitively against the key, name, document title, region and lead units.
public struct TargetFilter: Hashable, Sendable {
  /// The fields a term may name.
  public enum Field: String, Sendable, CaseIterable {
    case category, level, region, lead, status, doc, kind
  }

  public enum Term: Hashable, Sendable {
    case field(Field, [String])
    case text(String)
  }

  public let terms: [Term]

  /// The filter that matches everything.
  public static let all = TargetFilter(terms: [])

  public init(terms: [Term]) { self.terms = terms }

  /// Parses `text`; an unknown field name or status is an error naming the valid ones.
  public init(parsing text: String) throws(FilterError) {
    var terms: [Term] = []
    for word in text.split(whereSeparator: \.isWhitespace) { terms.append(try Self.term(word)) }
    self.terms = terms
  }

  /// The terms of `text` that can be read, and the first problem with the others: what the
  /// dashboard applies while the user is still typing (`status:of` is not yet a status).
  public static func readable(_ text: String) -> (filter: TargetFilter, problem: FilterError?) {
    var terms: [Term] = []
    var problem: FilterError?
    for word in text.split(whereSeparator: \.isWhitespace) {
      do throws(FilterError) {
        terms.append(try term(word))
      } catch {
        problem = problem ?? error
      }
    }
    return (TargetFilter(terms: terms), problem)
  }

  /// One word: `field:value,value` or text.
  static func term(_ word: Substring) throws(FilterError) -> Term {
    guard let colon = word.firstIndex(of: ":") else { return .text(word.lowercased()) }
    let name = word[..<colon].lowercased()
    guard let field = Field(rawValue: name) else {
      throw FilterError.unknownField(name, valid: Field.allCases.map(\.rawValue))
    }
    let values = word[word.index(after: colon)...].split(separator: ",").map {
      String($0).lowercased()
    }
    guard !values.isEmpty else {
      throw FilterError.missingValue(
        field.rawValue, examples: field == .status ? Status.allCases.map(\.rawValue) : [])
    }
    if field == .status {
      for v in values where Status(rawValue: v) == nil {
        throw FilterError.unknownStatus(v, valid: Status.allCases.map(\.rawValue))
      }
    }
    return .field(field, values)
  }

  /// Combines two filters: both must match.
  public func and(_ other: TargetFilter) -> TargetFilter {
    TargetFilter(terms: terms + other.terms)
  }

  /// Whether `status` passes every term. To test many statuses, build their `FilterFields`
  /// once and use `matcher()`.
  public func matches(_ status: TargetStatus) -> Bool {
    matcher().matches(FilterFields(status))
  }

  /// The terms compiled for matching many targets: needles as lower-cased UTF-8.
  public func matcher() -> Matcher { Matcher(self) }
}

/// What a filter looks at in one target, lower-cased once: each field's values and the text
/// that plain terms search (key, name, document title, region, category, lead units and,
/// where given, the status as the user reads it). The dashboard keeps these for ten thousand
/// targets and tests them on every key typed.
public struct FilterFields: Sendable {
  /// Each field's values, indexed by `TargetFilter.Field.ordinal`.
  let values: [[[UInt8]]]
  /// Every searchable text, separated by spaces (a term never contains one, so it cannot
  /// match across two texts).
  let text: [UInt8]

  public init(_ status: TargetStatus, statusLabel: String? = nil) {
    let t = status.target
    values = TargetFilter.Field.allCases.map { field in
      let raw: [String] =
        switch field {
        case .category: [t.category]
        case .level: [t.document.level ?? ""]
        case .region:
          // The target's own region (name and code), else its document's as written.
          t.placement?.region.map { [$0.name, $0.code] } ?? [
            t.regionName ?? t.document.region ?? ""
          ]
        case .lead: t.lead
        case .status: [status.status.rawValue]
        case .doc: [t.document.id]
        case .kind: [t.kind.rawValue]
        }
      return raw.map { Array($0.lowercased().utf8) }
    }
    let region = t.placement?.region?.name ?? t.regionName ?? t.document.region ?? ""
    let texts = [t.key, t.name, t.document.title, region, t.category] + t.lead
    text = Array((texts + [statusLabel].compactMap { $0 }).joined(separator: " ").lowercased().utf8)
  }
}

extension TargetFilter.Field {
  /// The field's position in `allCases`: where `FilterFields` keeps its values.
  var ordinal: Int {
    switch self {
    case .category: 0
    case .level: 1
    case .region: 2
    case .lead: 3
    case .status: 4
    case .doc: 5
    case .kind: 6
    }
  }

  /// Whether a value must equal the field's (a status, a kind) rather than occur in it.
  var matchesWhole: Bool { self == .status || self == .kind }
}

extension TargetFilter {
  /// A filter ready to test many `FilterFields`: the one definition of what a term matches.
  public struct Matcher: Sendable {
    enum Compiled {
      case field(ordinal: Int, whole: Bool, values: [[UInt8]])
      case text([UInt8])
    }
    let terms: [Compiled]

    init(_ filter: TargetFilter) {
      terms = filter.terms.map { term in
        switch term {
        case .field(let field, let values):
          .field(
            ordinal: field.ordinal, whole: field.matchesWhole,
            values: values.map { Array($0.lowercased().utf8) })
        case .text(let needle): .text(Array(needle.lowercased().utf8))
        }
      }
    }

    /// Whether the target passes every term: a field term when one of its values equals (status,
    /// kind) or occurs in (the others) one of the target's; a text term when it occurs in the
    /// target's text.
    public func matches(_ fields: FilterFields) -> Bool {
      terms.allSatisfy { term in
        switch term {
        case .field(let ordinal, let whole, let values):
          fields.values[ordinal].contains { have in
            values.contains { whole ? have == $0 : Bytes.contains(have, $0) }
          }
        case .text(let needle): Bytes.contains(fields.text, needle)
        }
      }
    }
  }
}

/// Substring search over UTF-8 bytes (whole characters stay whole in UTF-8, so a byte match
/// is a character match).
enum Bytes {
  static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard hay.count >= needle.count else { return false }
    return hay.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        while i <= last {
          if h[i] == first {
            var j = 1
            while j < n.count, h[i + j] == n[j] { j += 1 }
            if j == n.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }
}

/// A filter that cannot be read.
public enum FilterError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownField(String, valid: [String])
  case unknownStatus(String, valid: [String])
  /// A field with nothing after its colon; `examples` are the values it takes, where few.
  case missingValue(String, examples: [String])

  public var description: String {
    switch self {
    case .unknownField(let f, let valid):
      "unknown filter field “\(f)”; expected one of: \(valid.joined(separator: ", ")), or plain text"
    case .unknownStatus(let s, let valid):
      "unknown status “\(s)”; expected one of: \(valid.joined(separator: ", "))"
    case .missingValue(let f, let examples):
      "“\(f):” needs a value"
        + (examples.isEmpty ? "" : "; one of: \(examples.joined(separator: ", "))")
    }
  }
}
