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
