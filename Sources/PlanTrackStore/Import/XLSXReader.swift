import Foundation
import PlanTrackCore
import ZIPFoundation

/// Reads the first sheet of an .xlsx workbook into rows of cell texts, within limits: what
/// `import` reads a workbook with. Shared and inline strings, numbers, booleans and the cached
/// values of formulas (a formula is never evaluated); a part that inflates past
/// `maxPartBytes`, more than `maxRows` rows, a macro-enabled workbook, links to other
/// workbooks, broken XML or text that is not UTF-8 is a `Failure` naming what and where.
enum XLSXReader {
  /// The largest part read (a sheet of 200,000 rows of six columns is about 40 MB).
  static let maxPartBytes = 64 << 20
  /// The most rows a sheet may have.
  static let maxRows = 200_000

  struct Failure: Error {
    let code: ProblemCode
    /// `Sheet!D12`, where the problem is one cell's.
    let cell: String?
    let message: String
  }

  /// A cell as read: its text (numbers as the shortest text that reads back the same) and
  /// whether it was a number.
  struct Cell: Equatable {
    var text: String
    var isNumber: Bool
  }

  /// The first sheet: its name and its rows by row number, each a list of (column, cell).
  struct Sheet {
    var name: String
    var rows: [(row: Int, cells: [(column: Int, cell: Cell)])]
  }

  static func firstSheet(_ url: URL) throws(Failure) -> Sheet {
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw Failure(
        code: .workbookUnreadable, cell: nil,
        message: "not an .xlsx workbook (not a zip file): save it as Excel Workbook (.xlsx)")
    }
    let paths = Set(archive.map(\.path))
    if paths.contains("xl/vbaProject.bin") {
      throw Failure(
        code: .workbookRefused, cell: nil,
        message: "a macro-enabled workbook: save it as Excel Workbook (.xlsx), without macros")
    }
    if paths.contains(where: { $0.hasPrefix("xl/externalLinks/") }) {
      throw Failure(
        code: .workbookRefused, cell: nil,
        message: "the workbook links to other workbooks: paste the values, break the links")
    }
    func part(_ path: String) throws(Failure) -> [UInt8]? {
      guard let entry = archive[path] else { return nil }
      if entry.uncompressedSize > UInt64(maxPartBytes) {
        throw tooBig(path)
      }
      var data = [UInt8]()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          data += chunk
          // The size in the header may lie: count what actually inflates.
          if data.count > maxPartBytes {
            throw Failure(code: .workbookRefused, cell: nil, message: "")
          }
        }
      } catch let failure as Failure where failure.message.isEmpty {
        throw tooBig(path)
      } catch {
        throw Failure(
          code: .workbookUnreadable, cell: nil, message: "its part \(path) cannot be read: \(error)"
        )
      }
      return data
    }
    func parse(_ path: String, _ body: (inout XMLScanner) throws(XMLScanner.Failure) -> Void)
      throws(Failure)
    {
      guard let bytes = try part(path) else {
        throw Failure(code: .workbookUnreadable, cell: nil, message: "it has no part \(path)")
      }
      var scanner = XMLScanner(bytes)
      do {
        try body(&scanner)
      } catch {
        throw Failure(code: .workbookUnreadable, cell: nil, message: "\(path): \(error.message)")
      }
    }

    // The first sheet's name and part.
    var first: (name: String, id: String)?
    try parse("xl/workbook.xml") { s throws(XMLScanner.Failure) in
      while let e = try s.next() {
        if case .start("sheet", let a, _) = e, first == nil, let name = a["name"], let id = a["id"]
        {
          first = (name, id)
        }
      }
    }
    guard let first else {
      throw Failure(code: .workbookUnreadable, cell: nil, message: "the workbook has no sheet")
    }
    var target: String?
    try parse("xl/_rels/workbook.xml.rels") { s throws(XMLScanner.Failure) in
      while let e = try s.next() {
        if case .start("Relationship", let a, _) = e, a["Id"] == first.id { target = a["Target"] }
      }
    }
    guard let target else {
      throw Failure(
        code: .workbookUnreadable, cell: nil, message: "the sheet “\(first.name)” has no part")
    }
    let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target

    var shared: [String] = []
    if paths.contains("xl/sharedStrings.xml") {
      try parse("xl/sharedStrings.xml") { s throws(XMLScanner.Failure) in
        var inItem = false
        var inText = false
        var text = ""
        while let e = try s.next() {
          switch e {
          case .start("si", _, let closed):
            if closed { shared.append("") } else { (inItem, text) = (true, "") }
          case .end("si"):
            shared.append(text)
            inItem = false
          case .start("t", _, false) where inItem: inText = true
          case .end("t"): inText = false
          case .start("rPh", _, _):
            inText = false  // phonetic guides are not the text
          case .text(let t) where inItem && inText: text += t
          default: break
          }
        }
      }
    }

    var rows: [(row: Int, cells: [(column: Int, cell: Cell)])] = []
    var failure: Failure?
    try parse(sheetPath) { s throws(XMLScanner.Failure) in
      var row = 0
      var cells: [(column: Int, cell: Cell)] = []
      var ref = ""
      var type = ""
      var value = ""
      var inline = ""
      var inValue = false
      var inInline = false
      var hasFormula = false
      while let e = try s.next(), failure == nil {
        switch e {
        case .start("row", let a, let closed):
          row = a["r"].flatMap { Int($0) } ?? row + 1
          cells = []
          if closed { rows.append((row, [])) }
          if rows.count + 1 > maxRows {
            failure = Failure(
              code: .workbookRefused, cell: nil,
              message: "the sheet has more than \(maxRows) rows; split it")
          }
        case .end("row"):
          rows.append((row, cells))
        case .start("c", let a, let closed):
          ref = a["r"] ?? ""
          type = a["t"] ?? "n"
          (value, inline, hasFormula) = ("", "", false)
          if closed { ref = "" }
        case .start("v", _, false): inValue = true
        case .end("v"): inValue = false
        case .start("is", _, _): inInline = true
        case .end("is"): inInline = false
        case .start("f", _, _): hasFormula = true
        case .text(let t) where inValue: value += t
        case .text(let t) where inInline: inline += t
        case .end("c"):
          guard let column = SpreadsheetCell.column(of: ref) else { continue }
          let where_ = "\(first.name)!\(ref)"
          var cell: Cell?
          switch type {
          case "s":
            guard let i = Int(value), shared.indices.contains(i) else {
              failure = Failure(
                code: .workbookUnreadable, cell: where_, message: "a shared string that is missing")
              continue
            }
            cell = Cell(text: shared[i], isNumber: false)
          case "inlineStr": cell = Cell(text: inline, isNumber: false)
          case "str", "e":
            cell = value.isEmpty && !hasFormula ? nil : Cell(text: value, isNumber: false)
          case "b": cell = Cell(text: value == "1" ? "TRUE" : "FALSE", isNumber: false)
          default:
            if value.isEmpty {
              if hasFormula {
                failure = Failure(
                  code: .workbookUnreadable, cell: where_,
                  message:
                    "a formula without a computed value; open the workbook in a spreadsheet and save it"
                )
              }
              continue
            }
            guard let v = Double(value), v.isFinite else {
              failure = Failure(
                code: .workbookUnreadable, cell: where_,
                message: "a number “\(value)” that is not one")
              continue
            }
            cell = Cell(text: SpreadsheetCell.numberText(v), isNumber: true)
          }
          if let cell { cells.append((column, cell)) }
        default: break
        }
      }
    }
    if let failure { throw failure }
    return Sheet(name: first.name, rows: rows)
  }

  private static func tooBig(_ path: String) -> Failure {
    Failure(
      code: .workbookRefused, cell: nil,
      message:
        "its part \(path) inflates past \(maxPartBytes >> 20) MB; a workbook of figures is far smaller (is it a zip bomb?)"
    )
  }
}
