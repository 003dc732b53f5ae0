import Testing

@testable import PlanTrackCore

struct MeasureUnitTests {
  struct UnitCase: Sendable, CustomTestStringConvertible {
    var raw: String
    var text: String
    var scale: Double
    var base: String
    var testDescription: String { "“\(raw)”" }
  }

  static let parsed: [UnitCase] = [
    UnitCase(raw: "万辆", text: "万辆", scale: 1e4, base: "辆"),
    UnitCase(raw: "万元/人", text: "万元/人", scale: 1e4, base: "元/人"),
    UnitCase(raw: "件/万人", text: "件/万人", scale: 1, base: "件/万人"),
    UnitCase(raw: "家 / 万人", text: "家/万人", scale: 1, base: "家/万人"),
    UnitCase(raw: "辆", text: "辆", scale: 1, base: "辆"),
    UnitCase(raw: "万台", text: "万台", scale: 1e4, base: "台"),
    UnitCase(raw: "个", text: "个", scale: 1, base: "个"),
    UnitCase(raw: "家", text: "家", scale: 1, base: "家"),
    UnitCase(raw: "亿元", text: "亿元", scale: 1e8, base: "元"),
    UnitCase(raw: "万亿元", text: "万亿元", scale: 1e12, base: "元"),
    UnitCase(raw: "十万辆", text: "十万辆", scale: 1e5, base: "辆"),
    UnitCase(raw: "百万人次", text: "百万人次", scale: 1e6, base: "人次"),
    UnitCase(raw: "千瓦", text: "千瓦", scale: 1e3, base: "瓦"),
    UnitCase(raw: "万千瓦", text: "万千瓦", scale: 1e7, base: "瓦"),
    UnitCase(raw: "亿千瓦", text: "亿千瓦", scale: 1e11, base: "瓦"),
    UnitCase(raw: "兆瓦", text: "兆瓦", scale: 1e6, base: "瓦"),
    UnitCase(raw: "千瓦时", text: "千瓦时", scale: 1e3, base: "瓦时"),
    UnitCase(raw: "亿千瓦时", text: "亿千瓦时", scale: 1e11, base: "瓦时"),
    UnitCase(raw: "千伏安", text: "千伏安", scale: 1e3, base: "伏安"),
    UnitCase(raw: "万千伏安", text: "万千伏安", scale: 1e7, base: "伏安"),
    UnitCase(raw: "%", text: "%", scale: 1, base: "%"),
    UnitCase(raw: "％", text: "%", scale: 1, base: "%"),
    UnitCase(raw: "个百分点", text: "个百分点", scale: 1, base: "个百分点"),
    UnitCase(raw: "万公里", text: "万公里", scale: 1e7, base: "米"),
    UnitCase(raw: "公里", text: "公里", scale: 1e3, base: "米"),
    UnitCase(raw: "万吨", text: "万吨", scale: 1e10, base: "克"),
    UnitCase(raw: "", text: "", scale: 1, base: ""),
    UnitCase(raw: "万", text: "万", scale: 1e4, base: ""),
    UnitCase(raw: " 万 辆 ", text: "万辆", scale: 1e4, base: "辆"),
    // Whitespace alone is no unit at all: a pure number.
    UnitCase(raw: " ", text: "", scale: 1, base: ""),
  ]

  @Test(arguments: parsed)
  func parsesUnit(c: UnitCase) throws {
    let unit = try MeasureUnit(parsing: c.raw)
    #expect(unit.text == c.text)
    #expect(unit.scale == c.scale)
    #expect(unit.base == c.base)
    #expect(unit.description == c.text)
  }

  @Test(arguments: [
    "1辆", "万万辆", "亿万辆", "辆1", "万辆.", "-", "万1", "台（套）", "/人", "元/", "元/人/年", "元/1人", "万/人",
  ])
  func rejectsUnparseableUnit(raw: String) {
    #expect(throws: QuantityError.unparseableUnit(raw)) {
      try MeasureUnit(parsing: raw)
    }
  }

  @Test func pureNumberUnitIsNone() throws {
    #expect(try MeasureUnit(parsing: "") == MeasureUnit.none)
    #expect(MeasureUnit.none.scale == 1)
    #expect(MeasureUnit.none.base == "")
  }

  struct ConversionCase: Sendable, CustomTestStringConvertible {
    var value: Double
    var from: String
    var to: String
    var expected: Double
    var testDescription: String { "\(value) \(from) → \(to)" }
  }

  static let conversions: [ConversionCase] = [
    ConversionCase(value: 1_402_345, from: "辆", to: "万辆", expected: 140.2345),
    ConversionCase(value: 140.2345, from: "万辆", to: "辆", expected: 1_402_345),
    ConversionCase(value: 1200, from: "万千瓦", to: "千瓦", expected: 1.2e7),
    ConversionCase(value: 1.2e7, from: "千瓦", to: "万千瓦", expected: 1200),
    ConversionCase(value: 3, from: "亿千瓦", to: "万千瓦", expected: 3e4),
    ConversionCase(value: 2.5, from: "兆瓦", to: "千瓦", expected: 2500),
    ConversionCase(value: 1.5, from: "万亿元", to: "亿元", expected: 1.5e4),
    ConversionCase(value: 50, from: "亿千瓦时", to: "千瓦时", expected: 5e9),
    ConversionCase(value: 12, from: "%", to: "％", expected: 12),
    ConversionCase(value: 7, from: "万辆", to: "万辆", expected: 7),
    ConversionCase(value: 2, from: "万", to: "", expected: 2e4),
  ]

  @Test(arguments: conversions)
  func converts(c: ConversionCase) throws {
    let from = try MeasureUnit(parsing: c.from)
    let to = try MeasureUnit(parsing: c.to)
    #expect(from.isCompatible(with: to))
    let result = try from.convert(c.value, to: to)
    #expect(abs(result - c.expected) <= 1e-9 * max(1, abs(c.expected)), "\(result)")
  }

  @Test(arguments: [
    ("万辆", "万台"),
    ("%", "个百分点"),
    ("万千瓦", "万千瓦时"),
    ("千伏安", "千瓦"),
    ("亿元", "辆"),
    ("万辆", ""),
  ])
  func incompatibleUnitsThrow(from: String, to: String) throws {
    let a = try MeasureUnit(parsing: from)
    let b = try MeasureUnit(parsing: to)
    #expect(!a.isCompatible(with: b))
    #expect(throws: QuantityError.incompatibleUnits(from: from, to: to)) {
      try a.convert(1, to: b)
    }
  }

  @Test func errorDescriptionsNameTheInput() {
    #expect(QuantityError.unparseableUnit("km/h").description.contains("km/h"))
    let incompatible = QuantityError.incompatibleUnits(from: "万辆", to: "万台").description
    #expect(incompatible.contains("万辆") && incompatible.contains("万台"))
  }
}
