import Foundation
import PlanTrackCore
import Testing

/// `record`, `history`, `undo`: bad input writes nothing; the audit trail; concurrency.
@Suite struct RecordEndToEndTests {
  static let file = targetFile([
    levelTarget("nev"), levelTarget("share", unit: "%", baseline: 50, goal: 30, comparator: "<="),
  ])

  /// Each bad `record` exits with `code`, says why (with `problem` for exit 1), and writes
  /// nothing.
  func expectRejected(
    _ ws: TempWorkspace, _ args: [String], code: Int32, problem: ProblemCode?,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let r = ws.run(["record"] + args)
    #expect(r.code == code, "record \(args): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, "record \(args) printed \(r.stdout)", sourceLocation: sourceLocation)
    if code == 1 {
      #expect(
        r.stderrLines.count == 1, "expected one line on stderr: \(r.stderr)",
        sourceLocation: sourceLocation)
      #expect(r.stderr.hasPrefix("plantrack: "), sourceLocation: sourceLocation)
      #expect(r.problem == problem, "\(r.stderr)", sourceLocation: sourceLocation)
    } else {
      #expect(!r.stderr.isEmpty, sourceLocation: sourceLocation)
    }
  }

  @Test func badInputWritesNothing() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let bad: [([String], Int32, ProblemCode?)] = [
      (["t/nope", "140"], 1, .unknownTargetKey),
      (["nev", "140"], 1, .unknownTargetKey),  // a bare target id is not a key
      (["t/nev", "abc"], 1, .unreadableValue),
      // A date that does not exist is a usage error.
      (["t/nev", "140", "--date", "2025-02-30"], 2, nil),
      (["t/nev", "140", "--date", "2025/01/31"], 2, nil),
      (["t/nev", "5%"], 1, .incompatibleUnits),
      (["t/nev", "140", "--unit", "亿元"], 1, .incompatibleUnits),
      (["t/share", "5万辆"], 1, .incompatibleUnits),
    ]
    for (args, code, problem) in bad {
      let withDate = args.contains("--date") ? args : args + ["--date", "2024-01-31"]
      expectRejected(ws, withDate, code: code, problem: problem)
    }
    #expect(!ws.storeExists, "a rejected record created plantrack.sqlite")
    #expect(ws.historyRows("t/nev").isEmpty)

    // With a store in place, bad input adds no entry either.
    #expect(ws.run(["record", "t/nev", "140", "--date", "2024-01-31"]).code == 0)
    for (args, code, problem) in bad {
      let withDate = args.contains("--date") ? args : args + ["--date", "2024-02-29"]
      expectRejected(ws, withDate, code: code, problem: problem)
    }
    #expect(ws.historyRows("t/nev").count == 1)
    #expect(ws.historyRows("t/share").isEmpty)
    let unknown = ws.run(["history", "t/nope"])
    #expect(unknown.code == 1)
    #expect(unknown.stderrLines.count == 1)
    #expect(unknown.problem == .unknownTargetKey, "\(unknown.stderr)")
  }

  @Test func historyCorrectionsAndUndo() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let alice = ["PLANTRACK_USER": "alice"]
    let bob = ["PLANTRACK_USER": "bob"]
    // Nothing to undo yet, and undo does not create the store.
    let none = ws.run(["undo"], env: alice)
    #expect(none.code == 1)
    #expect(none.stderrLines.count == 1)
    #expect(none.problem == .nothingToUndo, "\(none.stderr)")
    #expect(!ws.storeExists)

    #expect(ws.run(["record", "t/nev", "120", "--date", "2024-01-31"], env: alice).code == 0)
    #expect(
      ws.run(["record", "t/nev", "130", "--date", "2024-02-29", "--note", "月报"], env: alice).code
        == 0)
    // A correction for the same date supersedes the earlier entry.
    #expect(ws.run(["record", "t/nev", "135", "--date", "2024-02-29"], env: alice).code == 0)
    #expect(ws.run(["record", "t/share", "45", "--date", "2024-02-29"], env: bob).code == 0)

    var rows = ws.historyRows("t/nev")
    #expect(rows.count == 3, "\(rows)")
    let timestamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/
    for row in rows {
      #expect(row.contains(" alice "), "\(row)")
      #expect(row.contains(timestamp), "\(row)")
    }
    #expect(rows.count == 3 && rows[0].contains("2024-01-31") && rows[0].contains("current"))
    #expect(rows.count == 3 && rows[1].contains("130") && rows[1].contains("superseded"))
    #expect(rows.count == 3 && rows[1].contains("月报"))
    #expect(rows.count == 3 && rows[2].contains("135") && rows[2].contains("current"))
    #expect(ws.historyRows("t/share").first?.contains(" bob ") == true)
    #expect(ws.statusJSON(asOf: "2024-03-01")?.number("t/nev", "actual") == 135)

    // Undo retracts the user's own last entry: alice's correction, not bob's later entry.
    let undo = ws.run(["undo"], env: alice)
    #expect(undo.code == 0, "\(undo.stderr)")
    let after = try #require(ws.statusJSON(asOf: "2024-03-01"))
    #expect(after.number("t/nev", "actual") == 130)
    #expect(after.number("t/share", "actual") == 45)
    rows = ws.historyRows("t/nev")
    #expect(rows.count == 4, "\(rows)")
    #expect(rows.count == 4 && rows[1].contains("current"), "\(rows)")
    #expect(rows.count == 4 && rows[2].contains("retracted"), "\(rows)")
    #expect(rows.count == 4 && rows[3].contains("retracts #3"), "\(rows)")

    // Undo again and again: back to the first value, then to no data, then nothing left.
    #expect(ws.run(["undo"], env: alice).code == 0)
    #expect(ws.statusJSON(asOf: "2024-03-01")?.number("t/nev", "actual") == 120)
    #expect(ws.run(["undo"], env: alice).code == 0)
    #expect(ws.statusJSON(asOf: "2024-03-01")?.status("t/nev") == "no-data")
    let empty = ws.run(["undo"], env: alice)
    #expect(empty.code == 1)
    #expect(empty.stderrLines.count == 1)
    #expect(empty.problem == .nothingToUndo, "\(empty.stderr)")
    #expect(empty.stderr.contains("alice"))
    // Bob's entry is untouched.
    #expect(ws.statusJSON(asOf: "2024-03-01")?.number("t/share", "actual") == 45)
  }

  @Test func concurrentFirstRecordsAllSucceed() throws {
    // Several processes racing to create and migrate a new store: each must succeed.
    for attempt in 0..<12 {
      let ws = try TempWorkspace(["t.yaml": Self.file])
      let running = (0..<6).compactMap { w in
        ws.start(["record", "t/nev", "\(120 + w)", "--date", "2024-01-0\(w + 1)"])
      }
      let results = running.map { $0.wait() }
      for r in results {
        #expect(r.code == 0, "attempt \(attempt): \(r.stderr)")
      }
      #expect(ws.historyRows("t/nev").count == 6, "attempt \(attempt)")
      if results.contains(where: { $0.code != 0 }) { break }
    }
  }

  @Test func concurrentRecordsAllSucceed() throws {
    // A fresh workspace: the processes also race to create the store.
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let workers = 4
    let rounds = 12
    var failures: [String] = []
    for round in 0..<rounds {
      let running = (0..<workers).compactMap { w in
        ws.start(
          [
            "record", "t/nev", "\(100 + w * rounds + round)", "--date",
            "2024-\(String(format: "%02d", w + 1))-\(String(format: "%02d", round + 1))",
          ], env: ["PLANTRACK_USER": "worker\(w)"])
      }
      #expect(running.count == workers)
      for r in running.map({ $0.wait() }) where r.code != 0 {
        failures.append("exit \(r.code): \(r.stderr)")
      }
    }
    #expect(failures.isEmpty, "\(failures)")
    let rows = ws.historyRows("t/nev")
    #expect(rows.count == workers * rounds)
    #expect(rows.filter { $0.contains("current") }.count == workers * rounds)
    for w in 0..<workers {
      #expect(rows.filter { $0.contains(" worker\(w) ") }.count == rounds)
    }
    // The latest date is worker 3's last round.
    let json = ws.statusJSON(asOf: "2024-12-31")
    #expect(json?.number("t/nev", "actual") == Double(100 + (workers - 1) * rounds + rounds - 1))
  }
}
