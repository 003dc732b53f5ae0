/// The file a plan's text was read from, as the candidates cite it: its name, the SHA-256 of
/// its bytes (recorded in the target file's `source`, so a reviewer can tell the copy on the
/// desk is the one the candidates came from), and how a line of the text maps back to it.
public struct PlanSource: Sendable, Equatable {
  public var file: String
  public var sha256: String?
  /// For a paged document (a PDF): the line of the text where each page starts; a candidate
  /// then cites `page` and the line on that page.
  public var pageStarts: [Int]?

  public init(file: String, sha256: String? = nil, pageStarts: [Int]? = nil) {
    self.file = file
    self.sha256 = sha256
    self.pageStarts = pageStarts
  }

  /// Where line `line` of the text stands in the file: a page and a line on it for a PDF, else
  /// the line (for a .docx, the paragraph).
  public func place(ofLine line: Int) -> (page: Int?, line: Int) {
    guard let starts = pageStarts, let k = starts.lastIndex(where: { $0 <= line }) else {
      return (nil, line)
    }
    return (k + 1, line - starts[k] + 1)
  }

  /// `plan.pdf:p12:l7`, `plan.txt:7`.
  public func citation(ofLine line: Int) -> String {
    let p = place(ofLine: line)
    return p.page.map { "\(file):p\($0):l\(p.line)" } ?? "\(file):\(p.line)"
  }
}
