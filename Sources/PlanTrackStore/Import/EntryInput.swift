import PlanTrackCore

/// Turns what a person typed (key, value text, unit, date) into an entry for a target,
/// checking everything before anything is written.
public enum EntryInput {
  /// A value entry for `key`, or a thrown `StoreError.unknownTarget` / `QuantityError`.
  public static func make(
    targets: TargetSet, key: String, value text: String, unit: String?, date: Day, note: String?,
    source: String?, user: String, time: String
  ) throws -> NewEntry {
    guard let target = targets.target(key: key) else {
      throw StoreError.unknownTarget(key: key, suggestion: suggestion(for: key, in: targets))
    }
    let value = try ValueInput.parse(text, unit: unit, targetUnit: target.unit)
    let input = unit.map { text + $0 } ?? text
    return .value(
      key: key, asOf: date, value: value, input: input, note: note, source: source, by: user,
      at: time)
  }

  /// A known key with the same target id (`nev-stock` → `sd-nev-countryside/nev-stock`), when
  /// exactly one target has it.
  public static func suggestion(for key: String, in targets: TargetSet) -> String? {
    let id = key.split(separator: "/").last.map(String.init) ?? key
    let matches = targets.targets.map(\.key).filter { $0.hasSuffix("/" + id) }
    return matches.count == 1 ? matches[0] : nil
  }
}
