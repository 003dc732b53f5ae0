import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// The targets of the repository's real target file, parsed from its text.
private let realTargets: TargetSet = {
  let url = repositoryTargets.appendingPathComponent("sd-nev-countryside.yaml")
  let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  return TargetSet(
    files: [
      TargetFile.parse(
        yaml: text, file: "targets/sd-nev-countryside.yaml", catalog: repositoryCatalog)
    ], catalog: repositoryCatalog)
}()

private let stock = "sd-nev-countryside/nev-stock"
/// Where `stock`'s figures go: it measures Shandong's NEV stock (indicators.yaml).
private let stockSeries = "370000/nev-stock"
private let chargers = "sd-nev-countryside/public-chargers"
private let capacity = "sd-nev-countryside/charging-transformer-capacity-added"
private let file = "actuals.csv"

private func parse(_ text: String) -> (entries: [NewEntry], findings: [Finding]) {
  CSVImport.parse(text, file: file, targets: realTargets, user: "li", time: "2025-03-01T08:00:00Z")
}

private func day(_ iso: String) -> Day {
  Day(iso: iso)!
}

/// Expects the findings to be exactly these `line:column` locations with these codes, each
/// message naming its value (what the finding is about, not its wording; "" for none), and no
/// entries.
private func expectFindings(
  _ result: (entries: [NewEntry], findings: [Finding]),
  _ expected: [(Int, Int, ProblemCode, mentions: String)],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.entries.isEmpty, "\(result.entries)", sourceLocation: sourceLocation)
  let found = result.findings
  #expect(
    found.map { "\($0.line):\($0.column) \($0.code)" }
      == expected.map { "\($0.0):\($0.1) \($0.2)" },
    "\(found.map(\.description))", sourceLocation: sourceLocation)
  for (finding, (_, _, _, mention)) in zip(found, expected) {
    #expect(finding.file == file, sourceLocation: sourceLocation)
    #expect(finding.severity == .error, sourceLocation: sourceLocation)
    if !mention.isEmpty {
      #expect(finding.message.contains(mention), "\(finding)", sourceLocation: sourceLocation)
    }
  }
}

@Suite("CSV import")
struct CSVImportTests {
  @Test func theRealTargetsLoad() {
    #expect(realTargets.findings.isEmpty)
    #expect(realTargets.target(key: stock)?.unit.text == "万辆")
  }

  @Test func aValidFileGivesEntriesWithConvertedValues() throws {
    let result = parse(
      """
      key,date,value,unit,note,source
      \(stock),2025-01-31,1402345,辆,一月,统计月报
      \(stock),2025-02-28,150.5,,,
      \(chargers),2025-02-28,1.5万,,二月,
      \(capacity),2025-03-31,30000,千伏安,,

      """)
    #expect(result.findings.isEmpty, "\(result.findings)")
    let entries = result.entries
    #expect(entries.map(\.key) == [stockSeries, stockSeries, chargers, capacity])
    #expect(
      entries.map(\.asOf) == [
        day("2025-01-31"), day("2025-02-28"), day("2025-02-28"), day("2025-03-31"),
      ])
    let values = entries.compactMap(\.value)
    #expect(values.count == 4)
    for (value, expected) in zip(values, [140.2345, 150.5, 1.5, 3]) {
      #expect(abs(value - expected) < 1e-9, "\(value) ≠ \(expected)")
    }
    #expect(entries[0].input == "1402345辆")
    #expect(entries[1].input == "150.5")
    #expect(entries[0].note == "一月")
    #expect(entries[1].note == nil)
    #expect(entries[0].source == "统计月报")
    #expect(entries[1].source == file)
    #expect(entries.allSatisfy { $0.enteredBy == "li" && $0.enteredAt == "2025-03-01T08:00:00Z" })
    #expect(entries.allSatisfy { $0.retracts == nil })
  }

  @Test func aUnitInsideTheValueIsConverted() throws {
    let result = parse("key,date,value\n\(stock),2025-01-31,1402345辆\n")
    #expect(result.findings.isEmpty)
    let value = try #require(result.entries.first?.value)
    #expect(abs(value - 140.2345) < 1e-9)
  }

  @Test func aByteOrderMarkIsIgnored() {
    let result = parse("\u{FEFF}key,date,value\n\(stock),2025-01-31,150\n")
    #expect(result.findings.isEmpty, "\(result.findings)")
    #expect(result.entries.map(\.value) == [150])
  }

  @Test func crlfLineEndsAreRead() {
    let ok = parse(
      "key,date,value,note\r\n\(stock),2025-01-31,150,一月\r\n\(stock),2025-02-28,160,二月\r\n")
    #expect(ok.findings.isEmpty, "\(ok.findings)")
    #expect(ok.entries.map(\.value) == [150, 160])
    #expect(ok.entries.map(\.note) == ["一月", "二月"])

    let bad = parse("key,date,value\r\n\(stock),2025-01-31,150\r\n\(stock),2025-02-30,160\r\n")
    expectFindings(bad, [(3, 30, .invalidDate, "2025-02-30")])
  }

  @Test func quotedFieldsKeepCommasQuotesAndNewlines() {
    let result = parse(
      """
      key,date,value,note
      \(stock),2025-01-31,"1,402,345辆","第一行
      第二行, 含 ""引号""\"
      "\(stock)",2025-02-28,150,"a,b"

      """)
    #expect(result.findings.isEmpty, "\(result.findings)")
    #expect(result.entries.count == 2)
    #expect(result.entries.first?.note == "第一行\n第二行, 含 \"引号\"")
    #expect(result.entries.last?.note == "a,b")
    #expect(result.entries.last?.key == stockSeries)
    let value = result.entries.first?.value ?? 0
    #expect(abs(value - 140.2345) < 1e-9)
  }

  @Test func lineNumbersStayRightAfterAMultilineField() {
    let result = parse(
      """
      key,date,value,note
      \(stock),2025-01-31,150,"一
      二
      三"
      \(stock),2025-02-28,abc,x

      """)
    expectFindings(result, [(5, 41, .unreadableValue, "abc")])
  }

  @Test func columnsMayComeInAnyOrder() {
    let result = parse(
      """
      Value, Date ,KEY,unit
      1402345,2025-01-31,\(stock),辆
      160,2025-02-28,\(stock),

      """)
    #expect(result.findings.isEmpty, "\(result.findings)")
    #expect(result.entries.map(\.asOf) == [day("2025-01-31"), day("2025-02-28")])
    #expect(result.entries.map(\.key) == [stockSeries, stockSeries])
    #expect(result.entries.last?.value == 160)
  }

  @Test func everyBadRowIsReportedWithItsLineAndColumnAndNothingIsImported() {
    // The key is 28 characters: date starts at column 30, value at 41, unit at 43 for
    // `2025-01-31,1,…`.
    let result = parse(
      """
      key,date,value,unit,note
      \(stock),2025-01-31,150,,fine
      sd-nev-countryside/no-such,2025-01-31,1,,
      \(stock),2025-02-30,1,,
      \(stock),2025-03-31,abc,,
      \(stock),2025-04-30,1,千瓦,
      \(stock),2025-05-31,1
      nev-stock,2025-06-30,1,,
      \(stock),2025-07-31,1,,
      \(stock),2025-08-31,1,1辆,

      """)
    expectFindings(
      result,
      [
        (3, 1, .unknownTargetKey, "sd-nev-countryside/no-such"),
        (4, 30, .invalidDate, "2025-02-30"),
        (5, 41, .unreadableValue, "abc"),
        (6, 43, .incompatibleUnits, "千瓦"),
        (7, 1, .csvFieldCount, "3"),
        // The suggestion: the full key of the target the row means.
        (8, 1, .unknownTargetKey, stock),
        (10, 43, .unreadableUnit, "1辆"),
      ])
  }

  @Test func anUnknownHeaderColumn() {
    expectFindings(
      parse("key,date,value,colour\n\(stock),2025-01-31,150,red\n"),
      [(1, 16, .csvUnknownColumn, "colour")])
  }

  @Test func aRepeatedHeaderColumn() {
    expectFindings(
      parse("key,date,value,date\n\(stock),2025-01-31,150,2025-01-31\n"),
      [(1, 16, .csvUnknownColumn, "date")])
  }

  @Test(arguments: [
    ("key,value", "date"), ("date,value,unit", "key"), ("key,date,note", "value"),
  ])
  func aMissingRequiredColumn(header: String, missing: String) {
    expectFindings(
      parse("\(header)\n\(stock),2025-01-31\n"),
      [(1, 1, .csvMissingColumn, missing)])
  }

  @Test(arguments: ["", "\u{FEFF}", "\n\n"])
  func anEmptyFile(text: String) {
    expectFindings(parse(text), [(1, 1, .csvEmptyFile, "key,date,value")])
  }

  @Test func aHeaderWithoutRows() {
    expectFindings(parse("key,date,value\n"), [(1, 1, .csvNoRows, "")])
  }

  @Test func anUnterminatedQuote() {
    expectFindings(
      parse("key,date,value,note\n\(stock),2025-01-31,150,\"一月\n\(stock),2025-02-28,160,x\n"),
      [(2, 45, .csvUnclosedQuote, "")])
  }

  @Test func textAfterAClosingQuote() {
    expectFindings(
      parse("key,date,value,note\n\(stock),2025-01-31,150,\"一\"月\n"),
      [(2, 48, .csvTextAfterQuote, "")])
  }

  @Test func oneBadRowAmongManyGoodOnesImportsNothing() {
    var text = "key,date,value\n"
    for month in 1...9 { text += "\(stock),2025-0\(month)-28,\(140 + month)\n" }
    text += "\(stock),2025-10-28,x\n"
    let result = parse(text)
    #expect(result.entries.isEmpty)
    #expect(result.findings.map { "\($0.line) \($0.code)" } == ["11 PT401"])
    // Without the bad row, all nine import.
    #expect(
      parse(text.replacingOccurrences(of: "\(stock),2025-10-28,x\n", with: "")).entries.count == 9)
  }
}
