import Foundation
import PlanTrackCore
import PlanTrackExport

/// Writes status snapshots into a folder, each file atomically (a temporary file renamed into
/// place), so an interrupted export never leaves half a file.
enum SnapshotWriter {
  /// Writes `<as-of>-status.json`, `.md` and `.csv` into `folder`; returns their paths.
  static func write(_ report: StatusReport, language: Language, into folder: URL) throws -> [String]
  {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let base = "\(report.asOf.iso)-status"
    let files: [(String, String)] = [
      ("json", report.json()), ("md", report.markdown(language: language)), ("csv", report.csv()),
    ]
    var written: [String] = []
    for (ext, text) in files {
      let url = folder.appendingPathComponent("\(base).\(ext)")
      try Data(text.utf8).write(to: url, options: .atomic)
      written.append(url.path)
    }
    return written
  }
}
