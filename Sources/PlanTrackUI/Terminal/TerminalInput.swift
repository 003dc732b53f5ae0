/// What a terminal backend reads besides nothing: a key, a mouse event, or the screen's new
/// size.
public enum TerminalInput: Hashable, Sendable {
  /// A key press, decoded.
  case key(Key)
  /// A mouse event, decoded (a backend reports none unless it was asked for them).
  case mouse(MouseEvent)
  /// The screen changed size; the backend has already taken the new size as its own.
  case resize(width: Int, height: Int)
}
