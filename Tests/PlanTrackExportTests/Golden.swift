import Foundation
import Testing

/// Compares text with `__Snapshots__/<name>`; writes it when missing or with RECORD_SNAPSHOTS.
func assertGolden(
  _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "__Snapshots__")
  let url = dir.appendingPathComponent(name)
  guard ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == nil,
    let data = try? Data(contentsOf: url)
  else {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? Data(actual.utf8).write(to: url, options: .atomic)
    Issue.record(
      "recorded \(name); review it and run the tests again", sourceLocation: sourceLocation)
    return
  }
  // Bytes, not String(contentsOf:), which drops a leading byte-order mark.
  let expected = String(decoding: data, as: UTF8.self)
  if Data(actual.utf8) != data {
    let a = actual.components(separatedBy: "\n")
    let e = expected.components(separatedBy: "\n")
    let row =
      zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
    Issue.record(
      "\(name) differs at line \(row + 1):\n  expected: \(row < e.count ? e[row] : "")\n  actual:   \(row < a.count ? a[row] : "")",
      sourceLocation: sourceLocation)
  }
}
