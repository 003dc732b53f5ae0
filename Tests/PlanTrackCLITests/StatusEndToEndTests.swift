import Foundation
import Testing

/// `record` then `status`: the statuses of docs/STATUS.md, through the real binary.
@Suite struct StatusEndToEndTests {
  /// Increase: 100 at 2022-12-31 → ≥ 200 at 2025-12-31 (expected at 2024-06-30: 149.909).
  /// Decrease: 50 at 2022-12-31 → ≤ 30 at 2025-12-31 (expected at 2024-06-30: 40.018).
  /// The `missed` targets are due 2024-03-31, before the as-of date.
  static let file = targetFile([
    levelTarget("inc-ahead"), levelTarget("inc-behind"), levelTarget("inc-far"),
    levelTarget("inc-done"), levelTarget("inc-missed", due: "2024-03-31"), levelTarget("inc-none"),
    levelTarget("dec-ahead", unit: "%", baseline: 50, goal: 30, comparator: "<="),
    levelTarget("dec-behind", unit: "%", baseline: 50, goal: 30, comparator: "<="),
    levelTarget("dec-far", unit: "%", baseline: 50, goal: 30, comparator: "<="),
    levelTarget("dec-done", unit: "%", baseline: 50, goal: 30, comparator: "<="),
    levelTarget(
      "dec-missed", unit: "%", baseline: 50, goal: 30, comparator: "<=", due: "2024-03-31"),
    levelTarget("dec-none", unit: "%", baseline: 50, goal: 30, comparator: "<="),
  ])

  @Test func statusesForIncreaseAndDecreaseGoals() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let records: [(String, String, String)] = [
      ("inc-ahead", "160", "2024-06-30"),  // shortfall 0 → on-track (R4)
      ("inc-behind", "135", "2024-05-31"),  // flat at 135: shortfall 0.149, projection 135
      ("inc-behind", "135", "2024-06-30"),  //   → needs-acceleration (R6)
      ("inc-far", "110", "2024-06-30"),  // shortfall 0.399, projection ≈ 120 → off-track
      ("inc-done", "205", "2024-06-30"),  // final goal met → achieved
      ("inc-missed", "150", "2024-03-31"),  // due 2024-03-31 not met → missed
      ("dec-ahead", "38", "2024-06-30"),
      ("dec-behind", "43", "2024-05-31"),  // flat at 43: shortfall 0.149
      ("dec-behind", "43", "2024-06-30"),
      ("dec-far", "48", "2024-06-30"),  // shortfall 0.399, projection ≈ 46 → off-track
      ("dec-done", "29.5", "2024-06-30"),
      ("dec-missed", "40", "2024-03-31"),
    ]
    for (id, value, date) in records {
      let r = ws.run(["record", "t/" + id, value, "--date", date])
      #expect(r.code == 0, "record t/\(id) \(value): \(r.stderr)")
      #expect(r.stdout.hasPrefix("recorded #"), "\(r.stdout)")
    }
    let json = try #require(ws.statusJSON(asOf: "2024-06-30"))
    #expect(json.asOf == "2024-06-30")
    #expect(json.targets.count == 12)

    let expected: [String: String] = [
      "ahead": "on-track", "behind": "needs-acceleration", "far": "off-track",
      "done": "achieved", "missed": "missed", "none": "no-data",
    ]
    for direction in ["inc", "dec"] {
      for (suffix, status) in expected {
        let key = "t/\(direction)-\(suffix)"
        #expect(json.status(key) == status, "\(key)")
      }
    }

    // Numbers: actual, expected, goal, due, progress, stale.
    #expect(json.number("t/inc-ahead", "actual") == 160)
    #expect(json[("t/inc-ahead")]?["actualDate"] as? String == "2024-06-30")
    let incExpected = 100 + 100 * 547 / 1096.0
    #expect(abs((json.number("t/inc-ahead", "expected") ?? 0) - incExpected) < 1e-3)
    let decExpected = 50 - 20 * 547 / 1096.0
    #expect(abs((json.number("t/dec-ahead", "expected") ?? 0) - decExpected) < 1e-3)
    #expect(abs((json.number("t/inc-ahead", "progress") ?? 0) - 0.6) < 1e-9)
    #expect(abs((json.number("t/dec-ahead", "progress") ?? 0) - 0.6) < 1e-9)
    #expect(json.number("t/inc-ahead", "goal") == 200)
    #expect(json.number("t/dec-ahead", "goal") == 30)
    #expect(json["t/inc-missed"]?["due"] as? String == "2024-03-31")
    #expect(json["t/dec-done"]?["due"] as? String == "2025-12-31")
    #expect(json.number("t/dec-done", "actual") == 29.5)
    #expect(json["t/inc-none"]?["actual"] is NSNull)
    #expect(json["t/inc-none"]?["actualDate"] is NSNull)
    // Flat at 135: the projection stays at 135.
    #expect(abs((json.number("t/inc-behind", "projected") ?? 0) - 135) < 1e-6)
    // The missed targets' actuals are 91 days old: stale for a monthly target.
    #expect(staleFlags(json)["t/inc-missed"] == true)
    #expect(staleFlags(json)["t/dec-missed"] == true)
    #expect(staleFlags(json)["t/inc-ahead"] == false)

    // An earlier as-of date ignores later actuals.
    let early = try #require(ws.statusJSON(asOf: "2024-01-01"))
    #expect(early.status("t/inc-ahead") == "no-data")
    #expect(early.status("t/dec-done") == "no-data")
  }

  @Test func jsonContractFields() throws {
    let ws = try TempWorkspace(["t.yaml": targetFile([levelTarget("a"), levelTarget("b")])])
    #expect(ws.run(["record", "t/a", "120", "--date", "2024-01-31"]).code == 0)
    let json = try #require(ws.statusJSON(asOf: "2024-02-15"))
    #expect(json.targets.count == 2)
    let strings = ["key", "name", "document", "category", "unit", "status", "due"]
    let numbersOrNull = ["actual", "expected", "goal", "progress", "projected"]
    for element in json.targets {
      for field in strings {
        #expect(element[field] is String, "\(field) should be a string in \(element)")
      }
      for field in numbersOrNull + ["actualDate"] {
        #expect(element.keys.contains(field), "\(field) missing")
      }
      for field in numbersOrNull {
        let v = element[field]
        let isNumber = (v as? NSNumber).map { String(cString: $0.objCType) != "c" } ?? false
        #expect(v is NSNull || isNumber, "\(field): \(String(describing: v))")
      }
      #expect(element["actualDate"] is NSNull || element["actualDate"] is String)
    }
    let a = try #require(json["t/a"])
    #expect(a["name"] as? String == "指标a")
    #expect(a["document"] as? String == "t")
    #expect(a["category"] as? String == "ev")
    #expect(a["unit"] as? String == "万辆")
    #expect(a["actualDate"] as? String == "2024-01-31")
    #expect(json.number("t/a", "actual") == 120)
    #expect(json["t/b"]?["actual"] is NSNull)
    // stale is a JSON boolean for every target.
    let flags = staleFlags(json)
    #expect(flags.count == 2)
    #expect(flags["t/a"] == false)
  }

  @Test func recordConvertsUnitsToTheTargetUnit() throws {
    let ws = try TempWorkspace(["t.yaml": targetFile([levelTarget("nev")])])
    let cases: [([String], String, Double)] = [
      (["1402345辆"], "2024-01-31", 140.2345),
      (["140.2万"], "2024-02-29", 140.2),
      (["1402345", "--unit", "辆"], "2024-03-31", 140.2345),
      (["150万辆"], "2024-04-30", 150),
      (["1,402,345辆"], "2024-05-31", 140.2345),
    ]
    for (value, date, stored) in cases {
      let r = ws.run(["record", "t/nev"] + value + ["--date", date])
      #expect(r.code == 0, "\(value): \(r.stderr)")
      let json = try #require(ws.statusJSON(asOf: date))
      let actual = try #require(json.number("t/nev", "actual"), "\(value)")
      #expect(abs(actual - stored) < 1e-9, "\(value) stored \(actual), expected \(stored)")
    }
  }

  @Test func csvHasBOMAndNeutralisesFormulas() throws {
    let ws = try TempWorkspace([
      "t.yaml": targetFile([levelTarget("f", name: "=SUM(1+1)"), levelTarget("g", name: "普通")])
    ])
    let r = ws.run(["status", "--format", "csv", "--as-of", "2024-01-01"])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.unicodeScalars.first == "\u{FEFF}")
    let lines = r.stdout.split(separator: "\r\n").map(String.init)
    #expect(lines.count == 3)
    let header = lines.first.map { String($0.unicodeScalars.dropFirst()) } ?? ""
    #expect(header.hasPrefix("key,name,document,category,unit,status"))
    #expect(lines.contains { $0.hasPrefix("t/f,'=SUM(1+1),t,ev,万辆,no-data,") }, "\(lines)")
    #expect(!lines.contains { $0.contains(",=SUM") })
    #expect(lines.contains { $0.hasPrefix("t/g,普通,t,ev,万辆,no-data,") })
  }

  @Test func tableAlignsChineseNames() throws {
    let names = ["全省新能源汽车保有量", "5G基站", "Ａ（全角）Ｂ", "plain ascii name", "充电桩、换电站"]
    let ws = try TempWorkspace([
      "t.yaml": targetFile(names.enumerated().map { levelTarget("n\($0)", name: $1) })
    ])
    for i in names.indices {
      #expect(ws.run(["record", "t/n\(i)", "150", "--date", "2024-06-30"]).code == 0)
    }
    let r = ws.run(["status", "--as-of", "2024-06-30", "--lang", "en"])
    #expect(r.code == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    let rows = lines.filter { $0.contains("150 / 200 万辆") }
    #expect(rows.count == names.count, "\(r.stdout)")
    // The column after the name starts at the same display column in every row.
    let valueColumns = rows.map { row in
      displayWidth(row[..<row.range(of: "150 / 200")!.lowerBound])
    }
    #expect(Set(valueColumns).count == 1, "value column starts at \(valueColumns):\n\(r.stdout)")
    let dueColumns = rows.map { row in displayWidth(row[..<row.range(of: "2025-12-31")!.lowerBound])
    }
    #expect(Set(dueColumns).count == 1, "due column starts at \(dueColumns):\n\(r.stdout)")
    // …and the right-aligned value column ends where its header ends.
    let header = try #require(lines.first { $0.hasPrefix("STATUS") })
    let headerEnd = displayWidth(header[..<header.range(of: "ACTUAL / GOAL")!.upperBound])
    let valueEnds = rows.map { displayWidth($0[..<$0.range(of: "万辆")!.upperBound]) }
    #expect(valueEnds.allSatisfy { $0 == headerEnd }, "\(valueEnds) vs header \(headerEnd)")
    // Each name appears whole.
    for name in names { #expect(rows.contains { $0.contains(name) }, "\(name)") }
  }
}

/// The `stale` flag of each target, only where it is a JSON boolean (not a number or string).
func staleFlags(_ json: StatusJSON) -> [String: Bool] {
  var flags: [String: Bool] = [:]
  for element in json.targets {
    guard let key = element["key"] as? String, let n = element["stale"] as? NSNumber,
      String(cString: n.objCType) == "c"
    else { continue }
    flags[key] = n.boolValue
  }
  return flags
}
