/// A key press, as the terminal layer decodes it.
public enum Key: Hashable, Sendable {
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  /// A printable character (letters, digits, Chinese, punctuation).
  case char(Character)
  /// A control key: `.control("c")`.
  case control(Character)
}
