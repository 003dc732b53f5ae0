/// A logical paragraph of a plan: wrapped lines joined, characters normalised, each character
/// mapped back to where it stands in the original file.
public struct Paragraph: Sendable {
  /// The normalised characters: half-width digits and letters, decoded garbled digits, Chinese
  /// punctuation （），；：！？, no white space except one space between two ASCII letters or digits.
  public var text: [Character]
  /// For each character of `text`, its position in the original file.
  public var origin: [SourcePosition]

  /// The 1-based line of the first character.
  public var firstLine: Int { origin.first?.line ?? 0 }

  /// The normalised text as a string.
  public var string: String { String(text) }
}

extension Paragraph {
  /// Normalises raw characters of joined lines (with their positions) into a paragraph.
  /// - Complexity: O(n).
  init(raw: [Character], origin: [SourcePosition]) {
    var chars = raw
    let lineStarts = Set(
      origin.indices.dropFirst().filter { origin[$0].line != origin[$0 - 1].line })
    GarbledDigits.decode(&chars, lineStarts: lineStarts)
    for k in chars.indices { chars[k] = Paragraph.normalized(chars[k], in: chars, at: k) }
    var text: [Character] = []
    var map: [SourcePosition] = []
    text.reserveCapacity(chars.count)
    map.reserveCapacity(chars.count)
    for (k, c) in chars.enumerated() {
      if c.isWhitespace {
        // Keep one space between two ASCII letters or digits ("Level 4"), drop the rest.
        guard let last = text.last, last.isASCII, last.isLetter || last.isNumber,
          let next = chars[(k + 1)...].first(where: { !$0.isWhitespace }),
          next.isASCII, next.isLetter || next.isNumber, last != " "
        else { continue }
        text.append(" ")
        map.append(origin[k])
        continue
      }
      text.append(c)
      map.append(origin[k])
    }
    self.text = text
    self.origin = map
  }

  /// One character in canonical form; `chars` gives the context for "," and ":".
  static func normalized(_ c: Character, in chars: [Character], at k: Int) -> Character {
    if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 {
      if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v)
        || (0xFF41...0xFF5A).contains(v)
      {
        return Character(Unicode.Scalar(v - 0xFEE0)!)
      }
      if v == 0x3000 { return " " }
    }
    switch c {
    case "％": return "%"
    case "．": return chars.neighbours(of: k, areDigits: true) ? "." : "。"
    case "＋": return "+"
    case "－", "–", "‐", "‑", "−": return "-"
    case "～", "〜": return "~"
    case "(": return "（"
    case ")": return "）"
    case ";": return "；"
    case "!": return "！"
    case "?": return "？"
    case ":": return "："
    case ",", "，":
      // A thousands separator stays: 1,402,345 (also typed with a full-width comma).
      let isGroup =
        k > 0 && chars[k - 1].isDigitLike
        && chars[(k + 1)...].prefix(3).count == 3
        && chars[(k + 1)...].prefix(3).allSatisfy(\.isDigitLike)
        && (k + 4 >= chars.count || !chars[k + 4].isDigitLike)
      return isGroup ? "," : "，"
    default: return c
    }
  }
}

extension Array where Element == Character {
  /// Whether the characters on both sides of `k` are ASCII digits.
  fileprivate func neighbours(of k: Int, areDigits: Bool) -> Bool {
    k > 0 && k + 1 < count && self[k - 1].isDigitLike && self[k + 1].isDigitLike
  }
}

extension Character {
  /// An ASCII or full-width digit.
  fileprivate var isDigitLike: Bool {
    isDigit || ("０"..."９").contains(self)
  }
}
