import Testing

@testable import PlanTrackCore

@Suite("Region tree: the shipped table")
struct RegionTreeTests {
  let tree = RegionTree.shipped

  @Test func shipsEveryLevelAndShandongAsItIsToday() {
    let levels = Dictionary(grouping: tree.codes.compactMap { tree.region(code: $0) }, by: \.level)
      .mapValues(\.count)
    #expect(levels[.national] == 1)
    #expect(levels[.province] == 34)
    #expect(levels[.city] == 333)
    #expect((2840...2860).contains(levels[.county] ?? 0))
    let shandong = tree.children(of: "370000")
    #expect(shandong.count == 16)
    #expect(shandong.allSatisfy { $0.level == .city })
    // 莱芜 joined 济南 in 2019.
    #expect(tree.region(code: "371200") == nil)
    #expect(tree.resolve("莱芜市") == .unknown(suggestions: []))
  }

  @Test(arguments: [
    // Code, name, the code a county's parent is derived as.
    ("371003", "文登区", "371000"),
    ("371000", "威海市", "370000"),
    ("370000", "山东省", "100000"),
    ("110101", "东城区", "110000"),  // a municipality's districts sit under it directly
    ("419001", "济源市", "410000"),  // a county-level city under the province
  ])
  func parentsFollowFromTheCode(_ code: String, _ name: String, _ parent: String) throws {
    let r = try #require(tree.region(code: code))
    #expect(r.name == name)
    #expect(r.parent == parent)
    #expect(tree.isWithin(code, parent))
    #expect(tree.isWithin(code, RegionTree.nationalCode))
  }

  @Test(arguments: [
    ("371003", "371003"), ("文登区", "371003"), ("威海市文登区", "371003"),
    ("山东省威海市文登区", "371003"), ("山东省威海市", "371000"), (" 山东省 ", "370000"),
    ("全国", "100000"), ("南京市鼓楼区", "320106"), ("福州市鼓楼区", "350102"),
  ])
  func resolvesCodesNamesAndNamesWithTheirParents(_ text: String, _ code: String) {
    #expect(tree.resolve(text) == .found(tree.region(code: code)!))
  }

  @Test func anAmbiguousNameListsEveryRegionWithIt() {
    guard case .ambiguous(let many) = tree.resolve("鼓楼区") else {
      Issue.record("鼓楼区 should be ambiguous")
      return
    }
    #expect(Set(many.map(\.code)) == ["320106", "320302", "350102", "410204"])
  }

  @Test(arguments: [("威海", ["威海市"]), ("测试省", []), ("文登", ["文登区"])])
  func anUnknownNameSuggestsNamesThatContainIt(_ text: String, _ suggestions: [String]) {
    #expect(tree.resolve(text) == .unknown(suggestions: suggestions))
  }

  @Test func nationalFiguresAreTheThirtyOneProvinces() {
    #expect(tree.children(of: "100000").count == 34)
    #expect(tree.rollupChildren(of: "100000").count == 31)
    #expect(tree.rollupChildren(of: "370000").count == 16)
  }

  @Test func fullNamesRunFromTheProvinceDown() {
    #expect(tree.fullName("371003") == "山东省威海市文登区")
    #expect(tree.fullName("100000") == "全国")
    #expect(tree.ancestors(of: "371003").map(\.code) == ["371000", "370000", "100000"])
  }

  @Test func addedRegionsSitUnderTheirParents() {
    let zone = Region(code: "371099", name: "威海火炬高技术产业开发区", level: .zone, parent: "371000")
    let added = tree.adding([zone])
    #expect(added.children(of: "371000").contains(zone))
    #expect(added.resolve("威海火炬高技术产业开发区") == .found(zone))
    #expect(tree.region(code: "371099") == nil)
  }
}

@Suite("Reporting periods")
struct PeriodEndTests {
  static func d(_ s: String) -> Day { Day(iso: s)! }

  @Test(arguments: [
    (
      UpdateFrequency.monthly, "2024-01-15", "2024-04-30",
      ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]
    ),
    (.monthly, "2024-01-31", "2024-02-28", ["2024-01-31"]),
    (.quarterly, "2023-11-01", "2024-09-29", ["2023-12-31", "2024-03-31", "2024-06-30"]),
    (.halfyearly, "2023-01-01", "2024-06-30", ["2023-06-30", "2023-12-31", "2024-06-30"]),
    (.yearly, "2022-12-31", "2024-12-30", ["2022-12-31", "2023-12-31"]),
    (
      .weekly, "2024-01-01", "2024-01-22",
      ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]
    ),
    (.monthly, "2024-05-01", "2024-04-01", []),
  ])
  func endsOfThePeriodsBetween(
    _ f: UpdateFrequency, _ start: String, _ end: String, _ expected: [String]
  ) {
    #expect(f.periodEnds(from: Self.d(start), through: Self.d(end)).map(\.iso) == expected)
  }
}
