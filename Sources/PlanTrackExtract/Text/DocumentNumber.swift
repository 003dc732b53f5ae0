/// A document number (文号) such as 鲁政办字〔2023〕5号: issuer code, year, serial.
struct DocumentNumber: Equatable, Sendable {
  /// The number as written, without spaces: 鲁政办字〔2023〕5号.
  let text: String
  /// The issuer code before the year: 鲁政办字.
  let code: String
  /// The year in the brackets.
  let year: Int
  /// The serial number.
  let serial: Int

  /// Finds a document number anywhere in `chars` (raw or normalised).
  static func find(in chars: some Collection<Character>) -> DocumentNumber? {
    span(in: Array(chars.filter { !$0.isWhitespace }))?.number
  }

  /// The first document number in `s` (without white space) and the range it takes.
  private static func span(in s: [Character]) -> (number: DocumentNumber, range: Range<Int>)? {
    for (k, c) in s.enumerated() where "〔［[【".contains(c) {
      guard k + 6 < s.count else { continue }
      let year = s[(k + 1)...].prefix { $0.isDigit }
      guard year.count == 4, let y = Int(String(year)), (1949...2100).contains(y) else { continue }
      let close = k + 5
      guard close < s.count, "〕］]】".contains(s[close]) else { continue }
      let serialDigits = s[(close + 1)...].prefix { $0.isDigit }
      let end = close + 1 + serialDigits.count
      guard !serialDigits.isEmpty, end < s.count, s[end] == "号",
        let serial = Int(String(serialDigits))
      else { continue }
      var start = k
      while start > 0, s[start - 1].isHan, k - start < 8 { start -= 1 }
      guard start < k else { continue }
      let code = String(s[start..<k])
      let number = DocumentNumber(
        text: code + "〔\(y)〕\(serial)号", code: code, year: y, serial: serial)
      return (number, start..<(end + 1))
    }
    return nil
  }

  /// Whether a raw line is a document number standing alone (the line under a title), not a
  /// citation inside a sentence nor an entry of a table of contents with its page number.
  static func isNumberLine(_ line: some Collection<Character>) -> Bool {
    let s = Array(line.filter { !$0.isWhitespace })
    guard s.count <= 24, let (_, range) = span(in: s) else { return false }
    return (s[..<range.lowerBound] + s[range.upperBound...]).allSatisfy { "（）()".contains($0) }
  }
}
