import PlanTrackCore

/// The eight ANSI colours every colour terminal has (Core's, which also holds the status
/// palette).
public typealias Color = ANSIColor

/// How a cell is drawn. Views choose styles through the `Theme`, which leaves the colours out
/// when there are none to use (`NO_COLOR`, a monochrome terminal, the monochrome theme: the
/// words stay, so nothing is said by colour alone); the terminal layer maps them to
/// attributes and colour pairs.
public struct Style: Hashable, Sendable {
  public var foreground: Color?
  public var background: Color?
  public var bold = false
  public var reverse = false
  public var dim = false
  public var underline = false
  /// The foreground's bright variant (colours 8–15 of a 16-colour terminal); a terminal with
  /// eight colours draws it bold instead. Themes set it only in 16-colour mode.
  public var bright = false

  public init(
    foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
    reverse: Bool = false, dim: Bool = false, underline: Bool = false, bright: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.dim = dim
    self.underline = underline
    self.bright = bright
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
