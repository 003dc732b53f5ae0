import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackStore

/// The `plantrack` command and its subcommands.
struct PlanTrack: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plantrack",
    abstract: "Track the quantitative goals of government plans against actual figures.",
    discussion: """
      Exit codes: 0 ok, 1 a user or data error (one line on standard error), 2 a usage error, \
      3 `remind` found figures missing, late or returned.
      """,
    subcommands: [
      DashboardCommand.self, DemoCommand.self, StatusCommand.self, CheckCommand.self,
      RecordCommand.self, HistoryCommand.self, IndicatorsCommand.self, RegionsCommand.self,
      StoreCommand.self, OfficeCommand.self,
      SubmitCommand.self, ReviewCommand.self, ApproveCommand.self, ReturnCommand.self,
      RemindCommand.self,
      UndoCommand.self, ImportCommand.self, TemplateCommand.self, ExportCommand.self,
      DiffCommand.self, ConfigCommand.self,
      ExtractCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )
}

@main
enum Main {
  static func main() {
    // A closed pipe is an error code from write (see Frontend.output), not a signal.
    signal(SIGPIPE, SIG_IGN)
    Frontend.guardStandardDescriptors()
    do {
      var command = try PlanTrack.parseAsRoot()
      Frontend.hidePasswordsInProcessTitle()
      try command.run()
    } catch {
      exit(report(error))
    }
  }

  /// Prints `error` the way its kind asks and returns the exit code: 0 for help and version,
  /// 2 for usage errors, 1 for everything else, with one line on standard error that starts
  /// with the error's code (`plantrack: PT301 …`; `PT999` for an error without one).
  static func report(_ error: Error) -> Int32 {
    if let code = error as? ExitCode { return code.rawValue }
    let code = PlanTrack.exitCode(for: error)
    if code == .success {
      Frontend.output(PlanTrack.fullMessage(for: error) + "\n")
      return 0
    }
    if code == .validationFailure {
      Frontend.warn("plantrack: " + PlanTrack.message(for: error))
      Frontend.warn("(see `plantrack help`)")
      return 2
    }
    let problem = (error as? any CodedError)?.code ?? .unexpected
    Frontend.warn("plantrack: \(problem) \(error)")
    return 1
  }
}
