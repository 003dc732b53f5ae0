/// A number with its unit in a paragraph: "2.8万家以上", "1-2家", "10%左右".
struct QuantityMention: Equatable, Sendable {
  /// Index of the first digit in the paragraph text.
  var start: Int
  /// Index after the unit (and after a comparator suffix such as 以上, when there is one).
  var end: Int
  /// Index after the unit, before any suffix.
  var unitEnd: Int
  var value: Double
  var valueMax: Double?
  /// Scale and unit as written: 万家, %, 亿元.
  var unit: String
  var unitClass: Lexicon.UnitClass
  /// A per-unit measure such as 元/吨 or 蒸吨/小时.
  var perUnit: Bool
  /// The comparator a suffix (以上, 以内, 左右) or an infix (余, 多) gives.
  var suffix: CandidateComparator?
}

/// Finds numbers with units in normalised paragraph text.
enum QuantityScanner {
  /// Every number with a unit in `text`; years (2025年), dates (6月), ordinals (第3), and numbers
  /// inside Latin names (5G, HG30, 4A) are not quantities.
  /// - Complexity: O(n · u) for u units.
  static func mentions(in text: [Character]) -> [QuantityMention] {
    var result: [QuantityMention] = []
    var i = 0
    while i < text.count {
      guard text[i].isDigit, i == 0 || !isNumberPart(text[i - 1]) else {
        i += 1
        continue
      }
      if let m = mention(at: i, in: text) {
        result.append(m)
        i = m.end
      } else {
        while i < text.count, isNumberPart(text[i]) { i += 1 }
      }
    }
    return result
  }

  private static func isNumberPart(_ c: Character) -> Bool {
    c.isDigit || c == "." || c == "," || c.isLatinLetter
  }

  /// Reads a decimal number at `i`: digits, thousands separators, one point.
  static func number(at i: Int, in t: [Character]) -> (value: Double, end: Int)? {
    var j = i
    var digits = ""
    while j < t.count {
      if t[j].isDigit {
        digits.append(t[j])
        j += 1
      } else if t[j] == ",", j + 3 < t.count,
        t[(j + 1)..<(j + 4)].allSatisfy(\.isDigit), !digits.contains(".")
      {
        j += 1
      } else if t[j] == ".", !digits.contains("."), j + 1 < t.count, t[j + 1].isDigit {
        digits.append(".")
        j += 1
      } else {
        break
      }
    }
    guard !digits.isEmpty, let v = Double(digits) else { return nil }
    return (v, j)
  }

  private static func mention(at i: Int, in t: [Character]) -> QuantityMention? {
    if i > 0, t[i - 1] == "第" { return nil }
    guard let (first, numberEnd) = number(at: i, in: t) else { return nil }
    var value = first
    var j = numberEnd
    var valueMax: Double?
    var percentFirst = false
    // 10%-15%: a percent on the lower end of a range.
    if j < t.count, t[j] == "%", j + 1 < t.count, "-~—至到".contains(t[j + 1]) {
      percentFirst = true
      j += 1
    }
    // A range: 1-2家, 3至5个, 0.6—0.8名.
    if j + 1 < t.count, "-~—至到".contains(t[j]), t[j + 1].isDigit,
      let (upper, k) = number(at: j + 1, in: t), upper > value
    {
      valueMax = upper
      j = k
    } else if percentFirst {
      j -= 1
    }
    // Years and dates are not quantities.
    if j < t.count {
      let next = t[j]
      if next == "年", valueMax == nil ? (1900...2100).contains(value) : value >= 1900 {
        return nil
      }
      if next == "月" || next == "号" { return nil }
      if next == "日", i > 0, t[i - 1] == "月" { return nil }
    }
    // A Latin letter right after the number: a name (5G, 4A级) unless it is a Latin unit.
    var suffix: CandidateComparator?
    if j < t.count, t[j] == "余" || t[j] == "多" {
      suffix = .atLeast
      j += 1
    }
    var unit = ""
    for s in Lexicon.scales where t.hasPrefix(s, at: j) {
      unit = s
      j += s.count
      break
    }
    if j < t.count, unit.isEmpty == false, t[j] == "余" || t[j] == "多" {
      suffix = .atLeast
      j += 1
    }
    var unitClass: Lexicon.UnitClass?
    for (u, c) in Lexicon.units where t.hasPrefix(u, at: j) {
      let after = j + u.count
      if u.first!.isLatinLetter, after < t.count, t[after].isLatinLetter { continue }
      unit += u
      unitClass = c
      j = after
      break
    }
    // (A time of day, 17：01, has a second term of two digits from 0.)
    if unitClass == nil, unit.isEmpty, j + 1 < t.count, t[j] == "：", t[j + 1].isDigit,
      !(t[j + 1] == "0" && j + 2 < t.count && t[j + 2].isDigit),
      let (second, k) = number(at: j + 1, in: t), k == t.count || !isNumberPart(t[k])
    {
      if second == 1 {
        // 0.8：1, a ratio: the first term is its value.
        unitClass = .ratio
        j = k
      } else if value == 1 {
        // 医护比不低于1：1.2: the second term is its value.
        unitClass = .ratio
        value = second
        j = k
      }
    }
    if unitClass == nil, i > 0, Self.namesWhatIsCounted(before: i, in: t) {
      // 用户数超过5.6亿, 融合发展指数达到125: the measure is named before the number.
      unitClass = .count
    }
    guard let unitClass else { return nil }
    // 20亿级项目, 百万吨级: a grade of what is counted, not a count of grades.
    if unit.hasSuffix("级"), Lexicon.scales.contains(where: { unit.hasPrefix($0) }) { return nil }
    if i > 0, t[i - 1].isLatinLetter { return nil }
    if j < t.count, t[j].isLatinLetter, unitClass != .measure { return nil }
    // A measure per unit of another: 80元/吨, 300克标煤/千瓦时, 0.5吨标准煤/万元. Its unit keeps
    // both parts.
    var perUnit = false
    var slash = j
    while slash < t.count, slash - j < 3, t[slash].isHan { slash += 1 }
    if slash + 1 < t.count, t[slash] == "/", t[slash + 1].isHan || t[slash + 1].isLatinLetter {
      perUnit = true
      let unitPart = j
      j = slash + 1
      // The denominator: a scale and a unit (万元, 千瓦时), else a word of at most two characters.
      if let s = Lexicon.scales.first(where: { t.hasPrefix($0, at: j) }) { j += s.count }
      if let (u, _) = Lexicon.units.first(where: { t.hasPrefix($0.0, at: j) }) {
        j += u.count
      } else {
        let limit = j + 2
        while j < min(limit, t.count), t[j].isHan || t[j].isLatinLetter { j += 1 }
      }
      unit += String(t[unitPart..<j])
    }
    let unitEnd = j
    for (word, comparator) in Lexicon.suffixComparators where t.hasPrefix(word, at: j) {
      suffix = comparator
      j += word.count
      break
    }
    if valueMax != nil { suffix = .range }
    // (but 突破500亿大关: the mark a measure passes.)
    if unit.isEmpty, unitClass == .count, j < t.count, t[j].isHan, !"，。；、和及".contains(t[j]),
      !t.hasPrefix("大关", at: j)
    {
      return nil  // a bare number followed by words is not a measure's value
    }
    return QuantityMention(
      start: i, end: j, unitEnd: unitEnd, value: value, valueMax: valueMax,
      unit: unitClass == .ratio ? "" : unit, unitClass: unitClass, perUnit: perUnit,
      suffix: suffix)
  }

  /// Whether the words right before `i` name a measure and reach for its value: 用户数超过,
  /// 融合发展指数达到, 人口规模突破 — so a number without a unit there is that measure's value.
  static func namesWhatIsCounted(before i: Int, in t: [Character]) -> Bool {
    let before = String(t[max(0, i - 10)..<i])
    let verbs = ["提高到", "提高至", "提升到", "提升至", "超过", "达到", "突破", "达", "超", "逾"]
    for verb in verbs where before.hasSuffix(verb) {
      var subject = before.dropLast(verb.count)
      for filler in ["力争", "确保", "争取"] where subject.hasSuffix(filler) {
        subject = subject.dropLast(filler.count)
      }
      return ["数", "量", "指数", "系数", "规模", "人口", "总数"].contains { subject.hasSuffix($0) }
    }
    return false
  }
}

extension Array where Element == Character {
  /// Whether `word` stands at index `i`.
  func hasPrefix(_ word: String, at i: Int) -> Bool {
    var k = i
    for c in word {
      guard k < count, self[k] == c else { return false }
      k += 1
    }
    return true
  }

  /// The index where `word` last starts in `range`, if anywhere.
  func lastIndex(of word: String, in range: Range<Int>) -> Int? {
    let n = word.count
    guard n > 0, range.count >= n else { return nil }
    var k = range.upperBound - n
    while k >= range.lowerBound {
      if hasPrefix(word, at: k) { return k }
      k -= 1
    }
    return nil
  }

  /// Whether `word` occurs in `range`.
  func contains(_ word: String, in range: Range<Int>) -> Bool {
    lastIndex(of: word, in: range) != nil
  }
}
