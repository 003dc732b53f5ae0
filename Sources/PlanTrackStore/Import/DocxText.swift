import Foundation
import PlanTrackCore

/// The text of a Word document (.docx) as `extract` reads plans: one line per paragraph (so a
/// candidate's line is its paragraph's number), a table row as one line with its cells
/// separated by tabs (as PDF extraction gives indicator tables); a tab inside a paragraph stays
/// a tab (a row aligned with tabs reads as a table row), a line break becomes a space. Deleted text of tracked changes, field codes, headers, footers and
/// footnotes are not the plan's text and are left out.
public enum DocxText {
  public typealias Failure = DocumentFailure

  public static func text(_ url: URL) throws(Failure) -> String {
    let name = url.lastPathComponent
    let package: ZipPackage
    do {
      package = try ZipPackage(url)
    } catch {
      throw Failure(
        code: .documentUnreadable,
        description: "\(name): not a .docx document (not a zip file)")
    }
    let bytes: [UInt8]
    do {
      guard let part = try package.part("word/document.xml") else {
        throw Failure(
          code: .documentUnreadable, description: "\(name): a zip without word/document.xml")
      }
      bytes = part
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(
        code: .documentUnreadable, description: "\(name): its text part cannot be read")
    }
    var scanner = XMLScanner(bytes)
    var lines: [String] = []
    var paragraph = ""
    var cells: [String] = []
    var cell = ""
    var tableDepth = 0
    var inText = false
    do {
      while let e = try scanner.next() {
        switch e {
        case .start("tbl", _, false): tableDepth += 1
        case .end("tbl"): tableDepth -= 1
        case .start("tr", _, false) where tableDepth == 1: cells = []
        case .end("tr") where tableDepth == 1:
          lines.append(cells.joined(separator: "\t"))
        case .start("tc", _, false) where tableDepth == 1: cell = ""
        case .end("tc") where tableDepth == 1:
          cells.append(cell.trimmingWhitespace)
        case .start("p", _, false): paragraph = ""
        case .start("p", _, true): if tableDepth == 0 { lines.append("") }
        case .end("p"):
          if tableDepth == 0 {
            lines.append(paragraph)
          } else {
            cell += (cell.isEmpty ? "" : " ") + paragraph
          }
        case .start("t", _, let closed): inText = !closed
        case .end("t"): inText = false
        case .start("tab", _, _): paragraph += "\t"
        case .start("br", _, _), .start("cr", _, _): paragraph += " "
        case .text(let t) where inText: paragraph += t
        default: break
        }
      }
    } catch {
      throw Failure(
        code: .documentUnreadable, description: "\(name): word/document.xml: \(error.message)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
