import Testing

@testable import PlanTrackExtract

@Suite("SourceText: lines and quotes cut across them")
struct SourceTextTests {
  @Test(
    "splits at LF, CRLF and CR",
    arguments: [
      ("甲\n乙\n丙", ["甲", "乙", "丙"]),
      ("甲\r\n乙\r\n丙", ["甲", "乙", "丙"]),
      ("甲\r乙\r丙", ["甲", "乙", "丙"]),
      ("甲\n乙\r\n丙\r丁", ["甲", "乙", "丙", "丁"]),
      ("甲\r\n\r\n乙", ["甲", "", "乙"]),
      ("甲\n\n\n乙", ["甲", "", "", "乙"]),
      ("甲\n", ["甲", ""]),
      ("", [""]),
    ])
  func splitsLines(text: String, expected: [String]) {
    let source = SourceText(text)
    #expect(source.lines.map { String($0) } == expected)
  }

  @Test func keepsTheCharactersOfALineAsWritten() {
    let source = SourceText("  达到 2.8 万家\t\r\n（牵头单位：省科技厅）")
    #expect(source.line(1) == "  达到 2.8 万家\t")
    #expect(source.line(2) == "（牵头单位：省科技厅）")
  }

  @Test(arguments: [0, 3, -1])
  func aLineOutsideTheTextIsEmpty(n: Int) {
    #expect(SourceText("甲\n乙").line(n) == "")
  }

  @Test func textWithinOneLineIsInclusiveAndKeepsInnerSpaces() {
    let source = SourceText("到 2025 年，达到 240 万辆。")
    let text = source.text(
      from: SourcePosition(line: 1, column: 9), through: SourcePosition(line: 1, column: 17))
    #expect(text == "达到 240 万辆")
  }

  @Test func textAcrossLinesDropsTheBreaksAndTheWhiteSpaceAtTheJoins() {
    let source = SourceText("  到2025年，全省新能源汽车  \r\n\u{3000} 保有量达到\t\n  240万辆。  ")
    let text = source.text(
      from: SourcePosition(line: 1, column: 2), through: SourcePosition(line: 3, column: 7))
    #expect(text == "到2025年，全省新能源汽车保有量达到240万辆。")
  }

  @Test func blankLinesBetweenTheEndsAddNothing() {
    let source = SourceText("全省高新技术   \n\n   \n企业达到2.8万家")
    let text = source.text(
      from: SourcePosition(line: 1, column: 0), through: SourcePosition(line: 4, column: 8))
    #expect(text == "全省高新技术企业达到2.8万家")
  }

  @Test func theEndBeforeTheStartGivesNothing() {
    let source = SourceText("甲乙丙\n丁戊")
    #expect(
      source.text(
        from: SourcePosition(line: 2, column: 0), through: SourcePosition(line: 1, column: 2))
        == "")
    #expect(
      source.text(
        from: SourcePosition(line: 1, column: 1), through: SourcePosition(line: 1, column: 1))
        == "乙")
  }
}
