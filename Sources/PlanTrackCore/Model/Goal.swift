/// Whether a higher or a lower value is the aim.
public enum Direction: String, Sendable, CaseIterable {
  case increase, decrease

  /// +1 for increase, −1 for decrease: multiply a difference by it to get "better is positive".
  public var sign: Double { self == .increase ? 1 : -1 }
}

/// What a milestone asks for: a comparator and its value(s).
public enum Goal: Hashable, Sendable {
  /// `>=`: 达到、以上、超过、不少于、力争.
  case atLeast(Double)
  /// `<=`: 以内、不超过、控制在.
  case atMost(Double)
  /// `~`: 左右、约; within `tolerance` (a share, 0.05 = 5%) of the value.
  case about(Double, tolerance: Double)
  /// `=`: exactly.
  case exactly(Double)
  /// A range, 1-2家.
  case range(min: Double, max: Double)

  /// The comparator as written in target files and JSON: `>=`, `<=`, `~`, `=`, `range`.
  public var comparator: String {
    switch self {
    case .atLeast: ">="
    case .atMost: "<="
    case .about: "~"
    case .exactly: "="
    case .range: "range"
    }
  }

  /// The value the trajectory aims at: the value itself, or for a range the bound that must be
  /// reached in `direction` (its minimum when increasing, its maximum when decreasing).
  public func pathValue(_ direction: Direction) -> Double {
    switch self {
    case .atLeast(let v), .atMost(let v), .about(let v, _), .exactly(let v): v
    case .range(let lo, let hi): direction == .increase ? lo : hi
    }
  }

  /// The least favourable value that still meets the goal: for an increase goal the actual
  /// must be at least this, for a decrease goal at most this.
  ///
  /// Overshooting in the favourable direction always meets a goal: 1,200 on "1,000万千瓦左右"
  /// is more than asked, not a failure.
  public func threshold(_ direction: Direction) -> Double {
    switch self {
    case .atLeast(let v), .atMost(let v), .exactly(let v): v
    case .about(let v, let tol): v - direction.sign * tol * abs(v)
    case .range(let lo, let hi): direction == .increase ? lo : hi
    }
  }

  /// Whether `actual` meets the goal, given the target's direction.
  public func isMet(by actual: Double, direction: Direction) -> Bool {
    let t = threshold(direction)
    let eps = 1e-9 * max(1, abs(t))
    return direction.sign * (actual - t) >= -eps
  }

  /// The comparator's natural direction, when it implies one (`<=` → decrease).
  public var impliedDirection: Direction? {
    switch self {
    case .atLeast: .increase
    case .atMost: .decrease
    default: nil
    }
  }
}
