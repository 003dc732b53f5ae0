import CNCursesW
import PlanTrackUI
import Testing

@testable import PlanTrackTerminal

/// What `getmouse` reads → the mouse event the dashboard sees, and when `mousemask` is asked.
@Suite("Mouse decoding")
struct MouseDecodingTests {
  @Test func theMouseCodeAsksForTheEvent() {
    #expect(NCURSES_MOUSE_VERSION == 2)
    #expect(KeyDecoder.decode(UInt32(KEY_MOUSE), isKeyCode: true) == .mouse)
    // A character with the code's value is a character.
    #expect(KeyDecoder.decode(UInt32(KEY_MOUSE), isKeyCode: false) != .mouse)
  }

  @Test(
    arguments: [
      (pt_button1_clicked(), MouseEvent.Kind.click),
      (pt_button1_pressed(), .click),
      (pt_button1_double_clicked(), .doubleClick),
      (pt_button4_pressed(), .wheelUp),
      (pt_button5_pressed(), .wheelDown),
    ] as [(UInt, MouseEvent.Kind)])
  func buttonStates(state: UInt, kind: MouseEvent.Kind) {
    #expect(
      KeyDecoder.decodeMouse(x: 12, y: 7, state: state) == MouseEvent(x: 12, y: 7, kind: kind))
  }

  /// Masks Swift cannot import, as ncurses' NCURSES_MOUSE_MASK (mouse version 2) makes them.
  static let button2Clicked: UInt = 0o4 << 5
  static let button3Pressed: UInt = 0o2 << 10
  static let reportPosition: UInt = 0o10 << 25

  /// A release follows the press that already selected; other buttons and moves mean nothing.
  @Test(arguments: [pt_button1_released(), button2Clicked, button3Pressed, reportPosition, 0])
  func otherStatesAreIgnored(state: UInt) {
    #expect(KeyDecoder.decodeMouse(x: 1, y: 1, state: state) == nil)
  }

  /// The events asked for: the first button's clicks and the wheel, and nothing else.
  @Test func theMaskHasTheClicksAndTheWheel() {
    let mask = KeyDecoder.mouseEvents
    for bit in [
      pt_button1_pressed(), pt_button1_released(), pt_button1_clicked(),
      pt_button1_double_clicked(), pt_button4_pressed(), pt_button5_pressed(),
    ] {
      #expect(bit != 0 && mask & bit == bit)
    }
    #expect(mask & Self.reportPosition == 0)
  }

  /// With the mouse off, `mousemask` is not called at all; on, once, with the events.
  @Test func mousemaskOnlyWhenTheMouseIsOn() {
    var calls: [UInt] = []
    #expect(
      !Terminal.enableMouse(false) {
        calls.append($0); return $0
      })
    #expect(calls.isEmpty)
    #expect(
      Terminal.enableMouse(true) {
        calls.append($0); return $0
      })
    #expect(calls == [KeyDecoder.mouseEvents])
    // A terminal without a mouse grants none.
    #expect(!Terminal.enableMouse(true) { _ in 0 })
  }
}
