import PlanTrackCore

/// Reads the indicator tables of a plan (主要指标表): a header row with year columns
/// (2020年基础值 … 2023年目标值 2024年目标值) and a row per indicator, its unit in parentheses
/// (研发人员数（人）, 占地区生产总值比重（%）). Every target-year cell of a row is a goal due at the
/// end of that year; base-year cells are not goals.
///
/// PDF extraction keeps the cells of such tables apart with tabs, which is how they are found.
enum IndicatorTable {
  /// One goal read from a table cell.
  struct Cell: Equatable, Sendable {
    var line: Int
    var metric: String
    var unit: String
    var value: Double
    var due: Day
    var quote: String
  }

  /// The goals of every indicator table in `source`, and the lines the tables take (which the
  /// paragraph rules then skip).
  /// - Complexity: O(n) in the characters of the text.
  static func read(_ source: SourceText) -> (cells: [Cell], lines: Set<Int>) {
    var cells: [Cell] = []
    var lines = Set<Int>()
    var columns: [Int?]? = nil  // year of each value column from the right; nil for a base year
    var unitColumn = false  // the header has a 单位 column before the years
    var trailing = 0  // header cells after the year columns (属性, 备注)
    var previousName = ""
    var blankRun = 0
    for (index, raw) in source.lines.enumerated() {
      let n = index + 1
      let text = String(raw)
      if text.allSatisfy(\.isWhitespace) {
        blankRun += 1
        // A page break inside a table leaves a run of blank lines (furniture blanked).
        if blankRun > 30 { columns = nil }
        continue
      }
      blankRun = 0
      let parts = Self.cells(text)
      if let header = header(parts) {
        columns = header.years
        unitColumn = header.unitColumn
        trailing = header.trailing
        lines.insert(n)
        continue
      }
      guard let cols = columns else { continue }
      guard text.contains("\t"), parts.count >= 2 else {
        columns = nil
        continue
      }
      lines.insert(n)
      // Cells after the years (属性: 预期性/约束性, notes) are not values.
      var row = parts
      var dropped = 0
      while dropped < trailing, let last = row.last, numbers(in: last).isEmpty {
        row.removeLast()
        dropped += 1
      }
      let values = Array(row.suffix(cols.count))
      var labels = Array(row.dropLast(min(row.count, cols.count)))
      // A 单位 column: the cell before the values is the unit (% , 件, 亿元).
      var unitCell: String?
      if unitColumn, let last = labels.last, last.count <= 6,
        !last.contains(where: { $0.isASCII && $0.isNumber }), labels.count >= 2
      {
        unitCell = TextNormalizer.halfWidth(last)
        labels.removeLast()
      }
      let named = labels.filter { $0.contains(where: \.isHan) }
      guard var name = named.last else { continue }
      if ["国家级", "省级", "市级", "县级", "区级"].contains(name) {
        // A row per level under one indicator: 科技创新基地… | 国家级 | 3 | 7, then 省级 | 66 | 80.
        if named.count >= 2 { previousName = named[named.count - 2] }
        guard !previousName.isEmpty else { continue }
        name = previousName + "（" + name + "）"
      } else {
        previousName = name
      }
      var (metric, unit) = split(name)
      if let unitCell, unit.isEmpty { unit = unitCell }
      let quote = parts.joined(separator: " ")
      for (k, cell) in values.enumerated() {
        guard k < cols.count, let year = cols[k], let due = Day.endOfYear(year) else { continue }
        for (label, value) in numbers(in: cell) {
          let m = label.map { metric.contains("分别") ? metric : metric + "（\($0)）" } ?? metric
          cells.append(Cell(line: n, metric: m, unit: unit, value: value, due: due, quote: quote))
        }
      }
    }
    return (cells, lines)
  }

  /// The cells of a tab-separated line, trimmed, without the empty ones at the end.
  private static func cells(_ line: String) -> [String] {
    var parts = line.split(separator: "\t", omittingEmptySubsequences: false).map {
      String($0).trimmingWhitespace
    }
    while parts.last?.isEmpty == true { parts.removeLast() }
    while parts.first?.isEmpty == true { parts.removeFirst() }
    return parts.filter { !$0.isEmpty }
  }

  /// A header row: the year of each value column left to right (nil for a base year),
  /// whether a 单位 column comes before them, and how many cells follow them (属性, 备注).
  struct Header: Equatable {
    var years: [Int?]
    var unitColumn: Bool
    var trailing: Int
  }

  /// The header of a table, or nil when the row is not one. A year column is a base year when
  /// it says so (基础, 基期, 现状, 实际, 完成); when none says either, the first of several
  /// spanning three years or more is the base (2020年 | 2025年 in a five-year plan).
  static func header(_ parts: [String]) -> Header? {
    var years: [(year: Int, base: Bool, target: Bool)] = []
    var unitColumn = false
    var trailing = 0
    for p in parts {
      let digits = Array(p.prefix(4))
      guard digits.count == 4, digits.allSatisfy(\.isDigit), let y = Int(String(digits)),
        (1990...2100).contains(y)
      else {
        if years.isEmpty {
          if ["单位", "计量单位"].contains(p) { unitColumn = true }
          continue
        }
        trailing += 1
        if trailing > 2 { return nil }
        continue
      }
      if trailing > 0 { return nil }
      let isBase = ["基础", "基期", "现状", "实际", "完成"].contains { p.contains($0) }
      years.append((y, isBase, ["目标", "预期", "规划"].contains { p.contains($0) }))
    }
    guard years.count >= 2 else { return nil }
    var columns = years.map { $0.base ? nil : Optional($0.year) }
    if !years.contains(where: { $0.base || $0.target }), years.last!.year - years[0].year >= 3 {
      columns[0] = nil
    }
    guard columns.contains(where: { $0 != nil }) else { return nil }
    return Header(years: columns, unitColumn: unitColumn, trailing: trailing)
  }

  /// "研发人员数（人）" → 研发人员数, 人; "比重（%，分别列出）" → 比重, %.
  private static func split(_ name: String) -> (String, String) {
    var s = name
    if s.first == "*" { s.removeFirst() }
    guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }),
      s.last == "）" || s.last == ")"
    else { return (s, "") }
    var unit = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
    if let comma = unit.firstIndex(where: { $0 == "，" || $0 == "," }) {
      unit = String(unit[..<comma])
    }
    unit = TextNormalizer.halfWidth(unit)
    guard unit.count <= 6, !unit.contains(where: { "、".contains($0) }) else { return (s, "") }
    return (String(s[..<open]), unit)
  }

  /// A cell's kind: a reduction when the indicator says so (能耗降低, 排放下降), a share for %,
  /// else a level.
  static func kind(of cell: Cell) -> TargetKind {
    if ["降低", "下降", "减少"].contains(where: { cell.metric.contains($0) }) { return .reduction }
    return cell.unit == "%" ? .ratio : .level
  }

  /// The numbers of a cell: "2.7" → [(nil, 2.7)]; "国家级 3.0/省级 3.3" → two labelled ones.
  private static func numbers(in cell: String) -> [(String?, Double)] {
    var result: [(String?, Double)] = []
    for part in cell.split(separator: "/") {
      let chars = Array(part.filter { !$0.isWhitespace })
      guard let start = chars.firstIndex(where: \.isDigit) else { continue }
      let label = start > 0 ? String(chars[..<start]) : nil
      guard let (value, end) = QuantityScanner.number(at: start, in: chars), end == chars.count
      else { continue }
      result.append((label, value))
    }
    return result
  }
}
