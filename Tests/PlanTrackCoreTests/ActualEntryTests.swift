import Testing

@testable import PlanTrackCore

struct ActualEntryTests {
  static let key = "sd-nev-countryside/nev-stock"

  static func day(_ iso: String) -> Day { Day(iso: iso)! }

  static func value(_ id: Int64, _ asOf: String, _ value: Double) -> ActualEntry {
    ActualEntry(
      id: id, key: key, asOf: day(asOf), value: value, enteredBy: "tester",
      enteredAt: "2025-01-01T00:00:00Z")
  }

  static func retraction(_ id: Int64, _ asOf: String, of retracted: Int64) -> ActualEntry {
    ActualEntry(
      id: id, key: key, asOf: day(asOf), value: nil, enteredBy: "tester",
      enteredAt: "2025-01-01T00:00:00Z", retracts: retracted)
  }

  static func series(_ entries: [ActualEntry]) -> [String] {
    ActualEntry.effectiveSeries(entries).map { "\($0.day.iso)=\($0.value)" }
  }

  @Test func noEntriesGiveAnEmptySeries() {
    #expect(ActualEntry.effectiveSeries([]).isEmpty)
  }

  @Test func singleEntry() {
    let result = ActualEntry.effectiveSeries([Self.value(1, "2024-06-30", 180.5)])
    #expect(result == [Observation(day: Self.day("2024-06-30"), value: 180.5)])
  }

  @Test func correctionWins() {
    let entries = [Self.value(1, "2024-06-30", 180), Self.value(2, "2024-06-30", 182)]
    #expect(Self.series(entries) == ["2024-06-30=182.0"])
  }

  @Test func correctionWinsWhateverTheInputOrder() {
    let entries = [
      Self.value(3, "2024-06-30", 183), Self.value(1, "2024-06-30", 180),
      Self.value(2, "2024-06-30", 182),
    ]
    #expect(Self.series(entries) == ["2024-06-30=183.0"])
  }

  @Test func retractingTheCorrectionBringsBackTheEarlierValue() {
    let entries = [
      Self.value(1, "2024-06-30", 180), Self.value(2, "2024-06-30", 182),
      Self.retraction(3, "2024-06-30", of: 2),
    ]
    #expect(Self.series(entries) == ["2024-06-30=180.0"])
  }

  @Test func retractingTheEarlierValueKeepsTheCorrection() {
    let entries = [
      Self.value(1, "2024-06-30", 180), Self.value(2, "2024-06-30", 182),
      Self.retraction(3, "2024-06-30", of: 1),
    ]
    #expect(Self.series(entries) == ["2024-06-30=182.0"])
  }

  @Test func retractingTheOnlyEntryRemovesTheDate() {
    let entries = [
      Self.value(1, "2024-03-31", 150), Self.value(2, "2024-06-30", 180),
      Self.retraction(3, "2024-06-30", of: 2),
    ]
    #expect(Self.series(entries) == ["2024-03-31=150.0"])
  }

  @Test func retractingEveryValueLeavesNothing() {
    let entries = [
      Self.value(1, "2024-06-30", 180), Self.value(2, "2024-06-30", 182),
      Self.retraction(3, "2024-06-30", of: 2), Self.retraction(4, "2024-06-30", of: 1),
    ]
    #expect(ActualEntry.effectiveSeries(entries).isEmpty)
  }

  @Test func sortedByDayAcrossSeveralDates() {
    let entries = [
      Self.value(1, "2024-12-31", 230), Self.value(2, "2023-12-31", 141),
      Self.value(3, "2024-06-30", 180), Self.value(4, "2023-12-31", 142),
      Self.value(5, "2025-03-31", 245), Self.retraction(6, "2025-03-31", of: 5),
      Self.value(7, "2024-06-30", 181),
    ]
    #expect(
      Self.series(entries) == ["2023-12-31=142.0", "2024-06-30=181.0", "2024-12-31=230.0"])
  }

  @Test func isRetraction() {
    #expect(Self.retraction(2, "2024-06-30", of: 1).isRetraction)
    #expect(!Self.value(1, "2024-06-30", 1).isRetraction)
  }
}
