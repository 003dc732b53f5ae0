/// Joins the wrapped lines of PDF-extracted text into paragraphs.
///
/// PDF extraction wraps lines mid-sentence and inserts blank lines anywhere, so blank lines
/// carry no meaning. A line starts a new paragraph when the text so far ends a sentence
/// (。！？；：), when it opens with an item marker (一、 （一） 1. （1） ①), or when it or the
/// line before is a document number line (〔2023〕5号).
enum PlanLayout {
  /// The paragraphs of `source`, in order.
  /// - Complexity: O(n) in the characters of the text.
  static func paragraphs(_ source: SourceText, skipping skipped: Set<Int> = []) -> [Paragraph] {
    var result: [Paragraph] = []
    var raw: [Character] = []
    var origin: [SourcePosition] = []
    var previousWasNumberLine = false

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
        || previousWasNumberLine
      {
        flush()
      }
      previousWasNumberLine = isNumberLine
      for k in lo...hi {
        raw.append(line[k])
        origin.append(SourcePosition(line: n, column: k))
      }
    }
    flush()
    return result
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
