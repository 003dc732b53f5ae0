import PlanTrackCore
import Testing

@testable import PlanTrackExtract

@Suite("DeadlineScanner: deadlines, past figures and yearly quotas")
struct DeadlineScannerTests {
  private func scan(_ text: String, year: Int? = 2023) -> TimeContext {
    let t = chars(text)
    return DeadlineScanner.scan(t, 0..<t.count, year: year)
  }

  @Test(
    "a deadline the clause states",
    arguments: [
      ("到2025年", "2025-12-31"),
      ("到2025年，", "2025-12-31"),
      ("2025年", "2025-12-31"),
      ("2023年底前", "2023-12-31"),
      ("2025年底", "2025-12-31"),
      ("2025年末", "2025-12-31"),
      ("2024年内完成", "2024-12-31"),
      ("6月底前完成", "2023-06-30"),
      ("9月底完成", "2023-09-30"),
      ("2024年10月前", "2024-09-30"),
      ("2024年1月前", "2023-12-31"),
      ("2024年6月底前", "2024-06-30"),
      ("2024年2月底", "2024-02-29"),
      ("2024年3月", "2024-03-31"),
      ("2024年上半年", "2024-06-30"),
      ("2024年第三季度", "2024-09-30"),
      ("年内", "2023-12-31"),
      ("年底", "2023-12-31"),
      ("年底前", "2023-12-31"),
      ("今年", "2023-12-31"),
      ("全年", "2023-12-31"),
      ("上半年", "2023-06-30"),
      ("一季度", "2023-03-31"),
      ("“十四五”期间", "2025-12-31"),
      ("“十四五”末", "2025-12-31"),
      ("“十五五”期间", "2030-12-31"),
      ("2023—2025年", "2025-12-31"),
      ("2023-2025年期间", "2025-12-31"),
    ])
  func deadline(text: String, expected: String) {
    let context = scan(text)
    #expect(context.deadline == day(expected))
    #expect(!context.isPast)
    #expect(!context.perYear)
  }

  @Test(
    "a deadline without a year needs the document's year",
    arguments: ["年内", "年底前", "上半年", "6月底前"])
  func relativeNeedsAYear(text: String) {
    #expect(scan(text, year: nil).deadline == nil)
    #expect(scan(text, year: 2024).deadline?.year == 2024)
  }

  @Test func aWrittenYearNeedsNoDocumentYear() {
    #expect(scan("到2025年底", year: nil).deadline == day("2025-12-31"))
  }

  @Test(
    "a past figure",
    arguments: [
      "截至2022年底，全省已建成充电桩5万台",
      "截至2022年底",
      "2021年全省研发经费投入占比达到2.48%",
      "截至2023年6月底，充电桩已达5万台",
      "目前全省已有高新技术企业2万家",
      "全省现有充电桩5万台，已建成换电站100座",
      "去年全省新增企业1000家",
    ])
  func past(text: String) {
    let context = scan(text)
    #expect(context.isPast)
    #expect(context.deadline == nil)
  }

  @Test func aFigureSinceTheStartOfThisYearIsAGoalWithoutAlready() {
    let context = scan("截至2023年底，全省建成充电桩5万台")
    #expect(!context.isPast)
    #expect(context.deadline == day("2023-12-31"))
  }

  @Test(
    "a baseline year is neither a deadline nor a past figure",
    arguments: [
      "较2020年下降13.5%", "比2020年增长10%", "与2020年相比下降5%", "在2020年基础上翻一番",
      "2020年水平",
    ])
  func baseline(text: String) {
    let context = scan(text)
    #expect(context.deadline == nil)
    #expect(!context.isPast)
  }

  @Test func aDeadlineWithABaselineKeepsTheDeadline() {
    let context = scan("到2025年单位GDP能耗较2020年下降13.5%")
    #expect(context.deadline == day("2025-12-31"))
    #expect(!context.isPast)
  }

  @Test func thePeriodOfANamedPlanIsNotADeadline() {
    #expect(scan("落实三年行动计划（2023—2025年）").deadline == nil)
    #expect(scan("落实《山东省“十四五”规划（2021—2025年）》").deadline == nil)
  }

  @Test func everyYearSetsAQuota() {
    let quota = scan("每年开展不少于1000场")
    #expect(quota.perYear)
    #expect(quota.deadline == nil)
    #expect(!scan("年均增长10%").perYear)
    #expect(!scan("到2025年").perYear)
  }

  @Test func aCountOfYearsIsNotTheDocumentYear() {
    // 3年内 and 每年底 are not 年内 / 年底 of the document.
    #expect(scan("3年内建成").deadline == nil)
    #expect(scan("每年底前报送").deadline == nil)
  }
}
