import Foundation
import Testing

@testable import PlanTrackExtract

/// The text of a PDF as the rules see it: page furniture blanked, column tables as tab rows,
/// every line where it was on its page.
struct PlanPagesTests {
  static func lines(_ page: PlanPages) -> [String] {
    page.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Pages of a gazette: a running title alternating with the issue, page numbers in four
  /// styles, and body lines that must stay.
  static func gazette(pages: Int, number: (Int) -> String) -> [[String]] {
    (1...pages).map { p in
      [
        p % 2 == 0 ? "威海市人民政府公报" : "2023 年第 \(p) 期", "",
        "到2025年，全市5G基站达到\(p)万个。", "（牵头单位：市工业和信息化局）", "", number(p),
      ]
    }
  }

  /// Page-number styles: N is the page (plus the offset, for a gazette that starts at 37).
  static let numberStyles: [(String, Int)] = [
    ("— N —", 36), ("- N -", 0), ("第 N 页", 0), ("第N页 共8页", 0), ("N/8", 0), ("N", 36),
  ]

  @Test(arguments: numberStyles)
  func furnitureIsBlankedAndTheBodyStays(_ style: String, _ offset: Int) {
    let number = { (p: Int) in style.replacingOccurrences(of: "N", with: String(p + offset)) }
    let pages = PlanPages(pages: Self.gazette(pages: 8, number: number))
    let lines = Self.lines(pages)
    #expect(lines.count == 48, "\(style)")
    #expect(pages.furniture == 8 * 2, "\(style): \(lines)")
    for p in 0..<8 {
      #expect(lines[p * 6] == "" && lines[p * 6 + 5] == "", "\(style) page \(p + 1)")
      #expect(lines[p * 6 + 2] == "到2025年，全市5G基站达到\(p + 1)万个。", "\(style)")
      #expect(lines[p * 6 + 3] == "（牵头单位：市工业和信息化局）", "\(style)")
    }
    #expect(pages.pageStarts == stride(from: 1, to: 48, by: 6).map { $0 })
  }

  /// What must stay: a line at the top of two pages of ten, a number at the bottom of a page
  /// that does not count with the pages (a table's last cell), a lead-unit note that closes
  /// many pages (it ends in ）), and anything on fewer than three pages.
  @Test func bodyTextThatLooksLikeFurnitureStays() {
    var pages = (1...10).map { p in ["正文第\(p)段。", "（牵头单位：省科技厅）"] }
    pages[2].insert("附件", at: 0)
    pages[6].insert("附件", at: 0)
    pages[4].append("95")
    let lines = Self.lines(PlanPages(pages: pages))
    #expect(lines.filter { $0 == "附件" }.count == 2)
    #expect(lines.contains("95"))
    #expect(lines.filter { $0 == "（牵头单位：省科技厅）" }.count == 10)
    let two = PlanPages(pages: [["公报", "正文。"], ["公报", "正文。"]])
    #expect(Self.lines(two) == ["公报", "正文。", "公报", "正文。"])
  }

  /// Text after a table stays out of it, on its own lines: a heading and an indented
  /// paragraph, as `pdftotext -layout` lays them out under a table.
  @Test func textAfterATableStaysOutOfIt() {
    let page = [
      "指标            2020年     2025年     属性",
      "光纤宽带用户    120        200        预期性",
      "（万户）",
      "千兆用户        10         50         预期性",
      "（万户）",
      "",
      "三、主要任务",
      "    到2025年，全市千兆用户达到50万户，光纤宽带用户达到200万户。",
    ]
    let plan = PlanPages(pages: [page])
    let lines = Self.lines(plan)
    #expect(lines[1] == "光纤宽带用户（万户）\t120\t200\t预期性", "\(lines)")
    #expect(lines[6] == "三、主要任务" && lines[7] == page[7])
    let x = Extractor(year: 2021).extract(plan.text)
    #expect(x.candidates.filter { $0.line == 8 }.map(\.value) == [50, 200], "\(x.candidates)")
    #expect(x.candidates.filter { $0.line == 2 }.map(\.value) == [200])
  }

  /// A table whose header repeats at the top of every page keeps its header (it is not a
  /// running title) and its rows.
  @Test func aRepeatedTableHeaderIsNotFurniture() {
    let pages = (1...4).map { p in
      [
        "指标            2020年基础值    2025年目标值", "指标\(p)（家）     \(p)0              \(p)5", "",
        "正文第\(p)页。",
      ]
    }
    let plan = PlanPages(pages: pages)
    #expect(plan.furniture == 0)
    let x = Extractor(year: 2021).extract(plan.text)
    #expect(x.candidates.map(\.value) == [15, 25, 35, 45], "\(x.candidates)")
  }

  static let pageNumbers: [(String, Bool)] = [
    ("— 12 —", true), ("-3-", true), ("2021-2025", false), ("3-", false), ("第 5 页", true),
    ("第5页 共30页", true), ("5/30", true),
    ("Page 3", true), ("12", false), ("2023 年第 4 期", false), ("（3）", false),
    ("到2025年达到12家", false), ("— —", false),
  ]

  @Test(arguments: pageNumbers)
  func pageNumberStyles(_ line: String, _ isNumber: Bool) {
    #expect(PlanPages.isPageNumber(line) == isNumber, "\(line)")
  }

  static let places: [(Int, Int?, Int, String)] = [
    (1, 1, 1, "plan.pdf:p1:l1"), (6, 1, 6, "plan.pdf:p1:l6"), (7, 2, 1, "plan.pdf:p2:l1"),
    (20, 3, 8, "plan.pdf:p3:l8"),
  ]

  @Test(arguments: places)
  func aLineOfTheTextIsAPageAndALine(_ line: Int, _ page: Int?, _ onPage: Int, _ cited: String) {
    let source = PlanSource(file: "plan.pdf", pageStarts: [1, 7, 13])
    #expect(source.place(ofLine: line) == (page, onPage))
    #expect(source.citation(ofLine: line) == cited)
    #expect(PlanSource(file: "plan.txt").citation(ofLine: line) == "plan.txt:\(line)")
  }

  /// Pages 12–15 of seed 003 as LibreOffice prints it and `pdftotext -layout` reads it: the
  /// indicator table of 威海市建设国家创新型城市实施方案, its names wrapped over several lines,
  /// one row's name continued on the next page where the columns stand elsewhere, and a
  /// level row (国家级 2.8/省级 3.1) whose numbers come a line below its labels.
  @Test func aColumnTableBecomesTabRows() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/layout/s003-table.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    if pages.last == [""] { pages.removeLast() }
    let plan = PlanPages(pages: pages)
    let rows = Self.lines(plan).map {
      $0.split(separator: "\t").map { String($0).trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    func row(_ first: String) -> [String]? { rows.first { $0.contains(first) } }
    #expect(
      row("一级指标")
        == ["一级指标", "二级指标", "2020 年基础值", "2021 年基础值", "2023 年目标值", "2024 年目标值"])
    #expect(row("研发人员数（人）") == ["创新要素集聚能力", "1", "研发人员数（人）", "22154", "23000", "24000", "24500"])
    #expect(
      row("*8") == ["*8", "高新技术企业主营业务收入占规模以上工业企业收入比重（%）", "35.8", "40.2", "41", "42"])
    #expect(
      row("4")?.suffix(4)
        == ["国家级2.8/省级3.1", "国家级2.8/省级2.7", "国家级3.0/省级3.3", "国家级3.0/省级3.3"])
    #expect(row("省级")?.suffix(5) == ["省级", "66", "68", "80", "80"])
    #expect(row("9")?.dropFirst() == ["高新技术产业产值占规模以上工业总产值比重（%）", "60.13", "67.13", "67", "67"])
    // Running titles and page numbers are gone; the rows stay on their pages' lines.
    #expect(!plan.text.contains("公报") && !plan.text.contains("— 13 —"))
    let source = PlanSource(file: "p.pdf", pageStarts: plan.pageStarts)
    let line = try #require(rows.firstIndex { $0.contains("研发人员数（人）") }) + 1
    #expect(source.citation(ofLine: line) == "p.pdf:p2:l4")
    // And the indicator table reads its goals from them.
    let x = Extractor(year: 2023).extract(plan.text)
    let research = x.candidates.filter { $0.metric == "研发人员数" }
    #expect(research.map(\.value) == [24000, 24500] && research.allSatisfy { $0.unit == "人" })
    #expect(x.candidates.contains { $0.metric.hasPrefix("高新技术企业主营业务收入") && $0.unit == "%" })
  }

  static let segmentCases: [(String, [String])] = [
    ("一级指标   二级指标           2020 年", ["一级指标", "二级指标", "2020 年"]),
    ("    5G 基站  25 万个", ["5G 基站", "25 万个"]),
    ("到2025年，全市达到 25 万个。", ["到2025年，全市达到 25 万个。"]),
    ("", []),
  ]

  @Test(arguments: segmentCases)
  func cellsAreRunsApartByTwoSpaces(_ line: String, _ cells: [String]) {
    #expect(LayoutTable.segments(line).map(\.text) == cells)
  }
}
