import Foundation
import Testing

/// Target files and figures written to attack the terminal or the store: escapes stay
/// visible text, the store takes only finite numbers, broken files are findings.
extension DashboardEndToEndTests {
  static let hostileName = "\u{1B}[2J\u{1B}]0;pwned\u{07}清屏\u{202E}反转"
  static let hostileFile = targetFile([
    levelTarget(
      "evil",
      name: hostileName.replacingOccurrences(of: "\u{1B}", with: "\\e")
        .replacingOccurrences(of: "\u{07}", with: "\\a").replacingOccurrences(
          of: "\u{202E}", with: "\\u202E")),
    levelTarget("long", name: String(repeating: "长", count: 10_000)),
  ])

  @Test func hostileNamesNeverReachTheTerminalAsEscapes() throws {
    let ws = try TempWorkspace(["t.yaml": Self.hostileFile])
    let check = ws.run(["check"])
    #expect(check.code == 0, "\(check.stdout) \(check.stderr)")
    let t = try Tmux("--as-of 2024-06-30", in: ws.root)
    let s = try t.wait(for: "清屏")
    #expect(s.contains("as of 2024-06-30"), "the screen was cleared or moved:\n\(s)")
    #expect(s.contains("\u{FFFD}[2J"), "the escape should show as a replacement character:\n\(s)")
    #expect(try t.format("#{pane_title}") != "pwned", "an OSC sequence set the title")
    let styled = try t.styledScreen()
    #expect(!styled.contains("\u{1B}[2J") && !styled.contains("\u{1B}]0;"))
    #expect(!styled.contains("\u{202E}"))
    try t.keys("q")
    try t.wait(for: "EXIT=0")
    // The table and the Markdown show the escapes as text; JSON escapes them.
    for format in ["table", "md", "json"] {
      let r = ws.run(["status", "--format", format])
      #expect(r.code == 0)
      #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{202E}"), "\(format)")
    }
  }

  @Test(arguments: [
    "NaN", "nan", "inf", "Infinity", "-Infinity", "1e400", "1e16", "99999999999999999999", "0x10",
    "1\u{1B}[31m", "\u{202E}5",
  ])
  func figuresThatAreNotFiniteNumbersAreRefused(value: String) throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let r = ws.run(["record", "t/nev", value, "--date", "2024-06-30"])
    // 1, or 2 when the argument parser takes "-Infinity" for an option.
    #expect(r.code == (value.hasPrefix("-") ? 2 : 1), "\(value.debugDescription) was accepted")
    #expect(
      !r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{202E}"), "\(r.stderr.debugDescription)"
    )
    #expect(!ws.storeExists)
  }

  @Test func brokenBytesInATargetFileAreFindings() throws {
    let ws = try TempWorkspace(["good.yaml": Self.file])
    try Data([0x64, 0x6F, 0x63, 0x3A, 0xFF, 0xFE, 0x0A]).write(
      to: ws.root.appendingPathComponent("targets/bad-utf8.yaml"))
    try ws.write(
      "document:\n  id: nul\n  title: \"a\u{0}b\"\ntargets: []\n", to: "targets/nul.yaml")
    let r = ws.run(["check"])
    let out = r.stdout + r.stderr
    #expect(r.code == 1)
    #expect(out.contains("bad-utf8.yaml") && out.contains("UTF-8"), "\(out)")
    #expect(out.contains("nul.yaml"), "\(out)")
    #expect(!out.contains("\u{0}"))
    // The good file still loads.
    #expect(ws.run(["status", "--format", "csv"]).stdout.contains("t/nev"))
  }
}

extension DashboardEndToEndTests {
  /// The dashboard on a store the user may read but not write: figures show, the footer says
  /// read-only, and the entry form does not open.
  @Test func onAReadOnlyStoreTheDashboardShowsAndRefusesEntries() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    #expect(ws.run(["record", "t/nev", "120", "--date", "2024-06-30"]).code == 0)
    let store = ws.root.appendingPathComponent("plantrack.sqlite").path
    chmod(store, 0o444)
    chmod(ws.root.path, 0o555)
    defer {
      chmod(ws.root.path, 0o755)
      chmod(store, 0o600)
    }
    // Root may write anything: run as nobody then.
    let other = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups env" : ""
    let t = try Tmux("--as-of 2024-06-30", in: ws.root, env: other)
    var s = try t.wait(for: "120 / 240 万辆")
    #expect(s.contains("read-only: entries cannot be saved"), "\(s)")
    try t.keys("a")
    s = try t.wait(for: "read-only: entries cannot be saved")
    #expect(!s.contains("New figure"))
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }
}
