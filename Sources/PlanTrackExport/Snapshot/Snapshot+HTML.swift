import PlanTrackCore

extension Snapshot {
  /// One self-contained HTML file: inline CSS and SVG (the status summary, a progress bar with
  /// the expected mark and a small plan-vs-actual chart per target), no scripts, A4 print
  /// styles. Every text from the targets is escaped.
  public func html(language: Language) -> String {
    let zh = language == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    let title = t("Status of the targets as of \(asOf.iso)", "目标进展情况（截至 \(asOf.iso)）")
    var out = """
      <!DOCTYPE html>
      <html lang="\(zh ? "zh-CN" : "en")">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape(title))</title>
      <style>
      @page { size: A4; margin: 12mm; }
      body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #222; margin: 16px auto; max-width: 1060px; padding: 0 12px; }
      h1 { font-size: 17pt; margin: 0 0 6px; }
      h2 { font-size: 12pt; margin: 18px 0 6px; padding-bottom: 3px; border-bottom: 1px solid #bbb; break-after: avoid; }
      table { border-collapse: collapse; width: 100%; margin-bottom: 10px; }
      th { text-align: left; font-weight: 600; color: #555; border-bottom: 1.5px solid #999; padding: 3px 5px; }
      td { border-bottom: 1px solid #e5e5e5; padding: 3px 5px; vertical-align: middle; }
      td.num, th.num { text-align: right; white-space: nowrap; }
      td.nowrap { white-space: nowrap; }
      tr { break-inside: avoid; }
      .badge { display: inline-block; padding: 1px 6px; border-radius: 3px; color: #fff; font-size: 9pt; white-space: nowrap; }
      \(Status.allCases.map { ".\($0.rawValue) { background: \($0.htmlColor); }" }.joined(separator: " "))
      .label { background: #fff3cd; border: 1px solid #d9b64d; padding: 6px 10px; margin: 8px 0; font-weight: 600; }
      .muted { color: #666; } .summary td { border: none; padding: 1px 8px 1px 0; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      </style>
      </head>
      <body>
      <h1>\(Self.escape(title))</h1>

      """
    if let label { out += "<p class=\"label\">\(Self.escape(label))</p>\n" }
    let totals = Rollup.totals(statuses)
    out += "<h2>\(t("Summary", "总体情况"))</h2>\n"
    out += Self.stackedBar(totals, width: 640, height: 16) + "\n"
    out += "<table class=\"summary\"><tr>"
    for s in Status.allCases {
      let n = totals.counts[s] ?? 0
      let share =
        totals.total > 0 ? NumberText.percent(Double(n) / Double(totals.total), digits: 0) : "0%"
      out +=
        "<td><span class=\"badge \(s.rawValue)\">\(Self.escape(language.label(s)))</span> \(n) <span class=\"muted\">(\(share))</span></td>"
    }
    out += "</tr></table>\n"
    out += "<table><tr><th>\(t("Document", "文件"))</th><th class=\"num\">\(t("Targets", "目标数"))</th>"
    out +=
      Status.allCases.map { "<th class=\"num\">\(Self.escape(language.label($0)))</th>" }.joined()
      + "</tr>\n"
    for g in Rollup(statuses, by: .document).groups {
      out += "<tr><td>\(Self.escape(documentTitle(g.name)))</td><td class=\"num\">\(g.total)</td>"
      out +=
        Status.allCases.map { "<td class=\"num\">\(g.counts[$0] ?? 0)</td>" }.joined() + "</tr>\n"
    }
    out += "</table>\n"
    for summary in timeliness {
      let table = Self.timelinessTable(summary, language: language)
      out += "<h2>\(Self.escape(table.title))</h2>\n<table><tr>"
      out +=
        table.header.enumerated().map { i, h in
          "<th\(i == 0 ? "" : " class=\"num\"")>\(Self.escape(h))</th>"
        }.joined() + "</tr>\n"
      for row in table.rows {
        out +=
          "<tr>"
          + row.enumerated().map { i, c in
            "<td\(i == 0 ? "" : " class=\"num\"")>\(Self.escape(c))</td>"
          }.joined() + "</tr>\n"
      }
      out += "</table>\n"
    }
    for (doc, items) in byDocument {
      out += "<h2>\(Self.escape(doc.title))"
      if let n = doc.number { out += " <span class=\"muted\">\(Self.escape(n))</span>" }
      out += "</h2>\n<table>\n<tr><th>\(t("Status", "状态"))</th><th>\(t("Target", "目标"))</th>"
      out +=
        "<th class=\"num\">\(t("Actual", "实际值"))</th><th class=\"num\">\(t("Goal", "目标值"))</th>"
      out +=
        "<th>\(t("Progress", "进度"))</th><th>\(t("Due", "期限"))</th><th>\(t("Plan and actual", "计划与实际"))</th>"
      out += "<th>\(t("Lead", "牵头单位"))</th></tr>\n"
      for s in items {
        let unit = Self.escape(s.target.unit.text)
        let actual =
          s.actual.map {
            "\(NumberText.figure($0.value)) \(unit)<br><span class=\"muted\">\($0.day.iso)\(s.stale ? " *" : "")</span>"
          } ?? "—"
        out +=
          "<tr><td><span class=\"badge \(s.status.rawValue)\">\(Self.escape(language.label(s.status)))</span></td>"
        out += "<td>\(Self.escape(s.target.name))</td>"
        let mark =
          s.rollupMark.isEmpty
          ? "" : "<br><span class=\"muted\">\(Self.escape(s.rollupMark))</span>"
        out += "<td class=\"num\">\(actual)\(mark)</td>"
        out +=
          "<td class=\"num\">\(Self.escape(s.governing.goal.text(unit: s.target.unit.text)))</td>"
        out +=
          "<td class=\"nowrap\">\(Self.progressBar(s)) \(s.progressText)</td>"
        out += "<td class=\"nowrap\">\(s.governing.due.iso)</td>"
        out += "<td>\(Self.chart(s))</td>"
        out += "<td>\(Self.escape(s.target.lead.joined(separator: "、")))</td></tr>\n"
      }
      out += "</table>\n"
    }
    out +=
      "<p class=\"muted\">\(t("Bars: filled = progress from the start to the goal; the dark mark = where the plan expects it by now. Charts: grey line = plan, diamonds = milestones, dots = actuals, dashed = projection. * = a figure older than its reporting frequency allows.", "进度条：填充为从起点到目标的完成度，深色竖线为按计划此时应达到的位置。小图：灰线为计划路径，菱形为节点目标，圆点为实际值，虚线为趋势预测。* 表示数据超过报送周期未更新。"))</p>\n"
    out += "</body>\n</html>\n"
    return out
  }

  /// Text safe in HTML content and attributes; controls become U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(" ")
      default:
        if scalar.isControlOrBidi {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  static func f(_ v: Double) -> String { NumberText.plain(v, digits: 1) }

  static func stackedBar(_ totals: Rollup.Group, width: Double, height: Double) -> String {
    var svg =
      "<svg width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\">"
    var x = 0.0
    for s in Status.allCases {
      let n = Double(totals.counts[s] ?? 0)
      guard n > 0, totals.total > 0 else { continue }
      let w = width * n / Double(totals.total)
      svg +=
        "<rect x=\"\(f(x))\" y=\"0\" width=\"\(f(w))\" height=\"\(f(height))\" fill=\"\(s.htmlColor)\"/>"
      x += w
    }
    return svg + "</svg>"
  }

  static func progressBar(_ s: TargetStatus) -> String {
    let w = 110.0
    let h = 10.0
    var svg = "<svg width=\"\(f(w))\" height=\"\(f(h))\" viewBox=\"0 0 \(f(w)) \(f(h))\">"
    svg += "<rect x=\"0\" y=\"0\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"#e8e8e8\"/>"
    if let p = ProgressBar.clamped(s.progress) {
      svg +=
        "<rect x=\"0\" y=\"0\" width=\"\(f(w * p))\" height=\"\(f(h))\" fill=\"\(s.status.htmlColor)\"/>"
    }
    if let e = ProgressBar.clamped(s.expectedShare) {
      let x = w * e
      svg +=
        "<rect x=\"\(f(max(0, x - 1)))\" y=\"0\" width=\"2\" height=\"\(f(h))\" fill=\"#111\"/>"
    }
    return svg + "</svg>"
  }

  /// A small plan-vs-actual chart on the target's own scale.
  static func chart(_ s: TargetStatus) -> String {
    let w = 150.0
    let h = 38.0
    let dir = s.target.direction
    var plan: [Observation] = []
    if let start = s.start { plan.append(start) }
    plan += s.target.milestones.map { Observation(day: $0.due, value: $0.goal.pathValue(dir)) }
    let actuals = s.projection?.points ?? (s.actual.map { [$0] } ?? [])
    var projection: [Observation] = []
    if let p = s.projected, let a = s.actual, s.governing.due > a.day {
      projection = [a, Observation(day: s.governing.due, value: p)]
    }
    let all = plan + actuals + projection
    guard let d0 = all.map(\.day).min(), let d1 = all.map(\.day).max(), d0 < d1,
      let v0 = all.map(\.value).min(), let v1 = all.map(\.value).max()
    else { return "" }
    let pad = max((v1 - v0) * 0.08, abs(v1) * 0.01, 1e-9)
    let (lo, hi) = (v0 - pad, v1 + pad)
    func x(_ d: Day) -> Double { 3 + (w - 6) * Double(d0.days(to: d)) / Double(d0.days(to: d1)) }
    func y(_ v: Double) -> Double { h - 3 - (h - 6) * (v - lo) / (hi - lo) }
    func points(_ o: [Observation]) -> String {
      o.map { "\(f(x($0.day))),\(f(y($0.value)))" }.joined(separator: " ")
    }
    var svg = "<svg width=\"\(f(w))\" height=\"\(f(h))\" viewBox=\"0 0 \(f(w)) \(f(h))\">"
    svg +=
      "<rect x=\"0\" y=\"0\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"#fafafa\" stroke=\"#ddd\"/>"
    if plan.count >= 2, !s.target.kind.isFlat {
      svg +=
        "<polyline points=\"\(points(plan))\" fill=\"none\" stroke=\"#999\" stroke-width=\"1.2\"/>"
    }
    if projection.count == 2 {
      svg +=
        "<polyline points=\"\(points(projection))\" fill=\"none\" stroke=\"\(s.status.htmlColor)\" stroke-width=\"1\" stroke-dasharray=\"3,2\"/>"
    }
    for m in s.target.milestones {
      let cx = x(m.due)
      let cy = y(m.goal.pathValue(dir))
      svg +=
        "<path d=\"M\(f(cx)) \(f(cy - 3.5)) L\(f(cx + 3.5)) \(f(cy)) L\(f(cx)) \(f(cy + 3.5)) L\(f(cx - 3.5)) \(f(cy)) Z\" fill=\"#555\"/>"
    }
    for a in actuals {
      svg +=
        "<circle cx=\"\(f(x(a.day)))\" cy=\"\(f(y(a.value)))\" r=\"2.2\" fill=\"\(s.status.htmlColor)\"/>"
    }
    return svg + "</svg>"
  }
}
