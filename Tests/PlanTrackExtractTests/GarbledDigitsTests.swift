import Testing

@testable import PlanTrackExtract

@Suite("GarbledDigits: the digits of a broken PDF font")
struct GarbledDigitsTests {
  private func decoded(_ s: String) -> String {
    var chars = Array(s)
    GarbledDigits.decode(&chars)
    return String(chars)
  }

  @Test(
    "decodes a run that must be a number",
    arguments: [
      ("达到 园援愿：1", "达到 0.8：1"),
      ("超过 1援远 亿吨", "超过 1.6 亿吨"),
      ("圆园圆源 年 缘 月", "2024 年 5 月"),
      ("4援 提速", "4. 提速"),
      ("达到 圆援愿 万家", "达到 2.8 万家"),
      ("圆园圆缘年", "2025年"),
      ("1援5万千瓦", "1.5万千瓦"),
      ("员园园 个", "100 个"),
      ("（圆）", "（2）"),
    ])
  func decodesNumbers(raw: String, expected: String) {
    #expect(decoded(raw) == expected)
  }

  @Test(
    "leaves words that use the same characters",
    arguments: [
      "资源", "新能源汽车", "工业园区", "人员", "救援", "来源：", "源源不断", "资源10个", "5园区",
      "服务员5名", "产业园 建设", "援助资金",
    ])
  func leavesWords(text: String) {
    #expect(decoded(text) == text)
  }

  @Test func decodesOnlyTheNumberInASentenceThatAlsoHasWords() {
    #expect(decoded("新能源汽车达到 圆源园 万辆，资源 利用") == "新能源汽车达到 240 万辆，资源 利用")
  }

  @Test func neverChangesTheCountOfCharacters() {
    for s in ["达到 园援愿：1", "资源10个", "圆园圆源 年 缘 月", "援", "1援"] {
      var chars = Array(s)
      GarbledDigits.decode(&chars)
      #expect(chars.count == s.count, "\(s)")
    }
  }
}
