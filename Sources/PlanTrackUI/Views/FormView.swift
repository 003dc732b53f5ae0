import PlanTrackCore

/// The entry form, drawn as a box over the current view: fields, the parsed value as the
/// user types, and the reason saving is refused.
struct FormView {
  let state: AppState
  let theme: Theme

  func draw(into b: inout ScreenBuffer) {
    guard let f = state.form, let i = state.selectedIndex else { return }
    let zh = state.language == .zh
    let w = min(b.width - 4, 76)
    let h = 12
    let x0 = (b.width - w) / 2
    let y0 = max(1, (b.height - h) / 2)
    b.fill(x: 0, y: y0, width: b.width, height: h)
    let rule = String(repeating: theme.rule, count: w)
    b.put(rule, x: x0, y: y0, style: .dim)
    b.put(rule, x: x0, y: y0 + h - 1, style: .dim)
    let title = (zh ? "录入实际值：" : "New figure: ") + state.statuses[i].target.name
    b.put(" " + title + " ", x: x0 + 2, y: y0, style: .bold, limit: x0 + w)
    let names = zh ? ["数值", "日期", "备注", "来源"] : ["Value", "Date", "Note", "Source"]
    for field in EntryForm.Field.allCases {
      let y = y0 + 2 + field.rawValue
      let focused = f.focus == field
      b.put(
        DisplayWidth.pad(names[field.rawValue], to: 8), x: x0 + 2, y: y,
        style: focused ? .bold : .dim)
      let text = f[field] + (focused ? (theme.ascii ? "_" : "▏") : "")
      b.put(
        text, x: x0 + 11, y: y, style: focused ? Style(underline: true) : .plain, limit: x0 + w - 2)
    }
    let unit = f.unit.text
    let parsed: String
    switch f.parsedValue {
    case .success(let v): parsed = (zh ? "= " : "= ") + NumberText.figure(v) + " " + unit
    case .failure(let e): parsed = f.value.isEmpty ? (zh ? "单位：" : "unit: ") + unit : "\(e)"
    }
    b.put(parsed, x: x0 + 11, y: y0 + 7, style: .dim, limit: x0 + w - 2)
    if let error = f.error {
      b.put("! " + error, x: x0 + 2, y: y0 + 8, style: theme.style(.offTrack), limit: x0 + w - 2)
    }
    let hints =
      zh
      ? "Tab 下一项  回车 保存  Esc 取消   例：140.2万、1402345辆、１４０"
      : "Tab next field  Enter save  Esc cancel   e.g. 140.2万, 1402345辆, １４０"
    b.put(hints, x: x0 + 2, y: y0 + 10, style: .dim, limit: x0 + w - 2)
  }
}
