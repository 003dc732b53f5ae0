import PlanTrackCore

/// Finds the quantitative goals in the text of a plan document.
///
/// The text is normalised (wrapped lines joined, full-width and garbled digits decoded, every
/// character mapped to its original line), split into documents, items, sentences and clauses,
/// and every number with a unit is judged by `GoalRules` in the light of the deadlines around
/// it. Pure: text in, candidates out.
public struct Extractor: Sendable {
  /// The document's year, for 年底, 年内, 今年; overrides the year read from the 文号.
  public var year: Int?
  /// Whether a line that stops short ends its paragraph (`PlanLayout.lineBreaks`): true for
  /// text files and Word paragraphs, false for PDF text, whose lines break where the page's do.
  public var shortLinesEndParagraphs: Bool

  public init(year: Int? = nil, shortLinesEndParagraphs: Bool = true) {
    self.year = year
    self.shortLinesEndParagraphs = shortLinesEndParagraphs
  }

  /// The paragraphs of `text` as the rules see them: lines joined, digits and punctuation
  /// normalised; each with the line it starts on.
  public func paragraphs(_ text: String) -> [Paragraph] {
    PlanLayout.paragraphs(SourceText(text), byWidth: shortLinesEndParagraphs)
  }

  /// The documents and candidate goals of `text`; `fileName` names a document without a title.
  /// - Complexity: O(n · w) in the characters of the text and the words of the lexicon.
  public func extract(_ text: String, fileName: String = "") -> Extraction {
    let source = SourceText(text)
    let tables = IndicatorTable.read(source)
    let paragraphs = PlanLayout.paragraphs(
      source, skipping: tables.lines, byWidth: shortLinesEndParagraphs)
    var documents = DocumentSegmenter.documents(paragraphs, fileName: fileName, year: year)
    if documents.isEmpty, !tables.cells.isEmpty {
      // Nothing but a table (an annex): one document named after the file.
      var info = DocumentInfo(title: fileName, firstLine: 1, lastLine: source.lines.count)
      info.year = year
      documents = [(info, 0..<0)]
    }
    var candidates: [Candidate] = []
    for (index, (info, range)) in documents.enumerated() {
      var finder = GoalFinder(
        source: source, paragraphs: paragraphs, info: info, document: index)
      candidates += finder.run(range)
    }
    for cell in tables.cells {
      let document = documents.lastIndex { $0.0.firstLine <= cell.line } ?? 0
      candidates.append(
        Candidate(
          metric: cell.metric, value: cell.value, valueMax: nil, unit: cell.unit,
          comparator: .atLeast, kind: IndicatorTable.kind(of: cell), due: cell.due,
          dueInferred: false, perYear: false, line: cell.line, quote: cell.quote, lead: [],
          document: document))
    }
    // A figure no store would take (a run of hundreds of digits, a scale that overflows) is
    // not a goal.
    candidates.removeAll { c in
      [c.value, c.valueMax ?? 0].contains { !$0.isFinite || abs($0) > ValueInput.maximumMagnitude }
    }
    // In the order of the text; stable, so candidates on one line keep their order.
    let ordered = candidates.enumerated().sorted {
      ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
    }
    return Extraction(documents: documents.map(\.0), candidates: ordered.map(\.element))
  }
}
