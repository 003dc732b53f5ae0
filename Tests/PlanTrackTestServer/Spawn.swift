import Foundation

/// `posix_spawn` and `waitpid`, with the child's folder, standard streams, signal mask and
/// signal dispositions set up explicitly.
public enum Spawn {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
  }

  private typealias AddChdir =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
  private typealias AddClosefrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  /// glibc's `_np` file actions, which the Swift Glibc module does not expose.
  private static func symbol<T>(_ name: String, as: T.Type) -> T? {
    guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, name) else { return nil }
    return unsafeBitCast(sym, to: T.self)
  }

  /// Starts `path arguments` in `directory` with standard input from /dev/null and the two
  /// outputs to the given files; returns the child's pid.
  public static func start(
    _ path: String, arguments: [String], environment: [String: String], directory: String,
    stdout: String, stderr: String
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard let chdir = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self) else {
      throw Failure(description: "posix_spawn_file_actions_addchdir_np is missing (glibc < 2.29)")
    }
    _ = chdir(&actions, directory)
    if let closefrom = symbol("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self) {
      _ = closefrom(&actions, 3)
    }

    // The test runner's threads may block or ignore signals; the child starts clean.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw Failure(description: String(cString: strerror(rc))) }
    return pid
  }

  /// Waits up to `seconds` for `pid` to exit, then kills it; returns its exit code (128 + the
  /// signal if a signal ended it) and whether it had to be killed.
  public static func finish(_ pid: pid_t, within seconds: Double) -> (code: Int32, timedOut: Bool) {
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    var timedOut = false
    while true {
      let r = waitpid(pid, &status, WNOHANG)
      if r == pid { break }
      if r == -1 && errno != EINTR { return (-1, timedOut) }
      if r == 0 && !timedOut && Date() >= deadline {
        timedOut = true
        kill(pid, SIGKILL)
      }
      usleep(timedOut ? 1_000 : 2_000)
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG, which are macros in C.
    let signal = status & 0x7f
    return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, timedOut)
  }

  /// Runs `path arguments` to the end (at most `seconds`, then it is killed) with its output
  /// in files, not pipes: a server it starts (pg_ctl's postmaster) may keep a pipe open
  /// forever, a file never blocks anyone.
  public static func run(
    _ path: String, _ arguments: [String], within seconds: Double = 60
  ) throws -> (code: Int32, stdout: String, stderr: String) {
    let scratch = FileManager.default.temporaryDirectory
    let out = scratch.appendingPathComponent("spawn-out-\(UUID().uuidString)")
    let err = scratch.appendingPathComponent("spawn-err-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    let pid = try start(
      path, arguments: arguments, environment: ProcessInfo.processInfo.environment,
      directory: FileManager.default.currentDirectoryPath, stdout: out.path, stderr: err.path)
    let (code, timedOut) = finish(pid, within: seconds)
    if timedOut {
      throw Failure(description: "\(path) \(arguments) did not finish within \(seconds) s")
    }
    return (
      code, String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
      String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
    )
  }
}
