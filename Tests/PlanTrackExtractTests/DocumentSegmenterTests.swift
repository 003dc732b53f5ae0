import PlanTrackCore
import Testing

@testable import PlanTrackExtract

@Suite("DocumentSegmenter: what a plan document says about itself")
struct DocumentSegmenterTests {
  private func described(_ title: String) -> DocumentInfo {
    var info = DocumentInfo(title: "file.txt", firstLine: 1, lastLine: 9)
    DocumentSegmenter.describe(&info, title: title)
    return info
  }

  @Test func anAnnualPlanIssuedByAProvincialOffice() {
    let info = described("山东省人民政府办公厅关于印发山东省建设绿色低碳高质量发展先行区2023年重点工作任务的通知")
    #expect(info.issuer == "山东省人民政府办公厅")
    #expect(info.title == "山东省建设绿色低碳高质量发展先行区2023年重点工作任务")
    #expect(info.period?.start == day("2023-01-01"))
    #expect(info.period?.end == day("2023-12-31"))
  }

  @Test func aThreeYearPlanInBookTitleMarks() {
    let info = described("国务院办公厅关于印发《提升行政执法质量三年行动计划（2023-2025年）》的通知")
    #expect(info.issuer == "国务院办公厅")
    #expect(info.title == "提升行政执法质量三年行动计划（2023-2025年）")
    #expect(info.period?.start == day("2023-01-01"))
    #expect(info.period?.end == day("2025-12-31"))
  }

  @Test func aTitleThatLostItsGuanYu() {
    let info = described("山东省人民政府印发山东省新能源汽车产业发展规划的通知")
    #expect(info.issuer == "山东省人民政府")
    #expect(info.title == "山东省新能源汽车产业发展规划")
    #expect(info.period == nil)
  }

  @Test func anOpinionKeepsItsGuanYu() {
    let info = described("威海市人民政府关于加快新能源汽车产业发展的实施意见")
    #expect(info.issuer == "威海市人民政府")
    #expect(info.title == "关于加快新能源汽车产业发展的实施意见")
    #expect(info.period == nil)
  }

  @Test func aTitleWithoutIssuerIsKeptWhole() {
    let info = described("提升行政执法质量三年行动计划（2023—2025年）")
    #expect(info.issuer == nil)
    #expect(info.title == "提升行政执法质量三年行动计划（2023—2025年）")
    #expect(info.period?.end == day("2025-12-31"))
  }

  @Test(
    "the period of a title",
    arguments: [
      ("…三年行动计划（2023-2025年）", "2023-01-01", "2025-12-31"),
      ("…三年行动计划（2023—2025年）", "2023-01-01", "2025-12-31"),
      ("2023年重点工作任务", "2023-01-01", "2023-12-31"),
      ("“十四五”规划（2021—2025年）", "2021-01-01", "2025-12-31"),
    ])
  func period(title: String, start: String, end: String) throws {
    let p = try #require(DocumentSegmenter.period(in: chars(title)))
    #expect(p.0 == day(start))
    #expect(p.1 == day(end))
  }

  @Test(arguments: ["关于加快新能源汽车产业发展的实施意见", "第20253号", "1234年计划"])
  func noPeriod(title: String) {
    #expect(DocumentSegmenter.period(in: chars(title)) == nil)
  }

  @Test(
    "level and region of an issuer",
    arguments: [
      ("国务院办公厅", "national", "全国"),
      ("国务院", "national", "全国"),
      ("山东省人民政府", "province", "山东省"),
      ("山东省人民政府办公厅", "province", "山东省"),
      ("北京市人民政府", "province", "北京市"),
      ("威海市人民政府", "city", "威海市"),
      ("威海市文登区人民政府办公室", "district", "威海市文登区"),
      ("沂南县人民政府", "district", "沂南县"),
    ])
  func levelAndRegion(issuer: String, level: String, region: String) {
    let (l, r) = DocumentSegmenter.levelAndRegion(issuer)
    #expect(l == level)
    #expect(r == region)
  }

  @Test(

    arguments: [
      ("内蒙古自治区人民政府", "province", "内蒙古自治区"),
      ("广西壮族自治区人民政府办公厅", "province", "广西壮族自治区"),
    ])
  func autonomousRegion(issuer: String, level: String, region: String) {
    let (l, r) = DocumentSegmenter.levelAndRegion(issuer)
    #expect(l == level)
    #expect(r == region)
  }

  @Test func anIssuerThatIsNotAGovernmentHasNoLevel() {
    let (l, r) = DocumentSegmenter.levelAndRegion("省科技厅")
    #expect(l == nil)
    #expect(r == nil)
  }

  @Test(
    "the issuer of a document-number code",
    arguments: [
      ("国办发", "国务院办公厅" as String?),
      ("国发", "国务院"),
      ("国办函", "国务院办公厅"),
      ("鲁政办字", "山东省人民政府办公厅"),
      ("鲁政办发", "山东省人民政府办公厅"),
      ("鲁政发", "山东省人民政府"),
      ("鲁政字", "山东省人民政府"),
      ("苏政发", "江苏省人民政府"),
      ("威政办发", nil),
      ("鲁发改", nil),
      ("鲁", nil),
    ])
  func issuer(code: String, expected: String?) {
    #expect(DocumentSegmenter.issuer(ofCode: code) == expected)
  }

  @Test func documentsOfAFileWithTwoNumberedPlans() {
    let text = """
      山东省人民政府办公厅关于印发山东省
      新能源汽车产业发展2023年行动计划的通知
      鲁政办字〔2023〕5 号
      各市人民政府：
      全省新能源汽车保有量达到100万辆。
      威海市人民政府关于加快
      充电基础设施建设的实施意见
      威政发〔2024〕3号
      各区市人民政府：
      全市充电桩达到1万台。
      """
    let paragraphs = PlanLayout.paragraphs(SourceText(text))
    let docs = DocumentSegmenter.documents(paragraphs, fileName: "f.txt", year: nil)
    #expect(docs.map(\.1) == [0..<4, 4..<8])
    let first = docs[0].0
    #expect(first.title == "山东省新能源汽车产业发展2023年行动计划")
    #expect(first.number == "鲁政办字〔2023〕5号")
    #expect(first.issuer == "山东省人民政府办公厅")
    #expect(first.level == "province")
    #expect(first.region == "山东省")
    #expect(first.year == 2023)
    #expect((first.firstLine, first.lastLine) == (1, 5))
    let second = docs[1].0
    #expect(second.title == "关于加快充电基础设施建设的实施意见")
    #expect(second.number == "威政发〔2024〕3号")
    #expect(second.issuer == "威海市人民政府")
    #expect(second.level == "city")
    #expect(second.region == "威海市")
    #expect(second.year == 2024)
    #expect(second.period == nil)
    #expect((second.firstLine, second.lastLine) == (6, 10))
  }

  @Test func aFileWithoutNumberIsNamedAfterTheFileAndTakesTheGivenYear() {
    let paragraphs = PlanLayout.paragraphs(SourceText("全省充电桩达到1万台。"))
    let docs = DocumentSegmenter.documents(paragraphs, fileName: "f.txt", year: 2024)
    #expect(docs.count == 1)
    #expect(docs.first?.0.title == "f.txt")
    #expect(docs.first?.0.year == 2024)
    #expect(docs.first?.0.number == nil)
  }
}
