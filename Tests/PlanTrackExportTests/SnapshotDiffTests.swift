import PlanTrackCore
import Testing

@testable import PlanTrackExport

@Suite("Snapshot diff")
struct SnapshotDiffTests {
  static func parsed(_ s: Snapshot) throws -> JSONValue { try JSONValue.parse(s.json()) }

  @Test func statusChangesNewFiguresMoversAddedAndRemoved() throws {
    let old = Snapshot(
      asOf: SnapshotFixture.d("2024-06-30"), statuses: SnapshotFixture.statuses("2024-06-30"))
    let newStatuses = SnapshotFixture.statuses(
      "2024-09-30", extra: ["chargers": [("2024-09-30", 14)], "evil": [("2024-09-30", 1)]])
    let new = Snapshot(
      asOf: SnapshotFixture.d("2024-09-30"), statuses: Array(newStatuses.dropFirst()))
    let diff = try SnapshotDiff(old: try Self.parsed(old), new: try Self.parsed(new))
    #expect(diff.oldAsOf == "2024-06-30" && diff.newAsOf == "2024-09-30")
    #expect(Set(diff.statusChanges.map(\.key)) == ["sd-test/chargers", "sd-test/evil"])
    #expect(diff.statusChanges.first { $0.key == "sd-test/chargers" }?.new?.status == "on-track")
    #expect(Set(diff.newActuals.map(\.key)) == ["sd-test/chargers", "sd-test/evil"])
    #expect(diff.movers.first?.key == "sd-test/chargers")
    #expect(abs((diff.movers.first?.progressChange ?? 0) - (9.0 / 13 - 3.0 / 13) * 100) < 1e-3)
    #expect(diff.removed.map(\.key) == ["sd-test/nev"])
    #expect(diff.added.isEmpty)
    let table = diff.table(language: .en)
    #expect(table.contains("Status changed (2)") && table.contains("Removed (1)"))
    let md = diff.markdown(language: .zh)
    #expect(md.contains("## 状态变化 (2)") && !md.contains("<script"))
    let json = try JSONValue.parse(diff.jsonValue().text())
    #expect(json["removed"]?.arrayValue?.count == 1)
  }

  @Test func theSameSnapshotHasNoChanges() throws {
    let s = try Self.parsed(SnapshotFixture.snapshot())
    let diff = try SnapshotDiff(old: s, new: s)
    #expect(diff.isEmpty)
    #expect(diff.table(language: .en).contains("no changes"))
  }

  @Test func anUnknownSchemaOrAnotherFileIsRefused() throws {
    let future = try JSONValue.parse(#"{"schema": 4, "asOf": "2024-06-30", "targets": []}"#)
    let s = try Self.parsed(SnapshotFixture.snapshot())
    #expect(throws: SnapshotError.unsupportedSchema(4)) { try SnapshotDiff(old: s, new: future) }
    // Schema 1 (before regions were objects) is still read.
    let older = try JSONValue.parse(#"{"schema": 1, "asOf": "2024-06-30", "targets": []}"#)
    #expect(try SnapshotDiff(old: older, new: older).isEmpty)
    #expect(throws: SnapshotError.self) { try SnapshotDiff(old: .object([]), new: s) }
    // The plain `status --format json` object (no schema) is read too.
    let plain = try JSONValue.parse(
      StatusReport(
        asOf: SnapshotFixture.d("2024-06-30"), statuses: SnapshotFixture.statuses("2024-06-30")
      ).json())
    #expect(try SnapshotDiff(old: plain, new: s).isEmpty)
  }
}
