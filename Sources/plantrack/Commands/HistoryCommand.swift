import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack history KEY`: every entry of a target, with who and when.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "List a target's entries, oldest first, with who entered them and when.")

  @OptionGroup var workspace: WorkspaceOptions
  @Argument(help: "The target key, document-id/target-id.") var key: String

  func run() throws {
    let ws = try workspace.locate()
    let targets = ws.loadTargets(forKey: key)
    guard let target = targets.target(key: key) else {
      throw StoreError.unknownTarget(
        key: key, suggestion: EntryInput.suggestion(for: key, in: targets))
    }
    let entries = try ws.openStoreIfExists()?.entries(key: key) ?? []
    Frontend.output("\(target.key)  \(target.name)  (\(target.unit.text))\n")
    guard !entries.isEmpty else {
      Frontend.output(
        "no entries yet; record one with `plantrack record \(key) VALUE --date YYYY-MM-DD`\n")
      return
    }
    var rows: [[String]] = [["#", "AS OF", "VALUE", "INPUT", "STATE", "BY", "AT", "NOTE / SOURCE"]]
    for (e, state) in zip(entries, EntryLog.states(entries)) {
      let noteSource = [e.note, e.source].compactMap { $0 }.joined(separator: " · ")
      rows.append([
        "\(e.id)", e.asOf.iso, e.value.map { NumberText.plain($0) } ?? "—", e.input ?? "",
        state.text, e.enteredBy, e.enteredAt, noteSource,
      ])
    }
    Frontend.output(TextTable.render(rows, rightAligned: [2]))
  }
}
