import Foundation
import PlanTrackCore

extension Snapshot {
  /// The snapshot as a workbook a superior can sort and filter: a sheet with one row per
  /// target and every status field (numbers as numbers, dates as dates, the status cell
  /// coloured as in the HTML), frozen header and autofilter; then a summary sheet with the
  /// counts per document, region and lead unit, and 报送及时率 where the cycle is used.
  public func workbook(language: Language) -> XLSXWorkbook {
    let zh = language == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    let header: [String] = [
      t("Key", "编号"), t("Target", "目标"), t("Document", "文件"), t("Category", "类别"),
      t("Region", "地区"), t("Region code", "区划代码"), t("Lead", "牵头单位"), t("Indicator", "指标"),
      t("Series", "序列"), t("Status", "状态"), t("Unit", "单位"), t("Actual", "实际值"),
      t("Actual date", "数据日期"), t("Expected", "应达值"), t("Gap", "差距"), t("Goal", "目标值"),
      t("Comparator", "比较"), t("Due", "期限"), t("Deadline", "最终期限"),
      t("Progress (%)", "进度（%）"), t("Days ahead", "超前天数"), t("Projected", "预计值"),
      t("Estimated completion", "预计完成"), t("Stale", "数据过期"),
      t("Approval", "审核状态"), t("Reporting period", "报告期"), t("Reporting", "报送情况"),
      t("Quote", "原文"),
    ]
    var rows: [[XLSXCell]] = [header.map { .text($0, .header) }]
    for s in statuses {
      let target = s.target
      let region = target.placement?.region
      let r = reporting[target.key]
      rows.append([
        .text(target.key), .text(target.name), .text(target.document.title),
        .text(target.category),
        .text(region?.name ?? target.regionName ?? target.document.region),
        .text(region?.code), .text(target.lead.joined(separator: "、")), .text(target.indicator),
        .text(target.series), .text(language.label(s.status), .status(s.status)),
        .text(target.unit.text), .number(s.actual?.value, .figure), .date(s.actual?.day),
        .number(s.expected, .figure), .number(s.gap, .figure), .number(s.goal, .figure),
        .text(s.governing.goal.comparator), .date(s.governing.due), .date(target.final.due),
        .number(s.progress.map { $0 * 100 }, .figure), .number(s.daysAhead.map(Double.init)),
        .number(s.projected, .figure), .date(s.estimatedCompletion),
        .text(s.stale ? t("yes", "是") : t("no", "否")),
        .text(r?.approval.map(language.label)), .text(r?.period.label),
        .text(r.map { language.label($0.timeliness) }), .text(s.governing.quote),
      ])
    }
    let status = XLSXSheet(name: t("Status", "目标进展"), rows: rows)
    return XLSXWorkbook(sheets: [status, summarySheet(language: language)])
  }

  /// Counts per document, region and lead unit, each a block under its title; then the
  /// timeliness tables.
  func summarySheet(language: Language) -> XLSXSheet {
    let zh = language == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    var rows: [[XLSXCell]] = []
    if let label { rows.append([.text(label, .header)]) }
    rows.append([.text(t("As of", "截至"), .header), .date(asOf)])
    let blocks: [(String, Rollup.Dimension)] = [
      (t("By document", "按文件"), .document), (t("By region", "按地区"), .region),
      (t("By lead unit", "按牵头单位"), .lead),
    ]
    for (title, dimension) in blocks {
      rows.append([])
      rows.append(
        [.text(title, .header), .text(t("Targets", "目标数"), .header)]
          + Status.allCases.map { .text(language.label($0), .status($0)) })
      for g in Rollup(statuses, by: dimension).groups {
        let name = dimension == .document ? documentTitle(g.name) : g.name
        rows.append(
          [.text(name), .number(Double(g.total))]
            + Status.allCases.map { .number(Double(g.counts[$0] ?? 0)) })
      }
    }
    for summary in timeliness {
      let table = Self.timelinessTable(summary, language: language)
      rows.append([])
      rows.append([.text(table.title, .header)])
      // The rate in percentage points, as the status sheet's progress.
      rows.append(
        (table.header.dropLast() + [table.header.last! + " (%)"]).map { .text($0, .header) })
      for (row, r) in zip(table.rows, summary.rows) {
        rows.append(
          [.text(row[0])] + [r.onTime, r.late, r.missing, r.notDue].map { .number(Double($0)) }
            + [.number(r.rate.map { $0 * 100 }, .figure)])
      }
    }
    return XLSXSheet(name: t("Summary", "汇总"), rows: rows, frozenRows: 0, autoFilter: false)
  }
}
