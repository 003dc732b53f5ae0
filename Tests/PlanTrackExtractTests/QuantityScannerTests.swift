import Testing

@testable import PlanTrackExtract

@Suite("QuantityScanner: numbers with units in normalised text")
struct QuantityScannerTests {
  private func only(_ text: String) throws -> QuantityMention {
    let found = QuantityScanner.mentions(in: chars(text))
    try #require(found.count == 1, "\(found)")
    return found[0]
  }

  @Test func aScaledCountWithASuffix() throws {
    let m = try only("2.8万家以上")
    #expect(m.value == 2.8)
    #expect(m.valueMax == nil)
    #expect(m.unit == "万家")
    #expect(m.unitClass == .count)
    #expect(m.suffix == .atLeast)
    #expect(m.perUnit == false)
    #expect((m.start, m.unitEnd, m.end) == (0, 5, 7))
  }

  @Test(
    "value, upper end, unit and comparator",
    arguments: [
      ("1-2家", 1.0, 2.0 as Double?, "家", CandidateComparator.range as CandidateComparator?),
      ("3至5个", 3, 5, "个", .range),
      ("0.6—0.8名", 0.6, 0.8, "名", .range),
      ("10%-15%", 10, 15, "%", .range),
      ("10%左右", 10, nil, "%", .about),
      ("7000余家", 7000, nil, "家", .atLeast),
      ("3万多个", 3, nil, "万个", .atLeast),
      ("75万千瓦", 75, nil, "万千瓦", nil),
      ("241.1亿立方米以内", 241.1, nil, "亿立方米", .atMost),
      ("30万千瓦以下", 30, nil, "万千瓦", .atMost),
      ("1500亿元", 1500, nil, "亿元", nil),
      ("20%以上", 20, nil, "%", .atLeast),
      ("1,402,345人", 1_402_345, nil, "人", nil),
      ("5个百分点", 5, nil, "个百分点", nil),
      ("100MW", 100, nil, "MW", nil),
      ("3个工作日以内", 3, nil, "个工作日", .atMost),
      ("0.8：1", 0.8, nil, "", nil),
      ("1：1.2", 1.2, nil, "", nil),
      ("1：1", 1, nil, "", nil),
      ("2倍", 2, nil, "倍", nil),
    ])
  func reads(
    text: String, value: Double, valueMax: Double?, unit: String, suffix: CandidateComparator?
  ) throws {
    let m = try only(text)
    #expect(m.value == value)
    #expect(m.valueMax == valueMax)
    #expect(m.unit == unit)
    #expect(m.suffix == suffix)
    #expect(m.start == 0)
    #expect(m.end == text.count)
  }

  @Test(
    "the class of the unit",
    arguments: [
      ("5个百分点", Lexicon.UnitClass.points),
      ("0.8：1", .ratio),
      ("1：1.6", .ratio),
      ("75万千瓦", .measure),
      ("10%", .percent),
      ("2000家", .count),
      ("3个工作日", .duration),
      ("2倍", .multiple),
    ])
  func unitClass(text: String, expected: Lexicon.UnitClass) throws {
    #expect(try only(text).unitClass == expected)
  }

  @Test func aPerUnitMeasure() throws {
    let m = try only("35蒸吨/小时")
    #expect(m.perUnit)
    #expect(m.unit == "蒸吨/小时")
    #expect(m.value == 35)
    #expect(m.unitEnd == 7)
    #expect(m.end == 7)
    #expect(try only("500元/吨").perUnit)
    let intensity = try only("300克标煤/千瓦时以下")
    #expect(intensity.perUnit && intensity.unit == "克标煤/千瓦时" && intensity.suffix == .atMost)
    #expect(try only("0.45吨标准煤/万元").unit == "吨标准煤/万元")
    #expect(try only("1.2万千瓦时").perUnit == false)
  }

  @Test func severalMentionsInOneClauseWithTheirPositions() {
    let t = "新增专精特新企业2000家以上、培育单项冠军50个，5G基站达到1.2万个"
    let found = QuantityScanner.mentions(in: chars(t))
    #expect(found.map(\.value) == [2000, 50, 1.2])
    #expect(found.map(\.unit) == ["家", "个", "万个"])
    #expect(found.map(\.start) == [8, 22, 32])
    for m in found {
      #expect(t.dropFirst(m.start).first?.isNumber == true)
    }
  }

  @Test(
    "years, dates, ordinals and numbers inside names are not quantities",
    arguments: [
      "2025年", "6月", "6月30日", "15号", "第3名", "第3批", "5G", "5G网络", "HG30", "HG30万吨", "4A级",
      "4A级景区", "2023—2025年", "2023-2025年", "2万", "3亿", "达到100", "Q235钢",
    ])
  func notQuantities(text: String) {
    #expect(QuantityScanner.mentions(in: chars(text)).isEmpty)
  }

  @Test func aYearBeforeAQuantityIsSkippedButTheQuantityIsFound() {
    let found = QuantityScanner.mentions(in: chars("2025年达到240万辆"))
    #expect(found.map(\.value) == [240])
    #expect(found.map(\.unit) == ["万辆"])
  }
}

@Suite("QuantityScanner: text that ends inside a number")
struct QuantityScannerEdgeTests {
  /// A comma and fewer than three digits at the very end once read past the text.
  @Test(arguments: ["1,23", "1,2", "1,", "12,345", "到2025年建成1,23"])
  func aNumberAtTheEndOfTheTextIsReadSafely(_ text: String) {
    _ = QuantityScanner.mentions(in: Array(text))
    #expect(
      QuantityScanner.number(
        at: text.firstIndex(where: \.isNumber).map { text.distance(from: text.startIndex, to: $0) }
          ?? 0, in: Array(text)) != nil)
  }
}
