import PlanTrackCore

extension Snapshot {
  /// A report for Markdown viewers: the counts per document and per category, then a table of
  /// each document's targets with Unicode progress bars.
  public func markdown(language: Language) -> String {
    let zh = language == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    var out = t("# Status of the targets as of \(asOf.iso)\n\n", "# 目标进展情况（截至 \(asOf.iso)）\n\n")
    if let label { out += "> **\(StatusReport.markdownCell(label))**\n\n" }
    let totals = Rollup.totals(statuses)
    out += t("\(totals.total) targets: ", "共 \(totals.total) 个目标：")
    out += Status.allCases.map { "\(language.label($0)) \(totals.counts[$0] ?? 0)" }.joined(
      separator: " · ")
    out += "\n\n"
    for (title, dimension) in [
      (t("By document", "按文件"), Rollup.Dimension.document), (t("By category", "按类别"), .category),
    ] {
      out += "## \(title)\n\n"
      out += "| \(t("Group", "分组")) | \(t("Targets", "目标数")) | "
      out += Status.allCases.map { language.label($0) }.joined(separator: " | ") + " |\n"
      out += "|---|---:|" + String(repeating: "---:|", count: Status.allCases.count) + "\n"
      for g in Rollup(statuses, by: dimension).groups {
        let name = dimension == .document ? documentTitle(g.name) : g.name
        let cells =
          [StatusReport.markdownCell(name), "\(g.total)"]
          + Status.allCases.map { "\(g.counts[$0] ?? 0)" }
        out += "| " + cells.joined(separator: " | ") + " |\n"
      }
      out += "\n"
    }
    for summary in timeliness {
      out += timelinessMarkdown(summary, language: language)
    }
    for (doc, items) in byDocument {
      out += "## " + StatusReport.markdownCell(doc.title)
      if let n = doc.number { out += "（" + StatusReport.markdownCell(n) + "）" }
      out += "\n\n"
      out += t(
        "| Status | Target | Actual | Goal | Progress | Due | Lead |\n",
        "| 状态 | 目标 | 实际值 | 目标值 | 进度 | 期限 | 牵头单位 |\n")
      out += "|---|---|---:|---:|---|---|---|\n"
      for s in items {
        let actual =
          s.actual.map {
            "\(NumberText.figure($0.value)) \(s.target.unit.text) (\($0.day.iso))"
              + (s.stale ? " *" : "")
          } ?? "—"
        let actualCell = s.rollupMark.isEmpty ? actual : actual + " " + s.rollupMark
        let progress =
          "`\(Self.bar(s.progress, expected: s.expectedShare, width: 10))` " + s.progressText
        let cells = [
          language.label(s.status), s.target.name, actualCell,
          s.governing.goal.text(unit: s.target.unit.text), progress,
          s.governing.due.iso,
          s.target.lead.joined(separator: "、"),
        ]
        out +=
          "| "
          + cells.enumerated().map { $0 == 4 ? $1 : StatusReport.markdownCell($1) }.joined(
            separator: " | ") + " |\n"
      }
      out += "\n"
    }
    out += t(
      "`█` progress, `│` where the plan expects it by now, `*` a figure older than its reporting frequency allows.\n",
      "`█` 进度，`│` 按计划此时应达到的位置，`*` 数据超过报送周期未更新。\n")
    return out
  }

  /// The title, header and rows of a timeliness table (Markdown and HTML draw it).
  static func timelinessTable(_ summary: TimelinessSummary, language: Language)
    -> (title: String, header: [String], rows: [[String]])
  {
    let zh = language == .zh
    let byOffice = summary.grouping == .office
    let title =
      zh
      ? "报送及时率（按\(byOffice ? "地区" : "牵头单位")）"
      : "Reporting timeliness by \(byOffice ? "office" : "lead unit")"
    let header =
      [zh ? (byOffice ? "地区" : "牵头单位") : (byOffice ? "Office" : "Lead unit")]
      + Timeliness.allCases.map { language.label($0) } + [zh ? "及时率" : "On-time rate"]
    let rows = summary.rows.map { r in
      [
        r.name, "\(r.onTime)", "\(r.late)", "\(r.missing)", "\(r.notDue)",
        r.rate.map { NumberText.percent($0) } ?? "—",
      ]
    }
    return (title, header, rows)
  }

  /// `## Reporting timeliness by office`: on time, late, missing, not due and the rate.
  func timelinessMarkdown(_ summary: TimelinessSummary, language: Language) -> String {
    let table = Self.timelinessTable(summary, language: language)
    var out = "## \(table.title)\n\n"
    out += "| " + table.header.joined(separator: " | ") + " |\n"
    out += "|---|---:|---:|---:|---:|---:|\n"
    for row in table.rows {
      out += "| " + row.map(StatusReport.markdownCell).joined(separator: " | ") + " |\n"
    }
    return out + "\n"
  }

  func documentTitle(_ id: String) -> String {
    statuses.first { $0.target.document.id == id }?.target.document.title ?? id
  }

  /// A bar of `width` blocks: █ done, ░ to do, │ the expected mark.
  static func bar(_ share: Double?, expected: Double?, width: Int) -> String {
    ProgressBar.text(share: share, expected: expected, width: width, glyphs: ("█", "░", "│"))
  }
}
