/// The status of a target at an as-of date.
///
/// The cases are declared in urgency order, most urgent first, and `allCases` is the one order
/// of statuses: the dashboard's counts and toggles 1–6, sorting, and every report use it.
public enum Status: String, Sendable, CaseIterable, Comparable {
  case offTrack = "off-track"
  case missed
  case needsAcceleration = "needs-acceleration"
  case noData = "no-data"
  case onTrack = "on-track"
  case achieved

  /// English label.
  public var english: String {
    switch self {
    case .achieved: "achieved"
    case .onTrack: "on track"
    case .needsAcceleration: "needs acceleration"
    case .offTrack: "off track"
    case .missed: "missed"
    case .noData: "no data"
    }
  }

  /// Chinese label.
  public var chinese: String {
    switch self {
    case .achieved: "已达标"
    case .onTrack: "进度正常"
    case .needsAcceleration: "需加快"
    case .offTrack: "滞后"
    case .missed: "未完成"
    case .noData: "无数据"
    }
  }

  /// Urgency order, most urgent first: off track, missed, needs acceleration, no data, on
  /// track, achieved.
  public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }

  /// The place in urgency order: 0 for the most urgent.
  public var rank: Int { Status.allCases.firstIndex(of: self) ?? 0 }
}

/// Which rule of docs/STATUS.md decided the status.
public enum StatusRule: String, Sendable {
  /// R1: no actual on or before the as-of date.
  case noActual = "R1-no-actual"
  /// R2: the latest actual meets the final goal.
  case finalGoalMet = "R2-final-goal-met"
  /// R3: the deadline has passed and the final goal is not met.
  case deadlinePassed = "R3-deadline-passed"
  /// R4: the shortfall against the trajectory is within the on-track tolerance.
  case withinTolerance = "R4-within-tolerance"
  /// R5: behind the trajectory, but the projection meets the governing milestone.
  case projectionMeetsGoal = "R5-projection-meets-goal"
  /// R6: the shortfall is within the acceleration band.
  case withinAccelerationBand = "R6-within-acceleration-band"
  /// R7: the shortfall is beyond the acceleration band.
  case beyondAccelerationBand = "R7-beyond-acceleration-band"
  /// A yearly quota met for the current year, before the last year of the plan.
  case yearQuotaMet = "R2y-year-quota-met"
}

/// The thresholds of the status rules (docs/STATUS.md).
public struct StatusThresholds: Sendable, Hashable {
  /// A shortfall up to this share of the planned change still counts as on track.
  public var onTrackShortfall: Double = 0.05
  /// A shortfall up to this share needs acceleration; beyond it the target is off track.
  public var accelerationShortfall: Double = 0.20
  /// How many of the most recent actuals the projection uses.
  public var projectionWindow: Int = 6

  public init() {}

  /// The thresholds docs/STATUS.md states.
  public static let standard = StatusThresholds()
}
