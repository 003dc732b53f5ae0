import PlanTrackCore

extension Reminder {
  /// The notice in `format` and `language`.
  public func text(_ format: Format, language: Language) -> String {
    let (title, sections) = content(language)
    switch format {
    case .md:
      var out = "# \(StatusReport.markdownCell(title))\n\n"
      for s in sections {
        out += "## \(s.title)\n\n"
        guard !s.rows.isEmpty else {
          out += s.empty + "\n\n"
          continue
        }
        out += "| " + s.header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: s.header.count) + "\n"
        for row in s.rows {
          out += "| " + row.map(StatusReport.markdownCell).joined(separator: " | ") + " |\n"
        }
        out += "\n"
      }
      return out
    case .html:
      let e = Snapshot.escape
      var out = """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head><meta charset="utf-8"><title>\(e(title))</title>
        <style>body { font-family: sans-serif; margin: 2em; } table { border-collapse: collapse; }
        td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }</style>
        </head>
        <body>
        <h1>\(e(title))</h1>

        """
      for s in sections {
        out += "<h2>\(e(s.title))</h2>\n"
        guard !s.rows.isEmpty else {
          out += "<p>\(e(s.empty))</p>\n"
          continue
        }
        out += "<table><tr>" + s.header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
        for row in s.rows {
          out += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</table>\n"
      }
      return out + "</body>\n</html>\n"
    }
  }

  struct Section {
    var title: String
    var header: [String]
    var rows: [[String]]
    var empty: String
  }

  /// The title and the two sections (figures to report or correct; targets to watch), as
  /// plain cells both formats draw.
  func content(_ language: Language) -> (String, [Section]) {
    let zh = language == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    let title = t("Reminder to \(name) (as of \(asOf.iso))", "督办通知：\(name)（截至 \(asOf.iso)）")
    let figureRows = figures.map { item -> [String] in
      let latest =
        item.latest.map {
          "\(NumberText.figure($0.value)) (\($0.day.iso))"
        } ?? "—"
      var what = language.label(item.cell)
      if item.cell == .returned, let c = item.review.returnComment {
        what += t(": ", "：") + c
      }
      return [
        item.series.title, item.series.key, item.review.period.label,
        item.review.deadline.iso, what, latest,
      ]
    }
    let targetRows = targets.map { s -> [String] in
      let due = s.target.final.due
      return [
        s.target.name, language.label(s.status),
        s.actual.map { "\(NumberText.figure($0.value)) \(s.target.unit.text) (\($0.day.iso))" }
          ?? "—",
        s.governing.goal.text(unit: s.target.unit.text), due.iso,
        s.target.document.title + (s.governing.quote.map { t(": “\($0)”", "：“\($0)”") } ?? ""),
      ]
    }
    return (
      title,
      [
        Section(
          title: t("Figures to report or correct", "需报送或更正的数据"),
          header: [
            t("Series", "指标"), t("Key", "序列"), t("Period", "报告期"), t("Deadline", "截止日期"),
            t("State", "情况"), t("Latest figure", "最新数据"),
          ],
          rows: figureRows,
          empty: t("Nothing is missing, late or returned.", "无缺报、迟报或退回的数据。")),
        Section(
          title: t(
            "Targets off track or within \(Self.soonDays) days of their deadline",
            "进展滞后或距期限不足\(Self.soonDays)天的目标"),
          header: [
            t("Target", "目标"), t("Status", "状态"), t("Actual", "实际值"), t("Goal", "目标值"),
            t("Deadline", "期限"), t("Plan", "文件原文"),
          ],
          rows: targetRows,
          empty: t("No target is off track or close to its deadline.", "无进展滞后或临近期限的目标。")),
      ]
    )
  }
}
