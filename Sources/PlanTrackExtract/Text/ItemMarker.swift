/// The numbering that opens an item of a plan, and its depth in the outline.
///
/// `第一章` 0, `一、` 1, `（一）` 2, `1.` / `1、` 3, `（1）` 4, `①` 5.
struct ItemMarker: Equatable, Sendable {
  /// Depth in the outline; smaller is higher.
  let level: Int
  /// Characters the marker takes at the start of the paragraph.
  let length: Int

  /// The marker at the start of normalised text, if any.
  static func at(_ t: ArraySlice<Character>) -> ItemMarker? {
    let s = Array(t.prefix(12))
    guard let first = s.first else { return nil }
    if first == "第" {
      let n = s.dropFirst().prefix { $0.isChineseNumeral || $0.isDigit }.count
      if n > 0, n + 1 < s.count, "章节条部".contains(s[n + 1]) {
        return ItemMarker(level: 0, length: n + 2 + (s[n + 1] == "部" ? 1 : 0))
      }
      return nil
    }
    if first.isChineseNumeral {
      let n = s.prefix { $0.isChineseNumeral }.count
      if n < s.count, s[n] == "、" { return ItemMarker(level: 1, length: n + 1) }
      return nil
    }
    if first == "（" {
      let inner = s.dropFirst()
      let n = inner.prefix { $0.isChineseNumeral }.count
      if n > 0, n + 1 < s.count, s[n + 1] == "）" { return ItemMarker(level: 2, length: n + 2) }
      let d = inner.prefix { $0.isDigit }.count
      if d > 0, d <= 2, d + 1 < s.count, s[d + 1] == "）" {
        return ItemMarker(level: 4, length: d + 2)
      }
      return nil
    }
    if first.isDigit {
      let d = s.prefix { $0.isDigit }.count
      guard d <= 3, d < s.count else { return nil }
      let sep = s[d]
      let next: Character? = d + 1 < s.count ? s[d + 1] : nil
      if sep == "、" || (sep == "." || sep == "。") && !(next?.isDigit ?? false) {
        return ItemMarker(level: 3, length: d + 1)
      }
      return nil
    }
    if ("①"..."⑳").contains(first) { return ItemMarker(level: 5, length: 1) }
    return nil
  }

  /// Whether a raw (not yet normalised) line opens with a marker: full-width digits, a garbled
  /// point (`4援`), ASCII parentheses and spaces are allowed.
  static func opensRawLine(_ line: ArraySlice<Character>) -> Bool {
    var chars = Array(line.drop { $0.isWhitespace }.prefix(14))
    GarbledDigits.decode(&chars)
    for k in chars.indices { chars[k] = Paragraph.normalized(chars[k], in: chars, at: k) }
    return at(ArraySlice(chars.filter { !$0.isWhitespace })) != nil
  }
}
