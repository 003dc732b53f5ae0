import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

/// A month's reporting cycle through the real binary: on one office's SQLite file, and on a
/// shared server where a county reports to its city.
@Suite struct ReportingCycleEndToEndTests {
  static let series = "威海市/5g-base-stations"
  static let key = "371000/5g-base-stations"
  static let target = "wh-digital-2023/total-5g-stations"

  /// `PLANTRACK_USER` and the clock of one step.
  static func at(_ user: String, _ time: String) -> [String: String] {
    ["PLANTRACK_USER": user, "PLANTRACK_NOW": time]
  }

  /// The review steps of `history`, as its lines after the "review steps:" header.
  static func steps(_ history: RunResult) -> [String] {
    let lines = history.stdout.split(separator: "\n").map(String.init)
    guard let start = lines.firstIndex(of: "review steps:") else { return [] }
    return Array(lines[(start + 2)...].prefix { !$0.hasPrefix("2024-") })
  }

  /// One office on SQLite: the county officer submits, the reviewer returns with a comment,
  /// the officer corrects and submits again, the reviewer approves; a later correction
  /// without --reason is refused, with one it is submitted again. Bad input on the way is
  /// one line, exit 1, nothing written.
  @Test func aMonthsCycleOnOneOfficesFile() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let clerk = Self.at("clerk", "2024-07-08T09:00:00Z")
    #expect(
      ws.run(["record", Self.series, "6600", "--date", "2024-06-30"], env: clerk).code == 0)

    // Bad input: a period written wrongly, a period with no figure, approving what was never
    // submitted, an empty comment.
    for (args, code) in [
      (["submit", "--period", "2024-13"], ProblemCode.invalidPeriod),
      (["submit", Self.series, "--period", "2024-05"], .noFigureToSubmit),
      (["approve", Self.series, "--period", "2024-06"], .reviewNotInState),
      (["return", Self.series, "--period", "2024-06", "--comment", " "], .commentRequired),
    ] {
      let r = ws.run(args, env: clerk)
      #expect(r.code == 1 && r.problem == code && r.stderrLines.count == 1, "\(args): \(r.stderr)")
    }
    #expect(ws.run(["store", "info"]).stdout.contains("review steps: 0"))

    let submitted = ws.run(["submit", "--period", "2024-06"], env: clerk)
    #expect(submitted.code == 0, "\(submitted.stderr)")
    #expect(submitted.stdout.contains("submitted \(Self.key) 2024-06: 6600"))
    // Only what has a draft: submitting again finds nothing.
    #expect(ws.run(["submit", "--period", "2024-06"], env: clerk).problem == .noFigureToSubmit)

    let reviewer = Self.at("reviewer", "2024-07-09T10:00:00Z")
    let waiting = ws.run(["review"], env: reviewer)
    #expect(waiting.stdout.contains(Self.key) && waiting.stdout.contains("1 waiting"))
    let returned = ws.run(
      ["return", Self.series, "--period", "2024-06", "--comment", "与通信管理局口径不一致"], env: reviewer)
    #expect(returned.code == 0, "\(returned.stderr)")
    let history = ws.run(["history", Self.series])
    #expect(history.stdout.contains("2024-06: returned by reviewer 2024-07-09 — 与通信管理局口径不一致"))

    // The county corrects (a returned figure is not locked) and submits again.
    let fix = Self.at("clerk", "2024-07-12T09:00:00Z")
    #expect(
      ws.run(["record", Self.series, "6650", "--date", "2024-06-30"], env: fix).code == 0)
    #expect(
      ws.run(["approve", Self.series, "--period", "2024-06"], env: reviewer).problem
        == .reviewNotInState, "changed since it was returned: not submitted")
    #expect(ws.run(["submit", Self.series, "--period", "2024-06"], env: fix).code == 0)
    let approved = ws.run(
      ["approve", "--period", "2024-06"], env: Self.at("reviewer", "2024-07-13T09:00:00Z"))
    #expect(approved.code == 0 && approved.stdout.contains("approved \(Self.key) 2024-06: 6650"))
    #expect(ws.run(["review"], env: reviewer).stdout == "nothing waits for review\n")

    // Locked: a correction without a reason is refused and writes nothing.
    let entries = ws.historyRows(Self.series).count
    let locked = ws.run(["record", Self.series, "6700", "--date", "2024-06-30"], env: fix)
    #expect(locked.code == 1 && locked.problem == .periodLocked && locked.stderrLines.count == 1)
    #expect(ws.historyRows(Self.series).count == entries)
    // An import that touches the period is refused the same way, all of it.
    try ws.write(
      "key,date,value\n\(Self.series),2024-05-31,6400\n\(Self.series),2024-06-30,6700\n",
      to: "june.csv")
    #expect(ws.run(["import", "june.csv"], env: fix).problem == .periodLocked)
    #expect(ws.historyRows(Self.series).count == entries)

    let reopened = ws.run(
      ["record", Self.series, "6700", "--date", "2024-06-30", "--reason", "通信管理局修订"],
      env: Self.at("clerk", "2024-08-02T09:00:00Z"))
    #expect(reopened.code == 0, "\(reopened.stderr)")
    #expect(reopened.stdout.contains("correction of the approved figure for 2024-06"))
    let steps = Self.steps(ws.run(["history", Self.series]))
    #expect(
      steps.map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] } == [
        "submit", "return", "submit", "approve", "correct",
      ], "\(steps)")
    #expect(ws.run(["review"], env: reviewer).stdout.contains("(correction)"))

    // Status: the figure used (the correction) waits; official reports keep the approved one.
    let status = try #require(ws.statusJSON(asOf: "2024-08-15"))
    #expect(status.number(Self.target, "actual") == 6700)
    let row = try #require(status[Self.target])
    #expect(row["approval"] as? String == "submitted")
    let reporting = try #require(row["reporting"] as? [String: Any])
    #expect(reporting["period"] as? String == "2024-07")
    #expect(reporting["state"] as? String == "missing")
    let official = ws.run(
      ["status", "--format", "json", "--as-of", "2024-08-15", "--approved-only"])
    let approvedOnly = try #require(StatusJSON(text: official.stdout))
    #expect(approvedOnly.number(Self.target, "actual") == 6650)
    #expect(approvedOnly[Self.target]?["approval"] as? String == "approved")
    // As of July 11 the June figure had been submitted on time and returned; the figure
    // standing now (6700) is not the one those steps were about: a draft against them.
    let july = try #require(ws.statusJSON(asOf: "2024-07-11"))
    #expect(july[Self.target]?["approval"] as? String == "recorded")
    #expect((july[Self.target]?["reporting"] as? [String: Any])?["state"] as? String == "on-time")

    // The correction approved in turn: official reports take the last approval.
    let later = Self.at("reviewer", "2024-08-05T09:00:00Z")
    #expect(ws.run(["approve", Self.series, "--period", "2024-06"], env: later).code == 0)
    let after = ws.run(
      ["status", "--format", "json", "--as-of", "2024-08-15", "--approved-only"])
    #expect(try #require(StatusJSON(text: after.stdout)).number(Self.target, "actual") == 6700)
  }

  /// `remind` writes notices and exits 3 while figures are missing, 0 when none is.
  @Test func remindExitsThreeWhileFiguresAreDue() throws {
    let ws = try TempWorkspace([
      "t.yaml": targetFile([levelTarget("a", lead: "市工业和信息化局")])
    ])
    let clerk = Self.at("clerk", "2025-07-05T09:00:00Z")
    // Before anything is recorded, the cycle's commands refuse and create no store.
    for args in [
      ["submit"], ["approve", "t/a"], ["return", "t/a", "--comment", "x"], ["review"],
    ] {
      let r = ws.run(args, env: clerk)
      #expect(args == ["review"] ? r.code == 0 : r.code == 1 && r.stderrLines.count == 1, "\(args)")
    }
    #expect(!ws.storeExists)
    #expect(ws.run(["record", "t/a", "50", "--date", "2025-06-30"], env: clerk).code == 0)
    let before = ws.run(["remind", "--as-of", "2025-07-09", "--out", "notices"])
    #expect(before.code == 0, "June is not due yet: \(before.stderr)")
    let due = ws.run(["remind", "--as-of", "2025-07-11", "--out", "notices", "--lang", "zh"])
    #expect(due.code == 3, "\(due.stderr)")
    let files = due.stdout.split(separator: "\n").map(String.init)
    #expect(
      files.count == 1 && files[0].hasSuffix("2025-07-11-remind-lead-市工业和信息化局.md"), "\(files)")
    let text = try String(contentsOfFile: files[0], encoding: .utf8)
    #expect(text.contains("| t/a | 2025-06 | 2025-07-10 | 缺报 | 50 (2025-06-30) |"), "\(text)")
    #expect(ws.run(["submit", "t/a", "--period", "2025-06"], env: clerk).code == 0)
    #expect(ws.run(["remind", "--as-of", "2025-07-11"]).code == 0)
  }

  /// Two offices on a shared server: the county (文登区) submits, its city (威海市) returns
  /// with a comment, the county corrects and submits again, the city approves. Only an office
  /// above may review, never the county itself or an office elsewhere (济南市), and never the
  /// role that submitted; who and when are the server's, whatever the client says.
  @Test func aMonthsCycleBetweenACountyAndItsCity() throws {
    let p = try Province()
    let city = TestPostgres.uniqueRole("weihai")
    let county = TestPostgres.uniqueRole("wendeng")
    let elsewhere = TestPostgres.uniqueRole("jinan")
    for (region, role) in [("威海市", city), ("文登区", county), ("济南市", elsewhere)] {
      let r = p.run(["office", "add", region, "--role", role], store: p.admin)
      #expect(r.code == 0, "\(r.stderr)")
    }
    let series = "文登区/5g-base-stations"
    // The client's name and clock do not count on a server.
    let spoof = Self.at("mallory", "2020-01-01T00:00:00Z")
    func run(_ args: [String], as role: String) -> RunResult {
      p.run(args, store: p.url(as: role), env: spoof)
    }
    #expect(run(["record", series, "1500", "--date", "2025-06-30"], as: county).code == 0)
    let submitted = run(["submit", "--period", "2025-06"], as: county)
    #expect(submitted.code == 0, "\(submitted.stderr)")
    #expect(submitted.stdout.contains("submitted 371003/5g-base-stations 2025-06: 1500"))

    // The county cannot review its own figure, nor can an office that is not above it.
    for role in [county, elsewhere] {
      let r = run(["approve", series, "--period", "2025-06"], as: role)
      #expect(r.code == 1 && r.problem == .notReviewer && r.stderrLines.count == 1, "\(r.stderr)")
    }
    #expect(run(["review"], as: elsewhere).stdout == "nothing waits for review\n")
    let waiting = run(["review"], as: city)
    #expect(waiting.stdout.contains("371003/5g-base-stations") && waiting.stdout.contains(county))
    let returned = run(
      ["return", series, "--period", "2025-06", "--comment", "与通信管理局口径不一致"], as: city)
    #expect(returned.code == 0, "\(returned.stderr)")

    // The county sees why, corrects and submits again; the city approves.
    let history = run(["history", series], as: county).stdout
    #expect(history.contains("2025-06: returned by \(city) "), "\(history)")
    #expect(history.contains("与通信管理局口径不一致") && !history.contains("mallory"))
    #expect(!history.contains("2020-01-01"), "the server's clock, not the client's")
    #expect(run(["record", series, "1520", "--date", "2025-06-30"], as: county).code == 0)
    #expect(run(["submit", series, "--period", "2025-06"], as: county).code == 0)
    let approved = run(["approve", "--period", "2025-06"], as: city)
    #expect(
      approved.code == 0
        && approved.stdout.contains("approved 371003/5g-base-stations 2025-06: 1520"),
      "\(approved.stderr)")

    // The server holds the lock and the order of steps even for a client that skips
    // plantrack's checks: an entry into the approved period, an approval under a period
    // label of its own, an approval of a figure nobody submitted, a submission of a figure
    // that does not stand.
    func asRole(_ role: String, _ sql: String) throws {
      try p.server.psql(
        "SET search_path TO \(p.schema); SET SESSION AUTHORIZATION \(role); \(sql)")
    }
    let approvedEntry = try p.server.psql(
      "SELECT max(entry) FROM \(p.schema).review WHERE action = 'approve'"
    ).trimmingWhitespace
    let bypass = [
      (
        county,
        "INSERT INTO entry (key, as_of, value, entered_by, entered_at) VALUES ('371003/5g-base-stations', '2025-06-30', 1999, 'x', 'y')"
      ),
      (
        city,
        "INSERT INTO review (key, period, action, entry, as_of, value, entered_by, entered_at) VALUES ('371003/5g-base-stations', 'x', 'approve', \(approvedEntry), '', 0, 'x', 'y')"
      ),
      (
        county,
        "INSERT INTO review (key, period, action, entry, as_of, value, entered_by, entered_at) VALUES ('371003/5g-base-stations', '2025-06', 'submit', \(approvedEntry), '', 0, 'x', 'y')"
      ),
    ]
    for (role, sql) in bypass {
      #expect(throws: (any Error).self, "\(sql)") { try asRole(role, sql) }
    }
    #expect(try p.count() == 2)
    // A city records a figure into a county's July and approves it without anyone
    // submitting it: refused.
    #expect(run(["record", series, "1600", "--date", "2025-07-31"], as: city).code == 0)
    let july = try p.server.psql("SELECT max(id) FROM \(p.schema).entry").trimmingWhitespace
    #expect(throws: (any Error).self) {
      try asRole(
        city,
        "INSERT INTO review (key, period, action, entry, as_of, value, entered_by, entered_at) VALUES ('371003/5g-base-stations', '2025-07', 'approve', \(july), '', 0, 'x', 'y')"
      )
    }

    // Locked: refused without a reason, reopened with one.
    let locked = run(["record", series, "1530", "--date", "2025-06-30"], as: county)
    #expect(locked.code == 1 && locked.problem == .periodLocked && locked.stderrLines.count == 1)
    let reopened = run(
      ["record", series, "1530", "--date", "2025-06-30", "--reason", "通信管理局修订"], as: county)
    #expect(reopened.code == 0, "\(reopened.stderr)")
    #expect(run(["review"], as: city).stdout.contains("(correction)"))

    // The city may submit for the county (it writes its subtree) but not review what it
    // submitted itself.
    #expect(run(["record", series, "1540", "--date", "2025-06-30"], as: city).code == 0)
    #expect(run(["submit", series, "--period", "2025-06"], as: city).code == 0)
    let own = run(["approve", series, "--period", "2025-06"], as: city)
    #expect(own.problem == .notReviewer && own.stderr.contains("submitted it"), "\(own.stderr)")

    // The server itself refuses what a client that skips plantrack's checks would write:
    // the county approving its own figure; and stamps a step written under another name,
    // backdated, with a false date and value, with its own.
    #expect(run(["record", series, "1550", "--date", "2025-06-30"], as: county).code == 0)
    let reviews = try p.server.psql("SELECT count(*) FROM \(p.schema).review").trimmingWhitespace
    let entry = try p.server.psql(
      "SELECT max(id) FROM \(p.schema).entry WHERE as_of = '2025-06-30'"
    ).trimmingWhitespace
    #expect(throws: (any Error).self) {
      try p.server.psql(
        """
        SET search_path TO \(p.schema); SET SESSION AUTHORIZATION \(county);
        INSERT INTO review (key, period, action, entry, as_of, value, entered_by, entered_at)
        VALUES ('371003/5g-base-stations', '2025-06', 'approve', \(entry), '', 0, 'x', 'y')
        """)
    }
    try p.server.psql(
      """
      SET search_path TO \(p.schema); SET SESSION AUTHORIZATION \(county);
      INSERT INTO review (key, period, action, entry, as_of, value, entered_by, entered_at)
      VALUES ('371003/5g-base-stations', '2025-06', 'submit', \(entry), '1999-01-01', 1, 'mallory', '1999-01-01T00:00:00Z')
      """)
    let last = try p.server.psql(
      "SELECT entered_by, entered_at > '2020', as_of, value FROM \(p.schema).review ORDER BY id DESC LIMIT 1"
    ).trimmingWhitespace
    #expect(last == "\(county)|t|2025-06-30|1550", "\(last)")
    #expect(
      try p.server.psql("SELECT count(*) FROM \(p.schema).review").trimmingWhitespace
        == String((Int(reviews) ?? 0) + 1))
    #expect(throws: (any Error).self) {
      try p.server.psql("UPDATE \(p.schema).review SET comment = 'x'")
    }
  }
}
