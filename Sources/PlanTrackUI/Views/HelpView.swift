import PlanTrackCore

/// The keys the dashboard binds, from the user's key map (the keys `update` reads).
struct HelpView {
  let state: AppState
  let theme: Theme

  /// A row of the help: a section title (on its first row), the actions whose keys it lists
  /// (in `view`, from the user's key map), and what they do.
  typealias Row = (
    section: String, view: DashboardAction.View?, actions: [DashboardAction], keys: String,
    what: String
  )

  static func row(
    _ section: String, _ view: DashboardAction.View, _ actions: [DashboardAction], _ what: String
  ) -> Row {
    (section, view, actions, "", what)
  }

  /// A row whose keys are fixed (typing into a form).
  static func fixed(_ section: String, _ keys: String, _ what: String) -> Row {
    (section, nil, [], keys, what)
  }

  static func bindings(_ zh: Bool) -> [Row] {
    [
      row(zh ? "总览" : "Overview", .overview, [.up, .down], zh ? "移动" : "move"),
      row("", .overview, [.pageUp, .pageDown, .top, .bottom], zh ? "翻页、首尾" : "page, first, last"),
      row(
        "", .overview, [.open],
        zh ? "打开详情（地区行：折叠/展开，{fold} 同）" : "open the detail (a region: fold, as {fold})"),
      row(
        "", .overview, [.filter],
        zh ? "筛选：文字或 字段:值（同 --filter）" : "filter: words or field:value, as --filter"),
      row(
        "", .overview, [.status1, .status2, .status3, .status4, .status5, .status6],
        zh ? "显示/隐藏一种状态（按顶部计数的顺序）" : "show/hide a status (in the order of the counts)"),
      row(
        "", .overview, [.sort], zh ? "排序：状态 差距 期限 进度 名称" : "sort: status, gap, due, progress, name"),
      row(
        "", .overview, [.group],
        zh ? "分组：文件 类别 地区 牵头单位 状态 不分组" : "group: document, category, region, lead, status"),
      row("", .overview, [.clearFilter], zh ? "清除筛选" : "clear filters"),
      row(
        "", .overview, [.board],
        zh ? "报送情况：各单位各期的报送与审核（? 查看其按键）" : "reporting board: approve and return figures"),
      row(
        zh ? "详情" : "Detail", .detail, [.up, .down, .pageUp, .pageDown, .top], zh ? "滚动" : "scroll"),
      row(
        "", .detail, [.nextSection, .previousSection],
        zh ? "在各栏之间跳转（出处 节点 状态 图表 记录）" : "next / previous pane"),
      row(
        "", .detail, [.nextTarget, .previousTarget], zh ? "下一个/上一个目标" : "next / previous target"),
      row("", .detail, [.back], zh ? "返回总览" : "back to the overview"),
      row(
        zh ? "任意" : "Anywhere", .overview, [.add],
        zh ? "录入本月数据（数值、日期、备注、来源）" : "enter a figure (value, date, note, source)"),
      row("", .overview, [.undo], zh ? "撤销你最近一次录入" : "undo your last entry"),
      row("", .overview, [.export], zh ? "导出状态快照" : "export a status snapshot"),
      row("", .overview, [.reload], zh ? "重新加载目标和数据" : "reload targets and figures"),
    ] + helpAndQuit(zh, .overview) + [
      fixed(zh ? "录入" : "Form", "Tab ↑↓", zh ? "切换字段" : "next / previous field"),
      fixed(
        "", zh ? "回车" : "Enter",
        zh ? "保存（无法解析时说明原因，不写入）" : "save (or say why not; nothing is written)"),
      fixed("", "Esc", zh ? "取消" : "cancel"),
    ]
  }

  /// Help and quit, in `view`.
  static func helpAndQuit(_ zh: Bool, _ view: DashboardAction.View) -> [Row] {
    [
      row("", view, [.help], zh ? "本帮助（任意键返回）" : "this help (any key returns)"),
      row("", view, [.quit], zh ? "退出（Ctrl-C 总是退出）" : "quit (Ctrl-C always quits)"),
    ]
  }

  /// The board's keys, and what its cells say.
  static func boardBindings(_ zh: Bool) -> [Row] {
    [
      row(
        zh ? "报送" : "Board", .board, [.up, .down, .left, .right],
        zh ? "在单位和报送期之间移动" : "move between offices and periods"),
      row("", .board, [.pageUp, .pageDown, .top, .bottom], zh ? "翻页、首尾" : "page, first, last"),
      row("", .board, [.group], zh ? "按报送单位 / 牵头单位分行" : "rows: offices or lead units"),
      row("", .board, [.approve], zh ? "审核通过所选格中已报送的数据" : "approve the cell's submitted figures"),
      row("", .board, [.returnFigure], zh ? "退回（须填写意见）" : "return them with a comment (required)"),
      row("", .board, [.back], zh ? "返回总览" : "back to the overview"),
    ] + helpAndQuit(zh, .board) + [
      fixed(zh ? "意见" : "Comment", zh ? "回车" : "Enter", zh ? "退回" : "return the figures"),
      fixed("", "Esc", zh ? "取消" : "cancel"),
      fixed(
        zh ? "各格" : "Cells", zh ? "已审核 待审核" : "approved waiting",
        zh ? "已通过；已按时报送，待上级审核" : "approved; submitted on time, to review"),
      fixed(
        "", zh ? "已退回 迟报" : "returned late",
        zh ? "退回待更正；逾期报送" : "sent back to correct; submitted late"),
      fixed(
        "", zh ? "缺报 未到期" : "missing not due",
        zh ? "逾期未报；尚未到期" : "deadline passed, none; not due yet"),
      fixed(
        "", zh ? "缺报 3" : "missing 3",
        zh ? "多项数据时：最差的状态及其项数" : "several series: the worst, how many"),
    ]
  }

  func draw(into b: inout ScreenBuffer, top: Int) {
    let zh = state.language == .zh
    b.put(zh ? "按键说明" : "Keys", x: 0, y: top, style: .bold)
    var y = top + 1
    let bindings = state.boardOpen ? Self.boardBindings(zh) : Self.bindings(zh)
    let labels = state.labels
    for row in bindings where y < b.height - 1 {
      var keys = row.view.map { labels.allKeysText(row.actions, $0, state.keyMap) } ?? row.keys
      // The rows that hold in the overview and the detail: both views' keys when they differ.
      if row.view == .overview, [.add, .undo, .export, .reload].contains(row.actions.first) {
        let detail = labels.allKeysText(row.actions, .detail, state.keyMap)
        if detail != keys { keys = [keys, detail].filter { !$0.isEmpty }.joined(separator: " / ") }
        if keys.isEmpty { keys = "—" }
      }
      b.put(row.section, x: 0, y: y, style: .bold)
      b.put(keys, x: 10, y: y, style: Style(bold: true), limit: 30)
      let fold = labels.keysText([.fold], .overview, state.keyMap)
      b.put(row.what.replacingOccurrences(of: "{fold}", with: fold), x: 31, y: y, limit: b.width)
      y += 1
    }
    b.put(
      zh
        ? "状态同时以文字和颜色显示；* 数据待更新，? 数据尚未审核。"
        : "Statuses show in words as well as colour; * stale figure, ? not yet approved.", x: 0,
      y: b.height - 1, style: .dim)
  }
}
