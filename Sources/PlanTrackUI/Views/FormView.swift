import PlanTrackCore

/// The entry form, drawn as a box over the current view: fields, the parsed value as the
/// user types, and the reason saving is refused.
struct FormView {
  let state: AppState
  let theme: Theme

  func draw(into b: inout ScreenBuffer) {
    guard let f = state.form, let i = state.selectedIndex else { return }
    let zh = state.language == .zh
    let h = 12
    let title = (zh ? "录入实际值：" : "New figure: ") + state.statuses[i].target.name
    let (x0, y0, w) = Self.box(into: &b, theme: theme, title: title, height: h)
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

  /// Clears a band of `height` rows across the middle of the screen and draws a box's rules
  /// with `title` on the top one; returns the box's left column, top row and width.
  static func box(into b: inout ScreenBuffer, theme: Theme, title: String, height h: Int)
    -> (x: Int, y: Int, width: Int)
  {
    let w = min(b.width - 4, 76)
    let x0 = (b.width - w) / 2
    let y0 = max(1, (b.height - h) / 2)
    b.fill(x: 0, y: y0, width: b.width, height: h)
    let rule = String(repeating: theme.rule, count: w)
    b.put(rule, x: x0, y: y0, style: .dim)
    b.put(rule, x: x0, y: y0 + h - 1, style: .dim)
    b.put(" " + title + " ", x: x0 + 2, y: y0, style: .bold, limit: x0 + w)
    return (x0, y0, w)
  }
}

/// The form for a return's comment, drawn as a box over the board: what it returns, the
/// comment as typed, and why it cannot be sent yet.
struct CommentFormView {
  let state: AppState
  let theme: Theme

  func draw(into b: inout ScreenBuffer) {
    guard let f = state.commentForm else { return }
    let labels = state.labels
    let (x0, y0, w) = FormView.box(
      into: &b, theme: theme, title: labels.returnTitle(f.period.label, f.name), height: 9)
    let limit = x0 + w - 2
    b.put(
      labels.figuresToReturn(f.keys.count) + f.keys.joined(separator: ", "), x: x0 + 2, y: y0 + 2,
      style: .dim, limit: limit)
    let name = DisplayWidth.pad(labels.comment, to: 10)
    let x = b.put(name, x: x0 + 2, y: y0 + 4, style: .bold)
    b.put(
      f.text + (theme.ascii ? "_" : "▏"), x: x, y: y0 + 4, style: Style(underline: true),
      limit: limit)
    if let error = f.error {
      b.put("! " + error, x: x0 + 2, y: y0 + 5, style: theme.problem, limit: limit)
    }
    b.put(labels.commentHints, x: x0 + 2, y: y0 + 7, style: .dim, limit: limit)
  }
}
