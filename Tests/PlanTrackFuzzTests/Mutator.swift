import Foundation
import PlanTrackCore

/// A seeded mutation fuzzer: takes the corpus inputs and breaks them in the ways hand-edited
/// files and pasted text break, plus hostile content. The same seed gives the same inputs, so
/// any failure names the seed and iteration that replay it.
struct Mutator {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func next() -> UInt64 { random.next() }

  mutating func int(_ n: Int) -> Int { random.int(n) }

  /// Pieces that break parsers: control and escape sequences, bidi overrides, invalid UTF-8,
  /// NUL, huge and non-finite numbers, impossible dates, YAML and CSV syntax, long runs.
  static let hostile: [[UInt8]] = [
    [0], [0xFF], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], Array("\u{1B}[31m".utf8),
    Array("\u{1B}]0;title\u{07}".utf8), Array("\u{202E}".utf8), Array("\u{2066}".utf8),
    Array("\u{85}".utf8), Array("\u{FEFF}".utf8), Array("\r".utf8), Array("\r\n".utf8),
    Array("\t".utf8), Array("1e400".utf8), Array("-1e400".utf8), Array("NaN".utf8),
    Array("inf".utf8), Array("0x1F".utf8), Array("9999999999999999999999".utf8),
    Array("2025-02-30".utf8), Array("2025-13-01".utf8), Array("0000-00-00".utf8),
    Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(": ".utf8),
    Array("- ".utf8), Array("&a ".utf8), Array("*a".utf8), Array("!!binary ".utf8),
    Array("'".utf8), Array("\"".utf8), Array(",".utf8), Array("\"\"".utf8), Array("~".utf8),
    Array("%YAML 1.2\n".utf8), Array("---\n".utf8), Array("...\n".utf8),
    Array(String(repeating: "长", count: 10_000).utf8),
    Array(String(repeating: "9", count: 400).utf8),
    Array("万亿".utf8), Array("到2025年".utf8), Array("不少于".utf8), Array("％".utf8),
    Array("园援愿：".utf8), Array("１２３".utf8),
  ]

  /// One mutation of `input`: a flipped byte, a cut, a hostile piece inserted or replacing a
  /// range, a line doubled or dropped, or the input truncated.
  mutating func mutate(_ input: [UInt8]) -> [UInt8] {
    var b = input
    let rounds = 1 + int(4)
    for _ in 0..<rounds {
      let at = int(b.count + 1)
      switch int(7) {
      case 0:
        if !b.isEmpty { b[min(at, b.count - 1)] ^= UInt8(truncatingIfNeeded: 1 << int(8)) }
      case 1:
        let end = min(b.count, at + int(64))
        b.removeSubrange(at..<end)
      case 2:
        b.insert(contentsOf: Self.hostile[int(Self.hostile.count)], at: at)
      case 3:
        let end = min(b.count, at + int(16))
        b.replaceSubrange(at..<end, with: Self.hostile[int(Self.hostile.count)])
      case 4:
        let lines = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard !lines.isEmpty else { continue }
        var ls = lines.map(Array.init)
        let i = int(ls.count)
        if int(2) == 0 { ls.insert(ls[i], at: i) } else { ls.remove(at: i) }
        b = Array(ls.joined(separator: [UInt8(ascii: "\n")]))
      case 5:
        b = Array(b.prefix(at))
      default:
        b.insert(UInt8(truncatingIfNeeded: next()), at: at)
      }
    }
    return b
  }

  /// The seed corpus file `name`, as bytes.
  static func corpus(_ name: String) -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Corpus").appendingPathComponent(name)
    return Array((try? Data(contentsOf: url)) ?? Data())
  }

  /// Every input kept in Regressions/ whose name starts with `prefix`: inputs that once broke
  /// something, replayed on every run.
  static func regressions(_ prefix: String) -> [(name: String, bytes: [UInt8])] {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Regressions")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
      .filter { $0.hasPrefix(prefix) }.sorted()
    return names.map {
      ($0, Array((try? Data(contentsOf: dir.appendingPathComponent($0))) ?? Data()))
    }
  }
}
