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
      ("", "?", zh ? "本帮助（任意键返回）" : "this help (any key returns)"),
      ("", "q Ctrl-C", zh ? "退出" : "quit"),
      (zh ? "录入" : "Form", "Tab ↑↓", zh ? "切换字段" : "next / previous field"),
      (
        "", "Enter",
        zh ? "保存（无法解析时说明原因，不写入）" : "save (or say why not; nothing is written)"
      ),
      ("", "Esc", zh ? "取消" : "cancel"),
    ]
  }

  func draw(into b: inout ScreenBuffer, top: Int) {
    let zh = state.language == .zh
    b.put(zh ? "按键说明" : "Keys", x: 0, y: top, style: .bold)
    var y = top + 2
    for (section, keys, what) in Self.bindings(zh) where y < b.height - 1 {
      b.put(section, x: 0, y: y, style: .bold)
      b.put(keys, x: 10, y: y, style: Style(bold: true))
      b.put(what, x: 31, y: y, limit: b.width)
      y += 1
    }
    b.put(
      zh
        ? "状态同时以文字和颜色显示；* 表示数据待更新。"
        : "Status is shown in words as well as colour; * marks a stale figure.", x: 0,
      y: b.height - 1, style: .dim)
  }
}
