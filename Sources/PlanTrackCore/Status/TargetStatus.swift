/// Everything computed about one target at one as-of date: the inputs the rules used, the
/// figures they produced, and which rule decided.
public struct TargetStatus: Hashable, Sendable {
  /// Where the trajectory starts from.
  public enum StartSource: String, Sendable {
    /// The target file's baseline.
    case baseline
    /// 0 at the plan period's start (increment and reduction targets).
    case periodStart = "period-start"
    /// The first actual (level targets without a baseline).
    case firstActual = "first-actual"
    /// A flat goal (growth rates) has no start.
    case flat
  }

  public let target: Target
  public let asOf: Day
  public let status: Status
  public let rule: StatusRule
  /// The latest actual on or before the as-of date.
  public let actual: Observation?
  /// How many actuals (effective, on or before the as-of date) there are.
  public let actualCount: Int
  /// The start of the trajectory, if there is one.
  public let start: Observation?
  public let startSource: StartSource
  /// The milestone that governs the status: the next one due, or the final one once it has
  /// passed or been met.
  public let governing: Milestone
  /// The planned value at the as-of date.
  public let expected: Double?
  /// actual − expected, signed by direction: positive is ahead of plan.
  public let gap: Double?
  /// (actual − start) / (governing goal − start); for flat goals actual / goal.
  public let progress: Double?
  /// Days the actual is ahead of (+) or behind (−) the trajectory.
  public let daysAhead: Int?
  /// How far the actual lags the trajectory, as a share of the planned change (0 when ahead).
  public let shortfallShare: Double?
  /// The trend of the recent actuals.
  public let projection: Projection?
  /// The projected value at the governing milestone's due date.
  public let projected: Double?
  /// The projected shortfall at the governing milestone, as a share of the remaining gap.
  public let projectedShortfallShare: Double?
  /// When the trend reaches the final goal (nil if achieved, or never at this trend).
  public let estimatedCompletion: Day?
  /// Whether the latest actual is older than the update frequency allows.
  public let stale: Bool
  /// Age of the latest actual in days at the as-of date.
  public let actualAgeDays: Int?
  /// The Open SDG measure, where it can be assessed.
  public let sdg: SDGProgress?
  /// The thresholds the rules used.
  public let thresholds: StatusThresholds

  /// The governing goal's path value.
  public var goal: Double { governing.goal.pathValue(target.direction) }

  /// Days from the as-of date to the governing milestone (negative once passed).
  public var daysLeft: Int { asOf.days(to: governing.due) }

  /// Days from the as-of date to the final deadline.
  public var daysToDeadline: Int { asOf.days(to: target.final.due) }

  /// The same figures for another target, status and rule (a yearly quota reports the year
  /// it evaluated under its own target).
  func with(target: Target, status: Status, rule: StatusRule) -> TargetStatus {
    TargetStatus(
      target: target, asOf: asOf, status: status, rule: rule, actual: actual,
      actualCount: actualCount, start: start, startSource: startSource, governing: governing,
      expected: expected, gap: gap, progress: progress, daysAhead: daysAhead,
      shortfallShare: shortfallShare, projection: projection, projected: projected,
      projectedShortfallShare: projectedShortfallShare, estimatedCompletion: estimatedCompletion,
      stale: stale, actualAgeDays: actualAgeDays, sdg: sdg, thresholds: thresholds)
  }
}
