import Testing

@testable import PlanTrackCore

struct NumberTextTests {
  static let plainCases: [(Double, Int, String)] = [
    (140.0, 4, "140"),
    (140.2345, 4, "140.2345"),
    (140.2, 4, "140.2"),
    (1.0 / 3, 4, "0.3333"),
    (2.0 / 3, 4, "0.6667"),
    (0.05, 4, "0.05"),
    (0.0001, 4, "0.0001"),
    (0.00004, 4, "0"),
    (-0.00004, 4, "0"),  // no “-0”
    (-0.00005, 4, "-0.0001"),
    (0, 4, "0"),
    (-3.5, 4, "-3.5"),
    (1_402_345, 4, "1402345"),
    (1e14, 4, "100000000000000"),
    (99_999.999_99, 4, "100000"),
    (1.23456, 2, "1.23"),
    (1.235, 1, "1.2"),
    (2.5, 0, "3"),
    (-2.5, 0, "-3"),
    (12.5, 0, "13"),
    (0.1 + 0.2, 4, "0.3"),
  ]

  @Test(arguments: plainCases)
  func plain(value: Double, digits: Int, expected: String) {
    #expect(NumberText.plain(value, digits: digits) == expected)
  }

  @Test func plainDefaultsToFourDigits() {
    #expect(NumberText.plain(3.141_592_65) == "3.1416")
  }

  /// Figures up to the input limit (±1e15) must print without trapping on integer overflow.
  @Test(arguments: [
    (950_000_000_000_000.0, 4, "950000000000000"),
    (-999_999_999_999_999.0, 4, "-999999999999999"),
    (123_456_789_012.5, 12, "123456789012.5"),
    (0.5, 15, "0.5"),
    (0.123_456_789_012_34, 14, "0.123456789012"),
  ])
  func plainLargeValuesAndManyDigits(value: Double, digits: Int, expected: String) {
    #expect(NumberText.plain(value, digits: digits) == expected)
  }

  @Test func plainFallsBackBeyondThePlanRange() {
    #expect(NumberText.plain(1e15) == "1000000000000000.0")
    #expect(NumberText.plain(-2e20) == "-2e+20")
    #expect(NumberText.plain(.nan) == "nan")
    #expect(NumberText.plain(.infinity) == "inf")
  }

  static let percentCases: [(Double, Int, String)] = [
    (0.3628, 1, "36.3%"),
    (1.0, 1, "100%"),
    (0.05, 1, "5%"),
    (0, 1, "0%"),
    (-0.125, 1, "-12.5%"),
    (1.5, 0, "150%"),
    (0.123_46, 2, "12.35%"),
  ]

  @Test(arguments: percentCases)
  func percent(share: Double, digits: Int, expected: String) {
    #expect(NumberText.percent(share, digits: digits) == expected)
  }

  @Test func rounded() {
    #expect(NumberText.rounded(1.234_567_89) == 1.234568)
    #expect(NumberText.rounded(1.234_567_89, digits: 2) == 1.23)
    #expect(NumberText.rounded(-2.5, digits: 0) == -3)
    #expect(NumberText.rounded(0.1 + 0.2, digits: 6) == 0.3)
    #expect(NumberText.rounded(.infinity) == .infinity)
    #expect(NumberText.rounded(2e15, digits: 2) == 2e15)
  }
}
