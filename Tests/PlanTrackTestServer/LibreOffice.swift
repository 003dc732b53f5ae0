import Foundation

/// LibreOffice without a desktop (Debian's libreoffice-calc-nogui, which `.ci/run` installs),
/// as the tests use it: to convert a workbook, reading it as a spreadsheet user's copy would.
public enum LibreOffice {
  public static let soffice = "/usr/bin/soffice"

  /// Converts `file` to `filter` (`xlsx`, or a CSV filter with options) into `folder`, with a
  /// profile of its own there (two conversions at once would share one otherwise).
  public static func convert(_ file: URL, to filter: String, into folder: URL) throws {
    guard FileManager.default.isExecutableFile(atPath: soffice) else {
      throw Spawn.Failure(description: "\(soffice) is missing: install libreoffice-calc-nogui")
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let r = try Spawn.run(
      "/usr/bin/env",
      [
        "HOME=\(folder.path)", soffice, "-env:UserInstallation=file://\(folder.path)/profile",
        "--headless", "--convert-to", filter, "--outdir", folder.path, file.path,
      ], within: 120)
    guard r.code == 0 else {
      throw Spawn.Failure(description: "LibreOffice failed (\(r.code)): \(r.stderr.prefix(500))")
    }
  }
}
