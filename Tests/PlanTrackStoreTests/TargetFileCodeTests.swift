import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// A valid file: the target mapping starts at 5:5 (its id at 5:9), its values at column 11
/// (`kind` on line 8, `unit` on 9), its one milestone at 11:9 with `due` at 11:16 and `value`
/// at 11:35.
private let base = """
  document:
    id: doc
    title: 规划
  targets:
    - id: a
      name: 甲
      category: ev
      kind: level
      unit: 万辆
      milestones:
        - { due: 2025-12-31, value: 10 }

  """

/// One small bad target file and the one finding it must give.
struct CodeCase: Sendable, CustomTestStringConvertible {
  var text: String
  var code: ProblemCode
  var line: Int
  var column: Int
  var testDescription: String { "\(code) \(code.summary)" }

  init(_ code: ProblemCode, _ line: Int, _ column: Int, text: String) {
    self.code = code
    self.line = line
    self.column = column
    self.text = text
  }

  /// `base` with `old` replaced by `new` (which must occur).
  init(_ code: ProblemCode, _ line: Int, _ column: Int, replacing old: String, with new: String) {
    precondition(base.contains(old), old)
    self.init(code, line, column, text: base.replacingOccurrences(of: old, with: new))
  }

  /// `base` with `lines` inserted before `milestones:` (line 10).
  init(_ code: ProblemCode, _ line: Int, _ column: Int, beforeMilestones lines: String) {
    self.init(code, line, column, replacing: "    milestones:", with: lines + "\n    milestones:")
  }
}

private let milestone = "      - { due: 2025-12-31, value: 10 }"

@Suite("Target file: each kind of finding has its code")
struct TargetFileCodeTests {
  static let cases: [CodeCase] = [
    CodeCase(.yamlSyntax, 3, 9, replacing: "  title:", with: "   title:"),
    CodeCase(.duplicateYAMLKey, 9, 5, replacing: "    unit: 万辆", with: "    unit: 万辆\n    unit: 辆"),
    CodeCase(.emptyTargetFile, 0, 0, text: ""),
    CodeCase(.unknownComparator, 11, 51, replacing: "10 }", with: #"10, comparator: ">>" }"#),
    CodeCase(.unknownChoice, 8, 11, replacing: "kind: level", with: "kind: stock"),
    CodeCase(.unknownKey, 11, 39, replacing: "10 }", with: "10, why: x }"),
    CodeCase(.missingKey, 5, 5, replacing: "    category: ev\n", with: ""),
    CodeCase(.notAMapping, 11, 9, replacing: milestone, with: "      - 2025-12-31"),
    CodeCase(.notText, 6, 11, replacing: "name: 甲", with: "name: [甲]"),
    CodeCase(.emptyText, 6, 11, replacing: "name: 甲", with: #"name: """#),
    CodeCase(.notANumber, 11, 35, replacing: "value: 10", with: "value: ten"),
    CodeCase(.notAWholeNumber, 11, 45, replacing: "10 }", with: "10, line: 0 }"),
    CodeCase(.notABoolean, 10, 14, beforeMilestones: "    perYear: yes"),
    CodeCase(.notAList, 10, 11, beforeMilestones: "    lead: { a: b }"),
    CodeCase(
      .noMilestones, 10, 17, replacing: "    milestones:\n" + milestone, with: "    milestones: []"),
    CodeCase(.notASlug, 5, 9, replacing: "id: a", with: "id: A"),
    CodeCase(.comparatorValueMismatch, 11, 51, replacing: "10 }", with: "10, comparator: range }"),
    CodeCase(
      .rangeReversed, 11, 35, replacing: "10 }", with: "{ min: 2, max: 1 }, comparator: range }"),
    CodeCase(.toleranceOutOfRange, 10, 16, beforeMilestones: "    tolerance: 2"),
    CodeCase(
      .periodReversed, 4, 11, replacing: "  title: 规划",
      with: "  title: 规划\n  period: { start: 2025-01-01, end: 2024-01-01 }"),
    CodeCase(.perYearNotIncrement, 10, 14, beforeMilestones: "    perYear: true"),
    CodeCase(
      .badDigest, 4, 34, replacing: "  title: 规划",
      with: "  title: 规划\n  source: { file: p.pdf, sha256: 1e48ea0 }"),
    CodeCase(
      .perYearTwiceInAYear, 13, 9,
      text: base.replacingOccurrences(of: "kind: level", with: "kind: increment")
        .replacingOccurrences(
          of: "    milestones:\n" + milestone,
          with: "    perYear: true\n    milestones:\n      - { due: 2025-06-30, value: 5 }\n"
            + milestone)),
    CodeCase(
      .duplicateTargetID, 12, 5,
      text: base + base.split(separator: "\n").dropFirst(4).joined(separator: "\n") + "\n"),
    CodeCase(.duplicateDueDate, 12, 9, replacing: milestone, with: milestone + "\n" + milestone),
    CodeCase(
      .milestoneNotAfterBaseline, 12, 9,
      beforeMilestones: "    baseline: { value: 5, date: 2026-01-01 }"),
    CodeCase(.directionContradictsComparator, 12, 9, beforeMilestones: "    direction: decrease"),
    CodeCase(
      .goalBehindBaseline, 13, 9,
      beforeMilestones: "    baseline: { value: 20, date: 2023-12-31 }\n    direction: increase"),
    CodeCase(
      .milestonesGoBackwards, 11, 9, replacing: milestone,
      with: milestone + "\n      - { due: 2024-12-31, value: 12 }"),
    CodeCase(.unreadableUnit, 9, 11, replacing: "unit: 万辆", with: "unit: 1辆"),
    CodeCase(.invalidDate, 11, 16, replacing: "2025-12-31", with: "2025-02-30"),
  ]

  @Test func theBaseFileIsValid() {
    let file = TargetFile.parse(yaml: base, file: "targets/doc.yaml")
    #expect(file.findings.isEmpty, "\(file.findings)")
    #expect(file.targets.map(\.key) == ["doc/a"])
  }

  @Test(arguments: cases)
  func oneBadFileGivesOneFindingWithItsCodeAndPlace(_ c: CodeCase) {
    let file = TargetFile.parse(yaml: c.text, file: "targets/doc.yaml")
    #expect(
      file.findings.map { "\($0.severity) \($0.code) \($0.line):\($0.column)" }
        == ["error \(c.code) \(c.line):\(c.column)"],
      "\(file.findings.map(\.description))\n\(c.text)")
    // The description starts the message with the code, after the location and severity.
    let location = c.line > 0 ? "targets/doc.yaml:\(c.line):\(c.column)" : "targets/doc.yaml"
    #expect(file.findings.first?.description.hasPrefix("\(location): error: \(c.code) ") == true)
    // The target with the error is left out (of two with the same id, the second).
    #expect(file.targets.count == (c.code == .duplicateTargetID ? 1 : 0))
  }

  @Test func everyCaseHasItsOwnCode() {
    let codes = Self.cases.map(\.code)
    #expect(Set(codes).count == codes.count)
  }
}
