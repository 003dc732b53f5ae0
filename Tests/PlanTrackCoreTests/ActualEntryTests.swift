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
    EntryLog.series(entries).map { "\($0.day.iso)=\($0.value)" }
  }

  @Test func noEntriesGiveAnEmptySeries() {
    #expect(EntryLog.series([ActualEntry]()).isEmpty)
  }

  @Test func singleEntry() {
    let result = EntryLog.series([Self.value(1, "2024-06-30", 180.5)])
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
    #expect(EntryLog.series(entries).isEmpty)
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

  /// Each log, and the state of each of its entries in order: one rule decides both the series
  /// and the states (`EntryLog`).
  static let stateCases: [(name: String, entries: [ActualEntry], states: [EntryState])] = [
    ("one value", [value(1, "2024-06-30", 180)], [.current]),
    (
      "a correction supersedes", [value(1, "2024-06-30", 180), value(2, "2024-06-30", 182)],
      [.superseded, .current]
    ),
    (
      "undoing the correction brings back the first",
      [
        value(1, "2024-06-30", 180), value(2, "2024-06-30", 182),
        retraction(3, "2024-06-30", of: 2),
      ],
      [.current, .retracted, .retraction(of: 2)]
    ),
    (
      "retracting the first keeps the correction",
      [
        value(1, "2024-06-30", 180), value(2, "2024-06-30", 182),
        retraction(3, "2024-06-30", of: 1),
      ],
      [.retracted, .current, .retraction(of: 1)]
    ),
    (
      "dates are resolved apart",
      [value(1, "2024-12-31", 230), value(2, "2024-06-30", 180), value(3, "2024-06-30", 181)],
      [.current, .superseded, .current]
    ),
    (
      "a later id wins whatever the order given",
      [value(3, "2024-06-30", 183), value(1, "2024-06-30", 180)], [.current, .superseded]
    ),
  ]

  @Test(arguments: stateCases.indices)
  func statesOfEachEntry(_ i: Int) {
    let c = Self.stateCases[i]
    #expect(EntryLog.states(c.entries) == c.states, "\(c.name)")
    // The series is exactly the current entries' values.
    let current = zip(c.entries, c.states).filter { $0.1 == .current }.map(\.0)
    #expect(
      EntryLog.series(c.entries)
        == current.sorted { $0.asOf < $1.asOf }.map { Observation(day: $0.asOf, value: $0.value!) },
      "\(c.name)")
  }

  @Test func stateTexts() {
    #expect(
      [EntryState.current, .superseded, .retracted, .retraction(of: 12)].map(\.text) == [
        "current", "superseded", "retracted", "retracts #12",
      ])
  }
}
