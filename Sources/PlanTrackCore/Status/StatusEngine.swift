/// Computes a target's status at an as-of date, exactly as docs/STATUS.md states.
///
/// Pure: the as-of date is a parameter, never read from a clock. `evaluate` runs four named
/// steps, each a small function returning a small value: the start (`start(of:series:)`), the
/// figures against the plan (`figures`), the outlook from the trend (`outlook`) and the
/// decision (`decide`).
public struct StatusEngine: Sendable {
  public var thresholds: StatusThresholds

  public init(thresholds: StatusThresholds = .standard) {
    self.thresholds = thresholds
  }

  /// The trajectory of `target`, given its effective series (for levels without a baseline,
  /// the first actual is the start). `nil` for flat goals, or when there is no start yet.
  public func trajectory(for target: Target, series: [Observation]) -> Trajectory? {
    start(of: target, series: series).map { trajectory(for: target, from: $0.point) }
  }

  func trajectory(for target: Target, from start: Observation) -> Trajectory {
    let points =
      [start]
      + target.milestones.map {
        Observation(day: $0.due, value: $0.goal.pathValue(target.direction))
      }
    return Trajectory(points: points, shape: target.path, direction: target.direction)
  }

  /// Evaluates every target at the book's as-of date from the figures it reads there
  /// (`FigureBook.figures(for:)`), keeping those `filter` lets through, in the targets' order.
  /// The one place that evaluates a workspace: the status command, the export and the
  /// dashboard all call it.
  /// - Complexity: O(n) in the number of targets plus actuals, spread over all cores.
  public func evaluate(_ targets: [Target], book: FigureBook, filter: TargetFilter = .all)
    -> [TargetStatus]
  {
    let all = Parallel.map(targets) { target in
      let figures = book.figures(for: target)
      var status = evaluate(target, series: figures.observations, asOf: book.asOf)
      status.rollup = figures.rollup
      status.rollupParts = figures.parts
      status.stock = figures.stock
      return status
    }
    guard !filter.terms.isEmpty else { return all }
    let matcher = filter.matcher()
    return all.filter { matcher.matches(FilterFields($0)) }
  }

  /// Evaluates `target` at `asOf` from its effective series (sorted by day; entries after
  /// `asOf` are ignored).
  /// - Complexity: O(n) in the number of actuals plus milestones.
  public func evaluate(_ target: Target, series allSeries: [Observation], asOf: Day)
    -> TargetStatus
  {
    if target.perYear { return evaluateYearQuota(target, series: allSeries, asOf: asOf) }
    let series = Array(allSeries.prefix { $0.day <= asOf })
    let latest = series.last
    let finalMet =
      latest.map { target.final.goal.isMet(by: $0.value, direction: target.direction) }
      ?? false
    let governing: Milestone =
      finalMet || asOf > target.final.due
      ? target.final : target.milestones.first { $0.due >= asOf } ?? target.final
    let start = start(of: target, series: series)
    let figures = figures(
      target, latest: latest, start: start?.point, governing: governing, asOf: asOf)
    let outlook = outlook(
      target, series: series, start: start, governing: governing, finalMet: finalMet)
    let decision = decide(
      target: target, latest: latest, finalMet: finalMet, asOf: asOf,
      shortfall: figures.shortfallShare, projected: outlook.projected, governing: governing)
    let ageDays = latest.map { $0.day.days(to: asOf) }
    var sdg: SDGProgress?
    if let latest, let start, !target.kind.isFlat {
      sdg = SDGProgress.assess(
        start: start.point, latest: latest, goal: target.final.goal.pathValue(target.direction),
        deadline: target.final.due, direction: target.direction, achieved: finalMet)
    }
    return TargetStatus(
      target: target, asOf: asOf, decision: decision, actual: latest, actualCount: series.count,
      start: start?.point,
      startSource: start?.source ?? (target.kind.isFlat ? .flat : .firstActual),
      governing: governing, figures: figures, outlook: outlook,
      stale: ageDays.map { $0 > target.update.allowedAgeDays } ?? false, actualAgeDays: ageDays,
      sdg: sdg, thresholds: thresholds)
  }

  /// Step 2: where the latest actual stands against the plan at the as-of date.
  func figures(
    _ target: Target, latest: Observation?, start: Observation?, governing: Milestone, asOf: Day
  ) -> Figures {
    let dir = target.direction
    let goalValue = governing.goal.pathValue(dir)
    let path = start.map { trajectory(for: target, from: $0) }
    var f = Figures(expected: target.kind.isFlat ? goalValue : path?.value(at: asOf))
    guard let latest, let expected = f.expected else { return f }
    f.gap = dir.sign * (latest.value - expected)
    if target.kind.isFlat {
      f.progress = goalValue != 0 ? latest.value / goalValue : nil
      f.shortfallShare = max(0, dir.sign * (goalValue - latest.value)) / max(abs(goalValue), 1e-9)
    } else if let start {
      let span = goalValue - start.value
      f.progress = abs(span) > 1e-12 ? (latest.value - start.value) / span : nil
      let finalGoal = target.final.goal.pathValue(dir)
      let planned = abs(finalGoal - start.value)
      let scale = planned > 1e-12 ? planned : max(abs(finalGoal), 1)
      f.shortfallShare = max(0, dir.sign * (expected - latest.value)) / scale
      if let reached = path?.day(reaching: latest.value) { f.daysAhead = asOf.days(to: reached) }
    }
    return f
  }

  /// Step 3: where the recent trend leads, at the governing milestone and to the final goal.
  func outlook(
    _ target: Target, series: [Observation], start: Start?, governing: Milestone, finalMet: Bool
  ) -> Outlook {
    let dir = target.direction
    let projection = Projection.fit(
      series, anchor: start?.source == .firstActual ? nil : start?.point,
      window: thresholds.projectionWindow)
    var o = Outlook(projection: projection)
    if !target.kind.isFlat, let projection {
      o.projected = projection.value(at: governing.due)
    }
    if let projected = o.projected, let latest = series.last {
      let remaining = dir.sign * (governing.goal.threshold(dir) - latest.value)
      o.projectedShortfallShare =
        remaining > 0
        ? max(0, dir.sign * (governing.goal.threshold(dir) - projected)) / remaining
        : 0
    }
    if !finalMet, !target.kind.isFlat {
      o.estimatedCompletion = projection?.day(
        reaching: target.final.goal.threshold(dir), direction: dir)
    }
    return o
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
    var result = evaluate(year, series: series.filter { $0.day > start }, asOf: asOf)
    // The year's figures, reported under the target itself.
    result.target = target
    if result.status == .achieved, governing.due < final.due {
      result.decision = Decision(status: .onTrack, rule: .yearQuotaMet)
    }
    return result
  }

  /// Step 4: rules R1–R7 of docs/STATUS.md, in order; the first that applies decides.
  func decide(
    target: Target, latest: Observation?, finalMet: Bool, asOf: Day, shortfall: Double?,
    projected: Double?, governing: Milestone
  ) -> Decision {
    guard latest != nil else { return Decision(status: .noData, rule: .noActual) }
    let passed = asOf > target.final.due
    // A rate is achieved only when the period is over; before that, meeting it is on track.
    if finalMet, !target.kind.isFlat || passed {
      return Decision(status: .achieved, rule: .finalGoalMet)
    }
    if passed { return Decision(status: .missed, rule: .deadlinePassed) }
    let s = shortfall ?? 0
    if s <= thresholds.onTrackShortfall {
      return Decision(status: .onTrack, rule: .withinTolerance)
    }
    if let projected, governing.goal.isMet(by: projected, direction: target.direction) {
      return Decision(status: .onTrack, rule: .projectionMeetsGoal)
    }
    if s <= thresholds.accelerationShortfall {
      return Decision(status: .needsAcceleration, rule: .withinAccelerationBand)
    }
    return Decision(status: .offTrack, rule: .beyondAccelerationBand)
  }

  /// Step 1: the start of the trajectory: the baseline; else 0 at the period start for
  /// increments and reductions; else the first actual. `nil` for flat goals or when none is
  /// known.
  func start(of target: Target, series: [Observation]) -> Start? {
    if target.kind.isFlat { return nil }
    if let b = target.baseline {
      return Start(point: Observation(day: b.date, value: b.value), source: .baseline)
    }
    if target.kind.startsFromZero, let begin = target.document.periodStart {
      return Start(point: Observation(day: begin.adding(days: -1), value: 0), source: .periodStart)
    }
    if let first = series.first { return Start(point: first, source: .firstActual) }
    return nil
  }
}

extension StatusEngine {
  /// Where a trajectory starts and why.
  struct Start: Hashable, Sendable {
    var point: Observation
    var source: TargetStatus.StartSource
  }

  /// The latest actual against the plan at the as-of date (step 2).
  public struct Figures: Hashable, Sendable {
    /// The planned value at the as-of date.
    public var expected: Double?
    /// actual − expected, signed by direction: positive is ahead of plan.
    public var gap: Double?
    /// (actual − start) / (governing goal − start); for flat goals actual / goal.
    public var progress: Double?
    /// Days the actual is ahead of (+) or behind (−) the trajectory.
    public var daysAhead: Int?
    /// How far the actual lags the trajectory, as a share of the planned change (0 when ahead).
    public var shortfallShare: Double?
  }

  /// Where the recent trend leads (step 3).
  public struct Outlook: Hashable, Sendable {
    /// The trend of the recent actuals.
    public var projection: Projection?
    /// The projected value at the governing milestone's due date.
    public var projected: Double?
    /// The projected shortfall at the governing milestone, as a share of the remaining gap.
    public var projectedShortfallShare: Double?
    /// When the trend reaches the final goal (nil if achieved, or never at this trend).
    public var estimatedCompletion: Day?
  }

  /// The status and the rule that decided it (step 4).
  public struct Decision: Hashable, Sendable {
    public var status: Status
    public var rule: StatusRule
  }
}
