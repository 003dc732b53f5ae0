import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// The name findings of these tests carry.
private let fileName = "targets/test-doc.yaml"

/// Lines 1-4 of most test files; the targets start on line 5.
private let header = """
  document:
    id: test-doc
    title: 测试规划
  targets:

  """

/// A valid target on lines 5-11; its milestone flow mapping starts at 11:9.
private let validTarget = """
    - id: a
      name: 甲
      category: ev
      kind: level
      unit: 万辆
      milestones:
        - { due: 2025-12-31, value: 10 }

  """

private func parse(_ text: String) -> TargetFile {
  TargetFile.parse(yaml: text, file: fileName)
}

private func errors(_ file: TargetFile) -> [Finding] {
  file.findings.filter { $0.severity == .error }
}

private func day(_ iso: String) -> Day {
  Day(iso: iso)!
}

/// Expects exactly one error, with `code`, at `line`:`column`, whose message names every one of
/// `mentions` (the values it is about, not its wording).
private func expectOnlyError(
  _ file: TargetFile, _ code: ProblemCode, line: Int, column: Int, mentions: [String] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let found = errors(file)
  #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
  guard let finding = found.first else { return }
  #expect(finding.file == fileName, sourceLocation: sourceLocation)
  #expect(finding.code == code, "\(finding)", sourceLocation: sourceLocation)
  #expect(finding.line == line, "\(finding)", sourceLocation: sourceLocation)
  #expect(finding.column == column, "\(finding)", sourceLocation: sourceLocation)
  for mention in mentions {
    #expect(finding.message.contains(mention), "\(finding)", sourceLocation: sourceLocation)
  }
}

@Suite("Target file: a valid file")
struct TargetFileValidTests {
  static let text = """
    document:
      id: test-doc
      title: 测试市新能源汽车推广规划（2024-2026年）
      number: 测政字〔2024〕1号
      issuer: 测试市人民政府
      level: city
      region: 测试市
      period: { start: 2024-01-01, end: 2026-12-31 }
      source: { file: 009_seed.txt }
    targets:
      - id: nev-stock
        name: 新能源汽车保有量
        category: ev
        kind: level
        unit: 万辆
        baseline: { value: 10.5, date: 2023-12-31, note: 由增速推算 }
        milestones:
          - { due: 2026-12-31, value: 30, comparator: ">=", line: 120, quote: 达到30万辆 }
          - { due: 2025-12-31, value: 20, line: 110, quote: 达到20万辆, inferred: true }
        lead: 市发展改革委
      - id: pilot-counties
        name: 试点县
        category: charging
        kind: level
        unit: 个
        direction: increase
        update: yearly
        path: geometric
        milestones:
          - { due: 2026-12-31, value: { min: 1, max: 2 }, comparator: range }
        lead: [市发展改革委, 市能源局]
      - id: coal-use
        name: 煤炭消费量
        category: energy
        kind: level
        unit: 万吨
        milestones:
          - { due: 2026-12-31, value: 300, comparator: "<=" }
      - id: coal-share
        name: 煤炭消费占比
        category: energy
        kind: ratio
        unit: "%"
        tolerance: 0.1
        baseline: { value: 60, date: 2023-12-31 }
        milestones:
          - { due: 2026-12-31, value: 50, comparator: "~" }
      - id: chargers-added
        name: 新增充电桩
        category: charging
        kind: increment
        unit: 万台
        milestones:
          - { due: 2026-12-31, value: 5, comparator: "~" }
          - { due: 2025-12-31, value: 3, comparator: "=" }

    """

  let file = parse(Self.text)

  func target(_ id: String) throws -> Target {
    try #require(file.targets.first { $0.id == id })
  }

  @Test func hasNoFindingsAndEveryTargetInFileOrder() {
    #expect(file.findings.isEmpty, "\(file.findings)")
    #expect(
      file.targets.map(\.id) == [
        "nev-stock", "pilot-counties", "coal-use", "coal-share", "chargers-added",
      ])
    #expect(file.targets.map(\.key).first == "test-doc/nev-stock")
  }

  @Test func readsTheDocumentFields() throws {
    let doc = try #require(file.document)
    #expect(doc.id == "test-doc")
    #expect(doc.title == "测试市新能源汽车推广规划（2024-2026年）")
    #expect(doc.number == "测政字〔2024〕1号")
    #expect(doc.issuer == "测试市人民政府")
    #expect(doc.level == "city")
    #expect(doc.region == "测试市")
    #expect(doc.periodStart == day("2024-01-01"))
    #expect(doc.periodEnd == day("2026-12-31"))
    #expect(doc.sourceFile == "009_seed.txt")
    #expect(try target("coal-use").document == doc)
  }

  /// A file extracted from a PDF: its source's digest, and a milestone that cites a page.
  @Test func readsTheSourceDigestAndAMilestonesPage() throws {
    let sha = String(repeating: "0123456789abcdef", count: 4)
    let text = """
      document:
        id: p
        title: 规划
        source: { file: plan.pdf, sha256: \(sha) }
      targets:
        - id: p12-l7
          name: 甲
          category: ev
          kind: level
          unit: 万辆
          milestones:
            - { due: 2025-12-31, value: 10, page: 12, line: 7, quote: 甲达到10万辆 }

      """
    let file = parse(text)
    #expect(file.findings.isEmpty, "\(file.findings)")
    #expect(file.document?.sourceSHA256 == sha)
    let m = try #require(file.targets.first?.milestones.first)
    #expect(m.page == 12 && m.line == 7)
    #expect(m.citation(in: "plan.pdf") == "plan.pdf:p12:l7")
    #expect(Milestone(due: m.due, goal: m.goal, line: 7).citation(in: "plan.txt") == "plan.txt:7")
    #expect(Milestone(due: m.due, goal: m.goal).citation(in: "plan.txt") == "plan.txt")
    let half = parse(text.replacingOccurrences(of: "page: 12", with: "page: 2.5"))
    #expect(half.findings.map(\.code) == [.notAWholeNumber])
  }

  @Test func readsATargetWithBaselineAndSortsItsMilestones() throws {
    let t = try target("nev-stock")
    #expect(t.name == "新能源汽车保有量")
    #expect(t.category == "ev")
    #expect(t.kind == .level)
    #expect(t.unit == (try MeasureUnit(parsing: "万辆")))
    #expect(t.unit.scale == 1e4)
    #expect(t.baseline == Baseline(value: 10.5, date: day("2023-12-31"), note: "由增速推算"))
    #expect(
      t.milestones == [
        Milestone(
          due: day("2025-12-31"), goal: .atLeast(20), line: 110, quote: "达到20万辆", inferred: true),
        Milestone(
          due: day("2026-12-31"), goal: .atLeast(30), line: 120, quote: "达到30万辆", inferred: false),
      ])
    #expect(t.lead == ["市发展改革委"])
  }

  @Test func readsARangeValueAndAListOfLeads() throws {
    let t = try target("pilot-counties")
    #expect(t.milestones.map(\.goal) == [.range(min: 1, max: 2)])
    #expect(t.lead == ["市发展改革委", "市能源局"])
    #expect(t.update == .yearly)
    #expect(t.path == .geometric)
    #expect(t.direction == .increase)
    #expect(t.baseline == nil)
  }

  @Test func appliesTheDefaults() throws {
    let stock = try target("nev-stock")
    #expect(stock.direction == .increase)
    #expect(stock.update == .monthly)
    #expect(stock.path == .linear)
    // `<=` means a decrease.
    #expect(try target("coal-use").direction == .decrease)
    #expect(try target("coal-use").milestones.map(\.goal) == [.atMost(300)])
    // A goal below the baseline means a decrease.
    #expect(try target("coal-share").direction == .decrease)
    // Neither: an increase.
    #expect(try target("chargers-added").direction == .increase)
  }

  @Test func readsAboutWithItsToleranceOrTheDefault() throws {
    #expect(try target("coal-share").milestones.map(\.goal) == [.about(50, tolerance: 0.1)])
    #expect(
      try target("chargers-added").milestones.map(\.goal) == [
        .exactly(3), .about(5, tolerance: 0.05),
      ])
  }
}

@Suite("Target file: every problem is a finding at its line and column")
struct TargetFileProblemTests {
  @Test func aValidMinimalFileHasNoFindings() {
    let file = parse(header + validTarget)
    #expect(file.findings.isEmpty, "\(file.findings)")
    #expect(file.targets.map(\.key) == ["test-doc/a"])
  }

  @Test func yamlBadIndentation() {
    let file = parse(
      """
      document:
        id: test-doc
         title: 测试规划
      targets: []
      """)
    // libyaml points at the colon of the over-indented key.
    expectOnlyError(file, .yamlSyntax, line: 3, column: 9)
    #expect(file.document == nil)
    #expect(file.targets.isEmpty)
  }

  @Test func yamlUnclosedFlowMapping() {
    let file = parse(
      header
        + """
          - id: a
            name: 甲
            category: ev
            kind: level
            unit: 万辆
            milestones:
              - { due: 2025-12-31, value: 10
            lead: [x]
        """)
    // libyaml reads “10 lead” as one scalar and stops at the colon after it.
    expectOnlyError(file, .yamlSyntax, line: 12, column: 9)
    #expect(file.targets.isEmpty)
  }

  @Test func aDuplicateKeyInAMapping() {
    let file = parse(
      header
        + validTarget.replacingOccurrences(
          of: "    unit: 万辆\n", with: "    unit: 万辆\n    unit: 辆\n"))
    // Yams marks the first of the duplicated keys.
    expectOnlyError(file, .duplicateYAMLKey, line: 9, column: 5, mentions: ["unit"])
    #expect(file.targets.isEmpty)
  }

  @Test(arguments: [
    (#""abc""#, "found “abc”"),
    ("[1]", "found “…”"),
    ("ten", "found “ten”"),
  ])
  func aValueThatIsNotANumber(value: String, found: String) {
    let file = parse(
      header + validTarget.replacingOccurrences(of: "value: 10 }", with: "value: \(value) }"))
    expectOnlyError(file, .notANumber, line: 11, column: 35, mentions: [found])
    #expect(file.targets.isEmpty)
  }

  @Test func aNameThatIsNotText() {
    let file = parse(
      header + validTarget.replacingOccurrences(of: "name: 甲", with: "name: [甲, 乙]"))
    expectOnlyError(file, .notText, line: 6, column: 11, mentions: ["name"])
  }

  @Test func anUnknownComparator() {
    let file = parse(
      header
        + validTarget.replacingOccurrences(
          of: "value: 10 }", with: #"value: 10, comparator: ">>" }"#))
    expectOnlyError(
      file, .unknownComparator, line: 11, column: 51, mentions: [">>", ">=, <=, ~, =, range"])
    #expect(file.targets.isEmpty)
  }

  @Test func aRangeValueWithAnotherComparator() {
    let file = parse(
      header
        + validTarget.replacingOccurrences(
          of: "value: 10 }", with: #"value: { min: 1, max: 2 }, comparator: ">=" }"#))
    expectOnlyError(
      file, .comparatorValueMismatch, line: 11, column: 67, mentions: ["range", ">="])
  }

  @Test func aDuplicateTargetId() {
    let file = parse(header + validTarget + validTarget)
    expectOnlyError(file, .duplicateTargetID, line: 12, column: 5, mentions: ["“a”", "line 5"])
    #expect(file.targets.count == 1)
  }

  @Test(arguments: ["2025-12-31", "2026-06-30"])
  func aMilestoneDueOnOrBeforeTheBaselineDate(baselineDate: String) {
    let file = parse(
      header
        + validTarget.replacingOccurrences(
          of: "    milestones:",
          with: "    baseline: { value: 5, date: \(baselineDate) }\n    milestones:"))
    expectOnlyError(
      file, .milestoneNotAfterBaseline, line: 12, column: 9,
      mentions: ["2025-12-31", baselineDate])
    #expect(file.targets.isEmpty)
  }

  @Test(arguments: ["1辆", "万万", "元/人/年"])
  func aUnitThatDoesNotParse(unit: String) {
    let file = parse(
      header + validTarget.replacingOccurrences(of: "unit: 万辆", with: "unit: \(unit)"))
    expectOnlyError(file, .unreadableUnit, line: 9, column: 11, mentions: [unit])
    #expect(file.targets.isEmpty)
  }

  struct DirectionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var replacing: String
    var with: String
    var code: ProblemCode
    var line: Int
    var mentions: [String]
    var testDescription: String { name }
  }

  @Test(arguments: [
    DirectionCase(
      name: "decrease with >=",
      replacing: "    milestones:", with: "    direction: decrease\n    milestones:",
      code: .directionContradictsComparator, line: 12, mentions: ["decrease", ">=", "increase"]),
    DirectionCase(
      name: "increase with a goal below the baseline",
      replacing: "    milestones:",
      with:
        "    direction: increase\n    baseline: { value: 20, date: 2023-12-31 }\n    milestones:",
      code: .goalBehindBaseline, line: 13, mentions: ["increase", "10", "20"]),
    DirectionCase(
      name: "a later milestone lower than an earlier one",
      replacing: "      - { due: 2025-12-31, value: 10 }",
      with: "      - { due: 2025-12-31, value: 10 }\n      - { due: 2024-12-31, value: 12 }",
      code: .milestonesGoBackwards, line: 11,
      mentions: ["increase", "10", "2025-12-31", "12", "2024-12-31"]),
  ])
  func aDirectionThatContradictsTheValues(_ c: DirectionCase) {
    let file = parse(header + validTarget.replacingOccurrences(of: c.replacing, with: c.with))
    expectOnlyError(file, c.code, line: c.line, column: 9, mentions: c.mentions)
    #expect(file.targets.isEmpty)
  }

  @Test func anUnknownKey() {
    let file = parse(
      header + validTarget.replacingOccurrences(of: "milestones:", with: "milstones:"))
    let found = errors(file)
    #expect(found.count == 2, "\(found)")
    let unknown = found.first { $0.code == .unknownKey }
    #expect(unknown?.line == 10)
    #expect(unknown?.column == 5)
    // The message names the key and every key a target may have.
    for key in ["milstones"] + TargetFile.targetKeys {
      #expect(unknown?.message.contains(key) == true, "\(key): \(found)")
    }
    // Without “milestones”, the target also lacks a required key.
    let missing = found.first { $0.code == .missingKey }
    #expect(missing?.line == 5)
    #expect(missing?.column == 5)
    #expect(missing?.message.contains("milestones") == true, "\(found)")
    #expect(file.targets.isEmpty)
  }

  @Test func anUnknownKeyInTheDocument() {
    let file = parse(
      header.replacingOccurrences(of: "  title:", with: "  titel: x\n  title:") + validTarget)
    expectOnlyError(file, .unknownKey, line: 3, column: 3, mentions: ["titel"])
  }

  @Test func aMissingRequiredKey() {
    let file = parse(header + validTarget.replacingOccurrences(of: "    name: 甲\n", with: ""))
    expectOnlyError(file, .missingKey, line: 5, column: 5, mentions: ["name"])
    #expect(file.targets.isEmpty)
  }

  @Test func aMissingDocumentTitleDropsTheDocument() {
    let file = parse(header.replacingOccurrences(of: "  title: 测试规划\n", with: "") + validTarget)
    expectOnlyError(file, .missingKey, line: 2, column: 3, mentions: ["title"])
    #expect(file.document == nil)
    #expect(file.targets.isEmpty)
  }

  @Test(arguments: ["2025-02-30", "2025-13-01", "2025-1-31", "tomorrow"])
  func anInvalidDate(due: String) {
    let file = parse(
      header + validTarget.replacingOccurrences(of: "due: 2025-12-31", with: "due: \(due)"))
    expectOnlyError(file, .invalidDate, line: 11, column: 16, mentions: [due])
    #expect(file.targets.isEmpty)
  }

  @Test func anInvalidLevel() {
    let file = parse(
      header.replacingOccurrences(of: "\ntargets:", with: "\n  level: county\ntargets:")
        + validTarget)
    expectOnlyError(
      file, .unknownChoice, line: 4, column: 10,
      mentions: TargetFile.levels + ["county"])
    #expect(file.document == nil)
  }

  @Test func anInvalidKindListsTheChoices() {
    let file = parse(
      header + validTarget.replacingOccurrences(of: "kind: level", with: "kind: stock"))
    expectOnlyError(
      file, .unknownChoice, line: 8, column: 11,
      mentions: TargetKind.allCases.map(\.rawValue) + ["stock"])
  }

  @Test func anEmptyFile() {
    let file = parse("")
    #expect(errors(file).map(\.code) == [.emptyTargetFile])
  }

  @Test func threeMistakesAreAllReportedAndTheValidTargetsStillLoad() {
    func target(_ id: String, value: String = "10", unit: String = "万辆") -> String {
      validTarget.replacingOccurrences(of: "id: a", with: "id: \(id)")
        .replacingOccurrences(of: "value: 10 }", with: "value: \(value) }")
        .replacingOccurrences(of: "unit: 万辆", with: "unit: \(unit)")
    }
    // Targets start on lines 5, 12, 19, 26 and 33.
    let text =
      header + target("ok-1") + target("bad-value", value: "abc") + target("ok-2")
      + target("bad-unit", unit: "1辆") + target("bad-comparator", value: #"10, comparator: ">>""#)
    let file = parse(text)
    #expect(
      errors(file).map { "\($0.file):\($0.line):\($0.column) \($0.code)" } == [
        "targets/test-doc.yaml:18:35 PT111",
        "targets/test-doc.yaml:30:11 PT403",
        "targets/test-doc.yaml:39:51 PT104",
      ])
    #expect(file.targets.count == 2)
    #expect(file.targets.map(\.id) == ["ok-1", "ok-2"])
    #expect(file.document?.id == "test-doc")
  }

  @Test func aDocumentMistakeDoesNotHideTheMistakesOfTheTargets() {
    // Lines 1-5 are the header with a bad level; targets start on lines 6 and 13.
    let text =
      header.replacingOccurrences(of: "\ntargets:", with: "\n  level: county\ntargets:")
      + validTarget.replacingOccurrences(of: "value: 10 }", with: "value: abc }")
      + validTarget.replacingOccurrences(of: "id: a", with: "id: b")
      .replacingOccurrences(of: "unit: 万辆", with: "unit: 1辆")
    let file = parse(text)
    #expect(
      errors(file).map { "\($0.line):\($0.column) \($0.code)" } == [
        "4:10 PT105", "12:35 PT111", "17:11 PT403",
      ],
      "\(file.findings)")
    #expect(file.document == nil)
    #expect(file.targets.isEmpty)
  }

  @Test func anUnquotedTildeComparatorMeansAbout() {
    // A plain `~` is YAML's null; as a comparator it can only mean “about” (左右).
    let file = parse(
      header
        + validTarget.replacingOccurrences(of: "value: 10 }", with: "value: 10, comparator: ~ }"))
    #expect(file.findings.isEmpty, "\(file.findings)")
    #expect(file.targets.first?.milestones.map(\.goal) == [.about(10, tolerance: 0.05)])
  }

  @Test func findingDescriptionFormat() {
    // gcc-style `file:line:column: severity: message`, the message starting with the code.
    #expect(
      Finding(
        file: "targets/x.yaml", line: 12, column: 7, code: .unknownComparator, message: "boom"
      )
      .description == "targets/x.yaml:12:7: error: PT104 boom")
    #expect(
      Finding(
        file: "targets/x.yaml", line: 0, column: 0, severity: .warning, code: .fileNameMismatch,
        message: "w"
      ).description == "targets/x.yaml: warning: PT130 w")
  }
}

/// `perYear: true` marks a quota for each year (每年不少于60场).
@Suite("Target file: yearly quotas")
struct TargetFilePerYearTests {
  static func quota(kind: String = "increment", _ milestones: String) -> String {
    header + """
        - id: q
          name: 促消费活动
          category: consumption
          kind: \(kind)
          unit: 场
          perYear: true
          milestones:
      \(milestones)
      """
  }

  @Test func readsAYearlyQuotaWhoseLaterYearsMayAskForLess() throws {
    let file = parse(
      Self.quota(
        """
              - { due: 2023-12-31, value: 60 }
              - { due: 2024-12-31, value: 80 }
              - { due: 2025-12-31, value: 50 }
        """))
    #expect(errors(file).isEmpty, "\(file.findings)")
    let t = try #require(file.targets.first)
    #expect(t.perYear)
    #expect(t.milestones.map(\.due.year) == [2023, 2024, 2025])
  }

  @Test func aYearlyQuotaIsAnIncrementWithOneMilestoneAYear() {
    let notIncrement = parse(Self.quota(kind: "level", "        - { due: 2025-12-31, value: 60 }"))
    #expect(
      errors(notIncrement).contains { $0.code == .perYearNotIncrement }, "\(notIncrement.findings)")
    let twice = parse(
      Self.quota(
        """
              - { due: 2025-06-30, value: 30 }
              - { due: 2025-12-31, value: 60 }
        """))
    #expect(errors(twice).contains { $0.code == .perYearTwiceInAYear }, "\(twice.findings)")
    #expect(twice.targets.isEmpty)
  }

  @Test func aTargetIsNotAYearlyQuotaByDefault() throws {
    let file = parse(header + validTarget)
    #expect(try #require(file.targets.first).perYear == false)
  }
}
