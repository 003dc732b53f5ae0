/// Names the measured thing of a goal from the words around its number.
///
/// "力争全省高新技术企业达到2.8万家" → 全省高新技术企业 (before the number, without 力争 and 达到);
/// "建设2000个以上智慧社区" → 智慧社区 (a counted noun after the number); a 、-list shared by
/// several numbers is split: "原油、天然气产量分别达到2100万吨、5亿立方米" → 原油产量, 天然气产量.
enum SubjectRules {
  /// The subject before the number in `t[range]`, cleaned of fillers, deadlines and links.
  static func before(_ t: [Character], _ range: Range<Int>) -> String {
    var s = String(t[range])
    var changed = true
    while changed {
      changed = false
      if let cut = leadingTime(s) {
        s = String(s.dropFirst(cut))
        changed = true
      }
      for f in Lexicon.subjectFillers where s.hasPrefix(f) {
        s = String(s.dropFirst(f.count))
        changed = true
      }
      for link in Lexicon.subjectLinks where s.hasSuffix(link) {
        s = String(s.dropLast(link.count))
        changed = true
      }
      while let last = s.last, "、，：和及与的".contains(last) {
        s.removeLast()
        changed = true
      }
      while let first = s.first, "、，：）".contains(first) {
        s.removeFirst()
        changed = true
      }
    }
    return s
  }

  /// The topic of a clause without numbers that says where something is heading, for the
  /// goal in the clause after it: "全行业收入稳步增长" → 全行业收入. Nil when the clause has a
  /// number or says no trend.
  static func topic(_ t: [Character], _ clause: Range<Int>) -> String? {
    guard !t[clause].contains(where: \.isDigit) else { return nil }
    var s = String(t[clause])
    while let last = s.last, "，。；：、".contains(last) { s.removeLast() }
    guard let trend = Lexicon.trendPhrases.first(where: { s.hasSuffix($0) }) else { return nil }
    s = String(s.dropLast(trend.count))
    s = before(Array(s), 0..<s.count)
    guard (2...20).contains(s.count), s.contains(where: \.isHan) else { return nil }
    return s
  }

  /// The counted noun after a number: "个以上智慧社区，" → 智慧社区.
  static func after(_ t: [Character], from i: Int, to end: Int) -> String {
    var j = i
    if j < end, t[j] == "的" { j += 1 }
    var s: [Character] = []
    var depth = 0
    while j < end {
      let c = t[j]
      if c == "（" { depth += 1 }
      if c == "）" { depth -= 1 }
      if depth == 0, "、，。；：".contains(c) { break }
      if depth == 0, c == "等", s.count >= 2 { break }
      // The next number of a list: "10家园区和100家企业".
      if c.isDigit || ("和及与".contains(c) && j + 1 < end && t[j + 1].isDigit) { break }
      s.append(c)
      j += 1
      if s.count >= 24 { break }
    }
    return String(s)
  }

  /// The length of a leading deadline such as 到2025年, 2023年底前, 年底前.
  private static func leadingTime(_ s: String) -> Int? {
    let t = Array(s)
    var i = 0
    if t.first == "到" || t.first == "至" || t.first == "在" { i = 1 }
    let digits = t[i...].prefix { $0.isDigit }.count
    guard digits == 4, i + 4 < t.count, t[i + 4] == "年" else { return nil }
    var j = i + 5
    for word in ["年底前", "底前", "年底", "末", "底", "前", "内"] where s.dropFirst(j).hasPrefix(word) {
      j += word.count
      break
    }
    if j < t.count, t[j] == "，" { j += 1 }
    return j
  }

  /// Splits a list subject over `n` numbers: "公共、居民充电基础设施" with 2 numbers →
  /// 公共充电基础设施, 居民充电基础设施. Returns nil when the list does not have `n` parts.
  static func distribute(_ subject: String, over n: Int) -> [String]? {
    guard n > 1 else { return nil }
    var prefix = ""
    var body = subject
    // A verb before the list ("新增国家、省…") belongs to every part.
    for verb in Lexicon.incrementVerbs where body.hasPrefix(verb) && verb.count >= 2 {
      prefix = verb
      body = String(body.dropFirst(verb.count))
      break
    }
    let parts = body.split(whereSeparator: { $0 == "、" || $0 == "和" }).map(String.init)
    guard parts.count == n, let last = parts.last else { return nil }
    var head = ""
    // "国家、省技术创新示范企业": the last part's level word is its modifier.
    for level in ["国家级", "省级", "市级", "县级", "区级", "国家", "省", "市", "县", "区"]
    where last.hasPrefix(level) && last.count > level.count + 1 {
      head = String(last.dropFirst(level.count))
      break
    }
    if head.isEmpty,
      let noun = Lexicon.headNouns.first(where: { last.hasSuffix($0) && last.count > $0.count })
    {
      head = noun
    }
    if head.isEmpty, let first = parts.first, first.count < last.count {
      head = String(last.dropFirst(first.count))
    }
    return parts.map { part in
      prefix + (part.hasSuffix(head) || head.isEmpty ? part : part + head)
    }
  }
}
