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
    let files = Parallel.map(formats, minimumChunk: 1) { format in
      Result { try snapshot.data(format, language: language) }
    }
    // Every file made before any is written: a failure leaves the folder as it was.
    var made: [(URL, Data)] = []
    for (format, file) in zip(formats, files) {
      let url = folder.appendingPathComponent(snapshot.fileName(format))
      guard case .success(let bytes) = file else {
        throw CommandFailure(.cannotWriteFile, "\(url.path): the workbook could not be made")
      }
      made.append((url, bytes))
    }
    var written: [String] = []
    for (url, bytes) in made {
      try AtomicFile.write(bytes, to: url)
      written.append(url.path)
    }
    return written
  }
}
