import Foundation
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// The effects the library never performs itself: the clock, the environment, the user's
/// name, standard error.
enum Frontend {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// Now: the system clock, or `PLANTRACK_NOW` (an ISO 8601 timestamp such as
  /// `2025-07-09T08:00:00Z`, or a date) for tests and for back-filling a file store. A
  /// server store stamps review steps with its own clock whatever this says.
  static func now() -> Date {
    guard let text = environment["PLANTRACK_NOW"], !text.isEmpty else { return Date() }
    let f = ISO8601DateFormatter()
    if let date = f.date(from: text) { return date }
    f.formatOptions = [.withFullDate]
    return f.date(from: text) ?? Date()
  }

  /// Today's date in the local time zone.
  static func today() -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: now())
    return Day(year: c.year!, month: c.month!, day: c.day!)!
  }

  /// Now, as an ISO 8601 UTC timestamp with seconds.
  static func timestamp() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: now())
  }

  /// Who records into `store`: the server's name for this connection where the server says
  /// (PostgreSQL's session_user), else `user()`.
  static func user(of store: (any ActualsStore)?) -> String {
    store?.sessionUser ?? user()
  }

  /// Who is recording into a store that takes the client's word (an SQLite file):
  /// `PLANTRACK_USER`, else the login name.
  static func user() -> String {
    for name in ["PLANTRACK_USER", "USER", "LOGNAME"] {
      if let v = environment[name], !v.isEmpty { return v }
    }
    if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return "unknown"
  }

  /// Overwrites, in the process's own argument memory (what `ps` and /proc/PID/cmdline
  /// show), any password in a connection string given on the command line
  /// (`--store postgresql://office:secret@host/db` shows as `…office:***@host/db`). Call
  /// after the arguments are parsed: the parsed copy keeps the password for connecting.
  static func hidePasswordsInProcessTitle() {
    let argv = CommandLine.unsafeArgv
    for i in 1..<Int(CommandLine.argc) {
      guard let arg = argv[i] else { continue }
      let text = String(cString: arg)
      let masked = PostgresURL.masked(text)
      guard masked != text else { continue }
      let length = strlen(arg)
      let bytes = Array(masked.utf8.prefix(length))
      for j in 0..<length { arg[j] = j < bytes.count ? CChar(bitPattern: bytes[j]) : 0 }
    }
  }

  /// Writes one line to standard error (nothing more can be done if that fails).
  static func warn(_ line: String) {
    _ = writeAll(STDERR_FILENO, line.escapingControls + "\n")
  }

  /// Writes text to standard output as is. A reader that has gone away (`plantrack status |
  /// head -1`) ends the program quietly with 0: it asked for no more. Any other failure (a
  /// closed standard output, a full disk) is one line on standard error and exit 1.
  static func output(_ text: String) {
    guard let failure = outputClosed ? EBADF : writeAll(STDOUT_FILENO, text) else { return }
    if failure == EPIPE { exit(0) }
    warn(
      "plantrack: \(ProblemCode.cannotWriteOutput) cannot write the output: "
        + String(cString: strerror(failure)))
    exit(1)
  }

  /// Whether standard output was closed when the program started (`plantrack status >&-`).
  nonisolated(unsafe) private static var outputClosed = false

  /// Opens /dev/null on any of the standard descriptors that were closed at start, so that no
  /// file the program opens (the store, a snapshot) can take their number and receive its
  /// output. Call first thing.
  static func guardStandardDescriptors() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 {
      if fd == STDOUT_FILENO { outputClosed = true }
      _ = open("/dev/null", O_RDWR)  // takes the lowest free number: this one
    }
  }

  /// Writes all of `text` to `fd`; returns the errno that stopped it, if any.
  static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
    var text = text
    return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
  }

  /// Writes all of `bytes` to `fd`; returns the errno that stopped it, if any.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n >= 0 {
        offset += n
      } else if errno != EINTR {
        return errno
      }
    }
    return nil
  }

  /// The label language: `--lang` if given, else the locale.
  static func language(_ option: Language?) -> Language {
    if let option { return option }
    // A command without a workspace (diff) still has the user's settings and the environment.
    let loaded = settings ?? loadSettings(root: nil, flags: SettingsLayer())
    return loaded.settings.language ?? Language.from(environment: environment)
  }

  /// The settings in force, once a command has located its workspace.
  nonisolated(unsafe) static var settings: EffectiveSettings?
  /// Whether settings problems go to standard error (the dashboard shows them in its footer).
  nonisolated(unsafe) static var warnAboutSettings = true

  /// Loads the settings for the workspace at `root` with the command line's `flags`, and warns
  /// about each problem in one line (unless the dashboard will show them).
  static func loadSettings(root: URL?, flags: SettingsLayer) -> EffectiveSettings {
    let loaded = EffectiveSettings.load(root: root, environment: environment, flags: flags)
    settings = loaded
    if warnAboutSettings {
      for f in loaded.findings { warn("plantrack: \(f.description)") }
    }
    return loaded
  }
}

/// A failure already explained to the user: its code and the one line to print after it.
struct CommandFailure: CodedError, CustomStringConvertible {
  let code: ProblemCode
  let description: String
  init(_ code: ProblemCode, _ message: String) {
    self.code = code
    description = message
  }
}
