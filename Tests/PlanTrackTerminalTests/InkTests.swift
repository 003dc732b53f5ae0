import PlanTrackTerminal
import PlanTrackUI
import Testing

/// A style → the colour pair and boldness ncurses is given, by the terminal's colours.
@Suite("Terminal.Ink: styles on 256, 16, 8 and no colours")
struct InkTests {
  typealias Ink = Terminal.Ink

  @Test(
    arguments: [
      // A bright foreground is its colour + 8 from 16 colours up, bold below.
      (Style(foreground: .red, bright: true), 256, Ink(foreground: 9)),
      (Style(foreground: .red, bright: true), 16, Ink(foreground: 9)),
      (Style(foreground: .red, bright: true), 8, Ink(foreground: 1, bold: true)),
      (Style(foreground: .white, bold: true, bright: true), 16, Ink(foreground: 15, bold: true)),
      // Without colours no pair; bright is still bold.
      (Style(foreground: .red, bright: true), 0, Ink(bold: true)),
      (Style(foreground: .green), 0, Ink()),
      // Plain colours and backgrounds are their own numbers; a background is never bright.
      (Style(foreground: .green), 16, Ink(foreground: 2)),
      (Style(background: .blue, bright: true), 16, Ink(background: 4, bold: true)),
      (Style(foreground: .yellow, background: .black), 8, Ink(foreground: 3, background: 0)),
      (Style.bold, 16, Ink(bold: true)),
      (Style.plain, 8, Ink()),
    ] as [(Style, Int, Ink)])
  func inkOfAStyle(style: Style, colors: Int, ink: Ink) {
    #expect(Ink(style, colors: colors) == ink)
  }
}
