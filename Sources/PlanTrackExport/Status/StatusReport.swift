import PlanTrackCore

/// The status of a set of targets at one as-of date: what `status` prints and snapshots hold.
public struct StatusReport: Sendable {
  public let asOf: Day
  /// In display order.
  public let statuses: [TargetStatus]

  public init(asOf: Day, statuses: [TargetStatus]) {
    self.asOf = asOf
    self.statuses = statuses
  }

  /// Counts of each status over the whole report.
  public var totals: Rollup.Group { Rollup.totals(statuses) }
}

/// The language of labels.
public enum Language: String, Sendable, CaseIterable {
  case en, zh

  /// `zh` when a locale variable (LC_ALL, LC_MESSAGES, LANG, in that order) starts with `zh`.
  public static func from(environment env: [String: String]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let v = env[name], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
    }
    return .en
  }

  /// The label of a status in this language.
  public func label(_ status: Status) -> String { self == .zh ? status.chinese : status.english }
}
