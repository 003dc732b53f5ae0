import PlanTrackCore
import Testing

@testable import PlanTrackStore

@Suite("Reading workbooks: XML and cell references")
struct XLSXReadingTests {
  static func events(_ xml: String) throws -> [XMLScanner.Event] {
    var s = XMLScanner(Array(xml.utf8))
    var out: [XMLScanner.Event] = []
    while let e = try s.next() { out.append(e) }
    return out
  }

  @Test func tagsAttributesAndTextWithEntities() throws {
    let e = try Self.events(
      #"<?xml version="1.0"?><!-- c --><x:row r='3'><c t="s"/>a &amp; b &lt;&#x4E2D;&#25991;&gt;<![CDATA[<raw>]]></x:row>"#
    )
    #expect(
      e == [
        .start(name: "row", attributes: ["r": "3"], selfClosing: false),
        .start(name: "c", attributes: ["t": "s"], selfClosing: true),
        .text("a & b <中文>"), .text("<raw>"), .end(name: "row"),
      ])
  }

  /// (what, the XML): each is refused with a reason, never expanded or guessed.
  static let broken: [(String, [UInt8])] = [
    (
      "a DOCTYPE (entities could expand)",
      Array(#"<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>"#.utf8)
    ),
    ("an unknown entity", Array("<x>&bomb;</x>".utf8)),
    ("invalid UTF-8", [0x3C, 0x78, 0x3E, 0xFF, 0xFE, 0x3C, 0x2F, 0x78, 0x3E]),
    ("a tag that never ends", Array("<row r=\"1\"".utf8)),
    ("an unquoted attribute", Array("<c r=A1/>".utf8)),
    ("a comment that never ends", Array("<!-- x".utf8)),
    (
      "a part cut short between tags",
      Array("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>".utf8)
    ),
    ("an end tag that closes another", Array("<row><c></row></c>".utf8)),
  ]

  @Test(arguments: broken)
  func brokenXMLIsAFailureNotAGuess(_ what: String, _ bytes: [UInt8]) {
    var s = XMLScanner(bytes)
    #expect(throws: XMLScanner.Failure.self, "\(what)") {
      while try s.next() != nil {}
    }
  }

  static let refs: [(String, Int?)] = [
    ("A1", 0), ("D12", 3), ("Z9", 25), ("AA1", 26), ("XFD1048576", 16383), ("a1", nil), ("1A", nil),
    ("", nil), ("AAAA1", nil), ("XFE1", nil), ("ZZZ1", nil), ("A", nil),
  ]

  @Test(arguments: refs)
  func cellReferences(_ ref: String, _ column: Int?) {
    #expect(SpreadsheetCell.column(of: ref) == column)
    if let column { #expect(SpreadsheetCell.letters(column) + ref.drop { $0.isLetter } == ref) }
  }

  @Test(arguments: [(45473.0, "2024-06-30"), (61.0, "1900-03-01"), (60.0, nil), (45473.5, nil)])
  func dateSerials(_ serial: Double, _ iso: String?) {
    #expect(SpreadsheetCell.day(serial: serial)?.iso == iso)
  }

  /// A string item's text: its `<t>` elements, rich-text runs joined, phonetic guides and the
  /// whitespace between elements left out.
  @Test func stringItemsKeepOnlyTheirText() throws {
    var item = StringItem(open: true)
    var s = XMLScanner(
      Array(
        "<si>\n  <r><t>东</t></r> <r><rPr/><t xml:space=\"preserve\">京 </t></r><rPh sb=\"0\"><t>トウキョウ</t></rPh></si>"
          .utf8))
    while let e = try s.next() { item.read(e) }
    #expect(item.text == "东京 ")
  }

  @Test(arguments: [
    (0.00005, "0.00005"), (-2.7e-17, "-0.000000000000000027"), (140.2, "140.2"),
    (1_402_345, "1402345"), (-3, "-3"),
  ])
  func numbersAsPlainDecimals(_ v: Double, _ text: String) {
    #expect(SpreadsheetCell.numberText(v) == text)
    #expect(Double(SpreadsheetCell.numberText(v)) == v)
  }

  static func sheet(_ rows: [(Int, [(Int, String, Bool)])], date1904: Bool = false)
    -> XLSXReader.Sheet
  {
    XLSXReader.Sheet(
      name: "S",
      rows: rows.map { r in
        (r.0, r.1.map { ($0.0, XLSXReader.Cell(text: $0.1, isNumber: $0.2)) })
      }, date1904: date1904)
  }

  /// A header cell far to the right does not make every row that wide: rows stop one past
  /// the import's widest header (an error for the row that has a cell there).
  @Test func farColumnsDoNotWidenRows() {
    let records = XLSXImport.records(
      Self.sheet([
        (1, [(0, "key", false), (1, "date", false), (2, "value", false), (16000, "x", false)]),
        (2, [(0, "a/b", false), (1, "2024-06-30", false), (2, "1", false)]),
      ]))
    #expect(records.allSatisfy { $0.fields.count <= XLSXImport.maxColumns + 1 })
  }

  @Test(arguments: [(false, "2024-06-30"), (true, "2028-07-01")])
  func dateCellsCountFromTheWorkbooksEpoch(_ date1904: Bool, _ iso: String) {
    let records = XLSXImport.records(
      Self.sheet(
        [
          (1, [(0, "key", false), (1, "date", false), (2, "value", false)]),
          (2, [(0, "a/b", false), (1, "45473", true), (2, "1", true)]),
        ], date1904: date1904))
    #expect(records[1].fields[1].text == iso)
  }

  /// Rows whose value is empty (a template's rows nobody filled) are left out.
  @Test func rowsWithoutAValueAreSkipped() {
    let records = XLSXImport.records(
      Self.sheet([
        (1, [(0, "序列", false), (1, "计量单位", false), (2, "日期", false), (3, "填报值", false)]),
        (2, [(0, "a/b", false), (1, "个", false), (2, "2024-06-30", false)]),
        (3, [(0, "a/c", false), (1, "个", false), (2, "2024-06-30", false), (3, "5", true)]),
      ]))
    #expect(records.map(\.line) == [1, 3])
    #expect(records[0].fields.map(\.text) == ["key", "date", "value"])
    #expect(records[1].fields.map(\.column) == [1, 3, 4])
  }
}
