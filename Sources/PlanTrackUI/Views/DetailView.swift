import PlanTrackCore

/// One target in full: provenance, milestones, the figures and rule behind its status (the
/// explain pane) with the Open SDG measure beside it, a plan-vs-actual chart, and the entry
/// history with who and when. Scrolls with ↑↓; Tab moves to the next target.
struct DetailView {
  let state: AppState
  let theme: Theme
  var labels: Labels { state.labels }
  var zh: Bool { state.language == .zh }

  func t(_ en: String, _ cn: String) -> String { zh ? cn : en }

  func draw(into b: inout ScreenBuffer, top: Int) {
    guard let i = state.selectedIndex else { return }
    let s = state.statuses[i]
    var head = Line(s.target.name + "  ", .bold)
    head.add(labels.short(s.status), theme.style(s.status))
    if s.stale { head.add("  * " + labels.stale, .dim) }
    head.add("  " + s.target.key, .dim)
    head.draw(&b, x: 0, y: top, limit: b.width)
    let body = lines(s, width: b.width - 2)
    let rows = b.height - top - 3
    let first = min(state.detailScroll, max(0, body.count - rows))
    for (k, line) in body.dropFirst(first).prefix(rows).enumerated() {
      line.draw(&b, x: 1, y: top + 1 + k, limit: b.width)
    }
    if let lost = state.storeProblem {
      b.put(labels.storeLost(lost), x: 0, y: b.height - 2, style: theme.problem)
    } else if let m = state.message {
      b.put(m, x: 0, y: b.height - 2)
    }
    let hints = state.labels.detailHints(state.keyMap)
    OverviewView.drawHints(hints, into: &b)
  }

  func lines(_ s: TargetStatus, width: Int) -> [Line] {
    let target = s.target
    let unit = target.unit.text
    var out: [Line] = []
    func section(_ title: String) {
      out.append(Line())
      out.append(Line(title, Self.sectionStyle))
    }
    func field(_ name: String, _ value: String) { out += Self.field(name, value, width: width) }

    section(t("Provenance", "出处"))
    let d = target.document
    field(t("Document", "文件"), d.title + (d.number.map { "（\($0)）" } ?? ""))
    field(t("Issuer", "发文机关"), [d.issuer, d.region].compactMap { $0 }.joined(separator: " · "))
    field(t("Lead", "牵头单位"), target.lead.isEmpty ? "—" : target.lead.joined(separator: "、"))
    var quoted: Set<String> = []
    for m in target.milestones {
      // The quote, then each place where the plan restates the goal.
      let quotes =
        (m.quote.map { [(m.citation(in: d.sourceFile), $0, t("Quote", "原文"))] } ?? [])
        + m.restated.map {
          (
            Milestone(due: m.due, goal: m.goal, line: $0.line).citation(in: d.sourceFile), $0.text,
            t("Restated", "另见")
          )
        }
      for (place, quote, name) in quotes {
        let text = "“\(quote)”" + (place.isEmpty ? "" : "  \(place)")
        if quoted.insert(text).inserted { field(name, text) }
      }
    }

    section(t("Milestones", "节点目标"))
    for m in target.milestones {
      let met = s.actual.map { m.goal.isMet(by: $0.value, direction: target.direction) } ?? false
      var line = Line(m.due.iso + "  ")
      line.add(m.goal.text(unit: unit), m == s.governing ? .bold : .plain)
      if m.inferred { line.add("  " + t("(date inferred)", "（期限推定）"), .dim) }
      if m == s.governing { line.add("  ◀ " + t("governs the status", "决定当前状态"), .dim) }
      if met { line.add("  ✓", theme.style(.achieved)) }
      out.append(line)
    }

    section(t("Why this status", "状态说明"))
    out += explain(s, width: width)

    if target.indicator != nil || s.rollup != nil {
      section(t("Series and roll-up", "数据序列与汇总"))
      out += seriesLines(s, width: width)
    }

    section(t("Plan and actual", "计划与实际"))
    out += Chart(
      status: s, theme: theme, width: min(width, 100), height: 9, language: state.language
    )
    .lines()

    section(t("Entries", "录入记录"))
    if let history = state.histories[target.key] {
      if history.isEmpty { out.append(Line(t("no entries yet", "暂无记录"), .dim)) }
      for h in history.reversed() {
        var line = Line(h.asOf.iso + "  ")
        line.add(
          DisplayWidth.pad(
            h.value.map { NumberText.figure($0) + " " + unit } ?? t("retracted", "已撤回"), to: 16),
          h.state == .current ? .bold : .dim)
        line.add(
          "  \(h.enteredBy)  \(h.enteredAt)  \(h.state.text)" + (h.note.map { "  " + $0 } ?? ""),
          .dim)
        out.append(line)
      }
    } else {
      out.append(Line(t("loading…", "加载中…"), .dim))
    }
    return out
  }

  static let sectionStyle = Style(bold: true, underline: true)

  /// The series the target reads, the other targets on it, and its roll-up: each child
  /// region's figure, the coverage, a discrepancy.
  func seriesLines(_ s: TargetStatus, width: Int) -> [Line] {
    var out: [Line] = []
    func field(_ name: String, _ value: String) { out += Self.field(name, value, width: width) }
    let unit = s.target.unit.text
    let region = s.target.placement?.region?.name ?? s.target.document.region ?? "—"
    field(t("Series", "序列"), "\(s.target.series)  (\(region))")
    let others = state.statuses.filter {
      $0.target.series == s.target.series && $0.target.key != s.target.key
    }
    field(
      t("Also on it", "同序列目标"),
      others.isEmpty
        ? "—" : others.map { "\($0.target.name) (\($0.target.key))" }.joined(separator: "; "))
    guard let r = s.rollup else { return out }
    let sum = s.rollupParts.filter(\.reported).compactMap(\.figure?.value).reduce(0, +)
    let kind =
      r.complete
      ? t("complete (stands in when the region has none)", "完整（本级无数据时作为本级数据）")
      : t("partial (not the region's figure)", "不完整（不作为本级数据）")
    field(
      t("Roll-up", "下级汇总"),
      "\(NumberText.figure(sum)) \(unit) (\(r.date.iso)), \(r.reported)/\(r.children) \(t("reported", "已报送")); \(kind)"
    )
    if let d = r.discrepancy {
      field(
        t("Discrepancy", "口径不一致"),
        t("own figure differs from the complete roll-up by ", "本级数据与完整汇总相差 ")
          + (d >= 0 ? "+" : "") + NumberText.percent(d, digits: 1))
    }
    for p in s.rollupParts {
      var line = Line("  " + DisplayWidth.pad(p.region.name, to: 14))
      if let f = p.figure {
        line.add(
          DisplayWidth.pad(NumberText.figure(f.value) + " " + unit, to: 16, alignment: .right)
            + "  " + f.day.iso, p.reported ? .plain : .dim)
        if !p.reported { line.add("  " + labels.stale, .dim) }
      } else {
        line.add(DisplayWidth.pad("—", to: 16, alignment: .right), .dim)
      }
      out.append(line)
    }
    return out
  }

  /// The first body line of each section (provenance, milestones, status, chart, entries):
  /// where Tab jumps to.
  func sectionStarts(width: Int) -> [Int] {
    guard let i = state.selectedIndex else { return [] }
    return lines(state.statuses[i], width: width).enumerated().compactMap { k, line in
      line.runs.count == 1 && line.runs[0].1 == Self.sectionStyle ? k : nil
    }
  }

  /// A label and a value wrapped beside it.
  static func field(_ name: String, _ value: String, width: Int) -> [Line] {
    let label = DisplayWidth.pad(name, to: 14)
    return TextWrap.wrap(value, width: max(10, width - 15)).enumerated().map { k, part in
      var line = Line(k == 0 ? label : String(repeating: " ", count: 14), .dim)
      line.add(" " + part)
      return line
    }
  }

  /// Every input, formula and threshold behind the status (docs/STATUS.md).
  func explain(_ s: TargetStatus, width: Int) -> [Line] {
    var out: [Line] = []
    func field(_ name: String, _ value: String) { out += Self.field(name, value, width: width) }
    let unit = s.target.unit.text
    let th = s.thresholds
    if let a = s.actual {
      field(
        t("Actual", "最新实际值"),
        "\(NumberText.figure(a.value)) \(unit)  (\(a.day.iso), \(s.actualAgeDays ?? 0) \(t("days old", "天前")))"
          + (s.stale ? "  * " + labels.stale : ""))
    } else {
      field(t("Actual", "最新实际值"), t("none on or before ", "截至") + s.asOf.iso + t("", "无数据"))
    }
    if let stock = s.stock {
      // An increment read from a stock: the two stock figures it is the difference of.
      let latest =
        stock.latest.map { "\(NumberText.figure($0.value)) \(unit) (\($0.day.iso))" } ?? "—"
      let start =
        stock.start.map { "\(NumberText.figure($0.value)) \(unit) (\($0.day.iso))" }
        ?? t("no stock figure on or before \(stock.since.iso)", "\(stock.since.iso)及以前无存量数据")
      field(t("From the stock", "由存量计算"), "\(latest) − \(start)")
    }
    let source: String
    switch s.startSource {
    case .baseline: source = t("baseline", "基期值")
    case .periodStart: source = t("0 at the period start", "规划期初为0")
    case .firstActual: source = t("the first actual", "首个实际值")
    case .flat: source = t("none: a rate is compared as it stands", "无：增速按当期值比较")
    }
    field(
      t("Start", "起点"),
      s.start.map {
        "\(NumberText.figure($0.value)) \(unit) \(t("on", "于")) \($0.day.iso) (\(source))"
      }
        ?? source)
    field(
      t("Goal now", "当前目标"),
      "\(s.governing.goal.text(unit: unit)) \(t("by", "期限")) \(s.governing.due.iso)")
    field(
      t("Expected", "应达到"),
      s.expected.map {
        "\(NumberText.figure($0)) \(unit) \(t("on", "于")) \(s.asOf.iso) (\(t("on the planned path", "按计划路径")))"
      } ?? "—")
    field(
      t("Gap", "差距"),
      s.gap.map {
        NumberText.figure($0) + " " + unit + " " + ($0 >= 0 ? t("ahead", "超前") : t("behind", "落后"))
      } ?? "—")
    field(
      t("Progress", "完成进度"),
      s.progress.map {
        NumberText.percent($0, digits: 1) + t(" of the way from start to goal", "（起点至目标）")
      } ?? "—")
    if let d = s.daysAhead {
      field(
        t("Time", "时间进度"),
        d >= 0 ? "\(d) \(t("days ahead of plan", "天超前"))" : "\(-d) \(t("days behind plan", "天滞后"))")
    }
    field(
      t("Shortfall", "缺口比例"),
      (s.shortfallShare.map { NumberText.percent($0, digits: 1) } ?? "—")
        + "  (\(t("on track", "正常")) ≤ \(NumberText.percent(th.onTrackShortfall, digits: 0)), \(t("accelerate", "需加快")) ≤ \(NumberText.percent(th.accelerationShortfall, digits: 0)))"
    )
    if let p = s.projected {
      field(
        t("Projection", "趋势预测"),
        "\(NumberText.figure(p)) \(unit) \(t("by", "于")) \(s.governing.due.iso) (\(t("weighted trend of the last", "最近")) \(th.projectionWindow) \(t("actuals", "个实际值的加权趋势")))"
      )
    }
    if let c = s.estimatedCompletion { field(t("Reaches goal", "预计达标"), c.iso) }
    field(t("Rule", "判定规则"), s.rule.rawValue + " → " + state.language.label(s.status))
    if let sdg = s.sdg {
      field(
        "Open SDG",
        "\(t("ratio", "比值")) \(NumberText.plain(sdg.ratio, digits: 2)), \(t("score", "得分")) \(NumberText.plain(sdg.score, digits: 1)) (\(sdg.category.rawValue))"
      )
    }
    return out
  }
}
