import Foundation
import PlanTrackCore

/// Reads figures from a workbook whose first sheet has the CSV import's header
/// (`key,date,value[,unit,note,source]`): the same checks and messages as a CSV, each at its
/// cell (`F.xlsx:Sheet!D12: error: …`), all rows or none. Dates may be date cells (serial
/// numbers) or text; values numbers or text such as `140.2万`; rows with no cell are skipped.
public enum XLSXImport {
  /// The entries of the workbook at `url`, or every finding that prevents importing it.
  public static func parse(
    _ url: URL, file: String, targets: TargetSet, user: String, time: String
  ) -> (entries: [NewEntry], findings: [Finding]) {
    let sheet: XLSXReader.Sheet
    do {
      sheet = try XLSXReader.firstSheet(url)
    } catch {
      return ([], [Finding(file: file, cell: error.cell, code: error.code, message: error.message)])
    }
    let records = Self.records(sheet)
    let places = CSVImport.Places { line, column in
      "\(sheet.name)!\(SpreadsheetCell.letters(column - 1))\(line)"
    }
    return CSVImport.entries(
      records, file: file, targets: targets, user: user, time: time, places: places)
  }

  /// The sheet's rows as the CSV reader's records: one field per column up to the last cell
  /// of the header (or of the row, if it goes further), empty rows left out, and a number in
  /// the `date` column read as a date serial.
  static func records(_ sheet: XLSXReader.Sheet) -> [CSVReader.Record] {
    guard let header = sheet.rows.first(where: { !$0.cells.isEmpty }) else { return [] }
    let width = (header.cells.map(\.column).max() ?? 0) + 1
    let dateColumn = header.cells.first {
      $0.cell.text.trimmingWhitespace.lowercased() == "date"
    }?.column
    var out: [CSVReader.Record] = []
    for row in sheet.rows where row.row >= header.row {
      let nonEmpty = row.cells.filter { !$0.cell.text.trimmingWhitespace.isEmpty }
      guard !nonEmpty.isEmpty else { continue }
      let count = max(width, (nonEmpty.map(\.column).max() ?? 0) + 1)
      var fields = (0..<count).map {
        CSVReader.Field(text: "", line: row.row, column: $0 + 1)
      }
      for (column, cell) in row.cells where column < count {
        var text = cell.text
        if column == dateColumn, row.row != header.row, cell.isNumber,
          let serial = Double(cell.text), let day = SpreadsheetCell.day(serial: serial)
        {
          text = day.iso
        }
        fields[column].text = text
      }
      out.append(CSVReader.Record(fields: fields, line: row.row))
    }
    return out
  }
}
