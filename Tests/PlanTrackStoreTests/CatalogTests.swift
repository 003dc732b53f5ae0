import PlanTrackCore
import Testing

@testable import PlanTrackStore

private let indicators = """
  indicators:
    - id: 5g
      name: 5G基站
      en: 5G base stations
      unit: 个
      counts: [个, 座]
      measure: stock
      rollup: sum
    - id: share
      name: 占比
      unit: "%"
      measure: ratio
      rollup: none
      update: quarterly

  """

private let catalog = Catalog(
  indicators: IndicatorFile.parse(yaml: indicators, file: "indicators.yaml").indicators,
  regions: .shipped, findings: [])

/// A document of 威海市 with one target on `5g`: the target's `indicator:` value at 8:16, its
/// unit at 7:11, the document's region at 4:11.
private let targets = """
  document:
    id: wh
    title: 数字威海
    region: 威海市
  targets:
    - id: a
      unit: 座
      indicator: 5g
      name: 5G基站总数
      category: 5g
      kind: level
      milestones:
        - { due: 2025-12-31, value: 6600 }

  """

@Suite("Indicators, regions and where targets are placed")
struct CatalogTests {
  @Test func indicatorsReadAsWritten() throws {
    let parsed = IndicatorFile.parse(yaml: indicators, file: "indicators.yaml")
    #expect(parsed.findings.isEmpty)
    let i = try #require(parsed.indicators.first)
    #expect((i.id, i.name, i.en, i.unit.text) == ("5g", "5G基站", "5G base stations", "个"))
    #expect((i.measure, i.rollup, i.update) == (.stock, .sum, .monthly))
    #expect(try i.accepts(MeasureUnit(parsing: "万个")))
    #expect(try i.accepts(MeasureUnit(parsing: "座")))
    #expect(try !i.accepts(MeasureUnit(parsing: "万辆")))
    #expect(parsed.indicators[1].update == .quarterly)
  }

  /// Each case replaces `old` with `new` in the file above (as it reads once dedented).
  @Test(arguments: [
    (ProblemCode.summedRatio, 13, 13, "    rollup: none", "    rollup: sum"),
    (.duplicateIndicator, 9, 9, "  - id: share", "  - id: 5g"),
    (.unknownChoice, 7, 14, "measure: stock", "measure: level"),
    (.unreadableUnit, 5, 11, "unit: 个", "unit: 1个"),
    (.notASlug, 2, 9, "id: 5g", "id: 5G"),
    (.missingKey, 2, 5, "    rollup: sum\n", ""),
  ])
  func aBadIndicatorIsAFindingAtItsPlace(
    _ code: ProblemCode, _ line: Int, _ column: Int, _ old: String, _ new: String
  ) {
    precondition(indicators.contains(old), old)
    let text = indicators.replacingOccurrences(of: old, with: new)
    let parsed = IndicatorFile.parse(yaml: text, file: "indicators.yaml")
    #expect(
      parsed.findings.map { "\($0.code) \($0.line):\($0.column)" } == [
        "\(code) \(line):\(column)"
      ], "\(parsed.findings)")
  }

  @Test func aTargetIsPlacedOnItsRegionsSeries() throws {
    let file = TargetFile.parse(yaml: targets, file: "targets/wh.yaml", catalog: catalog)
    #expect(file.findings.isEmpty, "\(file.findings)")
    let t = try #require(file.targets.first)
    #expect(t.indicator == "5g")
    #expect(t.placement?.region?.code == "371000")
    #expect(t.series == "371000/5g")
  }

  @Test func aTargetMayNameAnotherRegion() throws {
    let text = targets.replacingOccurrences(
      of: "    indicator: 5g\n", with: "    indicator: 5g\n    region: 威海市文登区\n")
    let t = try #require(
      TargetFile.parse(yaml: text, file: "t.yaml", catalog: catalog).targets.first)
    #expect(t.series == "371003/5g")
    #expect(t.regionName == "威海市文登区")
  }

  @Test func aTargetWithoutAnIndicatorKeepsItsOwnKey() throws {
    let text = targets.replacingOccurrences(of: "    indicator: 5g\n", with: "")
    let file = TargetFile.parse(yaml: text, file: "t.yaml", catalog: catalog)
    #expect(file.targets.first?.series == "wh/a")
    #expect(file.targets.first?.placement?.region?.code == "371000")
  }

  @Test(arguments: [
    (ProblemCode.unknownIndicator, 8, 16, "indicator: 5g\n", "indicator: 6g\n"),
    (.unitNotOfIndicator, 7, 11, "unit: 座", "unit: 万辆"),
    (.ambiguousRegion, 9, 13, "indicator: 5g\n", "indicator: 5g\n    region: 鼓楼区\n"),
    (.unknownRegion, 9, 13, "indicator: 5g\n", "indicator: 5g\n    region: 测试市\n"),
    (.unknownRegion, 4, 11, "region: 威海市", "region: 测试市"),
  ])
  func aTargetThatCannotBePlacedIsAnError(
    _ code: ProblemCode, _ line: Int, _ column: Int, _ old: String, _ new: String
  ) {
    precondition(targets.contains(old), old)
    let text = targets.replacingOccurrences(of: old, with: new)
    let file = TargetFile.parse(yaml: text, file: "t.yaml", catalog: catalog)
    #expect(
      file.findings.map { "\($0.code) \($0.line):\($0.column) \($0.severity)" } == [
        "\(code) \(line):\(column) error"
      ])
    #expect(file.targets.isEmpty)
  }

  @Test func aDocumentRegionThatDoesNotResolveMattersOnlyToTargetsOnIndicators() {
    let text = targets.replacingOccurrences(of: "region: 威海市", with: "region: 测试市")
      .replacingOccurrences(of: "    indicator: 5g\n", with: "")
    #expect(TargetFile.parse(yaml: text, file: "t.yaml", catalog: catalog).findings.isEmpty)
  }

  @Test func regionsYamlAddsZonesUnderTheirParents() throws {
    let text = """
      regions:
        - { code: "371091", name: 威海火炬高技术产业开发区, parent: 威海市 }
        - { code: "371092", name: 火炬一园, parent: 威海火炬高技术产业开发区, level: zone }

      """
    let parsed = RegionFile.parse(yaml: text, file: "regions.yaml", within: .shipped)
    #expect(parsed.findings.isEmpty, "\(parsed.findings)")
    let tree = RegionTree.shipped.adding(parsed.regions)
    #expect(tree.region(code: "371092")?.parent == "371091")
    #expect(tree.ancestors(of: "371092").map(\.code) == ["371091", "371000", "370000", "100000"])
  }

  @Test(arguments: [
    (ProblemCode.unknownRegion, 2, 59, #"{ code: "1", name: a, parent: 不存在市 }"#),
    (.ambiguousRegion, 2, 59, #"{ code: "1", name: a, parent: 鼓楼区   }"#),
    (.duplicateRegion, 2, 13, #"{ code: "371003", name: a, parent: 威海市 }"#),
  ])
  func aBadRegionIsAFindingAtItsPlace(
    _ code: ProblemCode, _ line: Int, _ column: Int, _ entry: String
  ) {
    let parsed = RegionFile.parse(
      yaml: "regions:\n  - \(entry)\n", file: "regions.yaml", within: .shipped)
    #expect(
      parsed.findings.map { "\($0.code) \($0.line)" } == ["\(code) \(line)"], "\(parsed.findings)")
    #expect(parsed.regions.isEmpty)
  }

  @Test func aCycleAmongAddedRegionsIsAFinding() {
    let text = """
      regions:
        - { code: z1, name: 甲区, parent: 乙区 }
        - { code: z2, name: 乙区, parent: 甲区 }

      """
    let parsed = RegionFile.parse(yaml: text, file: "regions.yaml", within: .shipped)
    #expect(parsed.findings.map(\.code) == [.regionCycle, .regionCycle])
    #expect(parsed.regions.isEmpty)
  }
}
