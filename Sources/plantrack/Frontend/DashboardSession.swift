import Foundation
import PlanTrackCore
import PlanTrackExport
import PlanTrackStore
import PlanTrackUI

/// Carries out the dashboard's effects against the workspace and its store, and answers each
/// with a message. The only part of the dashboard that reads files or writes the store.
final class DashboardSession {
  let workspace: Workspace
  let filter: TargetFilter
  let language: Language
  /// Written at the top of every snapshot (the demo says its figures are generated).
  var label: String?
  private(set) var data: WorkspaceData
  private var store: (any ActualsStore)?
  private var token: StoreChangeToken?

  /// The review steps the board and the approval marks need at the dashboard's date.
  private let reviewLoad: ReviewLoad

  init(workspace: Workspace, filter: TargetFilter, language: Language, asOf: Day) throws {
    self.workspace = workspace
    self.filter = filter
    self.language = language
    reviewLoad = .at(asOf, months: ReportingLedger.defaultPeriods)
    store = try workspace.openStoreIfExists()
    token = try store?.changeToken()
    data = try workspace.load(store: store, reviews: reviewLoad)
  }

  /// Every target's status at `asOf`, filtered as the command line asked.
  func statuses(asOf: Day) -> [TargetStatus] {
    data.statuses(asOf: asOf, filter: filter)
  }

  /// Whether nothing can be saved: the store is read-only for this user, or there is none yet
  /// and the workspace cannot hold one.
  var isReadOnly: Bool { store?.isReadOnly ?? !workspace.canCreateStore }

  /// Whether the last poll found the store out of reach.
  private var lost = false

  /// Whether another process changed the store since the last look (or created it), or the
  /// store is out of reach; a store back after being out of reach counts as changed.
  func pollStore() -> StorePoll {
    do {
      guard let store else {
        guard let opened = try workspace.openStoreIfExists() else { return .unchanged }
        store = opened
        token = try opened.changeToken()
        return .changed
      }
      let now = try store.changeToken()
      defer { token = now }
      let back = lost
      lost = false
      return now != token || back ? .changed : .unchanged
    } catch {
      lost = true
      return .unavailable("\(error)")
    }
  }

  /// Carries out `effect`; `.quit` is the caller's.
  func perform(_ effect: Effect, asOf: Day) -> [Message] {
    do {
      switch effect {
      case .quit:
        return []
      case .reload:
        data = try workspace.load(store: store, reviews: reviewLoad)
        return [.loaded(statuses: statuses(asOf: asOf), asOf: asOf)]
          + (reporting().map { [.reportingLoaded($0)] } ?? [])
      case .record(let key, let input, let date, let note, let source):
        let point = try data.targets.recordPoint(for: key)
        let entry = try EntryInput.make(
          point: point, value: input, unit: nil, date: date, note: note, source: source,
          user: Frontend.user(), time: Frontend.timestamp())
        let store = try openStore()
        // Through the cycle: a figure of an approved period is refused here (PT314); the
        // command line takes the --reason such a correction needs.
        let stored = try cycle(store).append([entry], reason: nil).entries[0]
        token = try store.changeToken()
        let unit = point.unit.text
        let summary =
          language == .zh
          ? "已保存 #\(stored.id)：\(date.iso) \(NumberText.plain(stored.value ?? 0)) \(unit)"
          : "saved #\(stored.id): \(date.iso) \(NumberText.plain(stored.value ?? 0)) \(unit)"
        return [.recorded(key: key, summary: summary)]
      case .undo:
        let user = Frontend.user(of: store)
        guard let store, let last = try store.lastUndoable(by: user) else {
          throw StoreError.nothingToUndo(user: user)
        }
        let stored = try cycle(store).append(
          [.retraction(of: last, by: user, at: Frontend.timestamp())], reason: nil
        ).entries[0]
        token = try store.changeToken()
        let summary =
          language == .zh
          ? "已撤回 #\(last.id)（撤回记录 #\(stored.id)）"
          : "retracted #\(last.id) (retraction #\(stored.id))"
        return [.recorded(key: last.key, summary: summary)]
      case .export(let day):
        let statuses = statuses(asOf: day)
        let snapshot = Snapshot(
          asOf: day, statuses: statuses, label: label,
          reporting: data.reporting(statuses, asOf: day), timeliness: data.timeliness(asOf: day))
        let paths = try SnapshotWriter.write(
          snapshot, formats: Snapshot.Format.allCases, language: language,
          into: workspace.root.appendingPathComponent("snapshots"))
        return [.exported(paths.map { ($0 as NSString).lastPathComponent })]
      case .loadHistory(let key):
        return [.historyLoaded(key: key, lines: try history(key))]
      case .review(let action, let keys, let period, let comment):
        // The board shows where figures stood at its date; a decision is taken now, on
        // figures as they stand now, so only a board of today may take one.
        guard asOf == Frontend.today() else {
          return [
            .failed(
              language == .zh
                ? "看板日期不是今天：请不带 --as-of 打开后再审核"
                : "the board is as of \(asOf.iso): open it without --as-of to approve or return")
          ]
        }
        let store = try openStore()
        let cycle = cycle(store)
        // Several series as the scope, not as named keys: those this user may not review
        // (an office's own figures in a cell with others) are left as they are. One is named,
        // so that a refusal says why.
        let named = keys.count == 1
        let steps = try cycle.decide(
          action, keys: named ? keys : [], scope: named ? [] : keys,
          scopeName: keys.joined(separator: ", "), period: period, comment: comment)
        token = try store.changeToken()
        return [
          .reviewed(
            summary: Labels(language).reviewed(action, count: steps.count, period: period.label))
        ]
      }
    } catch {
      return [.failed("\(error)")]
    }
  }

  /// The reporting cycle's data for the board: every series some target reads or the store
  /// holds, with the review steps and figures loaded with the targets.
  func reporting() -> ReportingData? {
    ReportingData(
      series: data.reportingSeries, events: data.reviews, figures: data.series,
      usesCycle: data.usesReportingCycle)
  }

  /// The reporting cycle on `store` as this user, now.
  private func cycle(_ store: any ActualsStore) -> ReportingCycle {
    ReportingCycle(
      targets: data.targets, store: store, user: Frontend.user(of: store),
      time: Frontend.timestamp(), today: Frontend.today())
  }

  private func openStore() throws -> any ActualsStore {
    if let store { return store }
    let opened = try workspace.openStore()
    store = opened
    return opened
  }

  /// The entries of `key`'s series, with their state as `plantrack history` shows it.
  func history(_ key: String) throws -> [HistoryLine] {
    let point = try data.targets.recordPoint(for: key)
    let entries = try store?.entries(of: point) ?? []
    return zip(entries, EntryLog.states(entries)).map { e, state in
      return HistoryLine(
        asOf: e.asOf, value: e.value, enteredBy: e.enteredBy, enteredAt: e.enteredAt,
        state: state,
        note: [e.note, e.source].compactMap { $0 }.joined(separator: " · ").nilIfEmpty)
    }
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
