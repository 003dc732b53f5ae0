import PlanTrackCore

/// The reporting cycle on one store: submit, approve, return, and the lock on approved
/// periods. Every command and the dashboard take their steps through here, so the rules of
/// who may do what, and in which state, are stated once (docs/STATUS.md, "The reporting
/// cycle"). A step is refused with a `StoreError` before anything is written; on a server the
/// same rules hold in the database itself (row-level security and the `review_who` trigger).
public struct ReportingCycle {
  public let targets: TargetSet
  public let store: any ActualsStore
  /// Who takes the steps: the server's session user, or the client's name on SQLite.
  public let user: String
  /// When (ISO 8601, UTC); a server store uses its own clock.
  public let time: String
  /// Today: the default period is the latest that has ended by then.
  public let today: Day

  public init(targets: TargetSet, store: any ActualsStore, user: String, time: String, today: Day) {
    self.targets = targets
    self.store = store
    self.user = user
    self.time = time
    self.today = today
  }

  // MARK: Series and their rules

  /// When the figures of `series` are due: its indicator's rule, or its target's frequency
  /// with the usual deadline.
  public static func rule(forSeries series: String, in targets: TargetSet) -> ReportingRule {
    let parts = series.split(separator: "/", maxSplits: 1).map(String.init)
    if parts.count == 2, let indicator = targets.catalog.indicator(parts[1]),
      targets.catalog.regions.region(code: parts[0]) != nil
    {
      return indicator.reportingRule
    }
    let update = targets.targets(onSeries: series).first?.update ?? .monthly
    return targets.catalog.rule(update)
  }

  public func rule(forSeries series: String) -> ReportingRule {
    Self.rule(forSeries: series, in: targets)
  }

  /// The region of a series: the code before its slash when it is a region's; else the
  /// region of the target it belongs to.
  public static func region(ofSeries series: String, in targets: TargetSet) -> Region? {
    if let code = series.split(separator: "/").first.map(String.init),
      let region = targets.catalog.regions.region(code: code)
    {
      return region
    }
    return targets.targets(onSeries: series).first?.placement?.region
  }

  /// `keys` as the reporting cycle sees them: title, office region, lead units and rule.
  public static func reportingSeries(_ keys: [String], in targets: TargetSet)
    -> [ReportingSeries]
  {
    keys.map { key in
      let region = region(ofSeries: key, in: targets)
      let on = targets.targets(onSeries: key)
      var leads: [String] = []
      for t in on { for l in t.lead where !leads.contains(l) { leads.append(l) } }
      return ReportingSeries(
        key: key, title: (try? targets.recordPoint(for: key).title) ?? on.first?.name ?? key,
        region: region?.code,
        regionName: region.map { targets.catalog.regions.fullName($0.code) } ?? "—",
        leads: leads, rule: rule(forSeries: key, in: targets))
    }
  }

  /// Every series some target reads, in target-file order.
  public static func seriesKeys(in targets: TargetSet) -> [String] {
    var seen = Set<String>()
    return targets.targets.map(\.series).filter { seen.insert($0).inserted }
  }

  /// The period of `series` that `given` names: the same period when the frequencies agree;
  /// else the series' period that closes with it (2025-Q2 for 2025-06 on a quarterly
  /// series); without `given`, the latest period that has ended by today.
  func period(of series: String, given: ReportingPeriod?) -> ReportingPeriod? {
    let rule = rule(forSeries: series)
    guard let given else { return rule.latestEnded(asOf: today) }
    if given.frequency == rule.frequency { return given }
    return given.closing(as: rule.frequency)
  }

  /// The review book of `keys` (their steps and current figures), with the entries it was
  /// made from: each key's log is read once for a whole step.
  func read(keys: [String]) throws(StoreError)
    -> (book: ReviewBook, entries: [String: [ActualEntry]])
  {
    var events: [ReviewEvent] = []
    var entries: [String: [ActualEntry]] = [:]
    for key in Set(keys) {
      events += try store.reviews(key: key)
      entries[key] = try store.entries(key: key)
    }
    return (ReviewBook(events: events, series: entries.mapValues(EntryLog.series)), entries)
  }

  /// The series a key on the command line names (a target key or a series key).
  public func series(of key: String) throws(StoreError) -> String {
    try targets.recordPoint(for: key).series
  }

  /// Every series that some target reads or the store holds figures for: targets' first,
  /// in file order, then the store's others by key.
  public func allSeries() throws(StoreError) -> [String] {
    Self.allSeries(in: targets, stored: try store.seriesByKey().keys)
  }

  /// `allSeries` from series keys already read from the store (the dashboard's loaded data).
  public static func allSeries(in targets: TargetSet, stored: some Sequence<String>) -> [String] {
    let read = seriesKeys(in: targets)
    let known = Set(read)
    return read + stored.filter { !known.contains($0) }.sorted()
  }

  /// The series of `region` (by name or code): see `allSeries`.
  public func series(inRegion region: String) throws -> [String] {
    let code = try RegionText.region(region, in: targets.catalog.regions).code
    return try allSeries().filter { Self.region(ofSeries: $0, in: targets)?.code == code }
  }

  // MARK: Steps

  /// The periods a step is about: each named key in its period (an error for a key with none),
  /// or, with `keys` empty, every series in `scope` with a period in one of `states`.
  func reviews(
    keys: [String], scope: [String], period: ReportingPeriod?, states: Set<ApprovalState?>
  ) throws(StoreError) -> (named: Bool, reviews: [PeriodReview], entries: [String: [ActualEntry]]) {
    let named = !keys.isEmpty
    let series = named ? try keys.map { k throws(StoreError) in try self.series(of: k) } : scope
    let (book, entries) = try read(keys: series)
    var out: [PeriodReview] = []
    for key in series {
      guard let p = self.period(of: key, given: period) else {
        if named {
          throw StoreError.noFigure(
            key: key,
            period:
              "\(period?.label ?? "?") (it reports \(rule(forSeries: key).frequency.rawValue))")
        }
        continue
      }
      let r = book.review(key: key, period: p, rule: rule(forSeries: key), asOf: .distantFuture)
      if named || states.contains(r.state) { out.append(r) }
    }
    return (named, out, entries)
  }

  /// Submits the figure of each period: from `recorded` (or `returned`, after a correction
  /// or to insist) to `submitted`. Named keys must each have a figure in a state that can be
  /// submitted; without keys, every series in `scope` with a draft is submitted, and having
  /// none is an error.
  @discardableResult
  public func submit(
    keys: [String], scope: [String], scopeName: String = "any series", period: ReportingPeriod?
  )
    throws(StoreError) -> [ReviewEvent]
  {
    let (named, found, entries) = try reviews(
      keys: keys, scope: scope, period: period, states: [.recorded])
    var steps: [NewReview] = []
    for r in found {
      guard let figure = r.figure else {
        // Named, it is an error; in a batch, a period whose figure was withdrawn is left.
        if named { throw StoreError.noFigure(key: r.key, period: r.period.label) }
        continue
      }
      switch r.state {
      case .submitted?:
        throw StoreError.notInState(
          key: r.key, period: r.period.label, action: "submit", state: "already submitted")
      case .approved?:
        throw StoreError.notInState(
          key: r.key, period: r.period.label, action: "submit",
          state: "approved (a correction needs `plantrack record … --reason`)")
      default: break
      }
      steps.append(
        NewReview(
          key: r.key, period: r.period.label, action: .submit,
          entry: .stored(try entryID(of: figure, key: r.key, in: entries[r.key] ?? [])), by: user,
          at: time))
    }
    if steps.isEmpty {
      throw StoreError.nothingToSubmit(
        scope: scopeName, period: period?.label ?? "the latest period that has ended")
    }
    return try store.appendReviews(steps, entries: []).reviews
  }

  /// Approves submitted figures (`approve`) or returns them with a comment (`return`).
  /// Named keys must each be submitted; without keys, every submitted series in `scope`
  /// that this user may review is approved.
  @discardableResult
  public func decide(
    _ action: ReviewAction, keys: [String], scope: [String], scopeName: String = "any series",
    period: ReportingPeriod?, comment: String? = nil
  ) throws(StoreError) -> [ReviewEvent] {
    precondition(action == .approve || action == .return)
    try Self.checkComment(action, comment)
    let verb = action == .approve ? "approve" : "return"
    let (named, found, entries) = try reviews(
      keys: keys, scope: scope, period: period, states: [.submitted])
    var steps: [NewReview] = []
    for r in found {
      guard r.state == .submitted, let figure = r.figure else {
        let state: String
        switch r.state {
        case nil: state = "not recorded"
        case .recorded?:
          state =
            r.events.isEmpty
            ? "recorded but never submitted" : "changed since its last step (not submitted again)"
        case let other?: state = other.rawValue
        }
        throw StoreError.notInState(
          key: r.key, period: r.period.label, action: verb, state: state)
      }
      if let refusal = reviewRefusal(r) {
        if named { throw refusal }
        continue
      }
      steps.append(
        NewReview(
          key: r.key, period: r.period.label, action: action,
          entry: .stored(try entryID(of: figure, key: r.key, in: entries[r.key] ?? [])),
          comment: comment, by: user,
          at: time))
    }
    if steps.isEmpty {
      throw StoreError.nothingToReview(
        scope: scopeName, period: period?.label ?? "the latest period that has ended",
        action: verb)
    }
    return try store.appendReviews(steps, entries: []).reviews
  }

  /// A return needs a comment that is not blank.
  public static func checkComment(_ action: ReviewAction, _ comment: String?) throws(StoreError) {
    if action == .return, (comment ?? "").allSatisfy(\.isWhitespace) {
      throw StoreError.commentRequired(what: "the comment of a return (--comment)")
    }
  }

  /// Why this user may not approve or return `review`, or nil when they may: on a server,
  /// only an office of a region above the series' (never its own region), and never the
  /// role that submitted it. An SQLite store is one office's own: anyone who can write it.
  public func reviewRefusal(_ review: PeriodReview) -> StoreError? {
    guard store.sessionUser != nil else { return nil }
    if review.lastSubmission?.enteredBy == user {
      return .notReviewer(role: user, key: review.key, reason: "\(user) submitted it")
    }
    guard let office = store.officeRegion else { return nil }  // the administrator
    let regions = targets.catalog.regions
    guard let region = Self.region(ofSeries: review.key, in: targets) else {
      return .notReviewer(role: user, key: review.key, reason: "its region is not known")
    }
    if region.code == office {
      return .notReviewer(
        role: user, key: review.key, reason: "it is \(regions.fullName(office))'s own figure")
    }
    if !regions.isWithin(region.code, office) {
      return .notReviewer(
        role: user, key: review.key,
        reason: "\(regions.fullName(region.code)) is not under \(regions.fullName(office))")
    }
    return nil
  }

  /// What waits for this user's decision: submitted periods of every series they may review,
  /// oldest first.
  public func waiting() throws(StoreError) -> [PeriodReview] {
    // Only the periods whose last step is a submission: not the whole log.
    let book = ReviewBook(
      events: try store.reviews(ReviewQuery(periodsEndingWith: [.submit, .correct])),
      series: try store.seriesByKey())
    var out: [PeriodReview] = []
    for key in book.keysWithEvents {
      let rule = rule(forSeries: key)
      let periods = Set(book.events(key: key).map(\.period))
      for label in periods {
        guard let p = ReportingPeriod(parsing: label) else { continue }
        let r = book.review(key: key, period: p, rule: rule, asOf: .distantFuture)
        if r.state == .submitted, reviewRefusal(r) == nil { out.append(r) }
      }
    }
    return out.sorted { ($0.period, $0.key) < ($1.period, $1.key) }
  }

  /// The id of the current entry that holds `figure`.
  private func entryID(of figure: PeriodReview.Figure, key: String, in log: [ActualEntry])
    throws(StoreError) -> Int64
  {
    let current = EntryLog.current(sortedByDay: log.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) })
    guard let e = current.last(where: { $0.asOf == figure.asOf && $0.value == figure.value })
    else { throw StoreError.noFigure(key: key, period: figure.asOf.iso) }
    return e.id
  }

  // MARK: The lock on approved periods

  /// The review steps that `entries` (about to be appended) need: none where no approved
  /// period changes; where one does, a `correct` step with `reason` about the figure that
  /// stands after them — and without a reason, `StoreError.periodLocked`. With `submit`
  /// (`import --submit`), every other period they touch is submitted too, unless its
  /// standing figure is already submitted or approved.
  public func corrections(for entries: [NewEntry], reason: String?, submit: Bool = false)
    throws(StoreError) -> [NewReview]
  {
    let keys = Array(Set(entries.map(\.key)))
    let (book, stored) = try read(keys: keys)
    var steps: [NewReview] = []
    for key in keys.sorted() {
      let rule = rule(forSeries: key)
      let existing = stored[key] ?? []
      // The log as it will be: the new entries get ids after every stored one.
      let base = (existing.map(\.id).max() ?? 0) + 1
      var log = existing
      var appendedIndex: [Int64: Int] = [:]
      for (i, e) in entries.enumerated() where e.key == key {
        let id = base + Int64(i)
        appendedIndex[id] = i
        log.append(
          ActualEntry(
            id: id, key: key, asOf: e.asOf, value: e.value, enteredBy: e.enteredBy,
            enteredAt: e.enteredAt, retracts: e.retracts))
      }
      let after = EntryLog.current(sortedByDay: log.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) })
      let periods = Set(entries.filter { $0.key == key }.map { rule.period(containing: $0.asOf) })
      for p in periods.sorted() {
        let r = book.review(key: key, period: p, rule: rule, asOf: .distantFuture)
        let standing = after.last { p.contains($0.asOf) }
        let unchanged =
          standing != nil && standing?.asOf == r.figure?.asOf && standing?.value == r.figure?.value
        guard r.state == .approved else {
          // Submitted with the import, unless that very figure already is.
          if submit, let standing, !(unchanged && r.state == .submitted) {
            steps.append(
              NewReview(
                key: key, period: p.label, action: .submit,
                entry: appendedIndex[standing.id].map { .appended($0) } ?? .stored(standing.id),
                by: user, at: time))
          }
          continue
        }
        if unchanged { continue }  // the same figure again: nothing changes
        guard let reason else { throw StoreError.periodLocked(key: key, period: p.label) }
        if reason.allSatisfy(\.isWhitespace) {
          throw StoreError.commentRequired(what: "the reason of a correction (--reason)")
        }
        guard let standing else {
          throw StoreError.notInState(
            key: key, period: p.label, action: "withdraw the only figure of",
            state: "approved (record a correction with --reason instead)")
        }
        steps.append(
          NewReview(
            key: key, period: p.label, action: .correct,
            entry: appendedIndex[standing.id].map { .appended($0) } ?? .stored(standing.id),
            comment: reason, by: user, at: time))
      }
    }
    return steps
  }

  /// Appends `entries` with the corrections they need (see `corrections`), in one
  /// transaction: what `record`, `import` and `undo` write through.
  @discardableResult
  public func append(_ entries: [NewEntry], reason: String?, submit: Bool = false)
    throws(StoreError) -> (entries: [ActualEntry], reviews: [ReviewEvent])
  {
    let steps = try corrections(for: entries, reason: reason, submit: submit)
    return try store.appendReviews(steps, entries: entries)
  }
}

extension Day {
  /// A day after every real one: "as things stand now", for reading the whole review log.
  public static let distantFuture = Day(ordinal: Int.max / 2)
}
