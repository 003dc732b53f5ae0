/// One step of the reporting cycle, appended to the store's review log (nothing is updated
/// or deleted): an office submits a period's figure, the office above approves it or
/// returns it with a comment, and a correction of an approved figure (with its reason)
/// submits it again.
public struct ReviewEvent: Hashable, Sendable {
  /// Increasing with event order.
  public var id: Int64
  /// The series key.
  public var key: String
  /// The period's label (`2025-06`).
  public var period: String
  public var action: ReviewAction
  /// The figure (entry id) the step is about: the period's figure when it was taken.
  public var entry: Int64
  /// That figure's date and value, as the store had them.
  public var asOf: Day
  public var value: Double
  /// The return's comment, or the correction's reason.
  public var comment: String?
  public var enteredBy: String
  /// ISO 8601 timestamp (UTC); on a server, the server's clock.
  public var enteredAt: String

  public init(
    id: Int64, key: String, period: String, action: ReviewAction, entry: Int64, asOf: Day,
    value: Double, comment: String? = nil, enteredBy: String, enteredAt: String
  ) {
    self.id = id
    self.key = key
    self.period = period
    self.action = action
    self.entry = entry
    self.asOf = asOf
    self.value = value
    self.comment = comment
    self.enteredBy = enteredBy
    self.enteredAt = enteredAt
  }

  /// The figure the step was about.
  public var figure: PeriodReview.Figure { .init(asOf: asOf, value: value) }

  /// The UTC day of `enteredAt` (what deadlines are compared with).
  public var enteredOn: Day? { Day(iso: enteredAt.prefix(10)) }
}

/// What a review step does.
public enum ReviewAction: String, Hashable, Sendable, CaseIterable {
  /// The office sends its figure for the period up for review.
  case submit
  /// The office above accepts it: the period is locked.
  case approve
  /// The office above sends it back with a comment.
  case `return`
  /// A correction of an approved figure, with its reason: submitted again.
  case correct
}

/// Where a period's figure stands in the cycle.
public enum ApprovalState: String, Hashable, Sendable, CaseIterable {
  /// Recorded, not (or no longer) submitted: a draft.
  case recorded
  /// Submitted, waiting for the office above.
  case submitted
  /// Approved: locked.
  case approved
  /// Returned with a comment: the office corrects it and submits again.
  case returned
}

/// Whether a period's figure was submitted in time.
public enum Timeliness: String, Hashable, Sendable, CaseIterable {
  /// Submitted on or before the deadline.
  case onTime = "on-time"
  /// Submitted after it.
  case late
  /// The deadline has passed and nothing was submitted.
  case missing
  /// The deadline has not passed and nothing was submitted yet.
  case notDue = "not-due"
}

/// One period of one series in the cycle: its figure, the steps taken on it and what they
/// add up to. The one place that states how a period's events resolve (docs/STATUS.md).
public struct PeriodReview: Hashable, Sendable {
  public var key: String
  public var period: ReportingPeriod
  public var deadline: Day
  /// The figure the state is asked about: the period's figure as it stands (its latest
  /// current figure), or the one a status used.
  public var figure: Figure?
  /// The period's events, oldest first (only those entered on or before the as-of day).
  public var events: [ReviewEvent]

  /// A figure of the period: its date and value. Two entries with the same date and value
  /// are the same figure (recording it again changes nothing in the cycle).
  public struct Figure: Hashable, Sendable {
    public var asOf: Day
    public var value: Double

    public init(asOf: Day, value: Double) {
      self.asOf = asOf
      self.value = value
    }

    public init(_ observation: Observation) {
      self.init(asOf: observation.day, value: observation.value)
    }
  }

  public init(
    key: String, period: ReportingPeriod, deadline: Day, figure: Figure?, events: [ReviewEvent]
  ) {
    self.key = key
    self.period = period
    self.deadline = deadline
    self.figure = figure
    self.events = events
  }

  /// The state of the period's figure, or nil when it has none and no step was taken.
  ///
  /// The last event decides — submit and correct: submitted; approve: approved; return:
  /// returned — as long as it was about the figure that stands now. A figure recorded after
  /// the last step (a correction of a returned figure, or of a submitted one) is a draft
  /// again until it is submitted.
  public var state: ApprovalState? {
    guard let last = events.last else { return figure == nil ? nil : .recorded }
    guard let figure, figure == last.figure else { return .recorded }
    switch last.action {
    case .submit, .correct: return .submitted
    case .approve: return .approved
    case .return: return .returned
    }
  }

  /// The comment of the last step when it was a return: the office sees why until it
  /// submits again (also after it recorded a corrected figure, still a draft).
  public var returnComment: String? {
    events.last.flatMap { $0.action == .return ? $0.comment : nil }
  }

  /// The last submission (or correction of an approved figure) and who made it.
  public var lastSubmission: ReviewEvent? {
    events.last { $0.action == .submit || $0.action == .correct }
  }

  /// The first submission: what timeliness is judged on.
  public var firstSubmission: ReviewEvent? { events.first { $0.action == .submit } }

  /// The approved figure that official reports use: the last one approved (a correction
  /// waiting for approval leaves the earlier approved figure standing).
  public var approvedFigure: Figure? {
    events.last { $0.action == .approve }?.figure
  }

  /// Whether an approved figure was corrected since (`correct` after an `approve`).
  public var isCorrectionOfApproved: Bool {
    guard let a = events.lastIndex(where: { $0.action == .approve }) else { return false }
    return events[(a + 1)...].contains { $0.action == .correct }
  }

  /// On time, late, missing or not due at `asOf` (events after `asOf` are not counted: the
  /// caller passes only those entered by then).
  public func timeliness(asOf: Day) -> Timeliness {
    if let first = firstSubmission, let day = first.enteredOn {
      return day <= deadline ? .onTime : .late
    }
    return asOf > deadline ? .missing : .notDue
  }
}
