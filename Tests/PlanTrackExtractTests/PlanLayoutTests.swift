import Testing

@testable import PlanTrackExtract

@Suite("PlanLayout: wrapped lines joined into paragraphs")
struct PlanLayoutTests {
  @Test func joinsLinesWrappedMidSentenceAndIgnoresBlankLines() {
    let lines = ["到 2025 年，全省高新技术", "", "", "企业达到 2.8 万家，科技型", "中小企业达到 4 万家。"]
    #expect(paragraphStrings(lines) == ["到2025年，全省高新技术企业达到2.8万家，科技型中小企业达到4万家。"])
    let p = PlanLayout.paragraphs(SourceText(lines.joined(separator: "\n")))
    #expect(p.map(\.firstLine) == [1])
    #expect(p.first?.origin.last?.line == 5)
  }

  @Test(
    "a sentence end, a semicolon or a colon closes the paragraph",
    arguments: ["。", "；", "：", "！", "？", ";", ":"])
  func closesAfterPunctuation(end: String) {
    let normalisedEnd = Paragraph.normalized(Character(end), in: [Character(end)], at: 0)
    let strings = paragraphStrings(["全省企业达到2万家" + end, "新增专精特新企业500家"])
    #expect(strings == ["全省企业达到2万家" + String(normalisedEnd), "新增专精特新企业500家"])
  }

  @Test(
    "how a text breaks its lines",
    arguments: [
      // Wrapped at 20 characters (40 columns): most lines that wide.
      (
        Array(repeating: "全省高新技术企业达到二万八千家科技型中小", count: 8) + ["企业达到四万家。", "新增专精特新企业五百家以上。"],
        PlanLayout.LineBreaks.wrapped(40)
      ),
      // A paragraph per line, of all widths.
      ((1...12).map { String(repeating: "新增", count: $0) + "。" }, .perParagraph),
      // Too few lines to tell.
      (["新增100张床位", "完成300户改造"], .unknown),
    ])
  func lineBreaks(lines: [String], expected: PlanLayout.LineBreaks) {
    #expect(PlanLayout.lineBreaks(SourceText(lines.joined(separator: "\n"))) == expected)
  }

  @Test func aShortLineEndsItsParagraphInWrappedText() {
    let full = "全省高新技术企业达到二万八千家科技型中小"
    let lines = [full, "企业达到四万家", full, full + "。"] + Array(repeating: full + "。", count: 8)
    let strings = paragraphStrings(lines)
    #expect(strings.first == full + "企业达到四万家")
    #expect(strings.dropFirst().first?.hasPrefix(full + full) == true)
  }

  @Test func pdfTextIsJoinedWhateverTheWidthOfItsLines() {
    let lines =
      ["组织开展50场以上产业链融链固", "链对接交流活动。"]
      + (1...10).map { String(repeating: "新增", count: $0 * 5) + "。" }
    let text = SourceText(lines.joined(separator: "\n"))
    #expect(PlanLayout.paragraphs(text).first?.string == "组织开展50场以上产业链融链固")
    #expect(PlanLayout.paragraphs(text, byWidth: false).first?.string == "组织开展50场以上产业链融链固链对接交流活动。")
  }

  @Test func aWebAddressAndATableRowEndWhereTheyStand() {
    let long = String(repeating: "推进新型基础设施建设", count: 8)
    let row = "2022年目标值\t" + String(repeating: "村综合性文化服务中心覆盖率98%\t", count: 3)
    let lines =
      [
        "# source: https://example.gov.cn/art/2023/7/11/" + String(repeating: "a", count: 70), row,
        long,
      ]
      + (1...8).map { String(repeating: "新增", count: $0 * 5) + "。" }
    let strings = paragraphStrings(lines)
    #expect(strings.count == 10, "\(strings)")
    #expect(strings.first?.hasSuffix("aaaa") == true)
    #expect(strings.dropFirst().first?.hasSuffix("覆盖率98%") == true)
  }

  @Test func aLineEndingWhereNoSentenceEndsGoesOn() {
    let lines =
      ["沿黄九市粮食产量稳定在", "760亿斤以上。"] + (1...10).map { String(repeating: "新增", count: $0 * 5) + "。" }
    #expect(paragraphStrings(lines).first == "沿黄九市粮食产量稳定在760亿斤以上。")
  }

  @Test func aCommaAtTheEndOfALineDoesNotCloseTheParagraph() {
    #expect(paragraphStrings(["全省企业达到2万家，", "新增500家。"]) == ["全省企业达到2万家，新增500家。"])
  }

  @Test func anItemMarkerOpensAParagraph() {
    let lines = [
      "主要任务如下", "第一章 总则", "一、总体要求", "（一）指导思想", "1.加快建设", "2、推进改造",
      "（1）培育企业", "①实施工程", "(2) 用 ASCII 括号", "3. 带空格", "4援 乱码的点",
    ]
    #expect(
      paragraphStrings(lines) == [
        "主要任务如下", "第一章总则", "一、总体要求", "（一）指导思想", "1.加快建设", "2、推进改造",
        "（1）培育企业", "①实施工程", "（2）用ASCII括号", "3.带空格", "4.乱码的点",
      ])
  }

  @Test func aDocumentNumberLineStandsAlone() {
    let lines = ["各有关单位的文件如下", "鲁政字〔2023〕155 号", "现将有关事项通知如下"]
    #expect(paragraphStrings(lines) == ["各有关单位的文件如下", "鲁政字〔2023〕155号", "现将有关事项通知如下"])
    let bracketed = ["山东省人民政府办公厅", "（威政办发〔2023〕5号）", "各区市人民政府"]
    #expect(paragraphStrings(bracketed) == ["山东省人民政府办公厅", "（威政办发〔2023〕5号）", "各区市人民政府"])
  }

  @Test func aTitleContinuedInParenthesesStaysOneParagraph() {
    let lines = [
      "山东省人民政府办公厅关于印发山东省", "新能源汽车产业发展行动计划",
      "（2023-2025年）", "鲁政办字〔2023〕5号", "各市人民政府，省政府各部门：",
    ]
    #expect(
      paragraphStrings(lines) == [
        "山东省人民政府办公厅关于印发山东省新能源汽车产业发展行动计划（2023-2025年）",
        "鲁政办字〔2023〕5号", "各市人民政府，省政府各部门：",
      ])
  }

  @Test func aLineEndingLikeATitleEndsItsParagraph() {
    let lines = ["威海市人民政府关于加快新能源汽车", "产业发展的实施意见", "各区市人民政府"]
    #expect(paragraphStrings(lines) == ["威海市人民政府关于加快新能源汽车产业发展的实施意见", "各区市人民政府"])
  }

  @Test(
    "a number wrapped over two lines stays in one paragraph",
    arguments: [
      ["全省企业达到 2.", "8 万家"],
      ["全省企业达到", "2.8 万家"],
      ["全省企业达到 2", ".8 万家"],
      ["全省企业达到 2.8", "万家"],
      ["全省企业达到 圆援", "愿 万家"],
    ])
  func wrappedNumber(lines: [String]) {
    #expect(paragraphStrings(lines) == ["全省企业达到2.8万家"])
  }

  @Test func aLeadNoteClosesItsItem() {
    let lines = ["企业达到2万家（牵头单位：省科技厅）", "新增专精特新企业500家"]
    #expect(paragraphStrings(lines) == ["企业达到2万家（牵头单位：省科技厅）", "新增专精特新企业500家"])
    // A parenthesis that names no unit does not.
    let plain = ["企业达到2万家（含分支机构）", "以上"]
    #expect(paragraphStrings(plain) == ["企业达到2万家（含分支机构）以上"])
  }

  @Test func skippedLinesCloseTheParagraphAndAreLeftOut() {
    let source = SourceText("全省企业\n表格行\n达到2万家")
    let p = PlanLayout.paragraphs(source, skipping: [2])
    #expect(p.map(\.string) == ["全省企业", "达到2万家"])
    #expect(p.map(\.firstLine) == [1, 3])
  }
}
