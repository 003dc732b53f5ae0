import PlanTrackCore

/// A workspace's targets and the effective series of its store, read together: what every
/// status, export and dashboard view is computed from.
public struct WorkspaceData: Sendable {
  public let targets: TargetSet
  /// The effective series by series key (a target's own key when it has no indicator).
  public let series: [String: [Observation]]

  public init(targets: TargetSet, series: [String: [Observation]]) {
    self.targets = targets
    self.series = series
  }

  /// The figures as they stand at `asOf`: each series, roll-ups, stand-ins.
  public func book(asOf: Day) -> FigureBook {
    FigureBook(
      series: series, indicators: targets.catalog.indicators, regions: targets.catalog.regions,
      asOf: asOf)
  }

  /// Every target's status at `asOf`, in target-file order, keeping those `filter` lets
  /// through (see `StatusEngine.evaluate(_:book:filter:)`).
  public func statuses(asOf: Day, filter: TargetFilter = .all) -> [TargetStatus] {
    StatusEngine().evaluate(targets.targets, book: book(asOf: asOf), filter: filter)
  }
}

extension Workspace {
  /// Reads the target files (on other threads) while `store`'s series is read on this one.
  /// With no store (nothing recorded yet) every series is empty.
  public func load(store: (any ActualsStore)?) throws(StoreError) -> WorkspaceData {
    do {
      let (targets, read) = try Parallel.pair({ [self] in loadTargets() }) {
        () throws(StoreError) in try store?.seriesByKey() ?? [:]
      }
      var series = read
      // Targets that named an indicator after figures were recorded under their own key: those
      // figures count for the series (rare; read entry by entry to resolve them together).
      if let store {
        var merged = Set<String>()
        for t in targets.targets where t.series != t.key && read[t.key] != nil {
          guard merged.insert(t.series).inserted else { continue }
          let point = try targets.recordPoint(for: t.key)
          series[t.series] = EntryLog.series(try store.entries(of: point))
        }
      }
      return WorkspaceData(targets: targets, series: series)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(readFailure: error)
    }
  }
}
