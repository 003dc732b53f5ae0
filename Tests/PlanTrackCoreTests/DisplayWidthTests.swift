import PlanTrackCore
import Testing

struct DisplayWidthTests {
  /// A string, its width with ambiguous characters narrow, and with them wide.
  struct WidthCase: Sendable, CustomTestStringConvertible {
    var text: String
    var narrow: Int
    var wide: Int
    var testDescription: String {
      "\(text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) })"
    }

    init(_ text: String, _ narrow: Int, _ wide: Int? = nil) {
      self.text = text
      self.narrow = narrow
      self.wide = wide ?? narrow
    }
  }

  static let widthCases: [WidthCase] = [
    // ASCII and empty
    WidthCase("", 0),
    WidthCase("abc", 3),
    WidthCase("2025", 4),
    // CJK ideographs, fullwidth forms and CJK punctuation
    WidthCase("新能源汽车", 10),
    WidthCase("（全角）", 8),
    WidthCase("２８０００", 10),
    WidthCase("、。「」", 8),
    WidthCase("鲁政字〔2023〕155号", 19),
    WidthCase("2025年达到240万辆", 17),
    WidthCase("5G基站", 6),
    // kana, halfwidth kana, Hangul (precomposed and conjoining jamo)
    WidthCase("カタカナ", 8),
    WidthCase("ｶﾀｶﾅ", 4),
    WidthCase("한국어", 6),
    WidthCase("\u{1100}\u{1161}\u{11A8}", 2),
    // East Asian Ambiguous: narrow by default, wide on request
    WidthCase("“引号”", 6, 8),
    WidthCase("①", 1, 2),
    WidthCase("█", 1, 2),
    WidthCase("·", 1, 2),
    WidthCase("—", 1, 2),
    WidthCase("…", 1, 2),
    WidthCase("★", 1, 2),
    WidthCase("αβγ", 3, 6),
    // combining marks and zero-width scalars
    WidthCase("e\u{301}", 1),
    WidthCase("e\u{301}\u{302}x", 2),
    WidthCase("\u{301}", 0),
    WidthCase("\u{200B}", 0),
    WidthCase("\u{FE0F}", 0),
    WidthCase("新\u{200B}能", 4),
    WidthCase("\u{AD}", 1, 2),  // soft hyphen: printed, as glibc says; East Asian Ambiguous
    // emoji
    WidthCase("👩‍💻", 2),
    WidthCase("👍🏽", 2),
    WidthCase("❤", 1),
    WidthCase("❤️", 2),
    WidthCase("1️⃣", 2),
    WidthCase("🇨🇳", 2),
    WidthCase("⌚", 2),
    WidthCase("进度👍正常", 10),
    // controls
    WidthCase("\t", 0),
    WidthCase("\n", 0),
    WidthCase("\r\n", 0),
    WidthCase("\u{7F}", 0),
    WidthCase("\u{85}", 0),
    WidthCase("a\tb\n", 2),
    // mixed
    WidthCase("NEV 保有量 ≥ 240 万辆", 21, 22),
    WidthCase("全省新能源汽车保有量增长 35%、达到 140 万辆", 43),
  ]

  @Test(arguments: widthCases)
  func stringWidth(_ example: WidthCase) {
    #expect(DisplayWidth.of(example.text) == example.narrow)
    #expect(DisplayWidth.of(example.text, ambiguousWide: true) == example.wide)
  }

  @Test(
    arguments: [
      ("新", 2), ("a", 1), ("e\u{301}", 1), ("👩‍💻", 2), ("\u{301}", 0), ("①", 1), ("\r\n", 0),
    ] as [(Character, Int)])
  func characterWidth(_ c: Character, expected: Int) {
    #expect(DisplayWidth.of(c) == expected)
  }

  @Test func substringWidth() {
    let text = "全省新能源汽车保有量"
    #expect(DisplayWidth.of(text.dropFirst(2)) == 16)
  }

  struct TruncateCase: Sendable {
    var text: String
    var width: Int
    var ellipsis = "…"
    var ambiguousWide = false
    var expected: String
  }

  static let truncateCases: [TruncateCase] = [
    .init(text: "新能源汽车保有量", width: 7, expected: "新能源…"),
    .init(text: "新能源汽车保有量", width: 8, expected: "新能源…"),  // 汽 would straddle
    .init(text: "新能源汽车保有量", width: 15, expected: "新能源汽车保有…"),
    .init(text: "新能源汽车保有量", width: 16, expected: "新能源汽车保有量"),
    .init(text: "新能源汽车保有量", width: 40, expected: "新能源汽车保有量"),
    .init(text: "新能源汽车保有量", width: 2, expected: "…"),
    .init(text: "新能源汽车保有量", width: 1, expected: "…"),
    .init(text: "新能源汽车保有量", width: 0, expected: ""),
    .init(text: "新能源汽车保有量", width: -3, expected: ""),
    .init(text: "", width: 5, expected: ""),
    .init(text: "abcdef", width: 4, expected: "abc…"),
    .init(text: "abc", width: 3, expected: "abc"),
    .init(text: "a新b", width: 3, expected: "a…"),
    .init(text: "a新b", width: 2, expected: "a…"),
    .init(text: "e\u{301}e\u{301}e\u{301}", width: 2, expected: "e\u{301}…"),
    .init(text: "👩‍💻👩‍💻", width: 3, expected: "👩‍💻…"),
    .init(text: "（全角）括号", width: 9, expected: "（全角）…"),
    .init(text: "新能源汽车", width: 6, ellipsis: "...", expected: "新..."),
    .init(text: "新能源汽车", width: 5, ellipsis: "", expected: "新能"),
    .init(text: "“引号”文本", width: 7, ambiguousWide: true, expected: "“引…"),
    // the ellipsis alone (2 columns when ambiguous is wide) does not fit: plain prefix
    .init(text: "a新", width: 1, ambiguousWide: true, expected: "a"),
  ]

  @Test(arguments: truncateCases)
  func truncate(_ example: TruncateCase) {
    let result = DisplayWidth.truncate(
      example.text, to: example.width, ellipsis: example.ellipsis,
      ambiguousWide: example.ambiguousWide)
    #expect(result == example.expected)
  }

  static let samples = [
    "新能源汽车保有量", "全省 5G 基站达到 20 万个", "（全角）２８０００", "e\u{301}新\u{301}👩‍💻🇨🇳a",
    "“引号”①█·", "abc", "",
  ]

  @Test(arguments: samples)
  func truncateKeepsWholeClustersAndFits(_ text: String) {
    let total = DisplayWidth.of(text)
    for width in 0...(total + 2) {
      let result = DisplayWidth.truncate(text, to: width)
      let measured = DisplayWidth.of(result)
      #expect(measured <= max(width, 0))
      if width >= total {
        #expect(result == text)
        continue
      }
      #expect(measured >= width - 1, "only a straddling wide character may be dropped")
      #expect(result.hasSuffix("…") || width == 0)
      let kept = result.dropLast(result.hasSuffix("…") ? 1 : 0)
      #expect(Array(text).starts(with: Array(kept)), "\(kept) is not a cluster prefix of \(text)")
    }
  }

  struct PadCase: Sendable {
    var text: String
    var width: Int
    var alignment: DisplayWidth.Alignment = .left
    var ambiguousWide = false
    var expected: String
  }

  static let padCases: [PadCase] = [
    .init(text: "新能源", width: 7, expected: "新能源 "),
    .init(text: "新能源", width: 7, alignment: .right, expected: " 新能源"),
    .init(text: "新能源", width: 9, alignment: .center, expected: " 新能源  "),
    .init(text: "新能源", width: 6, alignment: .center, expected: "新能源"),
    .init(text: "新能源汽车", width: 7, expected: "新能源…"),
    .init(text: "新能源汽车", width: 8, expected: "新能源… "),  // 汽 dropped, one space added
    .init(text: "新能源汽车", width: 8, alignment: .right, expected: " 新能源…"),
    .init(text: "新能源汽车", width: 0, expected: ""),
    .init(text: "新能源汽车", width: -1, expected: ""),
    .init(text: "abc", width: 5, alignment: .center, expected: " abc "),
    .init(text: "", width: 3, expected: "   "),
    .init(text: "e\u{301}", width: 3, alignment: .right, expected: "  e\u{301}"),
    .init(text: "“引号”", width: 7, expected: "“引号” "),
    .init(text: "“引号”", width: 7, ambiguousWide: true, expected: "“引… "),
    .init(text: "２８０００", width: 11, alignment: .center, expected: "２８０００ "),
  ]

  @Test(arguments: padCases)
  func pad(_ example: PadCase) {
    let result = DisplayWidth.pad(
      example.text, to: example.width, alignment: example.alignment,
      ambiguousWide: example.ambiguousWide)
    #expect(result == example.expected)
  }

  @Test(arguments: samples)
  func padGivesExactWidth(_ text: String) {
    for width in 0...(DisplayWidth.of(text) + 3) {
      for alignment in [DisplayWidth.Alignment.left, .right, .center] {
        let result = DisplayWidth.pad(text, to: width, alignment: alignment)
        #expect(DisplayWidth.of(result) == width, "\(alignment) \(width): \(result)")
      }
    }
  }
}
