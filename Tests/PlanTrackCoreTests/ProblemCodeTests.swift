import Foundation
import PlanTrackCore
import Testing

@Suite("Problem codes")
struct ProblemCodeTests {
  /// The codes the “Problem codes” table of docs/FORMATS.md lists, in order.
  static func documentedCodes() throws -> [String] {
    let doc = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/FORMATS.md")
    let text = try String(contentsOf: doc, encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      line.firstMatch(of: #/^\| (PT\d{3}) \|/#).map { String($0.1) }
    }
  }

  @Test func everyCodeIsUniqueAndLooksLikePTAndThreeDigits() {
    let codes = ProblemCode.allCases.map(\.rawValue)
    #expect(Set(codes).count == codes.count, "a code is used twice")
    for code in codes {
      #expect(code.wholeMatch(of: #/PT[0-9]{3}/#) != nil, "\(code)")
    }
    #expect(ProblemCode.unknownComparator.description == "PT104")
  }

  @Test func everyCodeHasASummary() {
    for code in ProblemCode.allCases {
      #expect(!code.summary.isEmpty, "\(code)")
    }
  }

  @Test func formatsListsEveryCodeOnceAndNoOther() throws {
    let documented = try Self.documentedCodes()
    #expect(Set(documented).count == documented.count, "a code has two rows")
    let known = Set(ProblemCode.allCases.map(\.rawValue))
    let missing = known.subtracting(documented).sorted()
    let unknown = Set(documented).subtracting(known).sorted()
    #expect(missing.isEmpty, "docs/FORMATS.md does not list \(missing)")
    #expect(unknown.isEmpty, "docs/FORMATS.md lists codes that do not exist: \(unknown)")
  }

  @Test func eachErrorOfCoreHasItsOwnCode() {
    let errors: [(any CodedError, ProblemCode)] = [
      (QuantityError.unparseableValue("abc"), .unreadableValue),
      (QuantityError.notFinite("1e400"), .valueOutOfRange),
      (QuantityError.unparseableUnit("km/h"), .unreadableUnit),
      (QuantityError.incompatibleUnits(from: "台", to: "万辆"), .incompatibleUnits),
      (FilterError.unknownField("foo", valid: []), .unknownFilterField),
      (FilterError.unknownStatus("late", valid: []), .unknownFilterStatus),
    ]
    for (error, code) in errors {
      #expect(error.code == code, "\(error)")
    }
  }

  @Test func aParseErrorIsInvalidJSON() {
    #expect {
      try JSONValue.parse("[1,]")
    } throws: { error in
      (error as? any CodedError)?.code == .invalidJSON
    }
  }

  @Test func aBadFilterThrowsItsCode() {
    #expect {
      try TargetFilter(parsing: "colour:red")
    } throws: { error in
      (error as? any CodedError)?.code == .unknownFilterField
    }
  }
}
