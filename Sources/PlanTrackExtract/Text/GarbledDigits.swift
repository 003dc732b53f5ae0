/// The digits of a broken PDF font: 园员圆猿源缘远苑愿怨 stand for 0–9 and 援 for ".".
///
/// The same characters are common words (资源, 园区, 人员), so a run is decoded only where it
/// must be a number: next to a real digit, around a 援 point, or standing alone between spaces
/// and punctuation ("年 缘 月", "圆园圆源 年").
enum GarbledDigits {
  static let digits: [Character: Character] = [
    "园": "0", "员": "1", "圆": "2", "猿": "3", "源": "4", "缘": "5", "远": "6", "苑": "7",
    "愿": "8", "怨": "9", "援": ".",
  ]

  /// Characters that may follow a number directly: scales and the first characters of units.
  static let unitStarts: Set<Character> = Set("万亿千百十个家项座所条处台辆户人名次场年月日号%米吨元亩倍套批张件")

  /// Decodes garbled digits in place. The count of characters never changes.
  /// - Complexity: O(n).
  /// `lineStarts` are the indices where a joined line begins: the character before them is
  /// not context, since the PDF broke the line there.
  static func decode(_ chars: inout [Character], lineStarts: Set<Int> = []) {
    var i = 0
    while i < chars.count {
      guard isRunCharacter(chars[i]) else {
        i += 1
        continue
      }
      var j = i
      while j < chars.count, isRunCharacter(chars[j]) { j += 1 }
      decodeRun(&chars, i..<j, opensLine: lineStarts.contains(i))
      i = j
    }
  }

  private static func isRunCharacter(_ c: Character) -> Bool {
    c.isDigit || c == "." || digits[c] != nil
  }

  private static func decodeRun(_ chars: inout [Character], _ run: Range<Int>, opensLine: Bool) {
    let garbled = run.filter { digits[chars[$0]] != nil }
    guard !garbled.isEmpty else { return }
    let before: Character? = run.lowerBound > 0 ? chars[run.lowerBound - 1] : nil
    let after: Character? = run.upperBound < chars.count ? chars[run.upperBound] : nil
    // A run that opens a wrapped line ("…达到" / "圆源园 万辆") has no context before it; it
    // must then be followed by a space or a unit, or be longer than one character (人 / 员，).
    let trusted =
      run.count >= 2 || after.map { $0.isWhitespace || unitStarts.contains($0) } ?? false
    let hanBefore = opensLine ? !trusted : (before?.isHan ?? false)
    let hanAfter = after.map { $0.isHan && !unitStarts.contains($0) } ?? false
    let hasDigit = run.contains { chars[$0].isDigit }
    let hasPoint = run.dropFirst().dropLast().contains { chars[$0] == "援" }
    let decode: Bool
    if hasDigit {
      // "1援远", "4援": the garbled part touches a real digit; but not "资源10" or "5园区".
      decode =
        !(hanBefore && digits[chars[run.lowerBound]] != nil)
        && !(hanAfter && digits[chars[run.upperBound - 1]] != nil
          && chars[run.upperBound - 1] != "援")
    } else if hasPoint {
      decode = !hanBefore || !hanAfter
    } else {
      decode = !hanBefore && !hanAfter
    }
    guard decode else { return }
    for k in garbled { chars[k] = digits[chars[k]]! }
  }
}
