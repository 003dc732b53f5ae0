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
  static let maxPartBytes = ZipPackage.maxPartBytes
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
    /// Whether date serials count from 1904-01-01 (`workbookPr date1904`), as old Mac
    /// workbooks do: 1,462 days later than the usual ones.
    var date1904 = false
  }

  static func firstSheet(_ url: URL) throws(Failure) -> Sheet {
    let package: ZipPackage
    do {
      package = try ZipPackage(url)
    } catch {
      throw Failure(
        code: .workbookUnreadable, cell: nil,
        message: "not an .xlsx workbook (not a zip file): save it as Excel Workbook (.xlsx)")
    }
    let paths = package.paths
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
      do {
        return try package.part(path)
      } catch .tooBig(let path) {
        throw tooBig(path)
      } catch {
        throw Failure(
          code: .workbookUnreadable, cell: nil, message: "its part \(path) cannot be read")
      }
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
    var date1904 = false
    try parse("xl/workbook.xml") { s throws(XMLScanner.Failure) in
      while let e = try s.next() {
        if case .start("workbookPr", let a, _) = e {
          date1904 = a["date1904"] == "1" || a["date1904"] == "true"
        }
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
        var item = StringItem()
        while let e = try s.next() {
          switch e {
          case .start("si", _, let closed):
            if closed { shared.append("") } else { item = StringItem(open: true) }
          case .end("si"):
            shared.append(item.text)
            item = StringItem()
          default: item.read(e)
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
      var inline = StringItem()
      var inValue = false
      var hasFormula = false
      var column = -1
      while let e = try s.next(), failure == nil {
        switch e {
        case .start("row", let a, let closed):
          row = a["r"].flatMap { Int($0) } ?? row + 1
          cells = []
          column = -1
          if closed { rows.append((row, [])) }
          if rows.count + 1 > maxRows {
            failure = Failure(
              code: .workbookRefused, cell: nil,
              message: "the sheet has more than \(maxRows) rows; split it")
          }
        case .end("row"):
          rows.append((row, cells))
        case .start("c", let a, let closed):
          // A cell without its reference follows the one before it.
          column = a["r"].flatMap(SpreadsheetCell.column(of:)) ?? column + 1
          ref = SpreadsheetCell.letters(column) + String(row)
          type = a["t"] ?? "n"
          (value, inline, hasFormula) = ("", StringItem(), false)
          if closed { ref = "" }
        case .start("v", _, false): inValue = true
        case .end("v"): inValue = false
        case .start("is", _, let closed): inline = StringItem(open: !closed)
        case .end("is"): inline.open = false
        case .start("f", _, _): hasFormula = true
        case .text(let t) where inValue: value += t
        case _ where inline.open: inline.read(e)
        case .end("c"):
          guard !ref.isEmpty, column < 16384 else { continue }
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
          case "inlineStr": cell = Cell(text: inline.text, isNumber: false)
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
    return Sheet(name: first.name, rows: rows, date1904: date1904)
  }

  private static func tooBig(_ path: String) -> Failure {
    Failure(
      code: .workbookRefused, cell: nil,
      message:
        "its part \(path) inflates past \(maxPartBytes >> 20) MB; a workbook of figures is far smaller (is it a zip bomb?)"
    )
  }
}

/// The text of a string item (`<si>` or `<is>`): its `<t>` elements, plain or in rich-text
/// runs, without phonetic guides (`<rPh>`) or the whitespace between elements.
struct StringItem {
  var open = false
  private(set) var text = ""
  private var inText = false
  private var phonetic = 0

  init(open: Bool = false) { self.open = open }

  mutating func read(_ event: XMLScanner.Event) {
    switch event {
    case .start("rPh", _, let closed): if !closed { phonetic += 1 }
    case .end("rPh"): phonetic -= 1
    case .start("t", _, let closed): inText = !closed && phonetic == 0
    case .end("t"): inText = false
    case .text(let t) where open && inText: text += t
    default: break
    }
  }
}
