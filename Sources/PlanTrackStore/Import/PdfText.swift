import Foundation
import PlanTrackCore

/// The text of a PDF plan, page by page, as poppler's `pdftotext -layout` gives it (Debian
/// package poppler-utils): the lines of each page, a table's columns kept apart by spaces.
///
/// The converter runs as a separate process with a time limit and a cap on its output, so a
/// hostile file costs at most `limit` seconds and `maximumBytes` of memory. A file that is not
/// a PDF, that the converter cannot read, that asks for a password, or that has no text at all
/// (a scan) is one `DocumentFailure`.
public enum PdfText {
  /// The most text read from one PDF (a 300-page plan is about 1 MB).
  public static let maximumBytes = 64 << 20
  /// How long the converter may take.
  public static let limit: TimeInterval = 120

  /// The converter on `PATH`, or nil.
  public static func converter(path: String? = ProcessInfo.processInfo.environment["PATH"])
    -> String?
  {
    for dir in (path ?? "/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
      let candidate = String(dir) + "/pdftotext"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The pages of `url`, each a list of lines.
  public static func pages(_ url: URL) throws(DocumentFailure) -> [[String]] {
    let name = url.lastPathComponent
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw DocumentFailure(.cannotReadFile, "\(name): cannot read the file")
    }
    let head = (try? handle.read(upToCount: 1024)) ?? Data()
    try? handle.close()
    guard head.range(of: Data("%PDF-".utf8)) != nil else {
      throw DocumentFailure(.documentUnreadable, "\(name): not a PDF file (no %PDF- header)")
    }
    guard let tool = converter() else {
      throw DocumentFailure(
        .documentFormat,
        "\(name): reading a PDF needs poppler's pdftotext: install the package poppler-utils "
          + "(apt-get install poppler-utils)")
    }
    let output = try run(tool, ["-layout", "-enc", "UTF-8", "-eol", "unix", url.path, "-"], name)
    var pages = String(decoding: output, as: UTF8.self).split(
      separator: "\u{0C}", omittingEmptySubsequences: false
    ).map { page in
      var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      return lines
    }
    if pages.last?.isEmpty == true { pages.removeLast() }
    let textPages = pages.filter { $0.contains { $0.contains { $0.isLetter || $0.isNumber } } }
    guard !textPages.isEmpty else {
      throw DocumentFailure(
        .documentWithoutText,
        "\(name): no text layer in its \(pages.count) page(s) (a scanned document?): "
          + "recognise its text first, e.g. ocrmypdf -l chi_sim \(name) out.pdf")
    }
    return pages
  }

  /// Runs the converter; its standard output, or a failure from its exit and message.
  static func run(_ tool: String, _ arguments: [String], _ name: String) throws(DocumentFailure)
    -> Data
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw DocumentFailure(.documentFormat, "\(name): cannot run \(tool)")
    }
    let collected = Collected()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      collected.read(out.fileHandleForReading, cap: maximumBytes) { process.terminate() }
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      collected.readErrors(err.fileHandleForReading)
      group.leave()
    }
    if group.wait(timeout: .now() + limit) == .timedOut {
      process.terminate()
      group.wait()
      process.waitUntilExit()
      throw DocumentFailure(
        .documentUnreadable, "\(name): pdftotext did not finish in \(Int(limit)) seconds")
    }
    process.waitUntilExit()
    let (data, overflow, message) = collected.result
    if overflow {
      throw DocumentFailure(
        .documentUnreadable, "\(name): its text is larger than \(maximumBytes >> 20) MB")
    }
    guard process.terminationStatus == 0 else {
      if message.localizedCaseInsensitiveContains("password") {
        throw DocumentFailure(
          .documentEncrypted,
          "\(name): the PDF is locked with a password; save an unlocked copy, then extract that")
      }
      let first =
        message.split(separator: "\n").first.map {
          String($0).replacingOccurrences(of: url(in: arguments), with: name)
        } ?? "exit \(process.terminationStatus)"
      throw DocumentFailure(
        .documentUnreadable,
        "\(name): not a readable PDF (pdftotext: \(first.prefix(160)))")
    }
    return data
  }

  private static func url(in arguments: [String]) -> String {
    arguments.count >= 2 ? arguments[arguments.count - 2] : ""
  }

  /// The converter's output, read on other threads.
  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var overflow = false
    private var errors = Data()

    func read(_ handle: FileHandle, cap: Int, over: () -> Void) {
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { return }
        lock.lock()
        if data.count + chunk.count > cap {
          overflow = true
          lock.unlock()
          over()
          while !handle.availableData.isEmpty {}
          return
        }
        data.append(chunk)
        lock.unlock()
      }
    }

    func readErrors(_ handle: FileHandle) {
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { return }
        lock.lock()
        if errors.count < 64 << 10 { errors.append(chunk) }
        lock.unlock()
      }
    }

    var result: (Data, Bool, String) {
      lock.lock()
      defer { lock.unlock() }
      return (data, overflow, String(decoding: errors, as: UTF8.self))
    }
  }
}
