/// A key press, as the terminal layer decodes it and as settings name it (`q`, `ctrl-c`,
/// `down`, `enter`, `space`).
public enum Key: Hashable, Sendable {
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  /// A printable character (letters, digits, Chinese, punctuation).
  case char(Character)
  /// A control key: `.control("c")`.
  case control(Character)

  /// The names settings use for the keys that are not one character.
  public static let names: [(String, Key)] = [
    ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("pageup", .pageUp),
    ("pagedown", .pageDown), ("home", .home), ("end", .end), ("enter", .enter),
    ("escape", .escape), ("esc", .escape), ("tab", .tab), ("backtab", .backTab),
    ("shift-tab", .backTab), ("backspace", .backspace), ("delete", .delete),
    ("space", .char(" ")),
  ]

  /// Reads a key as settings write it: one character (`q`, `G`, `/`, `?`), a name (`down`,
  /// `pagedown`, `enter`, `esc`, `space`), or `ctrl-` and a letter. Nil for anything else.
  public init?(name: String) {
    let lower = name.lowercased()
    if let (_, key) = Self.names.first(where: { $0.0 == lower }) {
      self = key
    } else if lower.hasPrefix("ctrl-") || lower.hasPrefix("c-"), let c = lower.last,
      lower.count == (lower.hasPrefix("c-") ? 3 : 6), c.isASCII, c.isLetter
    {
      self = .control(c)
    } else if name.count == 1, let c = name.first, !c.isWhitespace,
      !c.unicodeScalars.contains(where: \.isControlOrBidi)
    {
      self = .char(c)
    } else {
      return nil
    }
  }

  /// Why this key never reaches the dashboard as itself, or nil: the terminal keeps some
  /// control keys (flow control, suspend) and sends others as named keys.
  public var unreceivable: String? {
    guard case .control(let c) = self else { return nil }
    switch c {
    case "s", "q": return "ctrl-\(c) is taken by the terminal's flow control"
    case "z": return "ctrl-z suspends the program"
    case "h": return "ctrl-h arrives as backspace; write backspace"
    case "i": return "ctrl-i arrives as tab; write tab"
    case "j", "m": return "ctrl-\(c) arrives as enter; write enter"
    default: return nil
    }
  }

  /// The key as settings, the help screen and the footer write it: `q`, `ctrl-c`, `↓`/`down`.
  public var name: String {
    switch self {
    case .char(" "): "space"
    case .char(let c): String(c)
    case .control(let c): "ctrl-\(c)"
    default: Self.names.first { $0.1 == self }!.0
    }
  }
}
