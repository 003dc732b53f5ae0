import Testing

@testable import PlanTrackCore

struct ValueInputTests {
  struct InputCase: Sendable, CustomTestStringConvertible {
    var text: String
    var unit: String?
    var target: String
    var expected: Double
    var testDescription: String {
      "“\(text)”" + (unit.map { " unit “\($0)”" } ?? "") + " on \(target)"
    }

    init(_ text: String, unit: String? = nil, on target: String, _ expected: Double) {
      self.text = text
      self.unit = unit
      self.target = target
      self.expected = expected
    }
  }

  static let accepted: [InputCase] = [
    // A bare number is in the target's unit.
    InputCase("1402345", on: "万辆", 1_402_345),
    InputCase("140.2", on: "万辆", 140.2),
    InputCase("0", on: "万辆", 0),
    InputCase("-3.5", on: "%", -3.5),
    InputCase("+2", on: "个百分点", 2),
    InputCase(".5", on: "%", 0.5),
    InputCase("1,402,345", on: "辆", 1_402_345),
    InputCase("1,000.25", on: "亿元", 1000.25),
    InputCase("１４０", on: "万辆", 140),
    InputCase(" 140 ", on: "万辆", 140),
    // A bare scale works in the target's base unit.
    InputCase("140.2万", on: "万辆", 140.2),
    InputCase("１４０．５万", on: "万辆", 140.5),
    InputCase("140 万", on: "万辆", 140),
    InputCase("5000", on: "亿元", 5000),
    InputCase("1.2万亿", on: "亿元", 1.2e4),
    InputCase("3亿", on: "万辆", 3e4),
    InputCase("30万", on: "千瓦", 300_000),
    InputCase("1200万", on: "万千瓦", 1200),
    InputCase("1.5亿", on: "万千瓦", 15_000),
    InputCase("2万", on: "辆", 20_000),
    InputCase("2万", on: "", 20_000),
    // A number with a unit is converted.
    InputCase("1402345辆", on: "万辆", 140.2345),
    InputCase("1,402,345辆", on: "万辆", 140.2345),
    InputCase("140.2万辆", on: "万辆", 140.2),
    InputCase("140.2 万辆", on: "万辆", 140.2),
    InputCase("1.2亿千瓦", on: "万千瓦", 12_000),
    InputCase("3000千瓦", on: "万千瓦", 0.3),
    InputCase("12.5％", on: "%", 12.5),
    InputCase("-1.5个百分点", on: "个百分点", -1.5),
    // An explicit unit.
    InputCase("1402345", unit: "辆", on: "万辆", 140.2345),
    InputCase("140.2", unit: "万辆", on: "万辆", 140.2),
    InputCase("140.2", unit: "万", on: "万辆", 140.2),
    InputCase("12000", unit: "千瓦", on: "万千瓦", 1.2),
  ]

  @Test(arguments: accepted)
  func parsesValue(c: InputCase) throws {
    let target = try MeasureUnit(parsing: c.target)
    let value = try ValueInput.parse(c.text, unit: c.unit, targetUnit: target)
    #expect(abs(value - c.expected) <= 1e-9 * max(1, abs(c.expected)), "\(value)")
  }

  struct RejectCase: Sendable, CustomTestStringConvertible {
    var text: String
    var unit: String?
    var target: String
    var error: QuantityError
    var testDescription: String {
      "“\(text)”" + (unit.map { " unit “\($0)”" } ?? "") + " on \(target)"
    }

    init(_ text: String, unit: String? = nil, on target: String = "万辆", _ error: QuantityError) {
      self.text = text
      self.unit = unit
      self.target = target
      self.error = error
    }
  }

  static let rejected: [RejectCase] = [
    RejectCase("", .unparseableValue("")),
    RejectCase("   ", .unparseableValue("   ")),
    RejectCase("abc", .unparseableValue("abc")),
    RejectCase("万", .unparseableValue("万")),
    RejectCase("-", .unparseableValue("-")),
    RejectCase("1,2,3", .unparseableValue("1,2,3")),
    RejectCase("12,34", .unparseableValue("12,34")),
    RejectCase("1,2345", .unparseableValue("1,2345")),
    RejectCase("1234,567", .unparseableValue("1234,567")),
    RejectCase("1,23.5", .unparseableValue("1,23.5")),
    RejectCase("1.", .unparseableValue("1.")),
    RejectCase(".", .unparseableValue(".")),
    RejectCase("NaN", .unparseableValue("NaN")),
    RejectCase("inf", .unparseableValue("inf")),
    RejectCase("-inf", .unparseableValue("-inf")),
    // An exponent is not a number people type: the `e5` is read as a unit and rejected.
    RejectCase("1e5", .unparseableUnit("e5")),
    RejectCase("1.2.3", .unparseableValue("1.2.3")),
    // Spaces may stand around a number, never inside it.
    RejectCase("12 34", .unparseableValue("12 34")),
    RejectCase("1 402 345辆", .unparseableValue("1 402 345辆")),
    RejectCase("9999999999999999999", .notFinite("9999999999999999999")),
    RejectCase("2000万亿", on: "辆", .notFinite("2000万亿")),
    RejectCase("5台", .incompatibleUnits(from: "台", to: "万辆")),
    RejectCase("5%", on: "个百分点", .incompatibleUnits(from: "%", to: "个百分点")),
    RejectCase("5", unit: "台", .incompatibleUnits(from: "台", to: "万辆")),
    RejectCase("5万千瓦时", on: "万千瓦", .incompatibleUnits(from: "万千瓦时", to: "万千瓦")),
    RejectCase("5万万辆", .unparseableUnit("万万辆")),
    RejectCase("5辆", unit: "辆", .unparseableValue("5辆 (a unit is given twice)")),
  ]

  @Test(arguments: rejected)
  func rejectsValue(c: RejectCase) throws {
    let target = try MeasureUnit(parsing: c.target)
    #expect(throws: c.error) {
      try ValueInput.parse(c.text, unit: c.unit, targetUnit: target)
    }
  }

  @Test func magnitudeLimitIsInclusive() throws {
    let unit = try MeasureUnit(parsing: "")
    #expect(try ValueInput.parse("1000000000000000", targetUnit: unit) == 1e15)
    #expect(try ValueInput.parse("-1000000000000000", targetUnit: unit) == -1e15)
    #expect(throws: QuantityError.notFinite("1000000000000001")) {
      try ValueInput.parse("1000000000000001", targetUnit: unit)
    }
  }
}
