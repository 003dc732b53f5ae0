import PlanTrackCore

extension AppState {
  /// The settings' theme in the settings' colour mode, resolved against the terminal's
  /// colours (`ColorMode.resolved`), with ASCII glyphs when `ascii`.
  public var theme: Theme {
    Theme(
      name: settings.theme,
      colors: settings.colors.resolved(terminalColors: terminalColors, allowed: color),
      ascii: ascii)
  }

  /// Draws the whole screen for this state.
  /// - Complexity: O(width × height + targets).
  public func render() -> ScreenBuffer {
    var b = ScreenBuffer(width: width, height: height)
    let theme = theme
    if isTooSmall {
      drawTooSmall(&b)
      theme.finish(&b)
      return b
    }
    var top = 0
    if let banner {
      b.fill(x: 0, y: 0, width: width, height: 1, style: .reverse)
      b.put(banner, x: 1, y: 0, style: Style(bold: true, reverse: true))
      top = 1
    }
    switch mode {
    case .overview:
      OverviewView(state: self, theme: theme).draw(into: &b, top: top)
    case .detail:
      DetailView(state: self, theme: theme).draw(into: &b, top: top)
    case .form:
      if selectedKey.map({ histories[$0] != nil }) == true {
        DetailView(state: self, theme: theme).draw(into: &b, top: top)
      } else {
        OverviewView(state: self, theme: theme).draw(into: &b, top: top)
      }
      FormView(state: self, theme: theme).draw(into: &b)
    case .board:
      BoardView(state: self, theme: theme).draw(into: &b, top: top)
      CommentFormView(state: self, theme: theme).draw(into: &b)
    case .help:
      HelpView(state: self, theme: theme).draw(into: &b, top: top)
    }
    theme.finish(&b)
    return b
  }

  func drawTooSmall(_ b: inout ScreenBuffer) {
    let lines = [labels.tooSmall, "\(width)×\(height)", "q"]
    for (k, line) in lines.enumerated() {
      let w = DisplayWidth.of(line)
      let y = max(0, height / 2 - 1 + k)
      b.put(line, x: max(0, (width - w) / 2), y: y, style: k == 0 ? .bold : .plain)
    }
  }
}
