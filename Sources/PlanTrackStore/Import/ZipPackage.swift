import Foundation
import ZIPFoundation

/// An Office Open XML package (.xlsx, .docx): a zip whose parts are read one at a time, each
/// at most `maxPartBytes` inflated whatever its header claims.
struct ZipPackage {
  /// The largest part read.
  static let maxPartBytes = 64 << 20

  enum Failure: Error {
    /// Not a zip file.
    case notAZip
    /// A part that inflates past the limit.
    case tooBig(path: String)
    /// A part that cannot be inflated (a broken stream, a wrong checksum).
    case unreadable(path: String, reason: String)
  }

  private let archive: Archive
  /// Every part's path.
  let paths: Set<String>

  init(_ url: URL) throws(Failure) {
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw .notAZip
    }
    paths = Set(archive.map(\.path))
  }

  /// The part at `path`, nil when there is none.
  func part(_ path: String) throws(Failure) -> [UInt8]? {
    guard let entry = archive[path] else { return nil }
    if entry.uncompressedSize > UInt64(Self.maxPartBytes) { throw .tooBig(path: path) }
    struct Stop: Error {}
    var data = [UInt8]()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        data += chunk
        // The size in the header may lie: count what actually inflates.
        if data.count > Self.maxPartBytes { throw Stop() }
      }
    } catch is Stop {
      throw .tooBig(path: path)
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
    return data
  }
}
