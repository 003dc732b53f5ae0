import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// The settings files, each finding at its place with the values it allows, and the order in
/// which files, environment and flags win.
struct SettingsFileTests {
  static func settings(_ layers: SettingsLayer...) -> EffectiveSettings {
    EffectiveSettings(layers: layers)
  }

  @Test func aUserFileSetsTheDashboard() {
    let layer = SettingsFile.parse(
      yaml: """
        theme: light
        colors: "8"
        columns: [status, name, actual, due, region]
        keys: { quit: [x, ctrl-x], down: j }
        mouse: false
        ascii: true
        language: zh
        """, file: "config.yaml", scope: .user)
    #expect(layer.findings.isEmpty, "\(layer.findings)")
    let s = Self.settings(layer)
    #expect(s.settings.theme == .light && s.settings.colors == .eight)
    #expect(s.settings.columns == [.status, .name, .figures, .due, .region])
    #expect(s.settings.keys[.quit] == [.char("x"), .control("x")])
    #expect(s.settings.keys[.down] == [.char("j")])
    #expect(s.settings.mouse == false && s.settings.ascii == true && s.settings.language == .zh)
    #expect(s.origins["theme"] == "config.yaml:1:8")
    #expect(s.origins["keys.quit"] == "config.yaml:4:15")
    #expect(s.keyMap.action(for: .char("x"), in: .overview) == .quit)
  }

  @Test func aWorkspaceFileSetsTheOfficesRules() {
    let layer = SettingsFile.parse(
      yaml: """
        store: sqlite:figures.sqlite
        language: en
        thresholds: { on-track: 0.1, acceleration: 0.3, projection-window: 4 }
        deadlines: { monthly: 5, yearly: 60 }
        """, file: "plantrack.yaml", scope: .workspace)
    #expect(layer.findings.isEmpty, "\(layer.findings)")
    let s = Self.settings(layer).settings
    #expect(s.store == "sqlite:figures.sqlite" && s.language == .en)
    #expect(s.thresholds.onTrackShortfall == 0.1 && s.thresholds.accelerationShortfall == 0.3)
    #expect(s.thresholds.projectionWindow == 4)
    #expect(s.deadlines == [.monthly: 5, .yearly: 60])
  }

  /// (file text, scope, the one finding: code line:column and words of its message)
  static let problems: [(String, SettingsFile.Scope, String, String)] = [
    ("theme: dark", .user, "PT802 1:8", "default, light, high-contrast, monochrome"),
    ("colors: 256", .user, "PT802 1:9", "auto, 16, 8, none"),
    ("mouse: maybe", .user, "PT802 1:8", "true or false"),
    ("columns: [status, naam]", .user, "PT802 1:19", "status, name, actual"),
    ("columns: [name, name]", .user, "PT802 1:17", "each once"),
    ("keys: { quit: [ctrl-1] }", .user, "PT802 1:16", "not a key"),
    ("keys: { leave: [q] }", .user, "PT801 1:9", "actions: quit, help"),
    ("colour: 8", .user, "PT801 1:1", "may set: language, store, theme"),
    ("theme: light", .workspace, "PT801 1:1", "belongs in the user's config.yaml"),
    ("deadlines: { monthly: 10 }", .user, "PT801 1:1", "belongs in the workspace's plantrack.yaml"),
    ("thresholds: { on-track: 1.5 }", .workspace, "PT802 1:25", "between 0 and 1"),
    ("thresholds: { ontrack: 0.1 }", .workspace, "PT801 1:15", "on-track, acceleration"),
    ("deadlines: { monthly: -1 }", .workspace, "PT802 1:23", "0 to 366"),
    ("deadlines: { daily: 1 }", .workspace, "PT801 1:14", "weekly, monthly"),
    ("language: fr", .workspace, "PT802 1:11", "en, zh"),
    ("theme: [light", .user, "PT101", "YAML syntax"),
    ("keys: { sort: [ctrl-s] }", .user, "PT802 1:16", "flow control"),
    ("keys: { group: ctrl-z }", .user, "PT802 1:16", "suspends"),
    ("keys: { reload: [ctrl-m] }", .user, "PT802 1:18", "write enter"),
    ("keys: { up: [ctrl-c] }", .user, "PT802 1:14", "ctrl-c always quits"),
    ("keys: { quit: [] }", .user, "PT802 1:15", "needs a key"),
    ("keys: { up: { a: b } }", .user, "PT802 1:13", "needs a key"),
    ("keys: { help: ~ }", .user, "PT802 1:15", "not a key"),
  ]

  @Test(arguments: problems)
  func eachProblemIsOneWarningAtItsPlace(
    _ text: String, _ scope: SettingsFile.Scope, _ place: String, _ words: String
  ) {
    let layer = SettingsFile.parse(yaml: text, file: "f.yaml", scope: scope)
    #expect(layer.findings.count == 1, "\(layer.findings)")
    guard let f = layer.findings.first else { return }
    #expect(f.severity == .warning)
    #expect(
      "\(f.code.rawValue) \(f.line):\(f.column)".hasPrefix(place), "\(f.code) \(f.line):\(f.column)"
    )
    #expect(f.message.contains(words), "\(f.message)")
    // Nothing bad is applied: the defaults stand in.
    #expect(Self.settings(layer).settings == .standard || text.hasPrefix("keys"))
  }

  /// Flags over the environment over the workspace over the user; each value says where it
  /// came from.
  @Test func laterLayersWin() {
    let user = SettingsFile.parse(
      yaml: "language: en\nstore: sqlite:user.sqlite\ntheme: light\n", file: "~/config.yaml",
      scope: .user)
    let workspace = SettingsFile.parse(
      yaml: "language: zh\nstore: sqlite:office.sqlite\n", file: "plantrack.yaml", scope: .workspace
    )
    let env = EffectiveSettings.environment([
      "PLANTRACK_STORE": "sqlite:env.sqlite", "PLANTRACK_THEME": "monochrome", "NO_COLOR": "1",
    ])
    var flags = SettingsLayer()
    flags.set("store", at: "--store", "sqlite:flag.sqlite")
    let all = Self.settings(user, workspace, env, flags)
    #expect(all.settings.store == "sqlite:flag.sqlite" && all.origins["store"] == "--store")
    #expect(all.settings.language == .zh && all.origins["language"] == "plantrack.yaml:1:11")
    #expect(all.settings.theme == .monochrome && all.origins["theme"] == "$PLANTRACK_THEME")
    // NO_COLOR is no setting: `colors: auto` turns colours off under it, a user's colours win.
    #expect(all.settings.colors == .auto && all.origins["colors"] == nil)
    let noFlags = Self.settings(user, workspace, env)
    #expect(noFlags.settings.store == "sqlite:env.sqlite")
    #expect(Self.settings(user, workspace).settings.store == "sqlite:office.sqlite")
    #expect(Self.settings(user).settings.store == "sqlite:user.sqlite")
    let table = Dictionary(
      all.table.map { ($0.name, ($0.value, $0.origin)) }, uniquingKeysWith: { a, _ in a })
    #expect(table["theme"]! == ("monochrome", "$PLANTRACK_THEME"))
    #expect(table["mouse"]! == ("true", "default"))
    #expect(table["keys.group"]!.0 == "b (overview); g (board)")
  }

  @Test func aBadEnvironmentValueIsAWarning() {
    let env = EffectiveSettings.environment(["PLANTRACK_THEME": "dark", "PLANTRACK_LANG": "fr"])
    #expect(env.assignments.isEmpty)
    #expect(env.findings.map(\.code) == [.badSetting, .badSetting])
    #expect(
      env.findings[0].description.contains("$PLANTRACK_LANG")
        || env.findings[1].description.contains("$PLANTRACK_LANG"))
  }

  @Test func aKeyConflictIsAFindingAtTheKeys() {
    let layer = SettingsFile.parse(
      yaml: "keys:\n  up: [j]\n  down: [j]\n", file: "config.yaml", scope: .user)
    let s = Self.settings(layer)
    #expect(s.findings.count == 1)
    #expect(s.findings.first?.code == .keyConflict)
    #expect(s.findings.first?.message.contains("in the board, detail, overview") == true)
    #expect(s.keyMap.action(for: .char("k"), in: .overview) == .up)
    #expect(
      s.origins["keys.up"]?.hasSuffix("(standard keys in the board, detail, overview: PT803)")
        == true)
    // A key twice in one action's list is no conflict.
    let twice = Self.settings(
      SettingsFile.parse(yaml: "keys: { down: [k, k] }", file: "c.yaml", scope: .user))
    #expect(twice.findings.isEmpty && twice.keyMap.action(for: .char("k"), in: .overview) == .down)
  }

  /// A file of comments only sets nothing and says nothing; a key set twice leaves out the
  /// repeat and keeps the rest of the file.
  @Test func commentsOnlyAndARepeatedKey() {
    let comments = SettingsFile.parse(
      yaml: "# theme: light\n\n# nothing yet\n", file: "c.yaml", scope: .user)
    #expect(comments.findings.isEmpty && comments.assignments.isEmpty)
    let twice = SettingsFile.parse(
      yaml: "theme: light\ncolors: 8\ncolors: 16\nmouse: false\n", file: "c.yaml", scope: .user)
    #expect(twice.findings.map { "\($0.code) \($0.line):\($0.column)" } == ["PT102 3:1"])
    let s = Self.settings(twice).settings
    #expect(s.theme == .light && s.colors == .eight && s.mouse == false)
  }

  /// Thresholds that leave no room for "needs acceleration" are refused, both.
  @Test func thresholdsInTheWrongOrder() {
    let s = Self.settings(
      SettingsFile.parse(
        yaml: "thresholds: { on-track: 0.5, acceleration: 0.1 }", file: "plantrack.yaml",
        scope: .workspace))
    #expect(s.findings.map(\.code) == [.badSetting])
    #expect(s.findings.first?.message.contains("must be below thresholds.acceleration") == true)
    #expect(s.settings.thresholds == .standard)
  }

  /// The user's file: PLANTRACK_CONFIG, then XDG_CONFIG_HOME, then HOME.
  static let paths: [([String: String], String?)] = [
    (["PLANTRACK_CONFIG": "/etc/pt.yaml", "HOME": "/home/a"], "/etc/pt.yaml"),
    (["XDG_CONFIG_HOME": "/x", "HOME": "/home/a"], "/x/plantrack/config.yaml"),
    (["HOME": "/home/a"], "/home/a/.config/plantrack/config.yaml"),
    ([:], nil),
  ]

  @Test(arguments: paths)
  func theUsersFile(_ env: [String: String], _ path: String?) {
    #expect(SettingsFile.userPath(environment: env) == path)
  }
}
