/// Counts and shares of each status within groups of targets.
public struct Rollup: Hashable, Sendable {
  /// What to group by.
  public enum Dimension: String, Sendable, CaseIterable {
    case document, category, region, lead, level
  }

  /// One group's counts.
  public struct Group: Hashable, Sendable {
    public let name: String
    public let counts: [Status: Int]
    public let total: Int

    /// The share of targets in this group with `status` (0 for an empty group).
    public func share(_ status: Status) -> Double {
      total == 0 ? 0 : Double(counts[status, default: 0]) / Double(total)
    }
  }

  public let dimension: Dimension
  /// Sorted by name.
  public let groups: [Group]

  /// The group names of one target: a target with several lead units counts in each.
  public static func keys(of target: Target, by dimension: Dimension) -> [String] {
    switch dimension {
    case .document: return [target.document.id]
    case .category: return [target.category]
    case .region: return [target.document.region ?? "—"]
    case .level: return [target.document.level ?? "—"]
    case .lead: return target.lead.isEmpty ? ["—"] : target.lead
    }
  }

  /// Groups `statuses` by `dimension`.
  /// - Complexity: O(n log n).
  public init(_ statuses: [TargetStatus], by dimension: Dimension) {
    var counts: [String: [Status: Int]] = [:]
    for s in statuses {
      for key in Rollup.keys(of: s.target, by: dimension) {
        counts[key, default: [:]][s.status, default: 0] += 1
      }
    }
    self.dimension = dimension
    self.groups = counts.keys.sorted().map { name in
      let c = counts[name]!
      return Group(name: name, counts: c, total: c.values.reduce(0, +))
    }
  }

  /// The counts over all of `statuses`.
  public static func totals(_ statuses: some Sequence<TargetStatus>) -> Group {
    totals(statuses.lazy.map(\.status))
  }

  /// The counts of a sequence of statuses.
  public static func totals(_ statuses: some Sequence<Status>) -> Group {
    var c: [Status: Int] = [:]
    var total = 0
    for s in statuses {
      c[s, default: 0] += 1
      total += 1
    }
    return Group(name: "all", counts: c, total: total)
  }
}
