import PlanTrackCore

/// The words of the dashboard in English or Chinese.
public struct Labels: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  private func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

  public var status: String { t("Status", "状态") }
  public var target: String { t("Target", "目标") }
  public var actualGoal: String { t("Actual / goal", "实际 / 目标") }
  public var progress: String { t("Progress", "进度") }
  public var due: String { t("Due", "期限") }
  public var daysLeft: String { t("Left", "剩余") }
  public var lead: String { t("Lead", "牵头单位") }
  public var region: String { t("Region", "地区") }
  public var indicator: String { t("Indicator", "指标") }
  public var document: String { t("Document", "文件") }
  public var updated: String { t("Updated", "更新日期") }
  /// The title of a percentage column without its bar.
  public var percent: String { "%" }
  public var asOf: String { t("as of", "截至") }
  public var targets: String { t("targets", "个目标") }
  public var stale: String { t("stale", "待更新") }
  public var filter: String { t("filter", "筛选") }
  public var hidden: String { t("hidden", "已隐藏") }
  public var sortedBy: String { t("sorted by", "排序：") }
  public var groupedBy: String { t("grouped by", "分组：") }
  public var reloading: String { t("reloading…", "正在重新加载…") }
  public var exported: String { t("snapshot written:", "已导出：") }
  /// The footer while the store is out of reach.
  public func storeLost(_ reason: String) -> String {
    t("store out of reach, retrying (figures as last loaded): ", "无法连接数据库，正在重试（显示上次加载的数据）：")
      + reason
  }
  public var readOnly: String { t("read-only: entries cannot be saved", "只读：无法保存数据") }
  public var noTargets: String { t("no targets match", "没有符合条件的目标") }
  public var tooSmall: String { t("terminal too small (need 80×24)", "终端太小（至少需要 80×24）") }
  public var days: String { t("d", "天") }

  // MARK: A workspace without figures

  /// The one line that says no figure is recorded yet.
  public var noFiguresYet: String {
    t("No figures yet: every target shows “no data”. To begin:", "尚无数据：所有目标均显示“无数据”。可以：")
  }
  public var addFigureStep: String {
    t("enter a figure for the selected target", "为所选目标录入本月数据")
  }
  public var importStep: String {
    t("import a CSV file or a workbook (.xlsx)", "从 CSV 文件或 Excel 工作簿导入数据")
  }
  public var demoStep: String { t("see the dashboard on demo figures", "用演示数据查看仪表盘") }

  /// The days-left column's text: days to the governing milestone (`549d`, `549天`), or how
  /// long ago it passed, never a negative number: `182d ago`, `逾期182天` — but `已过91天`
  /// for an achieved target, which is past its date and not overdue.
  public func daysLeftText(_ days: Int, status: Status) -> String {
    guard days < 0 else { return "\(days)" + self.days }
    if language == .en { return "\(-days)d ago" }
    return (status == .achieved ? "已过" : "逾期") + "\(-days)天"
  }

  /// Why the text after `/` cannot be read, for the footer, with the names it may use
  /// instead: those that begin as typed if any do (`status:off` → off-track), else all.
  public func filterProblem(_ problem: FilterError) -> String {
    func choices(_ typed: String, _ valid: [String]) -> String {
      let near = valid.filter { $0.hasPrefix(typed) }
      return (near.isEmpty ? valid : near).joined(separator: " ")
    }
    switch problem {
    case .unknownField(let f, let valid):
      return t("unknown field “\(f)”; fields: ", "没有“\(f)”这一字段；可用：") + choices(f, valid)
    case .unknownStatus(let s, let valid):
      return t("unknown status “\(s)”; statuses: ", "没有“\(s)”这一状态；可用：") + choices(s, valid)
    case .missingValue(let f, let examples):
      return t("“\(f):” takes", "“\(f):”后面需要一个值")
        + (examples.isEmpty ? t(" a value", "") : t(" ", "：") + examples.joined(separator: " "))
    }
  }

  /// A status in at most 10 columns, for the table.
  public func short(_ s: Status) -> String {
    guard language == .en else { return s.chinese }
    return s == .needsAcceleration ? "accelerate" : s.english
  }

  public func sortName(_ s: AppState.Sort) -> String {
    switch s {
    case .status: t("status", "状态")
    case .gap: t("gap", "差距")
    case .due: t("due date", "期限")
    case .progress: t("progress", "进度")
    case .name: t("name", "名称")
    case .lead: t("lead unit", "牵头单位")
    case .region: t("region", "地区")
    case .indicator: t("indicator", "指标")
    case .document: t("document", "文件")
    case .updated: t("last update", "更新日期")
    }
  }

  public func groupName(_ g: AppState.Grouping) -> String {
    switch g {
    case .document: t("document", "文件")
    case .category: t("category", "类别")
    case .region: t("region", "地区")
    case .lead: t("lead unit", "牵头单位")
    case .status: t("status", "状态")
    case .none: t("none", "不分组")
    }
  }

  // MARK: The reporting board

  public var board: String { t("reporting board", "报送情况") }
  public var office: String { t("Office", "报送单位") }
  public var unapproved: String { t("not yet approved", "尚未审核") }
  public var noSeries: String { t("no series to report", "没有需要报送的数据") }
  public var noneInPeriod: String { t("no series reports in this period", "本期没有需要报送的数据") }
  public var comment: String { t("Comment", "退回意见") }
  public var commentRequired: String {
    t("comment: empty (say what to correct)", "退回意见：不能为空（请说明需要更正什么）")
  }
  public func returnTitle(_ period: String, _ name: String) -> String {
    t("Return with a comment: ", "退回并说明意见：") + period + " · " + name
  }
  public func figuresToReturn(_ n: Int) -> String {
    t("\(n) submitted figure" + (n == 1 ? "" : "s") + ": ", "\(n) 项已报送数据：")
  }
  public var commentHints: String { t("Enter return  Esc cancel", "回车 退回  Esc 取消") }
  public func more(_ n: Int) -> String { t("… \(n) more", "… 另有 \(n) 项") }
  public func nothingSubmitted(_ period: String) -> String {
    t("nothing submitted in \(period) here to approve or return", "\(period) 此处没有待审核的数据")
  }
  public func reviewed(_ action: ReviewAction, count: Int, period: String) -> String {
    switch action {
    case .return: t("returned \(count) of \(period)", "已退回 \(period) 的 \(count) 项数据")
    default: t("approved \(count) of \(period)", "已审核通过 \(period) 的 \(count) 项数据")
    }
  }

  /// A board cell's word: statuses stay readable without colour.
  public func cell(_ c: ReportingCell) -> String { language.label(c) }

  public func boardGroupName(_ g: ReportingLedger.Grouping) -> String {
    switch g {
    case .office: t("office", "报送单位")
    case .lead: t("lead unit", "牵头单位")
    }
  }

  /// The footer while settings could not all be used: the first problem, how many more, and
  /// that the defaults stand in.
  public func settingsProblems(_ problems: [String]) -> String {
    guard let first = problems.first else { return "" }
    let n = problems.count
    return t(
      "settings: \(n) problem\(n == 1 ? "" : "s"), defaults in use (plantrack config): ",
      "设置有 \(n) 处问题，已用默认值（见 plantrack config）：") + first
  }

  /// A key as the footer and the help screen show it: ↑, Enter/回车, Esc, Ctrl-C, q.
  public func keyText(_ key: Key) -> String {
    switch key {
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .enter: t("Enter", "回车")
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .backspace: "Backspace"
    case .delete: "Delete"
    case .char(" "): t("Space", "空格")
    case .char(let c): String(c)
    case .control(let c): "Ctrl-" + String(c).uppercased()
    }
  }

  /// The first key of each of `actions` in `view`, run together (↑↓, 1-6 for six digits in a
  /// row).
  public func keysText(_ actions: [DashboardAction], _ view: DashboardAction.View, _ map: KeyMap)
    -> String
  {
    let firsts = actions.compactMap { map.keys(for: $0, in: view).first }
    if let range = digitRange(firsts) { return range }
    return joined(firsts)
  }

  /// Six digits in a row as 1-6, else nil.
  func digitRange(_ keys: [Key]) -> String? {
    let digits = keys.compactMap { k -> Int? in
      if case .char(let c) = k, c.isASCII { return c.wholeNumberValue } else { return nil }
    }
    guard digits.count == keys.count, digits.count > 2,
      zip(digits, digits.dropFirst()).allSatisfy({ $1 == $0 + 1 })
    else { return nil }
    return "\(digits.first!)-\(digits.last!)"
  }

  /// Keys as text: arrows run together (↑↓), other keys apart by spaces.
  func joined(_ keys: [Key]) -> String {
    var out = ""
    var previousArrow = false
    for key in keys {
      let arrow = [Key.up, .down, .left, .right].contains(key)
      if !out.isEmpty, !(arrow && previousArrow) { out += " " }
      out += keyText(key)
      previousArrow = arrow
    }
    return out
  }

  /// The keys of `actions` in `view` as the help screen lists them: every key of one or two
  /// actions, or of arrow actions (↑↓←→ h j k l: arrows together when the first is an arrow),
  /// else the first key of each (↑↓ PgUp PgDn Home; 1-6).
  public func allKeysText(
    _ actions: [DashboardAction], _ view: DashboardAction.View, _ map: KeyMap
  ) -> String {
    let isArrow = { (k: Key) in [Key.up, .down, .left, .right].contains(k) }
    let firsts = actions.compactMap { map.keys(for: $0, in: view).first }
    var keys: [Key]
    if actions.count <= 2 || firsts.allSatisfy(isArrow) {
      var seen = Set<Key>()
      keys = actions.flatMap { map.keys(for: $0, in: view) }.filter { seen.insert($0).inserted }
    } else {
      if let range = digitRange(firsts) { return range }
      keys = firsts
    }
    guard let first = keys.first else { return "" }
    // Arrows run together: up front when the first key is one, else where they stand.
    if isArrow(first) {
      let arrows = keys.filter(isArrow).map(keyText).joined()
      return ([arrows] + keys.filter { !isArrow($0) }.map(keyText)).joined(separator: " ")
    }
    return keys.map(keyText).joined(separator: " ")
  }

  /// A footer hint: the keys and what they do, when the map gives the action a key.
  private func hint(
    _ actions: [DashboardAction], _ view: DashboardAction.View, _ map: KeyMap, _ en: String,
    _ zh: String
  ) -> String? {
    let keys = keysText(actions, view, map)
    return keys.isEmpty ? nil : keys + " " + t(en, zh)
  }

  public func detailHints(_ map: KeyMap = .standard) -> [String] {
    let targets = [
      map.keys(for: .nextTarget, in: .detail).first,
      map.keys(for: .previousTarget, in: .detail).first,
    ].compactMap { $0 }.map(keyText)
    return [
      hint([.up, .down], .detail, map, "scroll", "滚动"),
      hint([.back], .detail, map, "back", "返回"),
      hint([.nextSection], .detail, map, "next pane", "下一栏"),
      targets.isEmpty ? nil : targets.joined(separator: " ") + " " + t("next target", "换目标"),
      hint([.add], .detail, map, "add", "录入"), hint([.export], .detail, map, "export", "导出"),
      hint([.undo], .detail, map, "undo", "撤销"),
      hint([.help], .detail, map, "help", "帮助"), hint([.quit], .detail, map, "quit", "退出"),
    ].compactMap { $0 }
  }

  public func boardHints(_ map: KeyMap = .standard) -> [String] {
    [
      hint([.up, .down, .left, .right], .board, map, "move", "移动"),
      hint([.approve], .board, map, "approve", "审核通过"),
      hint([.returnFigure], .board, map, "return", "退回"),
      hint([.group], .board, map, "office/lead", "单位/牵头"),
      hint([.back], .board, map, "back", "返回"),
      hint([.help], .board, map, "help", "帮助"), hint([.quit], .board, map, "quit", "退出"),
    ].compactMap { $0 }
  }

  /// The key hints of the overview footer, most useful first; the last two always show. The
  /// board's key shows where the store uses the reporting cycle.
  public func overviewHints(board: Bool, _ map: KeyMap = .standard) -> [String] {
    let status = [DashboardAction.status1, .status2, .status3, .status4, .status5, .status6]
    return [
      hint([.up, .down], .overview, map, "move", "移动"),
      hint([.open], .overview, map, "detail", "详情"),
      board ? hint([.board], .overview, map, "board", "报送") : nil,
      hint([.add], .overview, map, "add", "录入"), hint([.filter], .overview, map, "filter", "筛选"),
      hint(status, .overview, map, "status", "状态"),
      hint([.export], .overview, map, "export", "导出"), hint([.sort], .overview, map, "sort", "排序"),
      hint([.group], .overview, map, "group", "分组"), hint([.undo], .overview, map, "undo", "撤销"),
      hint([.reload], .overview, map, "reload", "刷新"),
      hint([.help], .overview, map, "help", "帮助"), hint([.quit], .overview, map, "quit", "退出"),
    ].compactMap { $0 }
  }
}
