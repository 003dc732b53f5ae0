import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

/// A TCP port on 127.0.0.1 that accepts connections and never answers: a server that is
/// there but unreachable (a firewall's black hole, a hung host). Closed when the value goes.
final class SilentListener: @unchecked Sendable {
  let fd: Int32
  let port: Int

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.fd = fd
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p in
        bind(fd, p, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, p, &length) == 0
      }
    }
    port = bound ? Int(UInt16(bigEndian: address.sin_port)) : 0
    try #require(bound, "cannot listen on 127.0.0.1")
  }

  deinit { close(fd) }
}

/// The faults of a server store: down, unreachable, a refused password, a missing database,
/// a connection killed mid-import, a server restarted under a running dashboard.
@Suite struct PostgresFaultsEndToEndTests {
  static func base() throws -> String { try TestPostgres.shared().base }

  /// Each way of not reaching a store is one line (PT302) and exit 1, within the 5 s
  /// connect timeout, and never shows the password.
  @Test(arguments: ["down", "unreachable", "wrong password", "no such database"])
  func aServerThatCannotBeReachedIsOneLineWithinTheTimeout(_ fault: String) throws {
    let base = try Self.base()
    let listener = try SilentListener()
    let store: String
    let says: String
    switch fault {
    case "down":
      store =
        "postgresql:///postgres?host=/tmp/ptpg-none-\(UUID().uuidString.prefix(8))&password=s3cret-pw"
      says = "No such file or directory"
    case "unreachable":
      store = "postgresql://office:s3cret-pw@127.0.0.1:\(listener.port)/plantrack"
      says = "timeout expired"
    case "wrong password":
      store =
        base.replacingOccurrences(of: "user=plantrack", with: "user=plantrack_pw")
        + "&password=s3cret-pw"
      says = "password authentication failed for user \"plantrack_pw\""
    default:
      store =
        base.replacingOccurrences(of: "/postgres?", with: "/no_such_db?") + "&password=s3cret-pw"
      says = "database \"no_such_db\" does not exist"
    }
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let started = Date()
    let r = ws.run(
      ["record", "威海市/5g-base-stations", "1", "--date", "2024-06-30"],
      env: ["PLANTRACK_STORE": store])
    let elapsed = Date().timeIntervalSince(started)
    #expect(r.code == 1)
    #expect(r.problem == .cannotOpenStore, "\(r.stderr)")
    #expect(r.stderrLines.count == 1, "\(r.stderr)")
    #expect(r.stderr.contains(says), "\(r.stderr)")
    #expect(!r.stderr.contains("s3cret-pw") && !r.stdout.contains("s3cret-pw"))
    // The connect timeout is 5 s; the rest is the process starting and reading targets.
    #expect(elapsed < 7, "took \(elapsed) s")
  }

  /// While a command waits on the server, `ps` shows its connection string with the
  /// password masked.
  @Test func thePasswordIsNotInTheProcessTitle() throws {
    let listener = try SilentListener()
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let store = "postgresql://office:s3cret-pw@127.0.0.1:\(listener.port)/plantrack"
    let running = try #require(ws.start(["status", "--store", store]))
    var title = ""
    for _ in 0..<300 where !title.contains("***") {
      title = (try? String(contentsOfFile: "/proc/\(running.pid)/cmdline", encoding: .utf8)) ?? ""
      usleep(10_000)
    }
    #expect(title.contains("office:***@127.0.0.1"), "\(title)")
    #expect(!title.contains("s3cret-pw"))
    let r = running.wait()
    #expect(r.code == 1 && !r.stderr.contains("s3cret-pw"))
  }

  /// An office's import is killed on the server (`pg_terminate_backend`) in the middle of
  /// its transaction: none of it is there, and the import says so in one line.
  @Test func anImportKilledMidwayLeavesNoneOfIt() throws {
    let p = try Province()
    let role = TestPostgres.uniqueRole("weihai")
    #expect(p.run(["office", "add", "威海市", "--role", role], store: p.admin).code == 0)
    let rows = 50_000
    var csv = "key,date,value\n"
    for i in 0..<rows { csv += "威海市/5g-base-stations,2024-06-30,\(6000 + i)\n" }
    try p.ws.write(csv, to: "figures.csv")
    let running = try #require(
      p.ws.start(["import", "figures.csv"], env: ["PLANTRACK_STORE": p.url(as: role)]))
    var killed = false
    for _ in 0..<1000 where !killed {
      let n = try p.server.psql(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '\(role)' AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO entry%'"
      ).trimmingWhitespace
      killed = n == "1"
      if !killed { usleep(5_000) }
    }
    let r = running.wait()
    #expect(killed, "the import's transaction was never seen")
    #expect(r.code == 1 && r.problem == .storeUnavailable, "\(r.stderr)")
    #expect(r.stderrLines.count == 1, "\(r.stderr)")
    #expect(try p.count() == 0)
  }
}

/// A server of the test's own, stopped and started under the commands and the dashboard.
@Suite(.serialized) struct PostgresRestartEndToEndTests {
  /// A server restarted between two commands is simply connected to again; a dashboard
  /// whose server goes away says so in its footer, keeps the figures it has, and comes back
  /// with the figures recorded meanwhile when the server does.
  @Test func aServerRestartedUnderCommandsAndTheDashboard() throws {
    let cluster = try PrivateCluster(
      script: CLI.packageRoot.appendingPathComponent("scripts/pg-test-cluster"))
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let env = ["PLANTRACK_STORE": cluster.url]
    #expect(ws.run(["store", "init"], env: env).code == 0)
    let record = { (value: String) in
      ws.run(["record", "威海市/5g-base-stations", value, "--date", "2024-06-30"], env: env)
    }
    #expect(record("6000").code == 0)
    try cluster.pause()
    let down = record("6100")
    #expect(down.code == 1 && down.problem == .cannotOpenStore && down.stderrLines.count == 1)
    try cluster.resume()
    #expect(record("6200").code == 0)

    let t = try DashboardEndToEndTests.Tmux(
      "--as-of 2024-06-30", in: ws.root, width: 120, height: 40,
      env: "PLANTRACK_STORE='\(cluster.url)'")
    try t.wait(for: "6200 / 6600 座")
    try cluster.pause()
    var screen = try t.wait(for: "store out of reach, retrying")
    #expect(screen.contains("6200 / 6600 座"))
    try cluster.resume()
    #expect(record("7000").code == 0)
    screen = try t.wait(for: "7000 / 6600 座")
    #expect(!screen.contains("store out of reach"))
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }

  /// A figure an office records on the shared server reaches the province's open dashboard
  /// through LISTEN/NOTIFY within about a second (the dashboard looks once a second).
  @Test func aFigureFromAnotherOfficeAppearsInTheDashboard() throws {
    let p = try Province()
    let role = TestPostgres.uniqueRole("weihai")
    #expect(p.run(["office", "add", "威海市", "--role", role], store: p.admin).code == 0)
    let t = try DashboardEndToEndTests.Tmux(
      "--as-of 2024-06-30", in: p.ws.root, width: 120, height: 40,
      env: "PLANTRACK_STORE='\(p.admin)'")
    try t.wait(for: "as of 2024-06-30")
    let r = p.run(
      ["record", "威海市/5g-base-stations", "6500", "--date", "2024-06-30"], store: p.url(as: role))
    #expect(r.code == 0, "\(r.stderr)")
    try t.wait(for: "6500 / 6600 座", seconds: 2)
    try t.keys("q")
    try t.wait(for: "EXIT=0")
  }
}
