import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

@testable import PlanTrackExport

/// Real spreadsheet software reading what plantrack writes: Python's openpyxl (Debian's
/// python3-openpyxl) and LibreOffice (libreoffice-calc-nogui), both installed by `.ci/run`.
/// Without them a test fails, saying which package is missing; it never skips.
enum SpreadsheetClients {
  static let python = "/usr/bin/python3"

  struct Missing: Error, CustomStringConvertible {
    let description: String
  }

  /// Every sheet's cells as openpyxl reads them: text, numbers (as text that reads back as
  /// the same double), dates as YYYY-MM-DD, "" for an empty cell.
  static func openpyxl(_ file: URL) throws -> [String: [[String]]] {
    let script = """
      import json, sys, datetime, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      def cell(v):
          if v is None: return ""
          if isinstance(v, datetime.datetime): return v.date().isoformat()
          if isinstance(v, bool): return "TRUE" if v else "FALSE"
          if isinstance(v, (int, float)): return repr(float(v))
          return str(v)
      print(json.dumps({ws.title: [[cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
                        for ws in wb.worksheets}))
      """
    return try sheets(run(python, ["-c", script, file.path], needs: "python3-openpyxl"))
  }

  /// Every sheet's cells as LibreOffice reads them (converted to CSV, values not as shown,
  /// then split by Python's csv module).
  static func libreOffice(_ file: URL) throws -> [String: [[String]]] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plantrack-soffice-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try LibreOffice.convert(
      file, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      into: dir)
    let base = file.deletingPathExtension().lastPathComponent
    let script = """
      import csv, json, os, sys
      d, base = sys.argv[1], sys.argv[2]
      out = {}
      for name in sorted(os.listdir(d)):
          if name.startswith(base + "-") and name.endswith(".csv"):
              with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
                  out[name[len(base) + 1:-4]] = list(csv.reader(f))
      print(json.dumps(out))
      """
    return try sheets(run(python, ["-c", script, dir.path, base], needs: "python3"))
  }

  static func run(_ path: String, _ args: [String], needs package: String, within: Double = 60)
    throws -> String
  {
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw Missing(description: "\(path) is missing: install \(package) (.ci/run does)")
    }
    let r = try Spawn.run(path, args, within: within)
    guard r.code == 0 else {
      throw Missing(description: "\(path) failed (\(r.code)): \(r.stderr.prefix(500))")
    }
    return r.stdout
  }

  static func sheets(_ json: String) throws -> [String: [[String]]] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    guard let sheets = object as? [String: [[String]]] else {
      throw Missing(description: "unexpected output: \(json.prefix(200))")
    }
    return sheets
  }

  /// Compares what a client read with the workbook's cells: text exactly, numbers to 12
  /// significant digits (LibreOffice writes 15), dates as YYYY-MM-DD. Records each
  /// difference with its cell reference.
  static func expectSame(
    _ read: [String: [[String]]], as workbook: XLSXWorkbook, client: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      Set(read.keys) == Set(workbook.sheets.map(\.name)), "\(client): sheets \(read.keys)",
      sourceLocation: sourceLocation)
    for sheet in workbook.sheets {
      let rows = read[sheet.name] ?? []
      var differences = 0
      for (r, row) in sheet.rows.enumerated() {
        for (c, cell) in row.enumerated() {
          let got = r < rows.count && c < rows[r].count ? rows[r][c] : ""
          guard !same(cell, got) else { continue }
          differences += 1
          if differences <= 5 {
            Issue.record(
              "\(client): \(sheet.name)!\(SpreadsheetCell.letters(c))\(r + 1) is “\(got)”, wrote \(cell)",
              sourceLocation: sourceLocation)
          }
        }
      }
      #expect(
        differences == 0, "\(client): \(differences) cells differ", sourceLocation: sourceLocation)
    }
  }

  static func same(_ cell: XLSXCell, _ text: String) -> Bool {
    switch cell {
    case .empty, .blank: return text.isEmpty
    case .text(let s, _): return s == text
    case .date(let d): return d.iso == text
    case .number(let v, _):
      guard let read = Double(text.replacingOccurrences(of: ",", with: "")) else { return false }
      return abs(read - v) <= max(abs(v), 1) * 1e-12
    }
  }
}
