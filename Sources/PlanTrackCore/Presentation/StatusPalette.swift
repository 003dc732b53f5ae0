/// The eight ANSI colours every colour terminal has.
public enum ANSIColor: Int, Hashable, Sendable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
}

/// How each status is coloured wherever it is drawn: one palette for the dashboard (on a
/// terminal's eight colours) and for the HTML report, so a status looks alike in both.
extension Status {
  /// The status's colour on a terminal; `nil` for no data (drawn dim).
  public var terminalColor: ANSIColor? {
    switch self {
    case .achieved, .onTrack: .green
    case .needsAcceleration: .yellow
    case .offTrack: .red
    case .missed: .magenta
    case .noData: nil
    }
  }

  /// Whether the status is drawn bold: the ones that ask for attention, and achieved.
  public var isEmphasised: Bool { self != .onTrack && self != .noData }

  /// Whether the status still stands out without colour (`NO_COLOR`, a monochrome terminal).
  public var needsAttention: Bool { self == .offTrack || self == .missed }

  /// The same colour for HTML and SVG: a darker green for achieved than for on track.
  public var htmlColor: String {
    switch self {
    case .achieved: "#1b7f3b"
    case .onTrack: "#3f9f5f"
    case .needsAcceleration: "#b7791f"
    case .offTrack: "#c62828"
    case .missed: "#8e24aa"
    case .noData: "#757575"
    }
  }
}
