import Foundation
import PlanTrackCore

/// All targets of a workspace, with every finding of every target file.
public struct TargetSet: Sendable {
  /// Valid targets, in file-name order, then in their order within each file.
  public let targets: [Target]
  /// Every finding of every file, sorted by file, line and column.
  public let findings: [Finding]
  /// The documents that loaded.
  public let documents: [PlanDocument]
  /// The indicators and regions the targets were placed with.
  public let catalog: Catalog

  /// The target with this `document/target` key.
  public func target(key: String) -> Target? { byKey[key] }

  /// The targets whose figures are recorded under `series`, in file order.
  public func targets(onSeries series: String) -> [Target] {
    (bySeries[series] ?? []).map { targets[$0] }
  }

  private let byKey: [String: Target]
  private let bySeries: [String: [Int]]

  /// Builds a set from parsed files (parsed with `catalog`), adding findings for duplicate
  /// document ids; the catalog's own findings come first.
  public init(files: [TargetFile], catalog: Catalog = .standard) {
    var findings = catalog.findings + files.flatMap(\.findings)
    var targets: [Target] = []
    var documents: [PlanDocument] = []
    var seen: [String: String] = [:]
    for file in files.sorted(by: { $0.file < $1.file }) {
      guard let doc = file.document else { continue }
      if let first = seen[doc.id] {
        findings.append(
          Finding(
            file: file.file, line: 0, column: 0, code: .duplicateDocumentID,
            message: "document id “\(doc.id)” is already used by \(first); ids must be unique"))
        continue
      }
      seen[doc.id] = file.file
      let expectedName = doc.id + ".yaml"
      if (file.file as NSString).lastPathComponent != expectedName {
        findings.append(
          Finding(
            file: file.file, line: 0, column: 0, severity: .warning, code: .fileNameMismatch,
            message: "file name should be \(expectedName), after the document id"))
      }
      documents.append(doc)
      targets.append(contentsOf: file.targets)
    }
    self.targets = targets
    self.documents = documents
    self.findings = findings.sorted {
      ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column)
    }
    self.byKey = Dictionary(targets.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    var bySeries: [String: [Int]] = [:]
    for (i, t) in targets.enumerated() { bySeries[t.series, default: []].append(i) }
    self.bySeries = bySeries
    self.catalog = catalog
  }

  /// Whether any finding is an error.
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// Loads every `*.yaml` / `*.yml` file of `directory`. Unreadable files and invalid UTF-8
  /// become findings; the other files still load.
  public static func load(
    directory: URL, displayPrefix: String = "targets/", catalog: Catalog = .standard
  ) -> TargetSet {
    let names =
      ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .sorted()
    // Files parse independently: spread them over the cores (the order is kept).
    let results = ParallelResults<TargetFile>(count: names.count)
    DispatchQueue.concurrentPerform(iterations: names.count) { i in
      results.set(
        i, parseFile(names[i], in: directory, displayPrefix: displayPrefix, catalog: catalog))
    }
    return TargetSet(files: results.values, catalog: catalog)
  }

  /// Reads and parses one file; a file that cannot be read or is not UTF-8 is a finding.
  static func parseFile(
    _ name: String, in directory: URL, displayPrefix: String, catalog: Catalog = .standard
  ) -> TargetFile {
    let display = displayPrefix + name
    switch readText(directory.appendingPathComponent(name), as: display) {
    case .success(let text): return TargetFile.parse(yaml: text, file: display, catalog: catalog)
    case .failure(let finding):
      return TargetFile(file: display, document: nil, targets: [], findings: [finding])
    }
  }
}

/// The text of a workspace file, or a finding (named `display`) when it cannot be read or is
/// not UTF-8.
func readText(_ url: URL, as display: String) -> TextOrFinding {
  guard let data = FileManager.default.contents(atPath: url.path) else {
    return .failure(
      Finding(
        file: display, line: 0, column: 0, code: .cannotReadFile, message: "cannot read the file"))
  }
  guard let text = String(data: data, encoding: .utf8) else {
    return .failure(
      Finding(
        file: display, line: 0, column: 0, code: .notUTF8,
        message: "the file is not valid UTF-8 text"))
  }
  return .success(text)
}

enum TextOrFinding {
  case success(String)
  case failure(Finding)
}

/// Results written by concurrent workers into their own slots.
final class ParallelResults<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ value: T) {
    lock.lock()
    slots[i] = value
    lock.unlock()
  }

  /// Every slot, in order; each must have been set.
  var values: [T] { slots.map { $0! } }
}
