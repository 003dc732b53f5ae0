import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// `plantrack demo`'s generated figures put the repository's targets in every status.
@Suite("Demo data")
struct DemoDataTests {
  @Test func everyStatusAppearsAndTheFiguresAreDeterministic() throws {
    let set = repositoryTargetSet
    let asOf = Day(iso: "2024-06-30")!
    let entries = DemoData.entries(for: set, asOf: asOf, user: "demo", time: "t")
    #expect(entries == DemoData.entries(for: set, asOf: asOf, user: "demo", time: "t"))
    #expect(
      entries.allSatisfy {
        $0.asOf <= asOf && $0.value!.isFinite && $0.note?.contains("演示数据") == true
      })
    let store = try SQLiteActualsStore.inMemory()
    try store.append(entries)
    let series = try store.seriesByKey()
    // The series the demo export computes without a store is the one the store resolves.
    #expect(DemoData.series(for: set, asOf: asOf) == series)
    let book = FigureBook(
      series: series, indicators: set.catalog.indicators, regions: set.catalog.regions,
      asOf: asOf)
    let statuses = StatusEngine().evaluate(set.targets, book: book).map(\.status)
    for status in Status.allCases {
      #expect(statuses.contains(status), "no target is \(status) in the demo")
    }
    // Every target on an indicator reads figures, except where its scenario is “no data”.
    let noData = statuses.filter { $0 == .noData }.count
    #expect(
      noData <= set.targets.count / DemoData.Scenario.allCases.count + 20, "\(noData) without data")
  }
}
