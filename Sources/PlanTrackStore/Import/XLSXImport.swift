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

  /// Column titles a workbook may use for the import's columns (a template's, in Chinese or
  /// English, and the usual Chinese ones), and titles of columns that are only shown and
  /// are left out (a template's name, goal and last figure).
  static let aliases: [String: String] = [
    "序列": "key", "编号": "key", "日期": "date", "数据日期": "date", "填报值": "value", "数值": "value",
    "单位": "unit", "备注": "note", "来源": "source", "数据来源": "source",
  ]
  static let shownOnly: Set<String> = [
    "name", "unit of the row", "goal", "goal due", "last figure", "last date", "名称", "计量单位", "目标",
    "目标期限", "上次数据", "上次日期",
  ]

  /// The most columns a header may have: the import's six and a template's shown ones fit
  /// many times over; a header cell far to the right would make every row that wide.
  static let maxColumns = 64

  /// The sheet's rows as the CSV reader's records: the header's titles as the import's
  /// column names (`aliases`), the columns that are only shown left out, one field per
  /// remaining column up to the header's last (or the row's, if it goes further), rows with
  /// no value left out (a template's rows not filled in), and a number in the `date` column
  /// read as a date serial.
  static func records(_ sheet: XLSXReader.Sheet) -> [CSVReader.Record] {
    guard let header = sheet.rows.first(where: { !$0.cells.isEmpty }) else { return [] }
    var names: [Int: String] = [:]
    for (column, cell) in header.cells {
      let title = cell.text.trimmingWhitespace.lowercased()
      names[column] = aliases[title] ?? title
    }
    let kept = { (column: Int) in !shownOnly.contains(names[column] ?? "") }
    let width = min((header.cells.map(\.column).filter(kept).max() ?? 0) + 1, maxColumns)
    let dateColumn = names.first { $0.value == "date" }?.key
    let valueColumn = names.first { $0.value == "value" }?.key
    var out: [CSVReader.Record] = []
    for row in sheet.rows where row.row >= header.row {
      let isHeader = row.row == header.row
      let nonEmpty = row.cells.filter {
        kept($0.column) && !$0.cell.text.trimmingWhitespace.isEmpty
      }
      guard !nonEmpty.isEmpty else { continue }
      if !isHeader, let valueColumn, !nonEmpty.contains(where: { $0.column == valueColumn }) {
        continue  // not filled in
      }
      // A cell past the header's last column makes the row one field too long (an error);
      // no row is ever wider than that.
      let count = nonEmpty.contains { $0.column >= width } ? width + 1 : width
      var fields = (0..<count).filter(kept).map {
        CSVReader.Field(text: "", line: row.row, column: $0 + 1)
      }
      let index = Dictionary(
        fields.enumerated().map { ($1.column - 1, $0) }, uniquingKeysWith: { a, _ in a })
      for (column, cell) in row.cells where kept(column) {
        var text = isHeader ? names[column] ?? cell.text : cell.text
        if column == dateColumn, !isHeader, cell.isNumber, let serial = Double(cell.text),
          let day = SpreadsheetCell.day(serial: serial + (sheet.date1904 ? 1462 : 0))
        {
          text = day.iso
        }
        if let i = index[min(column, width)], fields[i].text.isEmpty { fields[i].text = text }
      }
      out.append(CSVReader.Record(fields: fields, line: row.row))
    }
    return out
  }
}
