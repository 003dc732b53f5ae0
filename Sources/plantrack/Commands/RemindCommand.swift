import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack remind`: one 督办 notice per office and per lead unit; exit 3 when a figure is
/// missing, late or returned (for cron).
struct RemindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remind",
    abstract:
      "Write a reminder (督办) per office and lead unit: figures missing, late or returned, and targets off track or near their deadline.",
    discussion: """
      Without --out, the notices are printed one after another. Exit codes: 0 nothing is \
      missing, late or returned; 3 something is (cron can mail the notices then); 1 an error.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var asOf: AsOfOption
  @Option(name: .long, help: "md or html.") var format: Reminder.Format = .md
  @Option(name: .long, help: "Write one file per notice into this folder (created if needed).")
  var out: String?
  @Option(
    name: .long,
    help: "Label language: en or zh. Default: the settings (plantrack config), else the locale.")
  var lang: Language?

  func run() throws {
    let day = asOf.day
    let (_, data) = try workspace.load(reviews: .at(day))
    let language = Frontend.language(lang)
    let notices = Reminder.notices(
      series: data.reportingSeries, book: data.reviewBook,
      statuses: data.statuses(asOf: day), asOf: day)
    if let out {
      let folder = URL(fileURLWithPath: out)
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw CommandFailure(.cannotCreateFolder, "\(folder.path): cannot create the folder")
      }
      for n in notices {
        let url = folder.appendingPathComponent(n.fileName(format))
        try AtomicFile.write(n.text(format, language: language), to: url)
        Frontend.output(url.path + "\n")
      }
    } else {
      Frontend.output(notices.map { $0.text(format, language: language) }.joined(separator: "\n"))
    }
    if notices.contains(where: \.hasDueFigures) { throw ExitCode(3) }
  }
}

extension Reminder.Format: ExpressibleByArgument {}
