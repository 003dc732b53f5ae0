/// The text of a paged plan (a PDF as `pdftotext -layout` gives it: pages of lines, columns kept
/// apart by spaces) made ready for the rules, with every line still where it was:
///
/// - the **page furniture** is blanked: running headers and footers (a line at the top or bottom
///   of many pages that reads the same once its digits are ignored, such as 威海市人民政府公报 or
///   2023 年第 4 期) and page numbers (— 12 —, - 3 -, 第 5 页, 第5页 共30页, 5/30, or a bare number
///   that counts up with the pages);
/// - **tables** laid out in columns become one line per row with its cells apart by tabs (as
///   `IndicatorTable` reads them): the columns are where the rows' cells stand, a cell's text
///   wrapped over several lines is joined, and the header's lines (2020 年 / 基础值) are joined
///   per column. The row stays on its first line; the lines it wrapped onto become blank.
///
/// `text` has one line per line of the pages, so `pageStarts` maps a candidate's line back
/// to the page and the line on it (`plan.pdf:p12:l7`, through `PlanSource`).
public struct PlanPages: Sendable, Equatable {
  /// The lines of all pages, one after another, joined by LF.
  public let text: String
  /// The line of `text` (1-based) where each page starts.
  public let pageStarts: [Int]
  /// How many lines were blanked as headers, footers or page numbers.
  public let furniture: Int

  /// - Complexity: O(n) in the characters of the pages.
  public init(pages: [[String]]) {
    var pages = pages.map { $0.map { line in line.filter { $0 != "\u{0C}" } } }
    let furniture = Self.blankFurniture(&pages)
    var starts: [Int] = []
    var lines: [String] = []
    for page in pages {
      starts.append(lines.count + 1)
      lines += page
    }
    LayoutTable.rewrite(&lines, pageStarts: starts.map { $0 - 1 })
    self.text = lines.joined(separator: "\n")
    self.pageStarts = starts
    self.furniture = furniture
  }

  // MARK: - Furniture

  /// How many non-blank lines at each end of a page may be furniture.
  static let edge = 2

  /// Blanks the headers, footers and page numbers of `pages`; returns how many lines it blanked.
  static func blankFurniture(_ pages: inout [[String]]) -> Int {
    // The non-blank lines at each page's top and bottom.
    var edges: [[Int]] = []
    for page in pages {
      let filled = page.indices.filter { !page[$0].allSatisfy(\.isWhitespace) }
      edges.append(Array(Set(filled.prefix(edge) + filled.suffix(edge))).sorted())
    }
    // A line that reads the same (digits aside) at an edge of enough pages is a running title.
    var seen: [String: Set<Int>] = [:]
    for (p, lines) in edges.enumerated() {
      // A table's header repeated at the top of its pages is not a running title.
      for i in lines where LayoutTable.segments(pages[p][i]).count < 3 {
        seen[shape(pages[p][i]), default: []].insert(p)
      }
    }
    let enough = max(3, (pages.count * 2 + 4) / 5)  // 40% of the pages, at least 3
    let running = Set(
      seen.filter { key, pagesSeen in
        pagesSeen.count >= enough && !key.isEmpty && key.count <= 40
          && !"。；：）)".contains(key.last!)
      }.keys)
    // Bare numbers at the edges are page numbers when they count up with the pages.
    var offsets: [Int: Int] = [:]
    for (p, lines) in edges.enumerated() {
      for i in lines {
        if let n = bareNumber(pages[p][i]) { offsets[n - p, default: 0] += 1 }
      }
    }
    let counting = offsets.filter { $0.value >= 2 && $0.value * 2 >= pages.count }.keys
    var blanked = 0
    for (p, lines) in edges.enumerated() {
      for i in lines {
        let line = pages[p][i]
        let isFurniture =
          running.contains(shape(line)) || isPageNumber(line)
          || bareNumber(line).map { counting.contains($0 - p) } == true
        if isFurniture {
          pages[p][i] = ""
          blanked += 1
        }
      }
    }
    return blanked
  }

  /// A line without white space and with its digits as `#`: 2023 年第 4 期 and 2023 年第 5 期 read
  /// the same.
  static func shape(_ line: String) -> String {
    var out = ""
    for c in line where !c.isWhitespace {
      if c.isASCII, c.isNumber {
        if out.last != "#" { out.append("#") }
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// A line that is only a number (up to 4 digits), perhaps inside dashes or brackets.
  static func bareNumber(_ line: String) -> Int? {
    let core = line.filter { !$0.isWhitespace && !"-—–－·.()（）[]【】".contains($0) }
    guard (1...4).contains(core.count), core.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return nil
    }
    return Int(core)
  }

  /// — 12 —, - 3 -, 第 5 页, 第5页 共30页, 5/30, Page 3 of 9: a page number whatever the page.
  static func isPageNumber(_ line: String) -> Bool {
    let s = line.filter { !$0.isWhitespace }
    guard !s.isEmpty, s.count <= 16 else { return false }
    let digits = s.filter { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return false }
    let rest = s.filter { !($0.isASCII && $0.isNumber) }
    let dashes = "-—–－"
    if let first = s.first, let last = s.last, dashes.contains(first), dashes.contains(last),
      rest.allSatisfy({ dashes.contains($0) })
    {
      return true  // — 12 —, -3- (not 2021-2025)
    }
    return ["第页", "第页共页", "/", "Page", "Pageof", "页"].contains(rest)
  }
}

/// Tables that `pdftotext -layout` lays out in columns, rewritten as tab-separated rows.
enum LayoutTable {
  /// A run of text on a line: where it starts and ends (in characters) and what it says.
  struct Segment: Equatable {
    var start: Int
    var end: Int
    var text: String
  }

  /// The runs of a line separated by two spaces or more.
  static func segments(_ line: String) -> [Segment] {
    var result: [Segment] = []
    var current = ""
    var start = 0
    var spaces = 0
    for (i, c) in line.enumerated() {
      if c == " " || c == "\t" || c == "\u{3000}" {
        spaces += 1
        continue
      }
      if !current.isEmpty, spaces >= 2 || c == "\t" {
        result.append(Segment(start: start, end: i - spaces, text: current))
        current = ""
      }
      if current.isEmpty {
        start = i
      } else if spaces > 0 {
        current += " "
      }
      current.append(c)
      spaces = 0
    }
    if !current.isEmpty {
      result.append(Segment(start: start, end: start + current.count, text: current))
    }
    return result
  }

  /// A cell that is a number as tables write them: 22154, 2.39, *2, 45%, -3.5, ≥95.
  static func isNumber(_ text: String) -> Bool {
    let s = text.filter { !"*＊%％≥≤>< ".contains($0) }
    guard let first = s.first, first.isASCII, first.isNumber || first == "-" else { return false }
    return s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }
  }

  /// Rewrites the column tables among `lines` in place.
  static func rewrite(_ lines: inout [String], pageStarts: [Int] = [0]) {
    var i = 0
    while i < lines.count {
      guard let end = tableEnd(lines, from: i) else {
        i += 1
        continue
      }
      rewriteTable(&lines, i..<end, pageStarts: pageStarts)
      i = end
    }
  }

  /// A row of a table: at least three cells, two of them numbers.
  static func isRow(_ segments: [Segment]) -> Bool {
    segments.count >= 3 && segments.filter { isNumber($0.text) }.count >= 2
  }

  /// A table starts at `start` when a row follows within its first lines (the header may take a
  /// few). After its first row it runs on over blank lines, rows, and the pieces of wrapped
  /// cells: short runs that stand under a row's cells, or that a row follows closely (a name
  /// wrapped onto the next page, where the columns stand elsewhere). It ends at text that is
  /// not a cell — an item heading (三、主要任务), a sentence, a long run — and at anything else.
  /// Nil when no table starts at `start`.
  static func tableEnd(_ lines: [String], from start: Int) -> Int? {
    let first = segments(lines[start])
    guard first.count >= 3 || (first.count >= 2 && isRow(first)) else { return nil }
    var sawRow = false
    var k = start
    var lastTabular = start
    var blanks = 0
    var headerLines = 0
    var spans: [(start: Int, end: Int)] = []
    while k < lines.count {
      let s = segments(lines[k])
      if s.isEmpty {
        blanks += 1
        if blanks > 8 { break }
        k += 1
        continue
      }
      blanks = 0
      if isRow(s) {
        sawRow = true
        spans += s.map { ($0.start, $0.end) }
      } else if !sawRow {
        headerLines += 1
        if headerLines > 4 { return nil }
      } else if !continues(s, lines, after: k, under: spans) {
        break
      }
      lastTabular = k
      k += 1
    }
    return sawRow ? lastTabular + 1 : nil
  }

  /// Whether a line that is not a row continues the table above it.
  static func continues(
    _ s: [Segment], _ lines: [String], after k: Int, under spans: [(start: Int, end: Int)]
  ) -> Bool {
    // The header again (on the next page) continues it.
    if s.count >= 3, s.contains(where: { isYear($0.text) }) { return true }
    for seg in s {
      let text = Array(seg.text)
      if text.count > 20 || ItemMarker.at(text[...]) != nil { return false }
      if let last = text.last, "。；：".contains(last) { return false }
    }
    let underCells = s.allSatisfy { seg in
      spans.contains { seg.start >= $0.start - 2 && seg.start < $0.end }
    }
    if underCells, s.allSatisfy({ $0.start > 0 }) || s.count > 1 { return true }
    // A row within the next few lines: pieces wrapped onto a new page.
    var seen = 0
    for next in lines[(k + 1)...] {
      let n = segments(next)
      if n.isEmpty { continue }
      if isRow(n) { return true }
      seen += 1
      if seen > 5 { break }
    }
    return false
  }

  /// A row's number in a 序号 column: 1, 12, *2, ★3.
  static func isIndex(_ text: String) -> Bool {
    let digits = text.drop { "*＊★☆".contains($0) }
    return (1...3).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// A header cell that names a year: 2020 年, 2025年目标值.
  static func isYear(_ text: String) -> Bool {
    let digits = text.prefix(4)
    guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let y = Int(digits)
    else { return false }
    return (1990...2100).contains(y) && text.dropFirst(4).first.map { !$0.isNumber } ?? true
  }

  /// Joins the table in `range` into tab-separated rows.
  static func rewriteTable(_ lines: inout [String], _ range: Range<Int>, pageStarts: [Int]) {
    let segs = range.map { segments(lines[$0]) }
    // The page of each line, walking the page starts once.
    var pages: [Int] = []
    pages.reserveCapacity(range.count)
    var page = max(0, (pageStarts.lastIndex { $0 <= range.lowerBound } ?? 0))
    for i in range {
      while page + 1 < pageStarts.count, pageStarts[page + 1] <= i { page += 1 }
      pages.append(page)
    }
    // The columns of each page: where its rows' cells stand, overlapping cells merged into one
    // span. A table's columns move between pages, so each page has its own; the columns are
    // counted from the right (the values), where every page has the same.
    var spansOfPage: [Int: [(start: Int, end: Int)]] = [:]
    for (k, s) in segs.enumerated() where isRow(s) {
      spansOfPage[pages[k], default: []] += s.map { ($0.start, $0.end) }
    }
    var geometry: [Int: [(start: Int, end: Int)]] = [:]
    for (page, pageSpans) in spansOfPage {
      let spans = pageSpans.sorted { $0.start < $1.start }
      var columns: [(start: Int, end: Int)] = []
      for span in spans {
        if let last = columns.last, span.start < last.end {
          columns[columns.count - 1].end = max(last.end, span.end)
        } else {
          columns.append(span)
        }
      }
      if !columns.isEmpty { geometry[page] = columns }
    }
    let width = geometry.values.map(\.count).max() ?? 1
    var offset = 0
    // A page without rows (the header alone) takes the columns of the nearest page.
    var columnsOf: [Int: [(start: Int, end: Int)]] = [:]
    for page in Set(pages) {
      columnsOf[page] =
        geometry[page]
        ?? geometry.min {
          abs($0.key - page) * 2 + ($0.key < page ? 1 : 0)
            < abs($1.key - page) * 2 + ($1.key < page ? 1 : 0)
        }?.value ?? [(0, 1)]
    }
    func column(of cell: Segment) -> Int {
      let columns = columnsOf[pages[offset]]!

      var best = 0
      var bestOverlap = Int.min
      for (k, c) in columns.enumerated() {
        let overlap = min(cell.end, c.end) - max(cell.start, c.start)
        if overlap > bestOverlap {
          best = k
          bestOverlap = overlap
        }
      }
      return best + width - columns.count
    }
    var rowLine: Int?
    var rowIsData = false
    var cells: [String] = []
    // A line whose numbers all fall under cells that end in a label waiting for its number
    // (国家级2.8/省级 above 3.1) completes the row above rather than starting one.
    func completes(_ line: [Segment]) -> Bool {
      guard rowIsData else { return false }
      let numbers = line.filter { isNumber($0.text) }
      return !numbers.isEmpty
        && numbers.allSatisfy { cell in
          let above = cells[column(of: cell)]
          guard let slash = above.lastIndex(of: "/") else { return false }
          return !above[slash...].contains { $0.isASCII && $0.isNumber }
        }
    }
    func flush() {
      guard let at = rowLine else { return }
      var trimmed = cells
      while trimmed.last?.isEmpty == true { trimmed.removeLast() }
      lines[at] = trimmed.joined(separator: "\t")
    }
    for (k, s) in segs.enumerated() {
      offset = k
      let n = range.lowerBound + k
      guard !s.isEmpty else { continue }
      // A row starts at a line of numbers (unless they complete the row above), or at a
      // line that opens with a row number and a name (4  国家和省…); the header again (on the next page)
      // starts a header. Other lines continue the row or header above.
      let numbered = s.indices.contains { i in
        isIndex(s[i].text) && i + 1 < s.count && s[i + 1].text.first?.isHan == true
      }
      let repeatedHeader = rowIsData && s.count >= 3 && s.contains { isYear($0.text) }
      if (isRow(s) && !completes(s)) || rowLine == nil || numbered || repeatedHeader {
        flush()
        rowLine = n
        rowIsData = !repeatedHeader && (isRow(s) || numbered)
        cells = Array(repeating: "", count: width)
      } else {
        lines[n] = ""
      }
      let continuesOnNextPage = rowLine.map { pages[$0 - range.lowerBound] != pages[k] } ?? false
      for cell in s {
        var k = column(of: cell)
        // Words wrapped onto the next page, where the columns stand elsewhere, continue the
        // row's name: its last text cell before the numbers.
        if continuesOnNextPage, !isNumber(cell.text),
          let name = cells.indices.last(where: { i in
            cells[i].contains(where: \.isHan) && cells[(i + 1)...].contains(where: isNumber)
          })
        {
          k = name
        }
        cells[k] = join(cells[k], cell.text)
      }
    }
    flush()
  }

  /// A wrapped cell's pieces joined: without a space between Chinese text, with one between two
  /// words of Latin letters or digits.
  static func join(_ a: String, _ b: String) -> String {
    guard let last = a.last, let first = b.first else { return a + b }
    let latin = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber) }
    return latin(last) && latin(first) ? a + " " + b : a + b
  }
}
