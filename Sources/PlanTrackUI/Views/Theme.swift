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
  /// The mark of an expanded region in the region tree.
  public var groupExpanded: String { ascii ? "v " : "▾ " }
  public var ellipsis: String { ascii ? "~" : "…" }

  /// The colour of a status (`Status.terminalColor`); without colours, bold for the
  /// statuses that need attention.
  public func style(_ s: Status) -> Style {
    guard color else { return s.needsAttention ? .bold : .plain }
    return Style(foreground: s.terminalColor, bold: s.isEmphasised, dim: s == .noData)
  }

  /// The colour of a reporting board's cell; without colours, bold for those that need
  /// someone to act (the word says which).
  public func style(_ c: ReportingCell) -> Style {
    guard color else { return c.needsAction ? .bold : .plain }
    switch c {
    case .approved: return Style(foreground: .green)
    case .waiting: return Style(foreground: .cyan)
    case .notDue: return .dim
    case .late: return Style(foreground: .yellow, bold: true)
    case .returned: return Style(foreground: .magenta, bold: true)
    case .missing: return Style(foreground: .red, bold: true)
    }
  }

  /// Text that explains a problem with what the user typed: red and bold, or bold alone.
  public var problem: Style { color ? Style(foreground: .red, bold: true) : .bold }

  /// A progress bar of `width` columns in this theme's glyphs (see `ProgressBar`).
  public func bar(share: Double?, expected: Double?, width: Int) -> String {
    ProgressBar.text(
      share: share, expected: expected, width: width, glyphs: (filled, empty, mark))
  }
}
