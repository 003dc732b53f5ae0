/// A progress bar of cells, as the dashboard and the Markdown report draw it (each with its
/// own glyphs): filled up to the progress, with a mark where the plan expects it by now.
public enum ProgressBar {
  /// One cell of a bar.
  public enum Cell: Hashable, Sendable {
    case filled, empty, mark
  }

  /// `width` cells: filled to `share` (clamped to 0…1), the expected mark at `expected` when
  /// there is one (it takes the place of the cell it falls on).
  public static func cells(share: Double?, expected: Double?, width: Int) -> [Cell] {
    guard width > 0 else { return [] }
    var cells = Array(repeating: Cell.empty, count: width)
    if let share = clamped(share) {
      for i in 0..<Int((share * Double(width)).rounded()) { cells[i] = .filled }
    }
    if let expected = clamped(expected) {
      cells[min(width - 1, max(0, Int((expected * Double(width)).rounded()) - 1))] = .mark
    }
    return cells
  }

  /// `share` within 0…1; `nil` when there is none or it is not a number.
  public static func clamped(_ share: Double?) -> Double? {
    guard let share, share.isFinite else { return nil }
    return min(max(share, 0), 1)
  }

  /// The cells as text with the given glyphs.
  public static func text(
    share: Double?, expected: Double?, width: Int,
    glyphs: (filled: Character, empty: Character, mark: Character)
  ) -> String {
    String(
      cells(share: share, expected: expected, width: width).map { cell in
        switch cell {
        case .filled: glyphs.filled
        case .empty: glyphs.empty
        case .mark: glyphs.mark
        }
      })
  }
}

extension TargetStatus {
  /// Where the plan expects the target by now, as a share of the way from its start to the
  /// governing goal: the bar's mark. `nil` without a start or for flat goals.
  public var expectedShare: Double? {
    guard let e = expected, let start = start?.value, abs(goal - start) > 1e-12 else {
      return nil
    }
    return (e - start) / (goal - start)
  }

  /// The progress as a whole percentage: `64%`; `>999%` from 1,000% on (most often a figure
  /// typed in the wrong unit), so it keeps to its column; `—` without progress.
  public var progressText: String {
    guard let p = progress, p.isFinite else { return "—" }
    return p >= 9.995 ? ">999%" : NumberText.percent(p, digits: 0)
  }
}
