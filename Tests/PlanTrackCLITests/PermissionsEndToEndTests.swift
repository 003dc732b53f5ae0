import Foundation
import PlanTrackCore
import Testing

/// Who may read and write the store, and what plantrack says when it may not; and output that
/// has nowhere to go.
@Suite struct PermissionsEndToEndTests {
  static let file = targetFile([levelTarget("nev"), levelTarget("labs", unit: "家")])

  static func mode(_ url: URL) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int
  }

  @Test func theStoreIsCreatedForItsOwnerOnly() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    #expect(ws.run(["record", "t/nev", "120", "--date", "2024-01-31"]).code == 0)
    let store = ws.root.appendingPathComponent("plantrack.sqlite")
    #expect(Self.mode(store) == 0o600)
    #expect(Self.mode(ws.root.appendingPathComponent("plantrack.sqlite.lock")) == 0o600)
  }

  @Test func aGroupSharedStoreIsCreatedForTheGroupToo() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    let r = ws.run(["record", "t/nev", "120", "--date", "2024-01-31", "--group-shared"])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(Self.mode(ws.root.appendingPathComponent("plantrack.sqlite")) == 0o660)
  }

  /// Runs plantrack as a user who does not own the workspace: `nobody` when the tests run as
  /// root (root may write anything), else the test's own user, for whom the modes set below
  /// apply as well.
  func runAsOther(_ ws: TempWorkspace, _ args: [String]) -> RunResult {
    guard getuid() == 0 else { return ws.run(args) }
    let binary = CLI.binary?.path ?? "plantrack"
    guard
      let running = Running(
        ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + args, in: ws.root,
        env: [:], executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
    else { return RunResult(code: -1, stdout: "", stderr: "") }
    return running.wait()
  }

  /// A workspace with one recorded figure, then `folderMode` and `storeMode` applied.
  func workspace(folderMode: Int, storeMode: Int) throws -> TempWorkspace {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    #expect(ws.run(["record", "t/nev", "120", "--date", "2024-01-31"]).code == 0)
    let fm = FileManager.default
    try fm.setAttributes(
      [.posixPermissions: storeMode],
      ofItemAtPath: ws.root.appendingPathComponent("plantrack.sqlite").path)
    try fm.setAttributes([.posixPermissions: folderMode], ofItemAtPath: ws.root.path)
    return ws
  }

  func restore(_ ws: TempWorkspace) {
    chmod(ws.root.path, 0o755)
    chmod(ws.root.appendingPathComponent("plantrack.sqlite").path, 0o600)
  }

  /// A store the user may read but not write, in a folder they may or may not write: status
  /// reads it; record, undo and import refuse in one line and write nothing.
  @Test(arguments: [0o555, 0o777])
  func aReadOnlyStoreIsReadAndNeverWritten(folderMode: Int) throws {
    let ws = try workspace(folderMode: folderMode, storeMode: 0o444)
    defer { restore(ws) }
    let status = runAsOther(ws, ["status", "--format", "csv", "--as-of", "2024-06-30"])
    #expect(status.code == 0, "\(status.stderr)")
    #expect(status.stdout.contains("t/nev,") && status.stdout.contains(",120,"), "\(status.stdout)")
    try ws.write("key,date,value\nt/labs,2024-02-29,3\n", to: "in.csv")
    for args in [
      ["record", "t/nev", "130", "--date", "2024-02-29"], ["undo"], ["import", "in.csv"],
    ] {
      let r = runAsOther(ws, args)
      #expect(r.code == 1, "\(args): \(r.stderr)")
      #expect(r.stderrLines.count == 1, "\(args): \(r.stderr)")
      #expect(r.problem == .storeReadOnly, "\(args): \(r.stderr)")
    }
    restore(ws)
    #expect(ws.historyRows("t/nev").count == 1)
    #expect(ws.historyRows("t/labs").isEmpty)
  }

  @Test func aStoreTheUserMayNotReadIsOneClearLine() throws {
    let ws = try workspace(folderMode: 0o755, storeMode: 0o000)
    defer { restore(ws) }
    let r = runAsOther(ws, ["status"])
    #expect(r.code == 1)
    #expect(r.stderrLines.count == 1, "\(r.stderr)")
    #expect(r.problem == .cannotOpenStore, "\(r.stderr)")
  }

  @Test func aReadOnlyFolderWithoutAStoreCannotRecordAndSaysSo() throws {
    let ws = try TempWorkspace(["t.yaml": Self.file])
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: ws.root.path)
    defer { restore(ws) }
    let r = runAsOther(ws, ["record", "t/nev", "130", "--date", "2024-02-29"])
    #expect(r.code == 1)
    #expect(r.stderrLines.count == 1, "\(r.stderr)")
    #expect(r.problem == .storeReadOnly, "\(r.stderr)")
    #expect(!ws.storeExists)
  }

  // MARK: Output with nowhere to go

  /// `bash -c script` with the plantrack binary as $0 and the package root as $1.
  func shell(_ script: String) -> RunResult {
    guard let binary = CLI.binary,
      let running = Running(
        ["-c", script, binary.path, CLI.packageRoot.path], in: CLI.packageRoot, env: [:],
        executable: URL(fileURLWithPath: "/bin/bash"))
    else { return RunResult(code: -1, stdout: "", stderr: "") }
    return running.wait()
  }

  @Test func aReaderThatStopsEarlyEndsItQuietly() {
    // The repository's 455 targets as JSON are far more than a pipe holds.
    let r = shell(
      #""$0" status --format json --workspace "$1" 2>&1 | head -c 10; echo; echo "exit=${PIPESTATUS[0]}""#
    )
    #expect(r.stdout == "{\n  \"asOf\"\nexit=0\n", "\(r.stdout) \(r.stderr)")
  }

  @Test(arguments: [">&-", ">/dev/full"])
  func anOutputThatCannotBeWrittenIsOneLine(redirect: String) {
    let r = shell(#""$0" status --format csv --workspace "$1" "# + redirect)
    #expect(r.code == 1)
    #expect(r.stderrLines.count == 1, "\(r.stderr)")
    #expect(r.problem == .cannotWriteOutput, "\(r.stderr)")
  }
}
