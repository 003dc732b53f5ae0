import Foundation
import PlanTrackCore

/// The settings in force and where each came from: the defaults, then the user's file, the
/// workspace's file, the environment and the command line, each over the one before.
public struct EffectiveSettings: Sendable {
  public private(set) var settings = Settings.standard
  /// Where each setting that is not a default was set, by name (`theme`, `keys.quit`).
  public private(set) var origins: [String: String] = [:]
  /// Every problem of every layer, and the key conflicts of the result (warnings: the
  /// defaults stand in).
  public private(set) var findings: [Finding] = []
  /// The dashboard's keys: the standard ones with the user's over them.
  public private(set) var keyMap = KeyMap.standard

  public init(layers: [SettingsLayer]) {
    for layer in layers {
      for a in layer.assignments {
        a.apply(&settings)
        origins[a.name] = a.place
      }
      findings += layer.findings
    }
    // Thresholds that leave no room for "needs acceleration" are refused together.
    if settings.thresholds.onTrackShortfall >= settings.thresholds.accelerationShortfall {
      let place = origins["thresholds.acceleration"] ?? origins["thresholds.on-track"] ?? ""
      findings.append(
        Self.finding(
          at: place, .badSetting,
          "thresholds.on-track (\(NumberText.plain(settings.thresholds.onTrackShortfall))) must be below thresholds.acceleration (\(NumberText.plain(settings.thresholds.accelerationShortfall))); the standard thresholds stand in"
        ))
      settings.thresholds.onTrackShortfall = StatusThresholds.standard.onTrackShortfall
      settings.thresholds.accelerationShortfall = StatusThresholds.standard.accelerationShortfall
      origins["thresholds.on-track"] = nil
      origins["thresholds.acceleration"] = nil
    }
    let (map, conflicts) = KeyMap.make(settings.keys)
    keyMap = map
    // One finding per key and actions, naming every view where they clash.
    var grouped: [(KeyMap.Conflict, [DashboardAction.View])] = []
    for c in conflicts {
      if let k = grouped.firstIndex(where: { $0.0.key == c.key && $0.0.actions == c.actions }) {
        grouped[k].1.append(c.view)
      } else {
        grouped.append((c, [c.view]))
      }
    }
    let clashing = Set(conflicts.flatMap(\.actions).map { "keys.\($0.rawValue)" })
    for (c, views) in grouped {
      let place = c.actions.compactMap { origins["keys.\($0.rawValue)"] }.last ?? ""
      findings.append(
        Self.finding(
          at: place, .keyConflict,
          "key “\(c.key.name)” is given to \(c.actions.map(\.rawValue).joined(separator: " and ")) in the \(views.map(\.rawValue).joined(separator: ", ")); each keeps its standard keys"
        ))
    }
    for name in clashing {
      let views = conflicts.filter { $0.actions.contains { "keys.\($0.rawValue)" == name } }
        .map(\.view.rawValue)
      origins[name] =
        (origins[name] ?? "") + " (standard keys in the \(views.joined(separator: ", ")): PT803)"
    }
  }

  /// A warning at a place written `file:line:column`.
  static func finding(at place: String, _ code: ProblemCode, _ message: String) -> Finding {
    let parts = place.split(separator: ":")
    let hasPosition = parts.count >= 3 && Int(parts[parts.count - 1]) != nil
    return Finding(
      file: hasPosition ? parts.dropLast(2).joined(separator: ":") : place,
      line: hasPosition ? Int(parts[parts.count - 2]) ?? 0 : 0,
      column: hasPosition ? Int(parts[parts.count - 1]) ?? 0 : 0, severity: .warning,
      code: code, message: message)
  }

  /// The environment's layer: `PLANTRACK_STORE`, `PLANTRACK_LANG`, `PLANTRACK_THEME`,
  /// `PLANTRACK_COLORS`. A bad value is a warning. (`NO_COLOR` is no setting: it turns colours
  /// off where `colors` is `auto`, so a user's own `colors:` wins over it, as no-color.org asks.)
  public static func environment(_ env: [String: String]) -> SettingsLayer {
    var layer = SettingsLayer()
    func warn(_ name: String, _ message: String) {
      layer.findings.append(
        Finding(
          file: "$\(name)", line: 0, column: 0, severity: .warning, code: .badSetting,
          message: message + "; the default stands in"))
    }
    if let s = env["PLANTRACK_STORE"], !s.isEmpty {
      layer.set("store", at: "$PLANTRACK_STORE") { $0.store = s }
    }
    func choose<T: RawRepresentable & CaseIterable & Sendable>(
      _ variable: String, _ name: String, _ apply: @escaping @Sendable (inout Settings, T) -> Void
    ) where T.RawValue == String {
      guard let v = env[variable], !v.isEmpty else { return }
      switch SettingsFile.choice(v, variable) as Result<T, SettingsFile.Refusal> {
      case .success(let value): layer.set(name, at: "$" + variable) { apply(&$0, value) }
      case .failure(let refusal): warn(variable, refusal.message)
      }
    }
    choose("PLANTRACK_LANG", "language") { (s, l: Language) in s.language = l }
    choose("PLANTRACK_THEME", "theme") { (s, t: ThemeName) in s.theme = t }
    choose("PLANTRACK_COLORS", "colors") { (s, c: ColorMode) in s.colors = c }
    return layer
  }

  /// The settings for a workspace at `root` (nil: none found) in environment `env`, with the
  /// command line's layer last.
  public static func load(
    root: URL?, environment env: [String: String], flags: SettingsLayer = SettingsLayer()
  ) -> EffectiveSettings {
    var layers: [SettingsLayer] = []
    if let path = SettingsFile.userPath(environment: env) {
      let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      let shown =
        home.map { path.hasPrefix($0 + "/") ? "~" + path.dropFirst($0.count) : path } ?? path
      layers.append(SettingsFile.load(path: path, shownAs: shown, scope: .user))
    }
    if let root {
      layers.append(
        SettingsFile.load(
          path: root.appendingPathComponent("plantrack.yaml").path, shownAs: "plantrack.yaml",
          scope: .workspace))
    }
    layers.append(environment(env))
    layers.append(flags)
    return EffectiveSettings(layers: layers)
  }

  /// Every setting with its value in force, as `plantrack config` prints them.
  public var table: [(name: String, value: String, origin: String)] {
    let s = settings
    var rows: [(String, String)] = [
      ("store", s.store ?? "plantrack.sqlite beside targets/"),
      ("language", s.language?.rawValue ?? "from LC_ALL / LC_MESSAGES / LANG"),
      ("thresholds.on-track", NumberText.plain(s.thresholds.onTrackShortfall)),
      ("thresholds.acceleration", NumberText.plain(s.thresholds.accelerationShortfall)),
      ("thresholds.projection-window", String(s.thresholds.projectionWindow)),
    ]
    for f in UpdateFrequency.allCases {
      rows.append(
        ("deadlines.\(f.rawValue)", String(s.deadlines[f] ?? ReportingRule.defaultDeadlineDays(f))))
    }
    rows += [
      ("theme", s.theme.rawValue), ("colors", s.colors.rawValue),
      ("ascii", s.ascii.map { $0 ? "true" : "false" } ?? "when the terminal cannot draw Unicode"),
      ("columns", s.columns.map(\.rawValue).joined(separator: ", ")),
      ("mouse", s.mouse ? "true" : "false"),
    ]
    // An action's keys, once when every view has the same, else per view.
    for action in DashboardAction.allCases {
      let views = DashboardAction.View.allCases.filter {
        DashboardAction.actions(of: $0).contains(action)
      }
      let keys = views.map { keyMap.keys(for: action, in: $0).map(\.name).joined(separator: ", ") }
      let value =
        Set(keys).count == 1
        ? keys[0] : zip(views, keys).map { "\($1) (\($0.rawValue))" }.joined(separator: "; ")
      rows.append(("keys.\(action.rawValue)", value))
    }
    return rows.map { ($0.0, $0.1, origins[$0.0] ?? "default") }
  }
}
