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

  /// The target, as its file defines it.
  public internal(set) var target: Target
  public let asOf: Day
  /// The status and the rule of docs/STATUS.md that decided it.
  public internal(set) var decision: StatusEngine.Decision
  public var status: Status { decision.status }
  public var rule: StatusRule { decision.rule }
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
  /// The latest actual against the plan: expected, gap, progress, days ahead, shortfall.
  public let figures: StatusEngine.Figures
  /// Where the recent trend leads.
  public let outlook: StatusEngine.Outlook
  /// Whether the latest actual is older than the update frequency allows.
  public let stale: Bool
  /// Age of the latest actual in days at the as-of date.
  public let actualAgeDays: Int?
  /// The Open SDG measure, where it can be assessed.
  public let sdg: SDGProgress?
  /// The thresholds the rules used.
  public let thresholds: StatusThresholds
  /// The roll-up of the target's series at the as-of date (summed indicators, regions with
  /// children), with its coverage.
  public internal(set) var rollup: RegionRollup?
  /// Each child region's part in `rollup` (in the target's unit).
  public internal(set) var rollupParts: [RollupPart] = []
  /// For an increment read from a stock: the two stock figures it is the difference of.
  public internal(set) var stock: StockIncrement?

  /// The planned value at the as-of date.
  public var expected: Double? { figures.expected }
  /// actual − expected, signed by direction: positive is ahead of plan.
  public var gap: Double? { figures.gap }
  /// (actual − start) / (governing goal − start); for flat goals actual / goal.
  public var progress: Double? { figures.progress }
  /// Days the actual is ahead of (+) or behind (−) the trajectory.
  public var daysAhead: Int? { figures.daysAhead }
  /// How far the actual lags the trajectory, as a share of the planned change (0 when ahead).
  public var shortfallShare: Double? { figures.shortfallShare }
  /// The trend of the recent actuals.
  public var projection: Projection? { outlook.projection }
  /// The projected value at the governing milestone's due date.
  public var projected: Double? { outlook.projected }
  /// The projected shortfall at the governing milestone, as a share of the remaining gap.
  public var projectedShortfallShare: Double? { outlook.projectedShortfallShare }
  /// When the trend reaches the final goal (nil if achieved, or never at this trend).
  public var estimatedCompletion: Day? { outlook.estimatedCompletion }

  /// The governing goal's path value.
  public var goal: Double { governing.goal.pathValue(target.direction) }

  /// Days from the as-of date to the governing milestone (negative once passed).
  public var daysLeft: Int { asOf.days(to: governing.due) }

  /// Days from the as-of date to the final deadline.
  public var daysToDeadline: Int { asOf.days(to: target.final.due) }
}
