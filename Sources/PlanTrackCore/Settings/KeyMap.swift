/// The dashboard's keys: for each view, what each key does. The standard map is
/// `DashboardAction.defaultKeys`; settings rebind actions (`keys: { quit: [x] }`), and a key
/// a user gives to an action is taken from any action that had it by default in that view.
public struct KeyMap: Sendable, Equatable {
  private var bindings: [DashboardAction.View: [Key: DashboardAction]] = [:]
  private var keysOf: [DashboardAction.View: [DashboardAction: [Key]]] = [:]

  /// The keys of every action as `DashboardAction.defaultKeys` gives them.
  public static let standard = KeyMap(overrides: [:])

  /// Two actions a user bound to the same key in one view.
  public struct Conflict: Equatable, Sendable {
    public var key: Key
    public var view: DashboardAction.View
    public var actions: [DashboardAction]
  }

  /// The map with `overrides` applied, and the conflicts among them (each conflicting action
  /// keeps its standard keys instead).
  public init(overrides: [DashboardAction: [Key]]) {
    self = Self.make(overrides).map
  }

  public static func make(_ overrides: [DashboardAction: [Key]]) -> (
    map: KeyMap, conflicts: [Conflict]
  ) {
    var map = KeyMap(empty: ())
    var conflicts: [Conflict] = []
    for view in DashboardAction.View.allCases {
      let actions = DashboardAction.actions(of: view)
      // The user's keys first; a key two actions were given is a conflict, and both of those
      // actions fall back to their standard keys.
      var given: [Key: [DashboardAction]] = [:]
      for action in actions {
        for key in overrides[action] ?? [] { given[key, default: []].append(action) }
      }
      var clashing = Set<DashboardAction>()
      for (key, owners) in given where owners.count > 1 {
        conflicts.append(Conflict(key: key, view: view, actions: owners))
        clashing.formUnion(owners)
      }
      var keys: [DashboardAction: [Key]] = [:]
      var taken = Set<Key>()
      for action in actions {
        if let mine = overrides[action], !clashing.contains(action) {
          keys[action] = mine
          taken.formUnion(mine)
        }
      }
      for action in actions where keys[action] == nil {
        keys[action] = action.defaultKeys(in: view).filter { !taken.contains($0) }
        taken.formUnion(keys[action]!)
      }
      map.keysOf[view] = keys
      var bindings: [Key: DashboardAction] = [:]
      for action in actions {
        for key in keys[action]! where bindings[key] == nil { bindings[key] = action }
      }
      map.bindings[view] = bindings
    }
    conflicts.sort { ($0.view.rawValue, $0.key.name) < ($1.view.rawValue, $1.key.name) }
    return (map, conflicts)
  }

  private init(empty: ()) {}

  /// What `key` does in `view`, if anything.
  public func action(for key: Key, in view: DashboardAction.View) -> DashboardAction? {
    bindings[view]?[key]
  }

  /// The keys of `action` in `view`, in the order they were given.
  public func keys(for action: DashboardAction, in view: DashboardAction.View) -> [Key] {
    keysOf[view]?[action] ?? []
  }
}
