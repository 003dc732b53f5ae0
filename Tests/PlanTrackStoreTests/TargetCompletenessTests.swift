import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// Every goal annotated by hand in the seed documents (Tests/PlanTrackExtractTests/Fixtures,
/// read independently of targets/) is a milestone of some target in targets/: same seed file,
/// same line, same value. The exceptions are listed with their reasons.
@Suite("Completeness of the repository's targets")
struct TargetCompletenessTests {
  static let fixtures = repositoryRoot.appendingPathComponent(
    "Tests/PlanTrackExtractTests/Fixtures")

  /// (seed prefix, line, value, why it is not a milestone of its own)
  static let exceptions: [(String, Int, Double, String)] = [
    ("000", 3827, 1.01, "repeats line 3568 (wd-rural-education/teacher-degree-ratio)"),
    ("001", 307, 1, "“一次” stands on line 311, where the milestone cites it"),
    ("001", 959, 100, "repeats line 674 (sd-nev-countryside/nev-output)"),
    ("001", 989, 100, "翻一番: no number in the text"),
    ("001", 2341, 1, "repeats line 1691 (sd-domestic-demand)"),
    ("002", 576, 1, "增加约一倍: no number in the text"),
    ("003", 322, 2.8, "the table's 2024 value, cited from the text at line 306"),
    ("003", 331, 1600, "the table's 2024 value, cited from the text at line 312"),
    ("003", 332, 2500, "the table's 2024 value, cited from the text at line 310"),
    ("003", 335, 120, "the table's 2024 value, cited from the text at line 308"),
    ("003", 348, 320, "the table's 2024 value, cited from the text at line 306"),
    ("003", 349, 38, "the table's 2024 value, cited from the text at line 316"),
    ("003", 449, 1600, "repeats line 312"),
    ("003", 449, 2500, "repeats line 310"),
    ("003", 908, 1500, "the annex repeats line 810"),
  ]

  @Test func everyAnnotatedGoalIsAMilestone() throws {
    let set = repositoryTargetSet
    var milestones: [String: [Double]] = [:]
    for t in set.targets {
      for m in t.milestones {
        guard let file = t.document.sourceFile, let line = m.line else { continue }
        let values: [Double]
        switch m.goal {
        case .range(let lo, let hi): values = [lo, hi]
        default: values = [m.goal.pathValue(t.direction)]
        }
        milestones["\(file):\(line)", default: []] += values
      }
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
      .filter { $0.hasPrefix("goals-") && $0.hasSuffix(".json") }
    #expect(files.count == 5)
    var checked = 0
    var excused = 0
    for name in files.sorted() {
      let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
      let o = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let seed = try #require(o["seed"] as? String)
      for doc in o["documents"] as? [[String: Any]] ?? [] {
        for g in doc["goals"] as? [[String: Any]] ?? [] {
          let line = try #require(g["line"] as? Int)
          let value = try #require((g["value"] as? NSNumber)?.doubleValue)
          checked += 1
          if milestones["\(seed):\(line)", default: []].contains(where: { abs($0 - value) < 1e-9 })
          {
            continue
          }
          if Self.exceptions.contains(where: {
            seed.hasPrefix($0.0) && $0.1 == line && abs($0.2 - value) < 1e-9
          }) {
            excused += 1
            continue
          }
          Issue.record("\(seed):\(line): the goal \(value) (\(g["metric"] ?? "")) is in no target")
        }
      }
    }
    #expect(checked >= 505)
    #expect(excused == Self.exceptions.count, "an exception no longer applies: remove it")
  }
}
