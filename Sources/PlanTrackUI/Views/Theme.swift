import PlanTrackCore

/// Glyphs and colours: Unicode blocks and lines, or plain ASCII for terminals and locales
/// that cannot draw them; colours only when allowed (status words always stay).
public struct Theme: Sendable {
  public let ascii: Bool
  public let color: Bool

  public init(ascii: Bool, color: Bool) {
    self.ascii = ascii
    self.color = color
  }

  public var filled: Character { ascii ? "#" : "█" }
  public var empty: Character { ascii ? "." : "░" }
  public var mark: Character { ascii ? "|" : "│" }
  public var rule: Character { ascii ? "-" : "─" }
  public var groupOpen: String { ascii ? "> " : "▸ " }
  public var ellipsis: String { ascii ? "~" : "…" }

  /// The colour of a status.
  public func style(_ s: Status) -> Style {
    guard color else { return s == .offTrack || s == .missed ? .bold : .plain }
    switch s {
    case .achieved: return Style(foreground: .green, bold: true)
    case .onTrack: return Style(foreground: .green)
    case .needsAcceleration: return Style(foreground: .yellow, bold: true)
    case .offTrack: return Style(foreground: .red, bold: true)
    case .missed: return Style(foreground: .magenta, bold: true)
    case .noData: return Style(dim: true)
    }
  }

  /// A progress bar of `width` columns: filled to `share` (clamped to 0…1), with the
  /// expected-by-now mark at `expected` when there is one.
  public func bar(share: Double?, expected: Double?, width: Int) -> String {
    guard width > 0 else { return "" }
    var cells = Array(repeating: empty, count: width)
    if let share, share.isFinite {
      let n = Int((min(max(share, 0), 1) * Double(width)).rounded())
      for i in 0..<n { cells[i] = filled }
    }
    if let expected, expected.isFinite {
      let i = min(width - 1, max(0, Int((min(max(expected, 0), 1) * Double(width)).rounded()) - 1))
      cells[i] = mark
    }
    return String(cells)
  }
}

/// Figures as the dashboard prints them: fewer decimals for larger numbers.
enum Figure {
  static func text(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "—" }
    let a = abs(v)
    let digits = a >= 1000 ? 0 : a >= 100 ? 1 : 2
    return NumberText.plain(v, digits: digits)
  }
}
