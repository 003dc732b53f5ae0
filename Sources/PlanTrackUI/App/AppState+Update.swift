import PlanTrackCore

extension AppState {
  /// Applies a message and returns the effects to carry out.
  public mutating func update(_ msg: Message) -> [Effect] {
    switch msg {
    case .resized(let w, let h):
      width = w
      height = h
      keepSelectionInView()
      return []
    case .loaded(let new, let day):
      statuses = new
      asOf = day
      storeProblem = nil
      if !selectionIsVisible { selectFirst() }
      keepSelectionInView()
      if mode == .detail, let key = selectedKey { return [.loadHistory(key: key)] }
      return []
    case .recorded(let key, let summary):
      message = summary
      form = nil
      if mode == .form { mode = .overview }
      selectedKey = key
      return [.reload] + (histories[key] != nil ? [.loadHistory(key: key)] : [])
    case .failed(let reason):
      if mode == .form { form?.error = reason } else { self.message = reason }
      commentForm = nil
      return []
    case .reportingLoaded(let data):
      reporting = data
      return []
    case .reviewed(let summary):
      message = summary
      commentForm = nil
      return [.reload]
    case .storeLost(let reason):
      storeProblem = reason
      return []
    case .exported(let paths):
      self.message = labels.exported + " " + paths.joined(separator: ", ")
      return []
    case .historyLoaded(let key, let lines):
      histories[key] = lines
      return []
    case .mouse(let event):
      return mouse(event)
    case .key(let key):
      if isTooSmall {
        return key == .control("c") || keyMap.action(for: key, in: .overview) == .quit
          ? [.quit] : []
      }
      switch mode {
      case .overview: return editingFilter ? filterKey(key) : overviewKey(key)
      case .detail: return detailKey(key)
      case .form: return formKey(key)
      case .board: return commentForm != nil ? commentKey(key) : boardKey(key)
      case .help:
        mode = previousMode
        return key == .control("c") ? [.quit] : []
      }
    }
  }

  var labels: Labels { Labels(language) }

  /// The mode help returns to.
  var previousMode: Mode {
    form != nil ? .form : (boardOpen ? .board : (detailOpen ? .detail : .overview))
  }

  var detailOpen: Bool { histories.keys.contains(selectedKey ?? "") && mode != .overview }

  // MARK: Overview

  mutating func overviewKey(_ key: Key) -> [Effect] {
    message = nil
    // ctrl-c always quits, whatever the key map says.
    let action = key == .control("c") ? .quit : keyMap.action(for: key, in: .overview)
    switch action {
    case .up: moveSelection(by: -1)
    case .down: moveSelection(by: 1)
    case .pageUp: moveSelection(by: -max(1, tableHeight - 1))
    case .pageDown: moveSelection(by: max(1, tableHeight - 1))
    case .top: selectFirst()
    case .bottom: moveSelection(by: statuses.count + rows.count)
    case .open,
      .fold where selectedRegion != nil:
      if let code = selectedRegion {
        toggle(region: code)
        return []
      }
      guard let key = selectedKey, selectedIndex != nil else { return [] }
      mode = .detail
      detailScroll = 0
      return [.loadHistory(key: key)]
    case .fold where grouping == .region:
      if let code = selectedRegion ?? selectedIndex.map({ regionOf(statuses[$0]).code }) {
        toggle(region: code)
      }
    case .add: return openForm()
    case .undo:
      if readOnly { message = labels.readOnly } else { return [.undo] }
    case .filter:
      editingFilter = true
    case .clearFilter:
      filterText = ""
      hiddenStatuses = []
    case .sort:
      sort =
        Sort.cycle.firstIndex(of: sort).map { Sort.cycle[($0 + 1) % Sort.cycle.count] } ?? .status
      message = labels.sortedBy + " " + labels.sortName(sort)
    case .group:
      grouping = Self.next(grouping)
      message = labels.groupedBy + " " + labels.groupName(grouping)
    case .status1, .status2, .status3, .status4, .status5, .status6:
      let toggles: [DashboardAction] = [.status1, .status2, .status3, .status4, .status5, .status6]
      let status = Status.allCases[toggles.firstIndex(of: action!)!]
      if hiddenStatuses.contains(status) {
        hiddenStatuses.remove(status)
      } else {
        hiddenStatuses.insert(status)
      }
    case .export: return [.export(asOf: asOf)]
    case .board: openBoard()
    case .reload:
      message = labels.reloading
      return [.reload]
    case .help: mode = .help
    case .quit: return [.quit]
    default: break
    }
    if !selectionIsVisible { selectFirst() }
    keepSelectionInView()
    return []
  }

  mutating func filterKey(_ key: Key) -> [Effect] {
    switch key {
    case .enter: editingFilter = false
    case .escape:
      editingFilter = false
      filterText = ""
    case .backspace, .delete: if !filterText.isEmpty { filterText.removeLast() }
    case .char(let c): filterText.append(c)
    case .control("c"): return [.quit]
    default: break
    }
    if !selectionIsVisible { selectFirst() }
    scroll = 0
    keepSelectionInView()
    return []
  }

  /// The number of table rows that fit: the screen less header, column titles and footer.
  /// On a workspace without figures, the steps to begin take the table's last rows.
  public var tableHeight: Int {
    max(1, height - 5 - (banner == nil ? 0 : 1) - (hasNoFigures ? OverviewView.firstRunHeight : 0))
  }

  mutating func selectFirst() {
    selectedKey = selectableKeys().first
    scroll = 0
  }

  /// The key of each row the selection can rest on: targets, and region headings when
  /// grouped by region (other group headings are skipped).
  func selectableKeys(targetsOnly: Bool = false) -> [String] {
    rows.compactMap { row -> String? in
      switch row {
      case .target(let i): statuses[i].target.key
      case .region(let code, _, _, _, _): targetsOnly ? nil : Self.regionKey(code)
      case .group: nil
      }
    }
  }

  /// Whether the selected row is on the screen's list of rows.
  var selectionIsVisible: Bool {
    if let code = selectedRegion {
      return rows.contains { if case .region(code, _, _, _, _) = $0 { true } else { false } }
    }
    guard let i = selectedIndex else { return false }
    return rows.contains(.target(i))
  }

  /// Moves the selection by `n` selectable rows (in the detail view, by `n` targets).
  mutating func moveSelection(by n: Int, targetsOnly: Bool = false) {
    let keys = selectableKeys(targetsOnly: targetsOnly)
    guard !keys.isEmpty else {
      selectedKey = nil
      return
    }
    let here = selectedKey.flatMap { keys.firstIndex(of: $0) } ?? 0
    selectedKey = keys[min(max(0, here + n), keys.count - 1)]
  }

  /// Collapses or expands a region's heading, and selects it.
  mutating func toggle(region code: String) {
    if collapsedRegions.contains(code) {
      collapsedRegions.remove(code)
    } else {
      collapsedRegions.insert(code)
    }
    selectedKey = Self.regionKey(code)
  }

  /// Scrolls so that the selected row (and its group heading, when it is the first) shows.
  mutating func keepSelectionInView() {
    let all = rows
    let found: Int?
    if let code = selectedRegion {
      found = all.firstIndex { if case .region(code, _, _, _, _) = $0 { true } else { false } }
    } else {
      found = selectedIndex.flatMap { i in all.firstIndex(of: .target(i)) }
    }
    guard let r = found else {
      scroll = 0
      return
    }
    let top =
      r > 0 && { if case .group = all[r - 1] { return true } else { return false } }() ? r - 1 : r
    if top < scroll { scroll = top }
    if r >= scroll + tableHeight { scroll = r - tableHeight + 1 }
    scroll = max(0, min(scroll, max(0, all.count - tableHeight)))
  }

  static func next<T: CaseIterable & Equatable>(_ value: T) -> T {
    let all = Array(T.allCases)
    let i = all.firstIndex(of: value)!
    return all[(i + 1) % all.count]
  }

  // MARK: Detail

  mutating func detailKey(_ key: Key) -> [Effect] {
    message = nil
    let action = key == .control("c") ? .quit : keyMap.action(for: key, in: .detail)
    switch action {
    case .back: mode = .overview
    case .up: detailScroll = max(0, detailScroll - 1)
    case .down: detailScroll += 1
    case .pageUp: detailScroll = max(0, detailScroll - (height - 4))
    case .pageDown: detailScroll += height - 4
    case .top: detailScroll = 0
    case .nextSection, .previousSection:
      // Tab moves between the panes: provenance, milestones, status, chart, entries.
      let starts = DetailView(state: self, theme: theme)
        .sectionStarts(width: width - 2)
      if action == .nextSection {
        detailScroll = starts.first { $0 > detailScroll } ?? starts.first ?? 0
      } else {
        detailScroll = starts.last { $0 < detailScroll } ?? starts.last ?? 0
      }
    case .nextTarget, .previousTarget:
      moveSelection(by: action == .nextTarget ? 1 : -1, targetsOnly: true)
      detailScroll = 0
      if let k = selectedKey { return [.loadHistory(key: k)] }
    case .add: return openForm()
    case .undo:
      if readOnly { message = labels.readOnly } else { return [.undo] }
    case .export: return [.export(asOf: asOf)]
    case .reload: return [.reload]
    case .help: mode = .help
    case .quit: return [.quit]
    default: break
    }
    return []
  }

  // MARK: Entry form

  mutating func openForm() -> [Effect] {
    guard let i = selectedIndex else { return [] }
    if readOnly {
      message = labels.readOnly
      return []
    }
    form = EntryForm(key: statuses[i].target.key, unit: statuses[i].target.unit, date: asOf)
    form?.sameCount = statuses[i].target.placement?.sameCount ?? []
    mode = .form
    return []
  }

  mutating func formKey(_ key: Key) -> [Effect] {
    guard var f = form else {
      mode = .overview
      return []
    }
    switch key {
    case .escape:
      form = nil
      mode = selectedKey.map { histories[$0] != nil } == true ? .detail : .overview
      return []
    case .tab, .down: f.focus = EntryForm.Field(rawValue: (f.focus.rawValue + 1) % 4)!
    case .backTab, .up: f.focus = EntryForm.Field(rawValue: (f.focus.rawValue + 3) % 4)!
    case .backspace, .delete:
      if !f[f.focus].isEmpty { f[f.focus].removeLast() }
      f.error = nil
    case .char(let c):
      f[f.focus].append(c)
      f.error = nil
    case .enter:
      if let problem = f.problem {
        f.error = problem
      } else {
        form = f
        let note = f.note.trimmingWhitespace
        let source = f.source.trimmingWhitespace
        return [
          .record(
            key: f.key, input: f.value.trimmingWhitespace, date: f.parsedDate!,
            note: note.isEmpty ? nil : note, source: source.isEmpty ? nil : source)
        ]
      }
    case .control("c"): return [.quit]
    default: break
    }
    form = f
    return []
  }
}
