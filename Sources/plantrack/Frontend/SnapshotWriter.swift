import Foundation
import PlanTrackCore
import PlanTrackExport

/// Writes status snapshots into a folder, each file atomically (written to a temporary file in
/// the same folder, then renamed into place), so an interrupted export never leaves half a file.
enum SnapshotWriter {
  /// Writes `<as-of>-status.<ext>` for each format into `folder`; returns their paths.
  static func write(
    _ snapshot: Snapshot, formats: [Snapshot.Format], language: Language, into folder: URL
  ) throws -> [String] {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure("\(folder.path): cannot create the folder")
    }
    var written: [String] = []
    for format in formats {
      let url = folder.appendingPathComponent(snapshot.fileName(format))
      do {
        try Data(snapshot.text(format, language: language).utf8).write(to: url, options: .atomic)
      } catch {
        throw CommandFailure("\(url.path): cannot write (\(error.localizedDescription))")
      }
      written.append(url.path)
    }
    return written
  }
}
