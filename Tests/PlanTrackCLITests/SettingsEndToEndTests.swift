import Foundation
import PlanTrackCore
import Testing

/// Settings files through the real binary: `plantrack config`, and the workspace's thresholds
/// and deadlines in what `status` says.
@Suite struct SettingsEndToEndTests {
  static let file = targetFile([levelTarget("behind"), levelTarget("far")])

  /// A workspace with two targets 15% and 40% behind the expected path at 2024-06-30.
  static func workspace(_ settings: String?) throws -> TempWorkspace {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    if let settings { try ws.write(settings, to: "plantrack.yaml") }
    for (id, value) in [("behind", "135"), ("far", "110")] {
      for date in ["2024-05-31", "2024-06-30"] {
        let r = ws.run(["record", "t/" + id, value, "--date", date])
        #expect(r.code == 0, "\(r.stderr)")
      }
    }
    return ws
  }

  static func statuses(_ ws: TempWorkspace) -> [String: String] {
    let json = ws.statusJSON(asOf: "2024-07-20")
    return Dictionary(
      (json?.targets ?? []).map { ($0["key"] as? String ?? "", $0["status"] as? String ?? "") },
      uniquingKeysWith: { a, _ in a })
  }

  @Test func theWorkspacesThresholdsDecideTheStatus() throws {
    let standard = Self.statuses(try Self.workspace(nil))
    #expect(standard == ["t/behind": "needs-acceleration", "t/far": "off-track"])
    let lenient = Self.statuses(
      try Self.workspace("thresholds: { on-track: 0.2, acceleration: 0.5 }\n"))
    #expect(lenient == ["t/behind": "on-track", "t/far": "needs-acceleration"])
  }

  @Test func theWorkspacesDeadlinesDecideWhenAFigureIsDue() throws {
    let ws = try Self.workspace("deadlines: { monthly: 25 }\n")
    let json = try #require(ws.statusJSON(asOf: "2024-07-20"))
    let reporting = json.targets.compactMap { $0["reporting"] as? [String: Any] }
    #expect(!reporting.isEmpty)
    #expect(reporting.allSatisfy { $0["deadline"] as? String == "2024-07-25" }, "\(reporting)")
  }

  /// A command without a workspace still takes the user's language (and the environment's).
  @Test func diffSpeaksTheUsersLanguage() throws {
    let ws = try TempWorkspace()
    let snapshot = CLI.packageRoot.appendingPathComponent("snapshots/2024-06-30-status.json").path
    try ws.write("language: zh\n", to: "config.yaml")
    let env = ["PLANTRACK_CONFIG": ws.root.appendingPathComponent("config.yaml").path]
    #expect(ws.run(["diff", snapshot, snapshot], env: env).stdout.hasPrefix("对比"))
    #expect(ws.run(["diff", snapshot, snapshot]).stdout.hasPrefix("Changes"))
    #expect(
      ws.run(["diff", snapshot, snapshot], env: ["PLANTRACK_LANG": "zh"]).stdout.hasPrefix("对比"))
  }

  /// `plantrack config` prints every setting with its value and its origin; a problem is one
  /// warning line at its place, the default stands in, and the exit code is 1.
  @Test func configSaysWhereEachSettingComesFrom() throws {
    let ws = try TempWorkspace()
    try ws.write("language: zh\nstore: sqlite:office.sqlite\n", to: "plantrack.yaml")
    try ws.write("theme: light\nkeys: { quit: x }\n", to: "config.yaml")
    let env = ["PLANTRACK_CONFIG": ws.root.appendingPathComponent("config.yaml").path]
    let r = ws.run(["config"], env: env)
    #expect(r.code == 0, "\(r.stderr)")
    let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    func row(_ name: String) -> [String]? { rows.first { $0.first == name } }
    #expect(row("language") == ["language", "zh", "plantrack.yaml:1:11"])
    #expect(row("store") == ["store", "sqlite:office.sqlite", "plantrack.yaml:2:8"])
    #expect(row("theme")?.dropFirst().first == "light")
    #expect(row("theme")?.last?.hasSuffix("config.yaml:1:8") == true)
    #expect(row("keys.quit")?.dropFirst().first == "x")
    #expect(row("mouse") == ["mouse", "true", "default"])
    // The flag wins over the file and the environment.
    let flagged = ws.run(
      ["config", "--store", "sqlite:mine.sqlite", "--format", "json"],
      env: env.merging(["PLANTRACK_STORE": "sqlite:env.sqlite"]) { a, _ in a })
    let items = try #require(
      try JSONSerialization.jsonObject(with: Data(flagged.stdout.utf8)) as? [[String: String]])
    #expect(
      items.first { $0["name"] == "store" } == [
        "name": "store", "value": "sqlite:mine.sqlite", "from": "--store",
      ])
    // A password in a store's connection string is never shown.
    let secret = ws.run(
      ["config"],
      env: env.merging(["PLANTRACK_STORE": "postgresql://office:s3cret@db/plans"]) { a, _ in a })
    #expect(!secret.stdout.contains("s3cret") && secret.stdout.contains("$PLANTRACK_STORE"))
    // Problems: each one line at its place; exit 1.
    try ws.write("theme: dark\nmouse: maybe\n", to: "config.yaml")
    let bad = ws.run(["config"], env: env)
    #expect(bad.code == 1)
    #expect(bad.stderrLines.count == 3, "\(bad.stderr)")
    #expect(
      bad.stderrLines[0].contains(
        "config.yaml:1:8: warning: PT802 theme must be one of: default, light, high-contrast, monochrome"
      ))
    #expect(
      bad.stderrLines[1].contains("config.yaml:2:8: warning: PT802 mouse must be true or false"))
    #expect(
      bad.stdout.contains("theme")
        && bad.stdout.split(separator: "\n").contains {
          $0.hasPrefix("theme") && $0.contains("default")
        })
    // Other commands warn in one line each and carry on.
    let status = ws.run(["status"], env: env)
    #expect(status.code == 0)
    #expect(status.stderrLines.filter { $0.contains("PT802") }.count == 2, "\(status.stderr)")
  }
}
