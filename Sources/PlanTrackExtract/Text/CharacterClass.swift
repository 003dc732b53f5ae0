/// Character tests used by the normaliser and the rules.
extension Character {
  /// A CJK unified ideograph (the basic block and extension A).
  var isHan: Bool {
    guard let v = unicodeScalars.first?.value, unicodeScalars.count == 1 else { return false }
    return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
  }

  /// An ASCII digit 0–9.
  var isDigit: Bool { isASCII && isNumber }

  /// An ASCII letter.
  var isLatinLetter: Bool { isASCII && isLetter }

  /// The value of an ASCII digit.
  var digitValue: Int? { isDigit ? wholeNumberValue : nil }

  /// A Chinese numeral used in item markers (一…十, 百, 零, 〇, 两).
  var isChineseNumeral: Bool { "一二三四五六七八九十百零〇两".contains(self) }

  /// Ends a sentence: 。！？；
  var endsSentence: Bool { "。！？；".contains(self) }
}
