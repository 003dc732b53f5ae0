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
    ("", nil), ("AAAA1", nil),
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
}
