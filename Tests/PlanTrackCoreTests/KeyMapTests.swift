import Testing

@testable import PlanTrackCore

/// Keys as settings name them, and the key map the dashboard reads them through.
struct KeyMapTests {
  static let names: [(String, Key?)] = [
    ("q", .char("q")), ("G", .char("G")), ("/", .char("/")), ("?", .char("?")),
    ("ctrl-c", .control("c")), ("Ctrl-X", .control("x")), ("c-b", .control("b")),
    ("down", .down), ("PageDown", .pageDown), ("esc", .escape), ("escape", .escape),
    ("enter", .enter), ("space", .char(" ")), ("shift-tab", .backTab), ("退", .char("退")),
    ("", nil), ("qq", nil), ("ctrl-1", nil), ("ctrl-", nil), ("\u{1B}", nil), ("f13", nil),
  ]

  @Test(arguments: names)
  func keyNames(_ name: String, _ key: Key?) {
    #expect(Key(name: name) == key, "\(name)")
    if let key { #expect(Key(name: key.name) == key) }
  }

  @Test func theStandardMapIsEachActionsDefaultKeys() {
    let map = KeyMap.standard
    for view in DashboardAction.View.allCases {
      for action in DashboardAction.actions(of: view) {
        #expect(map.keys(for: action, in: view) == action.defaultKeys(in: view), "\(action)")
        for key in action.defaultKeys(in: view) {
          #expect(map.action(for: key, in: view) == action, "\(key) in \(view)")
        }
      }
    }
    #expect(map.action(for: .char("b"), in: .overview) == .group)
    #expect(map.action(for: .char("g"), in: .board) == .group)
    #expect(map.action(for: .char("g"), in: .overview) == .reload)
    #expect(map.action(for: .char("x"), in: .overview) == nil)
  }

  /// (the user's keys, key, view, what it does then)
  static let rebinds: [([DashboardAction: [Key]], Key, DashboardAction.View, DashboardAction?)] = [
    ([.quit: [.char("x")]], .char("x"), .overview, .quit),
    ([.quit: [.char("x")]], .char("q"), .overview, nil),
    ([.quit: [.char("x")]], .char("x"), .board, .quit),
    // A key the user gives is taken from the action that had it by default.
    ([.quit: [.char("j")]], .char("j"), .overview, .quit),
    ([.quit: [.char("j")]], .down, .overview, .down),
    ([.sort: [.char("S")], .add: [.char("s")]], .char("s"), .overview, .add),
  ]

  @Test(arguments: rebinds.indices)
  func aUsersKeysComeFirst(_ k: Int) {
    let (overrides, key, view, expected) = Self.rebinds[k]
    let (map, conflicts) = KeyMap.make(overrides)
    #expect(conflicts.isEmpty)
    #expect(map.action(for: key, in: view) == expected)
  }

  /// One key given to two actions of one view: a conflict, and both keep their standard keys.
  @Test func oneKeyForTwoActionsIsAConflict() {
    let (map, conflicts) = KeyMap.make([.up: [.char("j")], .down: [.char("j"), .down]])
    #expect(conflicts.map(\.view) == [.board, .detail, .overview])
    #expect(conflicts.allSatisfy { $0.key == .char("j") && Set($0.actions) == [.up, .down] })
    #expect(map.action(for: .char("j"), in: .overview) == .down)
    #expect(map.action(for: .char("k"), in: .overview) == .up)
    // The same key in two views is no conflict: approve (board) and add (overview) on "a".
    let (_, none) = KeyMap.make([.approve: [.char("a")]])
    #expect(none.isEmpty)
  }
}
