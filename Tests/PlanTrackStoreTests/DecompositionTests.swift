import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// A province's goal shared out among its 16 cities (目标分解), in generated target files.
@Suite("Decomposition: children's goals against their parent's")
struct DecompositionTests {
  static let indicators = """
    indicators:
      - { id: 5g, name: 5G基站, unit: 个, counts: [个, 座], measure: stock, rollup: sum }
      - { id: share, name: 占比, unit: "%", measure: ratio, rollup: none }

    """
  static let catalog = Catalog(
    indicators: IndicatorFile.parse(yaml: indicators, file: "indicators.yaml").indicators,
    regions: .shipped, findings: [])
  static let cities = RegionTree.shipped.children(of: "370000")

  static func file(_ id: String, region: String, goals: [(String, String, Double)]) -> TargetFile {
    var text = """
      document: { id: \(id), title: 规划, region: \(region) }
      targets:

      """
    for (n, (indicator, unit, goal)) in goals.enumerated() {
      text += """
          - id: t\(n)
            name: 目标\(n)
            category: 5g
            kind: level
            unit: \(unit)
            indicator: \(indicator)
            milestones:
              - { due: 2025-12-31, value: \(goal) }

        """
    }
    return TargetFile.parse(yaml: text, file: "targets/\(id).yaml", catalog: catalog)
  }

  /// Shandong's goal of 25万个 and a goal for each of the first `n` cities of `each`个.
  static func set(cities n: Int, each: Double, unit: String = "个") -> TargetSet {
    let province = file("sd", region: "山东省", goals: [("5g", "万个", 25)])
    let files = cities.prefix(n).enumerated().map { i, city in
      file("c\(i)", region: city.code, goals: [("5g", unit, each)])
    }
    let set = TargetSet(files: [province] + files, catalog: catalog)
    #expect(set.findings.isEmpty, "\(set.findings)")
    return set
  }

  @Test func sixteenCitiesShortOfTheProvincesGoal() throws {
    let findings = Decomposition.findings(Self.set(cities: 16, each: 14000))
    let f = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(
      (f.code, f.severity, f.file, f.line, f.column) == (
        .decompositionShort, .warning, "targets/sd.yaml", 3, 5
      ))
    #expect(f.message.contains("22.4万个 < 25万个"), "\(f.message)")
  }

  @Test(arguments: [15625.0, 16000])
  func sixteenCitiesThatCoverTheGoalSayNothing(_ each: Double) {
    #expect(Decomposition.findings(Self.set(cities: 16, each: each)).isEmpty)
  }

  @Test func goalsInAnotherUnitOfTheIndicatorAreConverted() throws {
    // 1.4万座 each: 座 is the same count as 个.
    let findings = Decomposition.findings(Self.set(cities: 16, each: 1.4, unit: "万座"))
    #expect(findings.map(\.code) == [.decompositionShort])
    #expect(findings.first?.message.contains("22.4万个") == true)
  }

  @Test func someCitiesWithGoalsGiveTheCoverage() throws {
    let findings = Decomposition.findings(Self.set(cities: 12, each: 30000))
    let f = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(f.code == .allocationPartial)
    #expect(f.message.hasPrefix("12 of 16 regions under 山东省"), "\(f.message)")
  }

  @Test func noChildGoalOrAnUnsummedIndicatorSaysNothing() {
    #expect(Decomposition.findings(Self.set(cities: 0, each: 0)).isEmpty)
    let shares = TargetSet(
      files: [Self.file("sd", region: "山东省", goals: [("share", "%", 50)])]
        + Self.cities.enumerated().map { i, c in
          Self.file("c\(i)", region: c.code, goals: [("share", "%", 40)])
        },
      catalog: Self.catalog)
    #expect(Decomposition.findings(shares).isEmpty)
  }
}
