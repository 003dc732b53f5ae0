import Testing

@testable import PlanTrackCore

struct RollupTests {
  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  static let shandong = PlanDocument(
    id: "sd-nev-countryside", title: "山东省推动新能源汽车下乡三年行动计划", level: "province",
    region: "山东省")
  static let jinan = PlanDocument(id: "jn-5g", title: "济南市5G发展行动计划")

  static func target(_ document: PlanDocument, _ id: String, category: String, lead: [String])
    -> Target
  {
    Target(
      document: document, id: id, name: id, category: category, kind: .level,
      unit: try! MeasureUnit(parsing: "万辆"), direction: .increase,
      milestones: [Milestone(due: day("2025-12-31"), goal: .atLeast(100))], lead: lead)
  }

  /// At 2026-06-30, after every deadline: `a1` met its goal, `b1` fell short, the others have
  /// no data.
  static let statuses: [TargetStatus] = {
    let asOf = day("2026-06-30")
    let engine = StatusEngine()
    return [
      engine.evaluate(
        target(shandong, "a1", category: "ev", lead: ["发改委", "工信厅"]),
        series: [Observation(day: day("2025-12-31"), value: 120)], asOf: asOf),
      engine.evaluate(
        target(shandong, "a2", category: "charging", lead: ["能源局"]), series: [], asOf: asOf),
      engine.evaluate(
        target(jinan, "b1", category: "ev", lead: []),
        series: [Observation(day: day("2025-12-31"), value: 60)], asOf: asOf),
      engine.evaluate(
        target(jinan, "b2", category: "5g", lead: ["工信厅"]), series: [], asOf: asOf),
    ]
  }()

  /// `name: status=count …` for each group, statuses in urgency order.
  static func describe(_ rollup: Rollup) -> [String] {
    rollup.groups.map { g in
      let counts = Status.allCases.sorted().compactMap { s in
        g.counts[s].map { "\(s.rawValue)=\($0)" }
      }
      return "\(g.name): " + counts.joined(separator: " ") + " total=\(g.total)"
    }
  }

  @Test func fixtureStatuses() {
    #expect(Self.statuses.map(\.status) == [.achieved, .noData, .missed, .noData])
  }

  @Test(arguments: [
    (
      Rollup.Dimension.document,
      [
        "jn-5g: missed=1 no-data=1 total=2",
        "sd-nev-countryside: no-data=1 achieved=1 total=2",
      ]
    ),
    (
      .category,
      [
        "5g: no-data=1 total=1",
        "charging: no-data=1 total=1",
        "ev: missed=1 achieved=1 total=2",
      ]
    ),
    (
      // a1 counts for both of its lead units; b1 has none.
      .lead,
      [
        "—: missed=1 total=1",
        "发改委: achieved=1 total=1",
        "工信厅: no-data=1 achieved=1 total=2",
        "能源局: no-data=1 total=1",
      ]
    ),
    (
      .region,
      [
        "—: missed=1 no-data=1 total=2",
        "山东省: no-data=1 achieved=1 total=2",
      ]
    ),
    (
      .level,
      [
        "province: no-data=1 achieved=1 total=2",
        "—: missed=1 no-data=1 total=2",
      ]
    ),
  ])
  func groups(dimension: Rollup.Dimension, expected: [String]) {
    let rollup = Rollup(Self.statuses, by: dimension)
    #expect(rollup.dimension == dimension)
    #expect(Self.describe(rollup) == expected)
  }

  @Test func keysOfATarget() {
    let a1 = Self.statuses[0].target
    let b1 = Self.statuses[2].target
    #expect(Rollup.keys(of: a1, by: .lead) == ["发改委", "工信厅"])
    #expect(Rollup.keys(of: b1, by: .lead) == ["—"])
    #expect(Rollup.keys(of: a1, by: .document) == ["sd-nev-countryside"])
    #expect(Rollup.keys(of: a1, by: .category) == ["ev"])
    #expect(Rollup.keys(of: a1, by: .region) == ["山东省"])
    #expect(Rollup.keys(of: b1, by: .region) == ["—"])
    #expect(Rollup.keys(of: a1, by: .level) == ["province"])
  }

  @Test func totalsCountEachTargetOnce() {
    let all = Rollup.totals(Self.statuses)
    #expect(all.name == "all")
    #expect(all.total == 4)
    #expect(all.counts == [.achieved: 1, .missed: 1, .noData: 2])
    #expect(all.share(.noData) == 0.5)
    #expect(all.share(.achieved) == 0.25)
    #expect(all.share(.onTrack) == 0)
  }

  @Test func shares() throws {
    let byCategory = Rollup(Self.statuses, by: .category)
    let ev = try #require(byCategory.groups.first { $0.name == "ev" })
    #expect(ev.share(.missed) == 0.5)
    #expect(ev.share(.achieved) == 0.5)
    #expect(ev.share(.noData) == 0)
    let byLead = Rollup(Self.statuses, by: .lead)
    let industry = try #require(byLead.groups.first { $0.name == "工信厅" })
    #expect(industry.share(.achieved) == 0.5)
    let planning = try #require(byLead.groups.first { $0.name == "发改委" })
    #expect(planning.share(.achieved) == 1)
  }

  @Test func emptyInput() {
    #expect(Rollup([], by: .document).groups.isEmpty)
    let none = Rollup.totals([Status]())
    #expect(none.total == 0)
    #expect(none.share(.achieved) == 0)
    #expect(Rollup.Group(name: "x", counts: [:], total: 0).share(.missed) == 0)
  }
}
