import PlanTrackCore
import Testing

@Suite("JSON parsing")
struct JSONParseTests {
  @Test func roundTripsWhatItWrites() throws {
    let v: JSONValue = .object([
      ("a", .number(1.5)), ("b", .array([.null, .bool(true), .string("中文\n\"q\"\u{01}")])),
      ("c", .object([])),
    ])
    #expect(try JSONValue.parse(v.text()) == v)
  }

  @Test func readsEscapesAndSurrogatePairs() throws {
    #expect(try JSONValue.parse(#""\u4e2d\ud83d\ude00\/""#) == .string("中😀/"))
    #expect(
      try JSONValue.parse(" [1, -2.5e2, 0] ") == .array([.number(1), .number(-250), .number(0)]))
  }

  @Test(arguments: [
    ("{\"a\" 1}", 1, 6), ("[1,]", 1, 4), ("\"open", 1, 6), ("{\n  \"a\": tru }", 2, 8),
    ("1 2", 1, 3),
  ])
  func reportsWhereTheTextIsNotJSON(_ text: String, _ line: Int, _ column: Int) {
    do {
      _ = try JSONValue.parse(text)
      Issue.record("parsed \(text)")
    } catch let e as JSONParseError {
      #expect(e.line == line && e.column == column, "\(e)")
    } catch {
      Issue.record("\(error)")
    }
  }
}
