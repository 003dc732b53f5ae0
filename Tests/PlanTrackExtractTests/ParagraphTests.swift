import Testing

@testable import PlanTrackExtract

@Suite("Paragraph: normalised characters mapped to the original file")
struct ParagraphTests {
  private func normalised(_ line: String) -> String {
    paragraphStrings([line]).joined(separator: "|")
  }

  @Test(
    "full-width digits, letters, ％ and （） become canonical",
    arguments: [
      ("达到１２．５％", "达到12.5%"),
      ("（一）建成５Ｇ基站", "（一）建成5G基站"),
      ("ｋＷｈ", "kWh"),
      ("１０－１５％", "10-15%"),
      ("３～５家", "3~5家"),
      ("达到１０．", "达到10。"),
    ])
  func fullWidthForms(raw: String, expected: String) {
    #expect(normalised(raw) == expected)
  }

  @Test(
    "ASCII punctuation becomes Chinese punctuation",
    arguments: [
      ("(1)加快建设", "（1）加快建设"),
      ("甲,乙;丙:丁", "甲，乙；丙：丁"),
      ("好!真的?", "好！真的？"),
      ("（牵头单位:省科技厅）", "（牵头单位：省科技厅）"),
    ])
  func asciiPunctuation(raw: String, expected: String) {
    #expect(normalised(raw) == expected)
  }

  @Test(
    "a thousands separator stays, a comma between numbers does not",
    arguments: [
      ("常住人口1,402,345人", "常住人口1,402,345人"),
      ("常住人口1，402，345人", "常住人口1,402,345人"),
      ("分别为1,2和3", "分别为1，2和3"),
      ("2023,2024年", "2023，2024年"),
      ("达到12,5000", "达到12，5000"),
    ])
  func thousandsSeparator(raw: String, expected: String) {
    #expect(normalised(raw) == expected)
  }

  @Test(
    "white space is dropped except one space between ASCII letters or digits",
    arguments: [
      ("达到 2.8 万家", "达到2.8万家"),
      ("到 2025 年 ， 全省", "到2025年，全省"),
      ("Level 4 自动驾驶", "Level 4自动驾驶"),
      ("Level    4", "Level 4"),
      ("A\u{3000}B", "A B"),
      ("全\u{3000}省", "全省"),
      ("年 缘 月", "年5月"),
    ])
  func whiteSpace(raw: String, expected: String) {
    #expect(normalised(raw) == expected)
  }

  @Test func everyCharacterMapsToItsLineAndColumn() throws {
    let text = "  达到 １２\n\n  万家 。"
    let source = SourceText(text)
    let paragraphs = PlanLayout.paragraphs(source)
    try #require(paragraphs.count == 1)
    let p = paragraphs[0]
    #expect(p.string == "达到12万家。")
    #expect(
      p.origin.map { [$0.line, $0.column] } == [
        [1, 2], [1, 3], [1, 5], [1, 6], [3, 2], [3, 3], [3, 5],
      ])
    #expect(p.firstLine == 1)
  }

  @Test func theOriginOfEveryCharacterHoldsThatCharacterBeforeNormalising() throws {
    let text = """
      到 2025 年，全省新能源汽车保有量达到 圆源园 万
        辆，公共、居民充电基础设施分别达到１８万台和
      ９０万台以上。（牵头单位:省发展改革委）
      """
    let source = SourceText(text)
    for p in PlanLayout.paragraphs(source) {
      #expect(p.text.count == p.origin.count)
      for (c, at) in zip(p.text, p.origin) {
        let original = source.lines[at.line - 1][at.column]
        var expected = [original]
        GarbledDigits.decode(&expected)
        let same =
          original == c || expected[0] == c
          || Paragraph.normalized(original, in: [original], at: 0) == c
        #expect(same, "\(c) at \(at.line):\(at.column) is \(original)")
      }
    }
    let p = PlanLayout.paragraphs(source)
    #expect(
      p.map(\.string) == ["到2025年，全省新能源汽车保有量达到240万辆，公共、居民充电基础设施分别达到18万台和90万台以上。（牵头单位：省发展改革委）"])
    let first = try #require(p.first)
    let k = try #require(first.text.firstIndex(of: "9"))
    #expect(first.origin[k] == SourcePosition(line: 3, column: 0))
    let g = try #require(first.text.firstIndex(of: "4"))
    #expect(first.origin[g] == SourcePosition(line: 1, column: 23))
  }

  @Test func garbledDigitsThatOpenAWrappedLineAreDecoded() {
    #expect(paragraphStrings(["全省新能源汽车保有量达到", "圆源园 万辆。"]) == ["全省新能源汽车保有量达到240万辆。"])
  }

  @Test func aWordBrokenAcrossLinesIsNotReadAsADigit() {
    // 人员 split after 人: the 员 opens a line but is one character before punctuation.
    #expect(paragraphStrings(["培训执法人", "员，提升能力。"]) == ["培训执法人员，提升能力。"])
    #expect(paragraphStrings(["新能", "源汽车下乡。"]) == ["新能源汽车下乡。"])
  }

  @Test func initFromRawCharactersKeepsOriginsOfKeptCharacters() {
    let raw = Array("达 到 ２")
    let origin = raw.indices.map { SourcePosition(line: 7, column: $0 + 10) }
    let p = Paragraph(raw: raw, origin: origin)
    #expect(p.string == "达到2")
    #expect(p.origin.map(\.column) == [10, 12, 14])
    #expect(p.firstLine == 7)
  }
}
