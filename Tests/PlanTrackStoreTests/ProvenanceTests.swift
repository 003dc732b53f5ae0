import Foundation
import PlanTrackCore
import Testing

@testable import PlanTrackStore

/// Every goal in the repository's `targets/` must be traceable to its plan: the quote stands
/// in the named seed file at the named line (after joining wrapped lines), and the value
/// stands in the quote.
@Suite("Provenance of the repository's targets")
struct ProvenanceTests {
  static let seeds = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/seeds")

  /// The garbled-font digits of the PDF extraction, as the plans print them.
  static let garbled: [Character: Character] = [
    "园": "0", "员": "1", "圆": "2", "猿": "3", "源": "4", "缘": "5", "远": "6", "苑": "7", "愿": "8",
    "怨": "9", "援": ".",
  ]

  /// A small whole number as a plan writes it in Chinese numerals: 3 → 三, 2 → 二 or 两,
  /// 12 → 十二, 20 → 二十.
  static func numerals(_ v: Double) -> [String] {
    guard v == v.rounded(), v > 0, v < 100 else { return [] }
    let digits = Array("零一二三四五六七八九")
    let n = Int(v)
    switch n {
    case 1..<10: return [String(digits[n])] + (n == 2 ? ["两"] : [])
    case 10: return ["十"]
    case 11..<20: return ["十" + String(digits[n - 10])]
    default: return [String(digits[n / 10]) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10]))]
    }
  }

  static func squeeze(_ s: some StringProtocol) -> String {
    String(
      s.filter { !$0.isWhitespace }.map { c -> Character in
        TextNormalizer.halfWidth(String(c)).first ?? c
      })
  }

  @Test func everyQuoteStandsAtItsLineAndHoldsItsValue() throws {
    let set = repositoryTargetSet
    try #require(!set.targets.isEmpty)
    var checked = 0
    var seedLines: [String: [Substring]] = [:]
    for target in set.targets {
      let file = try #require(target.document.sourceFile, "\(target.key) names no source file")
      if seedLines[file] == nil {
        let url = Self.seeds.appendingPathComponent(file)
        let text = try #require(
          try? String(contentsOf: url, encoding: .utf8), "cannot read \(url.path)")
        seedLines[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
      }
      let lines = seedLines[file]!
      for ms in target.milestones {
        let line = try #require(ms.line, "\(target.key) \(ms.due): no line")
        let quote = try #require(ms.quote, "\(target.key) \(ms.due): no quote")
        // The quote, and every place the plan restates the goal, by the same rule.
        for (line, quote) in [(line, quote)] + ms.restated.map({ ($0.line, $0.text) }) {
          #expect(
            line >= 1 && line <= lines.count, "\(target.key): line \(line) is outside \(file)")
          let window = lines[max(0, line - 4)..<min(lines.count, line + 3)].joined()
          #expect(
            Self.squeeze(window).contains(Self.squeeze(quote)),
            "\(target.key) \(ms.due): quote not found near \(file):\(line): \(quote)")
          let decoded = String(Self.squeeze(quote).map { Self.garbled[$0] ?? $0 })
          let values: [Double]
          switch ms.goal {
          case .range(let lo, let hi): values = [lo, hi]
          default: values = [ms.goal.pathValue(target.direction)]
          }
          for v in values {
            #expect(
              decoded.contains(NumberText.plain(v, digits: 6))
                || Self.numerals(v).contains { decoded.contains($0) },
              "\(target.key) \(ms.due): value \(NumberText.plain(v)) is not in the quote “\(quote)”"
            )
          }
          checked += 1
        }
      }
    }
    // 556 milestones and the 15 places where a plan restates one of them.
    #expect(checked >= 571)
  }
}
