import Testing

@testable import PlanTrackExtract

@Suite("SubjectRules: the measured thing of a goal")
struct SubjectRulesTests {
  @Test(
    "splits a list subject over its numbers",
    arguments: [
      ("公共、居民充电基础设施", 2, ["公共充电基础设施", "居民充电基础设施"]),
      ("原油、天然气产量", 2, ["原油产量", "天然气产量"]),
      ("城镇和农村污水处理率", 2, ["城镇污水处理率", "农村污水处理率"]),
    ])
  func distributes(subject: String, n: Int, expected: [String]) {
    #expect(SubjectRules.distribute(subject, over: n) == expected)
  }

  @Test(
    "the whole shared tail after a level word goes to every part",
    arguments: [
      ("新增国家、省技术创新示范企业", 2, ["新增国家技术创新示范企业", "新增省技术创新示范企业"]),
      ("国家级、省级专精特新企业", 2, ["国家级专精特新企业", "省级专精特新企业"]),
    ])
  func sharedTail(subject: String, n: Int, expected: [String]) {
    #expect(SubjectRules.distribute(subject, over: n) == expected)
  }

  @Test(
    "a modifier longer than the other parts is not found without a dictionary",
    .disabled("known limitation (docs/EXTRACTION.md): only the lexicon head noun 总量 is shared"))
  func longerModifier() {
    #expect(
      SubjectRules.distribute("煤炭、石油、天然气消费总量", over: 3) == [
        "煤炭消费总量", "石油消费总量", "天然气消费总量",
      ])
  }

  @Test(
    "a list of another length, or one number, is not split",
    arguments: [
      ("公共、居民充电基础设施", 3),
      ("公共、居民充电基础设施", 1),
      ("原油、天然气产量", 0),
      ("全省新能源汽车保有量", 2),
      ("煤炭、石油、天然气消费总量", 2),
    ])
  func wrongCount(subject: String, n: Int) {
    #expect(SubjectRules.distribute(subject, over: n) == nil)
  }

  @Test(
    "the subject before a number drops fillers, deadlines and links",
    arguments: [
      ("力争全省高新技术企业达到", "全省高新技术企业"),
      ("到2025年，全省新能源汽车保有量达到", "全省新能源汽车保有量"),
      ("2023年底前，全省充电桩累计达到", "全省充电桩"),
      ("公共、居民充电基础设施分别达到", "公共、居民充电基础设施"),
      ("确保全省粮食产量稳定在", "全省粮食产量"),
    ])
  func before(text: String, expected: String) {
    let t = chars(text)
    #expect(SubjectRules.before(t, 0..<t.count) == expected)
  }

  @Test func theCountedNounAfterANumber() {
    let t = chars("建设2000个以上智慧社区，打造示范街区")
    #expect(SubjectRules.after(t, from: 9, to: t.count) == "智慧社区")
    let u = chars("个的示范项目（含续建）等")
    #expect(SubjectRules.after(u, from: 1, to: u.count) == "示范项目（含续建）")
  }
}
