import Foundation
import GRDB
import PlanTrackCore
import Testing

/// kill -9 at random moments: the store stays sound and holds each write whole or not at all,
/// and an export leaves each snapshot file old or whole. Random delays come from a seeded
/// generator, so a failure can be replayed.
@Suite(.serialized) struct CrashEndToEndTests {
  static let keys = (0..<20).map { "k\($0)" }
  static let file = targetFile(keys.map { levelTarget($0, baseline: 0, goal: 1_000_000) })

  /// What the store holds: SQLite's own integrity check and the number of entries.
  static func inspect(_ ws: TempWorkspace) throws -> (integrity: String, count: Int) {
    let path = ws.root.appendingPathComponent("plantrack.sqlite").path
    guard FileManager.default.fileExists(atPath: path) else { return ("ok", 0) }
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      (
        try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "),
        try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0
      )
    }
  }

  /// Starts `args`, kills it with SIGKILL after `delay` seconds unless it is done; returns
  /// whether the kill came first.
  static func kill(_ ws: TempWorkspace, _ args: [String], after delay: Double) -> Bool {
    guard let running = ws.start(args) else { return false }
    usleep(UInt32(delay * 1_000_000))
    let killed = Glibc.kill(running.pid, SIGKILL) == 0
    let r = running.wait()
    return killed && r.code == 128 + SIGKILL
  }

  /// A CSV of `rows` figures over the 20 targets.
  static func csv(rows: Int, seed: Int) -> String {
    var out = "key,date,value,note\n"
    for i in 0..<rows {
      let month = i / keys.count % 36
      let date = String(format: "%04d-%02d-28", 2023 + month / 12, month % 12 + 1)
      out += "t/\(keys[i % keys.count]),\(date),\(seed * 100_000 + i),导入\(seed)\n"
    }
    return out
  }

  @Test func killingAnImportKeepsAllOrNothing() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let rows = 10_000
    var rng = SplitMix64(seed: 7)
    // How long a whole import takes here, to spread the kills over it.
    try ws.write(Self.csv(rows: rows, seed: 0), to: "0.csv")
    let start = Date()
    #expect(ws.run(["import", "0.csv"]).code == 0)
    let full = Date().timeIntervalSince(start)
    var expected = rows
    var killedMidway = 0
    for run in 1...20 {
      try ws.write(Self.csv(rows: rows, seed: run), to: "\(run).csv")
      let killed = Self.kill(ws, ["import", "\(run).csv"], after: full * 1.2 * rng.unit())
      let (integrity, count) = try Self.inspect(ws)
      #expect(integrity == "ok", "run \(run)")
      #expect(count == expected || count == expected + rows, "run \(run): \(count) entries")
      if count == expected + rows { expected += rows } else { killedMidway += 1 }
      #expect(killed || count == expected, "run \(run): not killed, yet nothing imported")
    }
    print(
      "crash test: \(killedMidway) of 20 imports of \(rows) rows killed midway, \(expected) entries kept"
    )
    // The delays must have hit some imports while they ran (a whole import is checked by the
    // first one).
    #expect(killedMidway > 0, "no import was killed while it ran")
  }

  @Test func killingRecordsKeepsEveryFinishedEntry() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    // How long a whole record takes here, to spread the kills over it.
    let start = Date()
    #expect(ws.run(["record", "t/k0", "1", "--date", "2023-01-31"]).code == 0)
    let full = Date().timeIntervalSince(start)
    var rng = SplitMix64(seed: 11)
    var finished: Set<Int> = [1]
    var killed: Set<Int> = []
    for i in 2...41 {
      let args = ["record", "t/\(Self.keys[i % 20])", "\(i)", "--date", "2024-01-31"]
      if Self.kill(ws, args, after: full * 1.5 * rng.unit()) {
        killed.insert(i)
      } else {
        finished.insert(i)
      }
    }
    let (integrity, count) = try Self.inspect(ws)
    #expect(integrity == "ok")
    let queue = try DatabaseQueue(path: ws.root.appendingPathComponent("plantrack.sqlite").path)
    let values = Set(try queue.read { db in try Int.fetchAll(db, sql: "SELECT value FROM entry") })
    #expect(finished.isSubset(of: values), "lost: \(finished.subtracting(values).sorted())")
    #expect(values.isSubset(of: finished.union(killed)))
    #expect(count == values.count)
    #expect(!killed.isEmpty, "no record was killed while it ran")
    print("crash test: \(killed.count) of 40 records killed, \(finished.count) finished, all kept")
  }

  @Test func killingAnExportLeavesNoHalfFile() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    try ws.write(Self.csv(rows: 2_000, seed: 1), to: "in.csv")
    #expect(ws.run(["import", "in.csv"]).code == 0)
    let args = ["export", "--as-of", "2025-06-30", "--out", "out"]
    let start = Date()
    #expect(ws.run(["export", "--as-of", "2025-06-30", "--out", "reference"]).code == 0)
    let full = Date().timeIntervalSince(start)
    let fm = FileManager.default
    let reference = ws.root.appendingPathComponent("reference")
    let names = try fm.contentsOfDirectory(atPath: reference.path).sorted()
    #expect(names.count == 5)
    var rng = SplitMix64(seed: 3)
    var killedMidway = 0
    for run in 1...20 {
      if Self.kill(ws, args, after: full * 1.2 * rng.unit()) { killedMidway += 1 }
      let out = ws.root.appendingPathComponent("out")
      for name in (try? fm.contentsOfDirectory(atPath: out.path)) ?? [] where !name.hasPrefix(".") {
        #expect(names.contains(name), "run \(run): \(name)")
        let bytes = fm.contents(atPath: out.appendingPathComponent(name).path)
        #expect(
          bytes == fm.contents(atPath: reference.appendingPathComponent(name).path),
          "run \(run): \(name) differs")
      }
    }
    // A later export finishes the job and sweeps what the killed ones left.
    #expect(ws.run(args).code == 0)
    let left = try fm.contentsOfDirectory(atPath: ws.root.appendingPathComponent("out").path)
    #expect(left.sorted() == names, "\(left)")
    #expect(killedMidway > 0, "no export was killed while it ran")
    print("crash test: \(killedMidway) of 20 exports killed midway, no half file")
  }
}
