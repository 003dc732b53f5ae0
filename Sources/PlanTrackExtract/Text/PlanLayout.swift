import PlanTrackCore

/// Joins the wrapped lines of PDF-extracted text into paragraphs.
///
/// PDF extraction wraps lines mid-sentence and inserts blank lines anywhere, so blank lines
/// carry no meaning. A line starts a new paragraph when the text so far ends a sentence
/// (。！？；：), when it opens with an item marker (一、 （一） 1. （1） ①), or when it or the
/// line before is a document number line (〔2023〕5号). A line that stops short ends its
/// paragraph too (`endsShort`): in text wrapped at one width, a line narrower than it; in text
/// of a paragraph per line (a web page), a short line such as 完成300户居家环境适老化改造 in a
/// list of tasks.
enum PlanLayout {
  /// The paragraphs of `source`, in order.
  /// - Complexity: O(n) in the characters of the text.
  /// With `byWidth` false (PDF text, whose lines break wherever the page's do) a line's width
  /// says nothing.
  static func paragraphs(
    _ source: SourceText, skipping skipped: Set<Int> = [], byWidth: Bool = true
  ) -> [Paragraph] {
    var result: [Paragraph] = []
    var raw: [Character] = []
    var origin: [SourcePosition] = []
    var previousWasNumberLine = false
    var previousEndedShort = false
    let breaks = byWidth ? lineBreaks(source) : .unknown

    func flush() {
      if !raw.isEmpty {
        let p = Paragraph(raw: raw, origin: origin)
        if !p.text.isEmpty { result.append(p) }
      }
      raw = []
      origin = []
    }

    for (index, line) in source.lines.enumerated() {
      let n = index + 1
      if skipped.contains(n) {
        flush()
        continue
      }
      guard let lo = line.firstIndex(where: { !$0.isWhitespace }),
        let hi = line.lastIndex(where: { !$0.isWhitespace })
      else { continue }
      let content = line[lo...hi]
      let isNumberLine = DocumentNumber.isNumberLine(content)
      let continuesTitle = content.first == "（" || content.first == "("
      if raw.isEmpty || endsParagraph(raw, titleEnds: !continuesTitle)
        || ItemMarker.opensRawLine(content) || isNumberLine
        || previousWasNumberLine || (previousEndedShort && !continuesTitle)
      {
        flush()
      }
      previousWasNumberLine = isNumberLine
      previousEndedShort = endsShort(content, breaks)
      for k in lo...hi {
        raw.append(line[k])
        origin.append(SourcePosition(line: n, column: k))
      }
    }
    flush()
    return result
  }

  /// How the lines of a text break.
  enum LineBreaks: Equatable {
    /// Wrapped at one width (PDF text): most lines are that wide, in terminal columns.
    case wrapped(Int)
    /// A paragraph per line (a web page): no width most lines share.
    case perParagraph
    /// Too few lines to tell.
    case unknown
  }

  /// How `source` breaks its lines: wrapped when two lines in five fall in one band of 7
  /// columns at least 36 wide (digits count half a character), else a paragraph per line;
  /// unknown under 10 lines.
  static func lineBreaks(_ source: SourceText) -> LineBreaks {
    var counts: [Int: Int] = [:]
    var lines = 0
    for line in source.lines {
      let w = width(line[...])
      guard w > 0 else { continue }
      lines += 1
      if w >= 20 { counts[w, default: 0] += 1 }
    }
    guard lines >= 10 else { return .unknown }
    var best: (width: Int, lines: Int)?
    for w in counts.keys {
      let n = (w - 4...w + 2).reduce(0) { $0 + (counts[$1] ?? 0) }
      if best == nil || n > best!.lines || (n == best!.lines && w > best!.width) { best = (w, n) }
    }
    // (A page is wider than 36 columns: a list of lines of one short width is a list.)
    guard let best, best.width >= 36, best.lines * 5 >= lines * 2 else { return .perParagraph }
    return .wrapped(best.width)
  }

  /// Whether a line of `width` columns stops short: 8 columns narrower than the wrap width, or,
  /// a paragraph per line, at most 60 columns (a sentence cut by a page break in such a text is
  /// long). A line ending in a comma, a number or its scale (达到 240 万), or a word that cannot
  /// end a sentence (粮食产量稳定在), and the first line of a title, go on whatever their width.
  static func endsShort(_ line: ArraySlice<Character>, _ breaks: LineBreaks) -> Bool {
    // A row of a table, its cells apart by tabs, is a line of its own.
    if breaks != .unknown, line.contains("\t") { return true }
    // A line that ends in a web address (a page's source) ends there.
    if breaks != .unknown, let slash = line.lastIndex(of: "/"), String(line).contains("://"),
      !line[slash...].contains(where: \.isHan)
    {
      return true
    }
    guard let last = line.last(where: { !$0.isWhitespace }),
      !"，、的在到为于和及与达至第万亿千百十".contains(last), !last.isDigit
    else { return false }
    // The first line of a title (…关于印发山东省) goes on to its end (…的通知), which
    // `endsParagraph` knows.
    if line.contains("关于") { return false }
    switch breaks {
    case .wrapped(let wrap): return width(line) < wrap - 8
    case .perParagraph: return width(line) <= 60
    case .unknown: return false
    }
  }

  /// The columns of a line's printed characters (PDF text spaces out a justified line, and
  /// spaces stand between Chinese and digits: they are not counted).
  private static func width(_ line: ArraySlice<Character>) -> Int {
    line.reduce(0) { $0 + ($1.isWhitespace ? 0 : DisplayWidth.of($1)) }
  }

  /// Whether the raw text so far ends a paragraph: a sentence end, a colon, or the closing
  /// parenthesis of a lead-unit note such as （牵头单位：省科技厅）.
  static func endsParagraph(_ raw: [Character], titleEnds: Bool = true) -> Bool {
    guard let last = raw.last(where: { !$0.isWhitespace }) else { return false }
    if "。！？；：:;!?".contains(last) { return true }
    // A title line: 威海市人民政府关于…的实施意见 (a sentence never wraps right after 意见).
    let line = raw.suffix(40)
    if titleEnds, !line.contains("，"), !line.contains("。"),
      ["通知", "意见", "方案", "计划", "规划", "办法", "要点", "决定", "细则", "规定", "预案", "纲要"]
        .contains(where: { String(line).hasSuffix($0) })
    {
      return true
    }
    if last == "）" || last == ")" {
      let tail = String(raw.suffix(60))
      return tail.contains("单位") || tail.contains("负责") || tail.contains("牵头")
    }
    return false
  }
}
