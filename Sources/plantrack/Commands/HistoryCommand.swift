import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack history KEY`: every entry of a target, with who and when.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract:
      "List the entries of a target or a series, oldest first, with who entered them and when.")

  @OptionGroup var workspace: WorkspaceOptions
  @Argument(help: "A target key (document-id/target-id) or a series key (region/indicator).")
  var key: String

  func run() throws {
    let ws = try workspace.locate()
    // Every file: the listing names all the targets on the key's series.
    let targets = ws.loadTargets()
    let point = try targets.recordPoint(for: key)
    let store = try ws.openStoreIfExists()
    defer { store?.close() }
    let entries = try store?.entries(of: point) ?? []
    Frontend.output("\(point.series)  \(point.title)  (\(point.unit.text))\n")
    if !point.targets.isEmpty, point.series != key || point.targets.count > 1 {
      Frontend.output(
        "targets on this series: \(point.targets.map(\.key).joined(separator: ", "))\n")
    }
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
    let steps = try store?.reviews(key: point.series) ?? []
    guard !steps.isEmpty else { return }
    Frontend.output("\nreview steps:\n" + ReviewText.table(steps))
    // Where each period stands, with the comment of a return the office must act on.
    let rule = ReportingCycle.rule(forSeries: point.series, in: targets)
    let book = ReviewBook(events: steps, series: [point.series: EntryLog.series(entries)])
    for label in Set(steps.map(\.period)).sorted() {
      guard let p = ReportingPeriod(parsing: label) else { continue }
      let r = book.review(key: point.series, period: p, rule: rule, asOf: .distantFuture)
      Frontend.output(ReviewText.standing(r) + "\n")
    }
  }
}
