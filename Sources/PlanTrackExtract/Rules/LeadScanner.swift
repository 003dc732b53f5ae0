/// Finds the lead units (牵头单位) an item names.
///
/// Plans name them as （牵头单位：省科技厅、省工业和信息化厅，参与单位：…）, （责任单位：…）,
/// （省大数据局牵头，…配合）, or （省政府办公厅、省发展改革委按职责分工负责）. When an item names both
/// 牵头 and 责任 units, the 牵头 ones lead.
enum LeadScanner {
  /// The lead units named in `text`, in order, without repeats.
  static func leads(in text: [Character]) -> [String] {
    var lead: [String] = []
    var responsible: [String] = []
    for label in ["牵头单位：", "牵头部门：", "牵头单位:", "牵头："] {
      lead += listsAfter(label, in: text)
    }
    for label in ["责任单位：", "责任部门：", "责任单位:", "主责单位：", "负责单位："] {
      responsible += listsAfter(label, in: text)
    }
    if lead.isEmpty { lead = parenthesised(in: text) }
    return unique(lead.isEmpty ? responsible : lead)
  }

  /// The units listed after each occurrence of `label`, up to 参与/配合 or the end of the note.
  private static func listsAfter(_ label: String, in t: [Character]) -> [String] {
    var result: [String] = []
    var i = 0
    while i < t.count {
      guard t.hasPrefix(label, at: i) else {
        i += 1
        continue
      }
      var j = i + label.count
      var segment: [Character] = []
      while j < t.count, !"）；。：".contains(t[j]) {
        if t.hasPrefix("参与", at: j) || t.hasPrefix("配合", at: j) || t.hasPrefix("协办", at: j) {
          break
        }
        segment.append(t[j])
        j += 1
      }
      result += split(segment)
      i = j
    }
    return result
  }

  /// Units in a parenthesised note ending with 牵头 or 按职责分工负责 / 负责.
  private static func parenthesised(in t: [Character]) -> [String] {
    var result: [String] = []
    var i = 0
    while let open = t[i...].firstIndex(of: "（") {
      guard let close = t[open...].firstIndex(of: "）") else { break }
      let inner = Array(t[(open + 1)..<close])
      i = close + 1
      guard inner.count <= 120 else { continue }
      if let k = inner.lastIndex(of: "牵头", in: 0..<inner.count) {
        result += split(Array(inner[..<k]))
      } else {
        for ending in ["按职责分工负责", "按照职责分工负责", "分工负责", "负责"]
        where String(inner).hasSuffix(ending) {
          result += split(Array(inner.dropLast(ending.count)))
          break
        }
      }
    }
    return result
  }

  private static func split(_ segment: [Character]) -> [String] {
    String(segment).split(whereSeparator: { "、，,".contains($0) }).map {
      var s = String($0).trimmingWhitespace
      if s.hasSuffix("等") { s.removeLast() }
      return s
    }.filter { !$0.isEmpty && $0.count <= 30 }
  }

  private static func unique(_ list: [String]) -> [String] {
    var seen = Set<String>()
    return list.filter { seen.insert($0).inserted }
  }
}
