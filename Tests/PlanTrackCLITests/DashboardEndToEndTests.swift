import Foundation
import PlanTrackCore
import Testing

/// The real binary in a real terminal: tmux sessions driven with send-keys and read with
/// capture-pane. Each waits for what it expects (up to a few seconds) rather than sleeping.
@Suite(.serialized) struct DashboardEndToEndTests {
  static let file = targetFile([
    levelTarget("nev", name: "全省新能源汽车保有量", baseline: 100, goal: 240),
    levelTarget("chargers", name: "公共充电基础设施", unit: "万台", baseline: 5, goal: 18),
    levelTarget("labs", name: "全国重点实验室", unit: "家", baseline: 10, goal: 25),
  ])

  /// A tmux session running a command in a workspace, killed when the value goes away.
  final class Tmux {
    let name = "pt-\(UUID().uuidString.prefix(8))"
    /// A tmux server of its own (`-L`), for tests that kill the server.
    let socket: String?

    init(
      _ command: String, in dir: URL, width: Int = 100, height: Int = 30, env: String = "",
      ownServer: Bool = false
    ) throws {
      socket = ownServer ? "pt-server-\(UUID().uuidString.prefix(8))" : nil
      let binary = try #require(CLI.binary).path
      // The test runner may export NO_COLOR (into the tmux server's environment too), and the
      // developer has settings of their own: the program sees neither unless a test asks.
      let script =
        "cd '\(dir.path)' && unset NO_COLOR XDG_CONFIG_HOME PLANTRACK_LANG PLANTRACK_THEME PLANTRACK_COLORS && "
        + "PLANTRACK_CONFIG=/nonexistent/config.yaml \(env) PLANTRACK_USER=tester \(binary) \(command); echo EXIT=$?; sleep 60"
      try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", script])
    }

    deinit { try? run(socket == nil ? ["kill-session", "-t", name] : ["kill-server"]) }

    /// Runs tmux on this session's server.
    @discardableResult
    func run(_ args: [String]) throws -> String {
      try Self.tmux((socket.map { ["-L", $0] } ?? []) + args)
    }

    /// A value of the session's format variables, e.g. `#{alternate_on}`.
    func format(_ variable: String) throws -> String {
      try run(["display-message", "-p", "-t", name, variable])
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the plantrack process: the child of the pane's shell.
    func programPID() throws -> pid_t? {
      let shell = try format("#{pane_pid}")
      let children = try? String(
        contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
      return children?.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Runs `tmux args` and returns its output. A process runner with a timeout (as the CLI
    /// harness has): `Process.waitUntilExit` can hang when tests start processes in parallel.
    @discardableResult
    static func tmux(_ args: [String]) throws -> String {
      let tmux = URL(fileURLWithPath: "/usr/bin/tmux")
      guard let running = Running(args, in: URL(fileURLWithPath: "/"), env: [:], executable: tmux)
      else { return "" }
      return running.wait().stdout
    }

    func keys(_ keys: String...) throws { try run(["send-keys", "-t", name] + keys) }

    /// Types text literally (no key names).
    func type(_ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", name]) }

    /// The screen with its colours and attributes as escape sequences.
    func styledScreen() throws -> String {
      try run(["capture-pane", "-e", "-p", "-t", name])
    }

    func resize(_ w: Int, _ h: Int) throws {
      try run(["resize-window", "-t", name, "-x", "\(w)", "-y", "\(h)"])
    }

    /// Waits until the screen contains `text` and, when given, no longer contains `gone`
    /// (a screen caught mid-redraw may show the new header above the old rows); records an
    /// issue with the screen if that never happens.
    @discardableResult
    func wait(
      for text: String, without gone: String? = nil, seconds: Double = 8,
      sourceLocation: SourceLocation = #_sourceLocation
    )
      throws -> String
    {
      let end = Date().addingTimeInterval(seconds)
      var last = ""
      while Date() < end {
        last = try screen()
        if last.contains(text) && !(gone.map(last.contains) ?? false) { return last }
        usleep(100_000)
      }
      let condition = gone.map { "“\(text)” without “\($0)”" } ?? "“\(text)”"
      Issue.record(
        "\(condition) never appeared; the screen was:\n\(last)", sourceLocation: sourceLocation)
      return last
    }
  }

  @Test func openFilterDetailRecordResizeAndQuit() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux("--as-of 2024-06-30", in: ws.root)
    var s = try t.wait(for: "as of 2024-06-30")
    #expect(s.contains("全省新能源汽车保有量"))
    #expect(s.contains("no data 3"))
    // Filter to one target.
    try t.keys("/")
    try t.type("充电")
    try t.keys("Enter")
    s = try t.wait(for: "1/3 targets", without: "全国重点实验室")
    #expect(s.contains("公共充电基础设施"))
    // Its detail, with the explain pane.
    try t.keys("Enter")
    s = try t.wait(for: "Why this status")
    #expect(s.contains("公共充电基础设施"))
    try t.keys("Escape")
    try t.wait(for: "1/3 targets")
    // Enter a figure: 12万 → 12 万台; it shows in the overview and in `plantrack history`.
    try t.keys("a")
    try t.wait(for: "New figure")
    try t.type("12万")
    try t.wait(for: "= 12 万台")
    try t.keys("Enter")
    s = try t.wait(for: "12 / 18 万台")
    #expect(s.contains("saved #1"))
    let history = ws.run(["history", "t/chargers"])
    #expect(history.stdout.contains("12") && history.stdout.contains("tester"))
    // Too small, then back.
    try t.resize(60, 20)
    try t.wait(for: "terminal too small (need 80×24)")
    try t.resize(100, 30)
    try t.wait(for: "12 / 18 万台")
    try t.keys("q")
    s = try t.wait(for: "EXIT=0")
    #expect(!s.contains("Actual / goal"), "the terminal was not restored:\n\(s)")
  }

  /// `/` reads the language of `--filter`: the same field picks the same targets, and a field
  /// that does not exist is explained in the footer.
  @Test func slashTakesTheCommandLineFilterLanguage() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    #expect(ws.run(["record", "t/nev", "100", "--date", "2024-06-30"]).code == 0)
    #expect(ws.run(["record", "t/chargers", "17", "--date", "2024-06-30"]).code == 0)
    let cli = ws.run(["status", "--filter", "status:off-track", "--as-of", "2024-06-30"])
    #expect(cli.stdout.contains("全省新能源汽车保有量"), "\(cli.stdout)")
    #expect(!cli.stdout.contains("公共充电基础设施") && !cli.stdout.contains("全国重点实验室"))
    let t = try Tmux("--as-of 2024-06-30", in: ws.root)
    try t.wait(for: "no data 1")
    try t.keys("/")
    try t.type("status:off-track")
    try t.keys("Enter")
    var s = try t.wait(for: "1/3 targets", without: "公共充电基础设施")
    #expect(s.contains("全省新能源汽车保有量"))
    #expect(!s.contains("全国重点实验室"))
    // Fields and text together, then a field that does not exist.
    try t.keys("/")
    try t.type("status:off-track,no-data 实验室")
    s = try t.wait(for: "no-data 实验室▏", without: "全省新能源汽车保有量")
    #expect(s.contains("全国重点实验室"))
    try t.keys("Escape", "/")
    try t.type("unit:万辆")
    s = try t.wait(for: "unknown field “unit”")
    #expect(s.contains("category level region"), "the footer lists the fields:\n\(s)")
    try t.keys("Escape")
    try t.wait(for: "3 targets")
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  @Test func withoutLANGTheLocaleFallsBackToUTF8AndChineseStillShows() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux(
      "--as-of 2024-06-30 --lang zh", in: ws.root, env: "env -u LANG -u LC_ALL -u LC_CTYPE")
    let s = try t.wait(for: "截至 2024-06-30")
    #expect(s.contains("全省新能源汽车保有量"))
    #expect(s.contains("█") || s.contains("░"), "UTF-8 bars expected after the C.UTF-8 fallback")
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  @Test func entriesRecordedByAnotherProcessAppear() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux("--as-of 2024-06-30", in: ws.root)
    try t.wait(for: "no data 3")
    let r = ws.run(["record", "t/labs", "20", "--date", "2024-06-30"])
    #expect(r.code == 0, "\(r.stderr)")
    try t.wait(for: "20 / 25 家", seconds: 6)
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  /// The reporting board on a real store: a figure submitted on time waits in its month's
  /// cell (and is marked in the overview), `A` approves it through the cycle, and the board
  /// and the overview show it approved; `plantrack history` has the step.
  @Test func theBoardApprovesASubmittedFigure() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let before = ["PLANTRACK_NOW": "2024-06-05T09:00:00Z"]
    #expect(ws.run(["record", "t/chargers", "12", "--date", "2024-05-31"], env: before).code == 0)
    let submit = ws.run(["submit", "t/chargers", "--period", "2024-05"], env: before)
    #expect(submit.code == 0, "\(submit.stderr)")
    let april = ["PLANTRACK_NOW": "2024-05-06T09:00:00Z"]
    #expect(ws.run(["record", "t/nev", "150", "--date", "2024-04-30"], env: april).code == 0)
    #expect(ws.run(["submit", "t/nev", "--period", "2024-04"], env: april).code == 0)
    // A board of today (a decision is taken on the figures as they stand now).
    let t = try Tmux("", in: ws.root, env: "TZ=UTC PLANTRACK_NOW=2024-06-06T09:00:00Z")
    var s = try t.wait(for: "12? / 18 万台")
    #expect(s.contains("? not yet approved"))
    try t.keys("r")
    s = try t.wait(for: "reporting board")
    #expect(s.contains("2023-12") && s.contains("2024-05") && !s.contains("2024-06 "))
    // The latest ended month is selected; May has the waiting figure and two missing.
    s = try t.wait(for: "── 2024-05")
    #expect(s.contains("missing 2"))
    #expect(s.contains("waiting  2024-05 公共充电基础设施  12 (2024-05-31)"))
    try t.keys("A")
    s = try t.wait(for: "approved 1 of 2024-05")
    s = try t.wait(for: "approved 2024-05 公共充电基础设施")
    let history = ws.run(["history", "t/chargers"])
    #expect(history.stdout.contains("approve"), "\(history.stdout)")
    // Nothing is left to approve there.
    try t.keys("A")
    try t.wait(for: "nothing submitted in 2024-05 here")
    // April's figure goes back with a comment; an empty one is refused in the form.
    try t.keys("h", "R")
    try t.wait(for: "Return with a comment: 2024-04")
    try t.keys("Enter")
    try t.wait(for: "comment: empty")
    try t.type("请核对口径")
    try t.keys("Enter")
    s = try t.wait(for: "returned 1 of 2024-04")
    s = try t.wait(for: "Comment: 请核对口径")
    #expect(s.contains("returned 2024-04 全省新能源汽车保有量"))
    #expect(ws.run(["history", "t/nev"]).stdout.contains("请核对口径"))
    // The overview drops the approved figure's mark.
    try t.keys("Escape")
    try t.wait(for: "12 / 18 万台", without: "12?")
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  /// A board of another date shows where figures stood then, but takes no decision: the
  /// figures may have changed since.
  @Test func aBoardOfAnotherDateDoesNotApprove() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let june = ["PLANTRACK_NOW": "2024-06-05T09:00:00Z"]
    #expect(ws.run(["record", "t/chargers", "12", "--date", "2024-05-31"], env: june).code == 0)
    #expect(ws.run(["submit", "t/chargers", "--period", "2024-05"], env: june).code == 0)
    let t = try Tmux(
      "--as-of 2024-06-30", in: ws.root, env: "TZ=UTC PLANTRACK_NOW=2024-07-06T09:00:00Z")
    try t.wait(for: "12? / 18 万台")
    try t.keys("r")
    try t.wait(for: "reporting board")
    try t.keys("h")
    try t.wait(for: "── 2024-05")
    try t.keys("A")
    try t.wait(for: "open it without --as-of")
    #expect(!ws.run(["history", "t/chargers"]).stdout.contains("approve"))
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  /// The entry form keeps an approved period locked: a figure for it is refused in the
  /// footer and nothing is written (the command line takes the reason a correction needs).
  @Test func theFormCannotChangeAnApprovedFigure() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let clerk = ["PLANTRACK_USER": "clerk", "PLANTRACK_NOW": "2024-06-05T09:00:00Z"]
    #expect(ws.run(["record", "t/chargers", "12", "--date", "2024-05-31"], env: clerk).code == 0)
    #expect(ws.run(["submit", "t/chargers", "--period", "2024-05"], env: clerk).code == 0)
    #expect(
      ws.run(
        ["approve", "t/chargers", "--period", "2024-05"],
        env: ["PLANTRACK_NOW": "2024-06-06T09:00:00Z"]
      ).code == 0)
    // As of May 31 the figure was not yet approved (the mark), but the form writes now.
    let t = try Tmux("--as-of 2024-05-31", in: ws.root)
    try t.wait(for: "12? / 18 万台")
    try t.keys("/")
    try t.type("充电")
    try t.keys("Enter")
    try t.wait(for: "1/3 targets")
    try t.keys("a")
    try t.wait(for: "New figure")
    try t.type("13万")
    try t.wait(for: "= 13 万台")
    try t.keys("Enter")
    try t.wait(for: "approved and locked")
    #expect(ws.run(["store", "info"]).stdout.contains("entries: 1\n"))
    try t.keys("Escape", "q")
    try t.wait(for: "EXIT=0")
  }

  /// The repository's targets grouped by region: a tree with roll-up coverage, folding with z,
  /// and a county's figure reaching its city and province while the dashboard is open.
  @Test func regionsAsATreeWithRollupsThatFold() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    #expect(ws.run(["record", "威海市/5g-base-stations", "6000", "--date", "2024-06-30"]).code == 0)
    let t = try Tmux("--as-of 2024-06-30", in: ws.root, width: 120, height: 40)
    try t.wait(for: "as of 2024-06-30")
    try t.keys("/")
    try t.type("5G基站")
    try t.keys("Enter", "b", "b")
    var s = try t.wait(for: "grouped by region")
    #expect(s.contains("▾ 山东省"), "\(s)")
    #expect(s.contains("Σ1/16"))
    #expect(s.contains("▾ 威海市"))
    // A county's figure arrives from another process: Weihai's roll-up counts it.
    #expect(ws.run(["record", "文登区/5g-base-stations", "1500", "--date", "2024-06-30"]).code == 0)
    s = try t.wait(for: "Σ1/4", seconds: 6)
    // Fold 威海市 from one of its targets (the last row).
    try t.keys("G")
    try t.keys("z")
    try t.wait(for: "▸ 威海市", without: "全市5G基站总数")
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  /// The mouse through ncurses: the dashboard asks the terminal for mouse reports, and clicks
  /// as a terminal sends them (X10 encoding: ESC [ M, the button, column and row + 32, 1-based)
  /// select, open and sort. The report is turned off again when the dashboard ends.
  @Test func theMouseSelectsOpensAndSorts() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux("--as-of 2024-06-30", in: ws.root)
    try t.wait(for: "as of 2024-06-30")
    #expect(try t.format("#{mouse_standard_flag}") == "1")
    func click(x: Int, y: Int) -> String {
      let at = String(UnicodeScalar(UInt8(x + 33))) + String(UnicodeScalar(UInt8(y + 33)))
      return "\u{1B}[M " + at + "\u{1B}[M#" + at
    }
    // Rows 4-6 are the targets, in file order: a double click on 公共充电基础设施 opens it.
    try t.type(click(x: 20, y: 5) + click(x: 20, y: 5))
    var s = try t.wait(for: "Why this status")
    #expect(s.contains("公共充电基础设施"))
    try t.keys("Escape")
    try t.wait(for: "Actual / goal")
    // A click on the title of the target column sorts by name (the footer says so).
    try t.type(click(x: 13, y: 2))
    s = try t.wait(for: "sorted by name")
    let rows = s.split(separator: "\n").map(String.init)
    #expect(rows.count > 4 && rows[4].contains("全国重点实验室"), "\(s)")
    try t.keys("q")
    s = try t.wait(for: "EXIT=0")
    #expect(try t.format("#{mouse_standard_flag}") == "0")
  }

  @Test func noColorKeepsTheStatusWordsAndASCIIDrawsPlainBars() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    #expect(ws.run(["record", "t/nev", "120", "--date", "2024-06-30"]).code == 0)
    let colored = try Tmux("--as-of 2024-06-30", in: ws.root)
    try colored.wait(for: "120 / 240 万辆")
    let colors = try colored.styledScreen()
    #expect(
      (31...36).contains { colors.contains("\u{1B}[\($0)m") || colors.contains(";\($0)m") },
      "a status colour was expected")
    try colored.keys("q")
    let plain = try Tmux("--as-of 2024-06-30 --ascii", in: ws.root, env: "NO_COLOR=1")
    let s = try plain.wait(for: "120 / 240 万辆")
    #expect(s.contains("off track") || s.contains("accelerate") || s.contains("on track"))
    #expect(s.contains("#") && s.contains("|") && !s.contains("█"))
    let styled = try plain.styledScreen()
    for code in 30...37 {
      #expect(!styled.contains("\u{1B}[\(code)m"), "colour \(code) under NO_COLOR")
    }
    try plain.keys("q")
    try plain.wait(for: "EXIT=0")
  }

  /// The user's settings in a real terminal: quit rebound to x, the light theme, the lead
  /// column left out. Without them, the same workspace shows the lead column and yellow.
  @Test func theUsersSettingsRebindQuitPickTheLightThemeAndHideTheLeadColumn() throws {
    let file = targetFile([
      levelTarget("behind", name: "规上工业企业数字化改造", lead: "省工业和信息化厅")
    ])
    let ws = try TempWorkspace(["t.yaml": file])
    for date in ["2024-05-31", "2024-06-30"] {  // flat at 135 of 200: needs acceleration
      #expect(ws.run(["record", "t/behind", "135", "--date", date]).code == 0)
    }
    // The standard look: the lead column at 140 columns, the status in yellow.
    let standard = try Tmux("--as-of 2024-06-30", in: ws.root, width: 140)
    var s = try standard.wait(for: "135 / 200 万辆")
    #expect(s.contains("Lead") && s.contains("省工业和信息化厅"))
    let plainStyled = try standard.styledScreen()
    #expect(plainStyled.contains("33m"), "yellow in the default theme: \(plainStyled)")
    try standard.keys("q")
    try standard.wait(for: "EXIT=0")
    // The user's settings.
    try ws.write(
      """
      theme: light
      keys: { quit: [x] }
      columns: [status, name, actual, bar, percent, due, days-left]
      """, to: "config.yaml")
    let config = ws.root.appendingPathComponent("config.yaml").path
    let mine = try Tmux(
      "--as-of 2024-06-30", in: ws.root, width: 140, env: "PLANTRACK_CONFIG='\(config)'")
    s = try mine.wait(for: "135 / 200 万辆")
    #expect(!s.contains("Lead") && !s.contains("省工业和信息化厅"), "the lead column is hidden:\n\(s)")
    #expect(s.contains("x quit") && !s.contains("q quit"))
    let styled = try mine.styledScreen()
    #expect(!styled.contains("33m") && !styled.contains("37m"), "no yellow or white in light")
    #expect(styled.contains("34m"), "needs acceleration in blue on a light background")
    // q does nothing now; x quits.
    try mine.keys("q")
    usleep(300_000)
    #expect(try mine.screen().contains("135 / 200 万辆") && !(try mine.screen().contains("EXIT=")))
    try mine.keys("x")
    s = try mine.wait(for: "EXIT=0")
    #expect(!s.contains("135 / 200 万辆"), "the terminal was not restored:\n\(s)")
  }

  @Test func demoShowsGeneratedFiguresUnderABannerAndLeavesTheStoreAlone() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux("demo --as-of 2024-06-30", in: ws.root)
    let s = try t.wait(for: "DEMO DATA (演示数据)", without: "no data 3")
    #expect(s.contains("DEMO DATA"))
    try t.keys("q")
    try t.wait(for: "EXIT=0")
    #expect(!ws.storeExists, "the demo wrote to the real store")
  }

  @Test func withoutATerminalItPointsToStatus() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let r = ws.run([])
    #expect(r.code == 1)
    #expect(r.problem == .notATerminal, "\(r.stderr)")
    #expect(r.stderr.contains("plantrack status"))
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}
