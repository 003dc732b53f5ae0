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
    var out: [UInt8] = []
    write(&out, indent: 0)
    out.append(UInt8(ascii: "\n"))
    return String(decoding: out, as: UTF8.self)
  }

  /// Writes UTF-8 bytes: a snapshot of 10,000 targets is about 10 MB, and appending bytes is
  /// several times faster than appending to a `String`.
  func write(_ out: inout [UInt8], indent: Int) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let n): out.append(contentsOf: JSONValue.numberText(n).utf8)
    case .string(let s): JSONValue.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out.append(contentsOf: "[]".utf8)
        return
      }
      out.append(contentsOf: "[\n".utf8)
      if items.count >= 1024 {
        // The targets of a large report: their texts are independent, so write them on all
        // cores and join them.
        let texts = Parallel.map(items) { item in
          var text: [UInt8] = []
          item.write(&text, indent: indent + 1)
          return text
        }
        for (i, text) in texts.enumerated() {
          Self.pad(&out, indent + 1)
          out.append(contentsOf: text)
          out.append(contentsOf: (i < items.count - 1 ? ",\n" : "\n").utf8)
        }
      } else {
        for (i, item) in items.enumerated() {
          Self.pad(&out, indent + 1)
          item.write(&out, indent: indent + 1)
          out.append(contentsOf: (i < items.count - 1 ? ",\n" : "\n").utf8)
        }
      }
      Self.pad(&out, indent)
      out.append(UInt8(ascii: "]"))
    case .object(let pairs):
      if pairs.isEmpty {
        out.append(contentsOf: "{}".utf8)
        return
      }
      out.append(contentsOf: "{\n".utf8)
      for (i, (key, value)) in pairs.enumerated() {
        Self.pad(&out, indent + 1)
        JSONValue.escape(key, into: &out)
        out.append(contentsOf: ": ".utf8)
        value.write(&out, indent: indent + 1)
        out.append(contentsOf: (i < pairs.count - 1 ? ",\n" : "\n").utf8)
      }
      Self.pad(&out, indent)
      out.append(UInt8(ascii: "}"))
    }
  }

  private static func pad(_ out: inout [UInt8], _ indent: Int) {
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
  }

  /// `s` as a double-quoted JSON string, which is also a valid YAML double-quoted scalar.
  public static func quoted(_ s: String) -> String {
    var out: [UInt8] = []
    escape(s, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// A number as JSON writes it: whole numbers without a point, others to 6 decimals.
  public static func numberText(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
    return NumberText.plain(n, digits: 6)
  }

  /// Escapes quotes, backslashes and every control character (so no escape sequence or
  /// bidi override can hide in the output unescaped).
  static func escape(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { bytes in
      // Most text needs no escape: printable ASCII and the letters of other scripts.
      if !bytes.contains(where: Self.mayNeedEscape) {
        out.append(contentsOf: bytes)
      } else {
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
          escape(scalar, into: &out)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// A byte that is, or may start, a character `escape` writes as an escape: ASCII controls,
  /// quote, backslash, DEL, and the lead bytes of U+0080–U+009F (C2), U+061C (D8) and the
  /// bidi and separator marks of U+2000–U+20FF (E2).
  private static func mayNeedEscape(_ b: UInt8) -> Bool {
    b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xC2
      || b == 0xD8 || b == 0xE2
  }

  private static func escape(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
    switch scalar {
    case "\"": out.append(contentsOf: "\\\"".utf8)
    case "\\": out.append(contentsOf: "\\\\".utf8)
    case "\n": out.append(contentsOf: "\\n".utf8)
    case "\r": out.append(contentsOf: "\\r".utf8)
    case "\t": out.append(contentsOf: "\\t".utf8)
    default:
      if scalar.isControlOrBidi {
        let hex = String(scalar.value, radix: 16)
        out.append(contentsOf: "\\u".utf8)
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.count))
        out.append(contentsOf: hex.utf8)
      } else {
        out.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
  }
}
