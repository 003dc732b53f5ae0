/// A JSON value with ordered object keys, written deterministically.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
    default: false
    }
  }

  /// A number, or null when absent or not finite.
  public static func number(_ v: Double?) -> JSONValue {
    guard let v, v.isFinite else { return .null }
    return .number(NumberText.rounded(v))
  }

  /// A string, or null when absent.
  public static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

  /// The text, pretty-printed with two-space indentation and a final newline.
  public func text() -> String {
    var out = ""
    write(&out, indent: 0)
    out += "\n"
    return out
  }

  func write(_ out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += JSONValue.numberText(n)
    case .string(let s): JSONValue.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        item.write(&out, indent: indent + 1)
        out += i < items.count - 1 ? ",\n" : "\n"
      }
      out += closePad + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, (key, value)) in pairs.enumerated() {
        out += pad
        JSONValue.escape(key, into: &out)
        out += ": "
        value.write(&out, indent: indent + 1)
        out += i < pairs.count - 1 ? ",\n" : "\n"
      }
      out += closePad + "}"
    }
  }

  /// `s` as a double-quoted JSON string, which is also a valid YAML double-quoted scalar.
  public static func quoted(_ s: String) -> String {
    var out = ""
    escape(s, into: &out)
    return out
  }

  /// A number as JSON writes it: whole numbers without a point, others to 6 decimals.
  public static func numberText(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
    return NumberText.plain(n, digits: 6)
  }

  /// Escapes quotes, backslashes and every control character (so no escape sequence or
  /// bidi override can hide in the output unescaped).
  static func escape(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        let v = scalar.value
        if scalar.isControlOrBidi {
          let hex = String(v, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
