import Testing

@testable import PlanTrackCore

struct TargetFilterTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  static let shandong = PlanDocument(
    id: "sd-nev-countryside", title: "山东省推动新能源汽车下乡三年行动计划（2023-2025年）",
    level: "province", region: "山东省", periodStart: day("2023-01-01"),
    periodEnd: day("2025-12-31"))
  static let jinan = PlanDocument(
    id: "jn-5g", title: "济南市5G发展行动计划", level: "city", region: "济南市")

  static func target(
    _ document: PlanDocument, _ id: String, _ name: String, category: String, kind: TargetKind,
    unit: String, lead: [String]
  ) -> Target {
    Target(
      document: document, id: id, name: name, category: category, kind: kind,
      unit: try! MeasureUnit(parsing: unit), direction: .increase,
      milestones: [Milestone(due: day("2025-12-31"), goal: .atLeast(10))], lead: lead)
  }

  static let targets = [
    target(
      shandong, "nev-stock", "全省新能源汽车保有量", category: "ev", kind: .level, unit: "万辆",
      lead: ["省发展改革委", "省工业和信息化厅"]),
    target(
      shandong, "chargers", "公共充电桩", category: "charging", kind: .increment, unit: "万台",
      lead: ["省能源局"]),
    target(
      jinan, "5g-stations", "5G基站", category: "5g", kind: .level, unit: "个",
      lead: ["市工业和信息化局"]),
    target(
      jinan, "coverage", "千兆光网覆盖率", category: "network", kind: .ratio, unit: "%", lead: []),
  ]

  /// All without data, except `chargers`, whose one actual meets its goal.
  static let statuses: [TargetStatus] = targets.map { t in
    let series = t.id == "chargers" ? [Observation(day: day("2024-06-30"), value: 12)] : []
    return StatusEngine().evaluate(t, series: series, asOf: day("2024-12-31"))
  }

  static func matching(_ text: String) throws -> [String] {
    let filter = try TargetFilter(parsing: text)
    return statuses.filter(filter.matches).map(\.target.id)
  }

  @Test func fixtureStatuses() {
    #expect(Self.statuses.map(\.status) == [.noData, .achieved, .noData, .noData])
  }

  @Test func parsesTerms() throws {
    let filter = try TargetFilter(parsing: "  Category:EV,charging\t保有量  STATUS:Missed ")
    #expect(
      filter.terms == [
        .field(.category, ["ev", "charging"]), .text("保有量"), .field(.status, ["missed"]),
      ])
    #expect(try TargetFilter(parsing: "").terms.isEmpty)
    #expect(try TargetFilter(parsing: "   ").terms.isEmpty)
  }

  @Test(arguments: ["foo:bar", "Foo:bar", "unit:万辆", "categories:ev", ":ev"])
  func unknownFieldIsAnError(text: String) {
    let name = String(text[..<text.firstIndex(of: ":")!]).lowercased()
    #expect(
      throws: FilterError.unknownField(
        name, valid: ["category", "level", "region", "lead", "status", "doc", "kind"])
    ) {
      try TargetFilter(parsing: text)
    }
  }

  @Test(arguments: [
    ("status:late", "late"),
    ("status:missed,late", "late"),
    ("status:on track", "on"),
    ("status:ontrack", "ontrack"),
    ("status:已达标", "已达标"),
  ])
  func unknownStatusIsAnError(text: String, bad: String) {
    #expect(
      throws: FilterError.unknownStatus(
        bad,
        valid: ["off-track", "missed", "needs-acceleration", "no-data", "on-track", "achieved"])
    ) {
      try TargetFilter(parsing: text)
    }
  }

  @Test func errorDescriptionsListTheValidChoices() {
    let field = FilterError.unknownField("foo", valid: ["category", "lead"]).description
    #expect(field.contains("foo") && field.contains("category, lead"))
    let status = FilterError.unknownStatus("late", valid: ["missed", "achieved"]).description
    #expect(status.contains("late") && status.contains("missed, achieved"))
  }

  @Test(arguments: [
    ("", ["nev-stock", "chargers", "5g-stations", "coverage"]),
    // fields
    ("category:ev", ["nev-stock"]),
    ("CATEGORY:EV", ["nev-stock"]),
    ("category:ev,5g", ["nev-stock", "5g-stations"]),
    ("category:energy", []),
    ("level:city", ["5g-stations", "coverage"]),
    ("level:province", ["nev-stock", "chargers"]),
    ("region:山东", ["nev-stock", "chargers"]),
    ("lead:工业和信息化", ["nev-stock", "5g-stations"]),
    ("lead:省能源局", ["chargers"]),
    ("lead:省发展改革委,省能源局", ["nev-stock", "chargers"]),
    ("status:achieved", ["chargers"]),
    ("status:no-data", ["nev-stock", "5g-stations", "coverage"]),
    ("status:achieved,no-data", ["nev-stock", "chargers", "5g-stations", "coverage"]),
    ("status:missed", []),
    ("doc:jn-5g", ["5g-stations", "coverage"]),
    ("kind:level", ["nev-stock", "5g-stations"]),
    ("kind:increment,ratio", ["chargers", "coverage"]),
    ("kind:lev", []),  // kind and status match whole values only
    // text: key, name, title, region, category, lead; case-insensitive
    ("保有量", ["nev-stock"]),
    ("NEV-STOCK", ["nev-stock"]),
    ("sd-nev-countryside/", ["nev-stock", "chargers"]),
    ("5G", ["5g-stations", "coverage"]),
    ("济南", ["5g-stations", "coverage"]),
    ("下乡", ["nev-stock", "chargers"]),
    ("省能源局", ["chargers"]),
    ("network", ["coverage"]),
    ("nothing-like-this", []),
    // every term must match
    ("category:ev 保有量", ["nev-stock"]),
    ("category:ev 充电", []),
    ("山东 充电桩", ["chargers"]),
    ("doc:sd-nev-countryside status:no-data", ["nev-stock"]),
    ("level:city lead:工业 基站", ["5g-stations"]),
  ])
  func matches(text: String, expected: [String]) throws {
    #expect(try Self.matching(text) == expected)
  }

  @Test func andCombinesFilters() throws {
    let ev = try TargetFilter(parsing: "category:ev,charging")
    let achieved = try TargetFilter(parsing: "status:achieved")
    let both = ev.and(achieved)
    #expect(both.terms.count == 2)
    #expect(Self.statuses.filter(both.matches).map(\.target.id) == ["chargers"])
    #expect(
      Self.statuses.filter(ev.and(.all).matches).map(\.target.id) == ["nev-stock", "chargers"])
    #expect(Self.statuses.filter(TargetFilter.all.matches).count == 4)
  }
}

@Suite("Filter matching on prepared fields")
struct FilterFieldsTests {
  @Test(arguments: [
    ("全省新能源汽车保有量", "汽车", true), ("全省新能源汽车保有量", "汽船", false), ("abc", "", true),
    ("ab", "abc", false), ("off track 滞后", "track", true), ("aab", "ab", true), ("", "a", false),
  ])
  func bytesMatchWholeCharacters(_ hay: String, _ needle: String, _ expected: Bool) {
    #expect(Bytes.contains(Array(hay.utf8), Array(needle.utf8)) == expected)
  }

  @Test func aStatusLabelIsSearchedOnlyWhenGiven() throws {
    let status = TargetFilterTests.statuses[1]
    let matcher = try TargetFilter(parsing: "已达标").matcher()
    #expect(matcher.matches(FilterFields(status, statusLabel: status.status.chinese)))
    #expect(!matcher.matches(FilterFields(status)))
  }

  @Test(arguments: ["status:", "region:", "Lead:"])
  func aFieldWithoutAValueIsAnError(_ text: String) {
    let field = String(text.dropLast()).lowercased()
    #expect(
      throws: FilterError.missingValue(
        field, examples: field == "status" ? Status.allCases.map(\.rawValue) : [])
    ) { try TargetFilter(parsing: text) }
  }

  /// Words never match across two texts: the key of one and the name of the next.
  @Test func termsDoNotSpanTwoTexts() throws {
    let status = TargetFilterTests.statuses[0]
    let key = status.target.key
    let glued = String(key.suffix(2)) + String(status.target.name.prefix(1))
    #expect(!(try TargetFilter(parsing: glued).matches(status)))
  }
}

@Suite("Readable part of a filter")
struct ReadableFilterTests {
  @Test(
    arguments: [
      ("status:off-track 5g", "status:off-track 5g", nil),
      ("status:off 5g", "5g", "off"),
      ("foo:1 status: 济南", "济南", "foo"),
      ("", "", nil),
    ] as [(String, String, String?)])
  func keepsWhatCanBeReadAndTheFirstProblem(_ text: String, _ kept: String, _ first: String?) throws
  {
    let (filter, problem) = TargetFilter.readable(text)
    #expect(filter == (try TargetFilter(parsing: kept)))
    switch problem {
    case .unknownField(let f, _), .unknownStatus(let f, _), .missingValue(let f, _):
      #expect(f == first)
    case nil: #expect(first == nil)
    }
  }
}
