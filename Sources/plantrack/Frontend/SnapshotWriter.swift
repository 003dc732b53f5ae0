import Foundation
import PlanTrackCore
import PlanTrackExport

/// Writes status snapshots into a folder, each file atomically (see `AtomicFile`), so an
/// interrupted export never leaves half a file.
enum SnapshotWriter {
  /// Writes `<as-of>-status.<ext>` for each format into `folder`; returns their paths.
  static func write(
    _ snapshot: Snapshot, formats: [Snapshot.Format], language: Language, into folder: URL
  ) throws -> [String] {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure(.cannotCreateFolder, "\(folder.path): cannot create the folder")
    }
    // The formats are independent: render them on all cores, then write them one by one.
    let texts = Parallel.map(formats, minimumChunk: 1) { snapshot.text($0, language: language) }
    var written: [String] = []
    for (format, text) in zip(formats, texts) {
      let url = folder.appendingPathComponent(snapshot.fileName(format))
      try AtomicFile.write(text, to: url)
      written.append(url.path)
    }
    return written
  }
}
