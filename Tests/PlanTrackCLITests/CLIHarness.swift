import Foundation
import PlanTrackTestServer
import PlanTrackCore
import Testing

/// Runs the real `plantrack` binary as a subprocess, in temporary workspaces.
enum CLI {
  /// The directory of this package: three levels above this file.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Where the binary may be: next to the running test bundle (what `swift test` builds),
  /// then `<package>/.build/debug/plantrack` (what `swift build` builds).
  static var candidates: [URL] {
    var dirs: [URL] = []
    if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
    let bundle = Bundle.main.bundleURL
    dirs.append(bundle)
    dirs.append(bundle.deletingLastPathComponent())
    if let arg0 = CommandLine.arguments.first, arg0.contains("/") {
      dirs.append(URL(fileURLWithPath: arg0).resolvingSymlinksInPath().deletingLastPathComponent())
    }
    dirs.append(packageRoot.appendingPathComponent(".build/debug"))
    var seen: Set<String> = []
    return dirs.map { $0.appendingPathComponent("plantrack").standardizedFileURL }
      .filter { seen.insert($0.path).inserted }
  }

  /// The binary, or `nil` when it has not been built.
  static let binary: URL? = candidates.first { url in
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
      && !isDir.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
  }
}

/// The outcome of one run.
struct RunResult {
  var code: Int32
  var stdout: String
  var stderr: String
  /// The non-empty lines of standard error.
  var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

  /// The code of the error line `plantrack: PT301 …` on standard error, if there is one.
  var problem: ProblemCode? {
    let prefix = "plantrack: "
    guard let line = stderrLines.first(where: { $0.hasPrefix(prefix) }) else { return nil }
    return ProblemCode(rawValue: String(line.dropFirst(prefix.count).prefix(5)))
  }

  /// The findings on standard error as `location code`, e.g. `targets/x.yaml:11:51 PT104`.
  var findings: [String] {
    stderrLines.compactMap { line in
      line.firstMatch(of: #/^(.+?): (?:error|warning): (PT\d{3}) /#).map { "\($0.1) \($0.2)" }
    }
  }
}

/// A started `plantrack` process whose output goes to files (no pipe can fill up and block it).
///
/// Started with `posix_spawn` and reaped with `waitpid`, not with Foundation's `Process`:
/// under parallel tests `Process` sometimes never noticed that a child had exited (the child
/// stayed a zombie and `waitUntilExit` waited forever, which hung CI for 90 minutes).
final class Running {
  let pid: pid_t
  let arguments: [String]
  let outURL: URL
  let errURL: URL
  private var exitCode: Int32?

  /// Starts `plantrack args` (or `executable args`) in `dir`.
  init?(_ args: [String], in dir: URL, env: [String: String], executable: URL? = nil) {
    guard let binary = executable ?? CLI.binary else {
      Issue.record(
        "the plantrack binary was not found (looked in \(CLI.candidates.map(\.path))); run `swift build` first"
      )
      return nil
    }
    arguments = args
    let scratch = FileManager.default.temporaryDirectory
    outURL = scratch.appendingPathComponent("plantrack-out-\(UUID().uuidString)")
    errURL = scratch.appendingPathComponent("plantrack-err-\(UUID().uuidString)")
    var environment = ProcessInfo.processInfo.environment
    // Nothing of the developer's own settings: no user file, no settings in the environment.
    for name in [
      "PLANTRACK_WORKSPACE", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "XDG_CONFIG_HOME",
      "PLANTRACK_LANG", "PLANTRACK_THEME", "PLANTRACK_COLORS", "PLANTRACK_STORE", "NO_COLOR",
    ] {
      environment[name] = nil
    }
    environment["PLANTRACK_CONFIG"] = "/nonexistent/plantrack-tests/config.yaml"
    environment["PLANTRACK_USER"] = "tester"
    environment["LANG"] = "C.UTF-8"
    environment.merge(env) { _, new in new }
    do {
      pid = try Spawn.start(
        binary.path, arguments: args, environment: environment, directory: dir.path,
        stdout: outURL.path, stderr: errURL.path)
    } catch {
      Issue.record("cannot start \(binary.path): \(error)")
      return nil
    }
  }

  deinit {
    if exitCode == nil { _ = Spawn.finish(pid, within: 0) }
  }

  /// Waits for the process (at most 60 s, then kills it) and collects its output.
  func wait() -> RunResult {
    if exitCode == nil {
      let (code, timedOut) = Spawn.finish(pid, within: 60)
      if timedOut { Issue.record("plantrack \(arguments) did not finish within 60 s") }
      exitCode = code
    }
    let out = (try? Data(contentsOf: outURL)) ?? Data()
    let err = (try? Data(contentsOf: errURL)) ?? Data()
    try? FileManager.default.removeItem(at: outURL)
    try? FileManager.default.removeItem(at: errURL)
    return RunResult(
      code: exitCode ?? -1, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }
}

/// Runs `plantrack args` in `dir` with `PLANTRACK_USER=tester`, `LANG=C.UTF-8` and no
/// `PLANTRACK_WORKSPACE` (each overridable through `env`), and waits for it.
@discardableResult
func run(_ args: [String], in dir: URL, env: [String: String] = [:]) -> (
  code: Int32, stdout: String, stderr: String
) {
  guard let running = Running(args, in: dir, env: env) else { return (-1, "", "") }
  let r = running.wait()
  return (r.code, r.stdout, r.stderr)
}

/// A temporary workspace: a folder with `targets/`, removed when the value is deinitialised.
final class TempWorkspace: @unchecked Sendable {
  let root: URL

  init(_ files: [String: String] = [:]) throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("plantrack-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("targets"), withIntermediateDirectories: true)
    for (name, text) in files { try write(text, to: "targets/" + name) }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Writes `text` to a file relative to the workspace root.
  func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent(path))
  }

  var storeExists: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("plantrack.sqlite").path)
  }

  /// Runs plantrack in the workspace root.
  @discardableResult
  func run(_ args: [String], env: [String: String] = [:]) -> RunResult {
    guard let running = Running(args, in: root, env: env) else {
      return RunResult(code: -1, stdout: "", stderr: "")
    }
    return running.wait()
  }

  /// Starts plantrack in the workspace root without waiting.
  func start(_ args: [String], env: [String: String] = [:]) -> Running? {
    Running(args, in: root, env: env)
  }

  /// `status --format json --as-of asOf`, parsed; records an issue and returns nil if it fails.
  func statusJSON(asOf: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> StatusJSON?
  {
    let r = run(["status", "--format", "json", "--as-of", asOf])
    #expect(r.code == 0, "status failed: \(r.stderr)", sourceLocation: sourceLocation)
    guard r.code == 0 else { return nil }
    return StatusJSON(text: r.stdout, sourceLocation: sourceLocation)
  }

  /// The entry rows of `history key` (the lines after the column header).
  func historyRows(_ key: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> [String]
  {
    let r = run(["history", key])
    #expect(r.code == 0, "history failed: \(r.stderr)", sourceLocation: sourceLocation)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    guard let header = lines.firstIndex(where: { $0.hasPrefix("#") && $0.contains("AS OF") })
    else { return [] }
    return Array(lines[(header + 1)...])
  }
}

/// The parsed output of `status --format json`.
struct StatusJSON {
  let asOf: String
  let targets: [[String: Any]]

  init?(text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
      let top = object as? [String: Any]
    else {
      Issue.record("status --format json did not print a JSON object: \(text.prefix(300))")
      return nil
    }
    guard let asOf = top["asOf"] as? String, let targets = top["targets"] as? [[String: Any]]
    else {
      Issue.record(
        "the status object lacks asOf or targets: \(top.keys.sorted())",
        sourceLocation: sourceLocation)
      return nil
    }
    self.asOf = asOf
    self.targets = targets
  }

  subscript(key: String) -> [String: Any]? { targets.first { $0["key"] as? String == key } }

  /// The `status` of the target `key`.
  func status(_ key: String) -> String? { self[key]?["status"] as? String }

  /// A numeric field of `key`, `nil` when null or missing.
  func number(_ key: String, _ field: String) -> Double? {
    (self[key]?[field] as? NSNumber)?.doubleValue
  }
}

/// A target file for document `doc` (period 2023-01-01..2025-12-31) holding `targets`.
func targetFile(doc: String = "t", title: String = "测试规划", _ targets: [String]) -> String {
  """
  document:
    id: \(doc)
    title: \(title)
    level: province
    region: 测试省
    period: { start: 2023-01-01, end: 2025-12-31 }
  targets:

  """ + targets.joined()
}

/// One level target with a baseline at 2022-12-31 and a single milestone.
func levelTarget(
  _ id: String, name: String? = nil, unit: String = "万辆", baseline: Double = 100,
  goal: Double = 200, comparator: String = ">=", due: String = "2025-12-31",
  category: String = "ev", lead: String? = nil
) -> String {
  """
    - id: \(id)
      name: "\(name ?? "指标" + id)"
      category: \(category)
      kind: level
      unit: "\(unit)"
      baseline: { value: \(baseline), date: 2022-12-31 }
      milestones:
        - { due: \(due), value: \(goal), comparator: "\(comparator)" }
      update: monthly
  \(lead.map { "    lead: [\($0)]\n" } ?? "")
  """
}

/// The display width of `text` in a terminal: CJK ideographs, full-width forms and CJK
/// punctuation take two columns, everything else one.
func displayWidth(_ text: Substring) -> Int {
  text.unicodeScalars.reduce(0) { sum, s in
    switch s.value {
    case 0x4E00...0x9FFF, 0xFF00...0xFF60, 0x3000...0x303F: sum + 2
    default: sum + 1
    }
  }
}
