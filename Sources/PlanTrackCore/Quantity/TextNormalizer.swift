/// Normalises what people type or paste: full-width digits and punctuation, spaces.
public enum TextNormalizer {
  /// Maps full-width ASCII (U+FF01…U+FF5E) to ASCII and the ideographic space to a space.
  /// - Complexity: O(n) in the number of scalars.
  public static func halfWidth(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
      case 0x3000: out.append(" ")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// A unit as written, without spaces, with full-width `％` as `%`.
  static func unitText(_ s: String) -> String {
    halfWidth(s).filter { !$0.isWhitespace }
  }
}

extension String {
  /// The string without leading and trailing white space (including the ideographic space).
  public var trimmingWhitespace: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
