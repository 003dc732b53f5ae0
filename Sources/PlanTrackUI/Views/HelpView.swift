import PlanTrackCore

/// The keys the dashboard binds, as `update` handles them.
struct HelpView {
  let state: AppState
  let theme: Theme

  static func bindings(_ zh: Bool) -> [(String, String, String)] {
    [
      (zh ? "总览" : "Overview", "↑↓ j k", zh ? "移动" : "move"),
      ("", "PgUp PgDn Home End G", zh ? "翻页、首尾" : "page, first, last"),
      ("", "Enter → l", zh ? "打开详情（地区行：折叠/展开，z 同）" : "open the detail (a region: fold, as z)"),
      (
        "", "/",
        zh ? "筛选：文字或 字段:值（同 --filter）" : "filter: words or field:value, as --filter"
      ),
      (
        "", "1-6",
        zh
          ? "显示/隐藏一种状态（按顶部计数的顺序）"
          : "show/hide a status (in the order of the counts)"
      ),
      ("", "s", zh ? "排序：状态 差距 期限 进度 名称" : "sort: status, gap, due, progress, name"),
      (
        "", "b",
        zh ? "分组：文件 类别 地区 牵头单位 状态 不分组" : "group: document, category, region, lead, status"
      ),
      ("", "Esc", zh ? "清除筛选" : "clear filters"),
      ("", "r", zh ? "报送情况：各单位各期的报送与审核（? 查看其按键）" : "reporting board: approve and return figures"),
      (zh ? "详情" : "Detail", "↑↓ PgUp PgDn Home", zh ? "滚动" : "scroll"),
      ("", "Tab Shift-Tab", zh ? "在各栏之间跳转（出处 节点 状态 图表 记录）" : "next / previous pane"),
      ("", "] [", zh ? "下一个/上一个目标" : "next / previous target"),
      ("", "Esc ← h", zh ? "返回总览" : "back to the overview"),
      (
        zh ? "任意" : "Anywhere", "a",
        zh ? "录入本月数据（数值、日期、备注、来源）" : "enter a figure (value, date, note, source)"
      ),
      ("", "u", zh ? "撤销你最近一次录入" : "undo your last entry"),
      ("", "e", zh ? "导出状态快照" : "export a status snapshot"),
      ("", "g", zh ? "重新加载目标和数据" : "reload targets and figures"),
    ] + helpAndQuit(zh) + [
      (zh ? "录入" : "Form", "Tab ↑↓", zh ? "切换字段" : "next / previous field"),
      (
        "", "Enter",
        zh ? "保存（无法解析时说明原因，不写入）" : "save (or say why not; nothing is written)"
      ),
      ("", "Esc", zh ? "取消" : "cancel"),
    ]
  }

  /// Help and quit: the same keys everywhere.
  static func helpAndQuit(_ zh: Bool) -> [(String, String, String)] {
    [
      ("", "?", zh ? "本帮助（任意键返回）" : "this help (any key returns)"),
      ("", "q Ctrl-C", zh ? "退出" : "quit"),
    ]
  }

  /// The board's keys, and what its cells say.
  static func boardBindings(_ zh: Bool) -> [(String, String, String)] {
    [
      (
        zh ? "报送" : "Board", "↑↓←→ h j k l", zh ? "在单位和报送期之间移动" : "move between offices and periods"
      ),
      ("", "PgUp PgDn Home End", zh ? "翻页、首尾" : "page, first, last"),
      ("", "g", zh ? "按报送单位 / 牵头单位分行" : "rows: offices or lead units"),
      ("", "A", zh ? "审核通过所选格中已报送的数据" : "approve the cell's submitted figures"),
      ("", "R", zh ? "退回（须填写意见）" : "return them with a comment (required)"),
      ("", "Esc r", zh ? "返回总览" : "back to the overview"),
    ] + helpAndQuit(zh) + [
      (zh ? "意见" : "Comment", "Enter", zh ? "退回" : "return the figures"),
      ("", "Esc", zh ? "取消" : "cancel"),
      (
        zh ? "各格" : "Cells", zh ? "已审核 待审核" : "approved waiting",
        zh ? "已通过；已按时报送，待上级审核" : "approved; submitted on time, to review"
      ),
      (
        "", zh ? "已退回 迟报" : "returned late",
        zh ? "退回待更正；逾期报送" : "sent back to correct; submitted late"
      ),
      (
        "", zh ? "缺报 未到期" : "missing not due",
        zh ? "逾期未报；尚未到期" : "deadline passed, none; not due yet"
      ),
      (
        "", zh ? "缺报 3" : "missing 3",
        zh ? "多项数据时：最差的状态及其项数" : "several series: the worst, how many"
      ),
    ]
  }

  func draw(into b: inout ScreenBuffer, top: Int) {
    let zh = state.language == .zh
    b.put(zh ? "按键说明" : "Keys", x: 0, y: top, style: .bold)
    var y = top + 1
    let bindings = state.boardOpen ? Self.boardBindings(zh) : Self.bindings(zh)
    for (section, keys, what) in bindings where y < b.height - 1 {
      b.put(section, x: 0, y: y, style: .bold)
      b.put(keys, x: 10, y: y, style: Style(bold: true))
      b.put(what, x: 31, y: y, limit: b.width)
      y += 1
    }
    b.put(
      zh
        ? "状态同时以文字和颜色显示；* 数据待更新，? 数据尚未审核。"
        : "Statuses show in words as well as colour; * stale figure, ? not yet approved.", x: 0,
      y: b.height - 1, style: .dim)
  }
}
