import PlanTrackCore
import Testing

@testable import PlanTrackExport

/// Two offices' series (a county's and a city's) with steps around the June deadline
/// (2025-07-10), and the fixture's targets.
enum ReportingFixture {
  static func d(_ s: String) -> Day { Day(iso: s)! }
  static let monthly = ReportingRule(frequency: .monthly)

  static let series = [
    ReportingSeries(
      key: "371003/5g-base-stations", title: "文登区 5G基站", region: "371003",
      regionName: "山东省威海市文登区", leads: ["区工业和信息化局"], rule: monthly),
    ReportingSeries(
      key: "371003/nev-stock", title: "文登区 新能源汽车保有量", region: "371003",
      regionName: "山东省威海市文登区", leads: ["区发展改革局"], rule: monthly),
    ReportingSeries(
      key: "371000/5g-base-stations", title: "威海市 5G基站", region: "371000",
      regionName: "山东省威海市", leads: ["市工业和信息化局"], rule: monthly),
    ReportingSeries(
      key: "371000/nev-stock", title: "威海市 新能源汽车保有量", region: "371000",
      regionName: "山东省威海市", leads: [], rule: monthly),
  ]

  static func step(
    _ id: Int64, _ key: String, _ action: ReviewAction, _ value: Double, on day: String,
    comment: String? = nil, by: String
  ) -> ReviewEvent {
    ReviewEvent(
      id: id, key: key, period: "2025-06", action: action, entry: id, asOf: d("2025-06-30"),
      value: value, comment: comment, enteredBy: by, enteredAt: day + "T09:00:00Z")
  }

  /// 文登区 5G: submitted on time, returned with a comment. 文登区 NEV: nothing.
  /// 威海市 5G: submitted late, waiting. 威海市 NEV: submitted on time and approved.
  static let book = ReviewBook(
    events: [
      step(1, "371003/5g-base-stations", .submit, 1500, on: "2025-07-08", by: "wendeng"),
      step(
        2, "371003/5g-base-stations", .return, 1500, on: "2025-07-11",
        comment: "与通信管理局口径不一致，请核实", by: "weihai"),
      step(3, "371000/5g-base-stations", .submit, 6600, on: "2025-07-14", by: "weihai"),
      step(4, "371000/nev-stock", .submit, 5.1, on: "2025-07-09", by: "weihai"),
      step(5, "371000/nev-stock", .approve, 5.1, on: "2025-07-12", by: "shandong"),
    ],
    series: [
      "371003/5g-base-stations": [Observation(day: d("2025-06-30"), value: 1500)],
      "371000/5g-base-stations": [Observation(day: d("2025-06-30"), value: 6600)],
      "371000/nev-stock": [Observation(day: d("2025-06-30"), value: 5.1)],
    ])
}

@Suite("Reminders (督办)")
struct ReminderTests {
  static func notices(_ asOf: String) -> [Reminder] {
    Reminder.notices(
      series: ReportingFixture.series, book: ReportingFixture.book,
      statuses: SnapshotFixture.statuses(asOf), asOf: Day(iso: asOf)!)
  }

  @Test func oneNoticePerOfficeAndLeadUnitWithSomethingToChase() {
    let n = Self.notices("2025-07-20")
    #expect(
      n.map { "\($0.grouping.rawValue):\($0.name)" } == [
        "office:山东省威海市文登区", "office:山东省威海市", "lead:区工业和信息化局", "lead:区发展改革局",
        "lead:市工业和信息化局", "lead:省能源局",
      ])
    // The county: returned 5G (with why), missing NEV; the city: late 5G, not the approved NEV.
    #expect(n[0].figures.map(\.cell) == [.returned, .missing])
    #expect(n[0].figures[0].review.returnComment == "与通信管理局口径不一致，请核实")
    #expect(n[1].figures.map(\.series.key) == ["371000/5g-base-stations"])
    #expect(n[1].figures.map(\.cell) == [.late])
    // 省能源局 has an off-track target to watch and no figure to chase.
    #expect(n.map(\.hasDueFigures) == [true, true, true, true, true, false])
  }

  @Test func aReturnIsChasedUntilItIsCorrectedEvenAfterTheNextPeriodEnds() {
    let n = Self.notices("2025-08-20")
    #expect(
      n[0].figures.map { "\($0.series.key) \($0.review.period.label) \($0.cell.rawValue)" } == [
        "371003/5g-base-stations 2025-06 returned", "371003/5g-base-stations 2025-07 missing",
        "371003/nev-stock 2025-07 missing",
      ])
  }

  @Test func beforeTheDeadlineNothingIsMissing() {
    // On 2025-07-09 June is not due; what was submitted waits, nothing needs action.
    let n = Self.notices("2025-07-09")
    #expect(n.allSatisfy { !$0.hasDueFigures }, "\(n.map(\.name))")
  }

  @Test func leadUnitsWithTargetsToWatchGetANotice() {
    // Within 90 days of the deadline (2025-12-31) every unachieved target is watched: the
    // on-track NEV target of 省发展改革委 too, which in July was not.
    let july = Self.notices("2025-07-20").map(\.name)
    #expect(!july.contains("省发展改革委"))
    let n = Self.notices("2025-10-15")
    let ndrc = n.first { $0.name == "省发展改革委" }
    #expect(ndrc?.targets.map(\.target.id) == ["nev"])
    #expect(ndrc?.hasDueFigures == false)
  }

  @Test(arguments: [(Reminder.Format.md, Language.zh), (.html, .en), (.md, .en)])
  func goldenNotices(_ format: Reminder.Format, _ language: Language) {
    let text = Self.notices("2025-07-20").map { $0.text(format, language: language) }.joined(
      separator: "\n---\n")
    assertGolden(text, "remind-\(language.rawValue).\(format.rawValue)")
  }

  @Test func fileNamesAreSafe() {
    var r = Self.notices("2025-07-20")[2]
    #expect(r.fileName(.md) == "2025-07-20-remind-lead-区工业和信息化局.md")
    r.name = "../etc/passwd"
    #expect(!r.fileName(.html).contains("/"))
    #expect(Self.notices("2025-07-20")[0].fileName(.html) == "2025-07-20-remind-office-371003.html")
  }

  @Test func textFromFilesIsEscapedInHTML() {
    let n = Self.notices("2025-10-15").first { $0.name == "<b>省</b>" }
    let html = n?.text(.html, language: .en) ?? ""
    #expect(html.contains("&lt;b&gt;省&lt;/b&gt;") && !html.contains("<b>省"))
  }
}

@Suite("Timeliness in status and snapshots")
struct TimelinessExportTests {
  @Test func timelinessCountsPerOfficeAndLeadUnit() {
    let asOf = Day(iso: "2025-07-20")!
    let office = TimelinessSummary(
      series: ReportingFixture.series, book: ReportingFixture.book, asOf: asOf, grouping: .office)
    #expect(office.rows.map(\.name) == ["山东省威海市文登区", "山东省威海市"])
    #expect(
      office.rows.map { [$0.onTime, $0.late, $0.missing, $0.notDue] } == [
        [1, 0, 1, 0], [1, 1, 0, 0],
      ])
    #expect(office.rows.map(\.rate) == [0.5, 0.5])
    let lead = TimelinessSummary(
      series: ReportingFixture.series, book: ReportingFixture.book, asOf: asOf, grouping: .lead)
    #expect(lead.rows.map(\.name) == ["区工业和信息化局", "区发展改革局", "市工业和信息化局", "—"])
  }

  @Test func snapshotsCarryTimelinessAndEachTargetsReporting() throws {
    let asOf = Day(iso: "2025-07-20")!
    let statuses = SnapshotFixture.statuses("2025-07-20")
    let reporting = TargetReporting(
      approval: .returned, period: ReportingPeriod(parsing: "2025-06")!,
      deadline: Day(iso: "2025-07-10")!, timeliness: .onTime, returnComment: "请核实")
    let snapshot = Snapshot(
      asOf: asOf, statuses: statuses, reporting: [statuses[0].target.key: reporting],
      timeliness: ReportingLedger.Grouping.allCases.map {
        TimelinessSummary(
          series: ReportingFixture.series, book: ReportingFixture.book, asOf: asOf, grouping: $0)
      })
    let v = try JSONValue.parse(snapshot.json())
    #expect(v["schema"]?.numberValue == 3)
    let first = v["targets"]?.arrayValue?.first
    #expect(first?["approval"]?.stringValue == "returned")
    #expect(first?["reporting"]?["state"]?.stringValue == "on-time")
    #expect(first?["reporting"]?["deadline"]?.stringValue == "2025-07-10")
    #expect(v["targets"]?.arrayValue?[1]["approval"] == .null)
    #expect(v["timeliness"]?["office"]?.arrayValue?[0]["rate"]?.numberValue == 0.5)
    let md = snapshot.markdown(language: .zh)
    #expect(md.contains("## 报送及时率（按地区）"))
    #expect(md.contains("| 山东省威海市 | 1 | 1 | 0 | 0 | 50% |"), "\(md)")
    #expect(snapshot.html(language: .en).contains("<h2>Reporting timeliness by lead unit</h2>"))
    // Without review steps, no timeliness section.
    #expect(!Snapshot(asOf: asOf, statuses: statuses).markdown(language: .zh).contains("报送及时率"))
  }
}
