import PlanTrackCore

/// The eight ANSI colours every colour terminal has (Core's, which also holds the status
/// palette).
public typealias Color = ANSIColor

/// How a cell is drawn. Views choose styles; the terminal layer maps them to attributes and
/// colour pairs, and drops the colours on a monochrome terminal or under `NO_COLOR` (the
/// words stay, so nothing is said by colour alone).
public struct Style: Hashable, Sendable {
  public var foreground: Color?
  public var background: Color?
  public var bold = false
  public var reverse = false
  public var dim = false
  public var underline = false

  public init(
    foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
    reverse: Bool = false, dim: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.dim = dim
    self.underline = underline
  }

  /// No colour, no attribute.
  public static let plain = Style()
  public static let bold = Style(bold: true)
  public static let reverse = Style(reverse: true)
  public static let dim = Style(dim: true)

  /// This style with a foreground colour.
  public func colored(_ c: Color?) -> Style {
    var s = self
    s.foreground = c
    return s
  }
}
