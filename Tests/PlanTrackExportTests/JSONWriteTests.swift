import PlanTrackCore
import Testing

@Suite("JSON writing")
struct JSONWriteTests {
  /// Every character that could hide or reorder text is escaped; everything else, including
  /// other characters that share their UTF-8 lead byte, is written as it is.
  @Test(arguments: [
    ("plain", #""plain""#),
    ("全省新能源汽车", #""全省新能源汽车""#),
    ("a\"b\\c", #""a\"b\\c""#),
    ("\n\r\t", #""\n\r\t""#),
    ("\u{01}\u{1B}[31m", #""\u0001\u001b[31m""#),
    ("\u{7F}", #""\u007f""#),
    ("x\u{85}y", #""x\u0085y""#),
    ("é", #""é""#),
    ("\u{61C}؜", #""\u061c\u061c""#),
    ("ب", #""ب""#),
    ("\u{200E}\u{200F}", #""\u200e\u200f""#),
    ("\u{2028}\u{2029}", #""\u2028\u2029""#),
    ("\u{202E}abc\u{202C}", #""\u202eabc\u202c""#),
    ("\u{2066}\u{2069}", #""\u2066\u2069""#),
    ("— ‰ €", #""— ‰ €""#),
  ])
  func escapes(_ text: String, _ expected: String) {
    #expect(JSONValue.quoted(text) == expected)
  }

  @Test func prettyPrintsWithTwoSpacesAndAFinalNewline() {
    let v: JSONValue = .object([
      ("a", .array([.number(1), .number(2.5), .null])), ("b", .object([])), ("c", .array([])),
      ("d", .object([("e", .bool(false))])),
    ])
    #expect(
      v.text() == """
        {
          "a": [
            1,
            2.5,
            null
          ],
          "b": {},
          "c": [],
          "d": {
            "e": false
          }
        }

        """)
  }
}
