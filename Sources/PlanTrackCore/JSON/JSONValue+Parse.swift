/// Why a text is not JSON: what was expected and where (1-based line and column).
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let message: String
  public var description: String { "\(line):\(column): \(message)" }
}

extension JSONValue {
  /// Parses JSON text (RFC 8259). Object keys keep their order; numbers are Doubles.
  /// - Complexity: O(n) in the length of the text.
  public static func parse(_ text: String) throws -> JSONValue {
    var p = JSONParser(Array(text.unicodeScalars))
    p.skipSpace()
    let value = try p.value(depth: 0)
    p.skipSpace()
    guard p.i == p.s.count else { throw p.error("unexpected text after the JSON value") }
    return value
  }

  /// The value of `key` in an object, or nil.
  public subscript(key: String) -> JSONValue? {
    if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
    return nil
  }

  public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
  public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
  public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
  public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
}

private struct JSONParser {
  let s: [Unicode.Scalar]
  var i = 0

  init(_ s: [Unicode.Scalar]) { self.s = s }

  func error(_ message: String) -> JSONParseError {
    var line = 1
    var column = 1
    for c in s[..<min(i, s.count)] {
      if c == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return JSONParseError(line: line, column: column, message: message)
  }

  mutating func skipSpace() {
    while i < s.count, [" ", "\n", "\r", "\t"].contains(s[i]) { i += 1 }
  }

  mutating func value(depth: Int) throws -> JSONValue {
    guard depth < 256 else { throw error("nested too deeply") }
    guard i < s.count else { throw error("a value was expected") }
    switch s[i] {
    case "{":
      i += 1
      var pairs: [(String, JSONValue)] = []
      skipSpace()
      if i < s.count, s[i] == "}" {
        i += 1
        return .object(pairs)
      }
      while true {
        skipSpace()
        guard i < s.count, s[i] == "\"" else { throw error("a key in quotes was expected") }
        let key = try string()
        skipSpace()
        guard i < s.count, s[i] == ":" else { throw error("“:” was expected") }
        i += 1
        skipSpace()
        pairs.append((key, try value(depth: depth + 1)))
        skipSpace()
        guard i < s.count else { throw error("“}” was expected") }
        if s[i] == "," {
          i += 1
          continue
        }
        guard s[i] == "}" else { throw error("“,” or “}” was expected") }
        i += 1
        return .object(pairs)
      }
    case "[":
      i += 1
      var items: [JSONValue] = []
      skipSpace()
      if i < s.count, s[i] == "]" {
        i += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard i < s.count else { throw error("“]” was expected") }
        if s[i] == "," {
          i += 1
          continue
        }
        guard s[i] == "]" else { throw error("“,” or “]” was expected") }
        i += 1
        return .array(items)
      }
    case "\"":
      return .string(try string())
    case "t": return try word("true", .bool(true))
    case "f": return try word("false", .bool(false))
    case "n": return try word("null", .null)
    default:
      return .number(try number())
    }
  }

  mutating func word(_ w: String, _ v: JSONValue) throws -> JSONValue {
    let scalars = Array(w.unicodeScalars)
    guard i + scalars.count <= s.count, Array(s[i..<(i + scalars.count)]) == scalars else {
      throw error("“\(w)” was expected")
    }
    i += scalars.count
    return v
  }

  mutating func number() throws -> Double {
    let start = i
    if i < s.count, s[i] == "-" { i += 1 }
    while i < s.count, ("0"..."9").contains(s[i]) || [".", "e", "E", "+", "-"].contains(s[i]) {
      i += 1
    }
    let text = String(String.UnicodeScalarView(s[start..<i]))
    guard !text.isEmpty else { throw error("a value was expected") }
    guard let v = Double(text), v.isFinite else { throw error("“\(text)” is not a number") }
    return v
  }

  mutating func string() throws -> String {
    i += 1  // the opening quote
    var out = String.UnicodeScalarView()
    while i < s.count {
      let c = s[i]
      i += 1
      switch c {
      case "\"": return String(out)
      case "\\":
        guard i < s.count else { throw error("an escape was cut off") }
        let e = s[i]
        i += 1
        switch e {
        case "\"": out.append("\"")
        case "\\": out.append("\\")
        case "/": out.append("/")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "u":
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code), i + 1 < s.count, s[i] == "\\", s[i + 1] == "u" {
            i += 2
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default: throw error("unknown escape \\\(e)")
        }
      default:
        guard c.value >= 0x20 else { throw error("a control character inside a string") }
        out.append(c)
      }
    }
    throw error("the string is not closed")
  }

  mutating func hex4() throws -> UInt32 {
    guard i + 4 <= s.count,
      let v = UInt32(String(String.UnicodeScalarView(s[i..<(i + 4)])), radix: 16)
    else { throw error("four hex digits were expected") }
    i += 4
    return v
  }
}
