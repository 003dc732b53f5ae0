import Foundation
import PlanTrackCore
import Testing

/// Exit codes for usage errors, help, and how the workspace is found.
@Suite struct UsageEndToEndTests {
  static let file = targetFile([levelTarget("nev")])

  @Test func usageErrorsExitTwo() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let cases: [[String]] = [
      ["status", "--bogus"],
      ["record", "t/nev"],  // missing VALUE
      ["record"],
      ["history"],
      ["import"],
      ["frobnicate"],  // unknown subcommand
      ["status", "--format", "xml"],
      ["status", "--filter", "status:bogus"],
      ["status", "--as-of", "2024-13-01"],
      ["status", "--format"],  // missing option value
    ]
    for args in cases {
      let r = ws.run(args)
      #expect(r.code == 2, "\(args) exited \(r.code): \(r.stderr)")
      #expect(!r.stderr.isEmpty, "\(args) printed no reason")
      #expect(r.stdout.isEmpty, "\(args) printed to stdout: \(r.stdout)")
    }
    #expect(!ws.storeExists)
  }

  @Test func helpExitsZero() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let help = ws.run(["--help"])
    #expect(help.code == 0)
    #expect(help.stdout.contains("USAGE"))
    for sub in ["status", "record", "history", "undo", "import", "check"] {
      #expect(help.stdout.contains(sub), "\(sub) missing from --help")
    }
    let record = ws.run(["record", "--help"])
    #expect(record.code == 0)
    #expect(record.stdout.contains("--date"))
  }

  @Test func workspaceOptionAndEnvironment() throws {
    let a = try TempWorkspace(["a.yaml": targetFile(doc: "a", [levelTarget("x")])])
    let b = try TempWorkspace(["b.yaml": targetFile(doc: "b", [levelTarget("y")])])
    let outside = try TempWorkspace()
    try FileManager.default.removeItem(at: outside.root.appendingPathComponent("targets"))

    func keys(_ r: RunResult) -> [String] {
      #expect(r.code == 0, "\(r.stderr)")
      return StatusJSON(text: r.stdout)?.targets.compactMap { $0["key"] as? String } ?? []
    }
    let json = ["status", "--format", "json", "--as-of", "2024-01-01"]
    #expect(keys(outside.run(json + ["--workspace", a.root.path])) == ["a/x"])
    #expect(keys(outside.run(json, env: ["PLANTRACK_WORKSPACE": b.root.path])) == ["b/y"])
    // The option wins over the environment.
    #expect(
      keys(
        outside.run(json + ["--workspace", a.root.path], env: ["PLANTRACK_WORKSPACE": b.root.path]))
        == ["a/x"])
    // A subfolder of a workspace finds it.
    let sub = a.root.appendingPathComponent("targets")
    let fromSub = run(json, in: sub)
    #expect(
      keys(RunResult(code: fromSub.code, stdout: fromSub.stdout, stderr: fromSub.stderr)) == ["a/x"]
    )

    // record writes into the chosen workspace only.
    let rec = outside.run([
      "record", "b/y", "120", "--date", "2024-01-31", "--workspace", b.root.path,
    ])
    #expect(rec.code == 0, "\(rec.stderr)")
    #expect(b.storeExists)
    #expect(!a.storeExists)
    #expect(
      !FileManager.default.fileExists(
        atPath: outside.root.appendingPathComponent("plantrack.sqlite").path))

    // Outside any workspace: exit 1 and a one-line reason.
    for (args, env) in [
      (json, [String: String]()), (["record", "a/x", "1", "--date", "2024-01-31"], [:]),
      (json + ["--workspace", outside.root.path], [:]),
      (json, ["PLANTRACK_WORKSPACE": outside.root.path]),
    ] {
      let r = outside.run(args, env: env)
      #expect(r.code == 1, "\(args) \(env): \(r.stderr)")
      #expect(r.stderrLines.count == 1, "\(r.stderr)")
      #expect(r.problem == .notAWorkspace, "\(r.stderr)")
    }
  }
}
