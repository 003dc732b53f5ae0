import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack record KEY VALUE`: appends one actual.
struct RecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract:
      "Record an actual figure for a target or a series (a correction if the date already has one).",
    discussion: """
      KEY is a target key (document-id/target-id) or a series key (region/indicator: \
      山东省/5g-base-stations or 370000/5g-base-stations). A target on an indicator records \
      into its series, so every target on the series reads the figure.
      VALUE may carry a scale or unit: 140.2, 1,402,345, 140.2万, 1402345辆, １４０.
      It is converted to the series' unit; an incompatible unit is an error.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @Argument(help: "A target key (document-id/target-id) or a series key (region/indicator).")
  var key: String
  @Argument(help: "The value, e.g. 140.2 or 140.2万 or 1402345辆.") var value: String
  @Option(
    name: .long, help: "The date the figure is for (YYYY-MM-DD). Default: today.",
    transform: DayArgument.parse)
  var date: Day?
  @Option(name: .long, help: "The unit of VALUE, if not written after it.") var unit: String?
  @Option(name: .long, help: "A note.") var note: String?
  @Option(name: .long, help: "Where the figure comes from.") var source: String?
  @Option(
    name: .long,
    help:
      "Why an approved figure is corrected: required to change a figure of an approved period, which then goes back to submitted."
  )
  var reason: String?

  func run() throws {
    let ws = try workspace.locate()
    let targets = ws.loadTargets(forKey: key)
    let day = date ?? Frontend.today()
    let point = try targets.recordPoint(for: key)
    let entry = try EntryInput.make(
      point: point, value: value, unit: unit, date: day, note: note, source: source,
      user: Frontend.user(), time: Frontend.timestamp())
    let store = try ws.openStore()
    let cycle = ReportingCycle(
      targets: targets, store: store, user: Frontend.user(of: store), time: Frontend.timestamp(),
      today: Frontend.today())
    let written = try cycle.append([entry], reason: reason)
    let stored = written.entries[0]
    let language = Frontend.language(nil)
    let shown = point.series == key ? key : "\(key) (\(point.series))"
    var out =
      "recorded #\(stored.id) \(shown) \(day.iso): \(NumberText.plain(stored.value!)) \(point.unit.text)"
    // The status of every target the figure counts for, from the series as now stored.
    let series = EntryLog.series(try store.entries(of: point))
    let book = FigureBook(
      series: [point.series: series], indicators: targets.catalog.indicators,
      regions: targets.catalog.regions, asOf: day)
    let statuses = StatusEngine(thresholds: targets.catalog.thresholds).evaluate(
      point.targets, book: book)
    if statuses.count == 1 {
      out += " → \(language.label(statuses[0].status))\n"
    } else {
      out += "\n"
      for s in statuses { out += "  \(s.target.key) → \(language.label(s.status))\n" }
    }
    for step in written.reviews {
      out += "correction of the approved figure for \(step.period): submitted again for review\n"
    }
    Frontend.output(out)
  }
}
