/// What a terminal backend reads besides nothing: a key, or the screen's new size.
public enum TerminalInput: Hashable, Sendable {
  /// A key press, decoded.
  case key(Key)
  /// The screen changed size; the backend has already taken the new size as its own.
  case resize(width: Int, height: Int)
}
