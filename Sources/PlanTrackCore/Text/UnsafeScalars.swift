extension Unicode.Scalar {
  /// A control character (C0, DEL, C1), a line or paragraph separator, or a bidi control
  /// (embedding, override, isolate, mark): what must never reach a terminal, a cell of a
  /// report or a JSON string unescaped, since it can move the cursor or reorder text.
  public var isControlOrBidi: Bool {
    let v = value
    return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x200E || v == 0x200F
      || v == 0x061C
  }
}

extension StringProtocol {
  /// The text with each control character and bidi control written as a visible escape
  /// (`\u{1B}`), so that user input quoted in a message, a table or a report cannot move the
  /// cursor, change colours, break the line or reorder it.
  public var escapingControls: String {
    guard unicodeScalars.contains(where: \.isControlOrBidi) else { return String(self) }
    var out = ""
    for scalar in unicodeScalars {
      if scalar.isControlOrBidi {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
