import ArgumentParser
import Foundation
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore

/// `plantrack template --out F.xlsx`: a fill-in workbook for an office or a lead unit.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract:
      "Write a fill-in workbook (.xlsx) of the figures an office or lead unit reports for a period.",
    discussion: """
      One row per series of --region (its own, not the regions below), or of the targets \
      led by --lead, or of every series, that reports in the period (a quarterly series in \
      the month that closes its quarter). The only column to fill is “value”; the sheet is \
      protected without a password. `plantrack import F.xlsx` reads it back.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @Option(name: .long, help: "The workbook to write (.xlsx).") var out: String
  @Option(name: .long, help: "The office's region (a name or a code).") var region: String?
  @Option(name: .long, help: "A lead unit (牵头单位), as the target files name it.") var lead: String?
  @Option(
    name: .long,
    help: "The month the figures are for (YYYY-MM). Default: the latest month that has ended.")
  var period: String?
  @Option(
    name: .long,
    help: "Label language: en or zh. Default: the settings (plantrack config), else the locale.")
  var lang: Language?

  func validate() throws {
    if region != nil && lead != nil { throw ValidationError("give --region or --lead, not both") }
  }

  func run() throws {
    let month: ReportingPeriod
    if let period {
      guard let p = ReportingPeriod(parsing: period), p.frequency == .monthly else {
        throw CommandFailure(
          .invalidPeriod, "“\(period)” is not a month: write YYYY-MM, e.g. 2025-06")
      }
      month = p
    } else {
      month = ReportingRule(frequency: .monthly).latestEnded(asOf: Frontend.today())
    }
    let (_, data) = try workspace.load()
    let targets = data.targets
    let regions = targets.catalog.regions
    var title = Frontend.language(lang) == .zh ? "全部" : "everyone"
    var series = data.reportingSeries
    if let region {
      let code = try RegionText.region(region, in: regions).code
      series = series.filter { $0.region == code }
      title = regions.fullName(code)
    } else if let lead {
      series = series.filter { $0.leads.contains(lead) }
      title = lead
      guard !series.isEmpty else {
        throw CommandFailure(
          .unknownTargetKey,
          "no target names the lead unit “\(lead)”; `plantrack status --format json` lists each target's lead"
        )
      }
    }
    var rows: [FillInTemplate.Row] = []
    var deadline: Day?
    for s in series {
      guard let p = month.closing(as: s.rule.frequency),
        let point = try? targets.recordPoint(for: s.key)
      else { continue }
      deadline = max(deadline ?? s.rule.deadline(of: p), s.rule.deadline(of: p))
      // The goal that applies: the first milestone due on or after the period's end (else
      // the last one, past due).
      let milestones = point.targets.flatMap { t in t.milestones.map { (t.unit.text, $0) } }
        .sorted { $0.1.due < $1.1.due }
      let next = milestones.first { $0.1.due >= p.end } ?? milestones.last
      rows.append(
        FillInTemplate.Row(
          key: s.key, name: s.title, unit: point.unit.text,
          goal: next.map { unit, m in m.goal.text(unit: unit) }, due: next?.1.due,
          last: data.series[s.key]?.last { $0.day <= p.end }, date: p.end))
    }
    let template = FillInTemplate(
      title: title, period: month.label, deadline: deadline, rows: rows)
    let url = URL(fileURLWithPath: out)
    try AtomicFile.write(template.workbook(language: Frontend.language(lang)).data(), to: url)
    Frontend.output("\(out): \(rows.count) rows for \(title), \(month.label)\n")
  }
}
