import Foundation
import PlanTrackCore
import ZIPFoundation

/// A workbook as plantrack writes it: sheets of typed cells with a few fixed styles, written
/// as hand-made SpreadsheetML (Office Open XML) in a zip. Small and deterministic: the same
/// workbook gives the same bytes (fixed entry dates, fixed part order, inline strings).
public struct XLSXWorkbook: Sendable {
  public var sheets: [XLSXSheet]

  public init(sheets: [XLSXSheet]) { self.sheets = sheets }
}

/// One worksheet: rows of cells, the first `frozenRows` frozen, an autofilter over the
/// header row and the data when asked, and column widths fitted to their text.
public struct XLSXSheet: Sendable {
  /// At most 31 characters, none of `[]:*?/\`.
  public var name: String
  public var rows: [[XLSXCell]]
  public var frozenRows: Int
  public var autoFilter: Bool
  /// Protected without a password: only `.input` cells can be changed (it guides; it is not
  /// security).
  public var protected = false
  /// Data validations, each over a range of cells.
  public var validations: [XLSXValidation] = []

  public init(name: String, rows: [[XLSXCell]], frozenRows: Int = 1, autoFilter: Bool = true) {
    self.name = name
    self.rows = rows
    self.frozenRows = frozenRows
    self.autoFilter = autoFilter
  }
}

/// A data validation: a custom formula (relative to the range's first cell) that a value must
/// satisfy, with the prompt shown on the cell and the warning shown when it does not (the
/// value can still be kept: the import checks it again).
public struct XLSXValidation: Sendable, Equatable {
  /// `H3:H40`.
  public var range: String
  public var formula: String
  public var prompt: String
  public var error: String

  public init(range: String, formula: String, prompt: String, error: String) {
    self.range = range
    self.formula = formula
    self.prompt = prompt
    self.error = error
  }
}

/// A cell: text, a number, a date, or nothing; with one of the workbook's styles.
public enum XLSXCell: Sendable, Equatable {
  case empty
  /// No value, with a style (a template's input cells).
  case blank(XLSXStyle)
  case text(String, XLSXStyle = .plain)
  case number(Double, XLSXStyle = .plain)
  /// Written as the spreadsheet's date serial with a `yyyy-mm-dd` format.
  case date(Day)

  /// Text, or empty when nil.
  public static func text(_ s: String?) -> XLSXCell { s.map { .text($0) } ?? .empty }
  /// A number, or empty when nil.
  public static func number(_ v: Double?, _ style: XLSXStyle = .plain) -> XLSXCell {
    v.map { .number($0, style) } ?? .empty
  }
  /// A date, or empty when nil.
  public static func date(_ d: Day?) -> XLSXCell { d.map { .date($0) } ?? .empty }
}

/// The styles every workbook has (styles.xml, in this order).
public enum XLSXStyle: Int, Sendable, CaseIterable {
  case plain = 0
  /// Bold on grey: the header row.
  case header
  /// `#,##0.######`: figures.
  case figure
  /// `yyyy-mm-dd`.
  case date
  /// White bold on a status's colour (as in the HTML snapshot), one per status.
  case offTrack, missed, needsAcceleration, noData, onTrack, achieved
  /// An input cell of a protected sheet: unlocked, on light yellow (a fill-in template).
  case input
  /// A text cell that stays shown as text when typed into (`@`), unlocked: notes, sources.
  case inputText

  /// The style of a status cell.
  public static func status(_ s: Status) -> XLSXStyle {
    switch s {
    case .offTrack: .offTrack
    case .missed: .missed
    case .needsAcceleration: .needsAcceleration
    case .noData: .noData
    case .onTrack: .onTrack
    case .achieved: .achieved
    }
  }
}

extension XLSXWorkbook {
  /// The zip's parts, in the order they are written: what the golden tests compare.
  public func parts() -> [(path: String, xml: String)] {
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes()),
      ("_rels/.rels", Self.rootRels),
      ("xl/workbook.xml", workbookXML()),
      ("xl/_rels/workbook.xml.rels", workbookRels()),
      ("xl/styles.xml", Self.stylesXML),
    ]
    for (i, sheet) in sheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet.xml()))
    }
    return parts
  }

  /// The .xlsx file's bytes.
  public func data() throws -> Data {
    let archive = try Archive(accessMode: .create)
    // The same bytes for the same workbook wherever it is made: every entry dated
    // 1980-01-01 00:00 (the zip format's first day; ZIPFoundation writes dates in UTC).
    let fixed = Date(timeIntervalSince1970: 315_532_800)
    for (path, xml) in parts() {
      let bytes = Data(xml.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixed,
        compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
  }

  func contentTypes() -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
      """
    for i in sheets.indices {
      out +=
        "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return out + "</Types>"
  }

  static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

  func workbookXML() -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
      """
    for (i, s) in sheets.enumerated() {
      out +=
        "<sheet name=\"\(XLSXText.attribute(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    out += "</sheets>"
    // Excel keeps an autofilter's range in this hidden name.
    let filtered = sheets.enumerated().filter { $0.element.autoFilter && !$0.element.rows.isEmpty }
    if !filtered.isEmpty {
      out += "<definedNames>"
      for (i, s) in filtered {
        let name = "'" + s.name.replacingOccurrences(of: "'", with: "''") + "'"
        out +=
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(XLSXText.escape(name))!\(s.absoluteRange)</definedName>"
      }
      out += "</definedNames>"
    }
    return out + "</workbook>"
  }

  func workbookRels() -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      """
    for i in sheets.indices {
      out +=
        "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    out +=
      "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    return out + "</Relationships>"
  }

  /// Fonts: 0 normal, 1 bold, 2 bold white. Fills: 0 none, 1 gray125 (required), 2 header
  /// grey, then one per status in `Status.allCases` order. Number formats: 164 figures, 165
  /// dates.
  static let stylesXML: String = {
    let statuses = Status.allCases
    var fills =
      "<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
    fills +=
      "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE0E0E0\"/></patternFill></fill>"
    for s in statuses {
      let rgb = "FF" + s.htmlColor.dropFirst().uppercased()
      fills +=
        "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(rgb)\"/></patternFill></fill>"
    }
    var xfs = [
      "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>",
      "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" applyFont=\"1\" applyFill=\"1\"/>",
      "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" applyNumberFormat=\"1\"/>",
      "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" applyNumberFormat=\"1\"/>",
    ]
    // The status styles, in XLSXStyle's order (offTrack … achieved).
    let order: [Status] = [.offTrack, .missed, .needsAcceleration, .noData, .onTrack, .achieved]
    for s in order {
      xfs.append(
        "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"\(3 + statuses.firstIndex(of: s)!)\" borderId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
      )
    }
    let inputFill = 3 + statuses.count
    xfs.append(
      "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"\(inputFill)\" borderId=\"0\" applyFill=\"1\" applyProtection=\"1\"><protection locked=\"0\"/></xf>"
    )
    xfs.append(
      "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"\(inputFill)\" borderId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyProtection=\"1\"><protection locked=\"0\"/></xf>"
    )
    fills +=
      "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF8DC\"/></patternFill></fill>"
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.######"/>\
      <numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
      <fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>\
      <font><b/><sz val="11"/><name val="Calibri"/></font>\
      <font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font></fonts>\
      <fills count="\(2 + 1 + statuses.count + 1)">\(fills)</fills>\
      <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
      <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
      <cellXfs count="\(xfs.count)">\(xfs.joined())</cellXfs>\
      <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
      </styleSheet>
      """
  }()
}

extension XLSXSheet {
  /// `$A$1:$F$20`: the header and the data.
  var absoluteRange: String {
    let columns = rows.map(\.count).max() ?? 1
    return "$A$1:$\(SpreadsheetCell.letters(columns - 1))$\(max(rows.count, 1))"
  }

  /// Each column's width in characters: the widest cell's display width (a Chinese
  /// character counts two), between 6 and 60.
  var widths: [Double] {
    let columns = rows.map(\.count).max() ?? 0
    var out = [Double](repeating: 6, count: columns)
    for row in rows {
      for (c, cell) in row.enumerated() {
        let width: Int
        switch cell {
        case .empty, .blank: width = 0
        case .text(let s, _): width = DisplayWidth.of(s)
        case .number(let v, _): width = NumberText.plain(v).count + 2
        case .date: width = 10
        }
        out[c] = max(out[c], min(60, Double(width) + 2))
      }
    }
    return out
  }

  func xml() -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      """
    if frozenRows > 0 {
      out +=
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(frozenRows)\" topLeftCell=\"A\(frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
    }
    let w = widths
    if !w.isEmpty {
      out += "<cols>"
      for (i, width) in w.enumerated() {
        out +=
          "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(NumberText.plain(width, digits: 1))\" customWidth=\"1\"/>"
      }
      out += "</cols>"
    }
    out += "<sheetData>"
    for (r, row) in rows.enumerated() {
      out += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() {
        let ref = SpreadsheetCell.letters(c) + String(r + 1)
        switch cell {
        case .empty: continue
        case .blank(let style): out += "<c r=\"\(ref)\"\(style.attribute)/>"
        case .text(let s, let style):
          out +=
            "<c r=\"\(ref)\"\(style.attribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XLSXText.escape(s))</t></is></c>"
        case .number(let v, let style):
          out += "<c r=\"\(ref)\"\(style.attribute)><v>\(SpreadsheetCell.numberText(v))</v></c>"
        case .date(let d):
          out +=
            "<c r=\"\(ref)\"\(XLSXStyle.date.attribute)><v>\(SpreadsheetCell.serial(d))</v></c>"
        }
      }
      out += "</row>"
    }
    out += "</sheetData>"
    if protected {
      out +=
        "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" autoFilter=\"0\" sort=\"0\"/>"
    }
    if autoFilter, !rows.isEmpty {
      out += "<autoFilter ref=\"\(absoluteRange.replacingOccurrences(of: "$", with: ""))\"/>"
    }
    if !validations.isEmpty {
      out += "<dataValidations count=\"\(validations.count)\">"
      for v in validations {
        out +=
          "<dataValidation type=\"custom\" errorStyle=\"warning\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" prompt=\"\(XLSXText.attribute(v.prompt))\" error=\"\(XLSXText.attribute(v.error))\" sqref=\"\(v.range)\"><formula1>\(XLSXText.escape(v.formula))</formula1></dataValidation>"
      }
      out += "</dataValidations>"
    }
    return out + "</worksheet>"
  }
}

extension XLSXStyle {
  var attribute: String { self == .plain ? "" : " s=\"\(rawValue)\"" }
}

/// Text as SpreadsheetML holds it.
enum XLSXText {
  /// Escapes markup and drops what XML 1.0 cannot hold (control characters other than tab
  /// and line breaks; lone surrogates cannot occur in a Swift String).
  static func escape(_ s: String) -> String {
    // Text that looks like SpreadsheetML's own escape (`_x0041_`) keeps its underscore.
    let s =
      s.contains("_x")
      ? s.replacing(#/_(x[0-9A-Fa-f]{4}_)/#) { "_x005F_" + $0.output.1 } : s
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\t", "\n", "\r": out.unicodeScalars.append(u)
      case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF:
        out += "\u{FFFD}"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// `escape`, and quotes, for an attribute's value.
  static func attribute(_ s: String) -> String {
    escape(s).replacingOccurrences(of: "\"", with: "&quot;")
  }

}
