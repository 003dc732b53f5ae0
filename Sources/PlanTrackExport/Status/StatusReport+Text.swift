import PlanTrackCore

extension StatusReport {
  /// A column-aligned table for the terminal: Chinese text is measured by display width.
  public func table(language: Language) -> String {
    let zh = language == .zh
    let header =
      zh
      ? ["状态", "目标", "实际 / 目标", "进度", "期限", "键"]
      : ["STATUS", "TARGET", "ACTUAL / GOAL", "PROGRESS", "DUE", "KEY"]
    var rows: [[String]] = [header]
    for s in statuses {
      rows.append([
        language.label(s.status) + (s.stale ? (zh ? " 过期" : " stale") : ""),
        DisplayWidth.truncate(s.target.name, to: 36),
        s.actualOverGoal(),
        s.progress.map { NumberText.percent($0) } ?? "—",
        s.governing.due.iso,
        s.target.key,
      ])
    }
    var out = TextTable.render(rows, rightAligned: [2, 3])
    let totals = self.totals
    let counts = Status.allCases.reversed().compactMap { st -> String? in
      let n = totals.counts[st, default: 0]
      return n == 0 ? nil : "\(language.label(st)) \(n)"
    }
    out +=
      "\n"
      + (zh
        ? "截至 \(asOf.iso)，共 \(totals.total) 项：" : "as of \(asOf.iso), \(totals.total) targets: ")
      + counts.joined(separator: zh ? "，" : ", ") + "\n"
    return out
  }

  /// The columns of a target's region, indicator, series and roll-up, as both CSVs write them.
  public static let seriesColumns = [
    "regionCode", "regionName", "regionLevel", "indicator", "series", "rollupValue", "rollupDate",
    "rollupReported", "rollupChildren", "rollupComplete", "discrepancy",
  ]

  /// The cells of `seriesColumns` for one target.
  public static func seriesCells(_ s: TargetStatus) -> [String] {
    func n(_ v: Double?) -> String { v.map { NumberText.plain($0, digits: 6) } ?? "" }
    let t = s.target
    let r = t.placement?.region
    let roll = s.rollup
    return [
      r?.code ?? "", r?.name ?? t.regionName ?? t.document.region ?? "", r?.level.rawValue ?? "",
      t.indicator ?? "", t.series, n(roll?.value), roll?.date.iso ?? "",
      roll.map { "\($0.reported)" } ?? "", roll.map { "\($0.children)" } ?? "",
      roll.map { $0.complete ? "true" : "false" } ?? "", n(roll?.discrepancy),
    ]
  }

  /// The contract's fields as CSV: UTF-8 with a BOM (Excel shows the Chinese), RFC 4180
  /// quoting, and cells that look like formulas neutralised with a leading `'`.
  public func csv() -> String {
    let header =
      [
        "key", "name", "document", "category", "unit", "status", "actual", "actualDate",
        "expected", "goal", "due", "progress", "projected", "stale",
      ] + StatusReport.seriesColumns
    var out = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
    func n(_ v: Double?) -> String { v.map { NumberText.plain($0, digits: 6) } ?? "" }
    for s in statuses {
      let t = s.target
      let cells =
        [
          t.key, t.name, t.document.id, t.category, t.unit.text, s.status.rawValue,
          n(s.actual?.value),
          s.actual?.day.iso ?? "", n(s.expected), n(s.goal), s.governing.due.iso, n(s.progress),
          n(s.projected), s.stale ? "true" : "false",
        ] + StatusReport.seriesCells(s)
      out += cells.map(StatusReport.csvCell).joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// One CSV cell: formula-like text (starting with = + - @ tab CR) gets a leading `'` unless it
  /// is a plain number; cells with commas, quotes or line breaks are quoted.
  public static func csvCell(_ text: String) -> String {
    var cell = text
    if let first = cell.utf8.first, "=+-@\t\r".utf8.contains(first), Double(cell) == nil {
      cell = "'" + cell
    }
    // Bytes, not Characters: these are ASCII, and a CSV of 10,000 targets has 300,000 cells.
    if cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
      cell = "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }
    return cell
  }

  /// A Markdown table of the statuses with a title and the counts.
  public func markdown(language: Language) -> String {
    let zh = language == .zh
    var out = zh ? "# 目标进度（截至 \(asOf.iso)）\n\n" : "# Target status as of \(asOf.iso)\n\n"
    out +=
      zh
      ? "| 状态 | 目标 | 实际 / 目标 | 进度 | 期限 | 键 |\n"
      : "| Status | Target | Actual / goal | Progress | Due | Key |\n"
    out += "|---|---|---:|---:|---|---|\n"
    for s in statuses {
      let cells = [
        language.label(s.status) + (s.stale ? (zh ? "（过期）" : " (stale)") : ""),
        s.target.name, s.actualOverGoal(),
        s.progress.map { NumberText.percent($0) } ?? "—",
        s.governing.due.iso, "`\(s.target.key)`",
      ]
      out += "| " + cells.map(StatusReport.markdownCell).joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// Escapes what would break a Markdown table cell or inject markup.
  public static func markdownCell(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "|": out += "\\|"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\n", "\r", "\r\n": out += " "
      default: out += String(c).escapingControls
      }
    }
    return out
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
