import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack record KEY VALUE`: appends one actual.
struct RecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record an actual figure for a target (a correction if the date already has one).",
    discussion: """
      VALUE may carry a scale or unit: 140.2, 1,402,345, 140.2万, 1402345辆, １４０.
      It is converted to the target's unit; an incompatible unit is an error.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @Argument(help: "The target key, document-id/target-id.") var key: String
  @Argument(help: "The value, e.g. 140.2 or 140.2万 or 1402345辆.") var value: String
  @Option(
    name: .long, help: "The date the figure is for (YYYY-MM-DD). Default: today.",
    transform: DayArgument.parse)
  var date: Day?
  @Option(name: .long, help: "The unit of VALUE, if not written after it.") var unit: String?
  @Option(name: .long, help: "A note.") var note: String?
  @Option(name: .long, help: "Where the figure comes from.") var source: String?

  func run() throws {
    let ws = try workspace.locate()
    let targets = ws.loadTargets(forKey: key)
    let day = date ?? Frontend.today()
    let entry = try EntryInput.make(
      targets: targets, key: key, value: value, unit: unit, date: day, note: note, source: source,
      user: Frontend.user(), time: Frontend.timestamp())
    let store = try ws.openStore()
    let stored = try store.append([entry])[0]
    let target = targets.target(key: key)!
    let status = StatusEngine().evaluate(
      target, series: EntryLog.series(try store.entries(key: key)), asOf: day)
    let language = Frontend.language(nil)
    Frontend.output(
      "recorded #\(stored.id) \(key) \(day.iso): \(NumberText.plain(stored.value!)) \(target.unit.text)"
        + " → \(language.label(status.status))\n")
  }
}
