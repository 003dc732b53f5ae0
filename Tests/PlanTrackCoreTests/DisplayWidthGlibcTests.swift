#if canImport(Glibc)
  import CNCursesW
  import Foundation
  import Glibc
  import PlanTrackCore
  import Testing

  /// Checks `DisplayWidth` against glibc's `wcwidth()` (C.UTF-8) for the text users really
  /// have: every distinct character of the seed plan documents in `../shared/seeds/`.
  ///
  /// Documented differences, which the comparison allows for:
  /// - glibc returns -1 for controls (newline, tab); `DisplayWidth` says 0 columns.
  /// - glibc measures scalars, not clusters. For a cluster the glibc width is the sum over its
  ///   scalars (what `wcswidth()` gives), which equals `DisplayWidth`'s "width of the base"
  ///   for base + combining marks and Hangul jamo. Emoji sequences (containing U+FE0F or
  ///   U+200D, or a regional-indicator flag) are two columns in `DisplayWidth`, as
  ///   grapheme-aware terminals draw them, where glibc's sum would be 0 to 4: they are
  ///   skipped here (the seeds have none) and covered by `DisplayWidthTests`.
  struct DisplayWidthGlibcTests {
    /// `Tests/PlanTrackCoreTests/<this file>` → `../../../shared/seeds`.
    static let seedsFolder = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()
      .appendingPathComponent("../../../shared/seeds")
      .standardizedFileURL

    @Test func seedCharactersAgreeWithGlibcWcwidth() throws {
      let folder = Self.seedsFolder
      let files =
        ((try? FileManager.default.contentsOfDirectory(
          at: folder, includingPropertiesForKeys: nil)) ?? [])
        .filter { $0.pathExtension == "txt" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
      guard !files.isEmpty else {
        Issue.record("No seed documents (*.txt) in \(folder.path): cannot compare with glibc")
        return
      }
      var clusters = Set<Character>()
      for file in files {
        clusters.formUnion(try String(contentsOf: file, encoding: .utf8))
      }
      // Every scalar on its own, too: that is where glibc's table applies directly.
      var scalars = Set<Unicode.Scalar>()
      for cluster in clusters { scalars.formUnion(cluster.unicodeScalars) }
      let characters = clusters.union(scalars.map { Character($0) })

      // wcwidth depends on LC_CTYPE only; leave the other categories alone for other tests.
      let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
      guard setlocale(LC_CTYPE, "C.UTF-8") != nil else {
        Issue.record("The C.UTF-8 locale is not available: cannot compare with glibc")
        return
      }
      defer { _ = setlocale(LC_CTYPE, previous ?? "C") }
      try #require(pt_wcwidth(0x4E2D) == 2, "wcwidth(中) is not 2: the locale is not UTF-8")

      var mismatches: [String] = []
      var checked = 0
      let ordered = characters.sorted {
        $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
      }
      for c in ordered {
        guard let expected = Self.glibcWidth(of: c) else { continue }
        checked += 1
        let ours = DisplayWidth.of(c)
        if ours != expected {
          let codes = c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
          mismatches.append(
            "\(codes.joined(separator: " ")) \(c.debugDescription): "
              + "DisplayWidth \(ours), glibc \(expected)")
        }
      }
      #expect(checked > 1000, "only \(checked) distinct seed characters were checked")
      #expect(
        mismatches.isEmpty,
        """
        \(mismatches.count) of \(checked) distinct seed characters disagree \
        with glibc wcwidth:
        \(mismatches.joined(separator: "\n"))
        """)
    }

    /// The width glibc gives a cluster (controls count 0), or nil for an emoji sequence.
    static func glibcWidth(of c: Character) -> Int? {
      let values = c.unicodeScalars.map(\.value)
      let isEmojiSequence =
        values.contains(0xFE0F) || values.contains(0x200D)
        || values.filter { (0x1F1E6...0x1F1FF).contains($0) }.count == 2
      if values.count > 1 && isEmojiSequence { return nil }
      return values.reduce(0) { $0 + max(Int(pt_wcwidth($1)), 0) }
    }
  }
#endif
