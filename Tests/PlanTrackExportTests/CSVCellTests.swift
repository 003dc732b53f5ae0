import PlanTrackExport
import Testing

@Suite("CSV cells")
struct CSVCellTests {
  /// Formula-like text is neutralised (numbers are not), and separators, quotes and line
  /// breaks are quoted.
  @Test(arguments: [
    ("plain", "plain"), ("全省新能源汽车", "全省新能源汽车"), ("-5", "-5"), ("+1.5", "+1.5"),
    ("-x", "'-x"), ("=SUM(1+1)", "'=SUM(1+1)"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
    ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a\nb", "\"a\nb\""),
    ("a\r\nb", "\"a\r\nb\""), ("=a,b", "\"'=a,b\""), ("", ""),
  ])
  func cell(_ text: String, _ expected: String) {
    #expect(StatusReport.csvCell(text) == expected)
  }
}
