import Foundation
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// The effects the library never performs itself: the clock, the environment, the user's
/// name, standard error.
enum Frontend {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// Today's date in the local time zone.
  static func today() -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year!, month: c.month!, day: c.day!)!
  }

  /// Now, as an ISO 8601 UTC timestamp with seconds.
  static func timestamp() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
  }

  /// Who is recording: `PLANTRACK_USER`, else the login name.
  static func user() -> String {
    for name in ["PLANTRACK_USER", "USER", "LOGNAME"] {
      if let v = environment[name], !v.isEmpty { return v }
    }
    if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return "unknown"
  }

  /// Writes one line to standard error.
  static func warn(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Writes text to standard output as is.
  static func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// The label language: `--lang` if given, else the locale.
  static func language(_ option: Language?) -> Language {
    option ?? Language.from(environment: environment)
  }
}

/// A failure already explained to the user; the message is the one line to print.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
