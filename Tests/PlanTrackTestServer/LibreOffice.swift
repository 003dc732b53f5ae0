import Foundation

/// LibreOffice without a desktop (Debian's libreoffice-calc-nogui and libreoffice-writer-nogui,
/// which `.ci/run` installs), as the tests use it: to convert a workbook, reading it as a
/// spreadsheet user's copy would, and to print a plan's text to PDF.
public enum LibreOffice {
  public static let soffice = "/usr/bin/soffice"

  /// Converts `file` to `filter` (`xlsx`, or a CSV filter with options) into `folder`, with a
  /// profile of its own there (two conversions at once would share one otherwise); `input`
  /// names the filter that reads `file` (`Text (encoded):UTF8` for a plan's text).
  public static func convert(
    _ file: URL, to filter: String, into folder: URL, filter input: String? = nil
  ) throws {
    guard FileManager.default.isExecutableFile(atPath: soffice) else {
      throw Spawn.Failure(
        description:
          "\(soffice) is missing: install libreoffice-calc-nogui libreoffice-writer-nogui")
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let r = try Spawn.run(
      "/usr/bin/env",
      [
        "HOME=\(folder.path)", soffice, "-env:UserInstallation=file://\(folder.path)/profile",
        "--headless",
      ] + (input.map { ["--infilter=\($0)"] } ?? []) + [
        "--convert-to", filter, "--outdir", folder.path, file.path,
      ], within: 120)
    guard r.code == 0 else {
      throw Spawn.Failure(description: "LibreOffice failed (\(r.code)): \(r.stderr.prefix(500))")
    }
  }
}
