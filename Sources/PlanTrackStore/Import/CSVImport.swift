import PlanTrackCore

/// Reads a CSV of actuals (header `key,date,value[,unit,note,source]`) into entries,
/// reporting every bad row with its line. Nothing is written here: the caller appends all
/// entries in one transaction, and only when there is no error.
public enum CSVImport {
  /// The columns a file may have; the first three are required.
  public static let columns = ["key", "date", "value", "unit", "note", "source"]

  /// The entries of `text`, or all the findings that prevent importing it.
  public static func parse(
    _ text: String, file: String, targets: TargetSet, user: String, time: String
  ) -> (entries: [NewEntry], findings: [Finding]) {
    let records: [CSVReader.Record]
    do {
      records = try CSVReader.records(text)
    } catch CSVReader.Problem.unterminatedQuote(let line, let column) {
      return (
        [],
        [
          Finding(
            file: file, line: line, column: column, code: .csvUnclosedQuote,
            message: "a quoted field is never closed")
        ]
      )
    } catch CSVReader.Problem.textAfterQuote(let line, let column) {
      return (
        [],
        [
          Finding(
            file: file, line: line, column: column, code: .csvTextAfterQuote,
            message: "text after a closing quote; double a quote inside a quoted field (\"\")")
        ]
      )
    } catch {
      return (
        [],
        [
          Finding(
            file: file, line: 0, column: 0, code: (error as? any CodedError)?.code ?? .unexpected,
            message: "\(error)")
        ]
      )
    }
    return entries(records, file: file, targets: targets, user: user, time: time)
  }

  /// Where a field of a table is, as a finding says it: a line and column of a CSV, or a
  /// cell of a workbook's sheet.
  struct Places {
    /// `Sheet!D12` for a field at (line, column); nil for a CSV.
    var cell: ((_ line: Int, _ column: Int) -> String)?

    func finding(
      _ file: String, line: Int, column: Int, _ code: ProblemCode, _ message: String
    ) -> Finding {
      guard let cell else {
        return Finding(file: file, line: line, column: column, code: code, message: message)
      }
      return Finding(file: file, cell: cell(line, max(column, 1)), code: code, message: message)
    }
  }

  /// The entries of a table whose first record is the header: a CSV's, or a workbook
  /// sheet's rows (`XLSXImport`); every bad field is a finding at its place.
  static func entries(
    _ records: [CSVReader.Record], file: String, targets: TargetSet, user: String, time: String,
    places: Places = Places()
  ) -> (entries: [NewEntry], findings: [Finding]) {
    func finding(_ line: Int, _ column: Int, _ code: ProblemCode, _ message: String) -> Finding {
      places.finding(file, line: line, column: column, code, message)
    }
    guard let header = records.first else {
      return (
        [],
        [
          finding(
            1, 1, .csvEmptyFile,
            "the file is empty; expected the header key,date,value[,unit,note,source]")
        ]
      )
    }
    let names = header.fields.map { $0.text.trimmingWhitespace.lowercased() }
    var findings: [Finding] = []
    for (i, name) in names.enumerated()
    where !columns.contains(name) || names.firstIndex(of: name) != i {
      findings.append(
        finding(
          header.line, header.fields[i].column, .csvUnknownColumn,
          "unknown or repeated column “\(name)”; expected key,date,value[,unit,note,source]"))
    }
    for required in columns.prefix(3) where !names.contains(required) {
      findings.append(
        finding(
          header.line, 1, .csvMissingColumn,
          "the header has no “\(required)” column; expected key,date,value[,unit,note,source]"))
    }
    guard findings.isEmpty else { return ([], findings) }
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    var entries: [NewEntry] = []
    if records.count == 1 {
      findings.append(finding(header.line, 1, .csvNoRows, "the file has a header but no rows"))
    }
    for record in records.dropFirst() {
      guard record.fields.count == names.count else {
        findings.append(
          finding(
            record.line, 1, .csvFieldCount,
            "expected \(names.count) fields, found \(record.fields.count)"))
        continue
      }
      func field(_ name: String) -> CSVReader.Field? { index[name].map { record.fields[$0] } }
      func text(_ name: String) -> String? {
        field(name).map { $0.text.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
      }
      func fail(_ name: String, _ code: ProblemCode, _ message: String) {
        let f = field(name)
        findings.append(finding(f?.line ?? record.line, f?.column ?? 1, code, message))
      }
      let keyText = text("key") ?? ""
      let dateText = text("date") ?? ""
      guard let date = Day(iso: dateText) else {
        fail("date", .invalidDate, "date “\(dateText)” is not a date YYYY-MM-DD that exists")
        continue
      }
      do {
        entries.append(
          try EntryInput.make(
            targets: targets, key: keyText, value: text("value") ?? "", unit: text("unit"),
            date: date, note: text("note"), source: text("source") ?? file, user: user, time: time))
      } catch let error as StoreError {
        fail("key", error.code, "\(error)")
      } catch let error as QuantityError {
        switch error {
        case .unparseableUnit, .incompatibleUnits:
          fail(text("unit") != nil ? "unit" : "value", error.code, "\(error)")
        default: fail("value", error.code, "\(error)")
        }
      } catch {
        fail("value", (error as? any CodedError)?.code ?? .unexpected, "\(error)")
      }
    }
    return (findings.isEmpty ? entries : [], findings)
  }
}
