import PlanTrackCore
import Testing

@testable import PlanTrackExtract
@testable import PlanTrackStore

private func candidate(
  metric: String = "全省高新技术企业", value: Double, valueMax: Double? = nil, unit: String = "万家",
  comparator: CandidateComparator = .atLeast, kind: TargetKind = .level, due: String?,
  inferred: Bool = false, perYear: Bool = false, line: Int, quote: String = "全省高新技术企业达到2.8万家",
  lead: [String] = ["省科技厅"], document: Int = 0
) -> Candidate {
  Candidate(
    metric: metric, value: value, valueMax: valueMax, unit: unit, comparator: comparator,
    kind: kind, due: due.map(day), dueInferred: inferred, perYear: perYear, line: line,
    quote: quote, lead: lead, document: document)
}

private func document(number: String? = "鲁政办字〔2023〕5号") -> DocumentInfo {
  var doc = DocumentInfo(title: "山东省科技创新行动计划（2023—2025年）", firstLine: 1, lastLine: 40)
  doc.number = number
  doc.issuer = "山东省人民政府办公厅"
  doc.level = "province"
  doc.region = "山东省"
  doc.period = (day("2023-01-01"), day("2025-12-31"))
  doc.year = 2023
  return doc
}

/// The pairs of a JSON object.
private func pairs(_ value: JSONValue) -> [(String, JSONValue)] {
  if case .object(let p) = value { return p }
  return []
}

private func field(_ value: JSONValue, _ key: String) -> JSONValue? {
  pairs(value).first { $0.0 == key }?.1
}

private func parse(_ yaml: String) -> TargetFile {
  TargetFile.parse(yaml: yaml, file: "targets/candidates.yaml")
}

@Suite("Output: the JSON contract and target-file YAML")
struct OutputTests {
  @Test func jsonHasTheKeysOfTheDesignContract() throws {
    let x = Extraction(
      documents: [document()],
      candidates: [
        candidate(value: 2.8, due: "2025-12-31", line: 12),
        candidate(
          metric: "示范园区", value: 1, valueMax: 2, unit: "家", comparator: .range,
          kind: .increment, due: nil, line: 20, quote: "创建1-2家示范园区", lead: []),
      ])
    guard case .array(let items) = x.jsonValue() else {
      Issue.record("not an array")
      return
    }
    try #require(items.count == 2)
    let contract = [
      "metric", "value", "valueMax", "unit", "comparator", "kind", "due", "line", "quote", "lead",
    ]
    for item in items {
      let keys = Set(pairs(item).map(\.0))
      for key in contract { #expect(keys.contains(key), "missing \(key)") }
    }
    let a = items[0]
    #expect(field(a, "metric") == .string("全省高新技术企业"))
    #expect(field(a, "value") == .number(2.8))
    #expect(field(a, "valueMax") == .null)
    #expect(field(a, "unit") == .string("万家"))
    #expect(field(a, "comparator") == .string(">="))
    #expect(field(a, "kind") == .string("level"))
    #expect(field(a, "due") == .string("2025-12-31"))
    #expect(field(a, "line") == .number(12))
    #expect(field(a, "quote") == .string("全省高新技术企业达到2.8万家"))
    #expect(field(a, "lead") == .array([.string("省科技厅")]))
    #expect(field(a, "document") == .string("山东省科技创新行动计划（2023—2025年）"))
    #expect(field(a, "documentNumber") == .string("鲁政办字〔2023〕5号"))
    #expect(field(a, "dueInferred") == .bool(false))
    #expect(field(a, "category") == .string("enterprises"))
    let b = items[1]
    #expect(field(b, "valueMax") == .number(2))
    #expect(field(b, "comparator") == .string("range"))
    #expect(field(b, "kind") == .string("increment"))
    #expect(field(b, "due") == .null)
    #expect(field(b, "lead") == .array([]))
  }

  @Test(arguments: CandidateComparator.allCases)
  func comparatorsAreWrittenAsTheContractSays(comparator: CandidateComparator) {
    let x = Extraction(
      documents: [document()],
      candidates: [candidate(value: 1, comparator: comparator, due: "2025-12-31", line: 1)])
    guard case .array(let items) = x.jsonValue(), let item = items.first else {
      Issue.record("no candidate")
      return
    }
    let expected = [">=", "<=", "~", "=", "range"]
    guard case .string(let s)? = field(item, "comparator") else {
      Issue.record("no comparator")
      return
    }
    #expect(expected.contains(s))
    #expect(s == comparator.rawValue)
  }

  @Test func twoDeadlinesOfOneMetricBecomeOneTargetWithTwoMilestones() throws {
    let x = Extraction(
      documents: [document()],
      candidates: [
        candidate(value: 2.5, due: "2024-12-31", line: 12, quote: "2024年全省高新技术企业达到2.5万家"),
        candidate(value: 2.8, due: "2025-12-31", line: 13),
        candidate(
          metric: "全省用水总量", value: 241.1, unit: "亿立方米", comparator: .atMost, due: "2025-12-31",
          inferred: true, line: 20, quote: "全省用水总量控制在241.1亿立方米以内", lead: []),
        candidate(
          metric: "示范园区", value: 1, valueMax: 2, unit: "家", comparator: .range, kind: .increment,
          due: "2025-12-31", line: 22, quote: "创建1-2家示范园区", lead: ["省发展改革委", "省能源局"]),
      ])
    let yaml = x.yaml(sourceFile: "001_plan.txt")
    let file = parse(yaml)
    #expect(file.findings.isEmpty, "\(file.findings)\n\(yaml)")
    let doc = try #require(file.document)
    #expect(doc.id == Extraction.documentID(document(), sourceFile: "001_plan.txt", index: 0))
    #expect(doc.id.hasPrefix("doc-2023-5-"))
    #expect(doc.title == "山东省科技创新行动计划（2023—2025年）")
    #expect(doc.number == "鲁政办字〔2023〕5号")
    #expect(doc.issuer == "山东省人民政府办公厅")
    #expect(doc.level == "province")
    #expect(doc.region == "山东省")
    #expect(doc.periodStart == day("2023-01-01"))
    #expect(doc.periodEnd == day("2025-12-31"))
    #expect(doc.sourceFile == "001_plan.txt")

    #expect(file.targets.map(\.id) == ["l12", "l20", "l22"])
    let firms = try #require(file.targets.first)
    #expect(firms.name == "全省高新技术企业")
    #expect(firms.kind == .level)
    #expect(firms.unit == (try MeasureUnit(parsing: "万家")))
    #expect(firms.lead == ["省科技厅"])
    #expect(
      firms.milestones == [
        Milestone(
          due: day("2024-12-31"), goal: .atLeast(2.5), line: 12,
          quote: "2024年全省高新技术企业达到2.5万家"),
        Milestone(
          due: day("2025-12-31"), goal: .atLeast(2.8), line: 13, quote: "全省高新技术企业达到2.8万家"),
      ])
    let water = file.targets[1]
    #expect(water.milestones.map(\.goal) == [.atMost(241.1)])
    #expect(water.milestones.map(\.inferred) == [true])
    #expect(water.direction == .decrease)
    #expect(water.lead == [])
    let parks = file.targets[2]
    #expect(parks.milestones.map(\.goal) == [.range(min: 1, max: 2)])
    #expect(parks.kind == .increment)
    #expect(parks.lead == ["省发展改革委", "省能源局"])
  }

  @Test func valuesThatDoNotMoveOneWayStaySeparateTargets() {
    let x = Extraction(
      documents: [document()],
      candidates: [
        candidate(value: 3, due: "2024-12-31", line: 12),
        candidate(value: 2.8, due: "2025-12-31", line: 13),
        candidate(value: 2.9, due: "2025-12-31", line: 14),
      ])
    let groups = Extraction.targets(x.candidates)
    #expect(groups.map { $0.map(\.line) } == [[12], [13], [14]])
    let file = parse(x.yaml(sourceFile: "p.txt"))
    #expect(file.findings.isEmpty, "\(file.findings)")
    #expect(file.targets.map(\.id) == ["l12", "l13", "l14"])
  }

  @Test func stringsWithQuotesBackslashesAndControlCharactersSurviveTheRoundTrip() throws {
    let hard = "他说：\"达到\\2.8\"\t万家\n第二行\u{1}\u{7F}\u{202E}末尾：# 不是注释 {a: b}, [c]"
    var doc = document()
    doc.title = "标题 \"引号\" 与 \\ 反斜杠\r\n与控制符\u{1b}[31m"
    doc.issuer = "'单引号' & *星号 !感叹号 %百分号 @符号 `反引号`"
    let x = Extraction(
      documents: [doc],
      candidates: [
        candidate(
          metric: "企业: \"名称\" # 注释", value: 2.8, due: "2025-12-31", line: 3, quote: hard,
          lead: ["省\"科技\"厅", "a\\b", "- 列表", "null"])
      ])
    let yaml = x.yaml(sourceFile: "path/with \"quote\".txt")
    let file = parse(yaml)
    #expect(file.findings.isEmpty, "\(file.findings)\n\(yaml)")
    let parsed = try #require(file.document)
    #expect(parsed.title == doc.title)
    #expect(parsed.issuer == doc.issuer)
    #expect(parsed.sourceFile == "path/with \"quote\".txt")
    let target = try #require(file.targets.first)
    #expect(target.name == "企业: \"名称\" # 注释")
    #expect(target.milestones.first?.quote == hard)
    #expect(target.lead == ["省\"科技\"厅", "a\\b", "- 列表", "null"])
    // No raw control character reaches the file.
    #expect(!yaml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!yaml.unicodeScalars.contains { $0.value == 0x7F || $0.value == 0x202E })
  }

  @Test func aCandidateWithoutDeadlineIsWrittenAsNullSoThatTheCheckStopsIt() {
    let x = Extraction(
      documents: [document()], candidates: [candidate(value: 2.8, due: nil, line: 7)])
    let yaml = x.yaml(sourceFile: "p.txt")
    #expect(yaml.contains("- { due: null, value: 2.8, "))
    let file = parse(yaml)
    #expect(file.targets.isEmpty)
    #expect(file.findings.contains { $0.severity == .error })
  }

  @Test func aPerYearQuotaAndAnInferredDeadlineAreNoted() {
    let x = Extraction(
      documents: [document()],
      candidates: [
        candidate(
          metric: "招聘活动", value: 1000, unit: "场", kind: .increment, due: "2025-12-31",
          inferred: true, perYear: true, line: 9, quote: "每年开展不少于1000场招聘活动")
      ])
    let yaml = x.yaml(sourceFile: "p.txt")
    #expect(yaml.contains("inferred: true"))
    #expect(yaml.contains("note: "))
    let file = parse(yaml)
    #expect(file.findings.isEmpty, "\(file.findings)")
    #expect(file.targets.first?.milestones.first?.inferred == true)
  }

  @Test func oneYAMLDocumentPerPlanDocumentWithCandidates() {
    var second = document(number: nil)
    second.title = "威海市实施意见"
    let x = Extraction(
      documents: [document(), DocumentInfo(title: "空文件", firstLine: 41, lastLine: 50), second],
      candidates: [
        candidate(value: 2.8, due: "2025-12-31", line: 3),
        candidate(value: 5, due: "2025-12-31", line: 60, document: 2),
      ])
    let yaml = x.yaml(sourceFile: "002 Plans.txt")
    let parts = yaml.components(separatedBy: "---\n")
    #expect(parts.count == 2)
    #expect(parts.allSatisfy { parse($0).findings.isEmpty })
    #expect(parts.map { parse($0).document?.id.hasPrefix("doc-2023-5-") } == [true, false])
    #expect(parts.map { parse($0).document?.id }.last == "doc-002-plans-3")
    #expect(x.yamlFiles(sourceFile: "002 Plans.txt").map(\.text) == parts)
    #expect(!yaml.contains("空文件"))
  }

  @Test(
    "a document id from the 文号, else from the file name",
    arguments: [
      (nil as String?, "001_c451.txt", 0, "doc-001-c451"),
      (nil, "Plan 2023.TXT", 0, "plan-2023"),
      (nil, "Plan 2023.TXT", 1, "plan-2023-2"),
    ])
  func documentID(number: String?, file: String, index: Int, expected: String) {
    let doc = document(number: number)
    #expect(Extraction.documentID(doc, sourceFile: file, index: index) == expected)
  }

  @Test func aDocumentIDFromTheNumberTellsIssuersOfTheSameSerialApart() {
    let a = Extraction.documentID(document(), sourceFile: "a.txt", index: 0)
    let b = Extraction.documentID(document(number: "威政办发〔2023〕5号"), sourceFile: "a.txt", index: 3)
    #expect(a.hasPrefix("doc-2023-5-"))
    #expect(b.hasPrefix("doc-2023-5-"))
    #expect(a != b)
    // Stable: the same number, file name aside, gives the same id.
    #expect(a == Extraction.documentID(document(), sourceFile: "other.txt", index: 1))
    for id in [a, b] {
      let hash = id.dropFirst("doc-2023-5-".count)
      #expect(hash.count == 4)
      #expect(hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }
  }

  @Test func extractedYAMLOfAPlanLoadsAsTargets() throws {
    let text = """
      山东省人民政府办公厅关于印发山东省科技创新行动计划（2023—2025年）的通知
      鲁政办字〔2023〕5号
      一、发展目标
      2024年底前，全省高新技术企业达到2.5万家；到2025年，全省高新技术企业达到2.8万家。
      """
    let x = Extractor().extract(text)
    try #require(x.candidates.count == 2, "\(x.candidates)")
    let file = parse(x.yaml(sourceFile: "plan.txt"))
    #expect(file.findings.isEmpty, "\(file.findings)")
    try #require(file.targets.count == 1)
    #expect(file.targets[0].milestones.map(\.due) == [day("2024-12-31"), day("2025-12-31")])
    #expect(file.targets[0].milestones.map(\.goal) == [.atLeast(2.5), .atLeast(2.8)])
    #expect(file.targets[0].milestones.map(\.line) == [4, 4])
  }
}
