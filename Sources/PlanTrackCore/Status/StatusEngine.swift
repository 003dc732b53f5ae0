/// Computes a target's status at an as-of date, exactly as docs/STATUS.md states.
///
/// Pure: the as-of date is a parameter, never read from a clock.
public struct StatusEngine: Sendable {
  public var thresholds: StatusThresholds

  public init(thresholds: StatusThresholds = .standard) {
    self.thresholds = thresholds
  }

  /// The trajectory of `target`, given its effective series (for levels without a baseline,
  /// the first actual is the start). `nil` for flat goals, or when there is no start yet.
  public func trajectory(for target: Target, series: [Observation]) -> Trajectory? {
    start(of: target, series: series).map { trajectory(for: target, from: $0.0) }
  }

  func trajectory(for target: Target, from start: Observation) -> Trajectory {
    let points =
      [start]
      + target.milestones.map {
        Observation(day: $0.due, value: $0.goal.pathValue(target.direction))
      }
    return Trajectory(points: points, shape: target.path, direction: target.direction)
  }

  /// Evaluates `target` at `asOf` from its effective series (sorted by day; entries after
  /// `asOf` are ignored).
  /// - Complexity: O(n) in the number of actuals plus milestones.
  public func evaluate(_ target: Target, series allSeries: [Observation], asOf: Day)
    -> TargetStatus
  {
    if target.perYear { return evaluateYearQuota(target, series: allSeries, asOf: asOf) }
    let series = allSeries.prefix { $0.day <= asOf }
    let dir = target.direction
    let final = target.final
    let latest = series.last
    let finalMet = latest.map { final.goal.isMet(by: $0.value, direction: dir) } ?? false
    let governing: Milestone =
      finalMet || asOf > final.due
      ? final : target.milestones.first { $0.due >= asOf } ?? final
    let goalValue = governing.goal.pathValue(dir)

    let startInfo = start(of: target, series: Array(series))
    let start = startInfo?.0
    let path = start.map { trajectory(for: target, from: $0) }
    let expected: Double? =
      target.kind.isFlat ? goalValue : path?.value(at: asOf)

    var gap: Double?
    var progress: Double?
    var daysAhead: Int?
    var shortfall: Double?
    if let latest, let expected {
      gap = dir.sign * (latest.value - expected)
      if target.kind.isFlat {
        progress = goalValue != 0 ? latest.value / goalValue : nil
        shortfall = max(0, dir.sign * (goalValue - latest.value)) / max(abs(goalValue), 1e-9)
      } else if let start {
        let span = goalValue - start.value
        progress = abs(span) > 1e-12 ? (latest.value - start.value) / span : nil
        let planned = abs(final.goal.pathValue(dir) - start.value)
        let scale = planned > 1e-12 ? planned : max(abs(final.goal.pathValue(dir)), 1)
        shortfall = max(0, dir.sign * (expected - latest.value)) / scale
        if let reached = path?.day(reaching: latest.value) {
          daysAhead = asOf.days(to: reached)
        }
      }
    }

    let projection = Projection.fit(
      Array(series), anchor: startInfo?.1 == .firstActual ? nil : start,
      window: thresholds.projectionWindow)
    let projected = target.kind.isFlat ? nil : projection?.value(at: governing.due)
    var projectedShortfall: Double?
    if let projected, let latest {
      let remaining = dir.sign * (governing.goal.threshold(dir) - latest.value)
      if remaining > 0 {
        projectedShortfall =
          max(0, dir.sign * (governing.goal.threshold(dir) - projected)) / remaining
      } else {
        projectedShortfall = 0
      }
    }
    let completion: Day? =
      finalMet || target.kind.isFlat
      ? nil : projection?.day(reaching: final.goal.threshold(dir), direction: dir)

    let ageDays = latest.map { $0.day.days(to: asOf) }
    let stale = ageDays.map { $0 > target.update.allowedAgeDays } ?? false

    var sdg: SDGProgress?
    if let latest, let start, !target.kind.isFlat {
      sdg = SDGProgress.assess(
        start: start, latest: latest, goal: final.goal.pathValue(dir), deadline: final.due,
        direction: dir, achieved: finalMet)
    }

    let (status, rule) = decide(
      target: target, latest: latest, finalMet: finalMet, asOf: asOf, shortfall: shortfall,
      projected: projected, governing: governing)

    return TargetStatus(
      target: target, asOf: asOf, status: status, rule: rule, actual: latest,
      actualCount: series.count, start: start,
      startSource: startInfo?.1 ?? (target.kind.isFlat ? .flat : .firstActual),
      governing: governing, expected: expected, gap: gap, progress: progress,
      daysAhead: daysAhead, shortfallShare: shortfall, projection: projection,
      projected: projected, projectedShortfallShare: projectedShortfall,
      estimatedCompletion: completion, stale: stale, actualAgeDays: ageDays, sdg: sdg,
      thresholds: thresholds)
  }

  /// A quota for each year: the year of the governing milestone is evaluated as an increment
  /// from 0 on the day before it starts, with that year's actuals only. Meeting the quota
  /// before the last year is on track (R2y); the last year's result decides achieved/missed.
  func evaluateYearQuota(_ target: Target, series: [Observation], asOf: Day) -> TargetStatus {
    let final = target.final
    let governing = target.milestones.first { $0.due >= asOf } ?? final
    let yearBegins = Day(year: governing.due.year, month: 1, day: 1)!.adding(days: -1)
    let previous = target.milestones.last { $0.due < governing.due }?.due
    let start = max(yearBegins, previous ?? yearBegins)
    var year = target
    year.perYear = false
    year.kind = .increment
    year.baseline = Baseline(value: 0, date: start, note: nil)
    year.milestones = [governing]
    let result = evaluate(year, series: series.filter { $0.day > start }, asOf: asOf)
    let metEarly = result.status == .achieved && governing.due < final.due
    return result.with(
      target: target, status: metEarly ? .onTrack : result.status,
      rule: metEarly ? .yearQuotaMet : result.rule)
  }

  /// Rules R1–R7 of docs/STATUS.md, in order; the first that applies decides.
  func decide(
    target: Target, latest: Observation?, finalMet: Bool, asOf: Day, shortfall: Double?,
    projected: Double?, governing: Milestone
  ) -> (Status, StatusRule) {
    guard latest != nil else { return (.noData, .noActual) }
    let passed = asOf > target.final.due
    if target.kind.isFlat {
      // A rate is achieved only when the period is over; before that, meeting it is on track.
      if passed { return finalMet ? (.achieved, .finalGoalMet) : (.missed, .deadlinePassed) }
    } else {
      if finalMet { return (.achieved, .finalGoalMet) }
      if passed { return (.missed, .deadlinePassed) }
    }
    let s = shortfall ?? 0
    if s <= thresholds.onTrackShortfall { return (.onTrack, .withinTolerance) }
    if let projected, governing.goal.isMet(by: projected, direction: target.direction) {
      return (.onTrack, .projectionMeetsGoal)
    }
    if s <= thresholds.accelerationShortfall {
      return (.needsAcceleration, .withinAccelerationBand)
    }
    return (.offTrack, .beyondAccelerationBand)
  }

  /// The start of the trajectory: the baseline; else 0 at the period start for increments
  /// and reductions; else the first actual. `nil` for flat goals or when none is known.
  func start(of target: Target, series: [Observation])
    -> (Observation, TargetStatus.StartSource)?
  {
    if target.kind.isFlat { return nil }
    if let b = target.baseline { return (Observation(day: b.date, value: b.value), .baseline) }
    if target.kind.startsFromZero, let begin = target.document.periodStart {
      return (Observation(day: begin.adding(days: -1), value: 0), .periodStart)
    }
    if let first = series.first { return (first, .firstActual) }
    return nil
  }
}
