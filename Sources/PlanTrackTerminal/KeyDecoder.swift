import CNCursesW
import PlanTrackUI

/// Turns what ncurses' `wget_wch` returns into a key: a pure function, tested table by table.
public enum KeyDecoder {
  /// What one read decodes to.
  public enum Decoded: Hashable, Sendable {
    /// A key the dashboard knows.
    case key(Key)
    /// ncurses' `KEY_RESIZE`: the screen changed size (the terminal asks ncurses for the size).
    case resize
    /// ncurses' `KEY_MOUSE`: a mouse event waits (the terminal reads it with `getmouse`, and
    /// `decodeMouse` turns it into an event).
    case mouse
  }

  /// The keypad codes the dashboard uses (`KEY_*`, returned with `KEY_CODE_YES`).
  static let keyCodes: [Int32: Key] = [
    KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
    KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
    KEY_ENTER: .enter, KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_BTAB: .backTab,
  ]

  /// The mouse events the dashboard asks ncurses for (`mousemask`): the first button's press,
  /// release, click and double click, and the wheel (buttons 4 and 5 pressed).
  public static var mouseEvents: UInt {
    pt_button1_pressed() | pt_button1_released() | pt_button1_clicked()
      | pt_button1_double_clicked() | pt_button4_pressed() | pt_button5_pressed()
  }

  /// Turns what `getmouse` read (the cell and the button state) into a mouse event: a double
  /// click, a click (or a press that ncurses did not make a click of: a long press), a wheel
  /// turn. Nil for a release and anything else.
  public static func decodeMouse(x: Int, y: Int, state: UInt) -> MouseEvent? {
    let kind: MouseEvent.Kind
    if state & pt_button1_double_clicked() != 0 {
      kind = .doubleClick
    } else if state & (pt_button1_clicked() | pt_button1_pressed()) != 0 {
      kind = .click
    } else if state & pt_button4_pressed() != 0 {
      kind = .wheelUp
    } else if pt_button5_pressed() != 0, state & pt_button5_pressed() != 0 {
      kind = .wheelDown
    } else {
      return nil
    }
    return MouseEvent(x: x, y: y, kind: kind)
  }

  /// Decodes `ch`, a keypad code when `isKeyCode` (`wget_wch` returned `KEY_CODE_YES`) and a
  /// character otherwise. Nil for what the dashboard ignores: other keypad codes, NUL,
  /// control characters without a meaning, and values that are not Unicode scalars.
  public static func decode(_ ch: UInt32, isKeyCode: Bool) -> Decoded? {
    if isKeyCode {
      guard let code = Int32(exactly: ch) else { return nil }
      if code == KEY_RESIZE { return .resize }
      if code == KEY_MOUSE { return .mouse }
      return keyCodes[code].map { .key($0) }
    }
    switch ch {
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 9: return .key(.tab)
    case 8, 127: return .key(.backspace)
    case 1...26: return .key(.control(Character(Unicode.Scalar(ch + 96)!)))
    default:
      guard let scalar = Unicode.Scalar(ch), scalar.value >= 0x20 else { return nil }
      return .key(.char(Character(scalar)))
    }
  }
}
