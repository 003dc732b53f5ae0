import ArgumentParser
import PlanTrackCore
import PlanTrackStore

/// `plantrack undo`: retracts the user's last entry (by appending a retraction).
struct UndoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: "Retract your last entry. Nothing is deleted: a retraction is recorded.")

  @OptionGroup var workspace: WorkspaceOptions
  @Option(name: .long, help: "Why the entry is retracted.") var note: String?
  @Option(
    name: .long,
    help: "Why an approved figure is withdrawn (required when the entry is of an approved period).")
  var reason: String?

  func run() throws {
    let ws = try workspace.locate()
    guard let store = try ws.openStoreIfExists() else {
      throw StoreError.nothingToUndo(user: Frontend.user())
    }
    let user = Frontend.user(of: store)
    guard let last = try store.lastUndoable(by: user) else {
      throw StoreError.nothingToUndo(user: user)
    }
    let cycle = ReportingCycle(
      targets: ws.loadTargets(), store: store, user: user, time: Frontend.timestamp(),
      today: Frontend.today())
    let stored = try cycle.append(
      [.retraction(of: last, note: note, by: user, at: Frontend.timestamp())], reason: reason
    ).entries[0]
    Frontend.output(
      "retracted #\(last.id) \(last.key) \(last.asOf.iso): \(NumberText.plain(last.value ?? 0))"
        + " (retraction #\(stored.id))\n")
  }
}
