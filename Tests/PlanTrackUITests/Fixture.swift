import PlanTrackCore

@testable import PlanTrackUI

/// Targets of two documents with Chinese names of different lengths, evaluated at 2024-06-30:
/// one of each status.
enum Fixture {
  static func d(_ s: String) -> Day { Day(iso: s)! }

  static let province = PlanDocument(
    id: "sd-nev", title: "山东省推动新能源汽车下乡三年行动计划", number: "鲁政字〔2023〕155号",
    issuer: "山东省人民政府", level: "province", region: "山东省", periodStart: d("2023-01-01"),
    periodEnd: d("2025-12-31"), sourceFile: "001_c451f66ac93ca09b.txt")
  static let city = PlanDocument(
    id: "wh-digital", title: "数字威海建设2023年工作要点", number: "威政办发〔2023〕15号", issuer: "威海市人民政府办公室",
    level: "city", region: "威海市", periodStart: d("2023-01-01"), periodEnd: d("2024-12-31"))

  static func target(
    _ doc: PlanDocument, _ id: String, _ name: String, _ unit: String, kind: TargetKind = .level,
    baseline: Double? = nil, _ goals: [(String, Goal)], lead: [String] = ["省发展改革委"],
    line: Int = 641,
    quote: String? = nil
  ) -> Target {
    Target(
      document: doc, id: id, name: name, category: "ev", kind: kind,
      unit: try! MeasureUnit(parsing: unit),
      direction: .increase, baseline: baseline.map { Baseline(value: $0, date: d("2022-12-31")) },
      milestones: goals.map { g in
        Milestone(due: d(g.0), goal: g.1, line: line, quote: quote ?? name)
      },
      lead: lead)
  }

  static let targets: [(Target, [(String, Double)])] = [
    (
      target(
        province, "nev-stock", "全省新能源汽车保有量", "万辆", baseline: 103.7,
        [("2023-12-31", .atLeast(140)), ("2025-12-31", .atLeast(240))],
        quote: "全省新能源汽车保有量达到 240 万辆"),
      [("2023-12-31", 150), ("2024-06-30", 180)]
    ),
    (
      target(province, "chargers", "公共充电基础设施", "万台", baseline: 5, [("2025-12-31", .atLeast(18))]),
      [("2024-05-31", 8)]
    ),
    (
      target(
        province, "rural", "农村地区公共充电基础设施（乡镇）", "万台", kind: .increment,
        [("2025-12-31", .atLeast(1))], lead: ["省能源局"]),
      [("2024-06-30", 0.2)]
    ),
    (
      target(
        province, "trucks", "新能源货车", "万辆", kind: .increment, [("2023-12-31", .atLeast(5))], lead: []
      ),
      [("2023-12-31", 3)]
    ),
    (
      target(
        city, "5g", "5G基站", "座", kind: .increment, [("2024-12-31", .atLeast(1500))],
        lead: ["市工业和信息化局"]), []
    ),
    (
      target(city, "gigabit", "千兆宽带用户", "万户", baseline: 10, [("2024-03-31", .atLeast(20))]),
      [("2024-03-01", 21)]
    ),
  ]

  static func statuses(asOf: String = "2024-06-30") -> [TargetStatus] {
    targets.map {
      StatusEngine().evaluate(
        $0.0, series: $0.1.map { Observation(day: d($0.0), value: $0.1) }, asOf: d(asOf))
    }
  }

  static func state(
    width: Int = 80, height: Int = 24, language: Language = .en, ascii: Bool = false
  ) -> AppState {
    AppState(
      workspace: "test", asOf: d("2024-06-30"), statuses: statuses(), width: width, height: height,
      language: language, ascii: ascii, color: true)
  }
}
