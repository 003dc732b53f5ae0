import PlanTrackCore

/// Glyphs and styles: Unicode blocks and lines, or plain ASCII for terminals and locales that
/// cannot draw them; the colours and emphasis of a theme (`ThemeName`) in a colour mode.
///
/// - default: for dark terminals, the eight colours (the same with sixteen).
/// - light: for light backgrounds: no yellow, cyan or white text (blue instead), nothing bright.
/// - high contrast: every colour bold, and bright where there are sixteen; nothing dim; the
///   selection reverse and bold.
/// - monochrome, and any theme without colours: bold, underline, dim and reverse only.
///
/// Every status and board cell keeps its word beside its style, so nothing is said by colour
/// alone. Views pick styles here (`style(_:)`, `problem`, `selected(_:)`); `finish(_:)` then
/// has the last word on every cell of the screen.
public struct Theme: Hashable, Sendable {
  public let name: ThemeName
  /// The colours drawn with: 16, 8 or 0 (see `ColorMode.resolved`).
  public let colors: Int
  public let ascii: Bool

  /// `colors` is taken as 16 from 16 up, 8 from 8 up, none below.
  public init(name: ThemeName, colors: Int, ascii: Bool) {
    self.name = name
    self.colors = colors >= 16 ? 16 : colors >= 8 ? 8 : 0
    self.ascii = ascii
  }

  /// The default theme on eight colours, or without colours.
  public init(ascii: Bool, color: Bool) {
    self.init(name: .default, colors: color ? 8 : 0, ascii: ascii)
  }

  /// Whether anything is coloured: there are colours and the theme is not monochrome.
  public var color: Bool { colors >= 8 && name != .monochrome }

  public var filled: Character { ascii ? "#" : "█" }
  public var empty: Character { ascii ? "." : "░" }
  public var mark: Character { ascii ? "|" : "│" }
  public var rule: Character { ascii ? "-" : "─" }
  public var groupOpen: String { ascii ? "> " : "▸ " }
  /// The mark of an expanded region in the region tree.
  public var groupExpanded: String { ascii ? "v " : "▾ " }
  public var ellipsis: String { ascii ? "~" : "…" }

  /// Text in colour `c` (bold when `bold`): as it is in the default theme; on a light
  /// background the pale colours become blue (white black); in high contrast bold always,
  /// and bright with sixteen colours.
  func ink(_ c: Color, bold: Bool = false) -> Style {
    switch name {
    case .default, .monochrome:
      return Style(foreground: c, bold: bold)
    case .light:
      let dark: Color =
        switch c {
        case .yellow, .cyan: .blue
        case .white: .black
        default: c
        }
      return Style(foreground: dark, bold: bold)
    case .highContrast:
      return Style(foreground: c, bold: true, bright: colors >= 16)
    }
  }

  /// What is secondary (no data, not due): dim, or plain in high contrast.
  var quiet: Style { name == .highContrast ? .plain : .dim }

  /// A status's style: its colour (`Status.terminalColor`), bold for those that ask for
  /// attention and achieved. Without colours: bold for off track and missed, underlined for
  /// needs acceleration, dim for no data.
  public func style(_ s: Status) -> Style {
    guard color, let c = s.terminalColor else {
      switch s {
      case .offTrack, .missed: return .bold
      case .needsAcceleration: return Style(underline: true)
      case .achieved, .onTrack: return .plain
      case .noData: return quiet
      }
    }
    return ink(c, bold: s.isEmphasised)
  }

  /// A reporting board cell's style. Without colours: bold for missing and returned,
  /// underlined for late (those need someone to act), dim for not due.
  public func style(_ c: ReportingCell) -> Style {
    guard color else {
      switch c {
      case .missing, .returned: return .bold
      case .late: return Style(underline: true)
      case .approved, .waiting: return .plain
      case .notDue: return quiet
      }
    }
    switch c {
    case .approved: return ink(.green)
    case .waiting: return ink(.cyan)
    case .notDue: return quiet
    case .late: return ink(.yellow, bold: true)
    case .returned: return ink(.magenta, bold: true)
    case .missing: return ink(.red, bold: true)
    }
  }

  /// Text that explains a problem with what the user typed: red and bold, or bold alone.
  public var problem: Style { color ? ink(.red, bold: true) : .bold }

  /// A selected row or cell: reversed, and bold as well in high contrast.
  public func selected(_ s: Style) -> Style {
    var s = s
    s.reverse = true
    if name == .highContrast { s.bold = true }
    return s
  }

  /// The theme's last word on a cell's style, whatever view drew it: no colour without
  /// colours or in monochrome, no bright colour with eight (bold instead), nothing dim in
  /// high contrast.
  public func finish(_ s: Style) -> Style {
    var s = s
    if !color {
      s.foreground = nil
      s.background = nil
      s.bright = false
    } else if colors < 16, s.bright {
      s.bright = false
      s.bold = true
    }
    if name == .highContrast { s.dim = false }
    return s
  }

  /// Applies `finish` to every cell of `b`.
  public func finish(_ b: inout ScreenBuffer) {
    for y in 0..<b.height { b.restyle(y: y, from: 0, to: b.width, finish) }
  }

  /// A progress bar of `width` columns in this theme's glyphs (see `ProgressBar`).
  public func bar(share: Double?, expected: Double?, width: Int) -> String {
    ProgressBar.text(
      share: share, expected: expected, width: width, glyphs: (filled, empty, mark))
  }
}

extension ColorMode {
  /// The colours the dashboard draws with — 16, 8 or 0 — on a terminal of `terminalColors`
  /// colours (ncurses' `COLORS`) where colours are `allowed` (`NO_COLOR` is not set): `auto`
  /// takes 16 from 16 colours up, 8 from 8 up, none below them or when not allowed; `16`, `8`
  /// and `none` are the user's word, `NO_COLOR` or not (a terminal with fewer draws a bright
  /// colour bold, and colours only when it has them).
  public func resolved(terminalColors: Int, allowed: Bool) -> Int {
    switch self {
    case .auto:
      guard allowed else { return 0 }
      return terminalColors >= 16 ? 16 : terminalColors >= 8 ? 8 : 0
    case .sixteen: return 16
    case .eight: return 8
    case .none: return 0
    }
  }
}
