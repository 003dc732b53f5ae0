import PlanTrackCore

/// Turns what a person typed (key, value text, unit, date) into an entry for a target,
/// checking everything before anything is written.
public enum EntryInput {
  /// A value entry for `key` (a target key or a series key), stored under its series in the
  /// series' unit, or a thrown `StoreError.unknownTarget` / `.unknownSeries` / `QuantityError`.
  public static func make(
    targets: TargetSet, key: String, value text: String, unit: String?, date: Day, note: String?,
    source: String?, user: String, time: String
  ) throws -> NewEntry {
    try make(
      point: targets.recordPoint(for: key), value: text, unit: unit, date: date, note: note,
      source: source, user: user, time: time)
  }

  /// A value entry for a resolved record point, in its series' unit.
  public static func make(
    point: RecordPoint, value text: String, unit: String?, date: Day, note: String?,
    source: String?, user: String, time: String
  ) throws -> NewEntry {
    let value = try ValueInput.parse(
      text, unit: unit, targetUnit: point.unit, sameCount: point.sameCount)
    let input = unit.map { text + $0 } ?? text
    return .value(
      key: point.series, asOf: date, value: value, input: input, note: note, source: source,
      by: user, at: time)
  }

  /// A known key with the same target id (`nev-stock` → `sd-nev-countryside/nev-stock`), when
  /// exactly one target has it.
  public static func suggestion(for key: String, in targets: TargetSet) -> String? {
    let id = key.split(separator: "/").last.map(String.init) ?? key
    let matches = targets.targets.map(\.key).filter { $0.hasSuffix("/" + id) }
    return matches.count == 1 ? matches[0] : nil
  }
}
