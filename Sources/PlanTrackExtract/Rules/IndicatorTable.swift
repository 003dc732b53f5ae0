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
        columns = header
        lines.insert(n)
        continue
      }
      guard let cols = columns else { continue }
      guard text.contains("\t"), parts.count >= 2 else {
        columns = nil
        continue
      }
      lines.insert(n)
      let values = Array(parts.suffix(cols.count))
      let labels = parts.dropLast(min(parts.count, cols.count))
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
      let (metric, unit) = split(name)
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

  /// The year columns of a header row, left to right: the year for a target column, nil for a
  /// base-year column. Nil when the row is not a header.
  private static func header(_ parts: [String]) -> [Int?]? {
    var columns: [Int?] = []
    for p in parts {
      let digits = Array(p.prefix(4))
      guard digits.count == 4, digits.allSatisfy(\.isDigit), let y = Int(String(digits)),
        (1990...2100).contains(y)
      else {
        if !columns.isEmpty { return nil }
        continue
      }
      let isBase = ["基础", "基期", "现状", "实际", "完成"].contains { p.contains($0) }
      columns.append(isBase ? nil : y)
    }
    guard columns.count >= 2, columns.contains(where: { $0 != nil }) else { return nil }
    return columns
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
