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
  }

  /// The keypad codes the dashboard uses (`KEY_*`, returned with `KEY_CODE_YES`).
  static let keyCodes: [Int32: Key] = [
    KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
    KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
    KEY_ENTER: .enter, KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_BTAB: .backTab,
  ]

  /// Decodes `ch`, a keypad code when `isKeyCode` (`wget_wch` returned `KEY_CODE_YES`) and a
  /// character otherwise. Nil for what the dashboard ignores: other keypad codes, NUL,
  /// control characters without a meaning, and values that are not Unicode scalars.
  public static func decode(_ ch: UInt32, isKeyCode: Bool) -> Decoded? {
    if isKeyCode {
      guard let code = Int32(exactly: ch) else { return nil }
      if code == KEY_RESIZE { return .resize }
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
