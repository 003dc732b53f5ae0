/// A mouse event as the terminal layer decodes it: where, in screen cells from the top left
/// (0, 0), and what happened there. Only clicks of the first button and the wheel are kept.
public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case click, doubleClick, wheelUp, wheelDown
  }

  public var x: Int
  public var y: Int
  public var kind: Kind

  public init(x: Int, y: Int, kind: Kind) {
    self.x = x
    self.y = y
    self.kind = kind
  }

  public static func click(x: Int, y: Int) -> MouseEvent { MouseEvent(x: x, y: y, kind: .click) }
  public static func doubleClick(x: Int, y: Int) -> MouseEvent {
    MouseEvent(x: x, y: y, kind: .doubleClick)
  }
  public static func wheelUp(x: Int = 0, y: Int = 0) -> MouseEvent {
    MouseEvent(x: x, y: y, kind: .wheelUp)
  }
  public static func wheelDown(x: Int = 0, y: Int = 0) -> MouseEvent {
    MouseEvent(x: x, y: y, kind: .wheelDown)
  }
}
