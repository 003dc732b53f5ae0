import PlanTrackCore

@testable import PlanTrackExport

/// Three targets, one with a hostile name, evaluated at an as-of date.
enum SnapshotFixture {
  static func d(_ s: String) -> Day { Day(iso: s)! }

  static let hostile = "=HYPERLINK(\"x\"),<script>alert('x')</script> | 第二行\n换行"

  static let document = PlanDocument(
    id: "sd-test", title: "山东省测试规划（2023-2025年）", number: "鲁政字〔2023〕1号", issuer: "山东省人民政府",
    level: "province", region: "山东省", periodStart: d("2023-01-01"), periodEnd: d("2025-12-31"),
    sourceFile: "001.txt")

  static func target(
    _ id: String, _ name: String, _ unit: String, baseline: Double?, goal: Goal, lead: [String]
  )
    -> Target
  {
    Target(
      document: document, id: id, name: name, category: "ev",
      kind: baseline == nil ? .increment : .level,
      unit: try! MeasureUnit(parsing: unit), direction: .increase,
      baseline: baseline.map { Baseline(value: $0, date: d("2022-12-31")) },
      milestones: [
        Milestone(due: d("2025-12-31"), goal: goal, line: 12, quote: "到2025年，\(name)达到目标")
      ],
      lead: lead)
  }

  static let targets: [(Target, [(String, Double)])] = [
    (
      target("nev", "全省新能源汽车保有量", "万辆", baseline: 103.7, goal: .atLeast(240), lead: ["省发展改革委"]),
      [("2023-12-31", 150), ("2024-06-30", 180)]
    ),
    (
      target("chargers", "公共充电基础设施", "万台", baseline: 5, goal: .atLeast(18), lead: ["省能源局"]),
      [("2024-05-31", 8)]
    ),
    (
      target("evil", hostile, "个", baseline: nil, goal: .range(min: 1, max: 2), lead: ["<b>省</b>"]),
      []
    ),
  ]

  static func statuses(_ asOf: String, extra: [String: [(String, Double)]] = [:]) -> [TargetStatus]
  {
    targets.map { t, points in
      let all = (points + (extra[t.id] ?? [])).map { Observation(day: d($0.0), value: $0.1) }.sorted
      { $0.day < $1.day }
      return StatusEngine().evaluate(t, series: all, asOf: d(asOf))
    }
  }

  static func snapshot(_ asOf: String = "2024-06-30", label: String? = "演示数据 demo") -> Snapshot {
    Snapshot(asOf: d(asOf), statuses: statuses(asOf), label: label)
  }
}
