/// What a key does in the dashboard, by the name settings use (`keys: { quit: [q, ctrl-c] }`).
/// Each view has its actions; one key may mean different things in different views, never two
/// things in one. Typing into the filter, a form or a comment is not an action.
public enum DashboardAction: String, CaseIterable, Sendable {
  case quit, help, reload
  case up, down, pageUp = "page-up", pageDown = "page-down", top, bottom
  case open, back, fold, add, undo, filter
  case clearFilter = "clear-filter"
  case sort, group, export, board
  case status1 = "toggle-on-track", status2 = "toggle-needs-acceleration"
  case status3 = "toggle-off-track", status4 = "toggle-missed", status5 = "toggle-achieved"
  case status6 = "toggle-no-data"
  case nextTarget = "next-target", previousTarget = "previous-target"
  case nextSection = "next-section", previousSection = "previous-section"
  case left, right, approve
  case returnFigure = "return"

  /// The views of the dashboard, each with its own keys.
  public enum View: String, CaseIterable, Sendable {
    case overview, detail, board
  }

  /// The actions of `view`, in the order the help screen lists them.
  public static func actions(of view: View) -> [DashboardAction] {
    switch view {
    case .overview:
      [
        .up, .down, .pageUp, .pageDown, .top, .bottom, .open, .fold, .add, .undo, .filter,
        .clearFilter, .status1, .status2, .status3, .status4, .status5, .status6, .sort, .group,
        .export, .board, .reload, .help, .quit,
      ]
    case .detail:
      [
        .up, .down, .pageUp, .pageDown, .top, .back, .nextSection, .previousSection, .nextTarget,
        .previousTarget, .add, .undo, .export, .reload, .help, .quit,
      ]
    case .board:
      [
        .up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom, .approve, .returnFigure,
        .group, .back, .help, .quit,
      ]
    }
  }

  /// The keys an action has unless settings say otherwise, in `view`.
  public func defaultKeys(in view: View) -> [Key] {
    switch (self, view) {
    case (.quit, _): [.char("q"), .control("c")]
    case (.help, _): [.char("?")]
    case (.reload, _): [.char("g")]
    case (.up, _): [.up, .char("k")]
    case (.down, _): [.down, .char("j")]
    case (.pageUp, _): [.pageUp, .control("b")]
    case (.pageDown, _): [.pageDown, .control("f")]
    case (.top, _): [.home]
    case (.bottom, _): [.end, .char("G")]
    case (.open, _): [.enter, .right, .char("l")]
    case (.back, .detail): [.escape, .left, .char("h"), .backspace]
    case (.back, _): [.escape, .char("r")]
    case (.fold, _): [.char("z"), .char(" ")]
    case (.add, _): [.char("a")]
    case (.undo, _): [.char("u")]
    case (.filter, _): [.char("/")]
    case (.clearFilter, _): [.escape]
    case (.sort, _): [.char("s")]
    case (.group, _): [view == .board ? .char("g") : .char("b")]
    case (.export, _): [.char("e")]
    case (.board, _): [.char("r")]
    case (.status1, _): [.char("1")]
    case (.status2, _): [.char("2")]
    case (.status3, _): [.char("3")]
    case (.status4, _): [.char("4")]
    case (.status5, _): [.char("5")]
    case (.status6, _): [.char("6")]
    case (.nextTarget, _): [.char("]")]
    case (.previousTarget, _): [.char("[")]
    case (.nextSection, _): [.tab]
    case (.previousSection, _): [.backTab]
    case (.left, _): [.left, .char("h")]
    case (.right, _): [.right, .char("l")]
    case (.approve, _): [.char("A")]
    case (.returnFigure, _): [.char("R")]
    }
  }
}
