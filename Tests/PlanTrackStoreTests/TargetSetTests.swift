import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// A valid target file for document `id` with targets `targetIDs` (each on 7 lines, from line 5).
private func targetFile(id: String, targets targetIDs: [String] = ["a"]) -> String {
  var text = "document:\n  id: \(id)\n  title: 规划 \(id)\ntargets:\n"
  for target in targetIDs {
    text += """
        - id: \(target)
          name: 目标 \(target)
          category: ev
          kind: level
          unit: 万辆
          milestones:
            - { due: 2025-12-31, value: 10 }

      """
  }
  return text
}

@Suite("Target set: loading a folder of target files")
struct TargetSetTests {
  @Test func validFilesLoadWhenAnotherFileIsBroken() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("alpha.yaml", targetFile(id: "alpha", targets: ["a", "b"]))
    try dir.write("beta.yml", targetFile(id: "beta", targets: ["c"]))
    try dir.write("broken.yaml", "document:\n  id: broken\n   title: x\n")

    let set = TargetSet.load(directory: dir.url)
    #expect(set.targets.map(\.key) == ["alpha/a", "alpha/b", "beta/c"])
    #expect(set.documents.map(\.id) == ["alpha", "beta"])
    #expect(set.hasErrors)
    let errors = set.findings.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.file == "targets/broken.yaml")
    #expect(errors.first?.line == 3)
    #expect(errors.first?.code == .yamlSyntax)
  }

  @Test func aDuplicateDocumentIdAcrossFilesIsAFinding() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("shared.yaml", targetFile(id: "shared", targets: ["a"]))
    try dir.write("shared-copy.yaml", targetFile(id: "shared", targets: ["b"]))

    let set = TargetSet.load(directory: dir.url)
    // Files are taken in name order: shared-copy.yaml comes first and keeps the id.
    #expect(set.documents.count == 1)
    #expect(set.targets.map(\.key) == ["shared/b"])
    let errors = set.findings.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.file == "targets/shared.yaml")
    #expect(errors.first?.code == .duplicateDocumentID)
    // It names the id and the file that has it first.
    #expect(errors.first?.message.contains("“shared”") == true, "\(errors)")
    #expect(errors.first?.message.contains("targets/shared-copy.yaml") == true, "\(errors)")
  }

  @Test func anInvalidUTF8FileIsAFinding() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("good.yaml", targetFile(id: "good"))
    var bytes = Data(targetFile(id: "latin").utf8)
    bytes.append(contentsOf: [0x23, 0x20, 0xFF, 0xFE, 0xC3, 0x28, 0x0A])  // "# " + invalid bytes
    try dir.write("latin.yaml", data: bytes)

    let set = TargetSet.load(directory: dir.url)
    #expect(set.targets.map(\.key) == ["good/a"])
    #expect(
      set.findings.map { "\($0.file):\($0.line) \($0.severity) \($0.code)" } == [
        "targets/latin.yaml:0 error PT002"
      ])
  }

  @Test func filesThatAreNotYAMLAreIgnored() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("plan.yaml", targetFile(id: "plan"))
    try dir.write("README.md", "# not a target file: [\n")
    try dir.write("notes.txt", "document: {")
    try dir.write("plan.yaml.bak", targetFile(id: "plan-old"))
    try dir.write("other.json", #"{"document": 1}"#)

    let set = TargetSet.load(directory: dir.url)
    #expect(set.findings.isEmpty, "\(set.findings)")
    #expect(set.documents.map(\.id) == ["plan"])
    #expect(set.targets.map(\.key) == ["plan/a"])
  }

  @Test func aFileNameThatIsNotTheDocumentIdIsOnlyAWarning() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("renamed.yaml", targetFile(id: "real-id", targets: ["a"]))

    let set = TargetSet.load(directory: dir.url)
    #expect(!set.hasErrors)
    #expect(set.targets.map(\.key) == ["real-id/a"])
    #expect(set.findings.count == 1)
    #expect(set.findings.first?.severity == .warning)
    #expect(set.findings.first?.code == .fileNameMismatch)
    #expect(set.findings.first?.file == "targets/renamed.yaml")
    #expect(set.findings.first?.line == 0)
    // It names the file name to use.
    #expect(set.findings.first?.message.contains("real-id.yaml") == true)
  }

  @Test func findingsAreSortedByFileThenLine() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // The parser reports the unknown key (line 10) before the missing key (line 5), and the
    // set adds the duplicate id of b.yaml after every file's own findings.
    try dir.write(
      "a.yaml",
      targetFile(id: "a").replacingOccurrences(of: "milestones:", with: "milstones:"))
    try dir.write("b.yaml", targetFile(id: "a"))
    try dir.write(
      "c.yaml",
      targetFile(id: "c").replacingOccurrences(of: "value: 10", with: "value: ten"))

    let set = TargetSet.load(directory: dir.url)
    let locations = set.findings.map { "\($0.file):\($0.line):\($0.column) \($0.code)" }
    #expect(
      locations == [
        "targets/a.yaml:5:5 PT107", "targets/a.yaml:10:5 PT106", "targets/b.yaml:0:0 PT124",
        "targets/c.yaml:11:35 PT111",
      ])
    #expect(set.targets.isEmpty)
    #expect(set.documents.map(\.id) == ["a", "c"])
  }

  @Test func findsATargetByItsKey() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try dir.write("one.yaml", targetFile(id: "one", targets: ["x", "y"]))
    try dir.write("two.yaml", targetFile(id: "two", targets: ["x"]))

    let set = TargetSet.load(directory: dir.url)
    #expect(set.target(key: "one/y")?.name == "目标 y")
    #expect(set.target(key: "two/x")?.document.id == "two")
    #expect(set.target(key: "one/x")?.document.id == "one")
    #expect(set.target(key: "two/y") == nil)
    #expect(set.target(key: "x") == nil)
  }

  @Test func aMissingFolderGivesAnEmptySet() {
    let set = TargetSet.load(
      directory: URL(fileURLWithPath: "/nonexistent-plantrack-\(UUID().uuidString)"))
    #expect(set.targets.isEmpty)
    #expect(set.documents.isEmpty)
  }

  @Test func theRepositoryTargetsLoadWithoutErrors() throws {
    let set = repositoryTargetSet
    let errors = set.findings.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    #expect(set.documents.contains { $0.id == "sd-nev-countryside" })

    let stock = try #require(set.target(key: "sd-nev-countryside/nev-stock"))
    #expect(stock.name == "全省新能源汽车保有量")
    #expect(stock.unit.text == "万辆")
    #expect(stock.baseline?.value == 103.7)
    #expect(stock.milestones.map(\.due) == [Day(iso: "2023-12-31"), Day(iso: "2025-12-31")])
    #expect(stock.milestones.map(\.goal) == [.atLeast(140), .atLeast(240)])
    #expect(stock.milestones.map(\.line) == [641, 658])
    #expect(stock.document.number == "鲁政字〔2023〕155号")
  }
}
