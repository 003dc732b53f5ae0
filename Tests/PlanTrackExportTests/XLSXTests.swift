import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackExport

@Suite("Snapshots as workbooks")
struct XLSXTests {
  static func workbook(_ language: Language = .zh) -> XLSXWorkbook {
    SnapshotFixture.snapshot().workbook(language: language)
  }

  static func write(_ workbook: XLSXWorkbook) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plantrack-\(UUID().uuidString).xlsx")
    try workbook.data().write(to: url)
    return url
  }

  @Test func goldenParts() {
    let text = Self.workbook().parts().map { "=== \($0.path)\n\($0.xml)\n" }.joined()
    assertGolden(text, "snapshot-zh.xlsx.xml")
  }

  @Test func theStatusSheetHasEveryTargetWithTypedCells() throws {
    let sheet = Self.workbook(.en).sheets[0]
    #expect(sheet.name == "Status" && sheet.rows.count == 1 + 3)
    #expect(sheet.rows[0][0] == .text("Key", .header))
    let nev = sheet.rows[1]
    #expect(nev[0] == .text("sd-test/nev"))
    #expect(nev[9] == .text("on track", .onTrack))
    #expect(nev[11] == .number(180, .figure))
    #expect(nev[12] == .date(Day(iso: "2024-06-30")!))
    // A target without a figure: empty cells, not zeros.
    #expect(sheet.rows[3][11] == .empty)
  }

  @Test func openpyxlReadsEveryCellAsWritten() throws {
    let workbook = Self.workbook()
    let url = try Self.write(workbook)
    defer { try? FileManager.default.removeItem(at: url) }
    SpreadsheetClients.expectSame(
      try SpreadsheetClients.openpyxl(url), as: workbook, client: "openpyxl")
  }

  @Test func libreOfficeReadsEveryCellAsWritten() throws {
    let workbook = Self.workbook(.en)
    let url = try Self.write(workbook)
    defer { try? FileManager.default.removeItem(at: url) }
    SpreadsheetClients.expectSame(
      try SpreadsheetClients.libreOffice(url), as: workbook, client: "LibreOffice")
  }

  /// Text from target files is a cell's text, never markup or a formula: the hostile name
  /// (`=HYPERLINK(…)`, `<script>`, a line break) reads back as written.
  @Test func hostileTextStaysText() throws {
    let xml = Self.workbook().sheets[0].xml()
    #expect(!xml.contains("<f>") && !xml.contains("<script>"))
    #expect(xml.contains("&lt;script&gt;"))
    let odd = XLSXWorkbook(sheets: [
      XLSXSheet(
        name: "a&b",
        rows: [[.text("x\u{1}y\u{1B}[2J"), .text("=1+1"), .number(1e300), .text("a_x005F_b")]])
    ])
    let url = try Self.write(odd)
    defer { try? FileManager.default.removeItem(at: url) }
    let read = try SpreadsheetClients.openpyxl(url)
    #expect(read["a&b"]?.first?.prefix(3) == ["x\u{FFFD}y\u{FFFD}[2J", "=1+1", "1e+300"])
    // Text that looks like SpreadsheetML's own escape (`_x0041_` is “A” to Excel) is written
    // escaped, and LibreOffice reads it as typed (openpyxl 3.0 does not decode escapes).
    #expect(try SpreadsheetClients.libreOffice(url)["a&b"]?.first?.last == "a_x005F_b")
  }

  static let columns: [(Int, String)] = [
    (0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA"),
  ]

  @Test(arguments: columns)
  func columnLetters(_ index: Int, _ letters: String) {
    #expect(SpreadsheetCell.letters(index) == letters)
  }

  @Test(arguments: [
    ("1899-12-31", 1), ("1900-03-01", 61), ("2024-06-30", 45473), ("1970-01-01", 25569),
  ])
  func dateSerials(_ day: String, _ serial: Int) {
    #expect(SpreadsheetCell.serial(Day(iso: day)!) == serial)
  }
}

@Suite("Fill-in templates")
struct FillInTemplateTests {
  static func template() -> FillInTemplate {
    FillInTemplate(
      title: "山东省威海市", period: "2025-06", deadline: Day(iso: "2025-07-10"),
      rows: [
        .init(
          key: "371000/5g-base-stations", name: "威海市 5G基站", unit: "个", goal: "≥ 6600 个",
          due: Day(iso: "2025-12-31"), last: Observation(day: Day(iso: "2025-05-31")!, value: 6400),
          date: Day(iso: "2025-06-30")!),
        .init(
          key: "wh-digital-2023/city-software-centers", name: "市级以上软件工程技术中心", unit: "家",
          goal: nil, due: nil, last: nil, date: Day(iso: "2025-06-30")!),
      ])
  }

  @Test func goldenParts() {
    let text = Self.template().workbook(language: .zh).parts().map { "=== \($0.path)\n\($0.xml)\n" }
      .joined()
    assertGolden(text, "template-zh.xlsx.xml")
  }

  /// openpyxl sees what a spreadsheet shows the clerk: a protected sheet whose only unlocked
  /// cells are the value, note and source of each row, a validation on the values, and the
  /// cells as written.
  @Test func aSpreadsheetSeesTheInputCellsAndTheirValidation() throws {
    let workbook = Self.template().workbook(language: .en)
    let url = try XLSXTests.write(workbook)
    defer { try? FileManager.default.removeItem(at: url) }
    SpreadsheetClients.expectSame(
      try SpreadsheetClients.openpyxl(url), as: workbook, client: "openpyxl")
    let script = """
      import sys, openpyxl
      ws = openpyxl.load_workbook(sys.argv[1])["Figures"]
      unlocked = sorted(c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked)
      print(ws.protection.sheet, ws.freeze_panes, [str(v.sqref) for v in ws.data_validations.dataValidation], unlocked)
      """
    let out = try SpreadsheetClients.run(
      SpreadsheetClients.python, ["-c", script, url.path], needs: "python3-openpyxl")
    #expect(
      out == "True A2 ['I2:I3'] ['I2', 'I3', 'J2', 'J3', 'K2', 'K3']\n", "\(out)")
  }

  @Test func libreOfficeReadsTheTemplateAsWritten() throws {
    let workbook = Self.template().workbook(language: .zh)
    let url = try XLSXTests.write(workbook)
    defer { try? FileManager.default.removeItem(at: url) }
    SpreadsheetClients.expectSame(
      try SpreadsheetClients.libreOffice(url), as: workbook, client: "LibreOffice")
  }
}
