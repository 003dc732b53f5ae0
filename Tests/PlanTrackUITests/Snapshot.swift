import Foundation
import Testing

@testable import PlanTrackUI

/// Compares a screen with its golden file `__Snapshots__/<name>.txt`, row by row. The file is
/// written when it is missing or when `RECORD_SNAPSHOTS` is set; review it by eye before
/// committing it.
func assertScreen(
  _ buffer: ScreenBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")
  let url = dir.appendingPathComponent(name + ".txt")
  let actual = buffer.text
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded \(name).txt; review it and run the tests again", sourceLocation: sourceLocation)
    return
  }
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  if a != e {
    let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
    let row = first?.offset ?? min(a.count, e.count)
    Issue.record(
      "screen \(name) differs from its golden file at row \(row):\n  expected: \(row < e.count ? String(e[row]) : "")\n  actual:   \(row < a.count ? String(a[row]) : "")",
      sourceLocation: sourceLocation)
  }
}
