import Foundation
import Testing

/// Signals, resize storms, a terminal that vanishes, and recording under load while the
/// dashboard watches: the terminal is restored and nothing saved is lost.
extension DashboardEndToEndTests {
  /// Whether `pid` has ended (gone, or a zombie nobody reaped).
  static func ended(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return true
    }
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
  }

  static func waitUntilEnded(_ pid: pid_t, seconds: Double) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if ended(pid) { return true }
      usleep(50_000)
    }
    return ended(pid)
  }

  @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
  func aSignalRestoresTheTerminalAndKeepsWhatWasSaved(signal: Int32) throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux("--as-of 2024-06-30", in: ws.root)
    try t.wait(for: "no data 3")
    #expect(try t.format("#{alternate_on}") == "1")
    try t.keys("a")
    try t.wait(for: "New figure")
    try t.type("150")
    try t.keys("Enter")
    try t.wait(for: "saved #1")
    let pid = try #require(try t.programPID())
    kill(pid, signal)
    try t.wait(for: "EXIT=")
    #expect(try t.format("#{alternate_on}") == "0", "still on the alternate screen")
    #expect(try t.format("#{cursor_flag}") == "1", "the cursor stayed hidden")
    #expect(ws.historyRows("t/nev").count == 1)
  }

  @Test func aStormOfResizesEndsDrawnAtTheLastSize() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux("--as-of 2024-06-30", in: ws.root)
    try t.wait(for: "no data 3")
    let pid = try #require(try t.programPID())
    for i in 0..<40 {
      try t.resize(80 + (i * 7) % 60, 24 + (i * 5) % 20)
      for _ in 0..<25 { kill(pid, SIGWINCH) }
    }
    try t.resize(120, 40)
    let s = try t.wait(for: "no data 3")
    let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count >= 40, "\(lines.count) lines")
    #expect(s.contains("全国重点实验室"))
    // Still answering keys.
    try t.keys("?")
    try t.wait(for: "Keys")
    try t.keys("q")
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  /// The terminal's server is killed outright, and no hangup signal reaches the program (it
  /// runs in a session of its own, as under some SSH and container setups): the dashboard
  /// must notice that its terminal is gone and end, not spin.
  @Test func aVanishedTerminalEndsTheDashboard() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let t = try Tmux("--as-of 2024-06-30", in: ws.root, env: "setsid env", ownServer: true)
    try t.wait(for: "no data 3")
    let pid = try #require(try t.programPID())
    let server = try #require(pid_t(try t.format("#{pid}")))
    kill(server, SIGKILL)
    #expect(Self.waitUntilEnded(pid, seconds: 10), "the dashboard kept running without a terminal")
    if !Self.ended(pid) { kill(pid, SIGKILL) }
  }

  /// Four people record 250 figures each at the same time while a dashboard polls the store:
  /// every figure is stored, nobody sees "database is locked", the dashboard shows the last.
  @Test func fourRecordersAndADashboardLoseNothing() throws {
    let keys = ["nev", "chargers", "labs"] + ["extra"]
    let file = targetFile(
      [
        levelTarget("nev", name: "全省新能源汽车保有量", baseline: 100, goal: 240),
        levelTarget("chargers", name: "公共充电基础设施", unit: "万台", baseline: 5, goal: 18),
        levelTarget("labs", name: "全国重点实验室", unit: "家", baseline: 10, goal: 25),
        levelTarget("extra", name: "高新技术企业", unit: "万家", baseline: 1, goal: 2_000),
      ])
    let ws = try TempWorkspace(["t.yaml": file])
    #expect(ws.run(["record", "t/labs", "11", "--date", "2023-01-01"]).code == 0)
    let t = try Tmux("--as-of 2024-12-31", in: ws.root)
    try t.wait(for: "as of 2024-12-31")
    let perWorker = 250
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 4) { w in
      for i in 0..<perWorker {
        let date = String(format: "2024-%02d-%02d", i / 28 + 1, i % 28 + 1)
        let r = ws.run(
          ["record", "t/\(keys[w])", "\(1_000 + i)", "--date", date],
          env: ["PLANTRACK_USER": "worker\(w)"])
        if r.code != 0 || !r.stderr.isEmpty {
          failures.add("worker \(w) #\(i): \(r.code) \(r.stderr)")
        }
      }
    }
    #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
    for key in keys {
      let rows = ws.historyRows("t/\(key)")
      #expect(rows.count == perWorker + (key == "labs" ? 1 : 0), "t/\(key): \(rows.count)")
    }
    // The dashboard picked up the last figures and is still running.
    try t.wait(for: "1249* / 2000 万家", seconds: 10)
    try t.keys("q")
    try t.wait(for: "EXIT=0")
    print(
      "concurrency test: 4 × \(perWorker) records with a dashboard polling, \(failures.all.count) failures"
    )
  }
}

/// Failure lines collected from several threads.
final class Failures: @unchecked Sendable {
  private var lines: [String] = []
  private let lock = NSLock()
  func add(_ line: String) {
    lock.lock()
    lines.append(line)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return lines
  }
}
