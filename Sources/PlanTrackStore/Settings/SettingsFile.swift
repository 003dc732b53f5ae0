import Foundation
import PlanTrackCore
import Yams

/// One layer of settings: what a settings file, the environment or the command line sets, each
/// value with the place it was written (`plantrack.yaml:3:8`, `$PLANTRACK_STORE`, `--lang`).
/// Layers apply in order over the defaults — user file, workspace file, environment, flags —
/// so a later one wins (`EffectiveSettings`).
public struct SettingsLayer: Sendable {
  /// One setting a layer gives: its name (`theme`, `keys.quit`, `thresholds.on-track`), where
  /// it was written, and how it changes the settings.
  public struct Assignment: Sendable {
    public let name: String
    public let place: String
    let apply: @Sendable (inout Settings) -> Void
  }

  public var assignments: [Assignment] = []
  /// Unknown keys and bad values, as warnings: the defaults stand in for them.
  public var findings: [Finding] = []

  public init() {}

  mutating func set(
    _ name: String, at place: String, _ apply: @escaping @Sendable (inout Settings) -> Void
  ) {
    assignments.append(Assignment(name: name, place: place, apply: apply))
  }

  /// A setting given on the command line (`--store`, `--lang`, `--ascii`).
  public mutating func set(_ name: String, at flag: String, _ value: String) {
    switch name {
    case "store": set(name, at: flag) { $0.store = value }
    case "language":
      if let l = Language(rawValue: value) { set(name, at: flag) { $0.language = l } }
    case "theme":
      if let t = ThemeName(rawValue: value) { set(name, at: flag) { $0.theme = t } }
    case "ascii": set(name, at: flag) { $0.ascii = value == "true" }
    default: break
    }
  }
}

/// The two settings files: the user's (`~/.config/plantrack/config.yaml`: how the dashboard
/// looks and answers) and the workspace's (`plantrack.yaml` at its root: where the figures
/// are and the rules an office shares). docs/FORMATS.md lists every key.
public enum SettingsFile {
  public enum Scope: String, Sendable {
    case user, workspace

    /// The keys a file of this scope may hold.
    public var keys: [String] {
      switch self {
      case .user: ["language", "store", "theme", "colors", "ascii", "keys", "columns", "mouse"]
      case .workspace: ["store", "language", "thresholds", "deadlines"]
      }
    }
  }

  static let thresholdKeys = ["on-track", "acceleration", "projection-window"]

  /// The settings in `text`, a file of `scope` named `file` in findings.
  public static func parse(yaml text: String, file: String, scope: Scope) -> SettingsLayer {
    var layer = SettingsLayer()
    var r = YAMLReader(file: file)
    read(text, file: file, scope: scope, into: &layer, &r)
    var findings = r.findings.filter { $0.code != .emptyTargetFile }  // comments only: no settings
    if findings.contains(where: { $0.code == .duplicateYAMLKey }) {
      // A key set twice at the top: the first stands, the repeat is left out with a finding,
      // and the rest of the file still counts.
      let (kept, repeats) = withoutRepeatedKeys(text, file: file)
      if !repeats.isEmpty {
        layer = SettingsLayer()
        var again = YAMLReader(file: file)
        read(kept, file: file, scope: scope, into: &layer, &again)
        findings = repeats + again.findings.filter { $0.code != .emptyTargetFile }
      }
    }
    layer.findings += findings.map(\.asWarning)
    return layer
  }

  /// `text` with the second and later settings of a top-level key blanked (their lines kept,
  /// so places stay right), and a finding at each.
  static func withoutRepeatedKeys(_ text: String, file: String) -> (String, [Finding]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var seen = Set<String>()
    var findings: [Finding] = []
    var blanking = false
    for (n, line) in lines.enumerated() {
      let isTop = line.first.map { !$0.isWhitespace && $0 != "#" && $0 != "-" } ?? false
      if isTop, let colon = line.firstIndex(of: ":") {
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        blanking = !seen.insert(key).inserted
        if blanking {
          findings.append(
            Finding(
              file: file, line: n + 1, column: 1, code: .duplicateYAMLKey,
              message: "“\(key)” is set twice; the first stands and this one is left out"))
        }
      } else if isTop {
        blanking = false
      }
      if blanking { lines[n] = "" }
    }
    return (lines.joined(separator: "\n"), findings)
  }

  private static func read(
    _ text: String, file: String, scope: Scope, into layer: inout SettingsLayer,
    _ r: inout YAMLReader
  ) {
    guard !text.allSatisfy(\.isWhitespace) else { return }
    guard let top = r.top(yaml: text, "a settings file", empty: "") else { return }
    func place(_ node: Node) -> String {
      "\(file):\(node.mark?.line ?? 0):\(node.mark?.column ?? 0)"
    }
    func bad(_ node: Node, _ message: String) {
      r.report(node, .badSetting, message + "; the default stands in", severity: .warning)
    }
    func choose<T: RawRepresentable & CaseIterable & Sendable>(
      _ value: Node, _ at: String, _ name: String,
      _ apply: @escaping @Sendable (inout Settings, T) -> Void
    ) where T.RawValue == String {
      switch choice(value.string ?? "…", name) as Result<T, Refusal> {
      case .success(let v): layer.set(name, at: at) { apply(&$0, v) }
      case .failure(let refusal): bad(value, refusal.message)
      }
    }
    func unknown(_ node: Node, _ what: String, _ list: String, _ allowed: String) {
      r.report(
        node, .unknownSetting, "unknown \(what) “\(node.string ?? "?")”; \(list): \(allowed)",
        severity: .warning)
    }
    // The entries of a mapping setting, or nil with a finding.
    func mapping(_ value: Node, _ name: String, _ example: String) -> [(String?, Node, Node)]? {
      guard case .mapping(let m) = value else {
        bad(value, "\(name) must be a mapping like \(example)")
        return nil
      }
      let map = YAMLMap(value, m)
      return zip(map.names, zip(map.keys, map.values)).map { ($0, $1.0, $1.1) }
    }
    for (name, (key, value)) in zip(top.names, zip(top.keys, top.values)) {
      guard let name, scope.keys.contains(name) else {
        let other: Scope = scope == .user ? .workspace : .user
        let elsewhere =
          name.map { other.keys.contains($0) } == true
          ? " (“\(name!)” belongs in the \(other == .user ? "user's config.yaml" : "workspace's plantrack.yaml"))"
          : ""
        r.report(
          key, .unknownSetting,
          "unknown setting “\(key.string ?? "?")”\(elsewhere); this file may set: "
            + scope.keys.joined(separator: ", "), severity: .warning)
        continue
      }
      let at = place(value)
      switch name {
      case "store":
        guard let s = value.string, !s.isEmpty else {
          bad(value, "store must be sqlite:PATH or a PostgreSQL connection string")
          continue
        }
        layer.set("store", at: at) { $0.store = s }
      case "language":
        choose(value, at, name) { (s, l: Language) in s.language = l }
      case "theme":
        choose(value, at, name) { (s, t: ThemeName) in s.theme = t }
      case "colors":
        choose(value, at, name) { (s, c: ColorMode) in s.colors = c }
      case "ascii", "mouse":
        guard let b = boolean(value) else {
          bad(value, "\(name) must be true or false (found “\(value.string ?? "…")”)")
          continue
        }
        if name == "ascii" {
          layer.set(name, at: at) { $0.ascii = b }
        } else {
          layer.set(name, at: at) { $0.mouse = b }
        }
      case "columns":
        let items = list(value)
        var columns: [OverviewColumn] = []
        var ok = !items.isEmpty
        for item in items {
          guard let c = item.string.flatMap(OverviewColumn.init(rawValue:)), !columns.contains(c)
          else {
            bad(
              item,
              "a column is one of: \(names(OverviewColumn.allCases)), each once (found “\(item.string ?? "…")”)"
            )
            ok = false
            break
          }
          columns.append(c)
        }
        if items.isEmpty { bad(value, "columns must be a list like [status, name, actual, due]") }
        if ok { layer.set("columns", at: at) { [columns] in $0.columns = columns } }
      case "keys":
        guard let entries = mapping(value, "keys", "{ quit: [q, ctrl-c], down: [j, down] }")
        else { continue }
        for (actionName, actionKey, given) in entries {
          guard let action = actionName.flatMap(DashboardAction.init(rawValue:)) else {
            unknown(actionKey, "dashboard action", "actions", names(DashboardAction.allCases))
            continue
          }
          var chosen: [Key] = []
          var ok = true
          let items = list(given)
          if items.isEmpty {
            bad(given, "keys.\(action.rawValue) needs a key or a list of keys, like [x, ctrl-c]")
            continue
          }
          for item in items {
            guard !item.isNullScalar, let k = item.string.flatMap(Key.init(name:)) else {
              bad(
                item,
                "“\(item.string ?? "…")” is not a key; write one character (q, G, /), ctrl-x, or one of: "
                  + Key.names.map(\.0).joined(separator: ", "))
              ok = false
              break
            }
            if let why = k.unreceivable {
              bad(item, "\(k.name) never reaches the dashboard: \(why)")
              ok = false
              break
            }
            if k == .control("c"), action != .quit {
              bad(item, "ctrl-c always quits; give \(action.rawValue) another key")
              ok = false
              break
            }
            if !chosen.contains(k) { chosen.append(k) }
          }
          if ok {
            layer.set("keys.\(action.rawValue)", at: place(given)) { [chosen] in
              $0.keys[action] = chosen
            }
          }
        }
      case "thresholds":
        guard let entries = mapping(value, "thresholds", "{ on-track: 0.05, acceleration: 0.2 }")
        else { continue }
        for (key, keyNode, v) in entries {
          switch key {
          case "on-track", "acceleration":
            guard let x = v.string.flatMap(Double.init), x > 0, x < 1 else {
              bad(
                v,
                "thresholds.\(key!) is a share between 0 and 1, like 0.05 (found “\(v.string ?? "…")”)"
              )
              continue
            }
            layer.set("thresholds.\(key!)", at: place(v)) {
              if key == "on-track" {
                $0.thresholds.onTrackShortfall = x
              } else {
                $0.thresholds.accelerationShortfall = x
              }
            }
          case "projection-window":
            guard let n = v.string.flatMap({ Int($0) }), (2...60).contains(n) else {
              bad(
                v,
                "thresholds.projection-window is a whole number of figures from 2 to 60 (found “\(v.string ?? "…")”)"
              )
              continue
            }
            layer.set("thresholds.projection-window", at: place(v)) {
              $0.thresholds.projectionWindow = n
            }
          default:
            unknown(keyNode, "threshold", "thresholds", thresholdKeys.joined(separator: ", "))
          }
        }
      case "deadlines":
        guard let entries = mapping(value, "deadlines", "{ monthly: 10, quarterly: 15 }")
        else { continue }
        for (key, keyNode, v) in entries {
          guard let frequency = key.flatMap(UpdateFrequency.init(rawValue:)) else {
            unknown(keyNode, "frequency", "deadlines", names(UpdateFrequency.allCases))
            continue
          }
          guard let n = v.string.flatMap({ Int($0) }), (0...366).contains(n) else {
            bad(
              v,
              "deadlines.\(frequency.rawValue) is a number of days from 0 to 366 after the period ends (found “\(v.string ?? "…")”)"
            )
            continue
          }
          layer.set("deadlines.\(frequency.rawValue)", at: place(v)) {
            $0.deadlines[frequency] = n
          }
        }
      default:
        break
      }
    }
  }

  /// The user's settings file: `PLANTRACK_CONFIG`, else `$XDG_CONFIG_HOME/plantrack/config.yaml`,
  /// else `~/.config/plantrack/config.yaml`.
  public static func userPath(environment env: [String: String]) -> String? {
    if let p = env["PLANTRACK_CONFIG"], !p.isEmpty { return p }
    if let x = env["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/plantrack/config.yaml" }
    if let h = env["HOME"], !h.isEmpty { return h + "/.config/plantrack/config.yaml" }
    return nil
  }

  /// Reads a settings file if it exists; a file that exists but cannot be read is a finding.
  public static func load(path: String, shownAs name: String, scope: Scope) -> SettingsLayer {
    guard FileManager.default.fileExists(atPath: path) else { return SettingsLayer() }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      var layer = SettingsLayer()
      layer.findings.append(
        Finding(
          file: name, line: 0, column: 0, severity: .warning, code: .badSetting,
          message: "cannot read the settings file (not UTF-8 text?); the defaults stand in"))
      return layer
    }
    return parse(yaml: text, file: name, scope: scope)
  }

  /// Why a value was refused: one line naming the values allowed.
  public struct Refusal: Error {
    public let message: String
  }

  /// `text` as one of `T`'s values, or a refusal naming them: "theme must be one of: default,
  /// light, high-contrast, monochrome (found “dark”)".
  static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ what: String)
    -> Result<T, Refusal> where T.RawValue == String
  {
    if let v = T(rawValue: text) { return .success(v) }
    return .failure(
      Refusal(
        message: "\(what) must be one of: \(names(Array(T.allCases))) (found “\(text)”)"))
  }

  static func names<T: RawRepresentable>(_ cases: [T]) -> String where T.RawValue == String {
    cases.map(\.rawValue).joined(separator: ", ")
  }

  static func boolean(_ node: Node) -> Bool? {
    switch node.string {
    case "true": true
    case "false": false
    default: nil
    }
  }

  /// A list, or a single scalar as a list of one.
  static func list(_ node: Node) -> [Node] {
    switch node {
    case .sequence(let s): Array(s)
    case .scalar: [node]
    default: []
    }
  }
}

extension Finding {
  /// The same finding as a warning.
  var asWarning: Finding {
    var f = self
    f.severity = .warning
    return f
  }
}
