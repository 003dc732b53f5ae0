import Foundation
import PlanTrackCore

/// Writes a file so that readers only ever see the old file or the whole new one, even if the
/// program is killed or the machine loses power: the text goes to `.<name>.partial-<pid>` in
/// the same folder, is flushed to the disk, and is renamed over the file.
enum AtomicFile {
  /// A file that could not be written (`PT003`); the message names it and the reason.
  struct Failure: CodedError, CustomStringConvertible {
    let description: String
    var code: ProblemCode { .cannotWriteFile }
  }

  static func write(_ text: String, to url: URL) throws {
    try write(Data(text.utf8), to: url)
  }

  /// Writes `data` the same way.
  static func write(_ data: Data, to url: URL) throws {
    let folder = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    removeAbandoned(name, in: folder)
    let partial = folder + "/." + name + ".partial-\(getpid())"
    let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw failure(url) }
    let writeError = data.withUnsafeBytes { Frontend.writeAll(fd, $0) }
    let synced = writeError == nil && fsync(fd) == 0
    let error = writeError ?? errno
    close(fd)
    guard synced, rename(partial, url.path) == 0 else {
      unlink(partial)
      errno = synced ? errno : error
      throw failure(url)
    }
    // The rename itself reaches the disk with the folder.
    let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dir >= 0 {
      fsync(dir)
      close(dir)
    }
  }

  /// Removes what a killed writer of `name` left behind (its process is gone).
  static func removeAbandoned(_ name: String, in folder: String) {
    let prefix = "." + name + ".partial-"
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    where entry.hasPrefix(prefix) {
      guard let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
      if kill(pid, 0) == -1 && errno == ESRCH { unlink(folder + "/" + entry) }
    }
  }

  private static func failure(_ url: URL) -> Failure {
    Failure(description: "\(url.path): cannot write (\(String(cString: strerror(errno))))")
  }
}
