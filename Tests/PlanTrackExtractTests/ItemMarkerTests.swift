import Testing

@testable import PlanTrackExtract

@Suite("ItemMarker: the numbering that opens an item")
struct ItemMarkerTests {
  @Test(
    "levels and lengths of the outline markers",
    arguments: [
      ("第一章总则", 0, 3),
      ("第三节重点任务", 0, 3),
      ("第十二条", 0, 4),
      ("第一部分发展基础", 0, 4),
      ("一、总体要求", 1, 2),
      ("十二、保障措施", 1, 3),
      ("（一）指导思想", 2, 3),
      ("（十一）强化监督", 2, 4),
      ("1.加快建设", 3, 2),
      ("1、加快建设", 3, 2),
      ("12.推进改造", 3, 3),
      ("3。培育企业", 3, 2),
      ("（1）培育企业", 4, 3),
      ("（12）培育企业", 4, 4),
      ("①实施工程", 5, 1),
      ("⑳实施工程", 5, 1),
    ])
  func marker(text: String, level: Int, length: Int) {
    #expect(ItemMarker.at(chars(text)[...]) == ItemMarker(level: level, length: length))
  }

  @Test(
    "numbers, years and words are not markers",
    arguments: [
      "1.5万家", "2025年", "2023—2025年", "一是加快", "三年行动", "第3名", "第一", "（2023—2025年）",
      "（含）", "（123）", "1234.", "全省", "", "一", "（一", "5G基站",
    ])
  func notAMarker(text: String) {
    #expect(ItemMarker.at(chars(text)[...]) == nil)
  }

  @Test func readsTheMarkerOfASliceThatDoesNotStartAtZero() {
    let t = chars("前文（二）主要目标")
    #expect(ItemMarker.at(t[2...]) == ItemMarker(level: 2, length: 3))
  }

  @Test(
    "raw lines with full-width digits, spaces, ASCII parentheses and garbled points",
    arguments: [
      ("  １．加快建设", true),
      ("( 1 ) 培育企业", true),
      ("4援 提速", true),
      ("一、 总体要求", true),
      ("1.5 万家", false),
      ("2025 年", false),
      ("资源利用", false),
    ])
  func opensRawLine(line: String, expected: Bool) {
    #expect(ItemMarker.opensRawLine(chars(line)[...]) == expected)
  }
}
