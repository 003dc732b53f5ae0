/// A filter over target statuses, as typed after `--filter` or `/` in the dashboard.
///
/// Terms are separated by spaces and must all match. A term `field:value` matches one field
/// (`category`, `level`, `region`, `lead`, `status`, `doc`, `kind`); values separated by
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
  public init(parsing text: String) throws {
    var terms: [Term] = []
    for word in text.split(whereSeparator: \.isWhitespace) {
      if let colon = word.firstIndex(of: ":") {
        let name = word[..<colon].lowercased()
        guard let field = Field(rawValue: name) else {
          throw FilterError.unknownField(
            name, valid: Field.allCases.map(\.rawValue))
        }
        let values = word[word.index(after: colon)...].split(separator: ",").map {
          String($0).lowercased()
        }
        if field == .status {
          for v in values where Status(rawValue: v) == nil {
            throw FilterError.unknownStatus(v, valid: Status.allCases.map(\.rawValue))
          }
        }
        terms.append(.field(field, values))
      } else {
        terms.append(.text(word.lowercased()))
      }
    }
    self.terms = terms
  }

  /// Combines two filters: both must match.
  public func and(_ other: TargetFilter) -> TargetFilter {
    TargetFilter(terms: terms + other.terms)
  }

  /// Whether `status` passes every term.
  public func matches(_ status: TargetStatus) -> Bool {
    let t = status.target
    return terms.allSatisfy { term in
      switch term {
      case .field(let field, let values):
        let candidates: [String]
        switch field {
        case .category: candidates = [t.category]
        case .level: candidates = [t.document.level ?? ""]
        case .region: candidates = [t.document.region ?? ""]
        case .lead: candidates = t.lead
        case .status: candidates = [status.status.rawValue]
        case .doc: candidates = [t.document.id]
        case .kind: candidates = [t.kind.rawValue]
        }
        return candidates.contains { c in
          let lc = c.lowercased()
          return values.contains { field == .status || field == .kind ? lc == $0 : lc.contains($0) }
        }
      case .text(let needle):
        return [t.key, t.name, t.document.title, t.document.region ?? "", t.category]
          .appending(contentsOf: t.lead)
          .contains { $0.lowercased().contains(needle) }
      }
    }
  }
}

/// A filter that cannot be read.
public enum FilterError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownField(String, valid: [String])
  case unknownStatus(String, valid: [String])

  public var description: String {
    switch self {
    case .unknownField(let f, let valid):
      "unknown filter field “\(f)”; expected one of: \(valid.joined(separator: ", ")), or plain text"
    case .unknownStatus(let s, let valid):
      "unknown status “\(s)”; expected one of: \(valid.joined(separator: ", "))"
    }
  }
}

extension Array {
  fileprivate func appending(contentsOf other: [Element]) -> [Element] { self + other }
}
