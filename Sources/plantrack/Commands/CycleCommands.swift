import ArgumentParser
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// What `submit`, `approve` and `return` share: the keys, `--period` and `--region`, and the
/// cycle on the workspace's store.
struct CycleOptions: ParsableArguments {
  @OptionGroup var workspace: WorkspaceOptions
  @Option(
    name: .long,
    help:
      "The period: 2025-06, 2025-Q2, 2025-H1, 2025 or 2025-W23. Default: the latest period that has ended. A month names the quarter, half year or year that closes with it on series that report less often."
  )
  var period: String?
  @Option(
    name: .long,
    help: "Every series of this region (a name or a code) instead of KEYs.")
  var region: String?
  @Argument(help: "Target keys or series keys. Default: every series of --region, or of yours.")
  var keys: [String] = []

  /// The period as given; a period written wrongly is one line and exit 1.
  func parsedPeriod() throws -> ReportingPeriod? {
    guard let period else { return nil }
    guard let p = ReportingPeriod(parsing: period) else {
      throw CommandFailure(
        .invalidPeriod,
        "“\(period)” is not a period: write 2025-06 (a month), 2025-Q2, 2025-H1, 2025 or 2025-W23; nothing was written"
      )
    }
    return p
  }

  /// The cycle on the store, with the workspace's targets. A workspace without a store has
  /// nothing to submit or review: `none` is thrown, and no store file is created.
  func cycle(orElse none: @autoclosure () -> StoreError) throws -> (ReportingCycle, Workspace) {
    let ws = try workspace.locate()
    let targets = ws.loadTargets()
    guard let store = try ws.openStoreIfExists() else { throw none() }
    return (
      ReportingCycle(
        targets: targets, store: store, user: Frontend.user(of: store),
        time: Frontend.timestamp(), today: Frontend.today()),
      ws
    )
  }

  /// The series a step without KEYs covers: `--region`'s, else those of the user's office
  /// (`own`), else every series.
  func scope(_ cycle: ReportingCycle, own: Bool) throws -> (series: [String], name: String) {
    let regions = cycle.targets.catalog.regions
    if let region {
      let code = try RegionText.region(region, in: regions).code
      return (try cycle.series(inRegion: code), regions.fullName(code))
    }
    if own, let office = cycle.store.officeRegion {
      return (try cycle.series(inRegion: office), regions.fullName(office))
    }
    return (try cycle.allSeries(), "any series")
  }

  /// Approves or returns, and says what was done.
  func decide(_ action: ReviewAction, comment: String? = nil) throws {
    let period = try parsedPeriod()
    try ReportingCycle.checkComment(action, comment)
    let (cycle, _) = try self.cycle(
      orElse: .nothingToReview(
        scope: "this workspace (nothing recorded yet)", period: period?.label ?? "any period",
        action: action == .approve ? "approve" : "return"))
    defer { cycle.store.close() }
    let scope = try scope(cycle, own: false)
    let steps = try cycle.decide(
      action, keys: keys, scope: scope.series, scopeName: scope.name, period: period,
      comment: comment)
    Frontend.output(describe(steps, action == .approve ? "approved" : "returned"))
  }

  func validate() throws {
    if region != nil, !keys.isEmpty {
      throw ValidationError("give KEYs or --region, not both")
    }
  }
}

/// One line per step taken: `submitted 371000/5g-base-stations 2025-06: 6600 (entry #12)`.
func describe(_ steps: [ReviewEvent], _ verb: String) -> String {
  steps.map { s in
    "\(verb) \(s.key) \(s.period): \(NumberText.plain(s.value)) as of \(s.asOf.iso) (entry #\(s.entry))"
      + (s.comment.map { " — \($0.escapingControls)" } ?? "") + "\n"
  }.joined()
}

/// `plantrack submit`: sends the period's figures up for review.
struct SubmitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "submit",
    abstract: "Submit the period's figures to the office above for review.",
    discussion: """
      Without KEYs, submits every figure of the period that is not yet submitted, of \
      --region, else of your office's region (on a server), else of every series. A period \
      without a figure, or one already submitted or approved, is refused when named.
      """)

  @OptionGroup var options: CycleOptions

  func run() throws {
    let period = try options.parsedPeriod()
    let (cycle, _) = try options.cycle(
      orElse: .nothingToSubmit(
        scope: "this workspace (nothing recorded yet)", period: period?.label ?? "any period"))
    defer { cycle.store.close() }
    let scope = try options.scope(cycle, own: true)
    let steps = try cycle.submit(
      keys: options.keys, scope: scope.series, scopeName: scope.name, period: period)
    Frontend.output(describe(steps, "submitted"))
  }
}

/// `plantrack approve`: accepts submitted figures; the period is locked.
struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve",
    abstract: "Approve submitted figures of the offices below yours; approved periods are locked.",
    discussion: """
      Without KEYs, approves every submitted figure of the period that you may review (of \
      --region, if given). On a server only an office of a region above a series may \
      approve it, and never the role that submitted it.
      """)

  @OptionGroup var options: CycleOptions

  func run() throws { try options.decide(.approve) }
}

/// `plantrack return KEY --comment …`: sends a submitted figure back to its office.
struct ReturnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "return",
    abstract: "Return submitted figures to their office with a comment saying what to correct.")

  @OptionGroup var options: CycleOptions
  @Option(name: .long, help: "What is wrong and what to do (required).") var comment: String

  func validate() throws {
    if options.keys.isEmpty && options.region == nil {
      throw ValidationError("name the figures to return: KEY… or --region")
    }
  }

  func run() throws { try options.decide(.return, comment: comment) }
}

/// `plantrack review`: what waits for the user's decision.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "List the submitted figures that wait for your approval or return.")

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let ws = try workspace.locate()
    let targets = ws.loadTargets()
    guard let store = try ws.openStoreIfExists() else {
      Frontend.output("nothing waits for review\n")
      return
    }
    defer { store.close() }
    let cycle = ReportingCycle(
      targets: targets, store: store, user: Frontend.user(of: store), time: Frontend.timestamp(),
      today: Frontend.today())
    let waiting = try cycle.waiting()
    guard !waiting.isEmpty else {
      Frontend.output("nothing waits for review\n")
      return
    }
    var rows: [[String]] = [["SERIES", "NAME", "PERIOD", "FIGURE", "AS OF", "SUBMITTED BY", "AT"]]
    for r in waiting {
      let submitted = r.lastSubmission
      let name = (try? targets.recordPoint(for: r.key).title) ?? r.key
      rows.append([
        r.key, name, r.period.label, r.figure.map { NumberText.plain($0.value) } ?? "",
        r.figure?.asOf.iso ?? "",
        (submitted?.enteredBy ?? "") + (r.isCorrectionOfApproved ? " (correction)" : ""),
        submitted?.enteredAt ?? "",
      ])
    }
    Frontend.output(TextTable.render(rows, rightAligned: [3]))
    Frontend.output(
      "\(waiting.count) waiting: `plantrack approve KEY --period P` or `plantrack return KEY --period P --comment …`\n"
    )
  }
}
