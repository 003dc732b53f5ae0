import PlanTrackCore
import Testing

@testable import PlanTrackExtract

/// A three-year plan with a title, a 文号, and the goals of its 发展目标 wrapped as a PDF
/// extraction wraps them.
private let threeYearPlan = """
  山东省人民政府办公厅关于印发山东省
  新能源汽车产业发展行动计划（2023—2025年）的通知
  鲁政办字〔2023〕5 号
  各市人民政府：
  一、发展目标
  到 2025 年，全省新能源汽车保有量达到 240 万

  辆，公共、居民充电基础设施分别达到 18 万台和
  90 万台以上。（牵头单位：省发展改革委、省能源局）
  二、重点任务
  （一）培育企业。全省新增高新技术企业3000家以上，每年开展不少于1000场招聘活动。（省科技厅牵头，省财政厅配合）
  """

@Suite("Extractor: candidate goals from plan texts")
struct ExtractorTests {
  @Test func theGoalsOfAListSentenceOnOneLine() throws {
    let text = """
      到2025年，全省新能源汽车保有量达到240万辆，公共、居民充电基础设施分别达到18万台和90万台以上。（牵头单位：省发展改革委）
      """
    let x = Extractor(year: 2023).extract(text)
    try #require(x.candidates.count == 3, "\(x.candidates)")
    let (a, b, c) = (x.candidates[0], x.candidates[1], x.candidates[2])
    let list = "公共、居民充电基础设施分别达到18万台和90万台以上"
    #expect(a.metric == "全省新能源汽车保有量")
    #expect(b.metric == "公共充电基础设施")
    #expect(c.metric == "居民充电基础设施")
    #expect(x.candidates.map(\.value) == [240, 18, 90])
    #expect(x.candidates.map(\.valueMax) == [nil, nil, nil])
    #expect(x.candidates.map(\.unit) == ["万辆", "万台", "万台"])
    #expect(x.candidates.map(\.comparator) == [.atLeast, .atLeast, .atLeast])
    #expect(x.candidates.map(\.kind) == [.level, .level, .level])
    #expect(x.candidates.map(\.due) == Array(repeating: day("2025-12-31"), count: 3))
    #expect(x.candidates.map(\.dueInferred) == [false, false, false])
    #expect(x.candidates.map(\.perYear) == [false, false, false])
    #expect(x.candidates.map(\.line) == [1, 1, 1])
    #expect(x.candidates.map(\.quote) == ["全省新能源汽车保有量达到240万辆", list, list])
    #expect(x.candidates.map(\.lead) == Array(repeating: ["省发展改革委"], count: 3))
    #expect(x.candidates.map(\.document) == [0, 0, 0])
  }

  @Test func theSameGoalsWrappedOverLinesKeepTheirLinesAndQuotesAsWritten() throws {
    let x = Extractor().extract(threeYearPlan, fileName: "plan.txt")
    try #require(x.candidates.count == 5, "\(x.candidates)")
    let goals = Array(x.candidates[0..<3])
    #expect(goals.map(\.metric) == ["全省新能源汽车保有量", "公共充电基础设施", "居民充电基础设施"])
    #expect(goals.map(\.value) == [240, 18, 90])
    #expect(goals.map(\.unit) == ["万辆", "万台", "万台"])
    #expect(goals.map(\.comparator) == [.atLeast, .atLeast, .atLeast])
    #expect(goals.map(\.kind) == [.level, .level, .level])
    #expect(goals.map(\.due) == Array(repeating: day("2025-12-31"), count: 3))
    #expect(goals.map(\.dueInferred) == [false, false, false])
    #expect(goals.map(\.line) == [6, 8, 9])
    let list = "公共、居民充电基础设施分别达到 18 万台和90 万台以上"
    #expect(goals.map(\.quote) == ["全省新能源汽车保有量达到 240 万辆", list, list])
    #expect(goals.map(\.lead) == Array(repeating: ["省发展改革委", "省能源局"], count: 3))
  }

  @Test func anUndatedGoalIsDueAtThePeriodEndAndMarkedInferred() throws {
    let x = Extractor().extract(threeYearPlan, fileName: "plan.txt")
    try #require(x.candidates.count == 5)
    let added = x.candidates[3]
    #expect(added.metric == "全省新增高新技术企业")
    #expect(added.value == 3000)
    #expect(added.unit == "家")
    #expect(added.comparator == .atLeast)
    #expect(added.kind == .increment)
    #expect(added.due == day("2025-12-31"))
    #expect(added.dueInferred)
    #expect(added.line == 11)
    #expect(added.quote == "全省新增高新技术企业3000家以上")
    #expect(added.lead == ["省科技厅"])
    let quota = x.candidates[4]
    #expect(quota.value == 1000)
    #expect(quota.unit == "场")
    #expect(quota.perYear)
    #expect(quota.comparator == .atLeast)
    #expect(quota.quote == "每年开展不少于1000场招聘活动")
    #expect(quota.lead == ["省科技厅"])
  }

  @Test func theDocumentIsDescribedFromItsTitleAndNumber() throws {
    let x = Extractor().extract(threeYearPlan, fileName: "plan.txt")
    let doc = try #require(x.documents.first)
    #expect(x.documents.count == 1)
    #expect(doc.title == "山东省新能源汽车产业发展行动计划（2023—2025年）")
    #expect(doc.number == "鲁政办字〔2023〕5号")
    #expect(doc.issuer == "山东省人民政府办公厅")
    #expect(doc.level == "province")
    #expect(doc.region == "山东省")
    #expect(doc.year == 2023)
    #expect(doc.period?.start == day("2023-01-01"))
    #expect(doc.period?.end == day("2025-12-31"))
    #expect((doc.firstLine, doc.lastLine) == (1, 11))
  }

  @Test func anAnnualPlanDatesItsUndatedGoalsAtTheYearEnd() throws {
    let text = """
      山东省人民政府办公厅关于印发山东省科技创新2023年重点工作任务的通知
      鲁政办字〔2023〕8号
      一、培育创新主体
      全省新增高新技术企业3000家以上，年底前建成创新平台20个，6月底前认定
      示范企业50家。
      """
    let x = Extractor().extract(text)
    try #require(x.candidates.count == 3, "\(x.candidates)")
    #expect(x.candidates.map(\.value) == [3000, 20, 50])
    #expect(x.candidates.map(\.due) == [day("2023-12-31"), day("2023-12-31"), day("2023-06-30")])
    #expect(x.candidates.map(\.dueInferred) == [true, false, false])
    #expect(x.candidates.map(\.line) == [4, 4, 5])
    #expect(x.candidates[2].quote == "6月底前认定示范企业50家")
  }

  @Test func aPastStatisticIsNoGoal() {
    let past = Extractor(year: 2023).extract("截至2022年底，全省已建成充电桩5万台。")
    #expect(past.candidates.isEmpty)
    let earlier = Extractor(year: 2023).extract("2021年全省研发经费投入占比达到2.48%。")
    #expect(earlier.candidates.isEmpty)
  }

  @Test func aGoalAfterAPastStatisticIsStillFound() throws {
    let x = Extractor(year: 2023).extract(
      """
      截至2022年底，全省已建成充电桩5万台。
      到2025年，全省充电桩达到20万台。
      """)
    try #require(x.candidates.count == 1, "\(x.candidates)")
    #expect(x.candidates[0].value == 20)
    #expect(x.candidates[0].unit == "万台")
    #expect(x.candidates[0].line == 2)
    #expect(x.candidates[0].due == day("2025-12-31"))
  }

  @Test func anEligibilityThresholdIsNotCountedButTheCountIs() throws {
    let x = Extractor(year: 2023).extract("到2025年，实施投资500万元以上技术改造项目1万个左右。")
    try #require(x.candidates.count == 1, "\(x.candidates)")
    let c = x.candidates[0]
    #expect(c.value == 1)
    #expect(c.unit == "万个")
    #expect(c.comparator == .about)
    #expect(c.metric.hasSuffix("技术改造项目"))
    #expect(c.due == day("2025-12-31"))
  }

  @Test func aSubsidyIsNoGoal() {
    let x = Extractor(year: 2023).extract("对购买新能源汽车的个人，每辆补贴2000元。")
    #expect(x.candidates.isEmpty)
    let mixed = Extractor(year: 2023).extract("到2025年，推广新能源汽车10万辆，每辆补贴2000元。")
    #expect(mixed.candidates.map(\.value) == [10])
    #expect(mixed.candidates.map(\.unit) == ["万辆"])
  }

  @Test func garbledDigitsInAWrappedLineGiveTheDecodedValueOnTheirOwnLine() throws {
    let text = """
      （一）加快培育高新技术企业。到 2025 年，全省高新技术
      企业达到 圆援愿 万家，科技型中小企业
      达到 源 万家以上，资源利用效率提高。
      """
    let x = Extractor(year: 2023).extract(text)
    try #require(x.candidates.count == 2, "\(x.candidates)")
    #expect(x.candidates.map(\.value) == [2.8, 4])
    #expect(x.candidates.map(\.unit) == ["万家", "万家"])
    #expect(x.candidates.map(\.line) == [2, 3])
    #expect(x.candidates.map(\.comparator) == [.atLeast, .atLeast])
    #expect(x.candidates.map(\.metric) == ["全省高新技术企业", "科技型中小企业"])
    #expect(x.candidates.map(\.quote) == ["全省高新技术企业达到 圆援愿 万家", "科技型中小企业达到 源 万家以上"])
    #expect(x.candidates.map(\.due) == [day("2025-12-31"), day("2025-12-31")])
  }

  @Test func fullWidthDigitsAndAsciiPunctuationAreRead() throws {
    let x = Extractor(year: 2023).extract("到２０２５年,全省５Ｇ基站达到１２．５万个;")
    try #require(x.candidates.count == 1, "\(x.candidates)")
    #expect(x.candidates[0].value == 12.5)
    #expect(x.candidates[0].unit == "万个")
    #expect(x.candidates[0].quote == "全省５Ｇ基站达到１２．５万个")
  }

  @Test func aRangeAndALimit() throws {
    let x = Extractor(year: 2023).extract(
      "到2025年，创建1-2家国家级示范园区，全省用水总量控制在241.1亿立方米以内。")
    try #require(x.candidates.count == 2, "\(x.candidates)")
    #expect(x.candidates[0].value == 1)
    #expect(x.candidates[0].valueMax == 2)
    #expect(x.candidates[0].comparator == .range)
    #expect(x.candidates[0].unit == "家")
    #expect(x.candidates[1].value == 241.1)
    #expect(x.candidates[1].unit == "亿立方米")
    #expect(x.candidates[1].comparator == .atMost)
    #expect(x.candidates[1].metric == "全省用水总量")
  }

  @Test func textWithoutNumbersGivesNoCandidates() {
    let x = Extractor().extract("坚持问题导向，聚焦重点领域。\n\n加快推进法治政府建设。", fileName: "a.txt")
    #expect(x.candidates.isEmpty)
    #expect(x.documents.map(\.title) == ["a.txt"])
  }

  @Test func paragraphsAreTheNormalisedParagraphsOfTheText() {
    let p = Extractor().paragraphs("到 2025 年，全省企业\n达到 ２ 万家。\n（一）加快")
    #expect(p.map(\.string) == ["到2025年，全省企业达到2万家。", "（一）加快"])
    #expect(p.map(\.firstLine) == [1, 3])
  }

  @Test func garbledDigitsOpeningAWrappedLineGiveAGoal() throws {
    let x = Extractor(year: 2023).extract("到2025年，全省新能源汽车保有量达到\n圆源园 万辆。")
    try #require(x.candidates.count == 1)
    #expect(x.candidates[0].value == 240)
    #expect(x.candidates[0].unit == "万辆")
    #expect(x.candidates[0].line == 2)
  }

  @Test func anItemMarkerIsNotPartOfTheMetric() throws {
    let x = Extractor(year: 2023).extract("1.全省新增高新技术企业3000家以上。")
    try #require(x.candidates.count == 1)
    #expect(x.candidates[0].metric == "全省新增高新技术企业")
  }

  @Test func anAnnualPlanKeepsItsYearWhenAnotherItemLooksFurther() throws {
    let text = """
      山东省人民政府办公厅关于印发山东省科技创新2023年重点工作任务的通知
      鲁政办字〔2023〕8号
      一、全省新增高新技术企业3000家以上。
      二、到2025年，推广新能源汽车10万辆。
      """
    let x = Extractor().extract(text)
    try #require(x.candidates.count == 2)
    #expect(x.candidates[0].due == day("2023-12-31"))
    #expect(x.candidates[0].dueInferred)
    #expect(x.candidates[1].due == day("2025-12-31"))
  }
}
